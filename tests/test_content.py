"""Markdown articles → story blocks."""

from __future__ import annotations

from pathlib import Path

import pytest

from ials_print.content.markdown import parse_article
from ials_print.content.story import Bio, Figure, Heading, ListBlock, Paragraph, PullQuote, Run
from ials_print.errors import InputError
from ials_print.layout.markup import typeset_runs

ARTICLE = """---
title: Titre
kicker: Rubrique
standfirst: Le chapô.
interview: true
---

**Une question ?**

Une réponse en *italique*, en **gras**, au 3<sup>e</sup> rang, avec un [lien](https://ials.fr).\\
Après un saut de ligne.

## Intertitre

- un
- deux

> Une exergue.

::: across 2
En travers.
:::

![Légende](visuel "Crédit")

::: bio Jean Dupont
Sa *bio*.
:::
"""


def test_blocks():
    a = parse_article(ARTICLE, Path("a.md"))
    assert a.meta.title == "Titre" and a.meta.kicker == "Rubrique" and a.meta.interview
    kinds = [type(b) for b in a.blocks]
    assert kinds == [Paragraph, Paragraph, Heading, ListBlock, PullQuote, PullQuote, Figure, Bio]
    assert a.blocks[4].across_page is None and a.blocks[5].across_page == 2
    question, answer = a.blocks[0], a.blocks[1]
    assert question.role == "question" and question.runs == (Run("Une question ?"),)
    assert Run("italique", italic=True) in answer.runs and Run("gras", bold=True) in answer.runs
    assert Run("e", sup=True) in answer.runs
    assert Run("lien", href="https://ials.fr") in answer.runs
    assert any("\n" in r.text for r in answer.runs)
    fig = a.blocks[6]
    assert fig.image_id == "visuel" and fig.credit == "Crédit" and fig.caption == (Run("Légende"),)
    bio = a.blocks[7]
    assert bio.name == "Jean Dupont" and bio.paragraphs[0][1] == Run("bio", italic=True)
    assert "Jean Dupont" in a.plain_text() and "Le chapô." in a.plain_text()


def test_no_front_matter():
    with pytest.raises(InputError) as exc:
        parse_article("Juste du texte.\n", Path("x.md"))
    assert "x.md:1:1: expected front matter" in str(exc.value)


def test_unsupported_html():
    with pytest.raises(InputError) as exc:
        parse_article("---\ntitle: t\n---\n\nDu <span>html</span>.\n", Path("h.md"))
    assert "h.md:5: unsupported inline HTML" in str(exc.value)


def test_quotes_pair_across_inline_styles():
    runs = typeset_runs([Run('Il a lancé "'), Run("Stable Video", bold=True), Run('" : bravo !')])
    assert [r.text for r in runs] == ["Il a lancé «\u202f", "Stable Video", "\u202f»\u202f: bravo\u202f!"]
    assert runs[1].bold


@pytest.mark.parametrize("path", sorted((Path(__file__).parent.parent / "issue" / "texts").glob("*.md")), ids=str)
def test_every_issue_text_parses(path):
    """All converted articles of issue n°3 parse, wired into the flatplan yet or not."""
    from ials_print.content.markdown import load_article

    article = load_article(path)
    assert article.meta.title and article.blocks


@pytest.mark.parametrize(
    "body,message",
    [
        ("- a\n- b\n  - c\n- d\n", "nested lists are not supported"),
        ("Du texte ![x](visuel) au milieu.\n", "must stand alone in its paragraph"),
        ("::: encadre Titre\ntexte\n:::\n", "unknown block '::: encadre'"),
        ("::: box B\n- item\n:::\n", "a list cannot stand inside"),
        ("::: across deux\nTexte.\n:::\n", "expected '::: across PAGE'"),
    ],
)
def test_content_mistakes_are_reported(body, message):
    with pytest.raises(InputError) as exc:
        parse_article("---\ntitle: t\n---\n\n" + body, Path("m.md"))
    assert message in str(exc.value) and "m.md:" in str(exc.value)


def test_small_capitals_tag_and_centuries():
    from ials_print.layout.markup import centuries_in_small_caps

    a = parse_article("---\ntitle: t\n---\n\nLe <sc>cnrs</sc> et le XIX<sup>e</sup> siècle.\n", Path("s.md"))
    runs = a.blocks[0].runs
    assert [r.text for r in runs if r.smallcaps] == ["cnrs"]
    laid = centuries_in_small_caps(list(runs))
    assert [r.text for r in laid if r.smallcaps] == ["cnrs", "XIX"]
    assert "".join(r.text for r in laid) == "".join(r.text for r in runs)

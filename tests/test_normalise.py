"""The normaliser: typing slips fixed at load, each recorded with its line; notes for what a person decides."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from ials_print import kit
from ials_print.cli import NOTES_SHOWN, app
from ials_print.content.markdown import parse_article
from ials_print.content.normalise import Fix, normalise_article, normalise_blocks, normalise_text
from ials_print.content.story import BigNumber, Bio, Box, Figure, ListBlock, Paragraph, Run
from ials_print.content.typography import make_hyphenator
from ials_print.errors import InputError
from ials_print.manifest.load import load_issue
from ials_print.manifest.model import Manifest
from tests.conftest import ROOT

NBSP = "\u00a0"
NNBSP = "\u202f"
SHY = "\u00ad"


def fixed(text: str) -> str:
    return normalise_text(text)[0]


def rules(text: str) -> list[str]:
    return [c.rule for c in normalise_text(text)[2]]


# ---------------------------------------------------------------------------
# Rules, on plain text
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("src", "expected", "rule"),
    [
        ("50% des", f"50{NNBSP}% des", "percent"),
        ("de 5,5%.", f"de 5,5{NNBSP}%.", "percent"),
        ("le n°3", f"le n°{NBSP}3", "n°"),
        ("le N° 3", f"le n°{NBSP}3", "n°"),
        ("le n °3", f"le n°{NBSP}3", "n°"),
        ("le nº 3", f"le n°{NBSP}3", "n°"),
        ("N°1 des ventes", f"N°{NBSP}1 des ventes", "n°"),  # a sentence starts with it
        ("IALS N°3", f"IALS N°{NBSP}3", "n°"),  # a line in capitals
        ("15 mn", f"15{NBSP}min", "min"),
        ("15mn de pause", f"15{NBSP}min de pause", "min"),
        ("mot - mot", "mot – mot", "dash"),
        (f"mot{NBSP}- mot", f"mot{NBSP}– mot", "dash"),
        ("fin….", "fin…", "ellipsis"),
        ("fin....", "fin…", "ellipsis"),
        ("fin.....", "fin…", "ellipsis"),
        ("« a « b » c »", "« a “b” c »", "guillemets"),
        ("Ca ferait quoi ?", "Ça ferait quoi ?", "Ç"),
        ("et Ca, jamais.", "et Ça, jamais.", "Ç"),
        (
            "«\u202fil dit «\u202foui\u202f» puis «\u202fnon\u202f»\u202f»",
            "«\u202fil dit “oui” puis “non”\u202f»",
            "guillemets",
        ),
    ],
)
def test_rules(src: str, expected: str, rule: str) -> None:
    text, _, changes = normalise_text(src)
    assert text == expected
    assert {c.rule for c in changes} == {rule}


@pytest.mark.parametrize(
    "src",
    [
        f"50{NNBSP}% des",
        "50 % des",  # french_typography binds it at layout
        f"n°{NBSP}3",
        "le nom°",
        "20 °C",
        "un mot-clé, vis-à-vis",
        "-5 et 3-4",
        "– tiret – déjà",
        "fin…",
        "fin...",  # typography makes … of it at layout
        "« a » et « b »",
        "« a « b",  # nothing nested is closed
        "l'Apple IIe)",  # a name, not an ordinal
        "Le, Ce, De, Me Dupont, LIVe",
        "Cie, Mme, Vie",
        "le 1.5e",
        "Quand 2e-5 est petit",
        "un mp3e",
        "2 mnémoniques, omn, 3 mn’",
        "le 3ème",  # plain strings have no superscript: see test_ordinals
        "https://ials.fr/a-b/n°3/50%/3ème/x....y",
        "jean-dupont@ials.fr",
        "@ials_magazine #ia50%",
    ],
)
def test_left_alone(src: str) -> None:
    assert normalise_text(src, superscripts=False)[0] == src
    if not src.startswith("le 3ème"):
        assert normalise_text(src)[2] == []


@pytest.mark.parametrize(
    ("src", "number", "sup", "before", "after"),
    [
        ("au 3ème rang", "3", "e", "3ème", "3ᵉ"),
        ("au 3eme rang", "3", "e", "3eme", "3ᵉ"),
        ("au 3ième rang", "3", "e", "3ième", "3ᵉ"),
        ("au 3 ème rang", "3", "e", "3 ème", "3ᵉ"),
        ("au 3e rang", "3", "e", "3e", "3ᵉ"),
        ("les 3èmes places", "3", "es", "3èmes", "3ᵉˢ"),
        ("le 1er mai", "1", "er", "1er", "1ᵉʳ"),
        ("la 1ère fois", "1", "re", "1ère", "1ʳᵉ"),
        ("la 1re fois", "1", "re", "1re", "1ʳᵉ"),
        ("le 2nd tour", "2", "nd", "2nd", "2ⁿᵈ"),
        ("la 2nde fois", "2", "nde", "2nde", "2ⁿᵈᵉ"),
        ("au XIXème siècle", "XIX", "e", "XIXème", "XIXᵉ"),
        ("au XIXe siècle", "XIX", "e", "XIXe", "XIXᵉ"),
        ("la Ve République", "V", "e", "Ve", "Vᵉ"),
        ("François Ier", "I", "er", "Ier", "Iᵉʳ"),
    ],
)
def test_ordinals(src: str, number: str, sup: str, before: str, after: str) -> None:
    (block,), (fix,), _ = normalise_blocks([Paragraph((Run(src),), 7)])
    head, tail = src.split(before)
    assert block.runs == tuple(r for r in (Run(head + number), Run(sup, sup=True), Run(tail)) if r.text)
    assert fix == Fix(7, before, after, "ordinal")


def test_ordinal_chains_and_refusals() -> None:
    assert [c.after for c in normalise_text("du XIXe au XXe siècle")[2]] == ["XIXᵉ", "XXᵉ"]
    assert [c.after for c in normalise_text("XIXe-XXe siècles")[2]] == ["XIXᵉ", "XXᵉ"]
    assert normalise_text("le 2er, la 3re, le 5nd")[2] == []


def test_ordinal_keeps_the_run_style_and_an_existing_superscript() -> None:
    runs = (Run("au "), Run("3ème", bold=True), Run(" rang"))
    (block,), (fix,), _ = normalise_blocks([Paragraph(runs, 1)])
    assert block.runs == (Run("au "), Run("3", bold=True), Run("e", bold=True, sup=True), Run(" rang"))
    # written 3<sup>ème</sup>: the superscript shrinks to e
    (block,), (fix,), _ = normalise_blocks([Paragraph((Run("au 3"), Run("ème", sup=True), Run(" rang")), 1)])
    assert block.runs == (Run("au 3"), Run("e", sup=True), Run(" rang"))
    assert (fix.before, fix.after) == ("3ème", "3ᵉ")
    # written 3<sup>e</sup>: already right, nothing recorded
    runs = (Run("au 3"), Run("e", sup=True), Run(" rang"))
    (block,), fixes, _ = normalise_blocks([Paragraph(runs, 1)])
    assert block.runs is runs and fixes == []


def test_fix_records_the_words_around() -> None:
    (fix,) = normalise_blocks([Paragraph((Run("Nathalie Dupuy - animal créatif"),), 3)])[1]
    assert fix == Fix(3, "Dupuy - animal", "Dupuy – animal", "dash")
    assert str(fix) == "'Dupuy - animal' → 'Dupuy – animal' (dash)"


# ---------------------------------------------------------------------------
# Notes: A → À
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("src", "excerpt"),
    [
        ("A partir de là.", "A partir"),
        ("Il pleut. A Paris, rien.", "A Paris"),
        ("Bien, A l’heure dite.", "A l’heure"),
        ("Il dit : « A demain ».", "A demain"),
    ],
)
def test_capital_a_is_noted_not_changed(src: str, excerpt: str) -> None:
    runs = (Run(src),)
    (block,), fixes, (note,) = normalise_blocks([Paragraph(runs, 4)])
    assert block.runs is runs and fixes == []
    assert note.excerpt == excerpt and note.line == 4 and note.rule == "A → À"
    assert "'À'" in str(note)


@pytest.mark.parametrize("src", ["Plan A, B ou C.", "A new world.", "La note A est bonne.", "Une A380 vole.", "A."])
def test_capital_a_not_noted(src: str) -> None:
    assert normalise_blocks([Paragraph((Run(src),), 1)])[2] == []


# ---------------------------------------------------------------------------
# Blocks, articles, lines
# ---------------------------------------------------------------------------

ARTICLE = """---
title: Le n°3 à 100%
kicker: Tendance
standfirst: >-
  Un chapô sur deux lignes,
  à 50%.
---

Un paragraphe, sans faute.

Un autre paragraphe
sur trois lignes et
avec 40% de fautes....

- un item à 15mn
- un autre - vraiment

![Une légende à 3%](visuel)

::: bio Jean - Paul
Sa bio, 20%.
:::

::: box Plan B - 2
Un encadré au 3ème étage.
:::

::: bignum 73%
des gens, A partir de là.
:::
"""


def line_of(text: str, needle: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if needle in line)


def test_article_fixes_have_their_lines() -> None:
    article = parse_article(ARTICLE, Path("a.md"))
    new, fixes, notes = normalise_article(article, ARTICLE)
    assert new.meta.title == f"Le n°{NBSP}3 à 100{NNBSP}%"
    assert new.meta.standfirst == f"Un chapô sur deux lignes, à 50{NNBSP}%."
    assert new.meta.kicker == "Tendance"
    expected = [
        ("title:", "n°3", "n°"),
        ("title:", "100%", "percent"),
        ("à 50%.", "50%", "percent"),
        ("40%", "40%", "percent"),
        ("fautes....", "fautes....", "ellipsis"),
        ("15mn", "15mn", "min"),
        ("autre - vraiment", "autre - vraiment", "dash"),
        ("3%", "3%", "percent"),
        ("Jean - Paul", "Jean - Paul", "dash"),
        ("20%", "20%", "percent"),
        ("B - 2", "B - 2", "dash"),
        ("3ème", "3ème", "ordinal"),
        ("73%", "73%", "percent"),
    ]
    got = [(f.line, f.before, f.rule) for f in fixes]
    assert sorted(got) == sorted((line_of(ARTICLE, needle), before, rule) for needle, before, rule in expected)
    assert [f.line for f in fixes] == sorted(f.line for f in fixes)
    assert [(n.line, n.excerpt) for n in notes] == [(line_of(ARTICLE, "A partir"), "A partir")]
    para = new.blocks[1]
    assert isinstance(para, Paragraph) and para.line == line_of(ARTICLE, "Un autre paragraphe")
    lst, fig, bio, box, big = new.blocks[2:]
    assert isinstance(lst, ListBlock) and lst.items[0] == (Run(f"un item à 15{NBSP}min"),)
    assert isinstance(fig, Figure) and fig.caption == (Run(f"Une légende à 3{NNBSP}%"),)
    assert isinstance(bio, Bio) and bio.name == "Jean – Paul"
    assert isinstance(box, Box) and box.title == "Plan B – 2" and Run("e", sup=True) in box.paragraphs[0]
    assert isinstance(big, BigNumber) and big.figure == f"73{NNBSP}%"


def test_without_source_fixes_take_the_block_line() -> None:
    article = parse_article(ARTICLE, Path("a.md"))
    _, fixes, _ = normalise_article(article)
    assert {f.line for f in fixes if f.rule == "ellipsis"} == {line_of(ARTICLE, "Un autre paragraphe")}


def test_question_role_and_links_survive() -> None:
    runs = (Run("Pourquoi 50% ?", bold=False), Run("ials.fr/50%", href="https://ials.fr/50%"))
    (block,), (fix,), _ = normalise_blocks([Paragraph(runs, 1, "question")])
    assert block.role == "question" and block.runs[-1] == runs[-1]
    assert fix.before == "50%"


def test_second_pass_finds_nothing() -> None:
    article = parse_article(ARTICLE, Path("a.md"))
    once, fixes, _ = normalise_article(article, ARTICLE)
    twice, again, _ = normalise_article(once, ARTICLE)
    assert fixes and again == [] and twice == once


_TOKENS = [
    "le", "n°3", "N°", "°", "50%", "%", "3ème", "3e", "1er", "1ère", "2nde", "XIXe", "siècle", "IIe", "15mn",
    "mn", "-", " - ", "…", "...", "....", "«", "»", "A", "partir", "l’", "https://ials.fr/a-b", "@x_y",
    "jean@ials.fr", "Le", "mot", "3", "é", ",", ".",
]  # fmt: skip
_text = st.lists(st.tuples(st.sampled_from(_TOKENS), st.sampled_from(["", " ", " ", NBSP, "\n"])), max_size=20).map(
    lambda parts: "".join(a + b for a, b in parts)
)
_settings = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def test_nested_guillemets_inside_an_unclosed_one_settle_in_one_pass() -> None:
    """Hypothesis found '«««»»' changed again on a second pass: the « left open encloses nothing."""
    once, styles, _ = normalise_text("«««»»")
    assert once == "««“”»" and normalise_text(once, styles)[2] == []


@_settings
@given(_text)
def test_prop_idempotent(text: str) -> None:
    once, styles, _ = normalise_text(text)
    assert normalise_text(once, styles)[2] == []


@_settings
@given(_text)
def test_prop_letters_kept_but_for_ordinals_and_minutes(text: str) -> None:
    """Only the ordinal suffixes (ème → e), mn → min and N° → n° change letters; URLs and handles stay whole."""

    def letters(s: str) -> str:
        s = re.sub(r"(\d) ?(?:ièmes?|èmes?|eme)", r"\1e", s)
        s = re.sub(r"(?<=[IVX])(?:ièmes?|èmes?)", "e", s)
        s = re.sub(r"(\d)(?:ère|ere)", r"\1re", s)
        s = re.sub(r"(?<![\w'’])Ca(?![\w'’])", "Ça", s)
        return "".join(ch for ch in s.replace("mn", "min").replace("N°", "n°") if ch.isalnum())

    out = normalise_text(text)[0]
    assert letters(out) == letters(text)
    for keep in ("https://ials.fr/a-b", "jean@ials.fr", "@x_y"):
        assert text.count(keep) <= out.count(keep)


# ---------------------------------------------------------------------------
# At load, in the CLI
# ---------------------------------------------------------------------------


def _add(manifest: Path, text: str) -> Path:
    edito = manifest.parent / "texts" / "edito.md"
    edito.write_text(edito.read_text(encoding="utf-8") + "\n" + text, encoding="utf-8")
    return edito


def test_fixture_and_issue_fix_what_they_should(mini_issue) -> None:
    assert mini_issue.normalised == {"article": [], "edito": []}  # 3<sup>e</sup> is right already
    assert mini_issue.typo_notes == {"article": [], "edito": []}
    issue = load_issue(ROOT / "issue" / "ials-03.yaml")
    assert Fix(28, "15mn", f"15{NBSP}min", "min") in issue.normalised["videos-night-watch"]
    assert any(n.excerpt == "A cet" for n in issue.typo_notes["luxe-pandore"])


def test_load_stores_fixes_and_notes(mini_copy) -> None:
    edito = _add(mini_copy, "\nUn ajout à 50%. A partir de là, le 3ème.\n")
    n = line_of(edito.read_text(encoding="utf-8"), "Un ajout")
    issue = load_issue(mini_copy)
    fixes = issue.normalised["edito"]
    assert [(f.line, f.rule) for f in fixes] == [(n, "percent"), (n, "ordinal")]
    assert [(n.line, n.excerpt) for n in issue.typo_notes["edito"]] == [(n, "A partir")]
    para = issue.articles["edito"].blocks[-1]
    assert Run("e", sup=True) in para.runs and f"50{NNBSP}%" in para.runs[0].text


def test_validate_prints_notes_without_changing_the_exit_code(mini_copy) -> None:
    edito = _add(mini_copy, "\nUn ajout à 50%. A partir de là.\n")
    n = line_of(edito.read_text(encoding="utf-8"), "Un ajout")
    result = CliRunner().invoke(app, ["validate", str(mini_copy)])
    assert result.exit_code == 0, result.output
    assert f"{edito}:{n}: '50%' → '50{NNBSP}%' (percent)" in result.output
    assert f"{edito}:{n}: 'A partir': 'A' is probably the preposition 'À'" in result.output
    assert "1 typing slip fixed at load, 1 to check" in result.output
    assert edito.read_text(encoding="utf-8").count("50%") == 1  # the manuscript itself is never rewritten


def test_build_lists_them_all_beside_the_pdf(mini_copy, tmp_path) -> None:
    _add(mini_copy, "".join(f"\nLigne {n} à {n}%.\n" for n in range(1, 26)))
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["build", str(mini_copy), "--out", str(out)])
    assert result.exit_code == 0, result.output
    shown = [line for line in result.output.splitlines() if "(percent)" in line]
    assert len(shown) == NOTES_SHOWN
    listing = out / "mini.typography.txt"
    assert f"… and 5 more (all in {listing})" in result.output
    listed = listing.read_text(encoding="utf-8").splitlines()
    assert len(listed) == 25
    assert all(line.startswith("texts/edito.md:") for line in listed), "the same file wherever the issue lies"
    assert "0 warnings, 0 errors" in result.output
    # a clean build leaves no stale list behind
    (mini_copy.parent / "texts" / "edito.md").write_text("---\ntitle: t\n---\n\nPropre.\n", encoding="utf-8")
    assert CliRunner().invoke(app, ["build", str(mini_copy), "--out", str(out)]).exit_code == 0
    assert not listing.exists()


# ---------------------------------------------------------------------------
# Manifest: hyphenation lists; stylesheet: hyphenate_capitalised
# ---------------------------------------------------------------------------


def _set(manifest: Path, block: str) -> None:
    text = manifest.read_text(encoding="utf-8")
    manifest.write_text(text.replace("page_count: 4", block + "page_count: 4", 1), encoding="utf-8")


def test_make_hyphenator_reads_manifest_and_stylesheet(mini_copy, tmp_path) -> None:
    assert make_hyphenator(load_issue(mini_copy)).hyphenate("Organisation") == "Organisation"
    _set(mini_copy, "hyphenation:\n  exceptions: [Mid-jour-ney]\n  never: [organisation, Vis-à-vis]\n")
    import shutil

    layouts = tmp_path / "layouts"
    shutil.copytree(kit.LAYOUTS, layouts)
    styles = layouts / "styles.yaml"
    styles.write_text(styles.read_text(encoding="utf-8") + "\nhyphenate_capitalised: true\n", encoding="utf-8")
    mini_copy.write_text(
        f"resources: {{layouts: {layouts}}}\n" + mini_copy.read_text(encoding="utf-8"), encoding="utf-8"
    )
    issue = load_issue(mini_copy)
    assert issue.manifest.hyphenation.never == ["organisation", "Vis-à-vis"]
    assert issue.stylesheet is not None and issue.stylesheet.hyphenate_capitalised
    h = make_hyphenator(issue)
    assert h.hyphenate("Midjourney") == f"Mid{SHY}jour{SHY}ney"
    assert h.hyphenate("Organisation") == "Organisation"  # never, whatever the case
    assert h.hyphenate("Intelligence") == f"In{SHY}tel{SHY}li{SHY}gence"  # capitalised: allowed by the sheet
    assert h.hyphenate("OpenAI") == "OpenAI"


@pytest.mark.parametrize("bad", ["Mid journey", "GPT4", "-mot", "mot-", "a--b", "l'", "x/y", "#ia"])
def test_hyphenation_words_are_checked(mini_copy, bad: str) -> None:
    _set(mini_copy, f'hyphenation:\n  exceptions: []\n  never: [Midjourney, "{bad}"]\n')
    with pytest.raises(InputError) as exc:
        load_issue(mini_copy)
    (problem,) = exc.value.problems
    n = next(i for i, line in enumerate(mini_copy.read_text(encoding="utf-8").splitlines(), 1) if "never:" in line)
    assert str(problem).startswith(f"{mini_copy}:{n}:23: hyphenation.never.1: expected one word of letters")
    assert repr(bad) in str(problem)


def test_hyphenation_unknown_key(mini_copy) -> None:
    _set(mini_copy, "hyphenation: {nevr: [Midjourney]}\n")
    with pytest.raises(InputError) as exc:
        load_issue(mini_copy)
    (problem,) = exc.value.problems
    assert "unknown key 'nevr'" in str(problem) and "did you mean 'never'" in str(problem)


def test_schema_has_hyphenation() -> None:
    schema = Manifest.model_json_schema()
    assert "hyphenation" in schema["properties"] and "Hyphenation" in schema["$defs"]

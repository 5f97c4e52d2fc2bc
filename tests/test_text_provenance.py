"""Text provenance per block: ``::: ia`` fences, pictograms from the blocks a page prints, credits, XMP."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest
from pypdf import PdfReader
from typer.testing import CliRunner

from ials_print.cli import app
from ials_print.content.markdown import parse_article
from ials_print.content.story import Box, Paragraph
from ials_print.errors import InputError
from ials_print.manifest.load import load_issue
from ials_print.output.build import render
from tests.conftest import ROOT, copy_fixture, page_texts

runner = CliRunner()
BLOCKS = ROOT / "tests" / "fixtures" / "blocks" / "blocks.yaml"
HEAD = "---\ntitle: T\n---\n\n"


def page_xmp(pdf: bytes) -> list[str]:
    return [p["/Metadata"].get_object().get_data().decode() for p in PdfReader(io.BytesIO(pdf)).pages]


@pytest.fixture
def blocks_copy(tmp_path: Path) -> Path:
    return copy_fixture(BLOCKS, tmp_path / "issue")


# -- the Markdown ---------------------------------------------------------------------------------
def test_fence_gives_its_blocks_provenance():
    text = HEAD + (
        "Avant.\n\n"
        ':::: ia tool="ChatGPT (GPT-4o)" author="La rédaction" id=machine\n'
        "Écrit par la machine.\n\n"
        "::: box Un encadré\nDedans.\n:::\n"
        "::::\n\n"
        "::: mixte\nÀ quatre mains.\n:::\n\n"
        "Après.\n"
    )
    blocks = parse_article(text, Path("a.md")).blocks
    kinds = [(type(b).__name__, b.provenance.kind if b.provenance else None) for b in blocks]
    assert kinds == [
        ("Paragraph", None),
        ("Paragraph", "ia"),
        ("Box", "ia"),
        ("Paragraph", "mixte"),
        ("Paragraph", None),
    ]
    ia = blocks[1].provenance
    assert (ia.tool, ia.author, ia.ident, ia.line) == ("ChatGPT (GPT-4o)", "La rédaction", "machine", 7)
    assert isinstance(blocks[2], Box) and blocks[2].provenance is ia
    assert isinstance(blocks[3], Paragraph) and blocks[3].provenance.tool is None


def test_unclosed_fence_is_an_error_with_its_place():
    text = HEAD + "Avant.\n\n  ::: ia tool=GPT\nLa machine parle.\n\nEt continue.\n"
    with pytest.raises(InputError) as exc:
        parse_article(text, Path("texts/a.md"))
    (problem,) = exc.value.problems
    assert str(problem).startswith("texts/a.md:7:3: '::: ia tool=GPT' is never closed")


def test_unclosed_box_is_an_error_too():
    with pytest.raises(InputError) as exc:
        parse_article(HEAD + "::: box Titre\nTexte.\n", Path("a.md"))
    assert "a.md:5:1: '::: box Titre' is never closed" in str(exc.value)


def test_bad_fence_attribute():
    with pytest.raises(InputError) as exc:
        parse_article(HEAD + "::: ia model=GPT\nTexte.\n:::\n", Path("a.md"))
    assert "a.md:5:1: expected attributes of '::: ia' as key=\"value\"" in str(exc.value)
    assert "found 'model=GPT'" in str(exc.value)


def test_box_closing_an_ia_fence_early_is_named():
    with pytest.raises(InputError) as exc:
        parse_article(HEAD + "::: ia\n::: box T\nx\n:::\n:::\n", Path("a.md"))
    assert "a.md:9:1: ':::' closes no block" in str(exc.value)


def test_unclosed_fence_from_the_command_line(blocks_copy):
    md = blocks_copy.parent / "texts" / "enquete.md"
    md.write_text(md.read_text(encoding="utf-8").replace("\n::::\n", "\n"), encoding="utf-8")
    result = runner.invoke(app, ["build", str(blocks_copy), "--out", str(blocks_copy.parent / "out")])
    assert result.exit_code == 2
    assert re.search(
        r"enquete\.md:\d+:1: ':::: ia tool=\"ChatGPT \(GPT-4o\)\" id=resume-machine' is never closed", result.output
    )
    assert "Traceback" not in result.output
    assert not (blocks_copy.parent / "out" / "blocks.pdf").exists()


# -- the pages ------------------------------------------------------------------------------------
def test_pictogram_from_the_blocks_each_page_prints(blocks_copy, tmp_path):
    issue = load_issue(blocks_copy)
    result = render(issue)
    assert not result.errors
    xmp = page_xmp(result.pdf)
    labels = [re.search(r"<aiprov:Pictogram>([^<]+)<", x).group(1) for x in xmp]
    # The human pages stay human; the page holding the machine's box says so.
    human = "100\u202f% Humain"  # as printed, with the French space
    assert labels == [human, human, "IA / Humain", human]
    assert "<dc:identifier>resume-machine</dc:identifier><aiprov:Provenance>ia</aiprov:Provenance>" in xmp[2]
    assert "<xmp:CreatorTool>ChatGPT (GPT-4o)</xmp:CreatorTool>" in xmp[2]
    assert "resume-machine" not in xmp[0] + xmp[1]
    assert "<dc:identifier>enquete</dc:identifier><aiprov:Provenance>humain</aiprov:Provenance>" in xmp[2]
    # The credit is printed with the box, on its page only.
    out = tmp_path / "b.pdf"
    out.write_bytes(result.pdf)
    texts = page_texts(out)
    assert "Texte généré avec ChatGPT (GPT-4o)" in texts[2]
    assert all("Texte généré" not in t for t in texts[:2] + texts[3:])
    ai_marks = [rect for p, rect in result.pages[2].text_marks if p is not None]
    assert len(ai_marks) == 1 and ai_marks[0].h > 20  # one mark: the box, its credit inside its panel


def test_a_page_of_the_ai_block_alone_is_100_ia(blocks_copy):
    md = blocks_copy.parent / "texts" / "enquete.md"
    text = md.read_text(encoding="utf-8").replace(
        "sans retouche, pour que le lecteur juge sur pièce.\n", "sans retouche.\n\n***\n"
    )
    text = text.replace(
        "\nLe résumé ci-dessus n'a pas été corrigé.", "\n***\n\nLe résumé ci-dessus n'a pas été corrigé."
    )
    md.write_text(text, encoding="utf-8")
    manifest = blocks_copy.read_text(encoding="utf-8").replace("first_page: 4, pages: 1", "first_page: 6, pages: 1")
    manifest = manifest.replace("pages: 3\n", "pages: 5\n").replace("page_count: 4", "page_count: 6")
    blocks_copy.write_text(manifest, encoding="utf-8")
    result = render(load_issue(blocks_copy))
    assert [p.pictogram for p in result.pages[:5]] == ["humain", "humain", "humain", "ia", "humain"]
    assert result.pages[3].provenance.reason.startswith("every element is AI-generated: resume-machine (ia)")


def test_report_lists_block_entries(blocks_copy):
    result = runner.invoke(app, ["provenance", str(blocks_copy), "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    page3 = report["pages"][2]["elements"]
    (block,) = [e for e in page3 if e["kind"] == "text" and e["level"] == "block"]
    assert block == {
        "kind": "text",
        "id": "resume-machine",
        "provenance": "ia",
        "tool": "ChatGPT (GPT-4o)",
        "source_type": None,
        "level": "block",
        "author": None,
        "line": 19,
    }
    assert all(e.get("level") != "block" for p in report["pages"][:2] for e in p["elements"])
    texts = {t["id"]: t for t in report["texts"]}
    assert texts["resume-machine"]["pages"] == [3] and texts["enquete"]["pages"] == [1, 2, 3]
    assert texts["enquete"]["author"] == "Jeanne Testeuse" and texts["enquete"]["level"] == "section"
    assert report["pages"][2]["proof"] == "blocks-proof-provenance.pdf#page=3"


def test_fence_on_a_portfolio_page(tmp_path):
    manifest = copy_fixture(ROOT / "tests" / "fixtures" / "kinds" / "kinds.yaml", tmp_path / "issue")
    text = manifest.read_text(encoding="utf-8").replace("provenance: mixte, tool: Midjourney}", "provenance: humain}")
    manifest.write_text(
        text.replace(
            "    provenance: mixte\n    text: texts/rouge.md", "    provenance: humain\n    text: texts/rouge.md"
        ),
        encoding="utf-8",
    )
    md = manifest.parent / "texts" / "rouge.md"
    md.write_text(
        md.read_text(encoding="utf-8")
        + '\n::: ia tool="Mistral Large" id=legende-machine\nUne légende écrite par la machine.\n:::\n',
        encoding="utf-8",
    )
    result = render(load_issue(manifest))
    pages = {p.folio: p for p in result.pages}
    assert pages[4].pictogram == "humain"
    assert pages[5].pictogram == "mixte"
    assert [e.ident for e in pages[5].provenance.elements] == ["legende-machine", "look-2"]
    xmp = page_xmp(result.pdf)[4]
    assert "<dc:identifier>legende-machine</dc:identifier><aiprov:Provenance>ia</aiprov:Provenance>" in xmp
    out = tmp_path / "k.pdf"
    out.write_bytes(result.pdf)
    assert "Texte généré avec Mistral Large" in page_texts(out)[4]


def test_pull_quote_across_in_a_fence(blocks_copy):
    md = blocks_copy.parent / "texts" / "enquete.md"
    text = md.read_text(encoding="utf-8").replace(
        "***\n\nLa deuxième page",
        ':::: ia tool="Claude" id=exergue-machine\n::: across 1\nUne exergue proposée par la machine.\n:::\n::::\n\n'
        "***\n\nLa deuxième page",
    )
    md.write_text(text, encoding="utf-8")
    result = render(load_issue(blocks_copy))
    first = result.pages[0]
    assert first.pictogram == "mixte"
    assert [(e.ident, e.provenance) for e in first.provenance.elements] == [
        ("enquete", "humain"),
        ("exergue-machine", "ia"),
    ]
    assert [p.kind for p, r in first.text_marks if p is not None] == ["ia"]
    assert result.pages[1].pictogram == "humain"

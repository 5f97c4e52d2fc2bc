"""Pictures across the fold (double-page spreads), pull-quotes the art director leaves out, and
pages ended by the author that end level."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pypdfium2 as pdfium
from PIL import Image
from typer.testing import CliRunner

from ials_print.cli import app
from ials_print.copyfit.report import fit_report
from ials_print.manifest.load import Issue, load_issue
from ials_print.output.build import build, render
from ials_print.output.modes import proof_mode
from tests.conftest import ISSUE

runner = CliRunner()
RED, BLUE = (220, 20, 20), (20, 40, 220)


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _spread_issue(mini_copy: Path, page: int = 2) -> Path:
    """The fixture's article on pages 1–3 with a half-red, half-blue picture across pages 2–3."""
    im = Image.new("RGB", (1420, 1010), RED)
    im.paste(BLUE, (710, 0, 1420, 1010))
    im.save(mini_copy.parent / "images" / "halves.png")
    _edit(mini_copy, "    first_page: 1\n    pages: 2\n", "    first_page: 1\n    pages: 3\n")
    _edit(mini_copy, "    first_page: 3\n    pages: 1\n", "    first_page: 4\n    pages: 1\n")
    _edit(
        mini_copy,
        "  - {id: reserve, title: Réservé, layout: placeholder, first_page: 4, pages: 1, provenance: ia}\n",
        "",
    )
    _edit(
        mini_copy,
        "         place: {area: top-half, page: 2}}\n",
        "         place: {area: top-half, page: 2}}\n"
        "      - {id: halves, file: images/halves.png, provenance: humain, credit: Test,\n"
        f"         place: {{area: full-page, page: {page}, spread: true}}}}\n",
    )
    _edit(mini_copy, "place: {area: top-half, page: 2}}", "place: {area: top-half, page: 1}}")
    return mini_copy


def _pixel(pdf: Path, index: int, x_mm: float, y_mm: float) -> tuple[int, int, int]:
    doc = pdfium.PdfDocument(str(pdf))
    page = doc[index]
    scale = 20 / 25.4
    im = page.render(scale=scale, crop=(0, 0, 0, 0)).to_pil().convert("RGB")
    box = page.get_mediabox()
    bleed = (box[2] - box[0] - 210 * 72 / 25.4) / 2
    px = round((x_mm * 72 / 25.4 + bleed) * scale)
    py = round((y_mm * 72 / 25.4 + bleed) * scale)
    return im.getpixel((px, py))


def _close(rgb: tuple[int, int, int], ref: tuple[int, int, int]) -> bool:
    return sum(abs(a - b) for a, b in zip(rgb, ref, strict=True)) < 120


def test_a_spread_prints_each_half_on_its_page_into_the_spine_bleed(mini_copy, tmp_path):
    issue = load_issue(_spread_issue(mini_copy))
    out = tmp_path / "spread.pdf"
    result = build(issue, out)
    pages = {p.folio: p for p in result.pages}
    assert "halves" in dict(pages[2].visuals) and "halves" in dict(pages[3].visuals)
    left, right = dict(pages[2].visuals)["halves"], dict(pages[3].visuals)["halves"]
    mm = 72 / 25.4
    assert left.x < 0 and left.right > 210 * mm  # into both bleeds, the spine's too
    assert right.x < 0 and right.right > 210 * mm
    # The picture is one across the fold: red on the left page, blue on the right, the change at the spine.
    assert _close(_pixel(out, 1, 100, 150), RED)
    assert _close(_pixel(out, 1, 205, 150), RED)
    assert _close(_pixel(out, 2, 5, 150), BLUE)
    assert _close(_pixel(out, 2, 100, 150), BLUE)
    # The text goes around: no column is set on the spread.
    assert not pages[2].filled and not pages[3].filled
    # The caption is set once, on the right-hand page.
    assert [v for v, _ in pages[3].captions] == ["halves"] and not pages[2].captions


def test_a_spread_must_start_on_a_left_hand_page_and_span_the_width(mini_copy):
    manifest = _spread_issue(mini_copy, page=1)
    result = runner.invoke(app, ["validate", str(manifest)])
    assert result.exit_code == 2, result.output
    assert "a spread starts on a left-hand page, and page 1 of section 'article' is page 1" in result.output
    assert "mini.yaml:" in result.output and "Traceback" not in result.output
    _edit(
        manifest,
        "place: {area: full-page, page: 1, spread: true}",
        "place: {area: outer-column, page: 2, spread: true}",
    )
    result = runner.invoke(app, ["validate", str(manifest)])
    assert result.exit_code == 2, result.output
    assert "a spread needs an area across the page's width" in result.output
    _edit(
        manifest,
        "place: {area: outer-column, page: 2, spread: true}",
        "place: {area: full-page, page: 3, spread: true}",
    )
    result = runner.invoke(app, ["validate", str(manifest)])
    assert result.exit_code == 2 and "a spread from page 3 is beyond section 'article'" in result.output


def test_a_dropped_pull_quote_is_left_out_and_no_word_of_the_body_is(mini_copy):
    article = mini_copy.parent / "texts" / "article.md"
    line = (
        article.read_text(encoding="utf-8").split("\n").index("> La citation mise en exergue, qui répète une phrase.")
        + 1
    )
    issue = load_issue(mini_copy)
    before = render(issue, ["article"], mode=proof_mode())
    _edit(mini_copy, "    text: texts/article.md\n", f"    text: texts/article.md\n    drop_pull_quotes: [{line}, 2]\n")
    after = render(load_issue(mini_copy), ["article"], mode=proof_mode())
    assert sum(len(p.pull_quotes) for p in before.pages) == sum(
        len(p.pull_quotes) for p in after.pages
    )  # across ones stay
    assert any("drop_pull_quotes names line 2" in w for w in after.warnings)
    assert not [e for e in after.errors if "overset" in e]
    out = mini_copy.parent / "out.pdf"
    build(load_issue(mini_copy), out)
    text = "".join(p.get_textpage().get_text_range() for p in pdfium.PdfDocument(str(out)))
    assert "La citation mise en exergue" not in text
    assert "Parce qu" in text and "interdisciplinarit" in text


def _issue_with(issue: Issue, section_id: str, **change) -> Issue:
    """Issue n°3 with one section changed in memory (its files untouched)."""
    sections = [s.model_copy(update=change) if s.id == section_id else s for s in issue.manifest.sections]
    return dataclasses.replace(issue, manifest=issue.manifest.model_copy(update={"sections": sections}))


def test_fit_remedies_on_issue_3_do_what_they_say():
    """Without the art director's two fixes, the fit report proposes them, and each applied works:
    FFF's text oversets its page beside the band's spread (a pull-quote dropped makes it fit), and
    Pimento leaves a 4-line hole at a column's foot (one paragraph a line tighter closes it)."""
    issue = load_issue(ISSUE)
    fff = _issue_with(issue, "musique-fff", drop_pull_quotes=[])
    (fit,) = fit_report(fff, ["musique-fff"])
    assert fit.overset_words
    drop = next(r for r in fit.remedies if "drop_pull_quotes" in r.applies and r.effect == "everything fits")
    fixed = _issue_with(issue, "musique-fff", **drop.applies)
    assert not render(fixed, ["musique-fff"], mode=proof_mode()).errors

    pimento = _issue_with(issue, "business-pimento", looseness={})
    (fit,) = fit_report(pimento, ["business-pimento"])
    assert any(f.startswith("hole") for p in fit.pages for f in p.flags)
    tighten = next(r for r in fit.remedies if r.action.startswith("tighten the paragraph"))
    fixed = _issue_with(issue, "business-pimento", **tighten.applies)
    result = render(fixed, ["business-pimento"], mode=proof_mode())
    assert not [w for w in result.warnings if w.startswith("fit:")]


def test_a_page_the_author_ends_with_three_stars_ends_level(mini_copy):
    """The text before an author's page break (***) is balanced over the page's columns, as a
    section's last page is: not one column full and the next one empty."""
    article = mini_copy.parent / "texts" / "article.md"
    words = " ".join(["Une phrase courte pour remplir quelques lignes de la colonne."] * 14)
    text = f"---\ntitle: Deux livres\n---\n\n![Un livre](stripes)\n\n{words}\n\n***\n\n{words}\n"
    article.write_text(text, encoding="utf-8")
    result = render(load_issue(mini_copy), ["article"], mode=proof_mode())
    first = result.pages[0]
    heights = [h for _, h in first.filled]
    assert len(heights) == 2 and min(heights) > 0, heights
    assert abs(heights[0] - heights[1]) <= 3 * 12.4, heights  # within a few lines: level
    assert not [w for w in result.warnings if "left empty" in w]

"""Copyfitting: page fill, underfilled pages flagged unless explained, the fit report and its remedies."""

from __future__ import annotations

import io
import json
from pathlib import Path

from reportlab.lib.colors import black
from reportlab.lib.enums import TA_JUSTIFY
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Frame
from typer.testing import CliRunner

from ials_print import kit
from ials_print.cli import app
from ials_print.copyfit.report import fit_report
from ials_print.images.info import ImageInfo
from ials_print.layout import flowables as fl
from ials_print.layout.columns import fill_frame
from ials_print.layout.grid import Grid
from ials_print.layout.textblock import TextBlock
from ials_print.manifest.load import load_issue
from ials_print.output.build import render
from ials_print.output.modes import proof_mode
from ials_print.typeset.items import RunStyle, itemize

runner = CliRunner()
LONG = "\n\n".join(
    "Un paragraphe de plus pour remplir la page et déborder, avec assez de mots pour compter "
    "plusieurs lignes dans la colonne de l'éditorial, encore et encore, jusqu'à la fin."
    for _ in range(20)
)


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_an_underfilled_page_is_flagged_unless_the_section_says_why(mini_copy):
    result = render(load_issue(mini_copy), ["edito"], mode=proof_mode())
    assert not [w for w in result.warnings if w.startswith("fit:")]  # short_pages gives the reason
    _edit(mini_copy, '    short_pages: {1: "a fixture: the editorial is a few lines long"}\n', "")
    result = render(load_issue(mini_copy), ["edito"], mode=proof_mode())
    (plan,) = result.pages
    assert plan.fill < 0.4
    assert any(w.startswith("fit: section 'edito', page 3: underfilled") for w in result.warnings)


def test_overset_gets_remedies_and_the_page_more_does_what_it_says(mini_copy):
    edito = mini_copy.parent / "texts" / "edito.md"
    edito.write_text(edito.read_text(encoding="utf-8") + "\n" + LONG + "\n", encoding="utf-8")
    issue = load_issue(mini_copy)
    (fit,) = fit_report(issue, ["edito"])
    assert fit.overset_words > 100 and fit.overset_lines > 5
    assert not fit.ok
    actions = {r.action: r for r in fit.remedies}
    assert f"cut about {fit.overset_words} words" in actions
    more = next(r for r in fit.remedies if r.applies.get("pages") == 2)
    assert more.effect == "everything fits"
    # Apply it: the editorial takes pages 3–4, the reserved page goes.
    _edit(mini_copy, "    first_page: 3\n    pages: 1\n", "    first_page: 3\n    pages: 2\n")
    _edit(
        mini_copy,
        "  - {id: reserve, title: Réservé, layout: placeholder, first_page: 4, pages: 1, provenance: ia}\n",
        "",
    )
    result = render(load_issue(mini_copy), ["edito"], mode=proof_mode())
    assert not [e for e in result.errors if e.startswith("overset")]


def test_fit_command_text_json_and_errors(mini_copy):
    result = runner.invoke(app, ["fit", str(mini_copy)])
    assert result.exit_code == 0, result.output
    assert "article (pp. 1–2): fits" in result.output
    result = runner.invoke(app, ["fit", "edito", str(mini_copy), "--json"])
    assert result.exit_code == 0, result.output
    (edito,) = json.loads(result.output)
    assert edito["section_id"] == "edito" and edito["ok"] is True
    assert edito["pages"][0]["room"] > edito["pages"][0]["lines"] > 0
    result = runner.invoke(app, ["fit", "nope", str(mini_copy)])
    assert result.exit_code == 2 and "no section 'nope'" in result.output


def test_short_pages_must_name_pages_of_the_section(mini_copy):
    _edit(mini_copy, 'short_pages: {1: "a fixture', 'short_pages: {3: "a fixture')
    result = runner.invoke(app, ["validate", str(mini_copy)])
    assert result.exit_code == 2
    assert "page 3 is not a page of section 'edito' (1 to 1)" in result.output


def _para(words: int) -> TextBlock:
    """A justified paragraph of ``words`` words in EB Garamond 9.6/12.4."""
    if "float-serif" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("float-serif", str(kit.FONTS / "EBGaramond-Regular.ttf")))
    style = ParagraphStyle("b", fontName="float-serif", fontSize=9.6, leading=12.4, alignment=TA_JUSTIFY)
    text = " ".join(["mot"] * words)
    return TextBlock(itemize([(text, RunStyle("float-serif", 9.6, black))]), style, "justify", text)


def _column(height: float) -> Frame:
    return Frame(0, 0, 150, height, leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)


def test_a_pull_quote_that_does_not_fit_floats_to_the_next_column_and_never_stacks():
    first, q1, q2, second = _para(80), fl.PullQuote(_para(60), black), fl.PullQuote(_para(60), black), _para(400)
    story = [first, q1, q2, second]
    height = 12.4 * 14
    frame, c = _column(height), Canvas(io.BytesIO())
    fill_frame(frame, story, c, Grid(height - 9.6, 12.4))
    assert frame._y - frame._y1p < 12.4  # the column is full: the quotes made no hole
    assert story[0] is q1 and story[1] is q2  # they open the next column, in their order
    fill_frame(_column(height), story, c, Grid(height - 9.6, 12.4))
    assert story[0] is q2  # one pull-quote a column: the second waits for the next


def test_a_deferred_pull_quote_waits_after_the_authors_page_break():
    quote, brk = fl.PullQuote(_para(60), black), fl.NextPage()
    story = [_para(80), quote, _para(10), brk, _para(50)]
    fill_frame(_column(12.4 * 14), story, Canvas(io.BytesIO()))
    assert story[:2] == [brk, quote]  # the break is taken first; the quote opens the next page


def test_looseness_in_the_manifest_names_paragraphs_by_their_line(mini_copy):
    _edit(mini_copy, "    text: texts/edito.md\n", "    text: texts/edito.md\n    looseness: {8: 1, 2: -1}\n")
    result = render(load_issue(mini_copy), ["edito"], mode=proof_mode())
    unknown = [w for w in result.warnings if "looseness for line" in w]
    assert unknown == [
        "section 'edito': looseness for line 2 of texts/edito.md: no paragraph starts there (it is left out)"
    ]


def _figure(fit: str = "fill", max_height: float = 300) -> fl.Figure:
    info = ImageInfo(Path("x.jpg"), 1500, 1000, "JPEG", "RGB")  # 150 pt wide → 100 pt tall
    return fl.Figure(None, "x", Path("x.jpg"), info, None, None, fit, (0.5, 0.5), max_height=max_height)


def test_a_figure_grows_to_the_column_foot_rather_than_leave_a_hole():
    """A three-line paragraph (it moves whole) does not fit under the picture: the picture grows,
    fill-cropped, by up to a quarter of its height, and the column ends near its foot."""
    height = 100 + 1.5 * 72 / 25.4 + 4 * 72 / 25.4 + 1.5 * 12.4  # room for a line and a half under it
    c = Canvas(io.BytesIO())
    c._ials_scratch = True  # nothing is placed: only heights matter
    for fit, grows in (("fill", True), ("fit", False)):
        figure, after = _figure(fit), _para(24)
        assert after.line_count(150) == 3
        frame = _column(height)
        fill_frame(frame, [figure, after], c)
        if grows:
            assert figure.image_height == 125  # a quarter more
            assert frame._y - frame._y1p < 6  # the hole is gone
        else:
            assert figure.image_height == 100  # a picture set to fit keeps its shape
            assert frame._y - frame._y1p > 15  # the line and a half stays blank
    # Never past its tallest.
    figure = _figure("fill", max_height=110)
    fill_frame(_column(height), [figure, _para(24)], c)
    assert figure.image_height == 110


def test_no_hyphen_at_a_page_turn_with_a_picture_page_between():
    """Before a page turn the composer avoids a hyphen when it can; when a full-page picture comes
    between, a hyphen there is never left: the column ends a line or two short instead."""
    from ials_print.layout.textblock import PAGE_TURN, TURN_ACROSS_VISUAL

    _para(1)  # registers the test font
    word = "anti\u00adcons\u00adti\u00adtu\u00adtion\u00adnel\u00adle\u00adment"
    text = " ".join([word, "de", "la"] * 30)
    style = ParagraphStyle("b", fontName="float-serif", fontSize=9.6, leading=12.4, alignment=TA_JUSTIFY)
    found = 0
    for lines_high in range(4, 16):
        block = TextBlock(itemize([(text, RunStyle("float-serif", 9.6, black))]), style, "justify", text)
        width, height = 70, 12.4 * lines_high
        block.wrap(width, 10_000)
        turn, across = PAGE_TURN.set(True), TURN_ACROSS_VISUAL.set(False)
        try:
            soft = block.split(width, height)
            TURN_ACROSS_VISUAL.set(True)
            strict = block.split(width, height)
        finally:
            PAGE_TURN.reset(turn)
            TURN_ACROSS_VISUAL.reset(across)
        if soft and soft[0].setting(width).lines[-1].hyphenated:
            found += 1  # the page turn alone could not avoid it here
        if strict:
            assert not strict[0].setting(width).lines[-1].hyphenated
            assert len(strict[1].setting(width).lines) >= 2
    assert found  # the case the strict rule is for did occur

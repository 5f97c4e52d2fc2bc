"""Typography of the built issue, measured from the glyph positions read back from its PDF.

The numbers here are not the composer's own: ``tests/typo_measure.py`` reads every drawn glyph
of the body text (EB Garamond, 9.6 pt) back from the PDF with pdfminer.six, finds the columns
(rows by baseline, cut at the gutters), each column's right edge (the commonest end of lines
ending in a letter) and its justified lines (reaching that edge, neither a paragraph's nor a
column's last line). In those lines each word gap runs from the advance end of a word's last
glyph to the start of the next word's first glyph, where a space glyph is drawn; its ratio is
the gap over that space glyph's own advance (fixed U+202F / U+00A0 gaps are left out).

Measured: the 95th percentile of the gap ratios (linear interpolation), the share of loose
lines (all gaps together > 2x natural), the longest hyphen ladder in a column, and line-end
hyphenations that cut a capitalised word, an acronym, a URL, a handle or a hashtag. A unit test
on a PDF drawn here with known gaps shows the measurement reads what it should.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from ials_print import kit
from tests.conftest import ROOT
from tests.typo_measure import BODY_SIZE, Break, Column, Report, pdf_columns, report

FONT = "EBGaramond-TypoUnit"
SOURCE = "\n".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "issue" / "texts").glob("*.md")))
SOURCE = SOURCE.replace("'", "’")


def _figures(rep: Report) -> str:
    worst = "\n  ".join(rep.worst)
    return (
        f"{rep.lines} justified lines, {len(rep.ratios)} gaps: p95 {rep.p95:.3f}, "
        f"loose {100 * rep.loose_share:.1f} %, ladder {len(rep.ladder)}\nloosest lines:\n  {worst}"
    )


def _compound(b: Break) -> bool:
    """The line ends at a hyphen the source text has: a compound's own (prompt- / to-video)."""
    joined = f"{b.fragment.lstrip('«“(')}-{b.following}".replace("'", "’")
    return bool(b.fragment and b.following) and joined in SOURCE


@pytest.fixture(scope="module")
def issue_columns(real_build) -> list[Column]:
    return pdf_columns(real_build[1].output)


def test_word_spacing_whole_issue(issue_columns: list[Column]):
    rep = report(issue_columns)
    assert rep.lines > 500, _figures(rep)  # the body text was found
    assert rep.p95 <= 1.6, _figures(rep)
    assert rep.loose_share <= 0.04, _figures(rep)
    assert len(rep.ladder) <= 2, "hyphen ladder:\n  " + "\n  ".join(rep.ladder)


def test_word_spacing_news_pages(issue_columns: list[Column]):
    """Pages 10–11: three 57 mm columns, the narrowest measure of the issue."""
    rep = report([c for c in issue_columns if c.page in (10, 11)])
    assert rep.lines > 60, _figures(rep)
    assert rep.p95 <= 2.0, _figures(rep)
    assert rep.loose_share <= 0.08, _figures(rep)


def test_no_capitalised_word_url_or_handle_hyphenated(issue_columns: list[Column]):
    bad = [b for b in report(issue_columns).breaks if b.suspicious and not _compound(b)]
    assert not bad, "hyphenated where it must not be:\n  " + "\n  ".join(
        f"p{b.page}: {b.line!r} / {b.next_line!r}" for b in bad
    )


def test_a_line_ends_at_a_compounds_own_hyphen(issue_columns: list[Column]):
    breaks = report(issue_columns).breaks
    assert any(_compound(b) for b in breaks), f"{len(breaks)} hyphen-ended lines, none at a compound's hyphen"


def test_break_classes():
    def brk(fragment: str, following: str) -> Break:
        return Break(1, fragment, following, f"{fragment}-", following)

    assert brk("Sta", "bility").suspicious
    assert brk("l’Intelli", "gence").suspicious
    assert brk("IA", "LS").suspicious
    assert brk("@emmanuel", "vivier").suspicious
    assert brk("#Bee", "Bottle").suspicious
    assert brk("bit.ly/lebig", "recap").suspicious
    assert not brk("créa", "tivité").suspicious
    assert not brk("Lili", "Rose").suspicious
    assert _compound(brk("Text", "to-Speech"))
    assert not _compound(brk("Sta", "bility"))


def _draw_line(c: Canvas, x: float, y: float, words: list[str], ratio: float) -> None:
    """Words set one by one, each followed by a space glyph; word gaps of ``ratio`` x that space."""
    space = pdfmetrics.stringWidth(" ", FONT, BODY_SIZE)
    t = c.beginText()
    t.setFont(FONT, BODY_SIZE)
    for i, word in enumerate(words):
        t.setTextOrigin(x, y)
        last = i == len(words) - 1
        t.textOut(word if last else word + " ")
        x += pdfmetrics.stringWidth(word, FONT, BODY_SIZE) + ratio * space
    c.drawText(t)


def test_measurement_reads_known_gaps(tmp_path: Path):
    """Two columns (baselines 5 pt apart) of three lines: gaps 1.5x, 3x, then a last line at 1x.

    The second line joins the first line's words in pairs, so both hold the same glyphs and,
    with 4 gaps of 1.5x against 2 of 3x, end at the same x; its hyphen hangs past that edge.
    The "«" + U+202F opening each line is a fixed gap and must not be measured.
    """
    pdfmetrics.registerFont(TTFont(FONT, str(kit.FONTS / "EBGaramond-Regular.ttf")))
    lines = [
        (["«\u202fpour", "tant", "de", "main", "Sta"], 1.5),
        (["«\u202fpourtant", "demain", "Sta-"], 3.0),
        (["bility", "et", "fin."], 1.0),  # a paragraph's last line: not measured
    ]
    pdf = tmp_path / "gaps.pdf"
    c = Canvas(str(pdf), pagesize=(420, 200))
    for x, drop in ((30.0, 0.0), (230.0, 5.0)):
        for k, (words, ratio) in enumerate(lines):
            _draw_line(c, x, 150 - drop - 11.5 * k, words, ratio)
    c.showPage()
    c.save()

    columns = pdf_columns(pdf)
    assert [len(col.lines) for col in columns] == [3, 3]
    rep = report(columns)
    assert rep.lines == 4
    assert sorted(rep.ratios) == pytest.approx([1.5] * 8 + [3.0] * 4, abs=0.02)
    assert rep.p95 == pytest.approx(3.0, abs=0.02)
    assert rep.loose_share == 0.5
    assert len(rep.ladder) == 1
    assert [(b.fragment, b.following, b.suspicious) for b in rep.breaks] == [("Sta", "bility", True)] * 2

"""Typography of justified body text, measured from the glyph positions read back from a PDF.

The project's own, smaller cousin of the lead's ``typo_metrics.py`` (same method, body text only).
Nothing is asked of the composer: every figure comes from where the PDF draws its glyphs.

1. Glyphs: pdfminer.six without layout analysis; each drawn glyph is an ``LTChar`` whose x0..x1
   is its advance. Only upright glyphs of the body (EB Garamond at the body size) are kept.
2. Columns: glyphs are grouped into rows by baseline and each row is cut where two consecutive
   glyphs are more than ``GUTTER`` apart. A gutter is an x interval, wider than ``GUTTER``, that
   the row pieces leave empty all down the page (at most ``SPANNING`` pieces may cross it: a line
   set across the columns, which is then set aside). Columns need not share baselines.
3. Edges: L is the commonest line start, R the commonest end (x1 of the last glyph, to 0.5 pt)
   of lines ending in a letter. A line reaches R when it ends within ``TOL`` of it; a line ending
   in punctuation or a hyphen may hang (its last glyph starts before R + ``TOL``).
4. Justified lines reach R and are neither a column's last line nor a paragraph's last line (the
   next line is indented > 0.4 em past L, or set after a gap bigger than the line pitch).
5. Word gaps of justified lines: from x1 of a word's last glyph to x0 of the next word's first,
   where a space glyph (U+0020) is drawn between them; ratio = gap / that space glyph's own
   advance. Gaps drawn with fixed spaces only (U+202F, U+00A0) are left out.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path

from pdfminer.converter import PDFPageAggregator
from pdfminer.layout import LTChar, LTContainer, LTItem
from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
from pdfminer.pdfpage import PDFPage

BODY_FONT = "EBGaramond"
BODY_SIZE = 9.6
GUTTER = 8.0  # pt: a wider jump between two glyphs of a row may cross a gutter
SPANNING = 2  # row pieces that may cross a gutter
BIN = 0.5  # pt: resolution of the gutter search
TOL = 1.0  # pt: how close to R a justified line ends
HYPHENS = frozenset("-\u2010\u2011\u00ad")
HANGING = HYPHENS | frozenset(".,;:!?…»›\"'’”)]}–—")
URLISH = re.compile(r"^[@#]|://|^www\.|[A-Za-z]\.[a-z]{2,}")  # a URL, domain, @handle or #hashtag


@dataclass(frozen=True)
class Glyph:
    text: str
    x0: float
    x1: float
    y: float  # baseline


class Line:
    """A row piece in one column: its glyphs left to right, space glyphs included."""

    def __init__(self, page: int, glyphs: list[Glyph]):
        self.page, self.glyphs = page, glyphs
        self.ink = [g for g in glyphs if not g.text.isspace()]
        self.x0, self.x1, self.y = self.ink[0].x0, self.ink[-1].x1, self.ink[0].y
        self.end = self.ink[-1].text[-1:]
        self.hyphen = self.end in HYPHENS and len(self.ink) > 1 and self.ink[-2].text[-1:].isalpha()

    def text(self) -> str:
        return "".join(" " if g.text.isspace() else g.text for g in self.glyphs).strip()

    def gaps(self) -> list[tuple[float, float]]:
        """(gap, natural width) of each word gap where a regular space glyph is drawn."""
        out: list[tuple[float, float]] = []
        prev, spaces = None, 0.0
        for g in self.glyphs:
            if g.text.isspace():
                spaces += g.x1 - g.x0 if g.text == " " else 0.0  # fixed spaces count for nothing
            else:
                if prev is not None and spaces > 0:
                    out.append((g.x0 - prev.x1, spaces))
                prev, spaces = g, 0.0
        return out


@dataclass
class Column:
    page: int
    lines: list[Line]  # top to bottom
    justified: list[Line] = field(default_factory=list)


@dataclass
class Break:
    """A line ending with a hyphen: the word fragment before it and the next line's first word."""

    page: int
    fragment: str
    following: str
    line: str
    next_line: str

    @property
    def suspicious(self) -> bool:
        """A capitalised word (Sta- / bility), an acronym (IA- / LS), a URL, @handle or #hashtag cut."""
        word = re.split("[’']", self.fragment.lstrip("«“(\"'"))[-1]
        if URLISH.search(self.fragment) or (word[:1].isupper() and self.following[:1].islower()):
            return True
        return len(word) >= 2 and word.isupper() and self.following[:1].isupper()


@dataclass
class Report:
    lines: int  # justified lines with at least one measured gap
    ratios: list[float]  # each measured gap / its natural width
    loose_share: float  # share of those lines whose gaps add up to more than `loose` x natural
    ladder: list[str]  # the longest run of consecutive hyphen-ended lines in a column
    breaks: list[Break]
    worst: list[str]  # the loosest lines, for messages

    @property
    def p95(self) -> float:
        return percentile(self.ratios, 95)


def percentile(values: list[float], p: float) -> float:
    """Linear interpolation between the closest ranks."""
    s = sorted(values)
    k = (len(s) - 1) * p / 100
    lo = int(k)
    hi = min(lo + 1, len(s) - 1)
    return s[lo] + (s[hi] - s[lo]) * (k - lo)


def _chars(items: Iterable[LTItem]) -> Iterator[LTChar]:
    for item in items:
        if isinstance(item, LTChar):
            yield item
        elif isinstance(item, LTContainer):
            yield from _chars(item)


def read_body(path: Path, size: float = BODY_SIZE, font: str = BODY_FONT) -> dict[int, list[Glyph]]:
    """Upright glyphs of the body font at the body size, per page (1-based)."""
    rsrc = PDFResourceManager()
    device = PDFPageAggregator(rsrc, laparams=None)
    interp = PDFPageInterpreter(rsrc, device)
    pages: dict[int, list[Glyph]] = {}
    with open(path, "rb") as fh:
        for number, page in enumerate(PDFPage.get_pages(fh), 1):
            interp.process_page(page)
            pages[number] = []
            for c in _chars(device.get_result()):
                a, b, cc, d, _, f = c.matrix
                upright = a > 0 and d > 0 and abs(b) < 1e-3 * a and abs(cc) < 1e-3 * d
                if upright and font in c.fontname and abs(c.size - size) < 0.05:
                    pages[number].append(Glyph(c.get_text(), c.x0, c.x1, f))
    return pages


def _rows(glyphs: list[Glyph], size: float) -> Iterator[list[list[Glyph]]]:
    """Rows by baseline, top to bottom, each cut into pieces where glyphs jump more than GUTTER."""
    rows: list[list[Glyph]] = []
    for g in sorted(glyphs, key=lambda g: -g.y):
        if rows and abs(rows[-1][0].y - g.y) <= 0.2 * size:
            rows[-1].append(g)
        else:
            rows.append([g])
    for row in rows:
        pieces: list[list[Glyph]] = [[]]
        last = None
        for g in sorted(row, key=lambda g: g.x0):
            if not g.text.isspace():
                if last is not None and g.x0 - last.x1 > GUTTER:
                    pieces.append([])
                last = g
            pieces[-1].append(g)  # a space goes with the word before it
        yield [p for p in pieces if any(not g.text.isspace() for g in p)]


def _gutters(spans: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """x intervals wider than GUTTER, between text, crossed by at most SPANNING row pieces."""
    lo = min(a for a, _ in spans)
    n = int((max(b for _, b in spans) - lo) / BIN) + 2
    delta = [0] * (n + 1)
    for a, b in spans:
        delta[int((a - lo) / BIN)] += 1
        delta[int((b - lo) / BIN) + 1] -= 1
    gutters, start, cover = [], None, 0
    for i in range(n):
        cover += delta[i]
        if cover <= SPANNING and start is None:
            start = i
        elif cover > SPANNING and start is not None:
            if start > 0 and (i - start) * BIN > GUTTER:
                gutters.append((lo + start * BIN, lo + i * BIN))
            start = None
    return gutters


def page_columns(page: int, glyphs: list[Glyph], size: float = BODY_SIZE) -> list[Column]:
    """The page's body text as columns of lines, left to right; pieces across a gutter are set aside."""
    rows = [[Line(page, p) for p in row] for row in _rows(glyphs, size)]
    gutters = _gutters([(p.x0, p.x1) for row in rows for p in row]) if rows else []
    columns: dict[int, list[Line]] = {}
    for row in rows:
        joined: dict[int, list[Glyph]] = {}  # the row's pieces, joined again per column
        for p in row:
            if not any(p.x0 < a and p.x1 > b for a, b in gutters):
                joined.setdefault(sum(1 for a, b in gutters if (a + b) / 2 < p.x0), []).extend(p.glyphs)
        for k, glyphs_k in joined.items():
            columns.setdefault(k, []).append(Line(page, glyphs_k))
    return [Column(page, columns[k]) for k in sorted(columns)]


def _mode(values: Iterable[float]) -> float | None:
    counts = Counter(round(v * 2) / 2 for v in values)
    return counts.most_common(1)[0][0] if counts else None


def classify(col: Column, size: float = BODY_SIZE) -> None:
    """Find the column's justified lines (point 4 of the module docstring)."""
    lines = col.lines
    left = _mode(ln.x0 for ln in lines)
    right = _mode(ln.x1 for ln in lines if ln.end.isalpha())
    if left is None or right is None or len(lines) < 3:
        return
    steps = [a.y - b.y for a, b in pairwise(lines) if 0 < a.y - b.y < 3 * size]
    pitch = percentile(steps, 50) if steps else 1.2 * size
    for ln, nxt in pairwise(lines):
        last = ln.ink[-1]
        if ln.end in HANGING:
            reaches = last.x1 >= right - TOL and last.x0 <= right + TOL
        else:
            reaches = abs(last.x1 - right) <= TOL
        paragraph_end = nxt.x0 - left > 0.4 * size or ln.y - nxt.y > pitch + 0.25 * size
        if reaches and not paragraph_end:
            col.justified.append(ln)


def report(columns: list[Column], loose: float = 2.0) -> Report:
    """Gap statistics, hyphen ladders and line-end hyphenations of columns in reading order."""
    ratios: list[float] = []
    by_line: list[tuple[float, str]] = []
    ladder: list[str] = []
    breaks: list[Break] = []
    for k, col in enumerate(columns):
        for ln in col.justified:
            if gaps := ln.gaps():
                ratios += [gap / natural for gap, natural in gaps]
                ratio = sum(g for g, _ in gaps) / sum(n for _, n in gaps)
                by_line.append((ratio, f"p{ln.page} {ratio:.2f}x ({max(g / n for g, n in gaps):.2f}x) {ln.text()}"))
        run = 0
        for i, ln in enumerate(col.lines):
            run = run + 1 if ln.hyphen else 0
            if run > len(ladder):
                ladder = [f"p{ln.page} {x.text()}" for x in col.lines[i + 1 - run : i + 1]]
            if ln.hyphen:
                after = col.lines[i + 1 :] or (columns[k + 1].lines if k + 1 < len(columns) else [])
                nxt = after[0].text() if after else ""
                following = re.match(r"[\w’'-]*", nxt)
                breaks.append(
                    Break(ln.page, ln.text().split(" ")[-1][:-1], following[0] if following else "", ln.text(), nxt)
                )
    loose_share = sum(1 for r, _ in by_line if r > loose) / len(by_line) if by_line else 0.0
    worst = [text for _, text in sorted(by_line, reverse=True)[:5]]
    return Report(len(by_line), ratios, loose_share, ladder, breaks, worst)


def pdf_columns(path: Path, size: float = BODY_SIZE) -> list[Column]:
    """Every page's body columns, classified, in reading order (page, then left to right)."""
    columns = []
    for page, glyphs in read_body(path, size).items():
        for col in page_columns(page, glyphs, size):
            classify(col, size)
            columns.append(col)
    return columns

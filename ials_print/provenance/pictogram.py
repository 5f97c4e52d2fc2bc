"""The magazine's transparency pictograms, drawn as vectors (no bitmaps).

Three marks: a chip for content made by AI, a bust for human work, both split by a slash for
mixed work. Drawn in 100 % K so they stay sharp at any size on press; the chip's "IA" is drawn as
vector strokes, never as small reversed type (which fills in on press). The label beside the marks
is type of at least 6.5 pt, in K.
"""

from __future__ import annotations

from reportlab.lib.colors import CMYKColor
from reportlab.pdfgen.canvas import Canvas

from ials_print.provenance.labels import LABELS, Kind

BLACK = CMYKColor(0, 0, 0, 1)
WHITE = CMYKColor(0, 0, 0, 0)


def _chip(c: Canvas, x: float, y: float, s: float) -> None:
    """An AI chip in an s × s box whose bottom-left is (x, y)."""
    body = s * 0.64
    bx, by = x + (s - body) / 2, y + (s - body) / 2
    c.setLineWidth(max(s * 0.06, 0.3))
    c.roundRect(bx, by, body, body, s * 0.08, stroke=0, fill=1)
    pin = s * 0.16
    for i in range(3):
        t = bx + body * (i + 1) / 4
        c.line(t, by, t, by - pin)
        c.line(t, by + body, t, by + body + pin)
        u = by + body * (i + 1) / 4
        c.line(bx, u, bx - pin, u)
        c.line(bx + body, u, bx + body + pin, u)
    _ia_letters(c, bx + body / 2, by + body * 0.29, body * 0.42)


def _ia_letters(c: Canvas, centre: float, base: float, cap: float) -> None:
    """The letters "IA" reversed out of the chip, drawn as strokes (vectors), not as type: small
    white type fills in on press, vector letters of the same size keep their shape."""
    stem = cap * 0.2
    a_width = cap * 0.9
    gap = cap * 0.28
    left = centre - (stem + gap + a_width) / 2
    c.saveState()
    c.setStrokeColor(WHITE)
    c.setLineWidth(stem)
    c.setLineCap(0)
    c.setLineJoin(1)
    c.line(left + stem / 2, base, left + stem / 2, base + cap)  # I
    ax = left + stem + gap
    p = c.beginPath()  # A: two legs meeting under the cap height, and the bar
    p.moveTo(ax + stem / 2, base)
    p.lineTo(ax + a_width / 2, base + cap - stem / 2)
    p.lineTo(ax + a_width - stem / 2, base)
    c.drawPath(p, stroke=1, fill=0)
    bar = base + cap * 0.32
    half = (a_width / 2 - stem / 2) * (1 - (bar - base) / (cap - stem / 2))
    c.line(ax + a_width / 2 - half, bar, ax + a_width / 2 + half, bar)
    c.restoreState()


def _bust(c: Canvas, x: float, y: float, s: float) -> None:
    """A human head and shoulders in an s × s box."""
    c.circle(x + s / 2, y + s * 0.68, s * 0.2, stroke=0, fill=1)
    p = c.beginPath()
    p.moveTo(x + s * 0.12, y)
    p.curveTo(x + s * 0.12, y + s * 0.36, x + s * 0.3, y + s * 0.44, x + s / 2, y + s * 0.44)
    p.curveTo(x + s * 0.7, y + s * 0.44, x + s * 0.88, y + s * 0.36, x + s * 0.88, y)
    p.close()
    c.drawPath(p, stroke=0, fill=1)


def _icons_width(kind: Kind, size: float) -> float:
    return size * 2.3 if kind == "mixte" else size


def pictogram_width(kind: Kind, size: float, font: str, c: Canvas, label: bool = True) -> float:
    """Width of the pictogram (and its label, unless ``label`` is false) at icon height ``size``."""
    icons = _icons_width(kind, size)
    return icons + size * 0.25 + c.stringWidth(LABELS[kind], font, size * 0.42) if label else icons


def draw_pictogram(
    c: Canvas, kind: Kind, right: float, top: float, size: float, font: str, label: bool = True
) -> float:
    """Draw the pictogram with its label (or the icons alone), right-aligned at ``right``, top at ``top``.

    Returns the width used. ``size`` is the icon height in points.
    """
    c.saveState()
    c._ials_font = font  # type: ignore[attr-defined]
    c.setFillColor(BLACK)
    c.setStrokeColor(BLACK)
    label_size = size * 0.42
    total = pictogram_width(kind, size, font, c, label)
    x = right - total
    y = top - size
    if kind == "ia":
        _chip(c, x, y, size)
    elif kind == "humain":
        _bust(c, x, y, size)
    else:
        _chip(c, x, y, size)
        c.setLineWidth(max(size * 0.07, 0.3))
        c.line(x + size * 1.02, y, x + size * 1.28, y + size)
        _bust(c, x + size * 1.3, y, size)
    if label:
        c.setFont(font, label_size)
        c.drawString(x + _icons_width(kind, size) + size * 0.25, y + size / 2 - label_size * 0.35, LABELS[kind])
    c.restoreState()
    return total

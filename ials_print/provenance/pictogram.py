"""The magazine's transparency pictograms, drawn as vectors (no bitmaps).

Three marks: a chip for content made by AI, a bust for human work, both split by a slash for
mixed work. Drawn in 100 % K so they stay sharp at any size on press.
"""

from __future__ import annotations

from typing import Literal

from reportlab.lib.colors import CMYKColor
from reportlab.pdfgen.canvas import Canvas

Kind = Literal["ia", "mixte", "humain"]

# As printed beside the icons, with French spacing (a narrow no-break space before %).
LABELS: dict[str, str] = {"ia": "100\u202f% IA", "mixte": "IA / Humain", "humain": "100\u202f% Humain"}
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
    c.setFillColor(WHITE)
    c.setFont(c._ials_font, body * 0.5)  # type: ignore[attr-defined]
    c.drawCentredString(bx + body / 2, by + body * 0.31, "IA")
    c.setFillColor(BLACK)


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

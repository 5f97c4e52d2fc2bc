"""Page geometry in points, origin at the trim's bottom-left; the manifest's millimetres end here."""

from __future__ import annotations

from dataclasses import dataclass

from ials_print.manifest.model import PageFormat
from ials_print.manifest.templates import Area, Template

MM = 72 / 25.4


MIN_FRAME = 14 * MM  # a piece of column shorter than this is not offered to the text


@dataclass(frozen=True)
class Rect:
    x: float
    y: float
    w: float
    h: float

    @property
    def top(self) -> float:
        return self.y + self.h

    @property
    def right(self) -> float:
        return self.x + self.w

    def overlaps_x(self, other: Rect) -> bool:
        return self.x < other.right and other.x < self.right


@dataclass(frozen=True)
class PageGeometry:
    """Trim, bleed and type area of one page (recto = right-hand, odd folio)."""

    width: float
    height: float
    bleed: float
    recto: bool
    type_area: Rect

    @classmethod
    def for_page(cls, fmt: PageFormat, folio: int) -> PageGeometry:
        w, h, m = fmt.trim_width * MM, fmt.trim_height * MM, fmt.margins
        recto = folio % 2 == 1
        left = (m.inside if recto else m.outside) * MM
        right = (m.outside if recto else m.inside) * MM
        area = Rect(left, m.bottom * MM, w - left - right, h - (m.top + m.bottom) * MM)
        return cls(w, h, fmt.bleed * MM, recto, area)

    def area_rect(self, area: Area) -> Rect:
        """An area from the template (mm, top-left, recto), mirrored on versos, bled if asked."""
        x, y, w, h = (v * MM for v in area.in_mm(self.width / MM, self.height / MM))
        if not self.recto:
            x = self.width - x - w
        y = self.height - y - h
        if area.bleed:
            eps = 0.01
            x0, y0, x1, y1 = x, y, x + w, y + h
            if x0 <= eps:
                x0 = -self.bleed
            if y0 <= eps:
                y0 = -self.bleed
            if x1 >= self.width - eps:
                x1 = self.width + self.bleed
            if y1 >= self.height - eps:
                y1 = self.height + self.bleed
            return Rect(x0, y0, x1 - x0, y1 - y0)
        return Rect(x, y, w, h)

    def columns(self, template: Template, top: float | None = None) -> list[Rect]:
        """The template's text columns, from ``top`` (default: the type area's top) down."""
        ta = self.type_area
        n, gutter = template.columns, template.gutter * MM
        col_w = (ta.w - (n - 1) * gutter) / n
        top = ta.top if top is None else top
        if n == 1 and template.measure:
            w = min(template.measure * MM, ta.w)
            x = ta.right - w if self.recto else ta.x
            return [Rect(x, ta.y, w, top - ta.y)]
        return [Rect(ta.x + i * (col_w + gutter), ta.y, col_w, top - ta.y) for i in range(n)]


def free_frames(columns: list[Rect], blocked: list[Rect], min_height: float) -> list[Rect]:
    """Cut each column around the blocked rectangles; keep pieces at least ``min_height`` tall.

    Frames come column by column, top to bottom, which is the reading order of the text.
    """
    frames: list[Rect] = []
    for col in columns:
        spans = [(col.y, col.top)]
        for b in blocked:
            if not b.overlaps_x(col):
                continue
            lo, hi = b.y, b.top
            cut: list[tuple[float, float]] = []
            for s0, s1 in spans:
                if hi <= s0 or lo >= s1:
                    cut.append((s0, s1))
                    continue
                if lo > s0:
                    cut.append((s0, lo))
                if hi < s1:
                    cut.append((hi, s1))
            spans = cut
        for s0, s1 in sorted(spans, key=lambda s: -s[1]):
            if s1 - s0 >= min_height:
                frames.append(Rect(col.x, s0, col.w, s1 - s0))
    return frames

"""Perfect binding: the cover as one spread and the interior apart, views of the laid-out issue.

A perfect-bound magazine (dos carré collé) goes to the printer as two files: the cover — page 1 the
outside spread, back cover + spine + front cover, page 2 the inside spread, inside front + inside
back cover, each with bleed all round — and the interior, its pages single and in reading order.
Both are made of the issue's laid-out pages (the same pages, never laid out again): each cover page
is placed on the spread clipped to its bleed on the outer edges and to its trim at the fold; the
spine (interior pages / 2 × the interior paper's caliper) carries the title, number and date.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from pypdf import PdfReader, PdfWriter, Transformation
from pypdf.generic import NameObject, RectangleObject
from reportlab.lib.colors import CMYKColor, CMYKColorSep

from ials_print.layout.geometry import MM
from ials_print.manifest.model import Manifest
from ials_print.output.overprint import PressCanvas

REGISTRATION = CMYKColorSep(1, 1, 1, 1, spotName="All")
MOIS = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
]
FOLD_CLEAR = 1 * MM  # spine type keeps this far from each fold


@dataclass(frozen=True)
class SpineSpec:
    """The spine: width, text and direction."""

    width_mm: float
    interior_pages: int
    text: str
    direction: str

    def as_dict(self, m: Manifest) -> dict:
        paper = m.format.paper
        out = {
            "width_mm": self.width_mm,
            "interior_pages": self.interior_pages,
            "interior_caliper_um": paper.interior_caliper_um if paper else None,
            "rule": "interior pages / 2 × interior caliper",
            "text": self.text,
            "reads": self.direction.replace("_", " "),
        }
        if paper and paper.cover_caliper_um:
            out["cover_caliper_um"] = paper.cover_caliper_um  # the board adds its own thickness at the folds
        return out


def spine(m: Manifest) -> SpineSpec:
    """The spine of ``m``'s perfect-bound issue (its paper must be given)."""
    assert m.format.paper is not None
    pages = len(m.interior_folios())
    width = round(pages / 2 * m.format.paper.interior_caliper_um / 1000, 3)
    d = m.issue.date
    text = m.format.spine.text or f"{m.issue.title} · n°{m.issue.number} · {MOIS[d.month - 1]} {d.year}"
    return SpineSpec(width, pages, text, m.format.spine.direction)


@dataclass(frozen=True)
class SpreadGeometry:
    """Points: trim of one page, bleed, spine, and the margin outside the bleed for marks."""

    w: float
    h: float
    bleed: float
    spine: float
    outside: float

    @property
    def off(self) -> float:
        """From the media's edge to the spread's trim."""
        return self.outside + self.bleed

    @property
    def media(self) -> tuple[float, float]:
        return 2 * self.w + self.spine + 2 * self.off, self.h + 2 * self.off

    @property
    def trim(self) -> tuple[float, float, float, float]:
        return self.off, self.off, self.off + 2 * self.w + self.spine, self.off + self.h

    @property
    def folds(self) -> tuple[float, float]:
        return self.off + self.w, self.off + self.w + self.spine


def _base_spreads(geo: SpreadGeometry, spec: SpineSpec, font: str, marks: bool) -> bytes:
    """Two blank spreads with their boxes, the spine's text on the outside one, marks if asked."""
    buf = io.BytesIO()
    c = PressCanvas(buf, pagesize=geo.media, invariant=1, pageCompression=1, initialFontName=font)
    x0, y0, x1, y1 = geo.trim
    b = geo.bleed
    for outside in (True, False):
        c.setTrimBox((x0, y0, x1, y1))
        c.setBleedBox((x0 - b, y0 - b, x1 + b, y1 + b))
        if outside:
            _spine_text(c, geo, spec, font)
        if marks:
            _marks(c, geo)
        c.showPage()
    c.save()
    return buf.getvalue()


def _spine_text(c: PressCanvas, geo: SpreadGeometry, spec: SpineSpec, font: str) -> None:
    """The spine's text, centred both ways, 1 mm clear of each fold; none on a spine too thin for it."""
    size = min(9.0, (geo.spine - 2 * FOLD_CLEAR) / 0.95)
    if size < 4:
        return
    room = geo.h - 20 * MM
    while size > 4 and c.stringWidth(spec.text, font, size) > room:
        size -= 0.25
    left, _ = geo.folds
    c.saveState()
    c.translate(left + geo.spine / 2, geo.off + geo.h / 2)
    c.rotate(90 if spec.direction == "bottom_to_top" else -90)
    c.setFillColor(CMYKColor(0, 0, 0, 1))
    c.setFont(font, size)
    c.drawCentredString(0, -size * 0.35, spec.text)
    c.restoreState()


def _marks(c: PressCanvas, geo: SpreadGeometry) -> None:
    """Crop marks at the spread's corners and fold marks at the spine, outside the bleed, in registration."""
    x0, y0, x1, y1 = geo.trim
    gap, length = geo.bleed + 2 * MM, 6 * MM
    c.saveState()
    c.setStrokeColor(REGISTRATION)
    c.setLineWidth(0.3)
    for x, sx in ((x0, -1), (x1, 1)):
        for y, sy in ((y0, -1), (y1, 1)):
            c.line(x + sx * gap, y, x + sx * (gap + length), y)
            c.line(x, y + sy * gap, x, y + sy * (gap + length))
    c.setDash(2, 1.5)
    for x in geo.folds:
        c.line(x, y1 + gap, x, y1 + gap + length)
        c.line(x, y0 - gap, x, y0 - gap - length)
    c.restoreState()


def _trim(page) -> tuple[float, float, float, float]:
    box = page.trimbox
    return float(box.left), float(box.bottom), float(box.right), float(box.top)


def impose_cover(
    whole: bytes, m: Manifest, font: str, marks: bool, index: dict[int, int] | None = None
) -> tuple[bytes, SpineSpec, SpreadGeometry]:
    """The cover file (before PDF/X finishing): the outside and the inside spreads.

    ``whole``: a PDF with the cover's pages, at ``index[folio]`` (by default the whole issue)."""
    spec = spine(m)
    f = m.format
    geo = SpreadGeometry(f.trim_width * MM, f.trim_height * MM, f.bleed * MM, spec.width_mm * MM, 13 * MM * marks)
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(_base_spreads(geo, spec, font, marks))))
    source = PdfReader(io.BytesIO(whole))
    folios = m.cover_folios()
    b = geo.bleed
    left_at, right_at = geo.off, geo.off + geo.w + geo.spine
    for target, (left, right) in zip(
        writer.pages, ((folios["back"], folios["front"]), (folios["inside_front"], folios["inside_back"])), strict=True
    ):
        for folio, at, is_left in ((left, left_at, True), (right, right_at, False)):
            page = source.pages[index[folio] if index is not None else folio - 1]
            tx0, ty0, tx1, ty1 = _trim(page)
            # bleed on the outer edges, the trim at the fold: nothing of one page crosses onto the spine
            clip = (tx0 - b, ty0 - b, tx1, ty1 + b) if is_left else (tx0, ty0 - b, tx1 + b, ty1 + b)
            page[NameObject("/CropBox")] = RectangleObject(clip)
            target.merge_transformed_page(page, Transformation().translate(at - tx0, geo.off - ty0), over=True)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue(), spec, geo

"""The provenance proof: every visual and text frame of a page outlined in its kind's colour, tagged
with its id and tool, and the page's pictogram and reason in the slug, so an editor signs the labels
off by looking (``ials-print proof --provenance``)."""

from __future__ import annotations

from reportlab.lib.colors import CMYKColor
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from ials_print.content.story import TextProvenance
from ials_print.layout.geometry import MM, PageGeometry, Rect
from ials_print.layout.plans import PagePlan
from ials_print.layout.provenance_marks import block_ident
from ials_print.manifest.load import Issue
from ials_print.provenance.labels import LABELS

COLOURS: dict[str, CMYKColor] = {
    "ia": CMYKColor(0.35, 0.95, 0, 0),  # violet
    "mixte": CMYKColor(0, 0.6, 1, 0),  # orange
    "humain": CMYKColor(0.85, 0.15, 0, 0),  # blue
}
WHITE = CMYKColor(0, 0, 0, 0)
TAG_SIZE = 5.5  # points
SHORT = {"ia": "IA", "mixte": "IA / Humain", "humain": "Humain"}


def _on_page(r: Rect, geo: PageGeometry, inset: float) -> Rect | None:
    """``r`` cut to the trim and drawn ``inset`` inside it, so a full-bleed frame shows on the page."""
    x0, y0 = max(r.x, 0.0) + inset, max(r.y, 0.0) + inset
    x1, y1 = min(r.right, geo.width) - inset, min(r.top, geo.height) - inset
    return Rect(x0, y0, x1 - x0, y1 - y0) if x1 - x0 > 2 and y1 - y0 > 2 else None


def text_frames(plan: PagePlan) -> list[tuple[TextProvenance | None, Rect]]:
    """The page's text marks, those that follow each other down a column with one provenance merged."""
    out: list[tuple[TextProvenance | None, Rect]] = []
    for p, r in plan.text_marks:
        if out:
            q, last = out[-1]
            if q == p and abs(last.x - r.x) < 1 and abs(last.w - r.w) < 1 and -1 <= last.y - r.top <= 30:
                out[-1] = (p, Rect(last.x, r.y, last.w, last.top - r.y))
                continue
        out.append((p, r))
    return out


def _frame(c: Canvas, r: Rect, kind: str, tag: str, font: str, width: float) -> None:
    colour = COLOURS[kind]
    c.setStrokeColor(colour)
    c.setLineWidth(width)
    c.rect(r.x, r.y, r.w, r.h, stroke=1, fill=0)
    tag = _shorten(tag, font, TAG_SIZE, r.w - 5)
    w = stringWidth(tag, font, TAG_SIZE) + 3
    c.setFillColor(colour)  # the tag sits on the frame's top edge, outside it: the words stay readable
    c.rect(r.x, r.top, w, TAG_SIZE + 2.5, stroke=0, fill=1)
    c.setFillColor(WHITE)
    c.setFont(font, TAG_SIZE)
    c.drawString(r.x + 1.5, r.top + 1.7, tag)


def _shorten(text: str, font: str, size: float, width: float) -> str:
    """``text`` cut with an ellipsis to hold in ``width`` at ``size``."""
    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text + "…"


def draw_provenance_marks(c: Canvas, issue: Issue, plan: PagePlan, geo: PageGeometry, font: str) -> None:
    """Outline what the page prints in its kind's colour, with tags; the pictogram and reason in the slug."""
    section = issue.section(plan.section_id)
    visuals = {v.id: v for s in issue.manifest.sections for v in s.images}
    c.saveState()
    for p, rect in text_frames(plan):
        r = _on_page(rect, geo, 0.5)
        if r is None:
            continue
        if p is None:
            tool = f" · {section.text_tool}" if section.text_tool else ""
            _frame(c, r, section.provenance, f"{section.id} (texte){tool} · {SHORT[section.provenance]}", font, 0.8)
        else:
            tool = f" · {p.tool}" if p.tool else ""
            _frame(c, r, p.kind, f"{block_ident(section.id, p)}{tool} · {SHORT[p.kind]}", font, 1.2)
    for vid, rect in plan.visual_marks:
        v = visuals.get(vid)
        r = _on_page(rect, geo, 1.5)
        if v is None or r is None:
            continue
        tools = " + ".join(t for t in (v.tool, *v.retouch) if t)
        _frame(c, r, v.provenance, f"{vid}{' · ' + tools if tools else ''} · {SHORT[v.provenance]}", font, 2.0)
    _slug(c, plan, geo, font)
    c.restoreState()


def _slug(c: Canvas, plan: PagePlan, geo: PageGeometry, font: str) -> None:
    """The page's pictogram and why, above the proof's slug line, with the colour legend."""
    y = -geo.bleed - 5 * MM
    x = 0.0
    for kind in ("ia", "mixte", "humain"):
        c.setFillColor(COLOURS[kind])
        c.rect(x, y - 0.5, 6, 6, stroke=0, fill=1)
        c.setFillColor(CMYKColor(0, 0, 0, 1))
        c.setFont(font, 6)
        c.drawString(x + 8, y, SHORT[kind])
        x += 12 + stringWidth(SHORT[kind], font, 6)
    reason = plan.provenance.reason if plan.provenance else ""
    text = f"Pictogramme : {LABELS[plan.pictogram]} — {reason}"
    c.setFont(font, 6.5)
    c.drawString(x + 6, y, _shorten(text, font, 6.5, geo.width - x - 6))

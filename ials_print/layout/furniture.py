"""What a page wears around its text (a mixin of ``SectionComposer``): the title block, the
pictogram, the folio and running foot (left out or set in white over a picture, never dark on
dark), column rules, and the reserved page's placeholder."""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape

from reportlab.lib.colors import CMYKColor
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph

from ials_print.layout import rl_patches  # noqa: F401  (French spaces; must load before layout)
from ials_print.layout.geometry import MIN_FRAME, MM, PageGeometry, Rect
from ials_print.manifest.templates import length_mm
from ials_print.provenance.pictogram import draw_pictogram, pictogram_width

if TYPE_CHECKING:
    from ials_print.layout.plans import PagePlan

PICTO_SIZE = 5.5 * MM


class PageFurniture:
    """Draws the furniture of one page of a section."""

    def _draw_head(
        self, c: Canvas, geo: PageGeometry, head: list[Flowable], plan: PagePlan, below: float | None = None
    ) -> float:
        """The title block, from the top of the type area or below a visual that spans the page's top."""
        ta = geo.type_area
        limit = length_mm(self.template.opener_head, ta.h / MM) * MM
        start = ta.top if below is None else below
        y = start
        for f in head:
            _, h = f.wrap(ta.w, limit)
            y -= f.getSpaceBefore() if y < start else 0
            y -= h
            f.drawOn(c, ta.x, y)
            y -= f.getSpaceAfter()
        used = start - y
        if used > limit or y < ta.y + MIN_FRAME:
            self.result.errors.append(
                f"section '{self.section.id}': title block is {used / MM:.0f} mm tall, "
                f"the layout allows {limit / MM:.0f} mm (opener_head)"
            )
        c.setStrokeColor(self.styles.colors["accent"])
        c.setLineWidth(0.8)
        rule_y = y - 2 * MM
        c.line(ta.x, rule_y, ta.right, rule_y)
        plan.head = Rect(ta.x, rule_y, ta.w, start - rule_y)
        plan.has_content = plan.has_text = True
        return rule_y - 5 * MM

    def _draw_placeholder(self, c: Canvas, geo: PageGeometry, plan: PagePlan) -> None:
        ta = geo.type_area
        c.setFillColor(self.styles.colors["tint"])
        c.rect(ta.x, ta.y, ta.w, ta.h, stroke=0, fill=1)
        first, last = self.section.first_page, self.section.first_page + self.section.pages - 1
        pages = f"page {first}" if first == last else f"pages {first}–{last}"
        text = f"{escape(self.section.title)}<br/>{pages}"
        p = Paragraph(text, self.styles["placeholder"])
        _, h = p.wrap(ta.w - 20 * MM, ta.h)
        p.drawOn(c, ta.x + 10 * MM, ta.y + ta.h / 2 - h / 2)
        plan.frames = [ta]

    def _draw_column_rules(self, c: Canvas, frames: list[Rect]) -> None:
        c.setStrokeColor(self.styles.colors["ink"])
        c.setLineWidth(0.3)
        for a, b in itertools.pairwise(frames):
            if b.x > a.right:
                x = (a.right + b.x) / 2
                c.line(x, max(a.y, b.y), x, min(a.top, b.top))

    def _draw_furniture(self, c: Canvas, geo: PageGeometry, plan: PagePlan) -> None:
        s = self.styles
        font = s["folio"].fontName
        ta = geo.type_area
        top = geo.height - 7 * MM
        width = pictogram_width(plan.pictogram, PICTO_SIZE, font, c)
        right = ta.right if geo.recto else ta.x + width
        zone = Rect(right - width - 1.5 * MM, top - PICTO_SIZE - 1.5 * MM, width + 3 * MM, PICTO_SIZE + 3 * MM)
        if any(r.x < zone.right and zone.x < r.right and r.y < zone.top and zone.y < r.top for _, r in plan.visuals):
            c.setFillColor(CMYKColor(0, 0, 0, 0))
            c.roundRect(zone.x, zone.y, zone.w, zone.h, 1.5 * MM, stroke=0, fill=1)
        draw_pictogram(c, plan.pictogram, right, top, PICTO_SIZE, font)
        plan.furniture.append(zone)
        if self.template.folio:
            self._draw_folio(c, geo, plan)

    def _draw_folio(self, c: Canvas, geo: PageGeometry, plan: PagePlan) -> None:
        """Folio and running foot; where a visual lies under them the template decides: left out
        (the default) or set in white, never dark on a picture."""
        s, ta, y = self.styles, geo.type_area, 8 * MM
        folio_style, head_style = s["folio"], s[self._style("running_head")]
        text = str(plan.folio)
        fw = c.stringWidth(text, folio_style.fontName, folio_style.fontSize)
        x = ta.right - fw if geo.recto else ta.x
        pieces = [(text, folio_style, Rect(x, y, fw, folio_style.leading))]
        if self.template.running_head:
            head = f"{self.issue.short_name} n°{self.issue.manifest.issue.number} · "
            head += self.section.running_head or self.section.title
            head = _fit_line(head, head_style.fontName, head_style.fontSize, ta.w / 2, upper=True).upper()
            hw = c.stringWidth(head, head_style.fontName, head_style.fontSize) + 2
            hx = x - 4 * MM - hw if geo.recto else x + fw + 4 * MM
            pieces.append((head, head_style, Rect(hx, y, hw, head_style.leading)))
        for words, style, r in pieces:
            covered = any(_overlap(r, v) for _, v in plan.visuals)
            if covered and self.template.furniture_on_visual == "omit":
                continue
            if covered:
                style = ParagraphStyle(f"{style.name}-on-visual", parent=style, textColor=CMYKColor(0, 0, 0, 0))
                plan.white_furniture.append(r)
            else:
                plan.folio_marks.append(r)
            plan.furniture.append(r)
            p = Paragraph(escape(words), style)
            p.wrap(r.w + 1, 20 * MM)
            p.drawOn(c, r.x, r.y)


def _overlap(a: Rect, b: Rect) -> bool:
    return a.x < b.right and b.x < a.right and a.y < b.top and b.y < a.top


def _fit_line(text: str, font: str, size: float, width: float, upper: bool = False) -> str:
    """``text`` shortened with an ellipsis so it holds on one line of ``width``."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    def w(t: str) -> float:
        return stringWidth(t.upper() if upper else t, font, size)

    if w(text) <= width:
        return text
    while text and w(text + "…") > width:
        text = text[:-1]
    return text.rstrip() + "…"

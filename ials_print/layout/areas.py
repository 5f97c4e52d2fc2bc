"""Visuals in a layout's named areas, their captions, double-page spreads and pull-quotes set
across the columns (a mixin of ``SectionComposer``): what the columns then flow around."""

from __future__ import annotations

from reportlab.lib.colors import CMYKColor
from reportlab.pdfgen.canvas import Canvas

from ials_print.content.story import PullQuote, Run
from ials_print.layout.geometry import MM, PageGeometry, Rect
from ials_print.manifest.model import AreaPlacement, Visual
from ials_print.provenance.credits import credit_for


class AreaVisuals:
    """Draws a section's area visuals and across-the-columns pull-quotes on one page."""

    def full_visual_pages(self) -> set[int]:
        """Pages of the section (1-based) a visual fills entirely, both pages of a spread included."""
        full: set[int] = set()
        for v in self.section.images:
            if isinstance(v.place, AreaPlacement) and self._is_full_page(self.template.areas[v.place.area]):
                full.add(v.place.page)
                if v.place.spread:
                    full.add(v.place.page + 1)
        return full

    def _is_full_page(self, area) -> bool:
        fmt = self.issue.manifest.format
        _, _, w, h = area.in_mm(fmt.trim_width, fmt.trim_height)
        return w >= fmt.trim_width - 1 and h >= fmt.trim_height - 1

    def _area_visuals(self, page_in_section: int) -> list[tuple[Visual, int | None]]:
        """The area visuals on a page: each with its side of a spread (0 left, 1 right, None alone)."""
        on_page = []
        for v in self.section.images:
            if not isinstance(v.place, AreaPlacement):
                continue
            if v.place.page == page_in_section:
                on_page.append((v, 0 if v.place.spread else None))
            elif v.place.spread and v.place.page + 1 == page_in_section:
                on_page.append((v, 1))
        return on_page

    def _place_spread(self, c: Canvas, geo: PageGeometry, v: Visual, r: Rect, side: int) -> Rect:
        """One half of a picture that runs across the fold: both pages' areas form one box; each
        page draws its part of it, into its own bleed at the spine (the binder's crossover)."""
        w = geo.width
        mirror = PageGeometry(geo.width, geo.height, geo.bleed, not geo.recto, geo.type_area)
        other = mirror.area_rect(self.template.areas[v.place.area])
        left, right = (r, other) if side == 0 else (other, r)
        box_w = right.right + w - left.x  # the left page's coordinates; the right page starts at the spine
        window = (0.0, r.w) if side == 0 else (right.x + w - left.x, box_w)
        path, info = self.issue.visual_files[v.id], self.issue.images[v.id]
        drawn = self.place(c, v.id, path, info, r.x, r.y, box_w, r.h, v.fit, v.focus, window=window)
        return Rect(*drawn)

    def _draw_visuals(self, c: Canvas, geo: PageGeometry, page_in_section: int, plan) -> list[Rect]:
        blocked: list[Rect] = []
        for v, side in self._area_visuals(page_in_section):
            area = self.template.areas[v.place.area]
            r = geo.area_rect(area)
            if side is None:
                path, info = self.issue.visual_files[v.id], self.issue.images[v.id]
                drawn = self.place(c, v.id, path, info, r.x, r.y, r.w, r.h, v.fit, v.focus)
                image = Rect(*drawn) if drawn else r  # a visual set to fit may not fill its area
            else:
                image = self._place_spread(c, geo, v, r, side)
            plan.visuals.append((v.id, image))
            plan.has_content = True
            block = r
            figure = self._figure_blocks.get(v.id)
            has_text = bool(v.caption or v.credit or (figure and (figure.caption or figure.credit)) or credit_for(v))
            if side == 0:
                pass  # a spread's caption is set once, on its right-hand page
            elif area.caption != "none" and has_text:
                # The caption stays with the picture, not with the area's edge.
                with_caption, caption = self._draw_area_caption(c, geo, v, image, area.caption == "inside")
                plan.captions.append((v.id, caption))
                low = min(r.y, with_caption.y)
                block = Rect(r.x, low, r.w, r.top - low)
            elif has_text:
                self.result.warnings.append(
                    f"section '{self.section.id}', page {plan.folio}: area '{v.place.area}' prints no caption, "
                    f"so the caption and credit of visual '{v.id}' do not appear"
                )
            gutter = self.template.gutter * MM
            blocked.append(Rect(block.x - gutter, block.y - gutter, block.w + 2 * gutter, block.h + 2 * gutter))
        return blocked

    def _draw_across(self, c: Canvas, geo: PageGeometry, page_in_section: int, top: float | None, plan) -> list[Rect]:
        """Pull-quotes set across all columns, midway down the text area; the columns flow around them."""
        if self.article is None:
            return []
        ta = geo.type_area
        col_top = ta.top if top is None else top
        blocked = []
        quotes = [
            b
            for b in self.article.blocks
            if isinstance(b, PullQuote)
            and b.across_page == page_in_section
            and b.line not in self.section.drop_pull_quotes
        ]
        for i, quote in enumerate(quotes):
            para = self._para(quote.runs, "pull_quote_across", quote.line)
            width = ta.w * 0.8
            _, h = para.wrap(width, ta.h)
            pad = 4 * MM
            centre = col_top - (col_top - ta.y) * (i + 1) / (len(quotes) + 1)
            r = Rect(ta.x, centre - h / 2 - pad, ta.w, h + 2 * pad)
            c.setStrokeColor(self.styles.colors["accent"])
            c.setLineWidth(1.2)
            c.line(r.x, r.top, r.right, r.top)
            c.line(r.x, r.y, r.right, r.y)
            para.drawOn(c, ta.x + (ta.w - width) / 2, r.y + pad)
            plan.pull_quotes.append(r)
            plan.text_marks.append((quote.provenance, r))
            plan.section_text = plan.section_text or quote.provenance is None
            plan.has_text = True
            for vid, v in plan.visuals:
                if v.x < r.right and r.x < v.right and v.y < r.top and r.y < v.top:
                    self.result.errors.append(
                        f"section '{self.section.id}', page {plan.folio}: the pull-quote across "
                        f"the columns (line {quote.line}) overlaps visual '{vid}'"
                    )
            gutter = self.template.gutter * MM
            blocked.append(Rect(r.x, r.y - gutter, r.w, r.h + 2 * gutter))
        return blocked

    def _draw_area_caption(self, c: Canvas, geo: PageGeometry, v: Visual, r: Rect, inside: bool) -> tuple[Rect, Rect]:
        """The caption and credit under (or inside the foot of) the picture ``r``; returns the
        picture with its caption, and the caption alone."""
        ta = geo.type_area
        x0, x1 = max(r.x, ta.x), min(r.right, ta.right)
        width = x1 - x0
        paras = []
        figure = self._figure_blocks.get(v.id)
        caption = (Run(v.caption),) if v.caption else (figure.caption if figure else ())
        credit = v.credit or (figure.credit if figure else None) or credit_for(v)
        if caption:
            paras.append(self._para(caption, "caption", figure.line if figure else 0))
        if credit:
            paras.append(self._plain(credit, "credit"))
        sizes = [p.wrap(width, 1000) for p in paras]
        total = sum(h for _, h in sizes) + 1.2 * MM * len(paras)
        if inside:
            y = max(r.y, ta.y) + 2 * MM + total
            c.setFillColor(CMYKColor(0, 0, 0, 0))
            pad = 2 * MM
            c.rect(x0 - pad, y - total - pad, width + 2 * pad, total + 2 * pad, stroke=0, fill=1)
        else:
            y = r.y - 1.5 * MM
        top = y
        for p, (_, h) in zip(paras, sizes, strict=True):
            y -= h
            p.drawOn(c, x0, y)
            y -= 1.2 * MM
        caption = Rect(x0, y, width, top - y)
        return (r if inside else Rect(r.x, y, r.w, r.top - y)), caption

"""Pages whose background is a visual printed past the trim: the cover, full-page visuals (and the
ad, the cover credit, the back cover) and the fashion portfolio."""

from __future__ import annotations

from reportlab.lib.colors import CMYKColor
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

from ials_print.content.story import Figure, Heading, Run
from ials_print.content.story import Paragraph as StoryParagraph
from ials_print.layout.compose import PagePlan, SectionComposer
from ials_print.layout.geometry import MM, PageGeometry, Rect
from ials_print.layout.provenance_marks import plate_provenance
from ials_print.manifest.model import Visual
from ials_print.manifest.pagedata import PageData
from ials_print.provenance.credits import credit_for, issue_has_ai_visuals

WHITE = CMYKColor(0, 0, 0, 0)
BLACK = CMYKColor(0, 0, 0, 1)


def _bleed_rect(geo: PageGeometry) -> Rect:
    b = geo.bleed
    return Rect(-b, -b, geo.width + 2 * b, geo.height + 2 * b)


class _FullBleed(SectionComposer):
    """Helpers for pages whose background is one visual printed past the trim."""

    def finish(self) -> None:
        """Nothing flows here, so nothing can be overset; kinds that can override this."""

    def _background(self, c: Canvas, v: Visual, geo: PageGeometry, plan: PagePlan) -> Rect:
        r = _bleed_rect(geo)
        self.place(c, v.id, self.issue.visual_files[v.id], self.issue.images[v.id], r.x, r.y, r.w, r.h, v.fit, v.focus)
        plan.visuals.append((v.id, r))
        plan.has_content = True
        return r

    def _plate(
        self,
        c: Canvas,
        paras: list[Paragraph],
        x: float,
        y: float,
        width: float,
        fill: CMYKColor = WHITE,
        pad: float = 3 * MM,
        plan: PagePlan | None = None,
    ) -> Rect:
        """Paragraphs on a solid plate whose bottom-left is (x, y); returns the plate."""
        sizes = [p.wrap(width, 1000) for p in paras]
        h = sum(s[1] for s in sizes) + 1.5 * MM * (len(paras) - 1)
        plate = Rect(x, y, width + 2 * pad, h + 2 * pad)
        c.setFillColor(fill)
        c.rect(plate.x, plate.y, plate.w, plate.h, stroke=0, fill=1)
        top = y + pad + h
        for p, (_, ph) in zip(paras, sizes, strict=True):
            top -= ph
            p.drawOn(c, x + pad, top)
            top -= 1.5 * MM
        if plan is not None:
            plan.furniture.append(plate)
            plan.text_marks.append((None, plate))
        return plate

    def _credit_line(self, v: Visual, figure: Figure | None) -> str | None:
        return v.credit or (figure.credit if figure else None) or credit_for(v)

    def _caption_runs(self, v: Visual, figure: Figure | None) -> tuple[Run, ...]:
        return (Run(v.caption),) if v.caption else (figure.caption if figure else ())


class CoverComposer(_FullBleed):
    """The cover: full-bleed visual, masthead, issue number, cover lines, the AI notice."""

    def prepare(self) -> None:
        self.data: PageData = self.issue.page_data[self.section.id]

    def draw_page(self, c: Canvas, n: int, geo: PageGeometry, plan: PagePlan) -> None:
        if n >= len(self.section.images):
            self.result.errors.append(f"section '{self.section.id}': the cover needs its visual in 'images'")
            return
        self._background(c, self.section.images[n], geo, plan)
        if n:
            return
        cover = self.data.cover
        assert cover is not None
        ta = geo.type_area
        # The cover's named areas (the layout's, moved by the section if it says so); without them,
        # the masthead tops the type area, the cover lines run down its outside edge, the notice sits
        # at its foot.
        areas = self.template.areas
        box = {name: geo.area_rect(areas[name]) for name in ("masthead", "cover_lines", "ai_notice") if name in areas}
        head = box.get("masthead", Rect(ta.x, ta.y, ta.w, ta.h - 4 * MM))
        pub = self.issue.publication
        name = cover.masthead or (pub and (pub.masthead or pub.short_name)) or self.issue.short_name
        masthead = self._plain(name, "masthead")  # that it fits is checked at load (manifest/masthead.py)
        _, mh = masthead.wrap(head.w, 300)
        masthead.drawOn(c, head.x, head.top - mh)
        under = head.top - mh  # the issue line and the tagline follow the masthead
        label = [cover.issue_label, cover.descriptor or ""]
        right = self._plain(" · ".join(x for x in label if x), "cover_issue")
        right.wrap(head.w, 100)
        right.drawOn(c, head.x, under - 10 * MM)
        lines_box = box.get(
            "cover_lines", Rect(ta.right - 62 * MM, ta.y + 18 * MM, 62 * MM, under - 12 * MM - ta.y - 18 * MM)
        )
        tagline = [self._plain(t, "cover_tagline") for t in cover.tagline]
        y = under - 14 * MM
        room = max(30 * MM, lines_box.x - 8 * MM - head.x) if lines_box.x > head.x else head.w
        for p in tagline:
            _, h = p.wrap(room, 100)  # clear of the cover lines' column
            y -= h
            p.drawOn(c, head.x, y)
        top = under - 11 * MM  # the masthead and issue line, then the tagline beside the cover lines
        plan.text_marks += [(None, Rect(head.x, top, head.w, head.top - top)), (None, Rect(head.x, y, room, top - y))]
        # Cover lines: a column of white plates down their area, from its top.
        pad = 2 * MM
        width = lines_box.w - 2 * pad
        y = lines_box.top
        for line in cover.cover_lines:
            paras = []
            if line.rubric:
                paras.append(self._plain(line.rubric, "cover_rubric"))
            paras += [self._plain(t, "cover_line") for t in line.line.split("\n")]
            sizes = sum(p.wrap(width, 200)[1] for p in paras) + 1.5 * MM * (len(paras) - 1) + 2 * pad
            y -= sizes
            if y < lines_box.y:
                self.result.errors.append(
                    f"section '{self.section.id}': the cover lines do not fit their area "
                    f"({lines_box.h / MM:.0f} mm tall): fewer lines, or a taller 'cover_lines' area"
                )
                break
            self._plate(c, paras, lines_box.x, y, width, pad=pad, plan=plan)
            y -= 2.5 * MM
        if cover.ai_notice and issue_has_ai_visuals(self.issue):  # the notice follows from the content
            notice = box.get("ai_notice", Rect(ta.x, ta.y, ta.w * 0.7 + 6 * MM, 20 * MM))
            paras = [self._plain(t, "cover_notice") for t in cover.ai_notice.split("\n")]
            self._plate(c, paras, notice.x, notice.y, notice.w - 6 * MM, fill=BLACK, plan=plan)
        plan.head = Rect(ta.x, ta.y, ta.w, ta.h)
        plan.has_text = True


class VisualComposer(_FullBleed):
    """Full-page visuals, one a page, with their caption, credit or the page's printed words."""

    def prepare(self) -> None:
        self.data = self.issue.page_data.get(self.section.id)

    def _words(self) -> list[Paragraph]:
        part = getattr(self.data, self.template.data_part, None) if self.data and self.template.data_part else None
        if part is None:
            return []
        paras = []
        for field, style in (
            ("headline", "ad_headline"),
            ("label", "kicker"),
            ("text", "ad_text"),
            ("credit", "credit"),
        ):
            value = getattr(part, field, None)
            if value:
                paras += [self._plain(t, style) for t in value.split("\n")]
        return paras

    def draw_page(self, c: Canvas, n: int, geo: PageGeometry, plan: PagePlan) -> None:
        images = self.section.images
        if n >= len(images):
            self.result.warnings.append(f"underset in section '{self.section.id}': page {plan.folio} has no visual")
            return
        v = images[n]
        self._background(c, v, geo, plan)
        ta = geo.type_area
        paras = self._words() if n == 0 else []
        plan.has_text = bool(paras)
        caption = self._caption_runs(v, None)
        if caption:
            paras.append(self._para(caption, "caption"))
        credit = self._credit_line(v, None)
        if credit and not (n == 0 and self.template.data_part == "inside_cover_ad"):
            paras.append(self._plain(credit, "credit"))
        if paras:
            self._plate(c, paras, ta.x, ta.y, min(ta.w * 0.55, 100 * MM), plan=plan)


class PortfolioComposer(_FullBleed):
    """Fashion pages: each visual of the story fills a page; the words that follow it are set on it.

    The theme's title opens the first page.
    """

    def prepare(self) -> None:
        meta = self.article.meta if self.article else None
        for name in ("subtitle", "standfirst", "byline", "signature"):
            if meta is not None and getattr(meta, name):
                self.result.errors.append(
                    f"section '{self.section.id}': a portfolio prints title, kicker and epigraph only; "
                    f"'{name}' of {self.section.text} would not appear"
                )
        self.pages: list[tuple[Figure | None, list]] = []
        opener: list = []
        for block in self.article.blocks if self.article else ():
            if isinstance(block, Figure):
                self.pages.append((block, []))
            elif self.pages:
                self.pages[-1][1].append(block)
            else:
                opener.append(block)
        if self.pages:  # the words before the first visual go on the first page
            self.pages[0] = (self.pages[0][0], opener + self.pages[0][1])
        elif opener:
            self.pages.append((None, opener))

    def draw_page(self, c: Canvas, n: int, geo: PageGeometry, plan: PagePlan) -> None:
        if n >= len(self.pages):
            self.result.warnings.append(f"underset in section '{self.section.id}': page {plan.folio} has no visual")
            return
        figure, blocks = self.pages[n]
        ta = geo.type_area
        if figure is not None:
            v = self.visuals[figure.image_id]
            self._background(c, v, geo, plan)
        if n == 0 and self.article is not None:
            title = self._plain(self.article.meta.title, "portfolio_title")
            paras = [title]
            meta = self.article.meta
            if meta.kicker:
                paras.insert(0, self._plain(meta.kicker, "kicker"))
            if meta.epigraph:
                paras.append(self._plain(meta.epigraph, "portfolio_text"))
            if meta.epigraph_source:
                paras.append(self._plain(f"— {meta.epigraph_source}", "epigraph_source"))
            from reportlab.pdfbase.pdfmetrics import stringWidth

            style = self.styles[self._style("portfolio_title")]
            natural = stringWidth(meta.title, style.fontName, style.fontSize) + 2 * MM
            width = min(ta.w * 0.9, max(natural, 60 * MM))
            sizes = sum(p.wrap(width, 500)[1] for p in paras) + 1.5 * MM * (len(paras) - 1)
            self._plate(c, paras, ta.x, ta.top - sizes - 14 * MM, width, plan=plan)
            plan.has_text = True
        words: list[Paragraph] = []
        plan.has_text = plan.has_text or any(isinstance(b, Heading | StoryParagraph) for b in blocks)
        for i, block in enumerate(blocks):
            if isinstance(block, Heading):
                words.append(self._para(block.runs, "portfolio_heading", block.line))
            elif isinstance(block, StoryParagraph):
                words.append(self._para(block.runs, "portfolio_text", block.line))
                words += self.block_credit(tuple(blocks), i, words)  # a ::: ia block's credit
            else:  # never drop words: portfolio pages set headings and paragraphs only
                self.result.errors.append(
                    f"section '{self.section.id}', page {plan.folio}: a {type(block).__name__} "
                    f"({self.section.text}, line {block.line}) cannot be set on a portfolio page; "
                    "use paragraphs, or an article layout"
                )
        if figure is not None:
            v = self.visuals[figure.image_id]
            caption = self._caption_runs(v, figure)
            if caption:
                words.append(self._para(caption, "caption", figure.line))
            credit = self._credit_line(v, figure)
            if credit:
                words.append(self._plain(credit, "portfolio_credit"))
        if words:
            plate = self._plate(c, words, ta.x, ta.y, min(ta.w * 0.6, 105 * MM), plan=plan)
            plate_provenance(plan, blocks)
            if plate.top > ta.top - 30 * MM:
                self.result.errors.append(
                    f"overset in section '{self.section.id}': the words on page {plan.folio} rise "
                    f"{(plate.top - ta.y) / MM:.0f} mm up the visual; cut them or give them a page of their own"
                )

    def finish(self) -> None:
        extra = self.pages[self.section.pages :]
        if extra:
            ids = ", ".join(f.image_id for f, _ in extra if f is not None)
            self.result.errors.append(
                f"overset in section '{self.section.id}': {len(extra)} visual page(s) left over after page "
                f"{self.section.first_page + self.section.pages - 1} ({ids}); give it more pages"
            )

"""Kinds of pages beyond the running article: cover, full-page visuals, fashion portfolio, contents
and the past issues' gallery. Each is a small variation of :class:`SectionComposer`, chosen by the
template's ``kind``.
"""

from __future__ import annotations

import math

from reportlab.lib.colors import CMYKColor
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle

from ials_print.content.story import Figure, Heading, Run
from ials_print.content.story import Paragraph as StoryParagraph
from ials_print.layout import flowables as fl
from ials_print.layout.compose import PagePlan, SectionComposer
from ials_print.layout.geometry import MM, PageGeometry, Rect
from ials_print.layout.provenance_marks import plate_provenance
from ials_print.layout.textblock import TextBlock
from ials_print.manifest.model import Visual
from ials_print.manifest.pagedata import PageData
from ials_print.provenance.credits import credit_for, issue_has_ai_visuals
from ials_print.provenance.pictogram import LABELS, draw_pictogram, pictogram_width

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
        pub = self.issue.publication
        name = cover.masthead or (pub and (pub.masthead or pub.short_name)) or self.issue.short_name
        masthead = self._masthead(c, name, ta.w)
        _, mh = masthead.wrap(ta.w, 300)
        masthead.drawOn(c, ta.x, ta.top - mh - 4 * MM)
        label = [cover.issue_label, cover.descriptor or ""]
        right = self._plain(" · ".join(x for x in label if x), "cover_issue")
        right.wrap(ta.w, 100)
        right.drawOn(c, ta.x, ta.top - mh - 14 * MM)
        tagline = [self._plain(t, "cover_tagline") for t in cover.tagline]
        y = ta.top - mh - 18 * MM
        for p in tagline:
            _, h = p.wrap(ta.w - 70 * MM, 100)  # clear of the cover lines' column
            y -= h
            p.drawOn(c, ta.x, y)
        top = ta.top - mh - 15 * MM  # the masthead and issue line, then the tagline beside the cover lines
        plan.text_marks += [(None, Rect(ta.x, top, ta.w, ta.top - top)), (None, Rect(ta.x, y, ta.w - 70 * MM, top - y))]
        # Cover lines: a column of white plates down the outside edge.
        y = ta.top - mh - 16 * MM
        width = 58 * MM
        for line in cover.cover_lines:
            paras = []
            if line.rubric:
                paras.append(self._plain(line.rubric, "cover_rubric"))
            paras += [self._plain(t, "cover_line") for t in line.line.split("\n")]
            sizes = sum(p.wrap(width, 200)[1] for p in paras) + 1.5 * MM * (len(paras) - 1) + 4 * MM
            y -= sizes
            if y < ta.y + 18 * MM:
                self.result.errors.append(f"section '{self.section.id}': the cover lines do not fit the cover")
                break
            self._plate(c, paras, ta.right - width - 4 * MM, y, width, pad=2 * MM, plan=plan)
            y -= 2.5 * MM
        if cover.ai_notice and issue_has_ai_visuals(self.issue):  # the notice follows from the content
            paras = [self._plain(t, "cover_notice") for t in cover.ai_notice.split("\n")]
            self._plate(c, paras, ta.x, ta.y, ta.w * 0.7, fill=BLACK, plan=plan)
        plan.head = Rect(ta.x, ta.y, ta.w, ta.h)
        plan.has_text = True

    def _masthead(self, c: Canvas, name: str, width: float) -> TextBlock:
        """The masthead on one line; wider than the cover's type area, it is an error that says
        the largest size that fits, and is set at that size so the proof shows the rest."""
        style = self._style("masthead")
        base = self.styles[style]
        wide = c.stringWidth(name, base.fontName, base.fontSize)
        if wide > width:
            fits = math.floor(base.fontSize * width / wide * 10) / 10
            self.result.errors.append(
                f"section '{self.section.id}': the masthead {name!r} is {wide / MM:.0f} mm wide at "
                f"{base.fontSize:g} pt and the cover's type area {width / MM:.0f} mm: at most {fits:g} pt fits "
                f"(set the masthead style's size, or a shorter masthead)"
            )
            style = self.styles.at_size(style, fits)
        return self._plain(name, style)


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


class ContentsComposer(SectionComposer):
    """The contents page, generated from the flatplan: page numbers are computed, never typed."""

    def head_flowables(self) -> list[Flowable]:
        data = self.issue.page_data[self.section.id].contents
        assert data is not None
        m = self.issue.manifest.issue
        # The issue number comes from the manifest, so the contents cannot name another issue.
        return [self._plain(data.title, "contents_title"), self._plain(f"numéro {m.number}", "contents_issue")]

    def story(self) -> list[Flowable]:
        out: list[Flowable] = []
        for entry in contents_entries(self.issue):
            folio = self._plain(str(entry.page), "contents_folio")
            lines: list[Flowable] = [self._plain(entry.rubric, "contents_rubric")] if entry.rubric else []
            for title, byline in entry.items:
                lines.append(self._plain(title, "contents_item"))
                if byline:
                    lines.append(self._plain(byline, "contents_byline"))
            table = Table([[folio, lines]], colWidths=[16 * MM, None])
            table.setStyle(
                TableStyle(
                    [
                        ("VALIGN", (0, 0), (-1, -1), "TOP"),
                        ("FONTNAME", (0, 0), (-1, -1), self.styles["body"].fontName),
                        ("LEFTPADDING", (0, 0), (-1, -1), 0),
                        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                        ("BOTTOMPADDING", (0, 0), (-1, -1), 7),
                        ("TOPPADDING", (0, 0), (-1, -1), 0),
                    ]
                )
            )
            out.append(table)
        data = self.issue.page_data[self.section.id]
        if data.contents_legend:
            out.append(Legend(self, data))
        return out


class Legend(Flowable):
    """The transparency legend: the three pictograms with what they mean."""

    def __init__(self, composer: SectionComposer, data: PageData):
        super().__init__()
        legend = data.contents_legend
        assert legend is not None
        self.composer = composer
        self.intro = [composer._plain(t, "legend_intro") for t in legend.transparency.split("\n")]
        self.labels = [(kind, composer._plain(text, "legend_label")) for kind, text in legend.labels.items()]
        self.size = 7 * MM
        self.spaceBefore = 6 * MM

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        self.width = aw
        self._intro_h = sum(p.wrap(aw, 200)[1] for p in self.intro)
        self.height = self._intro_h + len(self.labels) * (self.size + 3 * MM) + 3 * MM
        return aw, self.height

    def draw(self) -> None:
        c = self.canv
        y = self.height
        for p in self.intro:
            _, h = p.wrap(self.width, 200)
            y -= h
            p.drawOn(c, 0, y)
        y -= 3 * MM
        font = self.composer.styles["folio"].fontName
        icons = max((pictogram_width(kind, self.size, font, c, label=False) for kind, _ in self.labels), default=0)
        for kind, label in self.labels:
            width = pictogram_width(kind, self.size, font, c, label=False)
            draw_pictogram(c, kind, width, y, self.size, font, label=False)  # the legend's words say it
            label.wrap(self.width - icons - 4 * MM, 100)
            label.drawOn(c, icons + 4 * MM, y - self.size * 0.75)  # the words in one column
            y -= self.size + 3 * MM


class GalleryComposer(SectionComposer):
    """Past and coming issues: their covers with their labels, then the closing words."""

    def story(self) -> list[Flowable]:
        data = self.issue.page_data[self.section.id]
        out: list[Flowable] = []
        for n, (v, issue) in enumerate(zip(self.section.images, data.past_issues, strict=False)):
            if n:
                out.append(fl.NextFrame())  # one cover a column
            caption = [self._plain(issue.label, "gallery_label")]
            lines = [x for x in (issue.note, v.credit or credit_for(v)) if x]
            if lines:
                caption.append(self._plain(" — ".join(lines), "caption"))
            out.append(
                fl.Figure(
                    self.place,
                    v.id,
                    self.issue.visual_files[v.id],
                    self.issue.images[v.id],
                    caption[0],
                    caption[1] if len(caption) > 1 else None,
                    "fit",
                    v.focus,
                    max_height=(v.max_height or self.template.figures.max_height) * MM,
                )
            )
        if data.past_issues_footer:
            out += [self._plain(t, "gallery_footer") for t in data.past_issues_footer.text.split("\n")]
            if data.past_issues_footer.url:
                out.append(self._plain(data.past_issues_footer.url, "kicker"))
        return out


# -- the contents entries ---------------------------------------------------------------------------
class ContentsEntry:
    def __init__(self, page: int, rubric: str | None):
        self.page, self.rubric = page, rubric
        self.items: list[tuple[str, str | None]] = []


def contents_entries(issue) -> list[ContentsEntry]:
    """Consecutive sections with the same rubric make one entry, at the first one's page."""
    entries: list[ContentsEntry] = []
    current: ContentsEntry | None = None
    for s in issue.manifest.sections:
        article = issue.articles.get(s.id)
        opens_rubric = s.rubric is not None and (current is None or s.rubric != current.rubric)
        if not s.in_contents and not opens_rubric:
            if s.rubric is None:
                current = None
            continue
        if current is None or s.rubric is None or opens_rubric:
            # A rubric's entry points at its first page, its opener included.
            current = ContentsEntry(s.first_page, s.rubric or (article.meta.kicker if article else None))
            entries.append(current)
        if not s.in_contents:
            continue
        title = article.meta.title if article else s.title
        byline = article.meta.byline if article else None
        if title not in {t for t, _ in current.items}:
            current.items.append((title, byline))
    return entries


KINDS: dict[str, type[SectionComposer]] = {
    "article": SectionComposer,
    "placeholder": SectionComposer,
    "cover": CoverComposer,
    "visual": VisualComposer,
    "portfolio": PortfolioComposer,
    "contents": ContentsComposer,
    "gallery": GalleryComposer,
}

__all__ = ["KINDS", "LABELS", "contents_entries"]

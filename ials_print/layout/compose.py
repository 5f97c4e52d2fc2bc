"""The section composer: story blocks → flowables (``story_flow``) → pages of the flatplan, drawn on a
canvas.

Each section gets exactly the pages the flatplan gives it. Text that does not fit is overset
(reported, with the words left over); pages that receive nothing are underset (a warning).
"""

from __future__ import annotations

import io
from collections.abc import Callable

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Frame

from ials_print.content.story import (
    Article,
    Figure,
    PullQuote,
)
from ials_print.content.typography import make_hyphenator
from ials_print.images.prepare import ImagePlacer
from ials_print.layout import flowables as fl
from ials_print.layout import rl_patches  # noqa: F401  (French spaces; must load before layout)
from ials_print.layout.areas import AreaVisuals
from ials_print.layout.columns import fill_frame
from ials_print.layout.furniture import PageFurniture
from ials_print.layout.geometry import MIN_FRAME, PageGeometry, Rect, free_frames
from ials_print.layout.grid import Grid
from ials_print.layout.plans import PagePlan, SectionResult
from ials_print.layout.provenance_marks import ProvenanceMarks
from ials_print.layout.reports import SectionReports
from ials_print.layout.story_flow import Missing, StoryFlowables
from ials_print.layout.styles import Styles
from ials_print.layout.textblock import PAGE_TURN, TURN_ACROSS_VISUAL, DrawnLine
from ials_print.manifest.load import Issue
from ials_print.manifest.model import Section, Visual
from ials_print.manifest.templates import Template


class SectionComposer(StoryFlowables, AreaVisuals, PageFurniture, SectionReports, ProvenanceMarks):
    """Lays out one section on its pages of the flatplan."""

    def __init__(self, issue: Issue, section: Section, styles: Styles, place: ImagePlacer):
        self.issue, self.section, self.styles, self.place = issue, section, styles, place
        self.template: Template = issue.template_for(section)
        self.article: Article | None = issue.articles.get(section.id)
        self.visuals: dict[str, Visual] = {v.id: v for v in section.images}
        self.result = SectionResult(section.id, [])
        blocks = self.article.blocks if self.article else ()
        self._figure_blocks: dict[str, Figure] = {b.image_id: b for b in blocks if isinstance(b, Figure)}
        self._missing: dict[tuple[str, str], Missing] = {}
        self._grid: Grid | None = None  # the baseline grid of the page being made
        self._spacing: list[tuple[int, int, DrawnLine]] = []  # (folio, source line, line) worth a word
        self._hyphenate = make_hyphenator(issue).hyphenate
        self._full_pages: set[int] = set()  # pages of the section a visual fills (1-based)

    # -- pages ------------------------------------------------------------------------------
    def compose(
        self, c: Canvas, begin_page: Callable[[int], PageGeometry], end_page: Callable[[PagePlan], None]
    ) -> SectionResult:
        """Draw the section's pages on ``c``; ``begin_page(folio)`` sets a page up, ``end_page`` closes it."""
        self.prepare()
        for n in range(self.section.pages):
            folio = self.section.first_page + n
            geo = begin_page(folio)
            plan = PagePlan(folio, self.section.id, self.section.provenance)
            c._ials_drawn = []  # type: ignore[attr-defined]  # the column filler notes what it draws
            self.draw_page(c, n, geo, plan)
            self.collect_marks(c, plan)
            plan.provenance = self.page_provenance(n, plan)
            plan.pictogram = plan.provenance.pictogram
            self._draw_furniture(c, geo, plan)
            self.result.pages.append(plan)
            end_page(plan)
        self.finish()
        self._report_glyphs()
        self._report_spacing()
        self._report_fill()
        return self.result

    # The three steps a kind of page may change.
    def prepare(self) -> None:
        self._story = self.story()
        self._head = self.head_flowables()
        self._blocks_total = len(self._story)
        starts = {getattr(f, "source_line", 0) for f in self.paragraphs()}
        for line in sorted(set(self.section.looseness) - starts):
            self.result.warnings.append(
                f"section '{self.section.id}': looseness for line {line} of {self.section.text}: "
                f"no paragraph starts there (it is left out)"
            )
        quotes = {b.line for b in self.article.blocks if isinstance(b, PullQuote)} if self.article else set()
        for line in sorted(set(self.section.drop_pull_quotes) - quotes):
            self.result.warnings.append(
                f"section '{self.section.id}': drop_pull_quotes names line {line} of {self.section.text}, "
                f"where no pull-quote starts"
            )
        # The title block opens the first page not filled by a full-page visual (an interview may
        # face its portrait, a dossier open on a visual); the columns that end the text are
        # balanced on the last page not filled by one.
        full = self._full_pages = self.full_visual_pages()
        self._head_page = next((n for n in range(self.section.pages) if n + 1 not in full), 0)
        self._last_text_page = max((n for n in range(self.section.pages) if n + 1 not in full), default=0)

    def page_grid(self, geo: PageGeometry) -> Grid | None:
        """This page's baseline grid (None when the layout opts out)."""
        spec = self.template.grid
        if spec is False or self.template.kind != "article":
            return None
        body = self.styles[self._style("body")]
        leading = body.leading if spec is True or spec.leading is None else spec.leading
        first = body.fontSize if spec is True or spec.first_baseline is None else spec.first_baseline
        return Grid(geo.type_area.top - first, leading)

    def draw_page(self, c: Canvas, n: int, geo: PageGeometry, plan: PagePlan) -> None:
        self._grid = self.page_grid(geo)
        story = self._story
        blocked = self._draw_visuals(c, geo, n + 1, plan)
        top = None
        if n == self._head_page and self._head:
            top = self._draw_head(c, geo, self._head, plan, below=_top_of_free_area(geo, blocked))
        blocked += self._draw_across(c, geo, n + 1, top, plan)
        if self.template.kind == "placeholder":
            self._draw_placeholder(c, geo, plan)
            return
        columns = geo.columns(self.template, top)
        plan.frames = free_frames(columns, blocked, MIN_FRAME)
        plan.capacity = sum(r.h for r in plan.frames)
        if n == self._last_text_page:
            plan.frames = self._balance(plan.frames, story, plan.folio)
        elif (end := next((i for i, f in enumerate(story) if isinstance(f, fl.NextPage)), None)) is not None:
            # The author ends the page here (***): its columns end level, as a section's last page.
            plan.frames = self._balance(plan.frames, story[:end], plan.folio)
        before = list(story)
        for i, rect in enumerate(plan.frames):
            if not story:
                break
            # A page's last column: its last line ends without a hyphen when the paragraph allows
            # (stricter than the rule of the recto alone: a reader's eye leaves the page there too).
            last = i == len(plan.frames) - 1
            turn = PAGE_TURN.set(last)
            across = TURN_ACROSS_VISUAL.set(last and n + 2 in self._full_pages)
            try:
                plan.filled.append((rect, self._fill_frame(c, rect, story)))
            finally:
                PAGE_TURN.reset(turn)
                TURN_ACROSS_VISUAL.reset(across)
            if story and isinstance(story[0], fl.NextPage):
                plan.breaks.add(i)  # the author ended the column or page here
            if story and isinstance(story[0], fl.NextFrame):
                story.pop(0)
            elif story and isinstance(story[0], fl.NextPage):
                story.pop(0)
                break
        plan.continued = any(not getattr(f, "floating", False) for f in story)
        remaining = {id(f) for f in story}
        consumed = [f for f in before if id(f) not in remaining]
        if consumed:
            plan.has_content = True
            plan.has_text = plan.has_text or any(not isinstance(f, fl.Figure | fl.NextPage) for f in consumed)
        if self.template.column_rule:
            self._draw_column_rules(c, plan.frames)

    def finish(self) -> None:
        self._report(self._story, self._blocks_total)

    def _fits(self, frames: list[Rect], story: list[Flowable], folio: int) -> bool:
        """Dry run on a scratch canvas: does all of ``story`` fit in ``frames``?"""
        scratch = Canvas(io.BytesIO())
        scratch._ials_folio = folio  # type: ignore[attr-defined]
        scratch._ials_scratch = True  # type: ignore[attr-defined]
        trial = list(story)
        for r in frames:
            if not trial:
                break
            frame = Frame(r.x, r.y, r.w, r.h, leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
            if not fill_frame(frame, trial, scratch, self._grid):
                return False
        return not trial

    def _balance(self, frames: list[Rect], story: list[Flowable], folio: int) -> list[Rect]:
        """On a section's last page, shorten the columns evenly so they end level, not one full, one empty."""
        if len(frames) < 2 or not story:
            return frames
        figures = [f for f in story if isinstance(f, fl.Figure)]
        for f in figures:
            f.rigid = True  # figures keep their height while the columns are shortened
        if not self._fits(frames, story, folio):
            for f in figures:
                f.rigid = False
            return frames

        def cut(floor: float) -> list[Rect]:
            kept = [f for f in frames if f.top - floor > MIN_FRAME]
            return [Rect(f.x, max(f.y, floor), f.w, f.top - max(f.y, floor)) for f in kept]

        lo, hi = min(f.y for f in frames), max(f.top for f in frames)
        for _ in range(10):  # about 0.3 mm of precision on an A4 page
            mid = (lo + hi) / 2
            if self._fits(cut(mid), story, folio):
                lo = mid
            else:
                hi = mid
        return cut(lo)

    def _fill_frame(self, c: Canvas, rect: Rect, story: list[Flowable]) -> float:
        """Fill one frame; a block too tall for it waits for the next frame (never dropped).
        Returns the height its content took."""
        frame = Frame(
            rect.x, rect.y, rect.w, rect.h, leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, showBoundary=0
        )
        fill_frame(frame, story, c, self._grid)
        return 0.0 if frame._atTop else min(rect.h, rect.top - frame._y)


def _top_of_free_area(geo: PageGeometry, blocked: list[Rect]) -> float | None:
    """Below the visuals that cover the top of the type area across its width, if any."""
    ta = geo.type_area
    spanning = [r for r in blocked if r.top >= ta.top - 1 and r.x <= ta.x + 1 and r.right >= ta.right - 1]
    return min(r.y for r in spanning) if spanning else None

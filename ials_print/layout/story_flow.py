"""The section's text as flowables: the article's blocks, its title block and its figures, each
paragraph set by the composer (``TextBlock``), missing glyphs and loose lines noted for the reports.

A mixin of :class:`~ials_print.layout.compose.SectionComposer`, which holds the state it reads
(issue, section, template, styles, visuals, the hyphenator) and the reports it feeds.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_RIGHT
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import Flowable, ImageAndFlowables

from ials_print.content.story import (
    Article,
    BigNumber,
    Bio,
    Box,
    Figure,
    Heading,
    ListBlock,
    PageBreak,
    PullQuote,
    Run,
    runs_text,
)
from ials_print.content.story import Paragraph as StoryParagraph
from ials_print.images.prepare import ImagePlacer
from ials_print.layout import flowables as fl
from ials_print.layout.geometry import MM
from ials_print.layout.markup import runs_segments
from ials_print.layout.provenance_marks import tag
from ials_print.layout.styles import Styles
from ials_print.layout.textblock import DrawnLine, TextBlock, justified_passes
from ials_print.manifest.load import Issue
from ials_print.manifest.model import Section, Visual
from ials_print.manifest.templates import Template
from ials_print.provenance.credits import credit_for
from ials_print.typeset.items import RunStyle, itemize

_ALIGN = {TA_JUSTIFY: "justify", TA_RIGHT: "right", TA_CENTER: "center"}


@dataclass
class Missing:
    """Where one missing glyph occurs: source lines and the folios it was set on."""

    lines: set[int] = field(default_factory=set)
    folios: set[int] = field(default_factory=set)


class StoryFlowables:
    """Text → flowables, for the section composer."""

    issue: Issue
    section: Section
    template: Template
    styles: Styles
    place: ImagePlacer
    article: Article | None
    visuals: dict[str, Visual]
    _missing: dict[tuple[str, str], Missing]
    _spacing: list[tuple[int, int, DrawnLine]]
    _story: list[Flowable]
    _hyphenate: Callable[[str], str]
    block_credit: Callable[..., list[Flowable]]  # ProvenanceMarks'

    def _style(self, name: str) -> str:
        return self.template.styles.get(name, name)

    def _para(self, runs: tuple[Run, ...] | list[Run], style: str, line: int = 0, **kw) -> TextBlock:
        """One paragraph in ``style``, set by the composer; missing glyphs and loose lines reported."""
        style = self._style(style)
        missing: list[tuple[str, str]] = []
        segments = runs_segments(
            runs, style, self.styles, lambda char, font: missing.append((char, font)), self._hyphenate
        )
        pstyle = self.styles[style]
        align = _ALIGN.get(pstyle.alignment, "left")
        s = self.styles
        galley = itemize(segments, indent=pstyle.firstLineIndent, justify=align == "justify", spacing=s.spacing)
        bullet = None
        if kw.get("bulletText"):
            bullet = (kw["bulletText"], RunStyle(pstyle.bulletFontName, pstyle.bulletFontSize, pstyle.textColor))
        text = "".join(r.text for r in runs)
        passes = justified_passes(s.letter_room, s.scale_room) if align == "justify" else None
        block = TextBlock(galley, pstyle, align, text, bullet=bullet, passes=passes)
        block.source_line = line
        block.looseness = self.section.looseness.get(line, 0) if line else 0
        records = [self._missing.setdefault((char, font), Missing()) for char, font in missing]
        for r in records:
            r.lines.add(line)

        def drawn(f: Flowable, notable: list[DrawnLine]) -> None:
            canvas = f.canv
            if getattr(canvas, "_ials_scratch", False):
                return
            folio = canvas._ials_folio  # type: ignore[attr-defined]
            for r in records:
                r.folios.add(folio)
            self._spacing += [(folio, line, d) for d in notable]

        block.on_draw = drawn
        block.max_space = s.spacing.maximum
        return block

    def _plain(self, text: str, style: str) -> TextBlock:
        return self._para((Run(text),), style)

    def head_flowables(self) -> list[Flowable]:
        """The opener's title block: kicker, title, subtitle, byline, standfirst."""
        meta = self.article.meta if self.article else None
        if meta is None:
            return []
        out: list[Flowable] = []
        for text, style in (
            (meta.kicker, "kicker"),
            (meta.title, "title"),
            (meta.subtitle, "subtitle"),
            (meta.standfirst, "standfirst"),
            (meta.byline, "byline"),
            (meta.epigraph, "epigraph"),
            (f"— {meta.epigraph_source}" if meta.epigraph_source else None, "epigraph_source"),
        ):
            if text:
                out.append(self._plain(text, style))
        return out

    def _figure(self, block: Figure) -> Flowable:
        v = self.visuals[block.image_id]
        caption_runs = (Run(v.caption),) if v.caption else block.caption
        credit = v.credit or block.credit or credit_for(v)
        cap = self._para(caption_runs, "caption", block.line) if caption_runs else None
        cred = self._plain(credit, "credit") if credit else None
        return fl.Figure(
            self.place,
            v.id,
            self.issue.visual_files[v.id],
            self.issue.images[v.id],
            cap,
            cred,
            v.fit,
            v.focus,
            max_height=(v.max_height or self.template.figures.max_height) * MM,
            min_height=(v.min_height or self.template.figures.min_height) * MM,
        )

    def story(self) -> list[Flowable]:
        if self.article is None:
            return []
        s = self.styles
        out: list[Flowable] = []
        first_body = True
        for i, block in enumerate(self.article.blocks):
            if isinstance(block, Figure) and self.visuals[block.image_id].place != "flow":
                continue
            items: list[Flowable] = []
            if isinstance(block, Heading):
                items.append(self._para(block.runs, "heading" if block.level <= 2 else "subheading", block.line))
                first_body = True
            elif isinstance(block, StoryParagraph) and block.role == "question":
                items.append(self._para(block.runs, "question", block.line))
                first_body = True
            elif isinstance(block, StoryParagraph):
                if self.article.meta.drop_cap and not any(getattr(f, "drop_cap", None) for f in out):
                    items.append(self._drop_cap(block))
                else:
                    items.append(self._para(block.runs, "body_first" if first_body else "body", block.line))
                    items[-1].body = True
                first_body = False
            elif isinstance(block, PullQuote) and (block.across_page or block.line in self.section.drop_pull_quotes):
                continue  # set by _draw_across on its page, or left out by the art director
            elif isinstance(block, PullQuote):
                items.append(fl.PullQuote(self._para(block.runs, "pull_quote", block.line), s.colors["accent"]))
            elif isinstance(block, ListBlock):
                for item in block.items:
                    items.append(self._para(item, "list_item", block.line, bulletText="–"))
            elif isinstance(block, Figure):
                items.append(self._figure(block))
            elif isinstance(block, Bio | Box):
                kind = "bio" if isinstance(block, Bio) else "box"
                title = block.name if isinstance(block, Bio) else block.title
                paras = [self._plain(title, f"{kind}_title")]
                paras += [self._para(p, kind, block.line) for p in block.paragraphs]
                items.append(fl.Panel(paras, s.colors["tint"], s.colors["accent"]))
            elif isinstance(block, PageBreak):
                items.append(fl.NextPage())
            elif isinstance(block, BigNumber):
                items.append(self._plain(block.figure, "bignum"))
                items[-1].keep_with_next = True
                items += [self._para(p, "bignum_legend", block.line) for p in block.legend]
            if isinstance(block, Heading) or (isinstance(block, StoryParagraph) and block.role == "question"):
                items[-1].keep_with_next = True
            tag(items, getattr(block, "provenance", None))
            out.extend(items + self.block_credit(self.article.blocks, i, items))
        if self.article.meta.signature:
            out.append(self._plain(self.article.meta.signature, "signature"))
        return _group_drop_cap(out)

    def paragraphs(self) -> list[TextBlock]:
        """The story's paragraphs, those inside a drop cap's group too."""
        out: list[TextBlock] = []
        for f in self._story:
            inner = f._content if isinstance(f, ImageAndFlowables) else [f]
            out += [g for g in inner if isinstance(g, TextBlock)]
        return out

    def _drop_cap(self, block: StoryParagraph) -> TextBlock:
        """The first paragraph without its initial; the initial rides along as ``drop_cap``."""
        runs = list(block.runs)
        text = runs_text(block.runs).lstrip()
        letter = text[:1]
        # Remove the initial from the runs.
        first = runs[0]
        stripped = first.text.lstrip()
        runs[0] = replace(first, text=stripped[1:])
        style = self.styles[self._style("drop_cap")]
        para = self._para(runs, "body_first", block.line)
        body = self.styles[self._style("body")]
        body_cap = pdfmetrics.getFont(body.fontName).face.capHeight * body.fontSize / 1000
        para.drop_cap = fl.DropCap(letter, style.fontName, 3, body.leading, body.fontSize, body_cap, style.textColor)
        return para


def _group_drop_cap(story: list[Flowable]) -> list[Flowable]:
    """Wrap the drop-cap paragraph, and the short ones after it, around the initial."""
    for i, f in enumerate(story):
        cap = getattr(f, "drop_cap", None)
        if cap is None:
            continue
        j = i + 1
        while j < len(story) and j - i < 3 and getattr(story[j], "body", False):
            j += 1
        story[i:j] = [
            ImageAndFlowables(cap, story[i:j], imageSide="left", imageRightPadding=1.5 * MM, imageBottomPadding=0)
        ]
        break
    return story

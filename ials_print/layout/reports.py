"""What a section composer reports once its pages are made: overset, underset, page fill,
spacing beyond the limits, missing glyphs (a mixin of ``SectionComposer``)."""

from __future__ import annotations

import math

from reportlab.platypus import Flowable, ImageAndFlowables, KeepTogether, Paragraph

from ials_print.layout import flowables as fl
from ials_print.layout.geometry import MM
from ials_print.layout.textblock import TextBlock

UNDERFILLED = 0.40  # a text page whose columns are filled less than this is flagged
HOLE_LINES = 4  # lines left blank at a column's foot before the next column takes over


def flowable_text(f: Flowable) -> str:
    """Plain text of a flowable, to count what is left over."""
    if isinstance(f, Paragraph | TextBlock):
        return f.getPlainText()
    if isinstance(f, KeepTogether):
        return " ".join(flowable_text(x) for x in f._content)
    if isinstance(f, ImageAndFlowables):
        return " ".join(flowable_text(x) for x in f._content)
    if isinstance(f, fl.PullQuote):
        return f.para.getPlainText()
    if isinstance(f, fl.Figure):
        return " ".join(p.getPlainText() for p in (f.caption, f.credit) if p is not None)
    if isinstance(f, fl.Panel):
        return " ".join(p.getPlainText() for p in f.paras)
    return ""


class SectionReports:
    """The reports of ``SectionComposer``; they read its section, template, styles and results."""

    def _report(self, story: list[Flowable], blocks_total: int) -> None:
        sid = self.section.id
        for f in [f for f in story if getattr(f, "floating", False)]:
            story.remove(f)  # a pull-quote repeats the text: it may go, and is reported
            self.result.warnings.append(
                f"section '{sid}': a pull-quote fit on none of its pages and was left out: {flowable_text(f)[:60]!r}"
            )
        if story:
            tallest = max((r.h for plan in self.result.pages for r in plan.frames), default=0)
            first = story[0]
            _, need = first.wrap(self.result.pages[-1].frames[0].w if self.result.pages[-1].frames else 100, 10_000)
            if not isinstance(first, Paragraph | TextBlock) and need > tallest:
                self.result.errors.append(
                    f"section '{sid}': a block is {need / MM:.0f} mm tall, taller than any of its columns "
                    f"({tallest / MM:.0f} mm); it starts: {flowable_text(first)[:50]!r}"
                )
            words = sum(len(flowable_text(f).split()) for f in story)
            width = min((r.w for plan in self.result.pages for r in plan.frames), default=100)
            self.result.overset_words = words
            self.result.overset_lines = self._lines_needed(story, width)
            self.result.errors.append(
                f"overset in section '{sid}': {words} words in {len(story)} of {blocks_total} blocks left over "
                f"after page {self.section.first_page + self.section.pages - 1}; give it more pages or cut the text"
            )
        if self.template.kind != "placeholder":
            for plan in self.result.pages:
                if not plan.has_content:
                    self.result.warnings.append(f"underset in section '{sid}': page {plan.folio} is empty")

    def _lines_needed(self, story: list[Flowable], width: float) -> int:
        """Grid lines ``story`` takes in a column of ``width`` (text exactly, other blocks by height)."""
        leading = self.body_leading()
        total = 0.0
        for f in story:
            if isinstance(f, TextBlock):
                total += f.line_count(width) * f.style.leading + f.getSpaceBefore() + f.getSpaceAfter()
            elif not isinstance(f, fl.NextPage):
                total += f.wrap(width, 10_000)[1] + f.getSpaceBefore() + f.getSpaceAfter()
        return math.ceil(total / leading - 1e-6)

    def _report_fill(self) -> None:
        """Copyfitting: pages under 40 % filled, columns left empty, holes left by blocks that moved on."""
        if self.template.kind != "article":
            return
        sid, grid = self.section.id, self.body_leading()
        for n, plan in enumerate(self.result.pages):
            if not plan.capacity or not plan.has_content or (n + 1) in self.section.short_pages:
                continue
            flags = []
            used = [h for _, h in plan.filled]
            xs = sorted({round(r.x) for r in plan.frames})
            column = [xs.index(round(r.x)) + 1 for r in plan.frames]  # frames numbered by column
            if plan.fill < UNDERFILLED:
                lines, room = round(sum(used) / grid), round(plan.capacity / grid)
                flags.append(f"underfilled: {plan.fill:.0%} of its columns ({lines} of {room} lines)")
            after_break = min(plan.breaks, default=len(plan.frames))
            if any(used):
                idle = [k for k in range(len(plan.frames)) if k <= after_break and (k >= len(used) or not used[k])]
                empty = sorted({column[k] for k in idle} - {column[k] for k in range(len(used)) if used[k]})
                if empty:
                    flags.append(f"column {', '.join(map(str, empty))} left empty")
            for k, (rect, h) in enumerate(plan.filled):
                moved_on = any(used[k + 1 :]) or (k == len(used) - 1 and plan.continued)
                if h > 0 and moved_on and k not in plan.breaks and (rect.h - h) / grid >= HOLE_LINES:
                    flags.append(f"hole of {round((rect.h - h) / grid)} lines at the foot of column {column[k]}")
            for flag in flags:
                plan.fit_flags.append(flag)
                self.result.warnings.append(
                    f"fit: section '{sid}', page {plan.folio}: {flag}; give it a visual, a pull-quote or text, "
                    f"or say why in short_pages"
                )

    def body_leading(self) -> float:
        """The body's leading: what copyfitting counts lines in."""
        return self.styles[self._style("body")].leading

    def _report_spacing(self) -> None:
        """Lines the composer could not set within the word-space limits, or at all within the measure."""
        sid, where = self.section.id, self.section.text or "manifest"
        for folio, line, d in self._spacing:
            if d.overfull:
                self.result.warnings.append(
                    f"section '{sid}', page {folio}: a line is wider than its column ({where}, line {line}): "
                    f"{d.text.strip()[:60]!r}"
                )
        loose = sorted((x for x in self._spacing if not x[2].overfull), key=lambda x: -x[2].word_space)
        if loose:
            limit = self.styles.spacing.maximum
            worst = "; ".join(f"p. {f} {d.word_space:.2f}× {d.text.strip()[:40]!r}" for f, _, d in loose[:3])
            self.result.warnings.append(
                f"section '{sid}': {len(loose)} line(s) with word spaces beyond {limit:.0%} of the natural space "
                f"after letter spacing and glyph scaling ({where}); loosest: {worst}"
            )

    def _report_glyphs(self) -> None:
        """Characters no font of the issue has: reported for every kind of page."""
        sid = self.section.id
        for (char, font), record in sorted(self._missing.items()):
            where = ", ".join(f"line {n}" for n in sorted(record.lines) if n) or "its title block or captions"
            pages = ", ".join(str(f) for f in sorted(record.folios)) or "none (not set)"
            self.result.errors.append(
                f"section '{sid}', page {pages}: font {font} has no glyph for {char!r} (U+{ord(char):04X}) "
                f"({self.section.text or 'manifest'}, {where}); the character was left out"
            )

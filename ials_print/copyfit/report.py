"""The ``fit`` report: per section, the fill of each page, words and lines over or under, remedies.

A page more or less is tried: the section is laid out again, alone, with the change, and the
remedy says what that layout gave. The others (the words to cut, the height of a visual or the
words that would fill a page) are estimates from the measured lines, and say so. Nothing is
written; the manifest stays as it is.
"""

from __future__ import annotations

import dataclasses
import math
from collections import Counter
from dataclasses import dataclass, field

from ials_print.content.story import PullQuote, runs_text
from ials_print.layout.compose import SectionComposer, SectionResult
from ials_print.layout.fonts import register_fonts
from ials_print.layout.styles import build_styles
from ials_print.layout.textblock import TextBlock
from ials_print.manifest.load import Issue
from ials_print.manifest.model import AreaPlacement, Section
from ials_print.output.build import BuildResult, render
from ials_print.output.modes import proof_mode

UNDERFILLED = 0.40  # as the layout flags a page


@dataclass
class PageFit:
    folio: int
    fill: float  # share of the page's column height the text took (1.0 on pages without columns)
    lines: int  # grid lines of text set
    room: int  # grid lines the columns could take
    flags: list[str] = field(default_factory=list)


@dataclass
class Remedy:
    action: str
    effect: str
    applies: dict = field(default_factory=dict)  # the manifest change, as data: {"pages": 3}


@dataclass
class SectionFit:
    section_id: str
    first_page: int
    pages: list[PageFit]
    overset_words: int = 0
    overset_lines: int = 0
    underset_pages: list[int] = field(default_factory=list)
    short_lines: int = 0  # grid lines left empty on the pages flagged as underfilled
    remedies: list[Remedy] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not (self.overset_words or self.underset_pages or any(p.flags for p in self.pages))


def _lay_out(issue: Issue, section: Section) -> SectionResult:
    """The section alone, as the issue would print it (proof images: the layout is the same)."""
    return _render_alone(issue, section).sections[0]


def _render_alone(issue: Issue, section: Section) -> BuildResult:
    manifest = issue.manifest.model_copy(
        update={"sections": [section if s.id == section.id else s for s in issue.manifest.sections]}
    )
    trial = dataclasses.replace(issue, manifest=manifest)
    return render(trial, [section.id], mode=proof_mode())


def _visual_remedies(issue: Issue, section: Section, placed: dict[str, int], fit: SectionFit) -> None:
    """For an underfilled page, its visuals in the flow set taller, or across the page's top (the
    layout's ``top-half`` area); each tried, and said with the page's fill it gives."""
    areas = issue.templates[section.layout].areas
    taken = {
        v.place.page + k
        for v in section.images
        if isinstance(v.place, AreaPlacement)
        for k in range(1 + v.place.spread)
    }
    for page in fit.pages:
        if not any(f.startswith("underfilled") for f in page.flags):
            continue
        n = page.folio - section.first_page + 1
        for v in section.images:
            if v.place != "flow" or placed.get(v.id) != page.folio:
                continue
            changes = [(f"set visual '{v.id}' up to 200 mm tall", {"max_height": 200})]
            if "top-half" in areas and n not in taken:
                area = {"area": "top-half", "page": n}
                changes.append((f"set visual '{v.id}' across the top of the page (top-half)", {"place": area}))
            for action, change in changes:
                images = [v.model_copy(update=change) if w.id == v.id else w for w in section.images]
                trial = _lay_out(issue, section.model_copy(update={"images": images}))
                after = next((pl for pl in trial.pages if pl.folio == page.folio), None)
                if after is None or trial.overset_words:
                    continue
                fill = f"{after.fill:.0%} filled" if after.capacity else "a visual page"
                effect = f"page {page.folio} goes from {page.fill:.0%} to {fill}"
                fit.remedies.append(Remedy(action, effect, {"images": {v.id: change}}))


def measure(result: SectionResult, leading: float) -> list[PageFit]:
    pages = []
    for plan in result.pages:
        used = round(sum(h for _, h in plan.filled) / leading)  # as the build's warnings count
        pages.append(PageFit(plan.folio, plan.fill, used, int(plan.capacity / leading), list(plan.fit_flags)))
    return pages


BODY = ("body", "body_first")


def _paragraphs(issue: Issue, section: Section, width: float, looseness: int) -> list[tuple[int, int]]:
    """Body paragraphs that the breaker can set one line shorter (-1) or longer (+1) at ``width``:
    (source line, lines), longest first."""
    styles = build_styles(issue.stylesheet, register_fonts(issue.manifest.fonts, issue.fonts_dir))
    composer = SectionComposer(issue, section, styles, None)
    composer._story = composer.story()
    body = {composer._style(name) for name in BODY}
    found = []
    for block in composer.paragraphs():
        if block.style.name not in body or not block.source_line or block.line_count(width) < 3:
            continue
        normal = block.line_count(width)
        trial = TextBlock(block.galley, block.style, block.align, block.text, passes=block.passes)
        trial.looseness = looseness
        if trial.line_count(width) == normal + looseness:
            found.append((block.source_line, normal))
    return sorted(found, key=lambda x: -x[1])


def _paragraphs_n(n: int) -> str:
    return f"{n} paragraph" + ("s" if n > 1 else "")


def _column_width(result: SectionResult) -> float | None:
    widths = Counter(round(r.w, 1) for plan in result.pages for r in plan.frames)
    return widths.most_common(1)[0][0] if widths else None


def _looseness_remedies(issue: Issue, section: Section, result: SectionResult, fit: SectionFit) -> None:
    """Set k paragraphs one line tighter (to absorb an overset of k lines) or looser (to lift an
    underfilled last page), and lay the section out again to say what it gives."""
    width = _column_width(result)
    if width is None:
        return
    if fit.overset_lines > 0:
        tight = _paragraphs(issue, section, width, -1)
        if len(tight) >= fit.overset_lines:
            chosen = {line: -1 for line, _ in tight[: fit.overset_lines]}
            trial = _lay_out(issue, section.model_copy(update={"looseness": {**section.looseness, **chosen}}))
            left = trial.overset_words
            effect = "everything fits" if not left else f"{left} words still left over"
            fit.remedies.append(
                Remedy(f"tighten {_paragraphs_n(len(chosen))} by one line", effect, {"looseness": chosen})
            )
        return
    last = next((p for p in reversed(fit.pages) if p.room), None)
    if last is None or not any(f.startswith("underfilled") for f in last.flags):
        return
    need = math.ceil(UNDERFILLED * last.room) - last.lines
    loose = _paragraphs(issue, section, width, 1)
    if 0 < need <= len(loose):
        chosen = {line: 1 for line, _ in loose[:need]}
        trial = _lay_out(issue, section.model_copy(update={"looseness": {**section.looseness, **chosen}}))
        page = next((pl for pl in trial.pages if pl.folio == last.folio), None)
        if page is not None and not trial.overset_words:
            effect = f"page {last.folio} goes from {last.fill:.0%} to {page.fill:.0%} filled"
            fit.remedies.append(
                Remedy(f"loosen {_paragraphs_n(len(chosen))} by one line", effect, {"looseness": chosen})
            )


def _pull_quote_remedies(issue: Issue, section: Section, fit: SectionFit, tries: int = 3) -> None:
    """For an overset, each pull-quote left out in turn (the last first): it repeats the body, so
    no word is lost; each tried, with what it gives."""
    article = issue.articles.get(section.id)
    if article is None:
        return
    quotes = [b for b in article.blocks if isinstance(b, PullQuote) and b.line not in section.drop_pull_quotes]
    for quote in reversed(quotes[-tries:]):
        dropped = [*section.drop_pull_quotes, quote.line]
        trial = _lay_out(issue, section.model_copy(update={"drop_pull_quotes": dropped}))
        left = trial.overset_words
        effect = "everything fits" if not left else f"{left} words still left over"
        words = " ".join(runs_text(quote.runs).split())
        words = words if len(words) <= 40 else words[:39] + "…"
        action = f"drop the pull-quote at line {quote.line} ({words!r})"
        fit.remedies.append(Remedy(action, effect, {"drop_pull_quotes": dropped}))


def _pages_with_visuals_only(section: Section, pages: int) -> bool:
    """Would a shorter section drop a page that holds one of its placed visuals?"""
    return any(isinstance(v.place, AreaPlacement) and v.place.page + v.place.spread > pages for v in section.images)


def section_fit(
    issue: Issue, section: Section, result: SectionResult, leading: float, placed: dict[str, int] | None = None
) -> SectionFit:
    """The fit of one laid-out section; ``placed`` tells on which page each visual landed."""
    fit = SectionFit(section.id, section.first_page, measure(result, leading))
    article = issue.articles.get(section.id)
    words = len(article.plain_text().split()) if article else 0
    words_per_line = words / max(1, sum(p.lines for p in fit.pages)) if words else 8.0
    fit.overset_words, fit.overset_lines = result.overset_words, result.overset_lines
    fit.underset_pages = [p.folio for p in result.pages if not p.has_content and p.capacity]
    fit.short_lines = sum(p.room - p.lines for p in fit.pages if any(f.startswith("underfilled") for f in p.flags))
    if fit.overset_words:
        fit.remedies.append(
            Remedy(f"cut about {fit.overset_words} words", f"about {fit.overset_lines} lines fewer (an estimate)")
        )
        more = _lay_out(issue, section.model_copy(update={"pages": section.pages + 1}))
        left = more.overset_words
        effect = "everything fits" if not left else f"{left} words still left over"
        fit.remedies.append(Remedy(f"give it a page more ({section.pages + 1})", effect, {"pages": section.pages + 1}))
        _pull_quote_remedies(issue, section, fit)
    elif section.pages > 1 and (fit.underset_pages or fit.short_lines):
        fewer = section.pages - 1
        if not _pages_with_visuals_only(section, fewer):
            trial = _lay_out(issue, section.model_copy(update={"pages": fewer}))
            if not trial.overset_words:
                effect = "everything still fits (the flatplan changes)"
                fit.remedies.append(Remedy(f"take a page away ({fewer})", effect, {"pages": fewer}))
    _looseness_remedies(issue, section, result, fit)
    _visual_remedies(issue, section, placed or {}, fit)
    for p, plan in zip(fit.pages, result.pages, strict=True):
        if any(flag.startswith("underfilled") for flag in p.flags):
            empty = p.room - p.lines
            columns = max(1, len({round(r.x) for r in plan.frames}))
            height = empty / columns * leading / 72 * 25.4
            fit.remedies.append(
                Remedy(
                    f"page {p.folio}: a visual across the columns about {height:.0f} mm tall, a pull-quote, "
                    f"or about {round(empty * words_per_line)} more words",
                    f"would fill its {empty} empty lines (an estimate)",
                )
            )
        for flag in p.flags:
            if flag.startswith("hole") and not _hole_remedies(issue, section, result, p.folio, fit):
                where = flag.split(" at the foot of ")[-1]
                fit.remedies.append(
                    Remedy(
                        f"page {p.folio}, {where}: a shorter block after it, or text moved before it",
                        f"fills the {flag.removeprefix('hole of ').split(' at ')[0]} left blank",
                    )
                )
    return fit


def _hole_remedies(issue: Issue, section: Section, result: SectionResult, folio: int, fit: SectionFit) -> bool:
    """A hole at a column's foot: one paragraph set a line tighter or looser moves the block that
    left it; each candidate tried (a few at most), the ones that close the hole said."""
    width = _column_width(result)
    if width is None:
        return False
    found = False
    tries = [(line, -1) for line, _ in _paragraphs(issue, section, width, -1)[:4]]
    tries += [(line, 1) for line, _ in _paragraphs(issue, section, width, 1)[:4]]
    for line, step in tries:
        trial = _lay_out(issue, section.model_copy(update={"looseness": {**section.looseness, line: step}}))
        page = next((pl for pl in trial.pages if pl.folio == folio), None)
        if page is None or trial.overset_words or any(f.startswith("hole") for f in page.fit_flags):
            continue
        how = "tighten" if step < 0 else "loosen"
        effect = f"closes the hole on page {folio} ({page.fill:.0%} filled)"
        fit.remedies.append(
            Remedy(f"{how} the paragraph at line {line} by one line", effect, {"looseness": {line: step}})
        )
        found = True
        break
    return found


def fit_report(issue: Issue, section_ids: list[str] | None = None) -> list[SectionFit]:
    """The fit of every section (or of ``section_ids``), from one layout of the issue plus trials."""
    result = render(issue, section_ids, mode=proof_mode())
    out = []
    for sr in result.sections:
        section = issue.section(sr.section_id)
        template = issue.templates[section.layout]
        if template.kind != "article":
            continue
        body = issue.stylesheet.styles[template.styles.get("body", "body")] if issue.stylesheet else None
        grid = template.grid if template.grid not in (True, False) else None
        leading = (grid.leading if grid and grid.leading else None) or (body.leading if body else 12.4)
        placed = {im.visual_id: im.folio for im in result.images}
        out.append(section_fit(issue, section, sr, leading, placed))
    return out

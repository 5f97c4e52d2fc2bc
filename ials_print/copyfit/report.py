"""The ``fit`` report: per section, the fill of each page, words and lines over or under, remedies.

A page more or less is tried: the section is laid out again, alone, with the change, and the
remedy says what that layout gave. The others (the words to cut, the height of a visual or the
words that would fill a page) are estimates from the measured lines, and say so. Nothing is
written; the manifest stays as it is.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

from ials_print.layout.compose import SectionResult
from ials_print.manifest.load import Issue
from ials_print.manifest.model import AreaPlacement, Section
from ials_print.output.build import render
from ials_print.output.modes import proof_mode


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
    manifest = issue.manifest.model_copy(
        update={"sections": [section if s.id == section.id else s for s in issue.manifest.sections]}
    )
    trial = dataclasses.replace(issue, manifest=manifest)
    return render(trial, [section.id], mode=proof_mode()).sections[0]


def measure(result: SectionResult, leading: float) -> list[PageFit]:
    pages = []
    for plan in result.pages:
        used = round(sum(h for _, h in plan.filled) / leading)  # as the build's warnings count
        pages.append(PageFit(plan.folio, plan.fill, used, int(plan.capacity / leading), list(plan.fit_flags)))
    return pages


def _pages_with_visuals_only(section: Section, pages: int) -> bool:
    """Would a shorter section drop a page that holds one of its placed visuals?"""
    return any(isinstance(v.place, AreaPlacement) and v.place.page > pages for v in section.images)


def section_fit(issue: Issue, section: Section, result: SectionResult, leading: float) -> SectionFit:
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
    elif section.pages > 1 and (fit.underset_pages or fit.short_lines):
        fewer = section.pages - 1
        if not _pages_with_visuals_only(section, fewer):
            trial = _lay_out(issue, section.model_copy(update={"pages": fewer}))
            if not trial.overset_words:
                effect = "everything still fits (the flatplan changes)"
                fit.remedies.append(Remedy(f"take a page away ({fewer})", effect, {"pages": fewer}))
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
            if flag.startswith("hole"):
                where = flag.split(" at the foot of ")[-1]
                fit.remedies.append(
                    Remedy(
                        f"page {p.folio}, {where}: a shorter block after it, or text moved before it",
                        f"fills the {flag.removeprefix('hole of ').split(' at ')[0]} left blank",
                    )
                )
    return fit


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
        out.append(section_fit(issue, section, sr, leading))
    return out

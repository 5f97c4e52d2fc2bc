"""The flatplan checked from the manifest alone (no file read): ids, page ranges, page count, and
each section's page overrides."""

from __future__ import annotations

from ials_print.errors import Problem
from ials_print.manifest.checks_sections import cover_problems
from ials_print.manifest.model import Manifest, Section
from ials_print.manifest.yamlfile import Located


def check_flatplan(m: Manifest, loc: Located) -> list[Problem]:
    """Sections with unique ids tiling the pages, a page count the binding can take, a cover that fits."""
    problems: list[Problem] = []
    seen: dict[str, int] = {}
    for i, s in enumerate(m.sections):
        if s.id in seen:
            problems.append(
                loc.problem(
                    ("sections", i, "id"), f"duplicate section id '{s.id}' (first used by section {seen[s.id] + 1})"
                )
            )
        seen.setdefault(s.id, i)
    expected = 1
    previous: Section | None = None
    for i, s in enumerate(m.sections):
        last = s.first_page + s.pages - 1
        if s.first_page > expected:
            problems.append(
                loc.problem(
                    ("sections", i, "first_page"),
                    f"gap in the flatplan: pages {expected}–{s.first_page - 1} belong to no section "
                    f"(expected '{s.id}' to start on page {expected}, found {s.first_page})",
                )
            )
        elif s.first_page < expected:
            who = f"section '{previous.id}' ends on page {expected - 1}" if previous else "the issue starts on page 1"
            problems.append(
                loc.problem(
                    ("sections", i, "first_page"),
                    f"overlapping page range: section '{s.id}' starts on page {s.first_page} but {who} "
                    f"(expected first_page: {expected})",
                )
            )
        expected = max(expected, last + 1)
        previous = s
    if expected - 1 != m.page_count:
        problems.append(
            loc.problem(
                ("page_count",),
                f"sections cover pages 1–{expected - 1} but page_count is {m.page_count}: "
                "they must tile the whole issue",
            )
        )
    if m.cover_apart():
        problems += cover_problems(m, loc)
    if m.format.binding == "perfect" and m.page_count % 2:
        problems.append(
            loc.problem(("page_count",), f"expected an even page count for perfect binding, found {m.page_count}")
        )
    if m.format.binding == "saddle_stitch" and m.page_count % 4:
        problems.append(
            loc.problem(("page_count",), f"expected a multiple of 4 pages for saddle stitch, found {m.page_count}")
        )
    return problems


def check_overrides(located: Located, i: int, section: Section) -> list[Problem]:
    """A section's pictogram overrides and short pages name pages of the section, once each."""
    problems: list[Problem] = []
    pages_overridden = [o.page for o in section.pictograms]
    if len(pages_overridden) != len(set(pages_overridden)):
        problems.append(located.problem(("sections", i, "pictograms"), "two pictogram overrides for the same page"))
    for k, override in enumerate(section.pictograms):
        if override.page > section.pages:
            problems.append(
                located.problem(
                    ("sections", i, "pictograms", k, "page"),
                    f"page {override.page} is beyond section '{section.id}', which has {section.pages} pages",
                )
            )
    for page in section.short_pages:
        if not 1 <= page <= section.pages:
            problems.append(
                located.problem(
                    ("sections", i, "short_pages"),
                    f"page {page} is not a page of section '{section.id}' (1 to {section.pages})",
                )
            )
    return problems

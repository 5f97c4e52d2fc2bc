"""Assemble an issue (or one section) into a PDF: one canvas, pages in flatplan order."""

from __future__ import annotations

import io
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from reportlab.pdfgen.canvas import Canvas

from ials_print.layout.compose import PagePlan, SectionComposer, SectionResult
from ials_print.layout.fonts import register_fonts
from ials_print.layout.geometry import PageGeometry
from ials_print.layout.styles import build_styles
from ials_print.manifest.load import Issue
from ials_print.output.atomic import write_atomic


@dataclass
class BuildResult:
    """What a build made and what it found."""

    output: Path | None
    sections: list[SectionResult] = field(default_factory=list)
    seconds: float = 0.0
    pdf: bytes = b""

    @property
    def pages(self) -> list[PagePlan]:
        return [p for s in self.sections for p in s.pages]

    @property
    def errors(self) -> list[str]:
        return [e for s in self.sections for e in s.errors]

    @property
    def warnings(self) -> list[str]:
        return [w for s in self.sections for w in s.warnings]


def render(
    issue: Issue, section_ids: list[str] | None = None, progress: Callable[[str], None] | None = None
) -> BuildResult:
    """Lay out the whole issue, or only ``section_ids`` with their real folios, into PDF bytes."""
    start = time.perf_counter()
    m = issue.manifest
    assert issue.stylesheet is not None
    fonts = register_fonts(m.fonts, issue.fonts_dir)
    styles = build_styles(issue.stylesheet, fonts)
    fmt = m.format
    sections = [s for s in m.sections if section_ids is None or s.id in section_ids]
    geo0 = PageGeometry.for_page(fmt, 1)
    b = geo0.bleed
    buf = io.BytesIO()
    c = Canvas(
        buf,
        pagesize=(geo0.width + 2 * b, geo0.height + 2 * b),
        invariant=1,
        pageCompression=1,
        initialFontName=styles["body"].fontName,
    )
    c.setTitle(f"{m.issue.title} n°{m.issue.number}")
    c.setAuthor(m.issue.publisher or m.issue.title)
    c.setSubject(f"Issue {m.issue.number}, {m.issue.date.isoformat()}")
    c.setCreator("ials-print")

    def begin_page(folio: int) -> PageGeometry:
        geo = PageGeometry.for_page(fmt, folio)
        c.setTrimBox((b, b, b + geo.width, b + geo.height))
        c.setBleedBox((0, 0, geo.width + 2 * b, geo.height + 2 * b))
        c.translate(b, b)
        c._ials_folio = folio  # type: ignore[attr-defined]
        return geo

    result = BuildResult(None)
    for section in sections:
        if progress:
            progress(section.id)
        key = f"section-{section.id}"
        c.bookmarkPage(key)
        c.addOutlineEntry(section.title, key, level=0)
        result.sections.append(SectionComposer(issue, section, styles).compose(c, begin_page))
    # Page labels follow the folios, also in a preview that starts mid-issue.
    index = 0
    for section in sections:
        if (
            index == 0
            or section.first_page
            != sections[sections.index(section) - 1].first_page + sections[sections.index(section) - 1].pages
        ):
            c.addPageLabel(index, style="D", start=section.first_page)
        index += section.pages
    c.save()
    result.pdf = buf.getvalue()
    result.seconds = time.perf_counter() - start
    return result


def build(
    issue: Issue, out: Path, section_ids: list[str] | None = None, progress: Callable[[str], None] | None = None
) -> BuildResult:
    """Render and write ``out`` atomically."""
    result = render(issue, section_ids, progress)
    write_atomic(out, result.pdf)
    result.output = out
    return result

"""Assemble an issue (or one section) into a PDF: one canvas, pages in flatplan order."""

from __future__ import annotations

import datetime as dt
import gc
import io
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from reportlab.lib.colors import CMYKColor, CMYKColorSep
from reportlab.pdfgen.canvas import Canvas

from ials_print.images.ppi import PpiPolicy
from ials_print.images.prepare import ImageCache, ImagePlacer, PlacedImage
from ials_print.layout import rl_patches  # noqa: F401  (ReportLab settings: before any drawing)
from ials_print.layout.compose import PagePlan, SectionResult
from ials_print.layout.fonts import register_fonts
from ials_print.layout.geometry import MM, PageGeometry
from ials_print.layout.kinds import KINDS
from ials_print.layout.styles import build_styles
from ials_print.manifest.load import Issue
from ials_print.output.atomic import write_atomic
from ials_print.output.commit import OutputSet
from ials_print.output.modes import OutputMode, final_mode
from ials_print.output.overprint import PressCanvas
from ials_print.output.pdfx import DocumentInfo, OutputIntent, PageLabel, finish_pdfx
from ials_print.provenance.pictogram import LABELS
from ials_print.provenance.report import broken_c2pa

REGISTRATION = CMYKColorSep(1, 1, 1, 1, spotName="All")


@dataclass
class BuildResult:
    """What a build made and what it found."""

    output: Path | None
    mode: str = "final"
    sections: list[SectionResult] = field(default_factory=list)
    images: list[PlacedImage] = field(default_factory=list)
    cache_hits: int = 0
    cache_misses: int = 0
    pdf: bytes = b""
    extra_errors: list[str] = field(default_factory=list)
    extra_warnings: list[str] = field(default_factory=list)

    @property
    def pages(self) -> list[PagePlan]:
        return [p for s in self.sections for p in s.pages]

    @property
    def errors(self) -> list[str]:
        return [e for s in self.sections for e in s.errors] + self.extra_errors

    @property
    def warnings(self) -> list[str]:
        return [w for s in self.sections for w in s.warnings] + self.extra_warnings


def build_date(issue: Issue) -> dt.datetime:
    """The date stamped in the file: SOURCE_DATE_EPOCH if set, else the issue's date (reproducible)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC).replace(tzinfo=None)
    d = issue.manifest.issue.date
    return dt.datetime(d.year, d.month, d.day)


def output_intent(issue: Issue) -> OutputIntent:
    o = issue.manifest.output
    return OutputIntent(o.identifier, o.info, o.registry, issue.profile_path)


def page_label(plan: PagePlan, placed: Sequence[PlacedImage] = ()) -> PageLabel:
    """The machine-readable label of a laid-out page; ``placed``: the images drawn on it."""
    prov = plan.provenance
    elements = prov.elements if prov else []
    visuals = tuple((e.ident, e.source_type or "", e.tool, e.c2pa) for e in elements if e.kind == "visual")
    texts = tuple((e.ident, e.provenance, e.tool) for e in elements if e.kind == "text")
    resources = tuple(sorted({(im.visual_id, im.resource) for im in placed if im.resource}))
    reason = prov.reason if prov else ""
    return PageLabel(
        LABELS[plan.pictogram], plan.pictogram, reason, visuals, texts, section=plan.section_id, resources=resources
    )


def ppi_policy(issue: Issue) -> PpiPolicy:
    """The manifest's resolution limits, the same for build, flatplan and preflight."""
    o = issue.manifest.output
    return PpiPolicy(o.min_ppi, o.warn_ppi)


def default_cache() -> Path:
    """Prepared images: $IALS_PRINT_CACHE, else the user's cache folder (shared by all builds)."""
    if os.environ.get("IALS_PRINT_CACHE"):
        return Path(os.environ["IALS_PRINT_CACHE"])
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "ials-print" / "images"


def _crop_marks(c: Canvas, w: float, h: float, bleed: float) -> None:
    """Crop marks at the four corners, outside the bleed, in registration colour."""
    gap, length = bleed + 2 * MM, 6 * MM
    c.saveState()
    c.setStrokeColor(REGISTRATION)
    c.setLineWidth(0.3)
    for x in (0, w):
        for y in (0, h):
            sx = -1 if x == 0 else 1
            sy = -1 if y == 0 else 1
            c.line(x + sx * gap, y, x + sx * (gap + length), y)
            c.line(x, y + sy * gap, x, y + sy * (gap + length))
    c.restoreState()


@dataclass(frozen=True)
class ProofStamp:
    """What the slug line of a proof says besides the page."""

    number: int
    made: str  # build time, readable


SLUG_CLEAR = 2 * MM  # slug and proof mark keep this far from the crop marks' lines


def _size_within(c: Canvas, text: str, font: str, size: float, width: float) -> float:
    """``size``, or smaller (5 pt at least) so that ``text`` fits in ``width``."""
    wide = c.stringWidth(text, font, size)
    return size if wide <= width else max(5.0, size * width / wide)


def _proof_furniture(c: Canvas, issue: Issue, plan: PagePlan, geo: PageGeometry, stamp: ProofStamp, font: str) -> None:
    section = issue.section(plan.section_id)
    m = issue.manifest.issue
    text = f"{issue.short_name} n°{m.number} · {section.title} · page {plan.folio} · épreuve n°{stamp.number}"
    text += f" · {stamp.made}"
    # Between the vertical crop marks (at x = 0 and x = width), whatever the page's size.
    room = geo.width - 2 * SLUG_CLEAR
    c.saveState()
    c.setFillColor(CMYKColor(0, 0, 0, 1))
    c.setFont(font, _size_within(c, text, font, 6.5, room))
    c.drawString(SLUG_CLEAR, -geo.bleed - 9 * MM, text)
    c.setFillColor(CMYKColor(0, 0.9, 0.75, 0))
    mark = "ÉPREUVE — NE PAS IMPRIMER"
    c.setFont(font, _size_within(c, mark, font, 9, room))
    c.drawRightString(geo.width - SLUG_CLEAR, geo.height + geo.bleed + 5 * MM, mark)
    c.restoreState()


def _lay_out(
    issue: Issue,
    sections: list,
    styles,
    placer: ImagePlacer,
    mode: OutputMode,
    stamp: ProofStamp | None,
    title: str,
    progress: Callable[[str], None] | None,
) -> tuple[bytes, list[SectionResult]]:
    """Draw every page on one ReportLab canvas; return the PDF bytes and what each section found.

    The canvas lives only inside this function: ReportLab keeps every object, images included,
    until it is gone, and the finishing step should not find it still in memory.
    """
    m = issue.manifest
    fmt = m.format
    geo0 = PageGeometry.for_page(fmt, 1)
    b = geo0.bleed
    off = b + mode.outside  # from the media's edge to the trim
    buf = io.BytesIO()
    c = PressCanvas(
        buf,
        overprint=mode.pdfx and issue.stylesheet is not None and issue.stylesheet.overprint_black,
        pagesize=(geo0.width + 2 * off, geo0.height + 2 * off),
        invariant=1,
        pageCompression=1,
        initialFontName=styles["body"].fontName,
        enforceColorSpace="sep_cmyk" if mode.pdfx else None,  # RGB is an error; separations pass
    )
    c.setTitle(title)
    c.setAuthor(m.issue.publisher or m.issue.title)
    c.setSubject(f"Issue {m.issue.number}, {m.issue.date.isoformat()}")
    c.setCreator("ials-print")
    geos: dict[int, PageGeometry] = {}

    def begin_page(folio: int) -> PageGeometry:
        geo = PageGeometry.for_page(fmt, folio)
        c.setTrimBox((off, off, off + geo.width, off + geo.height))
        c.setBleedBox((off - b, off - b, off + geo.width + b, off + geo.height + b))
        c.translate(off, off)
        c._ials_folio = folio  # type: ignore[attr-defined]
        geos[folio] = geo
        return geo

    def end_page(plan: PagePlan) -> None:
        geo = geos[plan.folio]
        if mode.marks:
            _crop_marks(c, geo.width, geo.height, b)
        if mode.proof and stamp is not None:
            _proof_furniture(c, issue, plan, geo, stamp, styles["folio"].fontName)
        if mode.provenance:
            from ials_print.output.provenance_proof import draw_provenance_marks

            draw_provenance_marks(c, issue, plan, geo, styles["folio"].fontName)
        c.showPage()

    results: list[SectionResult] = []
    rubric = None
    for section in sections:
        if progress:
            progress(section.id)
        key = f"section-{section.id}"
        c.bookmarkPage(key)
        # Bookmarks: a rubric on its first page, its sections under it; other sections at the top.
        if section.rubric and section.rubric != rubric:
            c.bookmarkPage(f"rubric-{section.id}")  # an outline entry needs a key of its own
            c.addOutlineEntry(section.rubric, f"rubric-{section.id}", level=0, closed=True)
        rubric = section.rubric
        c.addOutlineEntry(section.title, key, level=1 if rubric else 0)
        composer = KINDS[issue.templates[section.layout].kind](issue, section, styles, placer)
        results.append(composer.compose(c, begin_page, end_page))
    # Page labels follow the folios, also in a preview that starts mid-issue or skips sections.
    index, expected = 0, None
    for section in sections:
        if section.first_page != expected:
            c.addPageLabel(index, style="D", start=section.first_page)
        index += section.pages
        expected = section.first_page + section.pages
    c.save()
    return buf.getvalue(), results


def render(
    issue: Issue,
    section_ids: list[str] | None = None,
    mode: OutputMode | None = None,
    progress: Callable[[str], None] | None = None,
    cache_dir: Path | None = None,
    stamp: ProofStamp | None = None,
) -> BuildResult:
    """Lay out the whole issue, or only ``section_ids`` with their real folios, into PDF bytes."""
    m = issue.manifest
    assert issue.stylesheet is not None
    intent = output_intent(issue)
    mode = mode or final_mode(intent.profile, identifier=intent.identifier)
    fonts = register_fonts(m.fonts, issue.fonts_dir)
    styles = build_styles(issue.stylesheet, fonts)
    cache = ImageCache(cache_dir or default_cache())
    placer = ImagePlacer(mode.images, cache)
    sections = [s for s in m.sections if section_ids is None or s.id in section_ids]
    title = f"{m.issue.title} n°{m.issue.number}"
    result = BuildResult(None, mode.name)
    pdf, result.sections = _lay_out(issue, sections, styles, placer, mode, stamp, title, progress)
    gc.collect()
    if mode.pdfx:
        info = DocumentInfo(title, m.issue.publisher or m.issue.title, f"Issue {m.issue.number}", build_date(issue))
        by_folio: dict[int, list[PlacedImage]] = {}
        for im in placer.placed:
            by_folio.setdefault(im.folio, []).append(im)
        pdf = finish_pdfx(pdf, info, intent, [page_label(p, by_folio.get(p.folio, [])) for p in result.pages])
    result.pdf = pdf
    result.images = placer.placed
    for im in placer.placed:
        if im.conversion is not None and im.conversion.kind == "untagged CMYK":
            result.extra_warnings.append(
                f"visual '{im.visual_id}' on page {im.folio} is CMYK without a profile: {im.conversion.source}, "
                "not converted (embed its profile if it was made for another condition)"
            )
    policy = ppi_policy(issue)
    for im in placer.placed:
        level = policy.level(im.ppi)
        if level:
            target = result.extra_errors if level == "error" else result.extra_warnings
            target.append(f"visual '{im.visual_id}' on page {im.folio} is {policy.explain(im.ppi)}")
    result.extra_warnings += broken_c2pa(issue)
    result.cache_hits, result.cache_misses = cache.hits, cache.misses
    return result


def build(
    issue: Issue,
    out: Path,
    section_ids: list[str] | None = None,
    progress: Callable[[str], None] | None = None,
    mode: OutputMode | None = None,
    cache_dir: Path | None = None,
    stamp: ProofStamp | None = None,
    outputs: OutputSet | None = None,
) -> BuildResult:
    """Render and write ``out`` atomically, or stage it in ``outputs`` (committed with the others)."""
    result = render(issue, section_ids, mode, progress, cache_dir, stamp)
    if outputs is not None:
        outputs.stage(out, result.pdf)
    else:
        write_atomic(out, result.pdf)
    result.output = out
    return result

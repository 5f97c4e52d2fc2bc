"""Render an issue (or some sections) into a PDF: the sections laid out or taken from the cache,
put together in flatplan order, finished as PDF/X-4 for print; proofs get their slug line laid over."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ials_print.cachedir import cache_folder
from ials_print.images.placed import PlacedImage
from ials_print.images.ppi import PpiPolicy
from ials_print.layout.geometry import MM, PageGeometry
from ials_print.layout.plans import PagePlan, SectionResult
from ials_print.manifest.load import Issue
from ials_print.output.assemble import Meta, Part, assemble, assembly_id
from ials_print.output.atomic import digest
from ials_print.output.commit import OutputSet, put
from ials_print.output.keys import engine_fingerprint
from ials_print.output.modes import OutputMode, final_mode
from ials_print.output.pdfx import DocumentInfo, OutputIntent, PageLabel, finish_pdfx_pieces
from ials_print.output.section_cache import SectionCache
from ials_print.output.sections import make_sections, media_offset
from ials_print.provenance.labels import LABELS
from ials_print.provenance.report import broken_c2pa


@dataclass
class BuildResult:
    """What a build made and what it found."""

    output: Path | None
    mode: str = "final"
    sections: list[SectionResult] = field(default_factory=list)
    images: list[PlacedImage] = field(default_factory=list)
    cache_hits: int = 0  # prepared images found in their cache, by the sections laid out now
    cache_misses: int = 0
    sections_cached: int = 0  # sections taken from the section cache
    parts: list[Part] = field(default_factory=list)  # the sections' PDFs, for the printer's files
    pieces: list = field(default_factory=list)  # the PDF, as pieces (see ``pdf``)
    sha256: str = ""  # of the PDF, once written
    extra_errors: list[str] = field(default_factory=list)
    extra_warnings: list[str] = field(default_factory=list)

    @property
    def pdf(self) -> bytes:
        """The PDF's bytes (its pieces joined, once)."""
        if len(self.pieces) != 1 or not isinstance(self.pieces[0], bytes):
            self.pieces = [b"".join(self.pieces)]
        return self.pieces[0]

    def release(self) -> None:
        """Forget the PDF's bytes (written already; the printer's files are made from the sections)."""
        self.pieces = []

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
    """Prepared images: in the engine's cache folder (``cachedir``), shared by all builds."""
    return cache_folder("images")


@dataclass(frozen=True)
class ProofStamp:
    """What the slug line of a proof says besides the page."""

    number: int
    made: str  # build time, readable


SLUG_CLEAR = 2 * MM  # slug and proof mark keep this far from the crop marks' lines


def _size_within(c, text: str, font: str, size: float, width: float) -> float:
    """``size``, or smaller (5 pt at least) so that ``text`` fits in ``width``."""
    wide = c.stringWidth(text, font, size)
    return size if wide <= width else max(5.0, size * width / wide)


def _proof_furniture(c, issue: Issue, plan: PagePlan, geo: PageGeometry, stamp: ProofStamp, font: str) -> None:
    from reportlab.lib.colors import CMYKColor

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


def _stamps(issue: Issue, plans: list[PagePlan], mode: OutputMode, stamp: ProofStamp, font: str) -> bytes:
    """The proof's slug lines, one page per page, to lay over the (cached) pages."""
    from reportlab.pdfgen.canvas import Canvas

    from ials_print.layout import rl_patches  # noqa: F401  (the same settings, cached pages or not)

    fmt = issue.manifest.format
    geo0 = PageGeometry.for_page(fmt, 1)
    off = media_offset(issue, mode)
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=(geo0.width + 2 * off, geo0.height + 2 * off), invariant=1, pageCompression=1)
    for plan in plans:
        c.translate(off, off)
        _proof_furniture(c, issue, plan, PageGeometry.for_page(fmt, plan.folio), stamp, font)
        c.showPage()
    c.save()
    return buf.getvalue()


def render(
    issue: Issue,
    section_ids: list[str] | None = None,
    mode: OutputMode | None = None,
    progress: Callable[[str], None] | None = None,
    cache_dir: Path | None = None,
    stamp: ProofStamp | None = None,
    use_cache: bool = True,
    jobs: int | None = None,
    laid_out: Callable[[BuildResult], None] | None = None,
) -> BuildResult:
    """Lay out the whole issue, or only ``section_ids`` with their real folios, into PDF bytes.

    Sections come from the section cache when their key is known (unless ``use_cache`` is False),
    the others are laid out in ``jobs`` processes (default: one per core); ``cache_dir``: the
    prepared images' folder; ``laid_out`` is told the result once its sections are laid out, before
    they are put together (the printer's interior starts from there).
    """
    m = issue.manifest
    assert issue.stylesheet is not None
    intent = output_intent(issue)
    mode = mode or final_mode(intent.profile, identifier=intent.identifier)
    sections = [s for s in m.sections if section_ids is None or s.id in section_ids]
    cache = SectionCache(cache_folder("sections")) if use_cache else None
    made = make_sections(issue, sections, mode, cache_dir or default_cache(), cache, jobs, progress)
    result = BuildResult(None, mode.name)
    result.sections = [x.result for x in made]
    result.images = [im for x in made for im in x.placed]
    result.cache_hits = sum(x.image_hits for x in made)
    result.cache_misses = sum(x.image_misses for x in made)
    result.sections_cached = sum(x.cached for x in made)
    title = f"{m.issue.title} n°{m.issue.number}"
    author = m.issue.publisher or m.issue.title
    overlay = None
    if mode.proof and stamp is not None:
        overlay = _stamps(issue, result.pages, mode, stamp, _folio_font(issue))
    result.parts = [Part(x.section, x.source, x.digest) for x in made]
    if laid_out is not None:
        laid_out(result)
    meta = Meta(title, author, f"Issue {m.issue.number}, {m.issue.date.isoformat()}")
    info = DocumentInfo(title, author, f"Issue {m.issue.number}", build_date(issue))
    if mode.pdfx and overlay is None and len(made) == 1:
        # One section (a preview) as ReportLab wrote it: nothing to put together, pikepdf not even
        # imported; the finishing labels its pages with their folios.
        one = made[0]
        pdf = one.source if isinstance(one.source, bytes) else one.source.read_bytes()
        content = hashlib.sha256(f"one section {one.digest} {engine_fingerprint()}".encode()).digest()
        result.pieces = finish_pdfx_pieces(pdf, info, intent, page_labels(result), content, one.section.first_page)
    else:
        pdf = assemble(result.parts, meta, overlay=overlay)
        result.pieces = [pdf]
        if mode.pdfx:
            content = assembly_id(result.parts, meta, overlay=overlay)
            result.pieces = finish_pdfx_pieces(pdf, info, intent, page_labels(result), content)
    for im in result.images:
        if im.conversion is not None and im.conversion.kind == "untagged CMYK":
            result.extra_warnings.append(
                f"visual '{im.visual_id}' on page {im.folio} is CMYK without a profile: {im.conversion.source}, "
                "not converted (embed its profile if it was made for another condition)"
            )
    policy = ppi_policy(issue)
    for im in result.images:
        level = policy.level(im.ppi)
        if level:
            target = result.extra_errors if level == "error" else result.extra_warnings
            target.append(f"visual '{im.visual_id}' on page {im.folio} is {policy.explain(im.ppi)}")
    result.extra_warnings += broken_c2pa(issue)
    return result


def page_labels(result: BuildResult) -> list[PageLabel]:
    """Every page's provenance label, with the images drawn on it."""
    by_folio: dict[int, list[PlacedImage]] = {}
    for im in result.images:
        by_folio.setdefault(im.folio, []).append(im)
    return [page_label(p, by_folio.get(p.folio, [])) for p in result.pages]


def _folio_font(issue: Issue) -> str:
    """The font of the folio style (for the proof's slug line), registered alone."""
    from ials_print.layout.fonts import register_face

    assert issue.stylesheet is not None
    folio = issue.stylesheet.styles["folio"]
    return register_face(issue.manifest.fonts, issue.fonts_dir, folio.family, folio.face)


def build(
    issue: Issue,
    out: Path,
    section_ids: list[str] | None = None,
    progress: Callable[[str], None] | None = None,
    mode: OutputMode | None = None,
    cache_dir: Path | None = None,
    stamp: ProofStamp | None = None,
    outputs: OutputSet | None = None,
    use_cache: bool = True,
    jobs: int | None = None,
    laid_out: Callable[[BuildResult], None] | None = None,
) -> BuildResult:
    """Render and write ``out`` atomically, or stage it in ``outputs`` (committed with the others)."""
    result = render(issue, section_ids, mode, progress, cache_dir, stamp, use_cache, jobs, laid_out)
    put(out, result.pieces, outputs)
    result.output = out
    result.sha256 = digest(result.pieces)
    return result

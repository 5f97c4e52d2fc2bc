"""Each section laid out on a canvas of its own: taken from the section cache when its key is known,
else composed — in a pool of processes over the machine's cores when several sections are to be made.

A section's PDF depends only on its key (its manifest entry, files, layout, stylesheet, fonts, folios,
the output mode and the engine's own code), never on which process made it or what was made before,
so a cached, a serial and a parallel build write the same bytes.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

from ials_print.images.placed import PlacedImage
from ials_print.layout.geometry import MM, PageGeometry
from ials_print.layout.plans import SectionResult
from ials_print.manifest.load import Issue
from ials_print.manifest.model import Section
from ials_print.output.keys import file_digest, issue_key, section_key
from ials_print.output.modes import OutputMode
from ials_print.output.section_cache import SectionCache


@dataclass
class Made:
    """One section, laid out: its PDF (a cached file, or bytes) and what its layout found."""

    section: Section
    source: Path | bytes
    digest: str  # the PDF's SHA-256
    result: SectionResult
    placed: list[PlacedImage]
    cached: bool = False
    image_hits: int = 0
    image_misses: int = 0


def mode_fingerprint(mode: OutputMode) -> str:
    """What of the output mode changes a section's pages (the profile by its bytes)."""
    settings = asdict(mode)
    profile = mode.images.profile
    settings["images"]["profile"] = file_digest(profile) if profile else None
    return json.dumps(settings, sort_keys=True, default=str)


def cache_keys(issue: Issue, sections: Sequence[Section], mode: OutputMode) -> dict[str, str]:
    """Each section's key in the section cache."""
    common = issue_key(issue)
    extra = mode_fingerprint(mode).encode()
    return {s.id: hashlib.sha256(section_key(issue, s, common).encode() + extra).hexdigest()[:40] for s in sections}


def visual_stamps(issue: Issue, section: Section) -> tuple:
    """Size, modification time and inode of the section's visuals, which the layout reads (its text
    is keyed as loaded): a save between the key and the layout shows in them."""
    stamps = []
    for v in section.images:
        path = issue.visual_files.get(v.id)
        try:
            st = path.stat() if path is not None else None
        except OSError:
            st = None
        stamps.append((v.id, (st.st_size, st.st_mtime_ns, st.st_ino) if st else None))
    return tuple(stamps)


def _crop_marks(c, w: float, h: float, bleed: float) -> None:
    """Crop marks at the four corners, outside the bleed, in registration colour."""
    from reportlab.lib.colors import CMYKColorSep

    gap, length = bleed + 2 * MM, 6 * MM
    c.saveState()
    c.setStrokeColor(CMYKColorSep(1, 1, 1, 1, spotName="All"))
    c.setLineWidth(0.3)
    for x in (0, w):
        for y in (0, h):
            sx = -1 if x == 0 else 1
            sy = -1 if y == 0 else 1
            c.line(x + sx * gap, y, x + sx * (gap + length), y)
            c.line(x, y + sy * gap, x, y + sy * (gap + length))
    c.restoreState()


def media_offset(issue: Issue, mode: OutputMode) -> float:
    """From the media's edge to the trim: the bleed and, with marks or a slug, the room for them."""
    return PageGeometry.for_page(issue.manifest.format, 1).bleed + mode.outside


def compose_section(issue: Issue, section: Section, styles, placer, mode: OutputMode):
    """Lay out one section on a canvas of its own; returns its PDF bytes and what its layout found."""
    from ials_print.layout import rl_patches  # noqa: F401  (ReportLab settings: before any drawing)
    from ials_print.layout.kinds import KINDS
    from ials_print.output.overprint import PressCanvas

    fmt = issue.manifest.format
    geo0 = PageGeometry.for_page(fmt, 1)
    b = geo0.bleed
    off = media_offset(issue, mode)
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
    geos: dict[int, PageGeometry] = {}

    def begin_page(folio: int) -> PageGeometry:
        geo = PageGeometry.for_page(fmt, folio)
        c.setTrimBox((off, off, off + geo.width, off + geo.height))
        c.setBleedBox((off - b, off - b, off + geo.width + b, off + geo.height + b))
        c.translate(off, off)
        c._ials_folio = folio  # type: ignore[attr-defined]
        geos[folio] = geo
        return geo

    def end_page(plan) -> None:
        geo = geos[plan.folio]
        if mode.marks:
            _crop_marks(c, geo.width, geo.height, b)
        if mode.provenance:
            from ials_print.output.provenance_proof import draw_provenance_marks

            draw_provenance_marks(c, issue, plan, geo, styles["folio"].fontName)
        c.showPage()

    composer = KINDS[issue.templates[section.layout].kind](issue, section, styles, placer)
    result = composer.compose(c, begin_page, end_page)
    c.save()
    return buf.getvalue(), result


# What the worker processes lay out: set in the parent before the pool forks, read by the children.
_JOB: dict = {}


def _styles(issue: Issue):
    from ials_print.layout.fonts import register_fonts
    from ials_print.layout.styles import build_styles

    assert issue.stylesheet is not None
    return build_styles(issue.stylesheet, register_fonts(issue.manifest.fonts, issue.fonts_dir))


def warm_up(issue: Issue) -> None:
    """What a process's first layout does once, done ahead (a watch, before its first save): the layout's
    modules loaded, the fonts registered and shaped once, the hyphenation dictionary read."""
    from ials_print.content.typography import make_hyphenator
    from ials_print.images.prepare import ImageCache  # noqa: F401
    from ials_print.layout import rl_patches  # noqa: F401
    from ials_print.layout.kinds import KINDS  # noqa: F401
    from ials_print.output.overprint import PressCanvas  # noqa: F401
    from ials_print.typeset.shaping import shape

    styles = _styles(issue)
    make_hyphenator(issue).hyphenate("typographie")
    for font in {style.fontName for style in styles.paragraph.values()}:
        shape(font, "Typographie")  # HarfBuzz's face made once per font


def _make(index: int) -> tuple[int, bytes, SectionResult, list[PlacedImage], int, int]:
    """Lay out the ``index``-th section of the job (in the parent, or in a forked worker)."""
    from ials_print.images.prepare import ImageCache, ImagePlacer

    issue, sections, mode, images = _JOB["issue"], _JOB["sections"], _JOB["mode"], _JOB["images"]
    if "styles" not in _JOB:
        _JOB["styles"] = _styles(issue)
    cache = ImageCache(images)
    placer = ImagePlacer(mode.images, cache)
    pdf, result = compose_section(issue, sections[index], _JOB["styles"], placer, mode)
    return index, pdf, result, placer.placed, cache.hits, cache.misses


def _can_fork() -> bool:
    """Can workers be forked here (they inherit the fonts registered and the styles built)?"""
    import multiprocessing  # imported for a pool only: a preview lays out one section

    return "fork" in multiprocessing.get_all_start_methods()


def workers() -> int:
    """The cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


def make_sections(
    issue: Issue,
    sections: Sequence[Section],
    mode: OutputMode,
    images: Path,
    cache: SectionCache | None,
    jobs: int | None = None,
    progress: Callable[[str], None] | None = None,
) -> list[Made]:
    """Every section of ``sections``, from ``cache`` (None: not used) or laid out now, with ``jobs``
    processes at most (default: one per core); in the order given."""
    seen = {s.id: visual_stamps(issue, s) for s in sections} if cache is not None else {}
    keys = cache_keys(issue, sections, mode) if cache is not None else {}
    made: list[Made | None] = [None] * len(sections)
    todo: list[int] = []
    for i, s in enumerate(sections):
        entry = cache.get(keys[s.id]) if cache is not None else None
        if entry is None:
            todo.append(i)
            continue
        made[i] = Made(s, entry.pdf, entry.sha256, entry.result, entry.placed, cached=True)
        if progress:
            progress(s.id)
    # The longest sections first, so that no core is left with one long section at the end.
    todo.sort(key=lambda i: -sections[i].pages)
    _JOB.update(issue=issue, sections=list(sections), mode=mode, images=images)
    try:
        jobs = min(jobs or workers(), len(todo))
        if todo:
            _JOB["styles"] = _styles(issue)  # fonts registered once, before the workers fork
        if jobs > 1 and _can_fork():
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor, as_completed

            with ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("fork")) as pool:
                futures = [pool.submit(_make, i) for i in todo]
                outcomes = []
                try:
                    for future in as_completed(futures):
                        outcomes.append(future.result())
                        if progress:
                            progress(sections[outcomes[-1][0]].id)
                except BaseException:  # a section that failed, or Ctrl-C: the queued ones are not made
                    pool.shutdown(wait=True, cancel_futures=True)
                    raise
        else:
            outcomes = []
            for i in todo:
                outcomes.append(_make(i))
                if progress:
                    progress(sections[i].id)
    finally:
        _JOB.clear()
    for i, pdf, result, placed, hits, misses in outcomes:
        s = sections[i]
        digest = hashlib.sha256(pdf).hexdigest()
        # A visual saved while the section was laid out: its pages may hold the new picture, its key
        # says the old one. They serve this build, and are not kept.
        kept = cache is not None and visual_stamps(issue, s) == seen[s.id]
        entry = cache.put(keys[s.id], pdf, digest, result, placed) if kept else None
        made[i] = Made(s, entry.pdf if entry else pdf, digest, result, placed, False, hits, misses)
    if cache is not None and todo:
        cache.prune()
    return [m for m in made if m is not None]

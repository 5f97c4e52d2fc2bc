"""The files the printer gets for a perfect-bound issue: cover spread and interior, each PDF/X-4.

Both are put together from the sections' PDFs, as the whole issue's is (the same pages, never laid out
again), finished like it (output intent, Info, XMP with each page's provenance, one pass,
reproducible) and written atomically.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ials_print.manifest.load import Issue
from ials_print.output.assemble import Meta, assemble, assembly_id
from ials_print.output.atomic import Data, digest
from ials_print.output.binding import MM, SpineSpec, impose_cover
from ials_print.output.build import BuildResult, build_date, output_intent, page_labels
from ials_print.output.commit import OutputSet, put
from ials_print.output.forked import Forked
from ials_print.output.pdfx import DocumentInfo, PageLabel, finish_pdfx, finish_pdfx_pieces
from ials_print.provenance.labels import LABELS


@dataclass(frozen=True)
class PrinterFile:
    """One file written for the printer, as the job ticket lists it."""

    path: Path
    role: str
    pages: int
    sha256: str
    trim_mm: tuple[float, float]
    folios: tuple[int, ...] = ()

    def as_dict(self) -> dict:
        out = {
            "file": self.path.name,
            "role": self.role,
            "pages": self.pages,
            "trim_mm": [round(v, 2) for v in self.trim_mm],
            "sha256": self.sha256,
        }
        if self.folios:
            out["folios"] = folio_ranges(self.folios)
        return out


def folio_ranges(folios: tuple[int, ...]) -> str:
    """Folios as runs: "3–116", or "3–20, 25–40"."""
    runs: list[list[int]] = []
    for f in folios:
        if runs and f == runs[-1][1] + 1:
            runs[-1][1] = f
        else:
            runs.append([f, f])
    return ", ".join(f"{a}–{b}" if a != b else f"{a}" for a, b in runs)


def _labels(result: BuildResult) -> dict[int, PageLabel]:
    return {p.folio: label for p, label in zip(result.pages, page_labels(result), strict=True)}


def _spread_label(left: PageLabel, right: PageLabel) -> PageLabel:
    """One spread's provenance: both pages' visuals; the pictogram both share, else IA / Humain."""
    kind = left.kind if left.kind == right.kind else "mixte"
    return PageLabel(
        LABELS[kind],
        kind,
        f"left: {left.reason} | right: {right.reason}",
        left.visuals + right.visuals,
        left.texts + right.texts,
        section=f"{left.section} + {right.section}",
        resources=left.resources + right.resources,
    )


def _put(path: Path, data: Data, outputs: OutputSet | None) -> str:
    """Write (or stage) one file at once, so that its bytes need not be kept; returns their SHA-256."""
    put(path, data, outputs)
    return digest(data)


def _meta(issue: Issue) -> tuple[str, str, Meta]:
    m = issue.manifest
    title = f"{m.issue.title} n°{m.issue.number}"
    author = m.issue.publisher or m.issue.title
    return title, author, Meta(title, author, f"Issue {m.issue.number}")


def write_cover(
    issue: Issue, result: BuildResult, out_dir: Path, font: str, marks: bool = False, outputs: OutputSet | None = None
) -> tuple[PrinterFile, SpineSpec]:
    """Write (or stage in ``outputs``) ``<stem>-cover.pdf`` beside the whole issue's PDF: the outer spread
    (back, spine, front) and the inner one (inside front, inside back), put together again from the
    sections' PDFs (nothing is parsed of the whole issue)."""
    m = issue.manifest
    title, author, meta = _meta(issue)
    labels = _labels(result)
    folios = m.cover_folios()
    order = [folios[k] for k in ("back", "front", "inside_front", "inside_back")]
    cover_pages = assemble(result.parts, meta, folios=order, outline=False)
    cover_raw, spec, geo = impose_cover(cover_pages, m, font, marks, {f: i for i, f in enumerate(order)})
    spreads = [
        _spread_label(labels[folios["back"]], labels[folios["front"]]),
        _spread_label(labels[folios["inside_front"]], labels[folios["inside_back"]]),
    ]
    info = DocumentInfo(f"{title} — couverture", author, "Cover", build_date(issue))
    cover = finish_pdfx(cover_raw, info, output_intent(issue), spreads)
    x0, _, x1, _ = geo.trim
    role = "cover: page 1 back cover + spine + front cover, page 2 inside front + inside back cover"
    path = out_dir / f"{issue.stem}-cover.pdf"
    return PrinterFile(path, role, 2, _put(path, cover, outputs), ((x1 - x0) / MM, m.format.trim_height)), spec


def write_interior(issue: Issue, result: BuildResult, out_dir: Path, outputs: OutputSet | None = None) -> PrinterFile:
    """Write (or stage in ``outputs``) ``<stem>-interior.pdf``: the pages between the covers, single, in
    reading order, put together again from the sections' PDFs."""
    m = issue.manifest
    title, author, meta = _meta(issue)
    labels = _labels(result)
    inside = m.interior_folios()
    interior = finish_pdfx_pieces(
        assemble(result.parts, meta, folios=inside, outline=False),
        DocumentInfo(f"{title} — intérieur", author, "Interior", build_date(issue)),
        output_intent(issue),
        [labels[f] for f in inside],
        assembly_id(result.parts, meta, folios=inside, outline=False),
    )
    path = out_dir / f"{issue.stem}-interior.pdf"
    trim = (m.format.trim_width, m.format.trim_height)
    digest = _put(path, interior, outputs)
    return PrinterFile(path, "interior: single pages in reading order", len(inside), digest, trim, tuple(inside))


@dataclass
class Checked:
    """One printer's file, staged, with its preflight findings as the build reports them."""

    file: PrinterFile
    findings: list[tuple[str, str]]  # (level, line)
    staged: dict[Path, Path]  # target → staged file, when made in a forked child


def _check(issue: Issue, readable: Path, digest: str, prefix: str = "") -> list[tuple[str, str]]:
    """The preflight of one written file (``readable``: where it is staged), as (level, line) findings;
    ``prefix`` names a file other than the issue's."""
    from ials_print.output.build import ppi_policy
    from ials_print.preflight.checks import preflight
    from ials_print.preflight.scan_cache import ScanCache

    scans = ScanCache.default(reports=True)  # pages and whole reports reused by content
    report = preflight(readable, issue.manifest.format.binding, ppi=ppi_policy(issue), scans=scans, digest=digest)
    return [(f.level, f"preflight {prefix}" + str(f).split(" ", 1)[1]) for f in report.findings]


def _interior_checked(issue: Issue, result: BuildResult, out_dir: Path) -> Checked:
    """The interior written and checked in a forked child: staged under its own name, handed over."""
    own = OutputSet(background=False)  # synced by the parent's set, which adopts it
    try:
        made = write_interior(issue, result, out_dir, own)
        findings = _check(issue, own.staged(made.path), made.sha256, f"{made.path.name}: ")
    except BaseException:
        own.discard()
        raise
    return Checked(made, findings, own.hand_over())


class InteriorChild:
    """The printer's interior made and checked in a forked child from the moment the sections are laid out
    (:meth:`start`, given to the build as ``laid_out``), while this process puts the issue together,
    checks it and makes the cover. Use as a context manager: on failure, what the child staged goes."""

    def __init__(self, issue: Issue, out_dir: Path, parallel: bool = True) -> None:
        """``parallel``: False keeps everything in this process (one core, or ``--jobs 1``)."""
        self.issue, self.out_dir, self.parallel = issue, out_dir, parallel
        self.job: Forked[Checked] | None = None

    def start(self, result: BuildResult) -> None:
        if self.parallel and self.issue.manifest.cover_apart() and self.job is None:
            self.job = Forked(lambda: _interior_checked(self.issue, result, self.out_dir), undo=_discard)

    def take(self) -> Checked | None:
        """The child's interior (waits for it), or None: no child, or it failed."""
        job, self.job = self.job, None
        return job.result() if job is not None else None

    def __enter__(self) -> InteriorChild:
        return self

    def __exit__(self, *exc: object) -> None:
        _discard(self.take())  # not taken: the command failed before


def deliver(
    issue: Issue,
    result: BuildResult,
    marks: bool = False,
    outputs: OutputSet | None = None,
    interior: InteriorChild | None = None,
) -> list[str]:
    """After the build: the cover and interior of a perfect-bound issue with its paper, the preflight of
    every file (findings added to ``result``), the job ticket. With ``outputs``, every file is staged
    there and checked in its staged form, to be committed together. Returns notes for the report.

    ``interior``: the interior being made in a child (its files are adopted into ``outputs``); where
    there is none, or it failed, the interior is made here, after the issue and the cover."""
    from ials_print.layout.fonts import register_face
    from ials_print.output.ticket import colour_summary, write_job_ticket

    m = issue.manifest
    assert result.output is not None
    out_dir = result.output.parent
    perfect = m.cover_apart()

    def readable(path: Path) -> Path:
        return outputs.staged(path) if outputs is not None else path

    findings = _check(issue, readable(result.output), result.sha256)
    made: list[PrinterFile] = []
    spine = None
    if perfect:
        font = register_face(m.fonts, issue.fonts_dir, "sans", "bold")
        cover, spine = write_cover(issue, result, out_dir, font, marks, outputs)
        findings += _check(issue, readable(cover.path), cover.sha256, f"{cover.path.name}: ")
        made.append(cover)
        checked = interior.take() if interior is not None and outputs is not None else None
        if checked is not None and outputs is not None:
            for target, tmp in checked.staged.items():
                outputs.adopt(target, tmp)
        else:  # no child, or it failed: made here, where an error is reported as usual
            inside = write_interior(issue, result, out_dir, outputs)
            checked = Checked(inside, _check(issue, readable(inside.path), inside.sha256, f"{inside.path.name}: "), {})
        made.append(checked.file)
        findings += checked.findings
    for level, line in findings:
        (result.extra_errors if level == "error" else result.extra_warnings).append(line)
    files = [f.as_dict() for f in made]
    binding = spine.as_dict(m) if spine else None
    ticket = write_job_ticket(
        issue, result.sha256, result.output, build_date(issue).isoformat(), result.images, files, binding, outputs
    )
    notes = []
    line = colour_summary(result.images)
    if line:
        notes.append(f"{line} (each listed with its conversion in {ticket.name})")
    if binding:
        names = ", ".join(f["file"] for f in files)
        notes.append(f"perfect binding: {names}; spine {binding['width_mm']:g} mm ({binding['rule']})")
    return notes


def _discard(checked: Checked | None) -> None:
    """The files a child staged, removed (the command failed before taking them)."""
    for tmp in (checked.staged if checked is not None else {}).values():
        tmp.unlink(missing_ok=True)

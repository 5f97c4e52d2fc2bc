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


def write_perfect_binding(
    issue: Issue,
    result: BuildResult,
    out_dir: Path,
    font: str,
    marks: bool = False,
    outputs: OutputSet | None = None,
) -> tuple[list[PrinterFile], SpineSpec]:
    """Write (or stage in ``outputs``) ``<stem>-cover.pdf`` and ``<stem>-interior.pdf`` beside the
    whole issue's PDF."""
    m = issue.manifest
    intent = output_intent(issue)
    title = f"{m.issue.title} n°{m.issue.number}"
    author = m.issue.publisher or m.issue.title
    labels = _labels(result)
    folios = m.cover_folios()
    # Both files are put together again from the sections' PDFs: nothing is parsed of the whole issue.
    meta = Meta(title, author, f"Issue {m.issue.number}")
    order = [folios[k] for k in ("back", "front", "inside_front", "inside_back")]
    cover_pages = assemble(result.parts, meta, folios=order, outline=False)
    cover_raw, spec, geo = impose_cover(cover_pages, m, font, marks, {f: i for i, f in enumerate(order)})
    spreads = [
        _spread_label(labels[folios["back"]], labels[folios["front"]]),
        _spread_label(labels[folios["inside_front"]], labels[folios["inside_back"]]),
    ]
    date = build_date(issue)
    cover = finish_pdfx(cover_raw, DocumentInfo(f"{title} — couverture", author, "Cover", date), intent, spreads)
    x0, _, x1, _ = geo.trim
    role = "cover: page 1 back cover + spine + front cover, page 2 inside front + inside back cover"
    cover_path = out_dir / f"{issue.stem}-cover.pdf"
    files = [PrinterFile(cover_path, role, 2, _put(cover_path, cover, outputs), ((x1 - x0) / MM, m.format.trim_height))]
    del cover, cover_raw
    inside = m.interior_folios()
    interior = finish_pdfx_pieces(
        assemble(result.parts, meta, folios=inside, outline=False),
        DocumentInfo(f"{title} — intérieur", author, "Interior", date),
        intent,
        [labels[f] for f in inside],
        assembly_id(result.parts, meta, folios=inside, outline=False),
    )
    path = out_dir / f"{issue.stem}-interior.pdf"
    trim = (m.format.trim_width, m.format.trim_height)
    digest = _put(path, interior, outputs)
    files.append(PrinterFile(path, "interior: single pages in reading order", len(inside), digest, trim, tuple(inside)))
    return files, spec


def deliver(issue: Issue, result: BuildResult, marks: bool = False, outputs: OutputSet | None = None) -> list[str]:
    """After the build: the cover and interior of a perfect-bound issue with its paper, the preflight of
    every file (findings added to ``result``), the job ticket. With ``outputs``, every file is staged
    there and checked in its staged form, to be committed together. Returns notes for the report."""
    from ials_print.layout.fonts import register_face
    from ials_print.output.build import ppi_policy
    from ials_print.output.ticket import colour_summary, write_job_ticket
    from ials_print.preflight.checks import preflight
    from ials_print.preflight.scan_cache import ScanCache

    m = issue.manifest
    assert result.output is not None

    def readable(path: Path) -> Path:
        return outputs.staged(path) if outputs is not None else path

    checked = [(result.output, "", result.sha256)]
    files: list[dict] = []
    spine = None
    if m.format.binding == "perfect" and m.format.paper is not None:
        font = register_face(m.fonts, issue.fonts_dir, "sans", "bold")
        made, spec = write_perfect_binding(issue, result, result.output.parent, font, marks, outputs)
        files, spine = [f.as_dict() for f in made], spec.as_dict(m)
        checked += [(f.path, f"{f.path.name}: ", f.sha256) for f in made]
    # the interior's pages are the issue's: their scans are reused; a file with unchanged bytes, its report
    scans = ScanCache.default(reports=True)
    for path, prefix, sha256 in checked:
        report = preflight(readable(path), m.format.binding, ppi=ppi_policy(issue), scans=scans, digest=sha256)
        for f in report.findings:
            target = result.extra_errors if f.level == "error" else result.extra_warnings
            target.append(f"preflight {prefix}" + str(f).split(" ", 1)[1])
    ticket = write_job_ticket(
        issue, checked[0][2], result.output, build_date(issue).isoformat(), result.images, files, spine, outputs
    )
    notes = []
    line = colour_summary(result.images)
    if line:
        notes.append(f"{line} (each listed with its conversion in {ticket.name})")
    if spine:
        names = ", ".join(f["file"] for f in files)
        notes.append(f"perfect binding: {names}; spine {spine['width_mm']:g} mm ({spine['rule']})")
    return notes

"""The job ticket written beside the final PDF: what the printer needs to know at a glance."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from ials_print.images.placed import PlacedImage
from ials_print.manifest.load import Issue
from ials_print.output.commit import OutputSet, put


def conversions(images: Sequence[PlacedImage]) -> list[dict]:
    """Each placed visual with what was done to its colour: source → target, intent, ink."""
    return [
        {"visual": im.visual_id, "page": im.folio, "ppi": round(im.ppi), **im.conversion.as_dict()}
        for im in images
        if im.conversion is not None
    ]


def colour_summary(images: Sequence[PlacedImage]) -> str:
    """One line for the build report: how many images went which way."""
    kinds = Counter(im.conversion.kind for im in images if im.conversion is not None)
    if not kinds:
        return ""
    return "colour: " + ", ".join(f"{n} {kind}" for kind, n in sorted(kinds.items()))


def job_ticket(
    issue: Issue,
    digest: str,
    pdf_name: str,
    created: str,
    images: Sequence[PlacedImage] = (),
    files: Sequence[dict] = (),
    spine: dict | None = None,
) -> dict:
    """What the printer reads first. ``files``: the cover and interior of a perfect-bound issue, whose
    whole-issue PDF (``file``) is then for reading proofs; ``spine``: its width and how it was found."""
    m = issue.manifest
    f = m.format
    extra: dict = {}
    if files:
        whole = {"file": pdf_name, "role": "whole issue, for reading proofs", "pages": m.page_count}
        extra["files"] = [*files, whole | {"sha256": digest}]
    if spine:
        extra["spine"] = spine
    return {
        "title": f"{m.issue.title} n°{m.issue.number}",
        "issue": m.issue.number,
        "file": pdf_name,
        "sha256": digest,
        "pages": m.page_count,
        "trim_mm": [f.trim_width, f.trim_height],
        "bleed_mm": f.bleed,
        "binding": f.binding,
        "pdf_standard": "PDF/X-4",
        "output_condition": {"identifier": m.output.identifier, "info": m.output.info, "registry": m.output.registry},
        "created": created,
        **extra,
        "images": conversions(images),
    }


def write_job_ticket(
    issue: Issue,
    digest: str,
    pdf_path: Path,
    created: str,
    images: Sequence[PlacedImage] = (),
    files: Sequence[dict] = (),
    spine: dict | None = None,
    outputs: OutputSet | None = None,
) -> Path:
    """Write (or stage in ``outputs``) the ticket beside the PDF (``digest``: its SHA-256): ``<stem>.job.json``."""
    path = pdf_path.with_suffix(".job.json")
    data = job_ticket(issue, digest, pdf_path.name, created, images, files, spine)
    raw = (json.dumps(data, indent=2, ensure_ascii=False) + "\n").encode()
    put(path, raw, outputs)
    return path

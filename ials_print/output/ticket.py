"""The job ticket written beside the final PDF: what the printer needs to know at a glance."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from ials_print.manifest.load import Issue
from ials_print.output.atomic import write_atomic
from ials_print.output.commit import OutputSet


def job_ticket(issue: Issue, pdf: bytes, pdf_name: str, created: str) -> dict:
    m = issue.manifest
    f = m.format
    return {
        "title": f"{m.issue.title} n°{m.issue.number}",
        "issue": m.issue.number,
        "file": pdf_name,
        "sha256": hashlib.sha256(pdf).hexdigest(),
        "pages": m.page_count,
        "trim_mm": [f.trim_width, f.trim_height],
        "bleed_mm": f.bleed,
        "binding": f.binding,
        "pdf_standard": "PDF/X-4",
        "output_condition": {"identifier": m.output.identifier, "info": m.output.info, "registry": m.output.registry},
        "created": created,
    }


def write_job_ticket(issue: Issue, pdf: bytes, pdf_path: Path, created: str, outputs: OutputSet | None = None) -> Path:
    """Write (or stage in ``outputs``) the ticket beside the PDF: ``<stem>.job.json``."""
    path = pdf_path.with_suffix(".job.json")
    data = job_ticket(issue, pdf, pdf_path.name, created)
    raw = (json.dumps(data, indent=2, ensure_ascii=False) + "\n").encode()
    if outputs is not None:
        outputs.stage(path, raw)
    else:
        write_atomic(path, raw)
    return path

"""Independent cross-checks with Debian's tools (poppler, qpdf, Ghostscript); skip if absent."""

from __future__ import annotations

import shutil
import subprocess

import pytest


def _need(tool: str) -> str:
    path = shutil.which(tool)
    if path is None:
        pytest.skip(f"{tool} not installed (apt-get install poppler-utils qpdf ghostscript); .ci/run installs it")
    return path


def test_pdffonts_all_embedded(real_build):
    _, result = real_build
    out = subprocess.run([_need("pdffonts"), str(result.output)], capture_output=True, text=True, check=True).stdout
    rows = out.splitlines()[2:]
    assert rows, out
    for row in rows:
        emb = row.split()[-5]
        assert emb == "yes", f"not embedded: {row}"
        assert "Helvetica" not in row


def test_pdfinfo_boxes(real_build):
    _, result = real_build
    out = subprocess.run(
        [_need("pdfinfo"), "-box", "-f", "1", "-l", "118", str(result.output)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "Pages:           118" in out
    trims = [line for line in out.splitlines() if "TrimBox:" in line]
    bleeds = [line for line in out.splitlines() if "BleedBox:" in line]
    assert len(trims) == len(bleeds) == 118
    for trim, bleed in zip(trims, bleeds, strict=True):
        x0, y0, x1, y1 = map(float, trim.split(":")[1].split())
        b0, c0, b1, c1 = map(float, bleed.split(":")[1].split())
        assert round(x1 - x0, 1) == 595.3 and round(y1 - y0, 1) == 841.9  # A4
        for margin in (x0 - b0, y0 - c0, b1 - x1, c1 - y1):
            assert margin == pytest.approx(3 * 72 / 25.4, abs=0.01)  # 3 mm of bleed on every side


def test_qpdf_check(real_build):
    _, result = real_build
    proc = subprocess.run([_need("qpdf"), "--check", str(result.output)], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "No syntax or stream encoding errors" in proc.stdout


def test_ghostscript_renders_every_page(real_build):
    _, result = real_build
    proc = subprocess.run(
        [_need("gs"), "-q", "-dNOPAUSE", "-dBATCH", "-sDEVICE=nullpage", "-dPDFSTOPONERROR", str(result.output)],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0 and "Error" not in proc.stdout + proc.stderr, proc.stdout + proc.stderr

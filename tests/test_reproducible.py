"""Same inputs, same bytes: wherever the checkout, the cache and the working folder are."""

from __future__ import annotations

import hashlib
import io
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from reportlab.pdfgen.canvas import Canvas

from ials_print import kit
from ials_print.output.pdfx import DocumentInfo, OutputIntent, finish_pdfx
from tests.conftest import ROOT

PROFILE = kit.PROFILE
KINDS = ROOT / "tests" / "fixtures" / "kinds"


def _checkout(dest: Path) -> Path:
    """A copy of what a build reads: the package (with its kit of layouts, fonts, profile) and the kinds fixture, made
    perfect-bound with its paper (so the build writes the whole issue, the cover and the interior)."""
    skip = shutil.ignore_patterns("__pycache__", "*.pyc")
    shutil.copytree(ROOT / "ials_print", dest / "ials_print", ignore=skip)  # the kit inside it
    fixture = dest / "tests" / "fixtures" / "kinds"
    shutil.copytree(KINDS, fixture, ignore=skip)
    manifest = fixture / "kinds.yaml"
    text = manifest.read_text(encoding="utf-8")
    paper = "format: {binding: perfect, paper: {interior_caliper_um: 90}}\npage_count: 6"
    manifest.write_text(text.replace("page_count: 6", paper), encoding="utf-8")
    return dest


def _build(checkout: Path, manifest: str, cwd: Path, cache: Path, out: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("SOURCE_DATE_EPOCH", "PYTHONPATH")}
    env |= {"PYTHONPATH": str(checkout), "IALS_PRINT_CACHE": str(cache), "TZ": "Pacific/Kiritimati"}
    cwd.mkdir(parents=True, exist_ok=True)
    proc = subprocess.run(
        [sys.executable, "-m", "ials_print.cli", "build", manifest, "--out", str(out)],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(out.iterdir())}


def test_two_checkouts_two_caches_same_bytes(tmp_path):
    a = _checkout(tmp_path / "a" / "ials")
    b = _checkout(tmp_path / "elsewhere" / "with space" / "ials-print")
    first = _build(a, "tests/fixtures/kinds/kinds.yaml", a, tmp_path / "cache-a", tmp_path / "out-a")
    second = _build(
        b, str(b / "tests/fixtures/kinds/kinds.yaml"), tmp_path / "cwd", tmp_path / "cache-b", tmp_path / "out-b"
    )
    assert {"kinds.pdf", "kinds-cover.pdf", "kinds-interior.pdf", "kinds.job.json"} <= set(first)
    assert first == second
    for name in ("kinds.pdf", "kinds-cover.pdf", "kinds-interior.pdf"):
        pdf = (tmp_path / "out-a" / name).read_bytes()
        assert pdf.count(b"startxref") == 1 and pdf.count(b"\nxref\n") == 1, f"{name}: written in one pass"
        assert b"/Prev" not in pdf[pdf.rindex(b"trailer") :], "no incremental update"
        for folder in (str(a), str(tmp_path)):
            assert folder.encode() not in pdf
        tags = re.findall(rb"/BaseFont /([A-Z]{6})\+", pdf)
        assert len(tags) == len(set(tags)) >= 4 and b"AAAAAA" not in tags
        fonts = set(re.findall(rb"/(F[0-9A-Z_]+)\+\d+ \d+ 0 R", pdf))
        assert fonts and all(re.fullmatch(rb"F[0-9A-F]{10}(_\d+)?", f) for f in fonts), "names from the fonts' bytes"


def _reportlab_pdf(text: str) -> bytes:
    buf = io.BytesIO()
    c = Canvas(buf, invariant=1)
    c.drawString(72, 72, text)
    c.showPage()
    c.save()
    return buf.getvalue()


def test_first_id_is_the_documents_second_the_contents():
    import datetime as dt

    info = DocumentInfo("IALS n°3", "IALS", "Issue 3", dt.datetime(2024, 6, 15))
    intent = OutputIntent("FOGRA39", "Coated FOGRA39", "http://www.color.org", PROFILE)
    ids = []
    for text in ("first state", "corrected state"):
        pdf = finish_pdfx(_reportlab_pdf(text), info, intent)
        ids.append(re.search(rb"/ID \[<([0-9a-f]+)><([0-9a-f]+)>\]", pdf).groups())
    (first_a, second_a), (first_b, second_b) = ids
    assert first_a == first_b and second_a != second_b

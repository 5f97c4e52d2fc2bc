"""Hostile inputs run in a bounded child process, where time and peak memory are measured: big
inputs made at test time (just over the limits), the output folder, and PDFs given to ``preflight``."""

from __future__ import annotations

import io
import os
import re
import shutil
import zlib
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader, PdfWriter

from ials_print.limits import MAX_IMAGE_MEMORY
from tests.conftest import MINI, copy_fixture
from tests.hostile import MEMORY_LIMIT, TIME_LIMIT, Run, invoke, make_pdf, one_page_pdf, run_cli, stream

TRACE = re.compile(r"Traceback|internal error")


def bounded(run: Run) -> None:
    assert not TRACE.search(run.output), run.output
    assert run.seconds < TIME_LIMIT, f"{run.seconds:.0f} s"
    assert run.peak_mib < MEMORY_LIMIT, f"peak memory {run.peak_mib:.0f} MiB"


def refused(run: Run, names: str, child: bool = True) -> None:
    """Exit 2 naming ``names``; within the bounds (memory only for a child process: ours is shared)."""
    if child:
        bounded(run)
    else:
        assert not TRACE.search(run.output) and run.seconds < TIME_LIMIT, run.output
    assert run.code == 2, run.output
    assert any(names in line for line in run.stderr.splitlines()[:-1]), run.output


@pytest.fixture(scope="module")
def good(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, dict[str, bytes]]:
    """The fixture issue and its last good outputs (PDF, job ticket), built once in a child."""
    base = tmp_path_factory.mktemp("big")
    manifest = copy_fixture(MINI, base / "issue")
    run = run_cli(["build", str(manifest), "--out", str(base / "out")], base)
    bounded(run)
    assert run.code == 0, run.output
    return manifest, base / "out", {p.name: p.read_bytes() for p in (base / "out").iterdir()}


def _fresh(good, tmp_path: Path) -> tuple[Path, Path]:
    manifest, out, _ = good
    shutil.copytree(manifest.parent, tmp_path / "issue")
    shutil.copytree(out, tmp_path / "out")
    return tmp_path / "issue" / manifest.name, tmp_path / "out"


def _untouched(out: Path, before: dict[str, bytes], folder_named: str | None = None) -> None:
    now = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}
    expected = {k: v for k, v in before.items() if k != folder_named}
    assert now == expected, "an earlier output changed, or a temporary file was left"


# ------------------------------------------------------------------------------------ big inputs
BIG = {
    "running-head-400k": lambda d: _edit(
        d / "mini.yaml", "title: Un article", "title: Un article\n    running_head: " + "Tête " * 80_000
    ),
    "paragraph-2mb": lambda d: _edit(d / "texts/edito.md", "Il tient", "Il " + "mot " * 500_000 + "tient"),
    "markdown-400k-paragraph-lines": lambda d: _edit(d / "texts/edito.md", "Il tient", "mot\n" * 100_000),
    "yaml-flow-10000": lambda d: _edit(d / "mini.yaml", "page_count: 4", "page_count: " + "[" * 10_000 + "]" * 10_000),
    "front-matter-10000": lambda d: _edit(
        d / "texts/edito.md", "kicker: Édito", "kicker: " + "[" * 10_000 + "]" * 10_000
    ),
    "png-196-mpx": lambda d: _save(Image.new("1", (14_000, 14_000)), d / "images/disc.png"),
    "png-1-by-60m": lambda d: _save(Image.new("1", (60_000_000, 1)), d / "images/disc.png"),
}


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _save(im: Image.Image, path: Path) -> None:
    im.save(path, "PNG")


@pytest.mark.parametrize("name", list(BIG))
def test_big_input_refused_in_bounds(name: str, good, tmp_path: Path) -> None:
    manifest, out = _fresh(good, tmp_path)
    BIG[name](manifest.parent)
    run = run_cli(["build", str(manifest), "--out", str(out)], tmp_path)
    refused(run, str(manifest.parent))
    _untouched(out, good[2])


def test_image_just_under_the_limits_builds_in_bounds(good, tmp_path: Path) -> None:
    """An RGBA picture just under the decoded-memory limit is prepared within the memory bound."""
    manifest, out = _fresh(good, tmp_path)
    side = int((MAX_IMAGE_MEMORY / 4 * 0.98) ** 0.5)  # RGBA: 98 % of the limit
    gradient = Image.linear_gradient("L").resize((side, side))
    other = gradient.transpose(Image.Transpose.ROTATE_90)
    Image.merge("RGBA", (gradient, other, gradient, gradient)).save(
        manifest.parent / "images/disc.png", compress_level=1
    )
    run = run_cli(["build", str(manifest), "--out", str(out)], tmp_path, env={"IALS_PRINT_CACHE": str(tmp_path)})
    bounded(run)
    assert run.code == 0, run.output


# ------------------------------------------------------------------------------------ output folder
def test_out_is_a_file(good, tmp_path: Path) -> None:
    manifest, _ = _fresh(good, tmp_path)
    (tmp_path / "blocker").write_bytes(b"keep me")
    run = run_cli(["build", str(manifest), "--out", str(tmp_path / "blocker")], tmp_path)
    refused(run, "blocker")
    assert (tmp_path / "blocker").read_bytes() == b"keep me"


@pytest.mark.parametrize("blocked", ["mini.pdf", "mini.job.json", "mini.typography.txt"])
def test_one_output_blocked_keeps_every_other(blocked: str, good, tmp_path: Path) -> None:
    """A folder where one output goes: the command fails and no earlier output changes."""
    manifest, out = _fresh(good, tmp_path)
    _edit(manifest.parent / "texts/edito.md", "numéro de test", "numéro de test, 50%")  # a typography note
    (out / blocked).unlink(missing_ok=True)
    (out / blocked).mkdir()
    run = run_cli(["build", str(manifest), "--out", str(out)], tmp_path)
    refused(run, blocked)
    _untouched(out, good[2], blocked)


def test_out_is_a_symlink_loop(good, tmp_path: Path) -> None:
    manifest, _ = _fresh(good, tmp_path)
    os.symlink(tmp_path / "b", tmp_path / "a")
    os.symlink(tmp_path / "a", tmp_path / "b")
    run = run_cli(["build", str(manifest), "--out", str(tmp_path / "a")], tmp_path)
    refused(run, str(tmp_path / "a"))


def test_image_cache_is_a_file(good, tmp_path: Path) -> None:
    manifest, out = _fresh(good, tmp_path)
    (tmp_path / "cache").write_bytes(b"")
    run = run_cli(
        ["build", str(manifest), "--out", str(out)], tmp_path, env={"IALS_PRINT_CACHE": str(tmp_path / "cache")}
    )
    refused(run, str(tmp_path / "cache"))
    _untouched(out, good[2])


def test_proof_counter_blocked_writes_no_proof(good, tmp_path: Path) -> None:
    """The proof and its number go together: a blocked counter leaves no proof behind."""
    manifest, out = _fresh(good, tmp_path)
    (out / "mini.proofs.json").mkdir()
    run = run_cli(["proof", str(manifest), "--out", str(out), "--section", "edito"], tmp_path)
    refused(run, "mini.proofs.json")
    assert not (out / "mini-proof-edito.pdf").exists()


# ------------------------------------------------------------------------------------ preflight
def _fan_out(calls: int, levels: int) -> bytes:
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 600 800] /Contents 4 0 R /Resources << /XObject << /F 5 0 R >> >> >>",
        stream(b"/F Do"),
    ]
    for level in range(levels):
        resources = b" /Resources << /XObject << /F %d 0 R >> >>" % (6 + level)
        objects.append(stream(b"/F Do\n" * calls, b" /Type /XObject /Subtype /Form /BBox [0 0 9 9]" + resources))
    objects.append(stream(b"0 0 m 1 1 l S", b" /Type /XObject /Subtype /Form /BBox [0 0 9 9]"))
    return make_pdf(objects)


def _self_calling() -> bytes:
    return make_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 600 800] /Contents 4 0 R /Resources << /XObject << /F 5 0 R >> >> >>",
            stream(b"/F Do"),
            stream(
                b"/F Do /F Do",
                b" /Type /XObject /Subtype /Form /BBox [0 0 9 9] /Resources << /XObject << /F 5 0 R >> >>",
            ),
        ]
    )


def _bomb(size: int) -> bytes:
    data = zlib.compress(b" " * size, 9)
    return make_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 600 800] /Contents 4 0 R /Resources << >> >>",
            b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(data) + data + b"\nendstream",
        ]
    )


def _encrypted() -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(600, 800)
    writer.encrypt("secret")
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


def _pages(n: int) -> bytes:
    kids = b" ".join(b"%d 0 R" % (3 + i) for i in range(n))
    pages = [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 600 800] >>" for _ in range(n)]
    return make_pdf(
        [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, n), *pages]
    )


PDFS = {
    "no-page": (lambda: _pages(0), "no page"),
    "huge-mediabox": (
        lambda: one_page_pdf().replace(b"/MediaBox [0 0 600 800]", b"/MediaBox [0 0 99999999 800]"),
        "MediaBox",
    ),
    "tiny-mediabox": (
        lambda: one_page_pdf().replace(b"/MediaBox [0 0 600 800]", b"/MediaBox [0 0 0.1 800]"),
        "MediaBox",
    ),
    "userunit": (lambda: one_page_pdf(b"/UserUnit 75000"), "UserUnit"),
    "mediabox-words": (
        lambda: one_page_pdf().replace(b"/MediaBox [0 0 600 800]", b"/MediaBox [(a) (b) (c) (d)]"),
        "MediaBox",
    ),
    "flate-bomb-200mb": (lambda: _bomb(200_000_000), "could not be read"),
    "flate-20mb-content": (lambda: _bomb(20_000_000), "decompresses to more than"),
    "form-fan-out": (lambda: _fan_out(40, 8), "Form XObjects painted"),
    "form-calls-itself": (_self_calling, "Form XObjects nested deeper"),
    "page-tree-loop": (
        lambda: make_pdf([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [2 0 R] /Count 1 >>"]),
        "not a readable PDF",
    ),
    "nested-arrays": (lambda: one_page_pdf(content=b"[" * 100_000 + b"]" * 100_000 + b" pop"), "could not be read"),
    "declared-objects": (lambda: one_page_pdf().replace(b"/Size 5", b"/Size 999999999"), "objects"),
    "truncated": (lambda: one_page_pdf()[:200], "not a readable PDF"),
    "not-a-pdf": (lambda: b"hello\n" * 100, "not a readable PDF"),
    "empty-file": (lambda: b"", "not a readable PDF"),
    "encrypted": (_encrypted, "encrypted"),
    "negative-image-width": (
        lambda: one_page_pdf(
            content=b"q 100 0 0 100 0 0 cm /Im Do Q",
            resources=b"<< /XObject << /Im 5 0 R >> >>",
            more=(
                stream(
                    bytes(50),
                    b" /Type /XObject /Subtype /Image /Width -5 /Height 10 /ColorSpace /DeviceGray /BitsPerComponent 8",
                ),
            ),
        ),
        "declares",
    ),
    "bad-operators": (lambda: one_page_pdf(content=b"(a) (b) cm 1 w /X 2 Tf (x) Tj"), "could not be read"),
}


HEAVY = {"flate-bomb-200mb", "flate-20mb-content", "form-fan-out", "nested-arrays"}  # memory or time at stake


@pytest.mark.parametrize("name", list(PDFS))
def test_preflight_reports_what_it_cannot_read(name: str, tmp_path: Path) -> None:
    """Exit 1 with an error naming what could not be read; the heavy ones in a bounded child."""
    make, expected = PDFS[name]
    pdf = tmp_path / f"{name}.pdf"
    pdf.write_bytes(make())
    run = run_cli(["preflight", str(pdf)], tmp_path) if name in HEAVY else invoke(["preflight", str(pdf)])
    assert not TRACE.search(run.output) and run.seconds < TIME_LIMIT, run.output
    if name in HEAVY:
        bounded(run)
    assert run.code == 1, run.output
    errors = [x for x in run.stderr.splitlines() if x.startswith(f"{pdf}: error")]
    assert any(expected in x for x in errors), run.output
    assert "FAILED" in run.stdout


def test_preflight_of_a_folder_or_nothing_is_bad_input(tmp_path: Path) -> None:
    for target in (tmp_path, tmp_path / "missing.pdf"):
        refused(invoke(["preflight", str(target)]), str(target), child=False)


def test_preflight_still_passes_our_own_file(good) -> None:
    _, out, _ = good
    run = run_cli(["preflight", str(out / "mini.pdf")], out)
    bounded(run)
    assert run.code == 0, run.output
    assert len(PdfReader(out / "mini.pdf").pages) == 4


def test_image_metadata_is_read_in_linear_time(good, tmp_path: Path) -> None:
    """A PNG whose XMP repeats the key the provenance reader looks for (1 MB of it) is read in seconds."""
    from PIL import PngImagePlugin

    manifest, _ = _fresh(good, tmp_path)
    info = PngImagePlugin.PngInfo()
    info.add_itxt("XML:com.adobe.xmp", "DigitalSourceType xmp:CreatorTool " * 29_000)
    Image.new("RGB", (2600, 1734), (90, 90, 90)).save(manifest.parent / "images/disc.png", pnginfo=info)
    run = run_cli(["validate", str(manifest)], tmp_path)
    bounded(run)
    assert run.code == 0, run.output
    assert run.seconds < 20, f"{run.seconds:.0f} s: the metadata is read in more than linear time"


def test_preflight_of_many_huge_pages_is_bounded(tmp_path: Path) -> None:
    """1,000 pages of 14,000 pt: a rendering would draw 22 billion pixels (over 30 s); the ink is measured
    from the pages' paints and images, never from a rendering, and said so."""
    n = 1_000
    kids = b" ".join(b"%d 0 R" % (3 + i) for i in range(n))
    page = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 14000 14000] /TrimBox [9 9 13991 13991] >>"
    pdf = tmp_path / "huge-pages.pdf"
    pdf.write_bytes(
        make_pdf(
            [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, n), *[page] * n]
        )
    )
    run = run_cli(["preflight", str(pdf)], tmp_path)
    bounded(run)
    assert run.code == 1 and "1000 pages" in run.stdout, run.output
    assert "ink measured by every image pixel at its own resolution and the page's paints" in run.stdout
    assert run.seconds < 20, f"{run.seconds:.0f} s"


def test_preflight_does_not_decode_image_bombs_without_ghostscript(tmp_path: Path) -> None:
    """Pages too large for Ghostscript, painting 40 CMYK images of 36 MB each (35 kB compressed): measuring
    their ink pixel by pixel took over 30 s; the report now says it was not measured."""
    side, n = 3_000, 40
    raw = zlib.compress(bytes(side * side * 4), 9)
    names = b" ".join(b"/I%d %d 0 R" % (i, 7 + i) for i in range(n))
    page = (
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 14000 14000] /Contents 6 0 R /Resources << /XObject << %s >> >> >>"
        % names
    )
    image = (
        b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceCMYK /BitsPerComponent 8"
        b" /Length %d /Filter /FlateDecode >>\nstream\n" % (side, side, len(raw)) + raw + b"\nendstream"
    )
    content = stream(b"".join(b"q 100 0 0 100 0 0 cm /I%d Do Q\n" % i for i in range(n)))
    catalog = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R 4 0 R 5 0 R] /Count 3 >>"]
    pdf = tmp_path / "image-bombs.pdf"
    pdf.write_bytes(make_pdf([*catalog, page, page, page, content, *[image] * n]))
    run = run_cli(["preflight", str(pdf)], tmp_path)
    bounded(run)
    assert run.code == 1
    assert any("[ink]" in x and "not measured" in x for x in run.stderr.splitlines()), run.output
    assert run.seconds < 20, f"{run.seconds:.0f} s"

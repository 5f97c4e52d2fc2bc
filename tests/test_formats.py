"""Any format: proof slugs and marks placed from the page size, never colliding."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pytest

from ials_print.manifest.load import load_issue
from ials_print.output.build import ProofStamp, build
from ials_print.output.modes import proof_mode

MM = 72 / 25.4


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _outside_chars(pdf: Path, index: int) -> list[tuple[str, float, float]]:
    """Characters printed outside the trim (the slug and the proof mark), with their x extent."""
    page = pdfium.PdfDocument(str(pdf))[index]
    trim = page.get_trimbox()
    text = page.get_textpage()
    out = []
    for i in range(text.count_chars()):
        left, bottom, right, top = text.get_charbox(i)
        if top < trim[1] or bottom > trim[3]:
            out.append((text.get_text_range(i, 1), left - trim[0], right - trim[0]))
    return out


@pytest.mark.parametrize("size", [(210, 297), (148, 210)])
def test_slug_and_proof_mark_stay_between_the_crop_marks(mini_copy, tmp_path, size):
    w, h = size
    _edit(
        mini_copy,
        "format: {trim_width: 210, trim_height: 297, bleed: 3}",
        f"format: {{trim_width: {w}, trim_height: {h}, bleed: 3}}",
    )
    _edit(
        mini_copy,
        "title: Un article",
        "title: Un article au titre bien plus long que la page ne le permet en A5, vraiment",
    )
    issue = load_issue(mini_copy)
    out = tmp_path / "proof.pdf"
    build(issue, out, mode=proof_mode(), stamp=ProofStamp(12, "2026-11-30 09:00"))
    chars = _outside_chars(out, 0)
    assert len(chars) > 30  # the slug and the mark are there
    for ch, x0, x1 in chars:
        # The vertical crop marks stand on x = 0 and x = width: keep 1 mm clear of them.
        assert x0 >= 1 * MM and x1 <= w * MM - 1 * MM, (ch, x0 / MM, x1 / MM)


def test_area_lengths_in_shares_of_the_page_follow_the_format():
    from ials_print.manifest.templates import Area

    area = Area(x=0, y="51.18%", w="100%", h="48.82%")
    x, y, w, h = area.in_mm(148, 210)
    assert (x, w) == (0, 148) and abs(y + h - 210) < 1e-9 and abs(y - 107.478) < 1e-3
    assert area.in_mm(210, 297)[3] == pytest.approx(145, abs=0.01)
    with pytest.raises(ValueError):
        Area(x=0, y=0, w="0%", h=10)
    with pytest.raises(ValueError):
        Area(x=0, y=0, w="half", h=10)


def test_a_full_page_area_fills_an_a5_page(mini_copy, tmp_path):
    _edit(
        mini_copy,
        "format: {trim_width: 210, trim_height: 297, bleed: 3}",
        "format: {trim_width: 148, trim_height: 210, bleed: 3}",
    )
    _edit(mini_copy, "place: {area: top-half, page: 2}", "place: {area: full-page, page: 2}")
    result = build(load_issue(mini_copy), tmp_path / "a5.pdf")
    (rect,) = [r for vid, r in result.pages[1].visuals if vid == "disc"]
    # fill: the picture covers the A5 page and its bleed exactly
    assert rect.x == pytest.approx(-3 * MM) and rect.w == pytest.approx(154 * MM)
    assert rect.h == pytest.approx(216 * MM)


def _in(folder: Path, *args: str):
    """Run the CLI in ``folder`` (as a user would after cd)."""
    import os

    from typer.testing import CliRunner

    from ials_print.cli import app

    here = Path.cwd()
    os.chdir(folder)
    try:
        return CliRunner().invoke(app, list(args))
    finally:
        os.chdir(here)


@pytest.mark.parametrize(
    ("fmt", "pages", "binding", "size"),
    [("A5", 20, "saddle_stitch", (148, 210)), ("A4", 32, "perfect", (210, 297))],
)
def test_init_makes_a_publication_that_builds_and_passes_preflight(tmp_path, fmt, pages, binding, size):
    result = _in(tmp_path, "init", "zine", "--format", fmt, "--binding", binding, "--pages", str(pages))
    assert result.exit_code == 0, result.output
    folder = tmp_path / "zine"
    result = _in(folder, "build")
    assert result.exit_code == 0, result.output
    assert f"{pages} pages" in result.output and "0 errors" in result.output
    pdf = folder / "out" / "zine-01.pdf"
    doc = pdfium.PdfDocument(str(pdf))
    assert len(doc) == pages
    box = doc[0].get_trimbox()
    assert (box[2] - box[0]) / MM == pytest.approx(size[0], abs=0.1)
    text = "\n".join(p.get_textpage().get_text_range() for p in doc)
    assert "ZINE N°1 · PREMIER ARTICLE" in text  # the running foot: the publication's own name
    result = _in(folder, "preflight", str(pdf), "--binding", binding)
    assert result.exit_code == 0 and "0 error(s)" in result.output, result.output
    # Its layouts are its own copies, fitted to the format; the fonts and profile come from the kit.
    layout = (folder / "layouts" / "article-2col.yaml").read_text(encoding="utf-8")
    assert f"fitted to {size[0]:g} × {size[1]:g} mm" in layout


def test_init_says_everything_wrong_at_once_and_writes_nothing(tmp_path):
    result = _in(tmp_path, "init", "zine", "--format", "B7", "--language", "de")
    assert result.exit_code == 2
    assert "--format: expected A4, A5, Letter or WxH in mm, found 'B7'" in result.output
    assert "--language: only fr is supported for now" in result.output
    result = _in(tmp_path, "init", "zine", "--binding", "saddle_stitch", "--pages", "18")
    assert result.exit_code == 2 and "a multiple of 4 pages, found 18" in result.output
    assert not (tmp_path / "zine").exists()
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "notes.txt").write_text("mine", encoding="utf-8")
    result = _in(tmp_path, "init", "full")
    assert result.exit_code == 2 and "not empty" in result.output
    assert [p.name for p in (tmp_path / "full").iterdir()] == ["notes.txt"]


def test_the_kit_is_in_the_wheel(tmp_path):
    """A wheel built from the repo carries the layouts, fonts (with licences) and the profile."""
    import subprocess
    import sys
    import zipfile

    from tests.conftest import ROOT

    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(tmp_path),
            str(ROOT),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    (wheel,) = tmp_path.glob("ials_print-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for name in (
        "ials_print/kit/layouts/article-2col.yaml",
        "ials_print/kit/layouts/styles.yaml",
        "ials_print/kit/fonts/EBGaramond-Regular.ttf",
        "ials_print/kit/fonts/LICENSES.md",
        "ials_print/kit/color/FOGRA39L-300.icc",
        "ials_print/kit/color/LICENSE.md",
    ):
        assert name in names, name

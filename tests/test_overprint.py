"""Black overprint: 100 % K text and rules overprint, white never; the preflight and Ghostscript agree."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from PIL import Image, ImageChops, ImageFilter
from reportlab.lib.colors import CMYKColor

from ials_print.manifest.load import load_issue
from ials_print.output.build import build
from ials_print.output.overprint import overprint_black
from ials_print.preflight.checks import preflight
from tests.conftest import MINI
from tests.test_preflight import MM, make_pdf


def test_black_text_and_strokes_overprint_fills_and_white_do_not():
    content = (
        "q 0 0 0 1 k BT 1 0 0 1 2 3 Tm [(a k \\) 0 0 0 1 K) 12 (b)] TJ ET "
        "0 0 0 1 K 0 0 m 1 1 l S "  # a 100 % K rule
        "0 0 0 1 k 0 0 5 5 re f "  # a black box: knocks out
        "Q 0 0 0 0 k BT (blanc) Tj ET "  # white text after Q: the flags were restored to off
        ".1 0 0 1 k BT (riche) Tj ET"  # rich black: not 100 % K alone
    )
    out, used = overprint_black(content)
    assert out.count(" gs ") == 3 and used == {"OPfill", "OPboth", "OPstroke"}
    assert "Tm /OPfill gs  [(a k \\) 0 0 0 1 K) 12 (b)] TJ" in out, "set before the operands, strings untouched"
    assert "/OPboth gs  0 0 m 1 1 l S" in out, "before the path, never inside it"
    assert "/OPstroke gs  0 0 5 5 re f" in out, "the box's fill does not overprint"
    assert out.endswith("Q 0 0 0 0 k BT (blanc) Tj ET .1 0 0 1 k BT (riche) Tj ET")


def _text_on_tint(c) -> None:
    c.setFillColor(CMYKColor(0.1, 0.2, 0.3, 0))
    c.rect(20 * MM, 200 * MM, 100 * MM, 40 * MM, stroke=0, fill=1)
    c.setFillColor(CMYKColor(0, 0, 0, 1))
    c.setFont("T", 12)
    c.drawString(25 * MM, 220 * MM, "Noir sur teinte")


def test_preflight_warns_of_black_knocking_out(tmp_path):
    report = preflight(make_pdf(tmp_path / "ko.pdf", _text_on_tint))
    assert not report.errors
    (w,) = [f for f in report.warnings if f.check == "overprint"]
    assert w.page == 1 and "knock out" in w.message


def test_preflight_errs_on_white_overprint(tmp_path):
    def white_overprint(c) -> None:
        c.setFillColor(CMYKColor(0.5, 0.5, 0, 0))
        c.rect(20 * MM, 200 * MM, 100 * MM, 40 * MM, stroke=0, fill=1)
        c.setFillOverprint(True)
        c.setOverprintMask(True)
        c.setFillColor(CMYKColor(0, 0, 0, 0))
        c.setFont("T", 12)
        c.drawString(25 * MM, 220 * MM, "Blanc qui disparaît")

    report = preflight(make_pdf(tmp_path / "white.pdf", white_overprint))
    (e,) = [f for f in report.errors if f.check == "overprint"]
    assert e.page == 1 and "white" in e.message


def _separations(pdf: Path, page: int, folder: Path) -> tuple[Image.Image, Image.Image]:
    """Ghostscript's Yellow and Black plates of one page (255 = no ink)."""
    folder.mkdir()
    subprocess.run(
        ["gs", "-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-sDEVICE=tiffsep", "-r100",
         f"-dFirstPage={page}", f"-dLastPage={page}", f"-sOutputFile={folder}/p.tif", str(pdf)],
        check=True,
    )  # fmt: skip
    return Image.open(folder / "p(Yellow).tif").copy(), Image.open(folder / "p(Black).tif").copy()


def _text_inside_tint(yellow: Image.Image, black: Image.Image) -> list[int]:
    """The Yellow plate's values under solid K pixels well inside the flat tint (tint or text all round)."""
    level = max((n, v) for n, v in yellow.getcolors(256) if 200 < v < 250)[1]  # the tint's yellow, flat
    tint = yellow.point(lambda v: 255 if v == level else 0)
    solid = black.point(lambda v: 255 if v < 10 else 0)
    inside = ImageChops.lighter(tint, solid).filter(ImageFilter.MinFilter(9))  # no paper around
    near = tint.filter(ImageFilter.MaxFilter(9))  # and some tint around (not a black blob on paper)
    mask = ImageChops.multiply(ImageChops.multiply(inside, near), solid)
    return [y for y, m in zip(yellow.tobytes(), mask.tobytes(), strict=True) if m]


@pytest.mark.skipif(shutil.which("gs") is None, reason="Ghostscript (gs) is not installed")
def test_ghostscript_plates_show_the_tint_continuous_under_black_text(tmp_path):
    """Page 1 of the fixture has body text on a tinted box: the tint's yellow stays under the text;
    with the stylesheet's switch off the text knocks holes in it."""
    on = build(load_issue(MINI), tmp_path / "on.pdf").output
    issue = load_issue(MINI)
    issue.stylesheet = issue.stylesheet.model_copy(update={"overprint_black": False})
    off = build(issue, tmp_path / "off.pdf").output
    under_on = _text_inside_tint(*_separations(on, 1, tmp_path / "on"))
    under_off = _text_inside_tint(*_separations(off, 1, tmp_path / "off"))
    assert len(under_on) > 200, "black text pixels on the tint"
    assert len(set(under_on)) == 1 and 200 < under_on[0] < 250, "overprint: the tint is continuous under the text"
    assert sum(v == 255 for v in under_off) > 100, "knocked out: holes in the yellow plate"
    assert not [f for f in preflight(on).findings if f.check == "overprint"]
    assert [f for f in preflight(off).warnings if f.check == "overprint" and f.page == 1]

"""Colour said plainly: greyscale on K alone, untagged CMYK taken as the output condition and said
so, every conversion listed; no small reversed type in the pictograms."""

from __future__ import annotations

import io
import itertools
import json

from PIL import Image
from typer.testing import CliRunner

from ials_print import kit
from ials_print.cli import app
from ials_print.images.colour import grey_to_k, is_grey, normalise, to_cmyk
from ials_print.manifest.load import load_issue
from ials_print.output.build import render
from ials_print.preflight.overprint import is_white
from ials_print.preflight.scan import scan_page

PROFILE = kit.PROFILE


def _gradient(mode: str) -> Image.Image:
    im = Image.linear_gradient("L").resize((64, 64))
    return im if mode == "L" else Image.merge("RGB", (im, im, im))


def test_grey_images_print_on_k_alone():
    for mode in ("L", "RGB"):  # a grey image, and a grey picture saved as RGB
        cmyk, conversion = to_cmyk(*normalise(_gradient(mode)), PROFILE, "FOGRA39")
        c, m, y, k = cmyk.split()
        assert conversion.kind == "grey on K" and "K only" in conversion.target
        assert c.getextrema() == m.getextrema() == y.getextrema() == (0, 0)
        assert k.getextrema()[1] > 200 and k.getextrema()[0] < 10


def test_grey_to_k_keeps_lightness_order():
    lut = grey_to_k(None, "L", str(PROFILE))
    assert lut[255] == 0 and lut[0] == 255, "paper stays paper, black is solid K"
    assert all(a >= b for a, b in itertools.pairwise(lut)), "lighter grey, less K"
    assert 60 < lut[128] < 200


def test_colour_images_are_converted_and_said_so():
    im = Image.new("RGB", (32, 32), (200, 40, 30))
    cmyk, conversion = to_cmyk(im, None, PROFILE, "FOGRA39")
    assert cmyk.mode == "CMYK" and conversion.kind == "converted"
    assert conversion.source == "RGB, no profile, taken as sRGB"
    assert conversion.intent == "relative colorimetric, black-point compensation"


def test_untagged_cmyk_taken_as_the_output_condition_and_listed(mini_copy, tmp_path):
    stripes = mini_copy.parent / "images" / "stripes.jpg"
    with Image.open(stripes) as im:
        Image.merge("CMYK", (*im.convert("RGB").split(), Image.new("L", im.size, 20))).save(stripes, quality=95)
    result = render(load_issue(mini_copy))
    (placed,) = [im for im in result.images if im.visual_id == "stripes"]
    assert placed.conversion.kind == "untagged CMYK" and "taken as FOGRA39" in placed.conversion.source
    assert any("visual 'stripes'" in w and "CMYK without a profile" in w for w in result.warnings)


def test_job_ticket_lists_every_conversion(mini_copy, tmp_path):
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["build", str(mini_copy), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "colour: 2 converted" in result.output
    images = json.loads((out / "mini.job.json").read_text(encoding="utf-8"))["images"]
    assert {i["visual"] for i in images} == {"stripes", "disc"}
    for entry in images:
        assert entry["target"].startswith("CMYK FOGRA39") and entry["ink_limit"] == 300
        assert entry["source"] and entry["intent"] and 0 < entry["max_ink"] <= 300


def test_no_small_reversed_type(mini_build):
    """The pictogram's "IA" is drawn as vectors: no white type under 6 pt anywhere."""
    from pypdf import PdfReader

    for page in PdfReader(mini_build.output).pages:
        scan = scan_page(page)
        assert not [t for t in scan.texts if is_white(t.colour) and t.size < 6]


def test_cached_image_keeps_its_conversion(mini_issue, tmp_path):
    first = render(mini_issue, cache_dir=tmp_path / "c", use_cache=False)
    again = render(mini_issue, cache_dir=tmp_path / "c", use_cache=False)
    assert again.cache_misses == 0
    assert [im.conversion for im in again.images] == [im.conversion for im in first.images]
    assert all(im.conversion is not None for im in again.images)


def test_decoded_k_only_jpeg_stays_k_only():
    cmyk, _ = to_cmyk(*normalise(_gradient("L")), PROFILE, "FOGRA39")
    buf = io.BytesIO()
    cmyk.save(buf, "JPEG", quality=88)
    c, m, y, _k = Image.open(buf).split()
    assert c.getextrema()[1] <= 1 and m.getextrema()[1] <= 1 and y.getextrema()[1] <= 1


def test_grey_found_at_full_size_after_the_reduced_look():
    """The 8 × 8 look only tells colour apart: one coloured pixel in a grey picture still counts, and a
    grey picture within the tolerance stays grey."""
    grey = _gradient("RGB").resize((101, 67))
    assert is_grey(grey)
    speck = grey.copy()
    speck.putpixel((50, 30), (200, 120, 120))  # averaged away in its 8 × 8 block, seen at full size
    assert not is_grey(speck)
    near = Image.merge(
        "RGB", (grey.getchannel("R"), grey.getchannel("G").point(lambda v: min(255, v + 2)), grey.getchannel("B"))
    )
    assert is_grey(near) and not is_grey(near, tolerance=1)
    assert not is_grey(Image.new("RGB", (64, 64), (200, 40, 30)))

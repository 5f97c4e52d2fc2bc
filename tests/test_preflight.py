"""The preflight flags deliberately broken PDFs, each with a clear message, and passes our own."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from PIL import Image
from reportlab.lib.colors import CMYKColor
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from typer.testing import CliRunner

from ials_print import kit
from ials_print.cli import app
from ials_print.images.ink import InkLedger
from ials_print.output.pdfx import DocumentInfo, OutputIntent, finish_pdfx
from ials_print.preflight.checks import preflight

ROOT = Path(__file__).resolve().parent.parent
MM = 72 / 25.4
FONT = kit.FONTS / "NotoSans-Regular.ttf"
PROFILE = kit.PROFILE
W, H, B = 210 * MM, 297 * MM, 3 * MM


def make_pdf(path: Path, draw, *, boxes: bool = True, pdfx: bool = True, pages: int = 2) -> Path:
    """A small PDF with a good structure, broken only by what ``draw`` does."""
    if "T" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("T", str(FONT)))
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=(W + 2 * B, H + 2 * B), invariant=1, initialFontName="T")
    for n in range(pages):
        if boxes:
            c.setTrimBox((B, B, B + W, B + H))
            c.setBleedBox((0, 0, W + 2 * B, H + 2 * B))
        c.setFillColor(CMYKColor(0, 0, 0, 1))
        c.setFont("T", 10)
        c.drawString(30 * MM, 250 * MM, "Bonjour")
        if n == 0:
            draw(c)
        c.showPage()
    c.save()
    data = buf.getvalue()
    if pdfx:
        info = DocumentInfo("Test", "ials", "test", __import__("datetime").datetime(2026, 1, 1))
        data = finish_pdfx(data, info, OutputIntent("FOGRA39", "Coated FOGRA39", "http://www.color.org", PROFILE))
    path.write_bytes(data)
    return path


def image_file(tmp: Path, mode: str, size: tuple[int, int], colour) -> str:
    p = tmp / f"img-{mode}-{size[0]}.jpg"
    Image.new(mode, size, colour).save(p, quality=90)
    return str(p)


def messages(report) -> str:
    return "\n".join(str(f) for f in report.errors)


def test_clean_file_passes(tmp_path):
    report = preflight(make_pdf(tmp_path / "ok.pdf", lambda c: None))
    assert report.errors == [], messages(report)


def test_rgb_image(tmp_path):
    img = image_file(tmp_path, "RGB", (900, 900), (200, 30, 30))
    report = preflight(make_pdf(tmp_path / "rgb.pdf", lambda c: c.drawImage(img, 20 * MM, 20 * MM, 60 * MM, 60 * MM)))
    assert "DeviceRGB used (image" in messages(report)


def test_low_resolution_image(tmp_path):
    img = image_file(tmp_path, "CMYK", (354, 354), (0, 100, 100, 0))  # 60 mm wide → 150 ppi
    report = preflight(
        make_pdf(tmp_path / "lowres.pdf", lambda c: c.drawImage(img, 20 * MM, 20 * MM, 60 * MM, 60 * MM))
    )
    assert "is 150 ppi at its placed size (225 ppi minimum)" in messages(report)


def test_250_ppi_is_a_warning(tmp_path):
    img = image_file(tmp_path, "CMYK", (591, 591), (0, 100, 100, 0))  # 60 mm → 250 ppi
    report = preflight(make_pdf(tmp_path / "mid.pdf", lambda c: c.drawImage(img, 20 * MM, 20 * MM, 60 * MM, 60 * MM)))
    assert not report.errors
    assert any("250 ppi" in str(w) for w in report.warnings)


def test_unembedded_font(tmp_path):
    def draw(c):
        c.setFont("Helvetica", 12)
        c.drawString(30 * MM, 200 * MM, "Helvetica n'est pas incorporée")

    report = preflight(make_pdf(tmp_path / "font.pdf", draw))
    assert "font Helvetica is not embedded" in messages(report)


def test_no_trim_box(tmp_path):
    report = preflight(make_pdf(tmp_path / "notrim.pdf", lambda c: None, boxes=False))
    assert "[boxes] page 1: no TrimBox" in messages(report)


def test_ink_over_300(tmp_path):
    def draw(c):
        c.setFillColor(CMYKColor(1, 1, 1, 0.4))  # 340 %
        c.rect(20 * MM, 20 * MM, 100 * MM, 100 * MM, stroke=0, fill=1)

    report = preflight(make_pdf(tmp_path / "ink.pdf", draw))
    assert "total ink coverage reaches 340.0 % in a painted colour" in messages(report)


def test_small_rich_black_text(tmp_path):
    def draw(c):
        c.setFillColor(CMYKColor(0.6, 0.4, 0.4, 1))
        c.setFont("T", 6)
        c.drawString(30 * MM, 100 * MM, "Texte en noir riche")

    report = preflight(make_pdf(tmp_path / "rich.pdf", draw))
    assert "under 9 pt not in pure K, e.g. 6.0 pt in cmyk 60/40/40/100" in messages(report)


def test_hairline(tmp_path):
    def draw(c):
        c.setLineWidth(0.1)
        c.line(20 * MM, 20 * MM, 100 * MM, 20 * MM)

    report = preflight(make_pdf(tmp_path / "thin.pdf", draw))
    assert "thinner than 0.25 pt" in messages(report)


def test_not_pdfx_and_odd_pages(tmp_path):
    report = preflight(make_pdf(tmp_path / "plain.pdf", lambda c: None, pdfx=False, pages=3))
    text = messages(report)
    assert "/OutputIntents" in text and "GTS_PDFXVersion" in text
    assert "3 pages; the page count must be even" in text


def test_not_a_pdf(tmp_path):
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"hello")
    report = preflight(bad)
    assert "not a readable PDF" in messages(report)


def test_cli_json_and_exit_codes(tmp_path):
    runner = CliRunner()
    ok = make_pdf(tmp_path / "ok.pdf", lambda c: None)
    result = runner.invoke(app, ["preflight", str(ok), "--json"])
    assert result.exit_code == 0
    assert json.loads(result.output)["passed"] is True
    broken = make_pdf(tmp_path / "notrim.pdf", lambda c: None, boxes=False)
    result = runner.invoke(app, ["preflight", str(broken)])
    assert result.exit_code == 1
    assert "no TrimBox" in result.output
    assert runner.invoke(app, ["preflight", str(tmp_path / "missing.pdf")]).exit_code == 2


@pytest.mark.parametrize("binding,pages,ok", [("saddle_stitch", 6, False), ("saddle_stitch", 8, True)])
def test_saddle_stitch_page_count(tmp_path, binding, pages, ok):
    report = preflight(make_pdf(tmp_path / "s.pdf", lambda c: None, pages=pages), binding)
    assert (not any(f.check == "pages" for f in report.errors)) is ok


def test_ink_measured_on_every_pixel_of_the_image(tmp_path):
    """Ink is read from the paints and the CMYK images' own pixels, not from a rendering; one pixel counts."""
    from PIL import Image as PILImage

    im = PILImage.new("CMYK", (900, 900), (0, 0, 0, 0))
    im.putpixel((450, 450), (255, 255, 255, 100))  # one pixel at 100+100+100+39 %
    img = tmp_path / "one-pixel.tif"
    im.save(img)

    def draw(c):
        c.drawImage(str(img), 20 * MM, 20 * MM, 60 * MM, 60 * MM)

    report = preflight(make_pdf(tmp_path / "ink-img.pdf", draw), ledger=InkLedger(tmp_path / "ledger"))
    assert report.ink_method.startswith("every image pixel at its own resolution")
    assert "total ink coverage reaches 339.2 % in image" in messages(report)
    assert report.ink[0] == pytest.approx(339.2, abs=0.1)


def test_inline_rgb_image_is_seen(tmp_path, monkeypatch):
    from PIL import Image as PILImage
    from reportlab import rl_config

    monkeypatch.setattr(rl_config, "useA85", 1)  # ReportLab writes inline images only ASCII85-encoded

    img = PILImage.new("RGB", (40, 40), (200, 30, 30))
    report = preflight(
        make_pdf(tmp_path / "inline.pdf", lambda c: c.drawInlineImage(img, 20 * MM, 20 * MM, 60 * MM, 60 * MM))
    )
    text = messages(report)
    assert "DeviceRGB used" in text and "inline image" in text and "ppi at its placed size" in text


def test_malformed_operator_does_not_stop_the_check(tmp_path):
    path = make_pdf(tmp_path / "bad-op.pdf", lambda c: c._code.append("BT /F1 Tf ET 1 0 0 1 cm"))
    report = preflight(path)
    assert not any("not a readable PDF" in str(f) for f in report.findings)
    assert not [f for f in report.errors if "could not be checked" in f.message]


def test_ink_of_a_flate_cmyk_image(tmp_path):
    from PIL import Image as PILImage
    from reportlab.lib.utils import ImageReader

    img = PILImage.new("CMYK", (600, 600), (255, 255, 255, 255))  # 400 %, embedded losslessly (Flate)

    def draw(c):
        c.drawImage(ImageReader(img), 20 * MM, 20 * MM, 50 * MM, 50 * MM)

    report = preflight(make_pdf(tmp_path / "flate.pdf", draw), ledger=InkLedger(tmp_path / "ledger"))
    assert "total ink coverage reaches 400.0 %" in messages(report)


def test_ink_ledger_reads_back_what_it_measured(tmp_path):
    """A second preflight of the same images reads the ledger instead of decoding them again."""
    img = image_file(tmp_path, "CMYK", (400, 400), (200, 200, 200, 100))

    def draw(c):
        c.drawImage(img, 20 * MM, 20 * MM, 60 * MM, 60 * MM)

    pdf = make_pdf(tmp_path / "twice.pdf", draw)
    first, second = InkLedger(tmp_path / "ledger"), InkLedger(tmp_path / "ledger")
    a, b = preflight(pdf, ledger=first), preflight(pdf, ledger=second)
    assert (first.measured, first.known, second.measured, second.known) == (1, 0, 0, 1)
    assert a.ink == b.ink and a.ink[0] == pytest.approx(274.5, abs=1.0)

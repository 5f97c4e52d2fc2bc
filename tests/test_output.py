"""Final PDF/X-4, proofs, spreads, flatplan, job ticket, reproducibility, image cache."""

from __future__ import annotations

import hashlib
import io
import json

import pytest
from pypdf import PdfReader
from typer.testing import CliRunner

from ials_print import kit
from ials_print.cli import app
from ials_print.layout.geometry import MM
from ials_print.output.build import render
from ials_print.output.modes import final_mode, proof_mode
from ials_print.preflight.checks import preflight
from tests.conftest import page_texts

PROFILE = kit.PROFILE
runner = CliRunner()


def test_final_is_pdfx4(mini_build):
    reader = PdfReader(mini_build.output)
    assert reader.pdf_header == "%PDF-1.6"
    root = reader.trailer["/Root"]
    (intent,) = root["/OutputIntents"]
    intent = intent.get_object()
    assert intent["/S"] == "/GTS_PDFX" and intent["/OutputConditionIdentifier"] == "FOGRA39"
    assert intent["/DestOutputProfile"].get_object().get_data() == PROFILE.read_bytes()
    info = reader.trailer["/Info"]
    assert info["/Trapped"] == "/False" and type(info["/Trapped"]).__name__ == "NameObject"
    assert info["/GTS_PDFXVersion"] == "PDF/X-4"
    xmp = root["/Metadata"].get_object().get_data().decode()
    assert "<pdfxid:GTS_PDFXVersion>PDF/X-4</pdfxid:GTS_PDFXVersion>" in xmp
    assert "/ID" in reader.trailer


def test_final_passes_own_preflight(mini_build, real_build):
    for result in (mini_build, real_build[1]):
        report = preflight(result.output)
        assert report.errors == [], "\n".join(map(str, report.errors))


def test_images_are_cmyk_and_sharp_enough(real_build):
    _, result = real_build
    reader = PdfReader(result.output)
    seen = 0
    for page in reader.pages:
        for obj in (page["/Resources"].get("/XObject") or {}).values():
            obj = obj.get_object()
            if obj["/Subtype"] == "/Image":
                assert obj["/ColorSpace"] == "/DeviceCMYK"
                seen += 1
    assert seen == len(result.images) > 0
    for im in result.images:
        assert im.out_ppi >= 299.5 and im.out_ppi <= 451, im


def test_reproducible(mini_issue, tmp_path):
    mode = final_mode(PROFILE)
    a = render(mini_issue, mode=mode).pdf
    b = render(mini_issue, mode=mode).pdf
    assert hashlib.sha256(a).digest() == hashlib.sha256(b).digest()


def test_image_cache_warm_second_time(mini_issue, tmp_path):
    mode = final_mode(PROFILE)
    render(mini_issue, mode=mode, cache_dir=tmp_path / "c", use_cache=False)  # the sections laid out anew
    warm = render(mini_issue, mode=mode, cache_dir=tmp_path / "c", use_cache=False)
    assert warm.cache_misses == 0 and warm.cache_hits == len(warm.images) > 0


def test_marks_outside_the_bleed(mini_issue):
    result = render(mini_issue, mode=final_mode(PROFILE, marks=True))
    page = PdfReader(io.BytesIO(result.pdf)).pages[0]
    media, trim, bleed = page.mediabox, page.trimbox, page.bleedbox
    assert float(trim.width) == pytest.approx(210 * MM) and float(bleed.left) == pytest.approx(
        float(trim.left) - 3 * MM
    )
    assert float(media.width) > float(bleed.width) + 10 * MM
    from ials_print.preflight.scan import scan_page

    assert "sep:/All" in scan_page(page).colour_spaces  # registration colour


def test_proof_is_rgb_with_slug(mini_issue, tmp_path):
    from ials_print.output.build import ProofStamp

    result = render(mini_issue, mode=proof_mode(), stamp=ProofStamp(7, "2026-11-26 10:00"))
    path = tmp_path / "proof.pdf"
    path.write_bytes(result.pdf)
    texts = page_texts(path)
    assert "épreuve n°7" in texts[0] and "ÉPREUVE" in texts[0]
    assert all(im.out_ppi <= 131 for im in result.images)
    reader = PdfReader(path)
    xobjects = [o.get_object() for p in reader.pages for o in (p["/Resources"].get("/XObject") or {}).values()]
    assert {o["/ColorSpace"] for o in xobjects if o["/Subtype"] == "/Image"} == {"/DeviceRGB"}
    assert {o["/Subtype"] for o in xobjects} == {"/Image", "/Form"}  # the slug line: a form laid over each page
    assert len(result.pdf) < 0.5 * len(render(mini_issue, mode=final_mode(PROFILE)).pdf)


def test_cli_build_proof_spreads_flatplan(mini_copy, tmp_path):
    out = tmp_path / "out"
    result = runner.invoke(app, ["build", str(mini_copy), "--out", str(out)])
    assert result.exit_code == 0, result.output
    ticket = json.loads((out / "mini.job.json").read_text())
    assert ticket["sha256"] == hashlib.sha256((out / "mini.pdf").read_bytes()).hexdigest()
    assert ticket["pages"] == 4 and ticket["trim_mm"] == [210, 297] and ticket["bleed_mm"] == 3
    assert ticket["output_condition"]["identifier"] == "FOGRA39"

    result = runner.invoke(app, ["proof", str(mini_copy), "--out", str(out), "--spreads"])
    assert result.exit_code == 0, result.output
    spreads = PdfReader(out / "mini-proof-spreads.pdf")
    assert len(spreads.pages) == 3  # 1 | 2–3 | 4
    assert float(spreads.pages[1].mediabox.width) == pytest.approx(2 * 210 * MM)
    assert "pages 2–3 · épreuve n°1" in page_texts(out / "mini-proof-spreads.pdf")[1]
    again = runner.invoke(app, ["proof", str(mini_copy), "--out", str(out)])
    assert "proof n°2" in again.output

    result = runner.invoke(app, ["flatplan", str(mini_copy), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert (out / "mini-flatplan.png").stat().st_size > 10_000
    assert PdfReader(out / "mini-flatplan.pdf").pages


def test_flatplan_flags_problems(mini_copy, tmp_path):
    from PIL import Image

    from ials_print.manifest.load import load_issue
    from ials_print.output.build import render
    from ials_print.output.flatplan import page_problems

    edito = mini_copy.parent / "texts" / "edito.md"
    edito.write_text(edito.read_text(encoding="utf-8") + "\n\n" + "Trop de texte. " * 900, encoding="utf-8")
    Image.new("RGB", (300, 400), (200, 30, 30)).save(mini_copy.parent / "images" / "stripes.jpg")
    issue = load_issue(mini_copy)
    result = render(issue)
    pdf = tmp_path / "x.pdf"
    pdf.write_bytes(result.pdf)
    problems = page_problems(issue, result, pdf)
    assert "overset" in problems[3]
    assert any("stripes" in p and "ppi" in p for p in problems[1])  # 300 px over a column
    assert any("preflight" in p for p in problems[1])

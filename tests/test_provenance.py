"""AI transparency: pictograms derived from what each page prints, file metadata, XMP labels, report."""

from __future__ import annotations

import io
import json
import re

import pypdfium2 as pdfium
import pytest
from PIL import Image, PngImagePlugin
from pypdf import PdfReader
from typer.testing import CliRunner

from ials_print.cli import app
from ials_print.errors import InputError
from ials_print.layout.geometry import MM
from ials_print.manifest.load import load_issue
from ials_print.output.build import render
from ials_print.provenance.filemeta import read_file_provenance, xmp_with_source_type
from ials_print.provenance.labels import LABELS
from ials_print.provenance.report import provenance_report
from tests.conftest import page_texts

runner = CliRunner()


def page_xmp_labels(pdf: bytes) -> list[str]:
    reader = PdfReader(io.BytesIO(pdf))
    out = []
    for page in reader.pages:
        data = page["/Metadata"].get_object().get_data().decode()
        out.append(re.search(r"<aiprov:Pictogram>([^<]+)</aiprov:Pictogram>", data).group(1))
    return out


def printed_pictograms(pdf: bytes) -> list[list[str]]:
    doc = pdfium.PdfDocument(pdf)
    out = []
    for page in doc:
        left, _bottom, right, top = page.get_trimbox()
        strip = page.get_textpage().get_text_bounded(left, top - 14 * MM, right, top)
        out.append([label for label in LABELS.values() if label in strip])
    doc.close()
    return out


# -- what files say -------------------------------------------------------------------------------
def test_reads_iptc_xmp_in_jpeg(tmp_path):
    path = tmp_path / "a.jpg"
    Image.new("RGB", (32, 32)).save(path, xmp=xmp_with_source_type("trainedAlgorithmicMedia", "Midjourney v6"))
    claim = read_file_provenance(path)
    assert (claim.kind, claim.source_type, claim.tool) == ("ia", "trainedAlgorithmicMedia", "Midjourney v6")


def test_reads_iptc_xmp_in_png(tmp_path):
    info = PngImagePlugin.PngInfo()
    info.add_itxt("XML:com.adobe.xmp", xmp_with_source_type("compositeWithTrainedAlgorithmicMedia").decode())
    path = tmp_path / "b.png"
    Image.new("RGB", (32, 32)).save(path, pnginfo=info)
    assert read_file_provenance(path).kind == "mixte"


def test_reads_generator_png_chunks(tmp_path):
    info = PngImagePlugin.PngInfo()
    info.add_text("parameters", "a red dress\nSteps: 30, Sampler: DPM++, Model: sd_xl_base_1.0")
    path = tmp_path / "c.png"
    Image.new("RGB", (32, 32)).save(path, pnginfo=info)
    claim = read_file_provenance(path)
    assert claim.kind == "ia" and "sd_xl_base_1.0" in claim.tool and "parameters" in claim.evidence


def test_forged_c2pa_bytes_are_not_evidence(tmp_path):
    """A caBX chunk holding a source-type string but no real manifest: read as malformed, proves nothing."""
    path = tmp_path / "d.png"
    Image.new("RGB", (32, 32)).save(path)
    data = path.read_bytes()
    chunk = b"caBX" + b"jumb c2pa manifest ... http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia"
    path.write_bytes(data[:-12] + len(chunk[4:]).to_bytes(4, "big") + chunk + b"\0\0\0\0" + data[-12:])
    claim = read_file_provenance(path)
    assert claim.c2pa and claim.kind is None
    assert claim.c2pa_manifest.state == "malformed" and claim.evidence.startswith("C2PA manifest (malformed: ")


def test_words_that_are_not_generators(tmp_path):
    info = PngImagePlugin.PngInfo()
    info.add_text("Description", "Portrait de Leonardo DiCaprio, print")
    info.add_text("Software", "Imagenomic Portraiture")
    path = tmp_path / "f.png"
    Image.new("RGB", (32, 32)).save(path, pnginfo=info)
    assert read_file_provenance(path).kind is None


def test_silent_file(tmp_path):
    path = tmp_path / "e.jpg"
    Image.new("RGB", (32, 32)).save(path)
    assert read_file_provenance(path).kind is None


# -- file against manifest ----------------------------------------------------------------------
def test_disagreement_stops_the_build_until_resolved(mini_copy):
    stripes = mini_copy.parent / "images" / "stripes.jpg"
    with Image.open(stripes) as im:
        im.save(stripes, quality=85, xmp=xmp_with_source_type("digitalCapture"))
    with pytest.raises(InputError) as exc:
        load_issue(mini_copy)
    (line,) = [str(p) for p in exc.value.problems]
    assert "the file says 'humain' (IPTC DigitalSourceType digitalCapture (XMP)) but the manifest says 'ia'" in line
    result = runner.invoke(app, ["build", str(mini_copy), "--out", str(mini_copy.parent / "out")])
    assert result.exit_code == 2
    text = mini_copy.read_text(encoding="utf-8").replace(
        "provenance: ia, tool: Midjourney v6",
        'provenance: ia, tool: Midjourney v6, file_provenance_reason: "the photo was '
        'replaced by a Midjourney render; the XMP is stale"',
    )
    mini_copy.write_text(text, encoding="utf-8")
    load_issue(mini_copy)


# -- pictograms derived from the page ------------------------------------------------------------
@pytest.fixture
def crafted(mini_copy):
    """Mini issue where page 2 holds only an AI visual, page 3 human text, page 4 furniture only,
    and page 1 text with an AI visual; plus an override on the edito."""
    text = mini_copy.read_text(encoding="utf-8")
    text = text.replace(
        'caption: "Un disque", credit: "Photo test", provenance: humain,\n         place: {area: top-half, page: 2}',
        "provenance: ia, tool: DALL-E 3,\n         place: {area: full-page, page: 2}",
    )
    text = text.replace(
        "layout: placeholder, first_page: 4, pages: 1, provenance: ia}",
        "layout: placeholder, first_page: 4, pages: 1, provenance: humain}",
    )
    mini_copy.write_text(text, encoding="utf-8")
    return mini_copy


def test_rule_on_crafted_pages(crafted):
    issue = load_issue(crafted)
    result = render(issue)
    kinds = {p.folio: p.pictogram for p in result.pages}
    assert kinds == {1: "mixte", 2: "ia", 3: "humain", 4: "humain"}
    reasons = {p.folio: p.provenance.reason for p in result.pages}
    assert reasons[2].startswith("every element is AI-generated: disc (ia)")
    assert reasons[4].startswith("furniture only")
    # The pictogram printed, the page's XMP label and the report agree.
    printed = printed_pictograms(result.pdf)
    labels = page_xmp_labels(result.pdf)
    report = provenance_report(issue, result)
    for n, plan in enumerate(result.pages):
        assert printed[n] == [LABELS[plan.pictogram]] == [labels[n]] == [report["pages"][n]["pictogram"]]
    (disc,) = [v for v in report["visuals"] if v["id"] == "disc"]
    assert disc["pages"] == [2] and disc["tool"] == "DALL-E 3" and disc["credit"] == "Visuel DALL-E 3"


def test_override_with_reason(crafted):
    text = crafted.read_text(encoding="utf-8").replace(
        "    text: texts/edito.md\n",
        '    text: texts/edito.md\n    pictograms: [{page: 1, kind: mixte, reason: "the editorial was drafted with an AI assistant"}]\n',
    )
    crafted.write_text(text, encoding="utf-8")
    issue = load_issue(crafted)
    result = render(issue)
    page3 = result.pages[2]
    assert page3.pictogram == "mixte" and "set by hand: the editorial was drafted" in page3.provenance.reason
    assert page_xmp_labels(result.pdf)[2] == "IA / Humain"
    assert provenance_report(issue, result)["pages"][2]["override"] is True


def test_override_needs_a_reason(crafted):
    text = crafted.read_text(encoding="utf-8").replace(
        "    text: texts/edito.md\n", "    text: texts/edito.md\n    pictograms: [{page: 1, kind: ia}]\n"
    )
    crafted.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as exc:
        load_issue(crafted)
    assert "missing required key 'reason'" in str(exc.value)


def test_credit_written_from_provenance(crafted):
    result = render(load_issue(crafted))
    out = crafted.parent / "x.pdf"
    out.write_bytes(result.pdf)
    assert "Visuel DALL-E 3" in page_texts(out)[1]


# -- the cover notice follows from the content ---------------------------------------------------
def test_cover_notice_follows_content(tmp_path):
    from tests.conftest import ROOT, copy_fixture

    manifest = copy_fixture(ROOT / "tests" / "fixtures" / "kinds" / "kinds.yaml", tmp_path / "kinds")
    text = manifest.read_text(encoding="utf-8")
    pdf = tmp_path / "a.pdf"
    pdf.write_bytes(render(load_issue(manifest)).pdf)
    assert "GÉNÉRÉS PAR IA" in page_texts(pdf)[0]
    manifest.write_text(
        re.sub(r"provenance: (ia|mixte)", "provenance: humain", text)
        .replace(", tool: Midjourney v6", "")
        .replace(", tool: Midjourney", "")
        .replace(", tool: Leonardo", ""),
        encoding="utf-8",
    )
    pdf.write_bytes(render(load_issue(manifest)).pdf)
    assert "GÉNÉRÉS PAR IA" not in page_texts(pdf)[0]


# -- the whole issue ---------------------------------------------------------------------------
def test_real_issue_labels(real_build):
    _, result = real_build
    pdf = result.output.read_bytes()
    labels = page_xmp_labels(pdf)
    assert labels == [LABELS[p.pictogram] for p in result.pages]
    by_section = {}
    for p in result.pages:
        by_section.setdefault(p.section_id, set()).add(p.pictogram)
    for section in ("mode-rouge", "mode-monarchie", "mode-leopard", "mode-mob-wife", "mode-neo-organique"):
        assert "humain" not in by_section[section], f"{section} labelled 100% Humain"
    assert by_section["edito"] == {"humain"}
    xmp = PdfReader(result.output).trailer["/Root"]["/Metadata"].get_object().get_data().decode()
    assert f"<aiprov:PagesIA>{sum(p.pictogram == 'ia' for p in result.pages)}</aiprov:PagesIA>" in xmp


def test_cli_provenance_lists_every_visual(mini_copy):
    result = runner.invoke(app, ["provenance", str(mini_copy), "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert {v["id"] for v in report["visuals"]} == {"stripes", "disc"}
    stripes = next(v for v in report["visuals"] if v["id"] == "stripes")
    assert stripes["tool"] == "Midjourney v6" and stripes["pages"] == [1]
    assert sum(t["pages"] for t in report["totals"].values()) == 4
    table = runner.invoke(app, ["provenance", str(mini_copy)])
    assert table.exit_code == 0 and "stripes" in table.output and "Totals" in table.output

"""C2PA manifests read and validated with the C2PA SDK: images signed at test time with throw-away
credentials (tests/c2pa_signing.py), then tampered with or broken."""

from __future__ import annotations

import io
import json
import re
import shutil
import sys
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader
from typer.testing import CliRunner

from ials_print.cli import app
from ials_print.errors import InputError
from ials_print.manifest.load import load_issue
from ials_print.output.build import render
from ials_print.provenance.c2pa_read import read_c2pa
from ials_print.provenance.filemeta import read_file_provenance, xmp_with_source_type
from ials_print.provenance.report import provenance_report
from tests.c2pa_signing import Credentials, break_manifest, tamper

runner = CliRunner()


@pytest.fixture(scope="module")
def creds() -> Credentials:
    return Credentials.make()


@pytest.fixture
def look(tmp_path: Path) -> Path:
    path = tmp_path / "look.jpg"
    Image.new("RGB", (96, 64), (180, 40, 60)).save(path, quality=90)
    return path


# -- the manifest, read and validated -------------------------------------------------------------
def test_signed_manifest_read_in_full(creds, look, tmp_path):
    parent = tmp_path / "sketch.png"
    Image.new("RGB", (32, 32), (10, 10, 10)).save(parent)
    creds.sign(look, "trainedAlgorithmicMedia", agent="Midjourney v6", ingredient=parent)
    m = read_c2pa(look)
    assert m.state == "untrusted" and m.is_evidence  # intact, but no trust anchor names the test CA
    assert m.claim_generator == "ials-print tests 1.0"
    assert [(a.action, a.source_type, a.agent) for a in m.actions] == [
        ("c2pa.created", "trainedAlgorithmicMedia", "Midjourney v6")
    ]
    assert m.ingredients == ("sketch.png",)
    assert m.signer == "IALS test signer, IALS tests" and m.alg == "Es256"
    assert read_c2pa(look, creds.ca_pem.decode()).state == "valid"
    assert read_c2pa(look, Credentials.make().ca_pem.decode()).state == "untrusted"  # another CA


def test_no_manifest(look):
    assert read_c2pa(look) is None
    assert read_file_provenance(look).c2pa_manifest is None


def test_tampered_manifest_reported_and_not_evidence(creds, look):
    creds.sign(look, "trainedAlgorithmicMedia")
    tamper(look)
    claim = read_file_provenance(look, creds.ca_pem.decode())
    assert claim.c2pa_manifest.state == "tampered"
    assert "assertion.dataHash.mismatch" in claim.c2pa_manifest.failures
    assert claim.kind is None and claim.source_type is None
    assert claim.evidence.startswith("C2PA manifest (tampered; signed by IALS test signer")


def test_malformed_manifest(creds, look):
    creds.sign(look, "trainedAlgorithmicMedia")
    break_manifest(look)
    claim = read_file_provenance(look)
    assert claim.c2pa_manifest.state == "malformed" and claim.kind is None
    assert "malformed" in claim.evidence


def test_manifest_before_xmp(creds, tmp_path):
    path = tmp_path / "x.jpg"
    Image.new("RGB", (64, 64)).save(path, xmp=xmp_with_source_type("digitalCapture"))
    creds.sign(path, "compositeWithTrainedAlgorithmicMedia", agent="Photoshop Generative Fill")
    claim = read_file_provenance(path)
    assert (claim.kind, claim.source_type, claim.tool) == (
        "mixte",
        "compositeWithTrainedAlgorithmicMedia",
        "Photoshop Generative Fill",
    )
    tamper(path)  # a broken manifest gives way to the XMP
    claim = read_file_provenance(path)
    assert claim.kind == "humain" and claim.c2pa_manifest.state == "tampered"


# -- against the issue's manifest -----------------------------------------------------------------
def _sign_disc(mini_copy: Path, creds: Credentials, anchors: bool = True) -> Path:
    disc = mini_copy.parent / "images" / "disc.png"  # the manifest says: provenance humain
    creds.sign(disc, "trainedAlgorithmicMedia", agent="DALL-E 3")
    if anchors:
        (mini_copy.parent / "anchors.pem").write_bytes(creds.ca_pem)
        text = mini_copy.read_text(encoding="utf-8").replace(
            "page_count: 4", "c2pa_trust_anchors: anchors.pem\npage_count: 4"
        )
        mini_copy.write_text(text, encoding="utf-8")
    return disc


def test_valid_manifest_disagreeing_stops_the_build(mini_copy, creds):
    _sign_disc(mini_copy, creds)
    with pytest.raises(InputError) as exc:
        load_issue(mini_copy)
    (line,) = [str(p) for p in exc.value.problems]
    assert re.match(
        r".*mini\.yaml:\d+:\d+: visual 'disc': the file says 'ia' \(C2PA manifest \(valid; signed by IALS test signer",
        line,
    )
    assert "declares trainedAlgorithmicMedia) but the manifest says 'humain'" in line
    result = runner.invoke(app, ["build", str(mini_copy), "--out", str(mini_copy.parent / "out")])
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert not (mini_copy.parent / "out" / "mini.pdf").exists()
    # A reason overrides, as for the other evidence.
    text = mini_copy.read_text(encoding="utf-8").replace(
        "provenance: humain,\n",
        'provenance: humain, file_provenance_reason: "photographed, then signed by mistake",\n',
        1,
    )
    mini_copy.write_text(text, encoding="utf-8")
    assert load_issue(mini_copy).file_provenance["disc"].c2pa_manifest.state == "valid"


def test_untrusted_signer_still_decides(mini_copy, creds):
    _sign_disc(mini_copy, creds, anchors=False)
    with pytest.raises(InputError) as exc:
        load_issue(mini_copy)
    assert "C2PA manifest (valid, untrusted signer; signed by IALS test signer" in str(exc.value)


def test_tampered_manifest_does_not_decide(mini_copy, creds):
    disc = _sign_disc(mini_copy, creds)
    tamper(disc)
    validated = runner.invoke(app, ["validate", str(mini_copy)])
    assert validated.exit_code == 0 and "warning: visual 'disc' (disc.png): C2PA manifest (tampered" in validated.output
    issue = load_issue(mini_copy)  # the broken manifest is no evidence: the build goes on
    result = render(issue)
    (warning,) = [w for w in result.warnings if "C2PA" in w]
    assert warning.startswith("visual 'disc' (disc.png): C2PA manifest (tampered; signed by IALS test signer")
    assert warning.endswith("assertion.dataHash.mismatch); not used as evidence")
    report = provenance_report(issue, result)
    (disc,) = [v for v in report["visuals"] if v["id"] == "disc"]
    assert disc["kind"] == "humain" and disc["c2pa"]["state"] == "tampered"
    assert disc["c2pa"]["actions"][0]["digital_source_type"] == "trainedAlgorithmicMedia"
    page = next(p for p in report["pages"] if any(e["id"] == "disc" for e in p["elements"]))
    (element,) = [e for e in page["elements"] if e["id"] == "disc"]
    assert element["c2pa"] == "tampered" and element["source_type"] == "digitalCapture"
    xmp = PdfReader(io.BytesIO(result.pdf)).pages[page["page"] - 1]["/Metadata"].get_object().get_data().decode()
    assert "<dc:identifier>disc</dc:identifier>" in xmp and "<aiprov:C2PA>tampered</aiprov:C2PA>" in xmp


def test_report_json_has_c2pa_per_visual(mini_copy, creds):
    stripes = mini_copy.parent / "images" / "stripes.jpg"  # the manifest says ia: they agree
    creds.sign(stripes, "trainedAlgorithmicMedia")
    result = runner.invoke(app, ["provenance", str(mini_copy), "--json"])
    assert result.exit_code == 0, result.output
    visuals = {v["id"]: v for v in json.loads(result.output)["visuals"]}
    c2pa = visuals["stripes"]["c2pa"]
    assert c2pa["state"] == "untrusted" and c2pa["claim_generator"] == "ials-print tests 1.0"
    assert c2pa["signer"] == "IALS test signer, IALS tests" and c2pa["failures"] == ["signingCredential.untrusted"]
    assert visuals["disc"]["c2pa"] is None


def test_trust_anchors_must_be_readable(mini_copy):
    text = mini_copy.read_text(encoding="utf-8").replace(
        "page_count: 4", "c2pa_trust_anchors: nowhere.pem\npage_count: 4"
    )
    mini_copy.write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["validate", str(mini_copy)])
    assert result.exit_code == 2
    assert re.search(r"mini\.yaml:\d+:\d+: cannot read the trust anchors 'nowhere.pem' \(No such file", result.output)
    shutil.copy(mini_copy, mini_copy.parent / "not-a-cert.pem")
    mini_copy.write_text(text.replace("nowhere.pem", "not-a-cert.pem"), encoding="utf-8")
    assert "expected PEM certificates, found none" in runner.invoke(app, ["validate", str(mini_copy)]).output


def test_without_the_sdk_nothing_is_evidence(creds, look, monkeypatch):
    creds.sign(look, "trainedAlgorithmicMedia")
    monkeypatch.setitem(sys.modules, "c2pa", None)  # as if its native library failed to load
    claim = read_file_provenance(look)
    assert claim.kind is None and claim.c2pa_manifest.state == "unverified"
    assert claim.evidence.startswith("C2PA manifest (not verified: the C2PA SDK (c2pa-python) cannot be loaded")

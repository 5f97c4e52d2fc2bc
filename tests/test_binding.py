"""Perfect binding: the cover spread (back + spine + front, inside covers) and the interior apart."""

from __future__ import annotations

import json
import os
import shutil
import subprocess

import pypdfium2 as pdfium
import pytest
from pypdf import PdfReader
from typer.testing import CliRunner

from ials_print.cli import app
from ials_print.layout.fonts import register_fonts
from ials_print.layout.geometry import MM
from ials_print.manifest.load import load_issue
from ials_print.output.binding import impose_cover, spine
from ials_print.output.build import ppi_policy
from ials_print.preflight.checks import preflight
from tests.conftest import ROOT, copy_fixture

KINDS = ROOT / "tests" / "fixtures" / "kinds" / "kinds.yaml"
runner = CliRunner()


def _kinds_with_paper(tmp_path, caliper: int = 1000):
    manifest = copy_fixture(KINDS, tmp_path / "kinds")
    text = manifest.read_text(encoding="utf-8")
    text = text.replace(
        "page_count: 6", f"format: {{binding: perfect, paper: {{interior_caliper_um: {caliper}}}}}\npage_count: 6"
    )
    manifest.write_text(text, encoding="utf-8")
    return manifest


def test_build_writes_cover_spread_and_interior(tmp_path):
    out = tmp_path / "out"
    manifest = _kinds_with_paper(tmp_path)
    result = runner.invoke(app, ["build", str(manifest), "--out", str(out), "--marks"])
    assert result.exit_code == 0, result.output
    cover, interior = out / "kinds-cover.pdf", out / "kinds-interior.pdf"
    ticket = json.loads((out / "kinds.job.json").read_text(encoding="utf-8"))
    spine_mm = 2 / 2 * 1000 / 1000  # interior pages / 2 × caliper: 1 mm
    assert ticket["spine"]["width_mm"] == pytest.approx(spine_mm) and ticket["spine"]["interior_pages"] == 2
    files = {f["file"]: f for f in ticket["files"]}
    assert files["kinds-cover.pdf"]["pages"] == 2 and files["kinds-interior.pdf"]["pages"] == 2
    assert files["kinds-interior.pdf"]["folios"] == "3–4" and files["kinds.pdf"]["pages"] == 6

    pages = PdfReader(cover).pages
    assert len(pages) == 2
    for page in pages:
        x0, y0, x1, y1 = (float(v) for v in page.trimbox)
        assert (x1 - x0) / MM == pytest.approx(2 * 210 + spine_mm, abs=0.01)
        assert (y1 - y0) / MM == pytest.approx(297, abs=0.01)
        bx0, by0, bx1, by1 = (float(v) for v in page.bleedbox)
        assert (x0 - bx0, y0 - by0, bx1 - x1, by1 - y1) == pytest.approx((3 * MM,) * 4, abs=0.01), "bleed all round"
    reader = PdfReader(interior)
    assert len(reader.pages) == 2 and reader.page_labels == ["3", "4"]
    for pdf in (cover, interior):
        report = preflight(pdf, "perfect", ppi=ppi_policy(load_issue(manifest)))  # the fixture's own policy
        assert not report.errors, [str(f) for f in report.errors]
        assert PdfReader(pdf).pdf_header == "%PDF-1.6"
    assert "kinds-cover.pdf, kinds-interior.pdf; spine 1 mm" in result.output


def test_nothing_of_a_cover_page_crosses_onto_the_spine(tmp_path):
    """The spine's middle column is paper: the back and front covers stop at their folds."""
    out = tmp_path / "out"
    assert runner.invoke(app, ["build", str(_kinds_with_paper(tmp_path)), "--out", str(out)]).exit_code == 0
    pdf = pdfium.PdfDocument(str(out / "kinds-cover.pdf"))
    scale = 300 / 72
    image = pdf[0].render(scale=scale).to_pil().convert("RGB")
    x = round((3 + 210 + 0.5) * MM * scale)  # bleed + back cover + half the spine
    column = [image.getpixel((x, y)) for y in range(image.height)]
    assert all(min(p) > 245 for p in column), "paper white down the spine"
    right = [image.getpixel((x + round(2 * MM * scale), y)) for y in range(image.height)]
    assert any(min(p) < 200 for p in right), "the front cover's visual reaches its fold"
    pdf.close()


@pytest.mark.skipif(shutil.which("qpdf") is None, reason="qpdf is not installed")
def test_qpdf_accepts_both_files(tmp_path):
    out = tmp_path / "out"
    assert runner.invoke(app, ["build", str(_kinds_with_paper(tmp_path)), "--out", str(out)]).exit_code == 0
    for name in ("kinds-cover.pdf", "kinds-interior.pdf"):
        proc = subprocess.run(["qpdf", "--check", str(out / name)], capture_output=True, text=True)
        assert proc.returncode == 0 and "No syntax or stream encoding errors" in proc.stdout, proc.stdout
        xref = subprocess.run(["qpdf", "--show-xref", str(out / name)], capture_output=True, text=True).stdout
        assert xref.count("0/0: free") <= 1


def test_spine_of_issue_3_carries_its_text(real_build):
    issue, result = real_build
    spec = spine(issue.manifest)
    assert spec.interior_pages == 114 and spec.width_mm == pytest.approx(114 / 2 * 80 / 1000)
    font = register_fonts(issue.manifest.fonts, issue.fonts_dir).name("sans", bold=True)
    raw, _, geo = impose_cover(result.pdf, issue.manifest, font, False)
    pdf = pdfium.PdfDocument(raw)
    text = pdf[0].get_textpage().get_text_range()
    assert "n°3 · juin 2024" in text and "Intelligence Artificielle La Suite" in text
    assert geo.spine / MM == pytest.approx(4.56)
    pdf.close()


def test_saddle_stitch_keeps_one_file(mini_copy, tmp_path):
    text = mini_copy.read_text(encoding="utf-8").replace("bleed: 3}", "bleed: 3, binding: saddle_stitch}")
    mini_copy.write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    assert runner.invoke(app, ["build", str(mini_copy), "--out", str(out)]).exit_code == 0
    assert sorted(p.name for p in out.glob("*.pdf")) == ["mini.pdf"]
    assert "files" not in json.loads((out / "mini.job.json").read_text(encoding="utf-8"))


def test_bad_cover_pages_are_bad_input(tmp_path):
    manifest = _kinds_with_paper(tmp_path)
    text = manifest.read_text(encoding="utf-8").replace("paper: {", "cover: {back: 9}, paper: {")
    manifest.write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["validate", str(manifest)])
    assert result.exit_code == 2 and "cover page 9 is not a page of the issue (1 to 6)" in result.output


def _build(manifest, out, jobs: int = 2):
    result = runner.invoke(app, ["build", str(manifest), "--out", str(out), "--marks", "--jobs", str(jobs)])
    lines = [line for line in result.output.splitlines() if not line.startswith("built:")]  # its time varies
    return result, lines


def _outputs(out):
    return {p.name: p.read_bytes() for p in sorted(out.iterdir())}


def test_the_interior_made_in_a_child_or_here_is_the_same(tmp_path, monkeypatch):
    """The interior is made and checked in a forked child while the issue is checked; with ``--jobs 1`` or
    where there is no fork, here: the same files, findings and job ticket either way."""
    from ials_print.output import forked, printer_files

    manifest = _kinds_with_paper(tmp_path)
    made_by = tmp_path / "made-by"
    real = printer_files._interior_checked

    def noted(*args):
        made_by.write_text(str(os.getpid()))
        return real(*args)

    monkeypatch.setattr(printer_files, "_interior_checked", noted)
    in_child, said_in_child = _build(manifest, tmp_path / "a")
    assert in_child.exit_code == 0, in_child.output
    assert made_by.read_text() != str(os.getpid())  # made in a child
    made_by.unlink()
    one, said_one = _build(manifest, tmp_path / "jobs-1", jobs=1)
    assert one.exit_code == 0, one.output
    assert not made_by.exists()  # --jobs 1: one process
    monkeypatch.setattr(forked, "can_fork", lambda: False)
    here, said_here = _build(manifest, tmp_path / "b")
    assert here.exit_code == 0, here.output
    assert not made_by.exists()  # no fork: made here
    assert said_in_child == said_here == said_one
    assert _outputs(tmp_path / "a") == _outputs(tmp_path / "b") == _outputs(tmp_path / "jobs-1")


def test_a_failing_child_leaves_the_work_to_the_build(tmp_path, monkeypatch):
    """The child fails (while checking the interior it wrote, or when sending it back): the interior is
    made again here, and nothing the child wrote is left behind."""
    import pickle

    from ials_print.output import forked, printer_files

    manifest = _kinds_with_paper(tmp_path)
    _, said = _build(manifest, tmp_path / "ref")
    parent = os.getpid()
    real_check, real_dumps = printer_files._check, pickle.dumps

    def check(*args):
        if os.getpid() != parent:
            raise MemoryError
        return real_check(*args)

    def dumps(*args, **kwargs):
        if os.getpid() != parent:
            raise OSError("the pipe broke")
        return real_dumps(*args, **kwargs)

    for module, name, failing in ((printer_files, "_check", check), (forked.pickle, "dumps", dumps)):
        with monkeypatch.context() as m:
            m.setattr(module, name, failing)
            again, said_again = _build(manifest, tmp_path / name)
        assert again.exit_code == 0, again.output
        assert said_again == said
        assert _outputs(tmp_path / name) == _outputs(tmp_path / "ref")  # no temporary file left either


def test_a_failing_build_discards_what_the_child_staged(tmp_path, monkeypatch):
    """The issue's own preflight fails while the child made the interior: the earlier outputs stay as they
    were and the child's staged file is removed."""
    from ials_print.output import printer_files

    manifest = _kinds_with_paper(tmp_path)
    out = tmp_path / "out"
    assert _build(manifest, out)[0].exit_code == 0
    before = _outputs(out)
    real = printer_files._check

    def breaks_on_the_issue(issue, readable, digest, prefix=""):
        if not prefix:  # the issue's own file
            raise RuntimeError("the preflight broke")
        return real(issue, readable, digest, prefix)

    monkeypatch.setattr(printer_files, "_check", breaks_on_the_issue)
    result = runner.invoke(app, ["build", str(manifest), "--out", str(out), "--marks"])
    assert result.exit_code != 0 and isinstance(result.exception, RuntimeError)
    assert _outputs(out) == before

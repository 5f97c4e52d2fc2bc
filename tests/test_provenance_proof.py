"""The provenance proof: every visual and text frame outlined in its kind's colour, read back from the PDF."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pypdfium2 as pdfium
from pypdf import PdfReader
from typer.testing import CliRunner

from ials_print.cli import app
from ials_print.manifest.load import load_issue
from ials_print.output.build import output_intent, render
from ials_print.output.modes import proof_mode
from ials_print.output.provenance_proof import COLOURS, text_frames
from ials_print.provenance.labels import LABELS
from tests.conftest import ROOT, copy_fixture

runner = CliRunner()
_NUM = r"(-?[\d.]+)"
_STROKE = re.compile(rf"{_NUM} {_NUM} {_NUM} {_NUM} K\n{_NUM} w\nn {_NUM} {_NUM} {_NUM} {_NUM} re S")


def kind_of(cmyk: tuple[float, ...]) -> str | None:
    for kind, colour in COLOURS.items():
        if all(abs(a - b) < 1e-3 for a, b in zip(cmyk, colour.cmyk(), strict=True)):
            return kind
    return None


def outlines(pdf: bytes) -> list[list[tuple[str | None, tuple[float, float, float, float]]]]:
    """Per page: each stroked rectangle's kind (by its colour) and its box (x, y, w, h)."""
    out = []
    for page in PdfReader(io.BytesIO(pdf)).pages:
        data = page.get_contents().get_data().decode("latin-1")
        out.append([(kind_of(tuple(map(float, m[0:4]))), tuple(map(float, m[5:9]))) for m in _STROKE.findall(data)])
    return out


def test_blocks_outlined_in_their_colour(tmp_path):
    manifest = copy_fixture(ROOT / "tests" / "fixtures" / "blocks" / "blocks.yaml", tmp_path / "issue")
    out = tmp_path / "out"
    result = runner.invoke(app, ["proof", str(manifest), "--provenance", "--out", str(out)])
    assert result.exit_code == 0, result.output
    pdf = (out / "blocks-proof-provenance.pdf").read_bytes()
    pages = outlines(pdf)
    kinds = [sorted({k for k, _ in page}) for page in pages]
    assert kinds[0] == kinds[1] == ["humain"]  # the journalists' pages
    assert kinds[2] == ["humain", "ia"]  # the page of the machine's box
    plan = render(load_issue(manifest)).pages[2]
    (box,) = [r for p, r in plan.text_marks if p is not None]
    (outline,) = [r for k, r in pages[2] if k == "ia"]
    assert abs(outline[0] - box.x) < 1 and abs(outline[1] - box.y) < 1 and abs(outline[2] - box.w) < 1.5
    doc = pdfium.PdfDocument(pdf)
    slug = doc[2].get_textpage().get_text_range()
    assert "Pictogramme : IA / Humain — AI and human work together: enquete (humain), resume-machine (ia)" in slug
    assert "resume-machine · ChatGPT (GPT-4o) · IA" in slug
    doc.close()


def test_every_placed_visual_and_text_frame_outlined(mini_copy):
    issue = load_issue(mini_copy)
    result = render(issue, mode=proof_mode(output_intent(issue).profile, provenance=True))
    visuals = {v.id: v for s in issue.manifest.sections for v in s.images}
    pages = outlines(result.pdf)
    for plan, strokes in zip(result.pages, pages, strict=True):
        frames = text_frames(plan)
        assert len(strokes) == len(frames) + len(plan.visual_marks), plan.folio
        for vid, _ in plan.visual_marks:
            assert any(k == visuals[vid].provenance for k, _ in strokes)
        section = issue.section(plan.section_id)
        for p, _ in frames:
            assert any(k == (p.kind if p else section.provenance) for k, _ in strokes)
    assert sum(len(p.visual_marks) for p in result.pages) == 2  # the flow figure and the area visual
    assert all(strokes for strokes, plan in zip(pages, result.pages, strict=True) if plan.has_content)


def test_plain_proof_has_no_outlines(mini_copy):
    issue = load_issue(mini_copy)
    result = render(issue, mode=proof_mode(output_intent(issue).profile))
    assert outlines(result.pdf) == [[] for _ in result.pages]


def test_proof_name(mini_copy: Path):
    out = mini_copy.parent / "out"
    result = runner.invoke(app, ["proof", str(mini_copy), "--provenance", "--section", "edito", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert (out / "mini-proof-provenance-edito.pdf").is_file()


def test_spreads_name_each_page_pictogram(mini_copy: Path):
    out = mini_copy.parent / "out"
    result = runner.invoke(app, ["proof", str(mini_copy), "--provenance", "--spreads", "--out", str(out)])
    assert result.exit_code == 0, result.output
    pictograms = {p.folio: p.pictogram for p in render(load_issue(mini_copy)).pages}
    doc = pdfium.PdfDocument(str(out / "mini-proof-provenance-spreads.pdf"))
    texts = [page.get_textpage().get_text_range() for page in doc]
    doc.close()
    assert f"p. 1 : {LABELS[pictograms[1]]}" in texts[0]
    assert f"p. 2 : {LABELS[pictograms[2]]}, p. 3 : {LABELS[pictograms[3]]}" in texts[1]

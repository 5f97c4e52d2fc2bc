"""The publication's identity is data: no magazine's name in the engine, running feet from the manifest."""

from __future__ import annotations

import re
from pathlib import Path

import pypdfium2 as pdfium
from typer.testing import CliRunner

from ials_print.cli import app
from ials_print.manifest.load import load_issue
from ials_print.output.build import build
from tests.conftest import ROOT

runner = CliRunner()
# The package's own names (ials_print, ials-print, IALS_PRINT_*, _ials_ attributes) are not titles.
OWN_NAMES = re.compile(r"ials[_-]print|IALS_PRINT\w*|_ials\w*", re.IGNORECASE)


def test_no_magazine_title_in_the_engine():
    found = []
    for path in sorted((ROOT / "ials_print").rglob("*.py")):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            rest = OWN_NAMES.sub("", line)
            if re.search(r"\bials\b|intelligence artificielle la suite", rest, re.IGNORECASE):
                found.append(f"{path.relative_to(ROOT)}:{n}: {line.strip()}")
    assert not found, "\n".join(found)


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_running_feet_and_slugs_print_the_publications_short_name(mini_copy, tmp_path):
    (mini_copy.parent / "publication.yaml").write_text(
        'name: "Carnets du Rhône, revue de la vallée"\nshort_name: Carnets\n', encoding="utf-8"
    )
    _edit(mini_copy, "issue: {", "publication: publication.yaml\nissue: {")
    issue = load_issue(mini_copy)
    assert issue.short_name == "Carnets"
    out = tmp_path / "mini.pdf"
    build(issue, out)
    text = "\n".join(p.get_textpage().get_text_range() for p in pdfium.PdfDocument(str(out)))
    assert "CARNETS N°99" in text.upper() and "IALS" not in text.upper().replace("IALS TEST", "")


def test_without_a_publication_the_short_name_is_the_title_before_its_dash(mini_copy):
    _edit(mini_copy, 'title: "IALS test"', 'title: "Carnets — revue de la vallée"')
    assert load_issue(mini_copy).short_name == "Carnets"


def test_a_broken_publication_file_is_one_located_line(mini_copy):
    (mini_copy.parent / "publication.yaml").write_text("name: Carnets\nshort_nme: C\n", encoding="utf-8")
    _edit(mini_copy, "issue: {", "publication: publication.yaml\nissue: {")
    result = runner.invoke(app, ["validate", str(mini_copy)])
    assert result.exit_code == 2, result.output
    assert "publication.yaml:2:1" in result.output and "Traceback" not in result.output
    _edit(mini_copy, "publication: publication.yaml", "publication: nowhere.yaml")
    result = runner.invoke(app, ["validate", str(mini_copy)])
    assert result.exit_code == 2 and "nowhere.yaml: file not found" in result.output, result.output


def test_the_cover_masthead_defaults_to_the_publications(tmp_path):
    from tests.conftest import copy_fixture

    manifest = copy_fixture(ROOT / "tests" / "fixtures" / "kinds" / "kinds.yaml", tmp_path / "kinds")
    _edit(manifest.parent / "data.yaml", "  masthead: IALS\n", "")
    _edit(
        manifest,
        "issue: {",
        'publication: {name: "Carnets du Rhône", short_name: Carnets, masthead: RÔNE}\nissue: {',
    )
    out = tmp_path / "kinds.pdf"
    build(load_issue(manifest), out)
    cover = pdfium.PdfDocument(str(out))[0].get_textpage().get_text_range()
    assert "RÔNE" in cover


def test_validate_says_a_masthead_too_wide_with_its_line_and_the_size_that_fits(tmp_path):
    from tests.conftest import copy_fixture

    manifest = copy_fixture(ROOT / "tests" / "fixtures" / "kinds" / "kinds.yaml", tmp_path / "kinds")
    _edit(manifest.parent / "data.yaml", "  masthead: IALS\n", "  masthead: Carnets du Rhône\n")
    result = runner.invoke(app, ["validate", str(manifest)])
    assert result.exit_code == 2, result.output
    line = next(x for x in result.output.splitlines() if "masthead" in x)
    assert re.match(rf"{re.escape(str(manifest.parent / 'data.yaml'))}:2:\d+: the masthead 'Carnets du Rhône'", line)
    assert re.search(r"at most \d+(\.\d)? pt fits", line)


def test_a_section_moves_the_cover_lines_to_its_own_area(tmp_path):
    from tests.conftest import copy_fixture

    manifest = copy_fixture(ROOT / "tests" / "fixtures" / "kinds" / "kinds.yaml", tmp_path / "kinds")
    mm = 72 / 25.4
    kinds = manifest.read_text(encoding="utf-8")
    moved = kinds.replace(
        "data: data.yaml, in_contents: false,\n     images: [{id: cover,",
        "data: data.yaml, in_contents: false,\n     areas: {cover_lines: {x: 17, y: 150, w: 70, h: 120}},\n"
        "     images: [{id: cover,",
        1,
    )
    assert moved != kinds
    manifest.write_text(moved, encoding="utf-8")
    result = build(load_issue(manifest), tmp_path / "kinds.pdf", section_ids=["couverture"])
    plates = [r for r in result.pages[0].furniture if abs(r.w - 70 * mm) < 1]  # the cover lines' plates
    assert plates and all(abs(r.x - 17 * mm) < 0.5 and r.right <= 87 * mm + 0.5 for r in plates)
    assert all(r.top <= (297 - 150) * mm + 0.5 for r in plates)  # from the area's top down
    # An area too short for the lines is said, with what to do.
    manifest.write_text(moved.replace("h: 120}", "h: 8}"), encoding="utf-8")
    result = build(load_issue(manifest), tmp_path / "kinds.pdf", section_ids=["couverture"])
    assert any("the cover lines do not fit their area" in e for e in result.errors)


def test_every_problem_at_once_sorted_by_file_and_line(tmp_path):
    """An unknown data key, a masthead too large, a misspelt manifest key and a layout's area outside
    the page: one run of validate, one located line each (schema problems no longer stop the cross-checks)."""
    import shutil

    from ials_print import kit
    from tests.conftest import copy_fixture

    manifest = copy_fixture(ROOT / "tests" / "fixtures" / "kinds" / "kinds.yaml", tmp_path / "kinds")
    layouts = tmp_path / "layouts"
    shutil.copytree(kit.LAYOUTS, layouts)
    _edit(layouts / "contents.yaml", "full-page: {x: 0,", "full-page: {x: 300,")
    data = manifest.parent / "data.yaml"
    _edit(data, "  masthead: IALS\n", "  masthead: Carnets du Rhône\n  colour: red\n")
    _edit(manifest, "issue: {", f"publicaton: {{name: X, short_name: X}}\nresources: {{layouts: {layouts}}}\nissue: {{")
    result = runner.invoke(app, ["validate", str(manifest)])
    assert result.exit_code == 2, result.output
    lines = [x for x in result.output.splitlines() if x.startswith(str(tmp_path))]
    assert any(x.startswith(f"{layouts / 'contents.yaml'}:") and "area 'full-page'" in x for x in lines), lines
    assert any(x.startswith(f"{data}:3:") and "colour" in x for x in lines), lines
    assert any(x.startswith(f"{data}:2:") and "the masthead 'Carnets du Rhône'" in x for x in lines), lines
    assert any(x.startswith(f"{manifest}:2:1:") and "publicaton" in x for x in lines), lines
    assert "Traceback" not in result.output
    files = [x.split(":")[0] for x in lines]
    assert files == sorted(files)  # by file, then line


def test_the_masthead_is_measured_against_its_area_as_the_section_moves_it(tmp_path):
    from tests.conftest import copy_fixture

    manifest = copy_fixture(ROOT / "tests" / "fixtures" / "kinds" / "kinds.yaml", tmp_path / "kinds")
    assert runner.invoke(app, ["validate", str(manifest)]).exit_code == 0  # IALS fits the kit's area
    _edit(
        manifest,
        "data: data.yaml, in_contents: false,\n     images: [{id: cover,",
        "data: data.yaml, in_contents: false,\n     areas: {masthead: {x: 17, y: 20, w: 80, h: 60}},\n"
        "     images: [{id: cover,",
    )
    result = runner.invoke(app, ["validate", str(manifest)])
    assert result.exit_code == 2 and "its area on the cover 80 mm" in result.output, result.output

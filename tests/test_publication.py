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
        'publication: {name: "Carnets du Rhône", short_name: Carnets, masthead: CARNETS}\nissue: {',
    )
    out = tmp_path / "kinds.pdf"
    build(load_issue(manifest), out)
    cover = pdfium.PdfDocument(str(out))[0].get_textpage().get_text_range()
    assert "CARNETS" in cover


def test_a_masthead_wider_than_the_cover_is_an_error_that_gives_the_size_that_fits(tmp_path):
    from tests.conftest import copy_fixture

    manifest = copy_fixture(ROOT / "tests" / "fixtures" / "kinds" / "kinds.yaml", tmp_path / "kinds")
    _edit(manifest.parent / "data.yaml", "  masthead: IALS\n", "  masthead: Carnets du Rhône\n")
    result = build(load_issue(manifest), tmp_path / "kinds.pdf")
    (error,) = [e for e in result.errors if "masthead" in e]
    fits = float(re.search(r"at most ([\d.]+) pt fits", error).group(1))
    assert "'Carnets du Rhône'" in error and 40 < fits < 150
    cover = pdfium.PdfDocument(str(tmp_path / "kinds.pdf"))[0].get_textpage().get_text_range()
    assert "Carnets du Rhône" in cover  # on one line, at the size that fits

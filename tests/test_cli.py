"""The CLI through typer's runner: exit codes, summaries, atomic output."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from ials_print.cli import app
from tests.conftest import ROOT

runner = CliRunner()


def test_build_writes_pdf_and_summary(mini_copy, tmp_path):
    out = tmp_path / "out"
    result = runner.invoke(app, ["build", str(mini_copy), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert (out / "mini.pdf").read_bytes().startswith(b"%PDF-")
    assert "4 pages, 3 sections, 0 warnings, 0 errors" in result.output


def test_bad_input_exits_2_and_keeps_last_good_pdf(mini_copy, tmp_path):
    out = tmp_path / "out"
    assert runner.invoke(app, ["build", str(mini_copy), "--out", str(out)]).exit_code == 0
    good = (out / "mini.pdf").read_bytes()
    text = mini_copy.read_text(encoding="utf-8")
    cases = [
        text.replace("page_count: 4", "page_cont: 4"),  # misspelt key
        text.replace("first_page: 3", "first_page: x"),  # wrong type
        text.replace("texts/edito.md", "texts/missing.md"),  # missing file
        text.replace("id: reserve", "id: edito"),  # duplicated id
        text.replace("first_page: 4", "first_page: 3"),  # overlapping range
        text.replace("texts/edito.md", "../../outside.md"),  # escaping path
    ]
    for broken in cases:
        mini_copy.write_text(broken, encoding="utf-8")
        result = runner.invoke(app, ["build", str(mini_copy), "--out", str(out)])
        assert result.exit_code == 2, result.output
        assert "Traceback" not in result.output
        assert f"{mini_copy}:" in result.output
        assert (out / "mini.pdf").read_bytes() == good
    mini_copy.write_text(text, encoding="utf-8")
    image = mini_copy.parent / "images" / "stripes.jpg"
    original = image.read_bytes()
    for damaged in (b"GIF89a not really", original[: len(original) // 2]):  # not an image; cut short
        image.write_bytes(damaged)
        result = runner.invoke(app, ["build", str(mini_copy), "--out", str(out)])
        assert result.exit_code == 2, result.output
        assert "images/stripes.jpg" in result.output and "Traceback" not in result.output
        assert (out / "mini.pdf").read_bytes() == good
    assert sorted(p.name for p in out.iterdir()) == ["mini.job.json", "mini.pdf"], "temporary files left behind"


def test_damaged_image_exits_2(mini_copy, tmp_path):
    (mini_copy.parent / "images" / "disc.png").write_bytes(b"\x89PNG\r\n\x1a\n broken")
    result = runner.invoke(app, ["validate", str(mini_copy)])
    assert result.exit_code == 2
    assert "images/disc.png" in result.output


def test_overset_exits_1(mini_copy, tmp_path):
    edito = mini_copy.parent / "texts" / "edito.md"
    edito.write_text(
        edito.read_text(encoding="utf-8") + "\n\n" + "Encore du texte qui déborde. " * 600, encoding="utf-8"
    )
    result = runner.invoke(app, ["build", str(mini_copy), "--out", str(tmp_path)])
    assert result.exit_code == 1
    assert "overset in section 'edito'" in result.output
    assert (tmp_path / "mini.pdf").exists()  # built, with errors


def test_preview_one_section(mini_copy, tmp_path):
    result = runner.invoke(app, ["preview", "edito", str(mini_copy), "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "mini-edito.pdf").exists()
    assert "1 page, 1 section" in result.output


def test_preview_unknown_section_exits_2(mini_copy, tmp_path):
    result = runner.invoke(app, ["preview", "nope", str(mini_copy), "--out", str(tmp_path)])
    assert result.exit_code == 2
    assert "no section 'nope'" in result.output


def test_validate_ok(mini_copy):
    result = runner.invoke(app, ["validate", str(mini_copy)])
    assert result.exit_code == 0
    assert "valid — 3 sections, 4 pages, 2 texts, 2 visuals" in result.output


def test_validate_missing_manifest(tmp_path):
    result = runner.invoke(app, ["validate", str(tmp_path / "nothing.yaml")])
    assert result.exit_code == 2
    assert "nothing.yaml: file not found" in result.output


def test_schema_is_json():
    result = runner.invoke(app, ["schema"])
    assert result.exit_code == 0
    schema = json.loads(result.output)
    assert schema["title"] == "ials-print issue manifest"
    assert "Section" in schema["$defs"]
    for kind, key in (("data", "CoverData"), ("layout", "Area"), ("stylesheet", "Style"), ("publication", None)):
        result = runner.invoke(app, ["schema", kind])
        assert result.exit_code == 0, result.output
        schema = json.loads(result.output)
        assert key is None or key in schema["$defs"]
    result = runner.invoke(app, ["schema", "nope"])
    assert result.exit_code == 2


def test_the_reference_in_docs_is_generated_from_the_schemas():
    """docs/reference.md is what `ials-print schema --markdown` prints: regenerate it after a change."""
    result = runner.invoke(app, ["schema", "--markdown"])
    assert result.exit_code == 0
    committed = (ROOT / "docs" / "reference.md").read_text(encoding="utf-8")
    assert committed == result.output, "docs/reference.md is stale: ials-print schema --markdown > docs/reference.md"
    for key in ("`cover_lines`", "`spread`", "`short_name`", "`furniture_on_visual`", "`justification`"):
        assert key in committed


def test_readme_test_command_is_what_ci_runs():
    root = Path(__file__).resolve().parent.parent
    ci = (root / ".ci" / "run").read_text(encoding="utf-8")
    readme = (root / "README.md").read_text(encoding="utf-8")
    command = next(line.strip() for line in ci.splitlines() if "pytest" in line)
    assert command in readme


def test_brackets_in_user_text_do_not_crash(mini_copy, tmp_path):
    text = mini_copy.read_text(encoding="utf-8").replace("page_count: 4", 'page_count: "[/x]"')
    mini_copy.write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["validate", str(mini_copy)])
    assert result.exit_code == 2 and "[/x]" in result.output


def test_output_folder_is_a_file(mini_copy, tmp_path):
    blocker = tmp_path / "blocker"
    blocker.write_text("x", encoding="utf-8")
    result = runner.invoke(app, ["build", str(mini_copy), "--out", str(blocker)])
    assert result.exit_code == 2 and "cannot write here" in result.output


def test_main_reports_bugs_in_one_line(monkeypatch, capsys):
    import ials_print.cli as cli

    def boom(*a, **k):
        raise RuntimeError("kaboom")

    monkeypatch.setattr(cli, "app", boom)
    monkeypatch.delenv("IALS_PRINT_DEBUG", raising=False)
    try:
        cli.main()
    except SystemExit as exc:
        assert exc.code == 3
    err = capsys.readouterr().err
    assert "internal error" in err and "kaboom" in err and "Traceback" not in err


def test_usage_error_exits_2():
    import subprocess
    import sys

    proc = subprocess.run(
        [sys.executable, "-m", "ials_print.cli", "build", "--no-such-option"], capture_output=True, text=True
    )
    assert proc.returncode == 2
    assert "no-such-option" in proc.stderr and "Traceback" not in proc.stderr

"""``new-issue``: the next issue from the previous one, the same flatplan, placeholders that build."""

from __future__ import annotations

from typer.testing import CliRunner

from ials_print.cli import app
from ials_print.manifest.load import load_issue
from ials_print.manifest.newissue import next_path
from ials_print.output.build import render
from ials_print.output.modes import proof_mode
from tests.conftest import ISSUE

runner = CliRunner()


def test_next_path_follows_the_number():
    assert next_path(ISSUE, 4).name == "ials-04.yaml"
    assert next_path(ISSUE.with_name("zine.yaml"), 2).name == "zine-n2.yaml"


def test_the_next_issue_keeps_the_flatplan_and_builds(tmp_path):
    target = tmp_path / "n4" / "ials-04.yaml"
    target.parent.mkdir()
    result = runner.invoke(
        app, ["new-issue", str(ISSUE), "--number", "4", "--date", "2024-09-15", "--out", str(target)]
    )
    assert result.exit_code == 0, result.output
    previous, new = load_issue(ISSUE), load_issue(target)
    assert new.manifest.issue.number == 4 and str(new.manifest.issue.date) == "2024-09-15"
    assert new.short_name == previous.short_name  # the publication file, found from the new folder
    old_plan = [(s.id, s.title, s.rubric, s.first_page, s.pages) for s in previous.manifest.sections]
    new_plan = [(s.id, s.title, s.rubric, s.first_page, s.pages) for s in new.manifest.sections]
    assert new_plan == old_plan
    assert all(s.layout == "placeholder" and not s.text and not s.images for s in new.manifest.sections)
    text = target.read_text(encoding="utf-8")
    assert "# n°3: layout article-2col, text texts/culture.md, 2 visuals" in text
    built = render(new, mode=proof_mode())
    assert len(built.pages) == 118 and not built.errors


def test_new_issue_refuses_a_lower_number_or_an_existing_file(tmp_path):
    result = runner.invoke(app, ["new-issue", str(ISSUE), "--number", "3", "--out", str(tmp_path / "x.yaml")])
    assert result.exit_code == 2 and "must follow n°3, found 3" in result.output
    existing = tmp_path / "x.yaml"
    existing.write_text("keep me", encoding="utf-8")
    result = runner.invoke(app, ["new-issue", str(ISSUE), "--number", "4", "--out", str(existing)])
    assert result.exit_code == 2 and "already exists" in result.output
    assert existing.read_text(encoding="utf-8") == "keep me"
    result = runner.invoke(app, ["new-issue", str(ISSUE), "--number", "4", "--date", "15/09/2024"])
    assert result.exit_code == 2 and "expected YYYY-MM-DD" in result.output

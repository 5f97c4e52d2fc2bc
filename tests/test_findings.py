"""The preflight speaks the manifest: findings name the page, the section and the visual; one ppi
policy (the manifest's min_ppi / warn_ppi) for build, flatplan and preflight."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from ials_print.cli import app
from ials_print.images.ppi import PpiPolicy
from ials_print.manifest.load import load_issue
from ials_print.output.build import ppi_policy, render
from ials_print.output.flatplan import page_problems
from ials_print.preflight.checks import preflight


def test_findings_name_page_section_and_visual(mini_build):
    report = preflight(mini_build.output, ppi=PpiPolicy(225, 400))  # both visuals are 306–321 ppi
    found = {(f.page, f.section, f.visual) for f in report.warnings if f.check == "images"}
    assert found == {(1, "article", "stripes"), (2, "article", "disc")}
    text = "\n".join(map(str, report.warnings))
    assert "page 1 (section 'article', visual 'stripes'): visual 'stripes' is 321 ppi" in text
    assert "FormXob" not in text


def test_preflight_json_carries_page_section_visual(mini_build):
    result = CliRunner().invoke(app, ["preflight", str(mini_build.output), "--json", "--warn-ppi", "400"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["warnings"] and all({"page", "section", "visual"} <= set(w) for w in data["warnings"])
    assert {w["visual"] for w in data["warnings"]} == {"stripes", "disc"}
    bad = CliRunner().invoke(app, ["preflight", str(mini_build.output), "--min-ppi", "400", "--warn-ppi", "300"])
    assert bad.exit_code == 2 and "--min-ppi 400 must be" in bad.output


def test_one_ppi_policy_from_the_manifest(mini_copy, tmp_path):
    """min_ppi 310 puts 'disc' (306 ppi) in error and 'stripes' (321 ppi) in the clear, everywhere."""
    text = mini_copy.read_text(encoding="utf-8").replace(
        "page_count: 4", "output: {min_ppi: 310, warn_ppi: 320}\npage_count: 4"
    )
    mini_copy.write_text(text, encoding="utf-8")
    issue = load_issue(mini_copy)
    assert ppi_policy(issue) == PpiPolicy(310, 320)
    result = render(issue)
    assert [e for e in result.errors if "visual 'disc' on page 2" in e and "(310 ppi minimum)" in e]
    assert not [m for m in result.errors + result.warnings if "stripes" in m and "ppi" in m]
    pdf = tmp_path / "mini.pdf"
    pdf.write_bytes(result.pdf)
    report = preflight(pdf, ppi=ppi_policy(issue))
    assert [(f.page, f.visual) for f in report.errors if f.check == "images"] == [(2, "disc")]
    problems = page_problems(issue, result, pdf)
    assert any("disc" in p for p in problems[2]) and not any("stripes" in p for p in problems[1])

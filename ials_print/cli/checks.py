"""Commands that check and measure: preflight, provenance, fit."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ials_print.errors import Problem

if TYPE_CHECKING:  # the pipeline is imported by the commands that use it: `--help` starts fast
    pass

from ials_print.cli.base import (
    DEFAULT_MANIFEST,
    EXIT_ERRORS,
    Binding,
    ManifestArg,
    _bad_input,
    _load,
    _reported,
    _say,
    app,
    out_console,
)


@app.command("preflight")
def preflight_cmd(
    pdf: Annotated[Path, typer.Argument(help="Any PDF to check")],
    as_json: Annotated[bool, typer.Option("--json", help="Machine-readable report")] = False,
    binding: Annotated[
        Binding | None, typer.Option(help="Page count rule: perfect (even) or saddle_stitch (×4)")
    ] = None,
    min_ppi: Annotated[float, typer.Option("--min-ppi", help="Images under this at placed size: error")] = 225,
    warn_ppi: Annotated[float, typer.Option("--warn-ppi", help="Images under this at placed size: warning")] = 300,
) -> None:
    """Check a PDF against what the printer expects (PDF/X-4, CMYK, bleed, fonts, 300 ppi, ink)."""
    from ials_print.images.ppi import PpiPolicy
    from ials_print.preflight.checks import preflight

    if not pdf.is_file():
        raise _bad_input([Problem(pdf, "file not found")], "nothing was checked")
    if not 0 < min_ppi <= warn_ppi:
        raise _bad_input(
            [Problem(pdf, f"--min-ppi {min_ppi:g} must be above 0 and at most --warn-ppi {warn_ppi:g}")],
            "nothing was checked",
        )
    report = preflight(pdf, binding.value if binding else None, ppi=PpiPolicy(min_ppi, warn_ppi))
    if as_json:
        sys.stdout.write(json.dumps(report.as_json(), indent=2, ensure_ascii=False) + "\n")
    else:
        for f in report.findings:
            _say(f.level, f"{pdf}: {f}")
        verdict = "FAILED" if report.errors else "passed"
        out_console.print(
            f"preflight {verdict}: {pdf} — {report.pages} pages, {len(report.errors)} error(s), "
            f"{len(report.warnings)} warning(s); ink measured by {report.ink_method or 'n/a'}",
            markup=False,
        )
    if report.errors:
        raise typer.Exit(EXIT_ERRORS)


@app.command("provenance")
def provenance_cmd(
    manifest: ManifestArg = DEFAULT_MANIFEST,
    as_json: Annotated[bool, typer.Option("--json", help="Machine-readable report")] = False,
) -> None:
    """What AI made, page by page: each page's pictogram and why, each visual with its tool and pages."""
    from rich.table import Table

    from ials_print.output.build import output_intent, render
    from ials_print.output.modes import proof_mode
    from ials_print.provenance.report import provenance_report

    issue = _load(manifest)
    with _reported():
        report = provenance_report(issue, render(issue, mode=proof_mode(output_intent(issue).profile)))
    if as_json:
        sys.stdout.write(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
        return
    pages = Table(title=f"Pages of issue n°{report['issue']}", show_lines=False)
    for col in ("page", "pictogram", "why", "elements"):
        pages.add_column(col, overflow="fold")
    for p in report["pages"]:
        elements = ", ".join(f"{e['id']} ({e['provenance']})" for e in p["elements"]) or "furniture only"
        pages.add_row(
            str(p["page"]), p["pictogram"] + (" *" if p["override"] else ""), p["reason"].split(":")[0], elements
        )
    visuals = Table(title="Visuals")
    for col in ("visual", "kind", "tool", "credit", "pages", "file says"):
        visuals.add_column(col, overflow="fold")
    for v in report["visuals"]:
        tool = " + ".join(t for t in (v["tool"], *v["retouch"]) if t) or "—"
        visuals.add_row(
            v["id"], v["kind"], tool, v["credit"] or "—", ", ".join(map(str, v["pages"])) or "—", v["file_says"] or "—"
        )
    out_console.print(pages)
    out_console.print(visuals)
    totals = ", ".join(f"{label}: {t['pages']} pages ({t['share']:.0%})" for label, t in report["totals"].items())
    out_console.print(f"Totals — {totals}. * = set by hand (reason in --json).", markup=False)


@app.command("fit")
def fit_cmd(
    section: Annotated[str | None, typer.Argument(help="Section id (default: every text section)")] = None,
    manifest: ManifestArg = DEFAULT_MANIFEST,
    as_json: Annotated[bool, typer.Option("--json", help="Machine-readable report")] = False,
) -> None:
    """Copyfitting: each page's fill, words and lines over or under, and remedies with their computed effect."""
    from dataclasses import asdict

    from ials_print.copyfit.report import fit_report

    if section is not None and manifest is None and section.endswith((".yaml", ".yml")):
        section, manifest = None, Path(section)  # `fit MANIFEST`: the one argument is the manifest
    issue = _load(manifest)
    with _reported():
        if section is not None:
            issue.section(section)  # an unknown id is a clear error
        report = fit_report(issue, [section] if section else None)
    if section is not None and not report and not as_json:
        kind = issue.templates[issue.section(section).layout].kind
        out_console.print(f"{section}: no text columns to fit (a {kind} page)", markup=False)
    if as_json:
        sys.stdout.write(json.dumps([asdict(f) | {"ok": f.ok} for f in report], indent=2, ensure_ascii=False) + "\n")
        return
    for f in report:
        last = f.first_page + len(f.pages) - 1
        head = f"{f.section_id} (pp. {f.first_page}–{last})" if last > f.first_page else f"{f.section_id} (p. {last})"
        state = "fits" if f.ok else "to fit"
        if f.overset_words:
            state = f"overset {f.overset_words} words ({f.overset_lines} lines)"
        out_console.print(f"{head}: {state}", markup=False)
        for p in f.pages:
            if not p.room:
                out_console.print(f"  p. {p.folio}: a visual, no columns", markup=False)
                continue
            flags = "; ".join(x for x in p.flags if not x.startswith("underfilled"))
            line = f"  p. {p.folio}: {p.fill:.0%} filled ({p.lines} of {p.room} lines)"
            out_console.print(line + (f" — {flags}" if flags else ""), markup=False)
        for r in f.remedies:
            out_console.print(f"  → {r.action}: {r.effect}", markup=False)

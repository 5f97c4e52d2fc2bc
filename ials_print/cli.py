"""Command line: a thin typer layer over the pipeline stages."""

from __future__ import annotations

import contextlib
import enum
import json
import os
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from ials_print.errors import InputError, Problem
from ials_print.manifest.load import Issue, load_issue
from ials_print.manifest.model import Manifest
from ials_print.output.commit import OutputError, OutputSet

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_show_locals=False,
    help="ials-print: lay out an IALS issue from its YAML manifest into a print PDF.",
)
out_console = Console(highlight=False, soft_wrap=True)
err_console = Console(stderr=True, highlight=False, soft_wrap=True)

DEFAULT_MANIFEST = Path("issue/ials-03.yaml")
ManifestArg = Annotated[Path, typer.Argument(help="The issue manifest (YAML)")]
OutDir = Annotated[Path, typer.Option("--out", "-o", help="Output folder")]

EXIT_ERRORS, EXIT_BAD_INPUT, EXIT_BUG = 1, 2, 3
NOTES_SHOWN = 20  # typography notes printed; the rest are counted (and listed in a file by build)


class Binding(enum.StrEnum):
    perfect = "perfect"
    saddle_stitch = "saddle_stitch"


def _say(level: str, text: str) -> None:
    """One line on stderr; never interpreted as markup (messages quote the user's text)."""
    style = {"error": "red", "warning": "yellow"}.get(level)
    err_console.print(text, style=style, markup=False)


def _bad_input(problems: list[Problem], what: str = "nothing was built") -> typer.Exit:
    for p in problems:
        _say("error", f"{p}")
    n = len(problems)
    _say("", f"{n} problem{'s' * (n > 1)} in the input; {what}.")
    return typer.Exit(EXIT_BAD_INPUT)


def _load(manifest: Path, only: list[str] | None = None) -> Issue:
    try:
        issue = load_issue(manifest, only)
        if only:
            for section_id in only:
                issue.section(section_id)
        return issue
    except InputError as exc:
        raise _bad_input(exc.problems) from None


def _typography_lines(issue: Issue) -> list[str]:
    """What the normaliser fixed at load and what it asks to check, one line each, in flatplan order."""
    lines: list[str] = []
    for section in issue.manifest.sections:
        if section.text is None:
            continue
        where = issue.folder / section.text
        found = [(f.line, str(f)) for f in issue.normalised.get(section.id, [])]
        found += [(n.line, str(n)) for n in issue.typo_notes.get(section.id, [])]
        lines += [f"{where}:{line}: {text}" for line, text in sorted(found, key=lambda x: x[0])]
    return lines


def _typography_notes(issue: Issue, full_list: Path | None = None, outputs: OutputSet | None = None) -> None:
    """Print the normaliser's notes (never warnings: the exit code does not change); ``full_list`` gets them
    all, staged in ``outputs``."""
    lines = _typography_lines(issue)
    if full_list is not None and outputs is not None:
        if lines:
            outputs.stage(full_list, ("\n".join(lines) + "\n").encode())
        else:
            outputs.remove(full_list)  # no stale list from an earlier build
    if not lines:
        return
    fixed = sum(len(f) for f in issue.normalised.values())
    _say("note", f"notes: {fixed} typing slip{'s' * (fixed != 1)} fixed at load, {len(lines) - fixed} to check:")
    for line in lines[:NOTES_SHOWN]:
        _say("note", line)
    if len(lines) > NOTES_SHOWN:
        where = f" (all in {full_list})" if full_list is not None else ""
        _say("note", f"… and {len(lines) - NOTES_SHOWN} more{where}")


def _summary(result, label: str, start: float) -> None:
    for w in result.warnings:
        _say("warning", f"warning: {w}")
    for e in result.errors:
        _say("error", f"error: {e}")
    pages, sections = len(result.pages), len(result.sections)
    n_w, n_e = len(result.warnings), len(result.errors)
    out_console.print(
        f"{label}: {result.output} — {pages} page{'s' * (pages > 1)}, {sections} section{'s' * (sections > 1)}, "
        f"{n_w} warning{'s' * (n_w != 1)}, {n_e} error{'s' * (n_e != 1)} ({time.perf_counter() - start:.2f} s)",
        markup=False,
    )


@contextlib.contextmanager
def _reported() -> Iterator[None]:
    """Bad input, an output that cannot be written, a named file that cannot be read: one line each, exit 2.
    An unnamed OSError is left to ``main``: inputs are all checked at load, so it is ours (exit 3)."""
    try:
        yield
    except InputError as exc:
        raise _bad_input(exc.problems) from None
    except OutputError as exc:
        problem = Problem(exc.path, f"cannot write here ({exc.reason}); every earlier output is kept")
        raise _bad_input([problem]) from None
    except OSError as exc:
        if not exc.filename:
            raise
        raise _bad_input([Problem(Path(exc.filename), f"cannot read or write ({exc.strerror or exc})")]) from None


def _commit(outputs: OutputSet) -> None:
    with _reported():
        outputs.commit()


def _render(issue: Issue, out: Path, sections: list[str] | None, mode=None, stamp=None, outputs=None):
    from rich.progress import Progress

    from ials_print.output.build import build

    todo = [s.id for s in issue.manifest.sections if sections is None or s.id in sections]
    # The bar only appears if the build takes more than a second, and only on a terminal.
    with Progress(console=err_console, transient=True, disable=not err_console.is_terminal) as bar:
        task = bar.add_task("laying out", total=len(todo), visible=False)
        t0 = time.perf_counter()

        def step(section_id: str) -> None:
            if time.perf_counter() - t0 > 1.0:
                bar.update(task, visible=True)
            bar.update(task, advance=1, description=f"laying out {section_id}")

        with _reported():
            return build(issue, out, sections, progress=step, mode=mode, stamp=stamp, outputs=outputs)


def _preflight_and_ticket(issue: Issue, result, outputs: OutputSet) -> None:
    """The final file (still staged) is checked by the preflight; a job ticket goes beside it."""
    from ials_print.output.build import build_date
    from ials_print.output.ticket import write_job_ticket
    from ials_print.preflight.checks import preflight

    report = preflight(outputs.staged(result.output), issue.manifest.format.binding)
    for f in report.findings:
        where = f" page {f.page}" if f.page else ""
        target = result.extra_errors if f.level == "error" else result.extra_warnings
        target.append(f"preflight [{f.check}]{where}: {f.message}")
    write_job_ticket(issue, result.pdf, result.output, build_date(issue).isoformat(), outputs)


@app.command("build")
def build_cmd(
    manifest: ManifestArg = DEFAULT_MANIFEST,
    out: OutDir = Path("out"),
    marks: Annotated[bool, typer.Option("--marks", help="Add crop marks outside the bleed")] = False,
) -> None:
    """Build the whole issue into OUT/<stem>.pdf (PDF/X-4), preflight it, and write OUT/<stem>.job.json."""
    from ials_print.output.build import output_intent
    from ials_print.output.modes import final_mode

    start = time.perf_counter()
    issue = _load(manifest)
    with OutputSet() as outputs:  # the PDF, its job ticket and the typography list: all or none
        mode = final_mode(output_intent(issue).profile, marks)
        result = _render(issue, out / f"{issue.stem}.pdf", None, mode=mode, outputs=outputs)
        with _reported():
            _preflight_and_ticket(issue, result, outputs)
            _typography_notes(issue, out / f"{issue.stem}.typography.txt", outputs)
        _commit(outputs)
    _summary(result, "built", start)
    if result.errors:
        raise typer.Exit(EXIT_ERRORS)


@app.command("preview")
def preview_cmd(
    section: Annotated[str, typer.Argument(help="Section id from the flatplan")],
    manifest: ManifestArg = DEFAULT_MANIFEST,
    out: OutDir = Path("out"),
) -> None:
    """Build one section alone, with its real page numbers, into OUT/<stem>-<section>.pdf."""
    start = time.perf_counter()
    issue = _load(manifest, only=[section])
    with OutputSet() as outputs:
        result = _render(issue, out / f"{issue.stem}-{section}.pdf", [section], outputs=outputs)
        _commit(outputs)
    _summary(result, "preview", start)
    if result.errors:
        raise typer.Exit(EXIT_ERRORS)


@app.command("proof")
def proof_cmd(
    manifest: ManifestArg = DEFAULT_MANIFEST,
    out: OutDir = Path("out"),
    section: Annotated[str | None, typer.Option("--section", "-s", help="Only this section")] = None,
    spreads: Annotated[bool, typer.Option("--spreads", help="Facing pages side by side")] = False,
) -> None:
    """An RGB proof for the art director: small images, crop marks, slug line, ÉPREUVE mark."""
    from ials_print.output.build import output_intent
    from ials_print.output.modes import proof_mode
    from ials_print.output.proof import next_proof_stamp, spreads_pdf

    start = time.perf_counter()
    issue = _load(manifest, only=[section] if section else None)
    name = f"{issue.stem}-proof" + (f"-{section}" if section else "") + ("-spreads" if spreads else "")
    target = out / f"{name}.pdf"
    with OutputSet() as outputs:  # the proof and its number: both or neither
        with _reported():
            stamp = next_proof_stamp(out / f"{issue.stem}.proofs.json", outputs)
        mode = proof_mode(output_intent(issue).profile)
        result = _render(issue, target, [section] if section else None, mode=mode, stamp=stamp, outputs=outputs)
        if spreads:
            from ials_print.layout.fonts import register_fonts

            fonts = register_fonts(issue.manifest.fonts, issue.fonts_dir)
            title = f"IALS n°{issue.manifest.issue.number}"
            pdf = spreads_pdf(result.pdf, result.pages, stamp, title, fonts.name("sans", bold=True))
            with _reported():
                outputs.stage(target, pdf)
        _commit(outputs)
    _summary(result, f"proof n°{stamp.number}", start)
    if result.errors:
        raise typer.Exit(EXIT_ERRORS)


@app.command("flatplan")
def flatplan_cmd(manifest: ManifestArg = DEFAULT_MANIFEST, out: OutDir = Path("out")) -> None:
    """The chemin de fer: every page as a thumbnail, in spreads, with its section, pictogram and problems."""
    from ials_print.output.flatplan import make_flatplan

    start = time.perf_counter()
    issue = _load(manifest)
    with OutputSet() as outputs:  # the PNG and the PDF together
        with _reported():
            png, pdf, problems = make_flatplan(issue, out, outputs)
        _commit(outputs)
    out_console.print(
        f"flatplan: {png} and {pdf} — {issue.manifest.page_count} pages, {problems} page(s) flagged "
        f"({time.perf_counter() - start:.2f} s)",
        markup=False,
    )


@app.command("preflight")
def preflight_cmd(
    pdf: Annotated[Path, typer.Argument(help="Any PDF to check")],
    as_json: Annotated[bool, typer.Option("--json", help="Machine-readable report")] = False,
    binding: Annotated[
        Binding | None, typer.Option(help="Page count rule: perfect (even) or saddle_stitch (×4)")
    ] = None,
) -> None:
    """Check a PDF against what the printer expects (PDF/X-4, CMYK, bleed, fonts, 300 ppi, ink)."""
    from ials_print.preflight.checks import preflight

    if not pdf.is_file():
        raise _bad_input([Problem(pdf, "file not found")], "nothing was checked")
    report = preflight(pdf, binding.value if binding else None)
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

    if section is not None and manifest == DEFAULT_MANIFEST and section.endswith((".yaml", ".yml")):
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


@app.command("validate")
def validate_cmd(manifest: ManifestArg = DEFAULT_MANIFEST) -> None:
    """Check the manifest and every file it references, without building."""
    issue = _load(manifest)
    _typography_notes(issue)
    m = issue.manifest
    out_console.print(
        f"{manifest}: valid — {len(m.sections)} sections, {m.page_count} pages, "
        f"{len(issue.articles)} texts, {len(issue.images)} visuals",
        markup=False,
    )


@app.command("schema")
def schema_cmd() -> None:
    """Print the manifest's JSON Schema (for editors' completion and validation)."""
    schema = Manifest.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "IALS issue manifest"
    sys.stdout.write(json.dumps(schema, indent=2, ensure_ascii=False) + "\n")


def main() -> None:
    """Entry point: an unexpected failure is a bug, reported in one line (exit 3)."""
    try:
        code = app(standalone_mode=False)  # click returns the exit code instead of exiting
        sys.exit(code if isinstance(code, int) else 0)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except (typer.Abort, KeyboardInterrupt):
        sys.exit(130)
    except SystemExit:
        raise
    except Exception as exc:  # the last line of defence
        if hasattr(exc, "show") and hasattr(exc, "exit_code"):  # a usage error (click's, vendored or not)
            exc.show()
            sys.exit(EXIT_BAD_INPUT)
        if os.environ.get("IALS_PRINT_DEBUG"):
            raise
        _say("error", f"internal error (a bug in ials-print, not in your files): {type(exc).__name__}: {exc}")
        _say("", "set IALS_PRINT_DEBUG=1 to see the traceback, and please report it.")
        sys.exit(EXIT_BUG)


if __name__ == "__main__":
    main()

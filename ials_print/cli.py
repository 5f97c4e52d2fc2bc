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
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console

from ials_print.errors import InputError, Problem
from ials_print.manifest.find import find_manifest
from ials_print.output.commit import OutputError, OutputSet

if TYPE_CHECKING:  # the pipeline is imported by the commands that use it: `--help` starts fast
    from ials_print.manifest.load import Issue

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_show_locals=False,
    help="ials-print: lay out a magazine issue from its YAML manifest into a print PDF.",
)
out_console = Console(highlight=False, soft_wrap=True)
err_console = Console(stderr=True, highlight=False, soft_wrap=True)

DEFAULT_MANIFEST = None  # the one manifest in the current folder or its issue/ folder
ManifestArg = Annotated[
    Path | None,
    typer.Argument(help="The issue manifest (YAML); default: the one here or in issue/", show_default=False),
]
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


def _load(manifest: Path | None, only: list[str] | None = None) -> Issue:
    from ials_print.manifest.load import load_issue

    try:
        issue = load_issue(manifest or find_manifest(), only)
        if only:
            for section_id in only:
                issue.section(section_id)
        return issue
    except InputError as exc:
        raise _bad_input(exc.problems) from None


def _typography_lines(issue: Issue, relative: bool = False) -> list[str]:
    """What the normaliser fixed at load and what it asks to check, one line each, in flatplan order;
    ``relative``: paths as the manifest gives them (the same file wherever the issue lies)."""
    lines: list[str] = []
    for section in issue.manifest.sections:
        if section.text is None:
            continue
        where = section.text if relative else issue.folder / section.text
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
            listed = _typography_lines(issue, relative=True)  # relative to the manifest's folder
            outputs.stage(full_list, ("\n".join(listed) + "\n").encode())
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


def _preflight_and_ticket(issue: Issue, result, outputs: OutputSet, marks: bool = False) -> None:
    """The printer's files (still staged) are checked by the preflight, their findings joining the
    build's, and the job ticket goes beside them; all are committed together."""
    from ials_print.output.printer_files import deliver

    for note in deliver(issue, result, marks, outputs):
        _say("note", note)


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
    intent = output_intent(issue)
    with OutputSet() as outputs:  # the printer's PDFs, their job ticket and the typography list: all or none
        mode = final_mode(intent.profile, marks, intent.identifier)
        result = _render(issue, out / f"{issue.stem}.pdf", None, mode=mode, outputs=outputs)
        with _reported():
            _preflight_and_ticket(issue, result, outputs, marks)
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
    provenance: Annotated[
        bool, typer.Option("--provenance", help="Outline every element in the colour of its provenance")
    ] = False,
    diff: Annotated[bool, typer.Option("--diff", help="Show what changed since the previous proof")] = False,
    against: Annotated[
        int | None, typer.Option("--against", help="With --diff: compare with this proof (default: the last one)")
    ] = None,
) -> None:
    """An RGB proof for the art director: small images, crop marks, slug line, ÉPREUVE mark."""
    from ials_print.output.build import output_intent
    from ials_print.output.modes import proof_mode
    from ials_print.output.proof import next_proof_stamp, spreads_pdf

    start = time.perf_counter()
    issue = _load(manifest, only=[section] if section else None)
    name = f"{issue.stem}-proof" + ("-provenance" if provenance else "") + (f"-{section}" if section else "")
    name += "-spreads" if spreads else ""
    target = out / f"{name}.pdf"
    kind = (f"section:{section}" if section else "issue") + ("+provenance" if provenance else "")
    with OutputSet() as outputs:  # the proof, its number and its kept copy: all or none
        with _reported():
            stamp = next_proof_stamp(out / f"{issue.stem}.proofs.json", outputs)
        mode = proof_mode(output_intent(issue).profile, provenance=provenance)
        result = _render(issue, target, [section] if section else None, mode=mode, stamp=stamp, outputs=outputs)
        if spreads:
            from ials_print.layout.fonts import register_fonts

            fonts = register_fonts(issue.manifest.fonts, issue.fonts_dir)
            title = f"{issue.short_name} n°{issue.manifest.issue.number}"
            font = fonts.name("sans", bold=True)
            pdf = spreads_pdf(result.pdf, result.pages, stamp, title, font, provenance)
            with _reported():
                outputs.stage(target, pdf)
        with _reported():
            kept = _keep_proof(issue, result, stamp, out, kind, outputs)
        if diff:
            _diff_proof(issue, result, stamp, out, kind, against, kept)
        _commit(outputs)
    _summary(result, f"proof n°{stamp.number}", start)
    if result.errors:
        raise typer.Exit(EXIT_ERRORS)


def _keep_proof(issue: Issue, result, stamp, out: Path, kind: str, outputs: OutputSet) -> tuple[Path, dict[int, str]]:
    """Keep this proof (staged) and its pages' keys; returns where the kept PDF reads now, and the keys."""
    from ials_print.output.keys import page_keys
    from ials_print.output.proof import record_proof

    printed = {p.folio for p in result.pages}
    keys = {f: k for f, k in page_keys(issue).items() if f in printed}
    return record_proof(out / f"{issue.stem}.proofs.json", stamp, result.pdf, keys, kind, outputs), keys


def _diff_proof(issue: Issue, result, stamp, out: Path, kind: str, against: int | None, kept) -> None:
    """Compare this proof with an earlier one: by default the last of the same kind (the whole issue,
    one section, with provenance…); only the pages whose keys changed are rendered."""
    from ials_print.output.proof import last_proof_of_kind, proof_record
    from ials_print.output.proofdiff import diff_proofs

    start = time.perf_counter()
    counter = out / f"{issue.stem}.proofs.json"
    archive, keys = kept
    number = against if against is not None else last_proof_of_kind(counter, kind, stamp.number)
    previous = proof_record(counter, number) if number is not None else None
    if previous is None:
        which = f"n°{number}" if number is not None else f"of this kind ({kind})"
        _say("warning", f"proof --diff: no proof {which} kept in {counter.parent / 'proofs'} to compare with")
        return
    sections = {p.folio: p.section_id for p in result.pages}
    with _reported():
        report = diff_proofs(
            counter.parent / previous["pdf"],
            previous["pages"],
            archive,
            {str(k): v for k, v in keys.items()},
            sections,
            (number, stamp.number),
            out / f"{issue.stem}-proof-{stamp.number}-diff.pdf",
        )
    where = f": {report.output}" if report.output else ""
    pages = ", ".join(f"{c.folio} ({c.section})" for c in report.changes) or "none"
    new_pages = f"; new since n°{number}: {', '.join(map(str, report.added))}" if report.added else ""
    out_console.print(
        f"proof diff n°{number} → n°{stamp.number}{where} — changed pages: {pages}{new_pages}; "
        f"{report.compared} compared, the others skipped by key ({time.perf_counter() - start:.2f} s)",
        markup=False,
    )


@app.command("watch")
def watch_cmd(
    section: Annotated[
        str | None, typer.Argument(help="Only this section (default: every section a save touches)")
    ] = None,
    manifest: ManifestArg = DEFAULT_MANIFEST,
    out: OutDir = Path("out"),
    proof: Annotated[bool, typer.Option("--proof", help="Lay out the whole proof on every save")] = False,
) -> None:
    """On every save, lay out again what it touches: one line a rebuild; Ctrl-C stops."""
    from ials_print.output.watch import watch

    if section is not None and manifest is None and section.endswith((".yaml", ".yml")):
        section, manifest = None, Path(section)  # `watch MANIFEST`
    try:
        path = manifest or find_manifest()
        watch(path, out, lambda line: out_console.print(line, markup=False), section, proof)
    except InputError as exc:
        raise _bad_input(exc.problems, "nothing is watched") from None
    except KeyboardInterrupt:
        out_console.print("watch: stopped", markup=False)


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


@app.command("init")
def init_cmd(
    folder: Annotated[Path, typer.Argument(help="The new publication's folder (new or empty)")],
    format_: Annotated[str, typer.Option("--format", help="A4, A5, Letter or WxH in mm (e.g. 230x300)")] = "A4",
    binding: Annotated[Binding, typer.Option("--binding", help="perfect or saddle_stitch")] = Binding.perfect,
    pages: Annotated[int, typer.Option("--pages", help="Pages of its first issue")] = 16,
    language: Annotated[str, typer.Option("--language", help="Language of its texts (fr)")] = "fr",
    name: Annotated[str | None, typer.Option("--name", help="Its name (default: from the folder)")] = None,
) -> None:
    """Start a publication: a first issue that builds at once, the kit's layouts fitted to its format."""
    import datetime as dt

    from ials_print.starter.formats import parse_format
    from ials_print.starter.init import Plan, create

    size = parse_format(format_)
    problems = []
    if size is None:
        problems.append(Problem(folder, f"--format: expected A4, A5, Letter or WxH in mm, found {format_!r}"))
    if language != "fr":
        problems.append(Problem(folder, f"--language: only fr is supported for now, found {language!r}"))
    if problems:
        raise _bad_input(problems, "nothing was written")
    title = name or folder.resolve().name.replace("-", " ").replace("_", " ").strip().title() or "Magazine"
    plan = Plan(folder, title, size[0], size[1], binding.value, pages, dt.datetime.now(dt.UTC).date())
    start = time.perf_counter()
    try:
        manifest = create(plan)
    except InputError as exc:
        raise _bad_input(exc.problems, "nothing was written") from None
    except OSError as exc:
        raise _bad_input([Problem(folder, f"cannot write here ({exc.strerror or exc})")]) from None
    out_console.print(
        f"init: {folder} — {title}, {size[0]:g} × {size[1]:g} mm, {pages} pages, {binding.value}; "
        f"manifest {manifest} ({time.perf_counter() - start:.1f} s). Next: cd {folder} && ials-print build",
        markup=False,
    )


@app.command("new-issue")
def new_issue_cmd(
    previous: Annotated[Path, typer.Argument(help="The previous issue's manifest (YAML)")],
    number: Annotated[int, typer.Option("--number", "-n", help="The new issue's number")],
    date: Annotated[
        str | None, typer.Option("--date", help="Its publication date, YYYY-MM-DD (default: today)")
    ] = None,
    out: Annotated[Path | None, typer.Option("--out", "-o", help="The new manifest (default: beside it)")] = None,
) -> None:
    """Start the next issue from the previous one: the same flatplan, each section a placeholder."""
    import datetime as dt

    from ials_print.manifest.newissue import write_next_issue

    issue = _load(previous)
    try:
        when = dt.date.fromisoformat(date) if date else dt.datetime.now(dt.UTC).date()
    except ValueError:
        raise _bad_input([Problem(previous, f"--date: expected YYYY-MM-DD, found {date!r}")]) from None
    try:
        target = write_next_issue(issue.manifest, issue.path, number, when, out)
    except InputError as exc:
        raise _bad_input(exc.problems, "nothing was written") from None
    except OSError as exc:
        raise _bad_input([Problem(out or issue.path.parent, f"cannot write here ({exc.strerror or exc})")]) from None
    m = issue.manifest
    out_console.print(
        f"new issue: {target} — n°{number} of {when.isoformat()}, {len(m.sections)} sections as placeholders "
        f"on {m.page_count} pages (the flatplan of n°{m.issue.number})",
        markup=False,
    )


@app.command("validate")
def validate_cmd(manifest: ManifestArg = DEFAULT_MANIFEST) -> None:
    """Check the manifest and every file it references, without building."""
    from ials_print.content.legal import missing_note
    from ials_print.provenance.report import broken_c2pa

    issue = _load(manifest)
    _typography_notes(issue)
    for warning in broken_c2pa(issue):
        _say("warning", f"warning: {warning}")
    m = issue.manifest
    note = missing_note(issue)
    if note:
        _say("warning", note)
    out_console.print(
        f"{manifest or issue.path}: valid — {len(m.sections)} sections, {m.page_count} pages, "
        f"{len(issue.articles)} texts, {len(issue.images)} visuals",
        markup=False,
    )


class SchemaKind(enum.StrEnum):
    manifest = "manifest"
    publication = "publication"
    layout = "layout"
    stylesheet = "stylesheet"
    data = "data"


@app.command("schema")
def schema_cmd(
    kind: Annotated[SchemaKind, typer.Argument(help="Which file's schema")] = SchemaKind.manifest,
    markdown: Annotated[bool, typer.Option("--markdown", help="Every file's keys as a Markdown reference")] = False,
) -> None:
    """Print a file's JSON Schema (for editors' completion and validation), or the reference of all."""
    from ials_print.manifest.schemas import json_schema, markdown_reference

    if markdown:
        sys.stdout.write(markdown_reference())
        return
    sys.stdout.write(json.dumps(json_schema(kind.value), indent=2, ensure_ascii=False) + "\n")


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

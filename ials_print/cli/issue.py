"""Commands that make an issue's files: build, preview, proof (and its diff), watch, flatplan."""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ials_print.cachedir import prune_all
from ials_print.errors import InputError
from ials_print.manifest.find import find_manifest
from ials_print.output.commit import OutputSet

if TYPE_CHECKING:  # the pipeline is imported by the commands that use it: `--help` starts fast
    from ials_print.manifest.load import Issue

from ials_print.cli.base import (
    DEFAULT_MANIFEST,
    EXIT_ERRORS,
    Jobs,
    ManifestArg,
    NoCache,
    OutDir,
    _bad_input,
    _commit,
    _load,
    _preflight_and_ticket,
    _render,
    _reported,
    _say,
    _summary,
    _typography_notes,
    app,
    out_console,
)


@app.command("build")
def build_cmd(
    manifest: ManifestArg = DEFAULT_MANIFEST,
    out: OutDir = Path("out"),
    marks: Annotated[bool, typer.Option("--marks", help="Add crop marks outside the bleed")] = False,
    no_cache: NoCache = False,
    jobs: Jobs = None,
) -> None:
    """Build the whole issue into OUT/<stem>.pdf (PDF/X-4), preflight it, and write OUT/<stem>.job.json."""
    from ials_print.output.build import output_intent
    from ials_print.output.modes import final_mode
    from ials_print.output.printer_files import InteriorChild
    from ials_print.output.sections import workers

    start = time.perf_counter()
    issue = _load(manifest)
    intent = output_intent(issue)
    # the printer's PDFs, their job ticket and the typography list: all or none. The interior is made
    # in a child from the moment the sections are laid out (then the issue is put together here).
    parallel = (jobs or workers()) > 1  # --jobs 1: one process, the interior's too
    with OutputSet() as outputs, InteriorChild(issue, out, parallel) as interior:
        mode = final_mode(intent.profile, marks, intent.identifier)
        target = out / f"{issue.stem}.pdf"
        result = _render(issue, target, None, mode, None, outputs, not no_cache, jobs, interior.start)
        result.release()  # staged; the printer's files are made from the sections' PDFs: 90 MB less held
        with _reported():
            _preflight_and_ticket(issue, result, outputs, marks, interior)
            _typography_notes(issue, out / f"{issue.stem}.typography.txt", outputs)
        _commit(outputs)
    prune_all()  # the caches that grow with every change kept to their size
    _summary(result, "built", start)
    if result.errors:
        raise typer.Exit(EXIT_ERRORS)


@app.command("preview")
def preview_cmd(
    section: Annotated[str, typer.Argument(help="Section id from the flatplan")],
    manifest: ManifestArg = DEFAULT_MANIFEST,
    out: OutDir = Path("out"),
    no_cache: NoCache = False,
) -> None:
    """Build one section alone, with its real page numbers, into OUT/<stem>-<section>.pdf."""
    start = time.perf_counter()
    issue = _load(manifest, only=[section])
    with OutputSet() as outputs:
        result = _render(issue, out / f"{issue.stem}-{section}.pdf", [section], outputs=outputs, use_cache=not no_cache)
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
    no_cache: NoCache = False,
    jobs: Jobs = None,
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
        only = [section] if section else None
        result = _render(issue, target, only, mode, stamp, outputs, not no_cache, jobs)
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
    no_flatplan: Annotated[
        bool, typer.Option("--no-flatplan", help="Do not draw OUT/<stem>-flatplan.png again after each rebuild")
    ] = False,
) -> None:
    """On every save, lay out again what it touches, then the flatplan: one line each; Ctrl-C stops."""
    from ials_print.output.watch import watch

    if section is not None and manifest is None and section.endswith((".yaml", ".yml")):
        section, manifest = None, Path(section)  # `watch MANIFEST`
    try:
        path = manifest or find_manifest()
        say = lambda line: out_console.print(line, markup=False)  # noqa: E731
        watch(path, out, say, section, proof, flatplan=not no_flatplan)
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
    prune_all()
    out_console.print(
        f"flatplan: {png} and {pdf} — {issue.manifest.page_count} pages, {problems} page(s) flagged "
        f"({time.perf_counter() - start:.2f} s)",
        markup=False,
    )

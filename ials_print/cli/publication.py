"""Commands for a publication and its issues: init, new-issue, validate, schema."""

from __future__ import annotations

import enum
import json
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ials_print.errors import InputError, Problem

if TYPE_CHECKING:  # the pipeline is imported by the commands that use it: `--help` starts fast
    pass

from ials_print.cli.base import (
    DEFAULT_MANIFEST,
    Binding,
    ManifestArg,
    _bad_input,
    _load,
    _say,
    _typography_notes,
    app,
    out_console,
)


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

"""Command line: a thin typer layer over the pipeline stages."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from ials_print.errors import InputError
from ials_print.manifest.load import Issue, load_issue
from ials_print.manifest.model import Manifest

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


def _load(manifest: Path, only: list[str] | None = None) -> Issue:
    try:
        return load_issue(manifest, only)
    except InputError as exc:
        for p in exc.problems:
            err_console.print(f"[red]error[/red] {p}", soft_wrap=True, markup=True)
        n = len(exc.problems)
        err_console.print(f"{n} problem{'s' * (n > 1)} in the input; nothing was built.")
        raise typer.Exit(2) from None


def _report(result, label: str, start: float) -> None:
    from ials_print.output.build import BuildResult

    assert isinstance(result, BuildResult)
    for w in result.warnings:
        err_console.print(f"[yellow]warning[/yellow] {w}", soft_wrap=True)
    for e in result.errors:
        err_console.print(f"[red]error[/red] {e}", soft_wrap=True)
    pages = len(result.pages)
    out_console.print(
        f"{label}: {result.output} — {pages} page{'s' * (pages > 1)}, {len(result.sections)} section"
        f"{'s' * (len(result.sections) > 1)}, {len(result.warnings)} warning{'s' * (len(result.warnings) != 1)}, "
        f"{len(result.errors)} error{'s' * (len(result.errors) != 1)} ({time.perf_counter() - start:.2f} s)",
        soft_wrap=True,
    )
    if result.errors:
        raise typer.Exit(1)


def _render(issue: Issue, out: Path, sections: list[str] | None):
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

        try:
            return build(issue, out, sections, progress=step)
        except InputError as exc:
            for p in exc.problems:
                err_console.print(f"[red]error[/red] {p}", soft_wrap=True)
            raise typer.Exit(2) from None


@app.command("build")
def build_cmd(manifest: ManifestArg = DEFAULT_MANIFEST, out: OutDir = Path("out")) -> None:
    """Build the whole issue into OUT/<manifest stem>.pdf (written atomically)."""
    start = time.perf_counter()
    issue = _load(manifest)
    result = _render(issue, out / f"{issue.stem}.pdf", None)
    _report(result, "built", start)


@app.command("preview")
def preview_cmd(
    section: Annotated[str, typer.Argument(help="Section id from the flatplan")],
    manifest: ManifestArg = DEFAULT_MANIFEST,
    out: OutDir = Path("out"),
) -> None:
    """Build one section alone, with its real page numbers, into OUT/<stem>-<section>.pdf."""
    start = time.perf_counter()
    issue = _load(manifest, only=[section])
    try:
        issue.section(section)
    except InputError as exc:
        err_console.print(f"[red]error[/red] {exc.problems[0]}", soft_wrap=True)
        raise typer.Exit(2) from None
    result = _render(issue, out / f"{issue.stem}-{section}.pdf", [section])
    _report(result, "preview", start)


@app.command("validate")
def validate_cmd(manifest: ManifestArg = DEFAULT_MANIFEST) -> None:
    """Check the manifest and every file it references, without building."""
    issue = _load(manifest)
    try:
        from ials_print.layout.fonts import register_fonts

        register_fonts(issue.manifest.fonts, issue.fonts_dir)
    except InputError as exc:
        for p in exc.problems:
            err_console.print(f"[red]error[/red] {p}", soft_wrap=True)
        raise typer.Exit(2) from None
    m = issue.manifest
    out_console.print(
        f"{manifest}: valid — {len(m.sections)} sections, {m.page_count} pages, "
        f"{len(issue.articles)} texts, {len(issue.images)} visuals"
    )


@app.command("schema")
def schema_cmd() -> None:
    """Print the manifest's JSON Schema (for editors' completion and validation)."""
    schema = Manifest.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "IALS issue manifest"
    sys.stdout.write(json.dumps(schema, indent=2, ensure_ascii=False) + "\n")


def main() -> None:
    app()


if __name__ == "__main__":
    main()

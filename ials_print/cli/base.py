"""The command line's common ground: the typer app, its consoles, arguments, exit codes, and the
helpers every command uses (loading, reporting bad input, committing outputs)."""

from __future__ import annotations

import contextlib
import enum
import os
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TextIO

import typer

from ials_print.errors import InputError, Problem
from ials_print.manifest.find import find_manifest
from ials_print.output.commit import OutputError, OutputSet

if TYPE_CHECKING:  # the pipeline is imported by the commands that use it: `--help` starts fast
    from rich.console import Console

    from ials_print.manifest.load import Issue

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_show_locals=False,
    help="ials-print: lay out a magazine issue from its YAML manifest into a print PDF.",
)


class LazyConsole:
    """rich's Console for a terminal (colours, tables, the progress bar), made on first use; a plain
    line to a file or a pipe is written as it is, without importing rich (30–40 ms of every start)."""

    def __init__(self, stderr: bool = False):
        self.stderr = stderr
        self._rich: Console | None = None

    @property
    def stream(self) -> TextIO:
        return sys.stderr if self.stderr else sys.stdout

    @property
    def rich(self) -> Console:
        if self._rich is None:
            from rich.console import Console

            self._rich = Console(stderr=self.stderr, highlight=False, soft_wrap=True)
        return self._rich

    @property
    def is_terminal(self) -> bool:
        return self.rich.is_terminal

    def print(self, *objects: object, markup: bool | None = None, style: str | None = None) -> None:
        plain = len(objects) == 1 and isinstance(objects[0], str) and markup is False
        if plain and not _coloured(self.stream):
            self.stream.write(objects[0] + "\n")
            self.stream.flush()
            return
        self.rich.print(*objects, markup=markup, style=style)


def _coloured(stream: TextIO) -> bool:
    """Would rich colour this stream? (a terminal, or colour forced by the environment)"""
    if os.environ.get("FORCE_COLOR") or os.environ.get("TTY_COMPATIBLE") == "1":
        return True
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


out_console = LazyConsole()
err_console = LazyConsole(stderr=True)

DEFAULT_MANIFEST = None  # the one manifest in the current folder or its issue/ folder
ManifestArg = Annotated[
    Path | None,
    typer.Argument(help="The issue manifest (YAML); default: the one here or in issue/", show_default=False),
]
OutDir = Annotated[Path, typer.Option("--out", "-o", help="Output folder")]
NoCache = Annotated[
    bool,
    typer.Option("--no-cache", help="Lay out every section anew, without the section cache (prepared images are kept)"),
]
Jobs = Annotated[
    int | None,
    typer.Option("--jobs", "-j", min=1, help="Processes laying out sections at once (default: one per core)"),
]

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
    cached = f"{result.sections_cached} of {sections} from the cache, " if result.sections_cached else ""
    out_console.print(
        f"{label}: {result.output} — {pages} page{'s' * (pages > 1)}, {sections} section{'s' * (sections > 1)}, "
        f"{n_w} warning{'s' * (n_w != 1)}, {n_e} error{'s' * (n_e != 1)} ({cached}{time.perf_counter() - start:.2f} s)",
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


def _render(
    issue: Issue,
    out: Path,
    sections: list[str] | None,
    mode=None,
    stamp=None,
    outputs=None,
    use_cache: bool = True,
    jobs: int | None = None,
    laid_out: Callable[[Any], None] | None = None,
):
    from ials_print.output.build import build

    todo = [s.id for s in issue.manifest.sections if sections is None or s.id in sections]
    with _progress(len(todo)) as step, _reported():

        def after_layout(result) -> None:
            step.finish()  # the bar's thread ends before ``laid_out`` may fork
            if laid_out is not None:
                laid_out(result)

        return build(
            issue,
            out,
            sections,
            step,
            mode,
            stamp=stamp,
            outputs=outputs,
            use_cache=use_cache,
            jobs=jobs,
            laid_out=after_layout,
        )


class _Steps:
    """The step function for the sections laid out: a bar appears once the build has taken more than a
    second, and only on a terminal (rich's bar is imported then, not at every start)."""

    def __init__(self, total: int) -> None:
        self.total, self.done, self.start = total, 0, time.perf_counter()
        self.bar: Any = None
        self.task: Any = None
        self.finished = False

    def __call__(self, section_id: str) -> None:
        self.done += 1
        if self.finished:
            return
        if self.bar is None:
            if time.perf_counter() - self.start <= 1.0 or not err_console.is_terminal:
                return
            from rich.progress import Progress

            self.bar = Progress(console=err_console.rich, transient=True)
            self.bar.start()
            self.task = self.bar.add_task("laying out", total=self.total, completed=self.done - 1)
        self.bar.update(self.task, advance=1, description=f"laying out {section_id}")

    def finish(self) -> None:
        """The bar taken down (its refresh thread stopped); later steps show nothing."""
        self.finished = True
        if self.bar is not None:
            self.bar.stop()
            self.bar = None


@contextlib.contextmanager
def _progress(total: int) -> Iterator[_Steps]:
    """A step function for the sections laid out (see :class:`_Steps`), taken down at the end."""
    steps = _Steps(total)
    try:
        yield steps
    finally:
        steps.finish()


def _preflight_and_ticket(issue: Issue, result, outputs: OutputSet, marks: bool = False, interior=None) -> None:
    """The printer's files (still staged) are checked by the preflight, their findings joining the
    build's, and the job ticket goes beside them; all are committed together. ``interior``: the
    interior being made in a child (``printer_files.InteriorChild``)."""
    from ials_print.output.printer_files import deliver

    for note in deliver(issue, result, marks, outputs, interior):
        _say("note", note)

"""``ials-print watch``: on every save of a text, visual, template, stylesheet, the manifest or the
publication file, lay out again the sections it touches (their previews) or the whole proof, and
say it in one line; then the flatplan is drawn again in a child process (its thumbnails cached page
by page, so only the touched pages are rasterised). A half-saved or broken file gets its one-line
error; the last good output stays."""

from __future__ import annotations

import contextlib
import gc
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterable
from pathlib import Path

from ials_print.errors import InputError
from ials_print.manifest.load import Issue, load_issue
from ials_print.output.build import build, output_intent
from ials_print.output.modes import proof_mode

NICE = 10  # the background flatplan's niceness: previews first


def touched_sections(old: Issue | None, new: Issue, changed: Iterable[Path]) -> list[str]:
    """The sections a change concerns: those whose entry in the manifest changed, whose text,
    data file or visuals were saved, whose layout was; all of them when the stylesheet, a font,
    the profile, the publication or anything of the manifest outside its sections changed."""
    changed = {p.resolve() for p in changed}
    everything = [s.id for s in new.manifest.sections]
    if (
        old is None
        or old.manifest.model_dump(exclude={"sections"}) != new.manifest.model_dump(exclude={"sections"})
        or old.publication != new.publication
        or any(p.suffix.lower() in (".ttf", ".otf", ".icc") or p.name == "styles.yaml" for p in changed)
    ):
        return everything
    before = {s.id: s for s in old.manifest.sections}
    out = []
    for s in new.manifest.sections:
        files = {new.folder / f for f in (s.text, s.data) if f}
        files |= {new.visual_files[v.id] for v in s.images if v.id in new.visual_files}
        files.add(new.layouts_dir / f"{s.layout}.yaml")
        if before.get(s.id) != s or any(f.resolve() in changed for f in files):
            out.append(s.id)
    return out


def _first(exc: InputError) -> str:
    more = f" (and {len(exc.problems) - 1} more)" if len(exc.problems) > 1 else ""
    return f"{exc.problems[0]}{more}"


def watch(
    manifest: Path,
    out: Path,
    say: Callable[[str], None],
    section: str | None = None,
    proof: bool = False,
    stop: threading.Event | None = None,
    ready: threading.Event | None = None,
    flatplan: bool = True,
) -> None:
    """Watch the issue's folder, its layouts and its publication file until ``stop`` is set (or
    Ctrl-C). A manifest that cannot be read at all, or an unknown section, is an :class:`InputError`.
    ``flatplan``: draw ``<stem>-flatplan.png`` again after each rebuild."""
    only = [section] if section is not None else None  # one section watched: the others are not checked
    issue = load_issue(manifest, only)  # the first load must succeed: there is nothing to keep otherwise
    if section is not None:
        issue.section(section)  # an unknown id is said now, not after the first save
    roots = {manifest.parent.resolve(), issue.layouts_dir}
    if isinstance(issue.manifest.publication, str):
        roots.add((issue.folder / issue.manifest.publication).resolve().parent)
    from ials_print.output.sections import warm_up

    with contextlib.suppress(Exception):  # only time is at stake: the first rebuild reports what fails
        warm_up(issue)  # so that the first save is laid out as fast as the next ones
    say(f"{_clock()} watching {', '.join(str(r) for r in sorted(roots))} (Ctrl-C to stop)")
    if ready is not None:
        ready.set()
    sheet = FlatplanRefresh(manifest, out, say) if flatplan else None
    gc.collect()
    gc.freeze()  # what is loaded now lives as long as the watch: no collection walks it again at a save
    try:
        _loop(manifest, out, say, section, proof, stop, issue, roots, sheet)
    finally:
        gc.unfreeze()
        if sheet is not None:
            sheet.stop(wait=True)


def _loop(
    manifest: Path,
    out: Path,
    say: Callable[[str], None],
    section: str | None,
    proof: bool,
    stop: threading.Event | None,
    issue: Issue,
    roots: set[Path],
    sheet: FlatplanRefresh | None,
) -> None:
    """Rebuild on every save until ``stop``; ``issue``: the last good load."""
    from watchfiles import watch as watch_files

    only = [section] if section is not None else None
    own = out.resolve()
    # Woken every 200 ms without a change, to say when the flatplan's child process is done.
    for changes in watch_files(*roots, stop_event=stop, debounce=40, step=20, rust_timeout=200, yield_on_timeout=True):
        if sheet is not None:
            sheet.poll()
        saved = [Path(p) for _, p in changes if Path(p).resolve().parent not in (own, own / "proofs")]
        if not saved:
            continue  # a timeout, or what watch writes itself
        if sheet is not None:
            sheet.stop()  # a newer save: the flatplan under way is already out of date
        start = time.perf_counter()
        try:
            new = load_issue(manifest, only)
        except InputError as exc:
            say(f"{_clock()} {_first(exc)}; the last good output stays")
            continue
        ids = touched_sections(issue, new, saved)
        if section is not None:
            ids = [section] if section in ids else []
        issue = new
        try:
            if proof and ids:
                mode = proof_mode(output_intent(new).profile)
                say(_line("proof", build(new, out / f"{new.stem}-proof-watch.pdf", None, mode=mode), start))
            elif ids:
                for sid in ids:
                    say(_line(sid, build(new, out / f"{new.stem}-{sid}.pdf", [sid]), start))
        except InputError as exc:
            say(f"{_clock()} {_first(exc)}; the last good output stays")
        except OSError as exc:
            say(f"{_clock()} {out}: cannot write here ({exc.strerror or exc}); the last good output stays")
            continue
        if sheet is not None and ids:
            sheet.start()


class FlatplanRefresh:
    """``ials-print flatplan`` run in a child process after a rebuild: it has its own core and does
    not hold up the next preview. A newer save interrupts it, as Ctrl-C would, without waiting for it
    to end (its outputs are written atomically: the last good flatplan stays); its one line is said
    when it is done."""

    def __init__(self, manifest: Path, out: Path, say: Callable[[str], None]):
        self.command = [sys.executable, "-m", "ials_print.cli", "flatplan", str(manifest), "--out", str(out)]
        self.say = say
        self.proc: subprocess.Popen | None = None
        self.ending: list[tuple[subprocess.Popen, float]] = []  # interrupted, not yet reaped

    def start(self) -> None:
        self.stop()
        self.proc = subprocess.Popen(
            self.command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, text=True
        )
        # Below the previews in the scheduler's eyes (its workers inherit it): with a layout pool of its
        # own, it would otherwise take the core the next save's preview needs.
        with contextlib.suppress(AttributeError, OSError):
            os.setpriority(os.PRIO_PROCESS, self.proc.pid, NICE)

    def poll(self) -> None:
        """Say the flatplan's line once its process has ended; reap the interrupted ones."""
        self._reap()
        if self.proc is None or self.proc.poll() is None:
            return
        proc, self.proc = self.proc, None
        output = _close(proc).strip().splitlines()
        said = [line for line in output if line.startswith(("flatplan:", "error", "ials-print"))] or output[-1:]
        if said:
            self.say(f"{_clock()} {said[-1]}")

    def stop(self, wait: bool = False) -> None:
        """Interrupt the flatplan under way (``wait``: until every interrupted one has ended)."""
        if self.proc is not None:
            if self.proc.poll() is None:
                self.proc.send_signal(signal.SIGINT)
            self.ending.append((self.proc, time.monotonic()))
            self.proc = None
        self._reap(wait)

    def _reap(self, wait: bool = False) -> None:
        for proc, since in list(self.ending):
            if wait:
                try:
                    proc.wait(max(0.1, 5 - (time.monotonic() - since)))
                except subprocess.TimeoutExpired:
                    proc.kill()
            elif proc.poll() is None and time.monotonic() - since > 5:
                proc.kill()  # deaf to Ctrl-C for 5 s
            if proc.poll() is not None or wait:
                proc.wait()
                _close(proc)
                self.ending.remove((proc, since))


def _close(proc: subprocess.Popen) -> str:
    """What an ended child printed; its pipe closed."""
    if proc.stdout is None:
        return ""
    with proc.stdout:
        return proc.stdout.read()


def _clock() -> str:
    return time.strftime("%H:%M:%S")


def _line(what: str, result, start: float) -> str:
    """One line: when, what, pages, what is wrong, how long."""
    over = [e for e in result.errors if e.startswith("overset")]
    under = [w for w in result.warnings if "underset" in w or w.startswith("fit:")]
    other = len(result.errors) - len(over)
    n = len(result.pages)
    parts = [f"{n} page{'s' * (n != 1)}"]
    if over:
        parts.append(f"overset: {over[0].split(': ', 1)[-1][:60]}")
    if under:
        parts.append(f"{len(under)} page(s) underfilled or empty")
    if other:
        parts.append(f"{other} error(s)")
    return f"{_clock()} {what}: {', '.join(parts)} ({time.perf_counter() - start:.2f} s)"

"""``ials-print watch``: on every save of a text, visual, template, stylesheet, the manifest or the
publication file, lay out again the sections it touches (their previews) or the whole proof, and
say it in one line. A half-saved or broken file gets its one-line error; the last good output stays."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable
from pathlib import Path

from ials_print.errors import InputError
from ials_print.manifest.load import Issue, load_issue
from ials_print.output.build import build, output_intent
from ials_print.output.modes import proof_mode


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
) -> None:
    """Watch the issue's folder, its layouts and its publication file until ``stop`` is set (or
    Ctrl-C). A manifest that cannot be read at all, or an unknown section, is an :class:`InputError`."""
    from watchfiles import watch as watch_files

    only = [section] if section is not None else None  # one section watched: the others are not checked
    issue = load_issue(manifest, only)  # the first load must succeed: there is nothing to keep otherwise
    if section is not None:
        issue.section(section)  # an unknown id is said now, not after the first save
    roots = {manifest.parent.resolve(), issue.layouts_dir}
    if isinstance(issue.manifest.publication, str):
        roots.add((issue.folder / issue.manifest.publication).resolve().parent)
    own = out.resolve()
    say(f"{_clock()} watching {', '.join(str(r) for r in sorted(roots))} (Ctrl-C to stop)")
    if ready is not None:
        ready.set()
    for changes in watch_files(*roots, stop_event=stop, debounce=40, step=20, rust_timeout=200, yield_on_timeout=False):
        saved = [Path(p) for _, p in changes if Path(p).resolve().parent not in (own, own / "proofs")]
        if not saved:
            continue  # what watch writes itself
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

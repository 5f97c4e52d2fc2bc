"""Which manifest a command works on when none is named: the one in the current folder or in its
``issue/`` folder (a YAML file with a top-level ``sections:`` list)."""

from __future__ import annotations

import re
from pathlib import Path

from ials_print.errors import InputError, Problem

_SECTIONS = re.compile(r"^sections:", re.MULTILINE)
_HEAD = 200_000  # a manifest says ``sections:`` within its first 200 kB


def find_manifest(folder: Path | None = None) -> Path:
    """The manifest in ``folder`` (default: the current one) or its ``issue/`` folder: the only
    one, or the latest of one title's numbered issues (``zine-01.yaml``, ``zine-02.yaml`` → 02)."""
    folder = folder or Path.cwd()
    found: list[Path] = []
    for place in (folder, folder / "issue"):
        if not place.is_dir():
            continue
        for path in sorted([*place.glob("*.yaml"), *place.glob("*.yml")]):
            try:
                with path.open("r", encoding="utf-8", errors="replace") as f:
                    head = f.read(_HEAD)
            except OSError:
                continue
            if _SECTIONS.search(head):
                found.append(path)
        if found:
            break
    latest = _latest(found)
    if latest is not None:
        return latest.relative_to(folder) if latest.is_relative_to(folder) else latest
    if not found:
        raise InputError(
            [Problem(folder, "no manifest named, and none here or in issue/ (a YAML file with 'sections:'); name it")]
        )
    names = ", ".join(str(p.relative_to(folder)) for p in found)
    raise InputError([Problem(folder, f"no manifest named, and several here ({names}); name the one to use")])


def _latest(found: list[Path]) -> Path | None:
    """The only manifest, or the highest-numbered of several that differ only by their number."""
    if len(found) == 1:
        return found[0]
    numbered = [(re.fullmatch(r"(.*?)(\d+)", p.stem), p) for p in found]
    if not found or any(m is None for m, _ in numbered) or len({m.group(1) for m, _ in numbered}) != 1:
        return None
    return max(numbered, key=lambda mp: int(mp[0].group(2)))[1]

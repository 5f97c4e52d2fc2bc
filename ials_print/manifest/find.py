"""Which manifest a command works on when none is named: the one in the current folder or in its
``issue/`` folder (a YAML file with a top-level ``sections:`` list)."""

from __future__ import annotations

import re
from pathlib import Path

from ials_print.errors import InputError, Problem

_SECTIONS = re.compile(r"^sections:", re.MULTILINE)
_HEAD = 200_000  # a manifest says ``sections:`` within its first 200 kB


def find_manifest(folder: Path | None = None) -> Path:
    """The only manifest in ``folder`` (default: the current one) or its ``issue/`` folder."""
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
    if len(found) == 1:
        return found[0].relative_to(folder) if found[0].is_relative_to(folder) else found[0]
    if not found:
        raise InputError(
            [Problem(folder, "no manifest named, and none here or in issue/ (a YAML file with 'sections:'); name it")]
        )
    names = ", ".join(str(p.relative_to(folder)) for p in found)
    raise InputError([Problem(folder, f"no manifest named, and several here ({names}); name the one to use")])

"""Paths inside the issue's folder, and names that were probably meant."""

from __future__ import annotations

import difflib
from pathlib import Path

from ials_print.errors import InputError, Problem


def inside(folder: Path, relative: str) -> Path | None:
    """``relative`` resolved against ``folder``, or None if it leaves the folder."""
    try:
        target = (folder / relative).resolve()
        root = folder.resolve()
    except (OSError, RuntimeError) as exc:  # a symbolic link loop
        raise InputError([Problem(folder / relative, f"cannot resolve the path ({exc})")]) from None
    return target if target == root or root in target.parents else None


def did_you_mean(name: str, known: list[str]) -> str:
    close = difflib.get_close_matches(name, known, n=1)
    return f"; did you mean '{close[0]}'?" if close else ""

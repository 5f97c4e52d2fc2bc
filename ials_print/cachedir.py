"""Where the engine keeps what it can make again: one folder, one subfolder per kind of thing.

``$IALS_PRINT_CACHE`` names the folder, else ``$XDG_CACHE_HOME/ials-print`` (``~/.cache/ials-print``).
Everything in it is derived from the inputs and rebuilt when missing, so ``ials-print cache clear``
may empty it at any time.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

# Every subfolder the engine writes: ``cache clear`` removes these and nothing else.
KINDS = ("images", "sections", "scans", "facts", "thumbs")


def cache_root() -> Path:
    if os.environ.get("IALS_PRINT_CACHE"):
        return Path(os.environ["IALS_PRINT_CACHE"])
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "ials-print"


def cache_folder(kind: str) -> Path:
    """The folder of one kind of cached thing (one of :data:`KINDS`)."""
    if kind not in KINDS:
        raise ValueError(f"unknown cache kind {kind!r}")
    return cache_root() / kind


def folder_size(folder: Path) -> tuple[int, int]:
    """Files and bytes under ``folder`` (0, 0 when it does not exist)."""
    files = size = 0
    for path in folder.rglob("*"):
        try:
            if path.is_file():
                files += 1
                size += path.stat().st_size
        except OSError:  # removed meanwhile by another build's pruning
            continue
    return files, size


def clear(root: Path | None = None) -> dict[str, tuple[int, int]]:
    """Remove every kind of cached thing under ``root`` (the cache root by default); returns what
    each held (files, bytes). Files of other programs that share the folder are left alone."""
    root = root or cache_root()
    removed = {}
    for kind in KINDS:
        folder = root / kind
        if folder.is_dir():
            removed[kind] = folder_size(folder)
            shutil.rmtree(folder, ignore_errors=True)
    return removed

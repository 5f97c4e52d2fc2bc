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
# What the kinds pruned here may hold; the sections prune themselves (section_cache.MAX_BYTES), and
# prepared images stay (a cold build costs minutes; ``cache clear`` empties them).
LIMITS = {"scans": 256 << 20, "facts": 256 << 20, "thumbs": 512 << 20}


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


def prune(folder: Path, limit: int) -> int:
    """Remove the least recently modified files under ``folder`` until it holds ``limit`` bytes at
    most; returns how many went. Another build removing the same files meanwhile is no error."""
    files = []
    total = 0
    for path in folder.rglob("*"):
        try:
            st = path.stat()
        except OSError:
            continue
        if path.is_file():
            files.append((st.st_mtime_ns, st.st_size, path))
            total += st.st_size
    removed = 0
    for _, size, path in sorted(files):
        if total <= limit:
            break
        path.unlink(missing_ok=True)
        total -= size
        removed += 1
    return removed


def prune_all(root: Path | None = None) -> None:
    """Keep each pruned kind under its limit (:data:`LIMITS`); a folder that cannot be read is left."""
    root = root or cache_root()
    for kind, limit in LIMITS.items():
        try:
            prune(root / kind, limit)
        except OSError:
            continue

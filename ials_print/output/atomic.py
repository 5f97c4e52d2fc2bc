"""Atomic file output: write a temporary file beside the target, then rename it over."""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path

Data = bytes | bytearray | memoryview | list  # a list: consecutive pieces of one file


def digest(data: Data) -> str:
    """The SHA-256 of ``data`` (of its pieces, in order)."""
    h = hashlib.sha256()
    for piece in data if isinstance(data, list) else [data]:
        h.update(piece)
    return h.hexdigest()


def write_temp(path: Path, data: Data, sync: bool = True) -> Path:
    """``data`` in a new temporary file beside ``path`` (same folder, so a rename is atomic), synced
    to disk (unless ``sync`` is False: the caller syncs it before the rename) and readable by all as
    an output should be; returns its path. Nothing is left on failure."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    umask = os.umask(0)
    os.umask(umask)
    try:
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes 0600 files; outputs are meant to be shared
        with os.fdopen(fd, "wb") as f:
            for piece in data if isinstance(data, list) else [data]:
                f.write(piece)
            if sync:
                f.flush()
                os.fsync(f.fileno())
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return Path(tmp)


def write_atomic(path: Path, data: Data, sync: bool = True) -> None:
    """Replace ``path`` with ``data`` in one step; a failure leaves the old file untouched. A cache's
    entry needs no ``sync``: one lost to a power cut fails its check and is made again."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = write_temp(path, data, sync)
    try:
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def sync_file(path: Path) -> None:
    """Flush a written file's data to disk (before it is renamed over an output)."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def sync_folder(folder: Path) -> None:
    """Make the renames in ``folder`` durable (where the system allows a folder to be synced)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # some filesystems refuse it; the renames are done all the same
    finally:
        os.close(fd)

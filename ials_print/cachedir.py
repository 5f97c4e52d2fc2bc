"""Where the engine keeps what it can recompute: prepared images, and facts about input files.

``images_cache()`` is ``$IALS_PRINT_CACHE``, else ``~/.cache/ials-print/images`` (``$XDG_CACHE_HOME``
honoured); ``facts_cache()`` is its sibling ``facts``. Nothing here imports the rest of the engine, so
any layer (manifest, images, output) may use it.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def images_cache() -> Path:
    """Prepared images: $IALS_PRINT_CACHE, else the user's cache folder (shared by all builds)."""
    if os.environ.get("IALS_PRINT_CACHE"):
        return Path(os.environ["IALS_PRINT_CACHE"])
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "ials-print" / "images"


def facts_cache() -> Path:
    """Facts read from input files (an image's size, its provenance, a parsed article), by content."""
    return images_cache().parent / "facts"


def write_cache_file(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file renamed over it, so a reader never sees half
    an entry. Not synced to disk: a cache entry lost or torn by a crash is only recomputed."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise

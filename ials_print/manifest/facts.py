"""Facts about input files that are slow to establish, kept on disk by the SHA-256 of the file's bytes.

Loading an issue decodes every visual whole (:func:`inspect_image`), validates its C2PA manifest
(:func:`read_file_provenance`), parses and corrects every article and parses every font: most of its
time. Each result depends only on the file's bytes (and, for provenance, on the trust anchors), so it
is kept as a JSON entry in the cache folder's ``facts/`` (:mod:`ials_print.cachedir`) under that digest, with a
fingerprint of the engine (the code and library versions that decide it). An entry that cannot be
read, is malformed or was written for another key is ignored and recomputed, never trusted.

Of the checks, only successes are kept: a broken image, article, font or profile is checked again on
every load, its problems worded afresh. A provenance claim is kept whatever it says (a tampered
manifest is a fact about those bytes), unless the C2PA SDK could not be loaded; as a C2PA verdict
also depends on the date (a certificate expires), it is checked again after a day.

A file's digest itself is remembered (in the process, and on disk for the next one) by its path and
status (size, mtime, ctime, inode), but only once the file is a few seconds old, so that a file
rewritten within the clock's resolution is hashed again; entries read are remembered by their key.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import hashlib
import json
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ials_print.cachedir import cache_folder
from ials_print.content import codec
from ials_print.content.notes import Fix, TypoNote
from ials_print.content.story import Article
from ials_print.errors import Problem
from ials_print.images.info import ImageInfo
from ials_print.limits import MAX_MARKDOWN_BYTES, decode_utf8, read_limited
from ials_print.output.atomic import write_atomic
from ials_print.provenance.c2pa_read import READABLE, C2paAction, C2paManifest
from ials_print.provenance.filemeta import SOURCE_TYPES, FileProvenance, read_file_provenance

_FORMAT = 1  # of the entries: bump when their layout changes
_MAX_C2PA_AGE = 24 * 3600  # seconds a C2PA verdict is reused
RACY_NS = 3_000_000_000  # a file modified less than this before it was hashed is hashed again
_PACKAGE = Path(__file__).resolve().parent.parent
# The code whose behaviour the facts record (besides the libraries' versions).
_SOURCES = (
    "limits.py",
    "images/inspect.py",
    "provenance/filemeta.py",
    "provenance/c2pa_read.py",
    "manifest/yamlfile.py",
    "manifest/validate.py",
    "manifest/facts.py",
    "manifest/checks_files.py",
    "manifest/checks_glyphs.py",
)

_digests: dict[tuple[str, int, int, int], str] = {}
_memo: dict[str, Any] = {}  # entry key -> the value decoded


@functools.cache
def engine_fingerprint() -> str:
    """A digest of the code and library versions that decide the facts: a change makes them stale."""
    import PIL
    import pydantic
    import reportlab
    import yaml

    versions = [sys.version, PIL.__version__, yaml.__version__, str(yaml.__with_libyaml__), reportlab.Version]
    versions += [pydantic.VERSION, *map(_version, ("markdown-it-py", "mdit-py-plugins", "c2pa-python"))]
    h = hashlib.sha256(f"{_FORMAT} {' '.join(versions)}".encode())
    for path in sorted({*(_PACKAGE / name for name in _SOURCES), *(_PACKAGE / "content").glob("*.py")}):
        h.update(path.name.encode() + b"\0" + path.read_bytes())
    return h.hexdigest()[:32]


def _version(distribution: str) -> str:
    """The installed version of a library not otherwise imported here (Markdown is parsed on a miss only)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(distribution)
    except PackageNotFoundError:
        return "none"


def file_digest(path: Path) -> tuple[str, tuple[int, int, int]]:
    """The SHA-256 of the file's bytes, and the (size, mtime, inode) it was read at.

    A digest is kept in this process and on disk under the file's path and full status (size, mtime,
    ctime, inode, device), as git's index keeps its stat data: a write changes ctime, which no tool
    can set back. A file written less than ``RACY_NS`` before it was hashed is hashed again next time
    (a write within the clock's granularity could leave every time unchanged)."""
    st = path.stat()
    stamp = (st.st_size, st.st_mtime_ns, st.st_ino)
    key = (str(path), *stamp)
    digest = _digests.get(key)
    if digest is None:
        status = [st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino, st.st_dev]
        name = hashlib.sha256(os.fsencode(os.path.abspath(path))).hexdigest()[:40]
        digest = _get("digest", name, f"digest {status}")
        if not (isinstance(digest, str) and len(digest) == 64):
            with path.open("rb") as f:
                digest = hashlib.file_digest(f, "sha256").hexdigest()
            if settled(st):
                _put("digest", name, f"digest {status}", digest)
        if settled(st):
            if len(_digests) > 4096:
                _digests.clear()
            _digests[key] = digest
    return digest, stamp


def settled(st: os.stat_result) -> bool:
    """Written (or its status changed) more than ``RACY_NS`` ago: what its status says can be kept."""
    return time.time_ns() - max(st.st_mtime_ns, st.st_ctime_ns) > RACY_NS


def remembered(kind: str, key: str, compute: Callable[[], str], keep: bool = True) -> str:
    """``compute()``, or the string an earlier process kept under ``key`` (kept now when ``keep``)."""
    name = hashlib.sha256(key.encode()).hexdigest()[:40]
    value = _get(kind, name, key)
    if isinstance(value, str):
        return value
    value = compute()
    if keep:
        _remember(key, value)
        _put(kind, name, key, value)
    return value


def _unchanged(path: Path, stamp: tuple[int, int, int]) -> bool:
    """The file is as it was hashed (so what was read of it may be kept under that digest)."""
    try:
        st = path.stat()
    except OSError:
        return False
    return (st.st_size, st.st_mtime_ns, st.st_ino) == stamp


def _entry(kind: str, name: str) -> Path:
    env = os.environ
    return _folder(env.get("IALS_PRINT_CACHE"), env.get("XDG_CACHE_HOME"), env.get("HOME"), kind) / f"{name}.json"


@functools.lru_cache(maxsize=16)
def _folder(_cache: str | None, _xdg: str | None, _home: str | None, kind: str) -> Path:
    """The folder of one kind of facts (the environment variables that decide it as arguments)."""
    return cache_folder("facts") / kind


def _get(kind: str, name: str, key: str) -> Any | None:
    """The value stored under ``key``, or None (absent, unreadable, malformed, another key's)."""
    if key in _memo:
        return _memo[key]
    try:
        entry = json.loads(_entry(kind, name).read_bytes())
    except (OSError, ValueError):
        return None
    if not isinstance(entry, dict) or entry.get("key") != key or "value" not in entry:
        return None
    if kind == "provenance":  # a verdict ages
        checked = entry.get("checked")
        if not isinstance(checked, int) or not 0 <= time.time() - checked <= _MAX_C2PA_AGE:
            return None
    return entry["value"]


def _put(kind: str, name: str, key: str, value: Any) -> None:
    entry = {"key": key, "checked": int(time.time()), "value": value}
    with contextlib.suppress(OSError):  # a read-only or full cache only costs time
        write_atomic(_entry(kind, name), json.dumps(entry, ensure_ascii=False, sort_keys=True).encode(), sync=False)


def _remember(key: str, value: Any) -> Any:
    if len(_memo) > 2048:
        _memo.clear()
    _memo[key] = value
    return value


# --------------------------------------------------------------------------
# Images: what inspect_image finds
# --------------------------------------------------------------------------


def image_info(path: Path) -> ImageInfo | Problem:
    """:func:`inspect_image` of ``path``, from the cache when its bytes were inspected before."""
    try:
        if not path.is_file() or path.stat().st_size == 0:
            return _inspect(path)  # its own words for a folder, a missing or an empty file
        digest, stamp = file_digest(path)
    except OSError:
        return _inspect(path)
    key = f"image {digest} {engine_fingerprint()}"
    value = _get("image", digest, key)
    if value is not None:
        try:
            return _remember(key, _image_from_json(path, value))
        except (KeyError, TypeError, ValueError):
            pass
    info = _inspect(path)
    if isinstance(info, ImageInfo) and _unchanged(path, stamp):
        _remember(key, info)
        _put(
            "image", digest, key, {"width": info.width, "height": info.height, "format": info.format, "mode": info.mode}
        )
    return info


def _inspect(path: Path) -> ImageInfo | Problem:
    from ials_print.images.inspect import inspect_image  # Pillow: imported when an image is read

    return inspect_image(path)


def _image_from_json(path: Path, value: Any) -> ImageInfo:
    if isinstance(value, ImageInfo):  # remembered in this process
        return value if value.path == path else dataclasses.replace(value, path=path)
    width, height, fmt, mode = value["width"], value["height"], value["format"], value["mode"]
    if not (type(width) is int and type(height) is int and width > 0 and height > 0):
        raise ValueError("bad size")
    if fmt not in ("JPEG", "PNG", "TIFF") or not isinstance(mode, str):
        raise ValueError("bad format")
    return ImageInfo(path, width, height, fmt, mode)


# --------------------------------------------------------------------------
# Provenance: what the file says about its making
# --------------------------------------------------------------------------


def file_provenance(path: Path, trust_anchors: str | None = None) -> FileProvenance:
    """:func:`read_file_provenance` of ``path``, from the cache for the same bytes and trust anchors."""
    try:
        digest, stamp = file_digest(path)
    except OSError:
        return read_file_provenance(path, trust_anchors)
    anchors = hashlib.sha256(trust_anchors.encode()).hexdigest()[:16] if trust_anchors else "none"
    key = f"provenance {digest} {anchors} {engine_fingerprint()}"
    name = f"{digest}-{anchors}"
    value = _get("provenance", name, key)  # never remembered in memory: a verdict ages
    if value is not None:
        try:
            return _claim_from_json(value)
        except (KeyError, TypeError, ValueError):
            pass
    claim = read_file_provenance(path, trust_anchors)
    unverified = claim.c2pa_manifest is not None and claim.c2pa_manifest.state == "unverified"
    if not unverified and _unchanged(path, stamp):
        _put("provenance", name, key, dataclasses.asdict(claim))
    return claim


def _opt(value: Any) -> str | None:
    if value is not None and not isinstance(value, str):
        raise ValueError("expected a string")
    return value


def _strs(value: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError("expected strings")
    return tuple(value)


def _claim_from_json(value: dict[str, Any]) -> FileProvenance:
    m = value["c2pa_manifest"]
    manifest = None
    if m is not None:
        if m["state"] not in READABLE:
            raise ValueError("bad state")
        manifest = C2paManifest(
            m["state"],
            claim_generator=_opt(m["claim_generator"]),
            title=_opt(m["title"]),
            actions=tuple(
                C2paAction(str(_opt(a["action"])), _opt(a["source_type"]), _opt(a["agent"])) for a in m["actions"]
            ),
            ingredients=_strs(m["ingredients"]),
            signer=_opt(m["signer"]),
            alg=_opt(m["alg"]),
            failures=_strs(m["failures"]),
            error=_opt(m["error"]),
        )
    kind = value["kind"]
    if kind is not None and kind not in SOURCE_TYPES.values():
        raise ValueError("bad kind")
    if not isinstance(value["c2pa"], bool) or not isinstance(value["evidence"], str):
        raise ValueError("bad claim")
    return FileProvenance(
        kind, _opt(value["source_type"]), _opt(value["tool"]), value["evidence"], value["c2pa"], manifest
    )


# --------------------------------------------------------------------------
# Articles: parsed and corrected
# --------------------------------------------------------------------------

ParsedArticle = tuple[Article, list[Fix], list[TypoNote], int]


def normalised_article(path: Path) -> ParsedArticle:
    """The article of ``path`` parsed and corrected (``load_article`` then ``normalise_article``), its
    fixes and notes, and its number of lines; :class:`InputError` as ``load_article`` raises it."""
    raw = read_limited(path, MAX_MARKDOWN_BYTES, "a Markdown file")
    digest = hashlib.sha256(raw).hexdigest()
    key = f"article {digest} {engine_fingerprint()}"
    value = _get("article", digest, key)
    if value is not None:
        try:
            if not isinstance(value, tuple):
                value = _remember(key, _article_from_json(value))
            article, fixes, notes, lines = value
            return article, list(fixes), list(notes), lines
        except (KeyError, TypeError, ValueError):
            pass
    from ials_print.content.markdown import parse_article  # markdown-it: imported when a text changed
    from ials_print.content.normalise import normalise_article

    text = decode_utf8(raw, path)
    article = parse_article(text, path)
    source = text.replace("\r\n", "\n").replace("\r", "\n")  # as read_text() reads it
    article, fixes, notes = normalise_article(article, source)
    lines = len(source.splitlines())
    _remember(key, (article, tuple(fixes), tuple(notes), lines))
    _put(
        "article",
        digest,
        key,
        {"article": codec.encode(article), "fixes": codec.encode(fixes), "notes": codec.encode(notes), "lines": lines},
    )
    return article, fixes, notes, lines


def _article_from_json(value: dict[str, Any]) -> tuple[Article, tuple[Fix, ...], tuple[TypoNote, ...], int]:
    article, fixes, notes, lines = (codec.decode(value[k]) for k in ("article", "fixes", "notes", "lines"))
    if not isinstance(article, Article) or type(lines) is not int:
        raise ValueError("malformed article entry")
    if not all(isinstance(f, Fix) for f in fixes) or not all(isinstance(n, TypoNote) for n in notes):
        raise ValueError("malformed article entry")
    return article, fixes, notes, lines


# --------------------------------------------------------------------------
# Other files found sound (fonts): only the verdict "nothing wrong" is kept
# --------------------------------------------------------------------------


def checked(kind: str, path: Path, check: Callable[[], str | None]) -> str | None:
    """``check()``: why the file at ``path`` is unusable, or None; skipped (None) when the ``kind``
    check found nothing wrong with the same bytes before. Only that verdict is kept."""
    try:
        digest, stamp = file_digest(path)
    except OSError:
        return check()
    key = f"{kind} {digest} {engine_fingerprint()}"
    if _get(kind, digest, key) is True:
        return None
    why = check()
    if why is None and _unchanged(path, stamp):
        _remember(key, True)
        _put(kind, digest, key, True)
    return why

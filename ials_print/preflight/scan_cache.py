"""Page scans kept and reused, keyed by everything the scan reads.

A :class:`~ials_print.preflight.scan.PageScan` is a pure function of the page's decoded content stream
and of its /Resources: every object reachable from them, Form XObjects with their decoded content.
Image samples are never read by the scan. The key is a page's digest over these
(:mod:`~ials_print.preflight.scan_keys`: by content, never by object number, which differs between
the whole issue and its interior file) with this code's fingerprint (the scan's and the keys' code,
pypdf's and pikepdf's versions).

Scans are kept in memory (in one build the interior reuses the issue's scans) and on disk as JSON,
written atomically, checked against their own SHA-256 and validated field by field before use: an
entry that does not check is ignored and the page scanned again. Nothing here is unpickled.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import math
from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pypdf

from ials_print.cachedir import cache_folder
from ials_print.output.atomic import write_atomic
from ials_print.preflight import limits
from ials_print.preflight import scan as _scan_module
from ials_print.preflight import scan_keys as _keys_module
from ials_print.preflight.limits import Budget
from ials_print.preflight.scan import Area, Colour, PageScan, PlacedImage, Stroke, TextRun
from ials_print.preflight.scan_keys import page_digests

FORMAT = "ials-print preflight cache 1"  # of the files; the keys hold the code's fingerprint
MAX_ENTRY_BYTES = 32 * 1024 * 1024  # a larger file on disk is not a scan of ours
MAX_MEMORY = 4096  # entries kept in memory (a page of the issue: a few kilobytes)
MAX_MEMORY_ITEMS = 400_000  # and what they list in all (an issue lists ~10,000): a hostile file is not kept


@functools.cache
def fingerprint() -> bytes:
    """What makes a cached scan valid: this format, pypdf's and pikepdf's (qpdf's) versions, the
    scanning and keying code itself. Counted when first keying (pikepdf is imported then)."""
    import pikepdf

    h = hashlib.sha256(f"{FORMAT}\0pypdf {pypdf.__version__}\0pikepdf {pikepdf.__version__}\0".encode())
    for source in (_scan_module.__file__, _keys_module.__file__, __file__):
        try:
            h.update(Path(source).read_bytes())
        except (OSError, TypeError):
            h.update(b"unreadable source")
    return h.digest()


def scan_folder() -> Path:
    """Where scans are kept: the cache folder's ``scans/`` (:mod:`ials_print.cachedir`)."""
    return cache_folder("scans")


# ---------------------------------------------------------------------------------------------- keys


def page_keys(reader: Any) -> list[str | None]:
    """The cache key of each page of ``reader`` (a pypdf reader): what the scan reads of it
    (:mod:`~ials_print.preflight.scan_keys`) with this code's fingerprint; None for a page that is
    scanned as it is."""
    numbers = []
    for page in reader.pages:
        ref = page.indirect_reference
        numbers.append((ref.idnum, ref.generation) if ref is not None else None)
    digests = page_digests(reader.stream, numbers)
    return [hashlib.sha256(fingerprint() + d).hexdigest() if d is not None else None for d in digests]


# ------------------------------------------------------------------------------------ the entries


def record(scan: PageScan, usage: dict[str, Any]) -> dict[str, Any] | None:
    """A scan as plain data (JSON), with what it took of the budget (``forms``, ``operations``,
    ``decoded``, ``notes``); None for a scan that cannot be kept (an inline image has no name to find
    it by again)."""
    if any(not im.where for im in scan.images):
        return None
    return {
        "texts": [[t.size, *_colour(t.colour), t.font, t.overprint, *t.origin] for t in scan.texts],
        "strokes": [[s.width, *_colour(s.colour), s.overprint] for s in scan.strokes],
        "images": [
            [i.name, i.width_px, i.height_px, i.colour_space, list(i.bbox), i.ppi, list(i.where)] for i in scan.images
        ],
        "fills": [_colour(c) for c in scan.fills],
        "areas": [[a.kind, *_colour(a.colour), list(a.bbox), a.overprint] for a in scan.areas],
        "colour_spaces": sorted(scan.colour_spaces),
        "fonts": {name: list(where) for name, where in scan.font_where.items()},
        "malformed": scan.malformed,
        **usage,
    }


def _colour(colour: Colour) -> list[Any]:
    return [colour[0], list(colour[1])]


class Invalid(Exception):
    """A cached entry that is not what this code writes."""


def _num(x: Any) -> float:
    if isinstance(x, bool) or not isinstance(x, int | float) or (isinstance(x, float) and math.isnan(x)):
        raise Invalid
    return x


def _int(x: Any) -> int:
    if isinstance(x, bool) or not isinstance(x, int) or x < 0:
        raise Invalid
    return x


def _str(x: Any) -> str:
    if not isinstance(x, str):
        raise Invalid
    return x


def _bool(x: Any) -> bool:
    if not isinstance(x, bool):
        raise Invalid
    return x


def _list(x: Any, n: int | None = None) -> list:
    if not isinstance(x, list) or (n is not None and len(x) != n):
        raise Invalid
    return x


def _col(kind: Any, values: Any) -> Colour:
    return (_str(kind), tuple(_num(v) for v in _list(values)))


def _box(x: Any) -> tuple[float, float, float, float]:
    a, b, c, d = (_num(v) for v in _list(x, 4))
    return (a, b, c, d)


def _where(x: Any) -> tuple[str, ...]:
    where = tuple(_str(v) for v in _list(x))
    if not where:
        raise Invalid
    return where


def validate(entry: Any) -> dict[str, Any]:
    """``entry`` if it is a well-formed scan record, else raises; used on everything read from disk."""
    if not isinstance(entry, dict):
        raise Invalid
    for t in _list(entry["texts"]):
        size, kind, values, font, op, x, y = _list(t, 7)
        _num(size), _col(kind, values), _str(font), _bool(op), _num(x), _num(y)
    for s in _list(entry["strokes"]):
        width, kind, values, op = _list(s, 4)
        _num(width), _col(kind, values), _bool(op)
    for i in _list(entry["images"]):
        name, w, h, space, bbox, ppi, where = _list(i, 7)
        _str(name), _int(w), _int(h), _str(space), _box(bbox), _num(ppi), _where(where)
    for c in _list(entry["fills"]):
        _col(*_list(c, 2))
    for a in _list(entry["areas"]):
        kind, ckind, values, bbox, op = _list(a, 5)
        _str(kind), _col(ckind, values), _box(bbox), _bool(op)
    for space in _list(entry["colour_spaces"]):
        _str(space)
    fonts = entry["fonts"]
    if not isinstance(fonts, dict):
        raise Invalid
    for name, where in fonts.items():
        _str(name), _where(where)
    for key in ("malformed", "forms", "operations", "decoded"):
        _int(entry[key])
    for note in _list(entry["notes"]):
        _str(note)
    return entry


def fits(entry: dict[str, Any], budget: Budget) -> bool:
    """Would scanning this page again stay within what is left of the document's budget?"""
    return (
        budget.forms + entry["forms"] <= limits.MAX_FORM_CALLS
        and budget.operations + entry["operations"] <= limits.MAX_OPERATIONS
        and budget.decoded + entry["decoded"] <= limits.MAX_DECODED_BYTES
    )


def restore(entry: dict[str, Any], page: Any, budget: Budget) -> PageScan:
    """The scan ``entry`` records, its fonts and images found again in ``page``'s resources, its use of
    the budget counted as the scan would have (the caller checked :func:`fits`). Raises if an object
    is not where the entry says (then the page is scanned)."""
    out = PageScan(budget=budget)
    resources = page.get("/Resources")
    for name, where in entry["fonts"].items():
        out.fonts[name] = _locate(resources, tuple(where), "/Font")
        out.font_where[name] = tuple(where)
    for name, w, h, space, bbox, ppi, where in entry["images"]:
        xobj = _locate(resources, tuple(where), "/XObject")
        out.images.append(PlacedImage(name, w, h, space, tuple(bbox), ppi, xobj, tuple(where)))  # type: ignore[arg-type]
    out.texts = [TextRun(size, (kind, tuple(v)), font, op, (x, y)) for size, kind, v, font, op, x, y in entry["texts"]]
    out.strokes = [Stroke(width, (kind, tuple(v)), op) for width, kind, v, op in entry["strokes"]]
    out.fills = [(kind, tuple(v)) for kind, v in entry["fills"]]
    out.areas = [Area(kind, (ck, tuple(v)), tuple(bbox), op) for kind, ck, v, bbox, op in entry["areas"]]  # type: ignore[misc]
    out.colour_spaces = set(entry["colour_spaces"])
    out.malformed = entry["malformed"]
    budget.forms += entry["forms"]
    budget.operations += entry["operations"]
    budget.decoded += entry["decoded"]
    for note in entry["notes"]:
        budget.note(note)
    return out


def _resolved(value: Any) -> Any:
    return value.get_object() if value is not None and hasattr(value, "get_object") else value


def _locate(resources: Any, where: tuple[str, ...], kind: str) -> Any:
    """The object the scan met at ``where`` (Form XObjects by name, then the font or image), found the
    way the scan finds it: a form without /Resources uses its painter's."""
    resources = _resolved(resources) or {}
    for form in where[:-1]:
        xobj = _resolved(_resolved(resources["/XObject"])[form])
        resources = _resolved(xobj.get("/Resources", resources)) or {}
    found = _resolved(_resolved(resources[kind])[where[-1]])
    if found is None:
        raise KeyError(where)
    return found


# ------------------------------------------------------------------------------------ the store


def _name(kind: str, key: str) -> str:
    """An entry's file name (without .json): scans by their key alone, other kinds prefixed."""
    return key if kind == "scan" else f"{kind}-{key}"


_MEMORY: OrderedDict[str, dict[str, Any]] = OrderedDict()
_ITEMS: dict[str, int] = {}  # what each entry in memory lists
_TOTAL = [0]  # and all of them


def _items(entry: dict[str, Any]) -> int:
    """The size of an entry, in the things it lists (text runs, strokes, fills, findings…)."""
    return 1 + sum(len(v) for v in entry.values() if isinstance(v, list | dict))


def clear_memory() -> None:
    """Forget the scans kept in this process."""
    _MEMORY.clear()
    _ITEMS.clear()
    _TOTAL[0] = 0


class ScanCache:
    """Scans by key: in this process's memory (``memory``) and in ``folder`` (None: not on disk).
    With ``reports``, whole preflight reports too, by the file's bytes (see ``report_cache``)."""

    def __init__(self, folder: Path | None = None, memory: bool = True, reports: bool = False):
        self.folder, self.memory, self.reports = folder, memory, reports
        self.hits = 0  # scans reused
        self.stored = 0  # scans made and kept
        self.report_hits = 0  # reports reused

    @classmethod
    def default(cls, reports: bool = False) -> ScanCache:
        """The engine's cache: memory and :func:`scan_folder`."""
        return cls(scan_folder(), reports=reports)

    @classmethod
    def off(cls) -> ScanCache:
        """Every page scanned, nothing kept."""
        return cls(None, memory=False)

    @property
    def keeps(self) -> bool:
        """Does this cache keep anything (else pages are not even keyed)?"""
        return self.memory or self.folder is not None

    def get(self, key: str) -> dict[str, Any] | None:
        """The scan kept for ``key``, if one is kept and checks; a bad file on disk is ignored."""
        return self.load("scan", key, validate)

    def put(self, key: str, entry: dict[str, Any]) -> None:
        """Keep ``entry`` (a scan just made) in memory and on disk."""
        self.stored += 1
        self.store("scan", key, entry)

    def load(self, kind: str, key: str, check: Callable[[Any], dict[str, Any]]) -> dict[str, Any] | None:
        """The entry of ``kind`` ("scan", "report") for ``key``: from memory, else from disk if its header
        names this format, kind and key, its SHA-256 matches and ``check`` accepts it (else it raises
        :class:`Invalid`)."""
        name = _name(kind, key)
        if self.memory and name in _MEMORY:
            _MEMORY.move_to_end(name)
            return _MEMORY[name]
        if self.folder is None:
            return None
        try:
            path = self.folder / f"{name}.json"
            if path.stat().st_size > MAX_ENTRY_BYTES:
                return None
            head, _, payload = path.read_bytes().partition(b"\n")
            header = json.loads(head)
            if header != _header(kind, key, payload):
                return None
            entry = check(json.loads(payload))
        except (OSError, ValueError, KeyError, TypeError, Invalid, RecursionError):
            return None
        self._remember(name, entry)
        return entry

    def store(self, kind: str, key: str, entry: dict[str, Any]) -> None:
        """Keep ``entry`` in memory and on disk; a cache that cannot be written only costs time."""
        name = _name(kind, key)
        self._remember(name, entry)
        if self.folder is None:
            return
        payload = json.dumps(entry, separators=(",", ":")).encode()
        with contextlib.suppress(OSError, ValueError):
            write_atomic(
                self.folder / f"{name}.json",
                json.dumps(_header(kind, key, payload)).encode() + b"\n" + payload,
                sync=False,
            )

    def _remember(self, key: str, entry: dict[str, Any]) -> None:
        if not self.memory:
            return
        size = _items(entry)
        if size > MAX_MEMORY_ITEMS:
            return
        _TOTAL[0] += size - _ITEMS.get(key, 0)
        _MEMORY[key], _ITEMS[key] = entry, size
        _MEMORY.move_to_end(key)
        while len(_MEMORY) > MAX_MEMORY or _TOTAL[0] > MAX_MEMORY_ITEMS:
            old, _ = _MEMORY.popitem(last=False)
            _TOTAL[0] -= _ITEMS.pop(old)


def _header(kind: str, key: str, payload: bytes) -> dict[str, str]:
    return {"format": FORMAT, "kind": kind, "key": key, "sha256": hashlib.sha256(payload).hexdigest()}

"""Page scans kept and reused, keyed by everything the scan reads.

A :class:`~ials_print.preflight.scan.PageScan` is a pure function of the page's decoded content stream
and of its /Resources: every object reachable from them, Form XObjects with their decoded content.
Image samples and font programs are never read by the scan, so only their dictionaries count. The key
is a SHA-256 over these, indirect objects hashed by their content, never by their object number (it
differs between the whole issue and its interior file), with the engine's fingerprint (this code, the
scan's, pypdf's version).

Scans are kept in memory (in one build the interior reuses the issue's scans) and on disk as JSON,
written atomically, checked against their own SHA-256 and validated field by field before use: an
entry that does not check is ignored and the page scanned again. Nothing here is unpickled.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import math
from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pypdf
from pypdf.generic import (
    ArrayObject,
    BooleanObject,
    ByteStringObject,
    DictionaryObject,
    FloatObject,
    IndirectObject,
    NameObject,
    NullObject,
    NumberObject,
    StreamObject,
    TextStringObject,
)

from ials_print.cachedir import cache_folder
from ials_print.output.atomic import write_atomic
from ials_print.preflight import limits
from ials_print.preflight import scan as _scan_module
from ials_print.preflight.limits import Budget
from ials_print.preflight.scan import Area, Colour, PageScan, PlacedImage, Stroke, TextRun

FORMAT = "ials-print preflight cache 1"  # of the files; the keys hold the code's fingerprint
MAX_VISITS = 200_000  # objects visited to key one page; beyond, the page is scanned without the cache
MAX_DOCUMENT_VISITS = 2_000_000  # over a document: past it, its remaining pages are scanned without the cache
MAX_KEY_DECODED = 64 * 1024 * 1024  # Form XObject content decoded to key a document's pages (pypdf keeps it)
MAX_ENTRY_BYTES = 32 * 1024 * 1024  # a larger file on disk is not a scan of ours
MAX_MEMORY = 4096  # entries kept in memory (a page of the issue: a few kilobytes)
MAX_MEMORY_ITEMS = 400_000  # and what they list in all (an issue lists ~10,000): a hostile file is not kept


def _fingerprint() -> bytes:
    """What makes a cached scan valid: this format, pypdf's version, the scanning code itself."""
    h = hashlib.sha256(f"{FORMAT}\0pypdf {pypdf.__version__}\0".encode())
    for source in (_scan_module.__file__, __file__):
        try:
            h.update(Path(source).read_bytes())
        except (OSError, TypeError):
            h.update(b"unreadable source")
    return h.digest()


FINGERPRINT = _fingerprint()


def scan_folder() -> Path:
    """Where scans are kept: the cache folder's ``scans/`` (:mod:`ials_print.cachedir`)."""
    return cache_folder("scans")


# ---------------------------------------------------------------------------------------------- keys


class _TooMuch(Exception):
    """Keying the page would read more than a scan would: it is scanned without the cache."""


class Keyer:
    """Content keys of one document's pages; an indirect object is hashed once per document."""

    def __init__(self) -> None:
        self.memo: dict[tuple[int, int], bytes] = {}
        self.stack: dict[tuple[int, int], int] = {}  # objects being hashed → their depth
        self.low = 0  # the shallowest object on the stack that the current one refers back to
        self.visits = 0  # objects visited for the current page
        self.total = 0  # for the whole document
        self.decoded = 0  # Form XObject content decoded, for the whole document

    def page_key(self, page: Any) -> tuple[str, Any] | None:
        """(key, the page's contents) or None when the page cannot be keyed (then scan it as it is).
        Keying reads a bounded number of objects and of form content: past that, pages are scanned
        as they are."""
        if self.total > MAX_DOCUMENT_VISITS:
            return None
        self.total += self.visits
        self.visits = 0
        try:
            contents = page.get_contents()
            h = hashlib.sha256(FINGERPRINT)
            if contents is None:
                h.update(b"no contents")
            else:
                h.update(b"contents" + hashlib.sha256(contents.get_data()).digest())
            tokens: list[bytes] = []
            self._encode(page.get("/Resources"), tokens)
            h.update(b"resources" + hashlib.sha256(b"".join(tokens)).digest())
        except Exception:  # _TooMuch, RecursionError, anything pypdf raises: the scan will say
            return None
        return h.hexdigest(), contents

    def _encode(self, obj: Any, out: list[bytes]) -> None:
        """A canonical, unambiguous serialisation of ``obj`` (each token tagged, lengths explicit)."""
        self.visits += 1
        if self.visits > MAX_VISITS or self.total + self.visits > MAX_DOCUMENT_VISITS:
            raise _TooMuch
        if isinstance(obj, IndirectObject):
            out.append(b"R" + self._indirect(obj))
        elif obj is None:
            out.append(b"0")
        elif isinstance(obj, NullObject):
            out.append(b"n")
        elif isinstance(obj, BooleanObject):
            out.append(b"T" if obj.value else b"F")
        elif isinstance(obj, NameObject):
            out.append(_bytes(b"/", str(obj).encode("utf-8", "surrogatepass")))
        elif isinstance(obj, TextStringObject):
            out.append(_bytes(b"t", str(obj).encode("utf-8", "surrogatepass")))
        elif isinstance(obj, ByteStringObject):
            out.append(_bytes(b"b", bytes(obj)))
        elif isinstance(obj, NumberObject) or (isinstance(obj, int) and not isinstance(obj, bool)):
            out.append(b"i%d;" % int(obj))
        elif isinstance(obj, FloatObject | float):
            out.append(b"f" + repr(float(obj)).encode() + b";")
        elif isinstance(obj, StreamObject):
            self._dict(obj, out, b"S")
            if obj.get("/Subtype") == "/Form":  # a form's content is read by the scan; other data is not
                data = obj.get_data()
                self.decoded += len(data)
                if self.decoded > min(MAX_KEY_DECODED, limits.MAX_DECODED_BYTES):
                    raise _TooMuch
                out.append(b"D" + hashlib.sha256(data).digest())
        elif isinstance(obj, DictionaryObject):
            self._dict(obj, out, b"{")
        elif isinstance(obj, ArrayObject):
            out.append(b"[%d;" % len(obj))
            for item in list.__iter__(obj):  # as stored: references unresolved
                self._encode(item, out)
        else:  # a type this serialisation does not know: no key, no reuse
            raise _TooMuch

    def _dict(self, obj: Any, out: list[bytes], tag: bytes) -> None:
        keys = sorted(k for k in obj if not (tag == b"S" and k == "/Length"))
        out.append(tag + b"%d;" % len(keys))
        for k in keys:
            out.append(_bytes(b"/", str(k).encode("utf-8", "surrogatepass")))
            self._encode(dict.__getitem__(obj, k), out)  # as stored: pypdf's [] resolves references

    def _indirect(self, ref: IndirectObject) -> bytes:
        """An indirect object's digest: its content, its references by their digests. A reference back
        to an object being hashed is its distance up the path, and such a digest is not memoised."""
        ident = (ref.idnum, ref.generation)
        if ident in self.memo:
            return self.memo[ident]
        if ident in self.stack:
            depth = self.stack[ident]
            self.low = min(self.low, depth)
            return b"<%d;" % (len(self.stack) - depth)
        depth = len(self.stack)
        self.stack[ident] = depth
        outer, self.low = self.low, depth
        tokens: list[bytes] = []
        try:
            self._encode(ref.get_object(), tokens)
        finally:
            del self.stack[ident]
        digest = hashlib.sha256(b"".join(tokens)).digest()
        if self.low >= depth:  # refers back to nothing above itself: the same wherever it is reached
            self.memo[ident] = digest
        self.low = min(outer, self.low)
        return digest


def _bytes(tag: bytes, data: bytes) -> bytes:
    return tag + b"%d:" % len(data) + data


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

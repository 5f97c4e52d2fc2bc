"""What a page's scan depends on, as one digest per page, read with qpdf (pikepdf).

The scan (``scan``, with pypdf) reads a page's content streams and every object reachable from its
/Resources: dictionaries, Form XObjects and their content, never image samples. A page's digest is a
SHA-256 over exactly that: each indirect object hashed once per document by its content (qpdf's JSON,
version 2, where strings, names and references cannot be mistaken for one another), its references
replaced by the digests of what they point to, so the digest does not depend on object numbers (they
differ between the whole issue and its interior file). Stream data is hashed as stored (the same bytes
and filters decode to the same content), except image samples.

qpdf parses in C++: keying the issue's 118 pages this way takes a tenth of what pypdf took. The digests
are only used where both libraries read the same file: a file qpdf had to repair gives none, and a page
must have the same object number in both.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from typing import IO, Any

MAX_OBJECTS = 200_000  # indirect objects hashed for one document: past it, its remaining pages get no digest

# A reference in qpdf's JSON: a whole string token "n g R" (strings are "u:…" or "b:…", names "/…").
# Inside a string, a quote is always escaped, so a quote after a space, colon, bracket or comma opens a token.
_REFERENCE = re.compile(rb'(?<=[\s:\[,])"(\d+) (\d+) R"')


class _TooMuch(Exception):
    """The document's object budget is spent."""


class _Hasher:
    """Digests of one document's objects; an indirect object is hashed once."""

    def __init__(self, pdf: Any) -> None:
        import pikepdf

        self.pdf = pdf
        self.stream_type = pikepdf.Stream
        self.memo: dict[tuple[int, int], bytes] = {}
        self.stack: dict[tuple[int, int], int] = {}  # objects being hashed → their depth
        self.low = 0  # the shallowest object on the stack that the current one refers back to
        self.objects = 0

    def page(self, page: Any) -> bytes | None:
        """The digest of a page's contents and resources; None for a page without its own /Resources
        (inherited ones are read differently by the two libraries: such a page is scanned as it is)."""
        resources = page.get("/Resources")
        if resources is None:
            return None
        contents = page.get("/Contents")
        h = hashlib.sha256(b"contents" + (self.value(contents) if contents is not None else b"none"))
        h.update(b"resources" + self.value(resources))
        return h.digest()

    def value(self, obj: Any) -> bytes:
        """The digest of an object, indirect or direct."""
        if obj.is_indirect:
            return self._indirect(obj)
        return hashlib.sha256(b"O" + self._json(obj, dereference=False)).digest()

    def _json(self, obj: Any, dereference: bool) -> bytes:
        """qpdf's JSON of ``obj`` with every reference replaced by its target's digest."""
        text = obj.to_json(dereference=dereference, schema_version=2)
        return _REFERENCE.sub(lambda m: b'"' + self._referred(int(m[1]), int(m[2])) + b'"', text)

    def _referred(self, num: int, gen: int) -> bytes:
        ident = (num, gen)
        if ident in self.memo:
            return self.memo[ident].hex().encode()
        if ident in self.stack:  # a reference back up the path: its distance, and no memo below it
            depth = self.stack[ident]
            self.low = min(self.low, depth)
            return b"<%d" % (len(self.stack) - depth)
        return self._indirect(self.pdf.get_object(ident)).hex().encode()

    def _indirect(self, obj: Any) -> bytes:
        ident = obj.objgen
        if ident in self.memo:
            return self.memo[ident]
        self.objects += 1
        if self.objects > MAX_OBJECTS:
            raise _TooMuch
        depth = len(self.stack)
        self.stack[ident] = depth
        outer, self.low = self.low, depth
        try:
            h = hashlib.sha256(self._json(obj, dereference=True))
            if isinstance(obj, self.stream_type):
                h.update(b"stream")
                if obj.get("/Subtype") != "/Image":  # samples are never read by the scan
                    h.update(hashlib.sha256(obj.read_raw_bytes()).digest())
        finally:
            del self.stack[ident]
        digest = h.digest()
        if self.low >= depth:  # refers back to nothing above itself: the same wherever it is reached
            self.memo[ident] = digest
        self.low = min(outer, self.low)
        return digest


def page_digests(stream: IO[bytes], pages: Sequence[tuple[int, int] | None]) -> list[bytes | None]:
    """One digest per page of the PDF in ``stream`` (its position is kept), None where there is none.
    ``pages``: the pages' object numbers as pypdf read them; a page qpdf numbers otherwise, or after
    qpdf warned of damage, or past the object budget, gets None."""
    import pikepdf

    out: list[bytes | None] = [None] * len(pages)
    position = stream.tell()
    try:
        pdf = pikepdf.open(stream)
    except Exception:  # encrypted, damaged beyond qpdf's repair: every page is scanned as it is
        stream.seek(position)
        return out
    try:
        if pdf.get_warnings() or len(pdf.pages) != len(pages):
            return out
        hasher = _Hasher(pdf)
        for n, (page, number) in enumerate(zip(pdf.pages, pages, strict=True)):
            if number is None or page.obj.objgen != number:
                continue
            try:
                out[n] = hasher.page(page.obj)
            except _TooMuch:
                break
            except Exception:  # RecursionError, anything qpdf raises on this page's objects
                hasher.stack.clear()
                hasher.low = 0
                continue
            if pdf.get_warnings():  # qpdf repaired what this page reads: its reading may not be pypdf's
                out[n] = None
                break
    except Exception:  # the page tree itself: no digests
        return [None] * len(pages)
    finally:
        pdf.close()
        stream.seek(position)
    return out

"""What the preflight will read of a PDF, and the document-wide checks that come before the rest:
no page, absurd page sizes, UserUnit, and every limit the scan met (reported, never a pass)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

MAX_PAGE_POINTS = 14_400.0  # the largest page the PDF specification allows (200 in), without UserUnit
MIN_PAGE_POINTS = 3.0  # the smallest
MAX_PAGES = 10_000
MAX_OBJECTS = 2_000_000  # the trailer's /Size
MAX_FORM_DEPTH = 8  # Form XObjects inside Form XObjects
MAX_FORM_CALLS = 10_000  # Form XObjects painted, over the whole document
MAX_OPERATIONS = 3_000_000  # content-stream operators read, over the whole document
MAX_STREAM_BYTES = 16 * 1024 * 1024  # one decompressed content stream
MAX_DECODED_BYTES = 256 * 1024 * 1024  # all content streams decompressed, over the whole document
# from the page's paints and images (an A4 page is 56,000 pixels there: 900 pages fit)
MAX_SAMPLE_BYTES = 1024**3  # CMYK image samples decoded to measure the ink of images the build did not measure


class LimitReached(Exception):
    """The scan stops: reading further would take too long or too much memory."""


@dataclass
class Budget:
    """What the scan of one document may still read; ``hit`` lists the limits met, per page."""

    forms: int = 0
    operations: int = 0
    decoded: int = 0
    hit: list[tuple[int | None, str]] = field(default_factory=list)
    page: int | None = None

    def note(self, message: str) -> None:
        """A limit met that does not stop the scan (e.g. a nesting too deep, skipped)."""
        if (self.page, message) not in self.hit:
            self.hit.append((self.page, message))

    def form(self, depth: int) -> bool:
        """May a Form XObject at ``depth`` be read? Counts it; raises once the document's calls run out."""
        if depth > MAX_FORM_DEPTH:
            self.note(f"Form XObjects nested deeper than {MAX_FORM_DEPTH} levels (or painting themselves): not read")
            return False
        self.forms += 1
        if self.forms > MAX_FORM_CALLS:
            raise LimitReached(f"more than {MAX_FORM_CALLS:,} Form XObjects painted (the limit)")
        return True

    def stream(self, size: int) -> None:
        """A content stream of ``size`` decompressed bytes is about to be read."""
        if size > MAX_STREAM_BYTES:
            raise LimitReached(f"a content stream decompresses to more than {MAX_STREAM_BYTES // 2**20} MiB")
        self.decoded += size
        if self.decoded > MAX_DECODED_BYTES:
            raise LimitReached(f"content streams decompress to more than {MAX_DECODED_BYTES // 2**20} MiB in all")

    def operation(self) -> None:
        self.operations += 1
        if self.operations > MAX_OPERATIONS:
            raise LimitReached(f"more than {MAX_OPERATIONS:,} content operators (the limit)")


def _size(box: Any) -> tuple[float, float] | None:
    try:
        x0, y0, x1, y1 = (float(v) for v in box)
    except (TypeError, ValueError):
        return None
    return abs(x1 - x0), abs(y1 - y0)


def document_problems(reader: Any) -> Iterator[tuple[int | None, str]]:
    """(page or None, message) for an empty document, too many objects or pages, and absurd pages."""
    size = reader.trailer.get("/Size")
    if size is not None and int(size) > MAX_OBJECTS:
        yield None, f"the file declares {int(size):,} objects (at most {MAX_OBJECTS:,} are read)"
    count = len(reader.pages)
    if count == 0:
        yield None, "the document has no page"
        return
    if count > MAX_PAGES:
        yield None, f"{count:,} pages (at most {MAX_PAGES:,} are read)"
        return
    for n, page in enumerate(reader.pages, 1):
        unit = page.get("/UserUnit")
        if unit is not None and float(unit) != 1:
            yield n, f"/UserUnit {float(unit):g} scales the page: not allowed in PDF/X"
        media = page.get("/MediaBox")
        dims = _size(media.get_object()) if media is not None else None
        if dims is None:
            yield n, "no readable MediaBox"
            continue
        w, h = dims
        if not (MIN_PAGE_POINTS <= w <= MAX_PAGE_POINTS and MIN_PAGE_POINTS <= h <= MAX_PAGE_POINTS):
            yield (
                n,
                (
                    f"MediaBox of {w:g} × {h:g} pt: a PDF page measures {MIN_PAGE_POINTS:g} to "
                    f"{MAX_PAGE_POINTS:,.0f} pt each way"
                ),
            )

"""Reading a PDF's pages for the preflight within the document-wide limits of ``limits``."""

from __future__ import annotations

from typing import Any

from pypdf import PdfReader

from ials_print.preflight.limits import Budget, LimitReached
from ials_print.preflight.scan import PageScan, scan_page
from ials_print.preflight.scan_cache import ScanCache, fits, page_keys, record, restore


def reason(exc: BaseException) -> str:
    """An exception in one short line: its kind and the first line of its message."""
    text = str(exc).splitlines()[0] if str(exc) else ""
    return f"{type(exc).__name__}: {text[:200]}" if text else type(exc).__name__


def read_pages(reader: PdfReader, cache: ScanCache | None = None) -> tuple[list[PageScan], Budget]:
    """Every page's paints, within one document-wide budget; ``budget.hit`` says (page, what) could not be
    read or where a limit stopped the reading, for the preflight to report as errors.

    With ``cache``, a page whose content and resources were scanned before (in this file or another)
    reuses that scan, counted against the budget as a new scan would be."""
    budget = Budget()
    cache = cache if cache is not None and cache.keeps else None
    keys = page_keys(reader) if cache is not None else []
    scans: list[PageScan] = []
    for n, page in enumerate(reader.pages, 1):
        budget.page = n
        try:
            scan = _read_page(page, budget, cache, keys[n - 1] if keys else None)
        except LimitReached as exc:
            budget.note(f"{exc}: this page and the next were not checked")
            break
        except Exception as exc:  # a page pypdf cannot read: said, never passed over
            budget.note(f"the page could not be read ({reason(exc)})")
            scan = PageScan()
        if scan.malformed:
            budget.note(f"{scan.malformed} content operator(s) could not be read")
        scans.append(scan)
    return scans, budget


def _read_page(page: Any, budget: Budget, cache: ScanCache | None, key: str | None) -> PageScan:
    """One page's scan: from the cache when its key is known and the budget allows, else read now."""
    if cache is None or key is None:
        return scan_page(page, budget)
    entry = cache.get(key)
    if entry is not None and fits(entry, budget):
        try:
            scan = restore(entry, page, budget)
            cache.hits += 1
            return scan
        except Exception:  # not found where the entry says: read the page itself
            pass
    before = (budget.forms, budget.operations, budget.decoded, len(budget.hit))
    scan = scan_page(page, budget)
    usage = {
        "forms": budget.forms - before[0],
        "operations": budget.operations - before[1],
        "decoded": budget.decoded - before[2],
        "notes": [message for _, message in budget.hit[before[3] :]],
    }
    kept = record(scan, usage)
    if kept is not None:
        cache.put(key, kept)
    return scan

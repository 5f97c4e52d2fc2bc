"""Reading a PDF's pages for the preflight within the document-wide limits of ``limits``."""

from __future__ import annotations

from pypdf import PdfReader

from ials_print.preflight.limits import Budget, LimitReached
from ials_print.preflight.scan import PageScan, scan_page


def reason(exc: BaseException) -> str:
    """An exception in one short line: its kind and the first line of its message."""
    text = str(exc).splitlines()[0] if str(exc) else ""
    return f"{type(exc).__name__}: {text[:200]}" if text else type(exc).__name__


def read_pages(reader: PdfReader) -> tuple[list[PageScan], Budget]:
    """Every page's paints, within one document-wide budget; ``budget.hit`` says (page, what) could not be
    read or where a limit stopped the reading, for the preflight to report as errors."""
    budget = Budget()
    scans: list[PageScan] = []
    for n, page in enumerate(reader.pages, 1):
        budget.page = n
        try:
            scan = scan_page(page, budget)
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

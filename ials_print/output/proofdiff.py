"""What changed between two proofs: the pages whose keys differ are rendered from both PDFs
(pypdfium2), compared pixel by pixel, and each changed page is set beside its previous state with
the changed regions outlined in magenta; a first page lists the changed pages and sections.
Pages whose keys are equal are skipped without rendering."""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path

import pypdfium2 as pdfium
from PIL import Image, ImageChops
from reportlab.lib.colors import CMYKColor
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from ials_print.output.atomic import write_atomic

DPI = 60  # enough to see what moved; the diff is a reading aid, not a print
CELL = 6  # px: changed pixels are grouped in cells of this size, then into rectangles
MAGENTA = CMYKColor(0, 1, 0, 0)


@dataclass
class PageChange:
    folio: int
    section: str
    regions: list[tuple[int, int, int, int]] = field(default_factory=list)  # px boxes on the current page


@dataclass
class ProofDiff:
    previous: int
    current: int
    compared: int  # pages whose keys differed, rendered
    changes: list[PageChange] = field(default_factory=list)
    output: Path | None = None


def _index(pdf: pdfium.PdfDocument) -> dict[int, int]:
    """Folio → page index, from the PDF's page labels (a section proof starts anywhere)."""
    out = {}
    for i in range(len(pdf)):
        label = pdf.get_page_label(i) if hasattr(pdf, "get_page_label") else ""
        out[int(label) if label and label.isdigit() else i + 1] = i
    return out


def _render(pdf: pdfium.PdfDocument, index: int) -> Image.Image:
    """The page within its trim: the slug (proof number, time) and the marks are not the page."""
    page = pdf[index]
    ml, mb, mr, mt = page.get_mediabox()
    tl, tb, tr, tt = page.get_trimbox()
    crop = (tl - ml, tb - mb, mr - tr, mt - tt)
    return page.render(scale=DPI / 72, crop=crop).to_pil().convert("RGB")


def _regions(a: Image.Image, b: Image.Image) -> list[tuple[int, int, int, int]]:
    """Rectangles (px) around the pixels that differ, cells merged row by row and then downwards."""
    if a.size != b.size:
        return [(0, 0, *b.size)]
    diff = ImageChops.difference(a, b).convert("L").point(lambda v: 255 if v > 24 else 0)
    if diff.getbbox() is None:
        return []
    w, h = diff.size
    small = diff.resize(((w + CELL - 1) // CELL, (h + CELL - 1) // CELL), Image.Resampling.BOX)
    cells = small.load()
    cols, rows = small.size
    boxes: list[list[int]] = []
    for y in range(rows):
        x = 0
        while x < cols:
            if cells[x, y]:
                x0 = x
                while x < cols and cells[x, y]:
                    x += 1
                for box in boxes:  # extend a box from the row above that overlaps this run
                    if box[3] == y and box[0] <= x and x0 <= box[2]:
                        box[0], box[2], box[3] = min(box[0], x0), max(box[2], x), y + 1
                        break
                else:
                    boxes.append([x0, y, x, y + 1])
            x += 1
    return [(b0 * CELL, b1 * CELL, min(w, b2 * CELL), min(h, b3 * CELL)) for b0, b1, b2, b3 in boxes]


def diff_proofs(
    before_pdf: Path,
    before_keys: dict[str, str],
    after_pdf: Path,
    after_keys: dict[str, str],
    sections: dict[int, str],
    numbers: tuple[int, int],
    out: Path,
) -> ProofDiff:
    """Compare two proofs; write ``out`` (changed pages beside their previous state) when any changed."""
    result = ProofDiff(numbers[0], numbers[1], 0)
    changed = sorted(int(f) for f, key in after_keys.items() if before_keys.get(f) != key)
    if not changed:
        return result
    old, new = pdfium.PdfDocument(str(before_pdf)), pdfium.PdfDocument(str(after_pdf))
    old_at, new_at = _index(old), _index(new)
    pairs = []
    for folio in changed:
        if folio not in new_at:
            continue
        result.compared += 1
        after = _render(new, new_at[folio])
        before = _render(old, old_at[folio]) if folio in old_at else Image.new("RGB", after.size, "white")
        regions = _regions(before, after)
        if regions:
            result.changes.append(PageChange(folio, sections.get(folio, ""), regions))
            pairs.append((folio, before, after, regions))
    if pairs:
        write_atomic(out, _sheet(result, pairs))
        result.output = out
    return result


def _sheet(result: ProofDiff, pairs: list) -> bytes:
    """The diff PDF: a summary page, then each changed page beside its previous state."""
    buf = io.BytesIO()
    w, h = pairs[0][2].size
    scale = 72 / DPI
    page = (2 * w * scale + 60, h * scale + 70)
    c = Canvas(buf, pagesize=page, invariant=1)
    c.setFont("Helvetica-Bold", 16)
    c.drawString(30, page[1] - 50, f"Épreuve n°{result.current} comparée à l'épreuve n°{result.previous}")
    c.setFont("Helvetica", 11)
    y = page[1] - 80
    c.drawString(30, y, f"{len(result.changes)} page(s) changée(s) sur {result.compared} comparée(s) :")
    for change in result.changes:
        y -= 15
        if y < 40:
            c.drawString(40, y, "…")
            break
        c.drawString(40, y, f"page {change.folio} — {change.section} ({len(change.regions)} zone(s))")
    c.showPage()
    for folio, before, after, regions in pairs:
        for slot, im, label in ((0, before, f"n°{result.previous}"), (1, after, f"n°{result.current}")):
            x0 = 20 + slot * (w * scale + 20)
            c.drawImage(ImageReader(im), x0, 20, w * scale, h * scale)
            c.setFont("Helvetica", 9)
            c.drawString(x0, h * scale + 30, f"page {folio} — épreuve {label}")
        c.setStrokeColor(MAGENTA)
        c.setLineWidth(1.5)
        x0 = 20 + w * scale + 20
        for rx0, ry0, rx1, ry1 in regions:
            c.rect(x0 + rx0 * scale, 20 + (h - ry1) * scale, (rx1 - rx0) * scale, (ry1 - ry0) * scale)
        c.showPage()
    c.save()
    return buf.getvalue()

"""Proofs for the art director: proof numbering and facing-page spreads."""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import json
from pathlib import Path

from pypdf import PageObject, PdfReader, PdfWriter, Transformation

from ials_print.layout.compose import PagePlan
from ials_print.output.atomic import write_atomic
from ials_print.output.build import ProofStamp
from ials_print.output.commit import OutputSet


def next_proof_stamp(counter: Path, outputs: OutputSet | None = None) -> ProofStamp:
    """Number proofs 1, 2, 3… per issue, in a small JSON file beside the output (staged in ``outputs``,
    so a proof that fails takes no number)."""
    number = 1
    with contextlib.suppress(OSError, ValueError, AttributeError, TypeError):
        number = int(json.loads(counter.read_text(encoding="utf-8")).get("last", 0)) + 1
    if outputs is not None:
        outputs.stage(counter, json.dumps({"last": number}).encode())
    else:
        write_atomic(counter, json.dumps({"last": number}).encode())
    return ProofStamp(number, dt.datetime.now().strftime("%Y-%m-%d %H:%M"))


SLUG = 12 * 72 / 25.4  # a strip under each spread for the proof's slug line


def _slug_page(width: float, text: str, font: str) -> PageObject:
    """A strip holding the proof's slug line and ÉPREUVE mark, drawn with ReportLab."""
    from reportlab.lib.colors import CMYKColor
    from reportlab.pdfgen.canvas import Canvas

    buf = io.BytesIO()
    c = Canvas(buf, pagesize=(width, SLUG), initialFontName=font)
    c.setFont(font, 7)
    c.setFillColor(CMYKColor(0, 0, 0, 1))
    c.drawString(10, SLUG / 2 - 2, text)
    c.setFillColor(CMYKColor(0, 0.9, 0.75, 0))
    c.drawRightString(width - 10, SLUG / 2 - 2, "ÉPREUVE — NE PAS IMPRIMER")
    c.showPage()
    c.save()
    return PdfReader(io.BytesIO(buf.getvalue())).pages[0]


def spreads_pdf(pdf: bytes, pages: list[PagePlan], stamp: ProofStamp, title: str, font: str) -> bytes:
    """Facing pages side by side as they will be read: an odd folio alone on the right, then 2–3, 4–5…

    Pages are cut at the trim so the spread shows what the reader sees; the slug line moves to a
    strip under each spread.
    """
    reader = PdfReader(io.BytesIO(pdf))
    writer = PdfWriter()
    by_folio = {plan.folio: reader.pages[i] for i, plan in enumerate(pages)}
    folios = sorted(by_folio)
    done: set[int] = set()
    for folio in folios:
        if folio in done:
            continue
        left, right = (folio, folio + 1) if folio % 2 == 0 else (None, folio)
        pair = [by_folio.get(left) if left else None, by_folio.get(right)]
        done.update(f for f in (left, right) if f)
        trim = next(p for p in pair if p is not None).trimbox
        w, h = float(trim.width), float(trim.height)
        sheet = PageObject.create_blank_page(width=2 * w, height=h + SLUG)
        for slot, page in enumerate(pair):
            if page is None:
                continue
            t = page.trimbox
            op = Transformation().translate(-float(t.left) + slot * w, -float(t.bottom) + SLUG)
            page.mediabox = page.trimbox
            sheet.merge_transformed_page(page, op, over=True)
        folios = "–".join(str(f) for f in (left, right) if f and f in by_folio)
        slug = f"{title} · pages {folios} · épreuve n°{stamp.number} · {stamp.made}"
        sheet.merge_page(_slug_page(2 * w, slug, font))
        writer.add_page(sheet)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()

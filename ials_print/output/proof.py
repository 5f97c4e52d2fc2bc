"""Proofs for the art director: proof numbering and facing-page spreads."""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import json
from pathlib import Path

from pypdf import PageObject, PdfReader, PdfWriter, Transformation

from ials_print.layout.plans import PagePlan
from ials_print.output.build import ProofStamp
from ials_print.output.commit import OutputSet, put
from ials_print.provenance.labels import LABELS


def _history(counter: Path) -> dict:
    with contextlib.suppress(OSError, ValueError):
        data = json.loads(counter.read_text(encoding="utf-8"))
        if isinstance(data, dict):
            return data
    return {}


def next_proof_stamp(counter: Path, outputs: OutputSet | None = None) -> ProofStamp:
    """Number proofs 1, 2, 3… per issue, in a small JSON file beside the output (staged in ``outputs``,
    so a proof that fails takes no number)."""
    history = _history(counter)
    number = 1
    with contextlib.suppress(ValueError, TypeError):
        number = int(history.get("last", 0)) + 1
    put(counter, json.dumps({**history, "last": number}).encode(), outputs)
    return ProofStamp(number, dt.datetime.now().strftime("%Y-%m-%d %H:%M"))


KEPT = 20  # proofs whose PDF is kept for later diffs; older ones keep their record only


def record_proof(
    counter: Path, stamp: ProofStamp, pdf: bytes, keys: dict[int, str], kind: str, outputs: OutputSet | None = None
) -> Path:
    """Keep proof n, single pages (``proofs/<stem>-proof-<n>.pdf`` beside the counter), its kind
    (``issue``, ``section:<id>``, with ``+provenance``) and each of its pages' keys, so a later
    proof can say what changed since; only the last :data:`KEPT` PDFs stay. Returns where the kept
    PDF can be read now (its staged file, when ``outputs`` commits later)."""
    archive = counter.parent / "proofs" / f"{counter.name.removesuffix('.proofs.json')}-proof-{stamp.number}.pdf"
    archive.parent.mkdir(parents=True, exist_ok=True)
    readable = put(archive, pdf, outputs)
    history = {**_history(counter), "last": stamp.number}
    proofs = history.get("proofs") if isinstance(history.get("proofs"), dict) else {}
    proofs[str(stamp.number)] = {
        "made": stamp.made,
        "kind": kind,
        "pdf": archive.relative_to(counter.parent).as_posix(),
        "pages": {str(k): v for k, v in sorted(keys.items())},
    }
    kept = sorted((int(n) for n in proofs if n.isdigit()), reverse=True)
    for n in kept[KEPT:]:
        with contextlib.suppress(OSError):
            (counter.parent / proofs[str(n)]["pdf"]).unlink()
    put(counter, json.dumps({**history, "proofs": proofs}, indent=1).encode(), outputs)
    return readable


def proof_record(counter: Path, number: int) -> dict | None:
    """What was recorded of proof ``number`` (None if nothing was, or its PDF is gone)."""
    entry = (_history(counter).get("proofs") or {}).get(str(number))
    if not isinstance(entry, dict) or not (counter.parent / entry.get("pdf", "")).is_file():
        return None
    return entry


def last_proof_of_kind(counter: Path, kind: str, before: int) -> int | None:
    """The latest proof before ``before`` of the same kind whose PDF is kept."""
    proofs = _history(counter).get("proofs") or {}
    for n in sorted((int(n) for n in proofs if n.isdigit() and int(n) < before), reverse=True):
        if proofs[str(n)].get("kind") == kind and proof_record(counter, n) is not None:
            return n
    return None


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


def spreads_pdf(
    pdf: bytes, pages: list[PagePlan], stamp: ProofStamp, title: str, font: str, provenance: bool = False
) -> bytes:
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
        if provenance:  # each page's pictogram; the reasons are in the single-page proof and the report
            kinds = {p.folio: LABELS[p.pictogram] for p in pages}
            slug += " · " + ", ".join(f"p. {f} : {kinds[f]}" for f in (left, right) if f and f in kinds)
        sheet.merge_page(_slug_page(2 * w, slug, font))
        writer.add_page(sheet)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()

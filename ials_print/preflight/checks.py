"""The preflight: what a printer's check of a PDF/X-4 file for offset on coated paper looks at.

Every check reads the PDF alone (ours or anyone's) and yields findings; errors make the file fail.
"""

from __future__ import annotations

import hashlib
import io
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

from pypdf import PdfReader

from ials_print.images.ink import InkLedger
from ials_print.images.ppi import PpiPolicy
from ials_print.preflight import report_cache
from ials_print.preflight.findings import Check, Context, Finding, Report, _err, page_names
from ials_print.preflight.ink import SamplesTooLarge, check_ink
from ials_print.preflight.limits import document_problems
from ials_print.preflight.overprint import check_overprint
from ials_print.preflight.read import read_pages, reason
from ials_print.preflight.scan import Colour, PageScan
from ials_print.preflight.scan_cache import ScanCache

MM = 72 / 25.4
MIN_BLEED = 3 * MM
SMALL_TEXT = 9.0
THIN_LINE = 0.25


def check_structure(ctx: Context) -> Iterator[Finding]:
    """PDF/X-4 identification: version, /ID, output intent, Info, XMP."""
    r = ctx.reader
    version = r.pdf_header.replace("%PDF-", "")
    if version > "1.6":
        yield _err("pdfx", f"PDF version {version}; PDF/X-4 requires 1.6 at most")
    if "/ID" not in r.trailer:
        yield _err("pdfx", "no trailer /ID")
    root = r.trailer["/Root"].get_object()
    intents = root.get("/OutputIntents")
    intents = intents.get_object() if intents is not None else []
    pdfx = [i.get_object() for i in intents if i.get_object().get("/S") == "/GTS_PDFX"]
    if len(pdfx) != 1:
        yield _err("pdfx", f"expected exactly one /OutputIntents entry with /S /GTS_PDFX, found {len(pdfx)}")
    else:
        intent = pdfx[0]
        for key in ("/OutputConditionIdentifier", "/RegistryName", "/Info"):
            if key not in intent:
                yield _err("pdfx", f"output intent lacks {key}")
        profile = intent.get("/DestOutputProfile")
        if profile is None:
            yield _err("pdfx", "output intent has no /DestOutputProfile (ICC profile)")
        else:
            profile = profile.get_object()
            data = profile.get_data()
            if int(profile.get("/N", 0)) != 4 or data[16:20] != b"CMYK" or data[12:16] != b"prtr":
                yield _err("pdfx", "the output profile is not a CMYK output (prtr) ICC profile")
    info = r.trailer.get("/Info")
    info = info.get_object() if info is not None else {}
    trapped = info.get("/Trapped")
    if trapped not in ("/True", "/False") or type(trapped).__name__ != "NameObject":
        yield _err("pdfx", f"Info /Trapped must be the name /True or /False, found {trapped!r}")
    if info.get("/GTS_PDFXVersion") != "PDF/X-4":
        yield _err("pdfx", f"Info /GTS_PDFXVersion must be 'PDF/X-4', found {info.get('/GTS_PDFXVersion')!r}")
    for key in ("/Title", "/CreationDate", "/ModDate"):
        if key not in info:
            yield _err("pdfx", f"Info lacks {key}")
    meta = root.get("/Metadata")
    xmp = meta.get_object().get_data().decode("utf-8", "replace") if meta is not None else ""
    if not re.search(r"GTS_PDFXVersion[^>]*>\s*PDF/X-4|GTS_PDFXVersion=\"PDF/X-4\"", xmp):
        yield _err("pdfx", "XMP metadata lacks pdfxid:GTS_PDFXVersion = PDF/X-4")
    for tag in ("xmp:CreateDate", "xmp:ModifyDate", "xmpMM:DocumentID"):
        if xmp and tag not in xmp:
            yield _err("pdfx", f"XMP metadata lacks {tag}")


def check_security(ctx: Context) -> Iterator[Finding]:
    """No encryption, no JavaScript, no annotation inside the bleed."""
    r = ctx.reader
    if r.is_encrypted:
        yield _err("security", "the file is encrypted")
    root = r.trailer["/Root"].get_object()
    names = root.get("/Names")
    if (names is not None and "/JavaScript" in names.get_object()) or "/JS" in str(root.get("/OpenAction", "")):
        yield _err("security", "the file contains JavaScript")
    for n, page in enumerate(r.pages, 1):
        bleed = _box(page, "/BleedBox") or _box(page, "/MediaBox")
        for annot in page.get("/Annots") or []:
            a = annot.get_object()
            if a.get("/Subtype") == "/PrinterMark":
                continue
            x0, y0, x1, y1 = (float(v) for v in a.get("/Rect", (0, 0, 0, 0)))
            if bleed and x0 < bleed[2] and x1 > bleed[0] and y0 < bleed[3] and y1 > bleed[1]:
                yield _err("security", f"annotation {a.get('/Subtype')} inside the bleed", n)


def _box(page: Any, name: str) -> tuple[float, float, float, float] | None:
    raw = page.get(name)
    if raw is None:
        return None
    x0, y0, x1, y1 = (float(v) for v in raw.get_object())
    return (min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1))


def check_boxes(ctx: Context) -> Iterator[Finding]:
    """TrimBox and BleedBox on every page, nested in the MediaBox, bleed ≥ 3 mm, no ArtBox."""
    for n, page in enumerate(ctx.reader.pages, 1):
        media = _box(page, "/MediaBox")
        trim, bleed = _box(page, "/TrimBox"), _box(page, "/BleedBox")
        if trim is None:
            yield _err("boxes", "no TrimBox", n)
            continue
        if "/ArtBox" in page:
            yield _err("boxes", "ArtBox together with TrimBox", n)
        if bleed is None:
            yield _err("boxes", "no BleedBox", n)
            continue
        eps = 0.01
        if not (
            bleed[0] - eps <= trim[0]
            and bleed[1] - eps <= trim[1]
            and trim[2] <= bleed[2] + eps
            and trim[3] <= bleed[3] + eps
        ):
            yield _err("boxes", "TrimBox is not inside the BleedBox", n)
        if media and not (
            media[0] - eps <= bleed[0]
            and media[1] - eps <= bleed[1]
            and bleed[2] <= media[2] + eps
            and bleed[3] <= media[3] + eps
        ):
            yield _err("boxes", "BleedBox is not inside the MediaBox", n)
        least = min(trim[0] - bleed[0], trim[1] - bleed[1], bleed[2] - trim[2], bleed[3] - trim[3])
        if least < MIN_BLEED - eps:
            yield _err("boxes", f"bleed is {least / MM:.1f} mm; at least 3 mm needed", n)


def check_page_count(ctx: Context) -> Iterator[Finding]:
    n = len(ctx.reader.pages)
    if ctx.binding == "saddle_stitch" and n % 4:
        yield _err("pages", f"{n} pages; saddle stitch needs a multiple of 4")
    elif n % 2:
        yield _err("pages", f"{n} pages; the page count must be even")


def _font_embedded(font: Any) -> bool:
    subtype = font.get("/Subtype")
    if subtype == "/Type3":
        return True
    if subtype == "/Type0":
        descendants = font.get("/DescendantFonts")
        if not descendants:
            return False
        font = descendants.get_object()[0].get_object()
    descriptor = font.get("/FontDescriptor")
    if descriptor is None:
        return False
    descriptor = descriptor.get_object()
    return any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))


def check_fonts(ctx: Context) -> Iterator[Finding]:
    """Every font used is embedded."""
    seen: set[str] = set()
    for n, scan in enumerate(ctx.scans, 1):
        for name, font in scan.fonts.items():
            if name not in seen and not _font_embedded(font):
                seen.add(name)
                yield _err("fonts", f"font {name.lstrip('/')} is not embedded", n)


def _pure_k(colour: Colour) -> bool:
    kind, values = colour
    if kind == "gray":
        return True
    return kind == "cmyk" and len(values) == 4 and values[0] == values[1] == values[2] == 0


def check_colour(ctx: Context) -> Iterator[Finding]:
    """No device RGB; small text in pure K only; no hairlines."""
    for n, scan in enumerate(ctx.scans, 1):
        if "rgb" in scan.colour_spaces:
            what = [im.name for im in scan.images if im.colour_space == "rgb"]
            detail = f" ({', '.join(ctx.image_label(n, w) for w in what)})" if what else " (vector colour)"
            first = what[0] if len(what) == 1 else None
            yield ctx.error("colour", f"DeviceRGB used{detail}; convert to the CMYK output condition", n, first)
        small = [t for t in scan.texts if t.size < SMALL_TEXT - 0.01 and not _pure_k(t.colour)]
        if small:
            t = min(small, key=lambda t: t.size)
            kind, values = t.colour
            shown = "/".join(f"{v * 100:.0f}" for v in values)
            yield _err(
                "colour",
                f"{len(small)} text run(s) under 9 pt not in pure K, e.g. {t.size:.1f} pt in {kind} {shown}",
                n,
            )
        thin = [s for s in scan.strokes if s.width < THIN_LINE]
        if thin:
            yield _err(
                "lines", f"{len(thin)} line(s) thinner than 0.25 pt (thinnest {min(s.width for s in thin):.2f} pt)", n
            )


def check_images(ctx: Context) -> Iterator[Finding]:
    """Effective resolution of every placed image against the ppi policy (the manifest's for a build)."""
    for n, scan in enumerate(ctx.scans, 1):
        for im in scan.images:
            if im.colour_space == "mask":
                continue
            level = ctx.ppi.level(im.ppi)
            if level:
                make = ctx.error if level == "error" else ctx.warning
                yield make("images", f"{ctx.image_label(n, im.name)} is {ctx.ppi.explain(im.ppi)}", n, im.name)


CHECKS: tuple[Check, ...] = (
    check_structure,
    check_security,
    check_boxes,
    check_page_count,
    check_fonts,
    check_colour,
    check_images,
    check_overprint,
)


def preflight(
    path: Path,
    binding: str | None = None,
    ledger: InkLedger | None = None,
    ppi: PpiPolicy | None = None,
    scans: ScanCache | None = None,
    digest: str | None = None,
) -> Report:
    """Check a PDF file; never raises for a bad PDF, reports it (what cannot be read is an error).

    ``ledger``: known image ink measurements; ``ppi``: the resolution policy (225/300 unless given);
    ``scans``: page scans already made, by content (the engine's cache unless given; the findings are
    the same without it, see ``scan_cache``); with ``scans.reports`` and the engine's ledger, the report
    of a file with these very bytes is reused (see ``report_cache``); ``digest``: the SHA-256 of the
    file's bytes when the caller knows it (they are then read only if its report is not known).
    """
    scans = scans if scans is not None else ScanCache.default()
    policy = ppi or PpiPolicy()
    report = Report(str(path))
    data = None
    if digest is None and scans.reports:  # the report is looked up by the file's bytes
        try:
            data = Path(path).read_bytes()
        except Exception as exc:  # as PdfReader would say it
            report.findings.append(_err("file", f"not a readable PDF ({reason(exc)})"))
            return report
        digest = hashlib.sha256(data).hexdigest()
    key = report_cache.report_key(digest, binding, policy) if digest and scans.reports and ledger is None else None
    witness = None
    if key is not None:
        known = report_cache.load(scans, key, path)
        if known is not None:
            return known
        ledger = witness = report_cache.LedgerWitness()  # the engine's ledger, as without ``ledger``
    if data is not None:
        stream: BinaryIO = io.BytesIO(data)
        del data  # the stream's own now: pypdf may take its buffer, which would copy a shared one
    else:  # read as pypdf needs it, not whole: a 100 MB issue is not held in memory
        try:
            stream = Path(path).open("rb")  # noqa: SIM115  (closed by the with below)
        except Exception as exc:
            report.findings.append(_err("file", f"not a readable PDF ({reason(exc)})"))
            return report
    with stream:
        pages_read = _check(report, stream, binding, ledger, policy, scans)
    if key is not None and witness is not None and report_cache.repeatable(report, pages_read, witness):
        report_cache.keep(scans, key, report, witness)
    return report


def _check(
    report: Report, stream: BinaryIO, binding: str | None, ledger: InkLedger | None, ppi: PpiPolicy, scans: ScanCache
) -> list[PageScan]:
    """Every check of the PDF in ``stream`` into ``report``; returns the pages read."""
    try:
        reader = PdfReader(stream)
        if reader.is_encrypted:
            report.findings.append(_err("security", "the file is encrypted; it cannot be checked further"))
            return []
        found = list(document_problems(reader))
        pages = len(reader.pages)
    except Exception as exc:  # pypdf raises many kinds of errors (and RecursionError) on a broken file
        report.findings.append(_err("file", f"not a readable PDF ({reason(exc)})"))
        return []
    report.pages = pages
    report.findings += [_err("file", message, page) for page, message in found]
    if found:  # nothing more is read of an empty or absurd document
        return []
    pages_read, budget = read_pages(reader, scans)
    report.findings += [_err("file", message, page) for page, message in budget.hit]
    names = [page_names(p) for p in reader.pages[: len(pages_read)]]
    ctx = Context(reader, pages_read, binding, ppi, names)
    for check in CHECKS:
        report.findings.extend(_guarded(check.__name__, lambda check=check: list(check(ctx))))
    if budget.hit or len(pages_read) < pages:
        report.findings.append(_err("ink", "not measured: the file is beyond what the preflight reads"))
    else:
        try:
            report.findings.extend(list(check_ink(ctx, report, ledger)))
        except SamplesTooLarge as exc:
            report.findings.append(_err("ink", f"not measured: {exc}"))
        except Exception as exc:  # as _guarded: a broken image structure is a finding
            report.findings.append(_err("ink", f"could not be checked: malformed PDF structure ({exc})"))
    report.findings = [ctx.named(f) for f in report.findings]
    return pages_read


def _guarded(name: str, run: Callable[[], list[Finding]]) -> list[Finding]:
    """A check that meets a malformed structure reports it instead of stopping the preflight."""
    try:
        return run()
    except Exception as exc:  # a broken PDF is a finding, never a crash
        check = name.removeprefix("check_")
        return [_err(check, f"could not be checked: malformed PDF structure ({type(exc).__name__}: {exc})")]

"""The preflight: what a printer's check of a PDF/X-4 file for offset on coated paper looks at.

Every check reads the PDF alone (ours or anyone's) and yields findings; errors make the file fail.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from PIL import Image, ImageMath
from pypdf import PdfReader

from ials_print.preflight.limits import (
    MAX_RENDER_PIXELS,
    MAX_SAMPLE_BYTES,
    document_problems,
    render_pixels,
    sample_bytes,
)
from ials_print.preflight.read import read_pages, reason
from ials_print.preflight.scan import Colour, PageScan

MM = 72 / 25.4
MIN_BLEED = 3 * MM
TAC_LIMIT = 300.0
SMALL_TEXT = 9.0
THIN_LINE = 0.25
PPI_ERROR, PPI_WARNING = 225, 300


@dataclass(frozen=True)
class Finding:
    level: str  # "error" | "warning"
    check: str
    message: str
    page: int | None = None  # 1-based, None for the whole document

    def __str__(self) -> str:
        where = f"page {self.page}: " if self.page else ""
        return f"{self.level} [{self.check}] {where}{self.message}"


@dataclass
class Report:
    file: str
    pages: int = 0
    findings: list[Finding] = field(default_factory=list)
    ink_method: str = ""

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.level == "error"]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.level == "warning"]

    def as_json(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "pages": self.pages,
            "passed": not self.errors,
            "ink_coverage_method": self.ink_method,
            "errors": [asdict(f) for f in self.errors],
            "warnings": [asdict(f) for f in self.warnings],
        }


@dataclass
class Context:
    reader: PdfReader
    scans: list[PageScan]
    binding: str | None


Check = Callable[[Context], Iterator[Finding]]


def _err(check: str, message: str, page: int | None = None) -> Finding:
    return Finding("error", check, message, page)


def _warn(check: str, message: str, page: int | None = None) -> Finding:
    return Finding("warning", check, message, page)


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
            detail = f" (image {', '.join(what)})" if what else " (vector colour)"
            yield _err("colour", f"DeviceRGB used{detail}; convert to the CMYK output condition", n)
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
    """Effective resolution of every placed image: error under 225 ppi, warning under 300."""
    for n, scan in enumerate(ctx.scans, 1):
        for im in scan.images:
            if im.colour_space == "mask":
                continue
            if im.ppi < PPI_ERROR - 0.5:
                yield _err("images", f"image {im.name} is {im.ppi:.0f} ppi at its placed size (225 ppi minimum)", n)
            elif im.ppi < PPI_WARNING - 0.5:
                yield _warn("images", f"image {im.name} is {im.ppi:.0f} ppi at its placed size (300 ppi wanted)", n)


def max_ink(im: Image.Image) -> float:
    """Highest C+M+Y+K of any pixel of a CMYK image, in percent."""
    c, m, y, k = im.convert("CMYK").split()
    total = ImageMath.lambda_eval(lambda a: a["c"] + a["m"] + a["y"] + a["k"], c=c, m=m, y=y, k=k)
    return total.getextrema()[1] / 255 * 100


def _tac_ghostscript(path: Path, pages: int) -> list[float] | None:
    gs = shutil.which("gs")
    if gs is None:
        return None
    with tempfile.TemporaryDirectory() as tmp:
        pattern = str(Path(tmp) / "p%04d.tif")
        proc = subprocess.run(
            [
                gs,
                "-q",
                "-dNOPAUSE",
                "-dBATCH",
                "-dSAFER",
                "-sDEVICE=tiff32nc",
                "-r24",
                "-dUseTrimBox",
                f"-sOutputFile={pattern}",
                str(path),
            ],
            capture_output=True,
        )
        if proc.returncode != 0:
            return None
        out = []
        for i in range(1, pages + 1):
            with Image.open(Path(tmp) / f"p{i:04d}.tif") as im:
                out.append(max_ink(im))
        return out


def _tac_analytic(ctx: Context) -> list[float]:
    """Highest ink sum of any CMYK paint or CMYK image pixel on each page (ignores overprint)."""
    out = []
    for scan in ctx.scans:
        best = 0.0
        for kind, values in scan.fills:
            if kind == "cmyk" and len(values) == 4:
                best = max(best, sum(values) * 100)
        for im in scan.images:
            if im.colour_space != "cmyk":
                continue
            try:
                best = max(best, max_ink(_cmyk_pixels(im.xobject)))
            except Exception:  # an image that cannot be decoded here is left to the other checks
                continue
        out.append(best)
    return out


def _cmyk_pixels(xobj: Any) -> Image.Image:
    """The pixels of a CMYK image XObject: JPEG through Pillow, else the decoded samples (8 bits)."""
    filters = xobj.get("/Filter")
    filters = [filters] if isinstance(filters, str) else list(filters or [])
    data = xobj.get_data()
    if "/DCTDecode" in filters:
        pil = Image.open(io.BytesIO(data))
        pil.draft("CMYK", (pil.width // 8, pil.height // 8))
        return pil
    if int(xobj.get("/BitsPerComponent", 8)) != 8:
        raise ValueError("only 8-bit samples are measured")
    size = (int(xobj["/Width"]), int(xobj["/Height"]))
    return Image.frombytes("CMYK", size, data[: size[0] * size[1] * 4])


def check_ink(ctx: Context, path: Path | None, report: Report) -> Iterator[Finding]:
    """Total area coverage: the highest C+M+Y+K on each page, error above 300 %."""
    tac = _tac_ghostscript(path, len(ctx.scans)) if path is not None else None
    report.ink_method = "Ghostscript CMYK rendering at 24 dpi (trim box)" if tac else "content and image scan"
    if tac is None:
        tac = _tac_analytic(ctx)
    for n, value in enumerate(tac, 1):
        if value > TAC_LIMIT + 0.5:
            yield _err("ink", f"total ink coverage reaches {value:.0f} % (300 % maximum)", n)


CHECKS: tuple[Check, ...] = (
    check_structure,
    check_security,
    check_boxes,
    check_page_count,
    check_fonts,
    check_colour,
    check_images,
)


def preflight(path: Path, binding: str | None = None) -> Report:
    """Check a PDF file; never raises for a bad PDF, reports it (what cannot be read is an error)."""
    report = Report(str(path))
    try:
        reader = PdfReader(path)
        if reader.is_encrypted:
            report.findings.append(_err("security", "the file is encrypted; it cannot be checked further"))
            return report
        found = list(document_problems(reader))
        pages = len(reader.pages)
    except Exception as exc:  # pypdf raises many kinds of errors (and RecursionError) on a broken file
        report.findings.append(_err("file", f"not a readable PDF ({reason(exc)})"))
        return report
    report.pages = pages
    report.findings += [_err("file", message, page) for page, message in found]
    if found:  # nothing more is read of an empty or absurd document
        return report
    scans, budget = read_pages(reader)
    report.findings += [_err("file", message, page) for page, message in budget.hit]
    ctx = Context(reader, scans, binding)
    for check in CHECKS:
        report.findings.extend(_guarded(check.__name__, lambda check=check: list(check(ctx))))
    if budget.hit or len(scans) < pages:
        report.findings.append(_err("ink", "not measured: the file is beyond what the preflight reads"))
    else:  # a rendering too large for Ghostscript in good time: measured from the paints instead
        rendered = path if render_pixels(reader) <= MAX_RENDER_PIXELS else None
        if (rendered is None or shutil.which("gs") is None) and sample_bytes(scans) > MAX_SAMPLE_BYTES:
            report.findings.append(_err("ink", "not measured: its CMYK images are too large to decode here"))
        else:
            report.findings.extend(_guarded("check_ink", lambda: list(check_ink(ctx, rendered, report))))
    return report


def _guarded(name: str, run: Callable[[], list[Finding]]) -> list[Finding]:
    """A check that meets a malformed structure reports it instead of stopping the preflight."""
    try:
        return run()
    except Exception as exc:  # a broken PDF is a finding, never a crash
        check = name.removeprefix("check_")
        return [_err(check, f"could not be checked: malformed PDF structure ({type(exc).__name__}: {exc})")]

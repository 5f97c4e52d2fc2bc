"""Total ink coverage, measured where the plates get it: every pixel of every CMYK image at its own
resolution (decoded, never reduced), and every colour the page paints (fills, strokes, text).

Measurements of images the build already made come from the ink ledger (by the SHA-256 of the
image's bytes, so they are the measurements of these very pixels); the others are decoded here.
Ghostscript stays a cross-check (:func:`tac_ghostscript`), not the measure: a low-resolution
rendering averages the peaks away. Overprinted black over an image is not added up here.
"""

from __future__ import annotations

import io
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from PIL import Image

from ials_print.images.ink import TAC_LIMIT, InkLedger, max_ink
from ials_print.preflight.findings import Context, Finding, Report
from ials_print.preflight.limits import MAX_SAMPLE_BYTES
from ials_print.preflight.scan import Colour

METHOD = "every image pixel at its own resolution and the page's paints"


def paint_ink(colour: Colour) -> float:
    """The ink of a painted colour, in percent (0 for colour spaces other than DeviceCMYK and grey)."""
    kind, values = colour
    if kind == "cmyk" and len(values) == 4:
        return sum(values) * 100
    if kind == "gray" and len(values) == 1:
        return (1 - values[0]) * 100
    return 0.0


def cmyk_pixels(xobj: Any) -> Image.Image:
    """The pixels of a CMYK image XObject at full resolution: JPEG through Pillow, else 8-bit samples."""
    filters = xobj.get("/Filter")
    filters = [filters] if isinstance(filters, str) else list(filters or [])
    data = xobj.get_data()
    if "/DCTDecode" in filters:
        return Image.open(io.BytesIO(data))
    if int(xobj.get("/BitsPerComponent", 8)) != 8:
        raise ValueError("only 8-bit samples are measured")
    size = (int(xobj["/Width"]), int(xobj["/Height"]))
    return Image.frombytes("CMYK", size, data[: size[0] * size[1] * 4])


class SamplesTooLarge(Exception):
    """Measuring the ink would decode more image samples than :data:`MAX_SAMPLE_BYTES`."""


def page_ink(ctx: Context, ledger: InkLedger) -> list[tuple[float, str]]:
    """Each page's highest total ink, and what reaches it ("paint" or the image's resource name).
    Images the ledger knows are not decoded; the others count against :data:`MAX_SAMPLE_BYTES`."""
    measured: dict[int, float] = {}  # per image object: an image on many pages is measured once
    decoded = 0

    def count(xobj: Any) -> None:
        nonlocal decoded
        decoded += int(xobj.get("/Width", 0)) * int(xobj.get("/Height", 0)) * 4
        if decoded > MAX_SAMPLE_BYTES:
            raise SamplesTooLarge(f"its CMYK images would decode to more than {MAX_SAMPLE_BYTES // 2**20} MiB")

    def decode(xobj: Any, counted: bool) -> Image.Image:
        if not counted:
            count(xobj)
        return cmyk_pixels(xobj)

    out = []
    for scan in ctx.scans:
        best, where = max(((paint_ink(c), "paint") for c in scan.fills), default=(0.0, "paint"))
        for im in scan.images:
            if im.colour_space != "cmyk":
                continue
            ref = getattr(im.xobject, "indirect_reference", None)
            key = ref.idnum if ref is not None else id(im.xobject)
            if key not in measured:
                filters = im.xobject.get("/Filter")
                jpeg = "/DCTDecode" in ([filters] if isinstance(filters, str) else list(filters or []))
                if not jpeg:  # its bytes are its samples: counted before they are read
                    count(im.xobject)
                try:
                    data = im.xobject.get_data()
                    measured[key] = ledger.max_ink(data, lambda xobj=im.xobject, c=not jpeg: decode(xobj, c))
                except SamplesTooLarge:
                    raise
                except Exception:  # an image that cannot be decoded here is left to the other checks
                    measured[key] = 0.0
                finally:
                    if hasattr(im.xobject, "decoded_self"):
                        im.xobject.decoded_self = None  # pypdf keeps the decoded samples: let them go
            if measured[key] > best:
                best, where = measured[key], im.name
        out.append((best, where))
    return out


def check_ink(ctx: Context, report: Report, ledger: InkLedger | None = None) -> Iterator[Finding]:
    """Total area coverage: the highest C+M+Y+K on each page, error above 300 %."""
    report.ink_method = METHOD
    inks = page_ink(ctx, ledger or InkLedger())
    report.ink = [round(value, 2) for value, _ in inks]
    for n, (value, where) in enumerate(inks, 1):
        if value > TAC_LIMIT + 0.05:
            image = None if where == "paint" else where
            what = ctx.image_label(n, where) if image else "a painted colour"
            yield ctx.error("ink", f"total ink coverage reaches {value:.1f} % in {what} (300 % maximum)", n, image)


def tac_ghostscript(path: Path, pages: int, dpi: int = 24) -> list[float] | None:
    """Each page's highest total ink on a Ghostscript CMYK rendering (None without gs): a cross-check."""
    gs = shutil.which("gs")
    if gs is None:
        return None
    with tempfile.TemporaryDirectory() as tmp:
        pattern = str(Path(tmp) / "p%04d.tif")
        cmd = [gs, "-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-sDEVICE=tiff32nc", f"-r{dpi}", "-dUseTrimBox"]
        proc = subprocess.run([*cmd, f"-sOutputFile={pattern}", str(path)], capture_output=True)
        if proc.returncode != 0:
            return None
        out = []
        for i in range(1, pages + 1):
            with Image.open(Path(tmp) / f"p{i:04d}.tif") as im:
                out.append(max_ink(im))
        return out

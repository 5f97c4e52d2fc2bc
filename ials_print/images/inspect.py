"""Look inside an image file: is it a whole image, how many pixels, which format.

Every image is decoded once here (JPEGs at reduced scale, which still reads every byte of their
data), so a damaged file is named at load, by ``validate`` as by ``build``, not half-way through
drawing a page.
"""

from __future__ import annotations

import io
import re
import struct
import warnings
from functools import lru_cache
from pathlib import Path

from PIL import Image, ImageCms, UnidentifiedImageError

from ials_print.errors import Problem
from ials_print.images.info import ImageInfo
from ials_print.limits import MAX_IMAGE_MEMORY, MAX_IMAGE_PIXELS

Image.MAX_IMAGE_PIXELS = MAX_IMAGE_PIXELS  # Pillow warns above, refuses above twice; we refuse above
_BANDS = {"1": 1, "L": 1, "P": 1, "LA": 2, "PA": 2, "RGB": 3, "YCbCr": 3, "LAB": 3, "HSV": 3, "RGBA": 4, "CMYK": 4}
_ICC_SPACE = {"L": b"GRAY", "LA": b"GRAY", "RGB": b"RGB ", "RGBA": b"RGB ", "CMYK": b"CMYK"}
# JPEG frames besides baseline, extended and progressive Huffman (SOF0–2), which ReportLab cannot embed.
_JPEG_UNSUPPORTED = {
    0xC3: "lossless",
    0xC5: "hierarchical",
    0xC6: "hierarchical progressive",
    0xC7: "hierarchical lossless",
    0xC9: "arithmetic-coded",
    0xCA: "arithmetic-coded progressive",
    0xCB: "arithmetic-coded lossless",
    0xCD: "hierarchical arithmetic-coded",
    0xCE: "hierarchical arithmetic-coded progressive",
    0xCF: "hierarchical arithmetic-coded lossless",
}


def inspect_image(path: Path) -> ImageInfo | Problem:
    """Open, decode once and check an image; a problem if it is unusable or beyond the limits."""
    if path.is_dir():
        return Problem(path, "expected an image file, found a folder")
    if path.is_file() and path.stat().st_size == 0:
        return Problem(path, "expected an image, found an empty file (0 bytes)")
    size, mode = (0, 0), ""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(path) as im:
                fmt, size, mode = im.format or "?", im.size, im.mode
                im.verify()  # structure and, for PNG, every chunk's checksum
            if fmt not in ("JPEG", "PNG", "TIFF"):
                return Problem(path, f"expected a JPEG, PNG or TIFF image, found {fmt}")
            why = _too_big(size, mode) or (_jpeg_problem(path) if fmt == "JPEG" else None)
            if why:
                return Problem(path, why)
            with Image.open(path) as im:
                if fmt == "JPEG":
                    im.draft(im.mode, (max(1, im.width // 8), max(1, im.height // 8)))  # every byte read, 1/64 kept
                im.load()
                if im.getexif().get(0x0112) in (5, 6, 7, 8):  # a quarter turn when printed upright
                    size = (size[1], size[0])
                why = _profile_problem(im.info.get("icc_profile"), mode)
                if why:
                    return Problem(path, why)
            if fmt == "JPEG" and not _sequential_whole(path):
                return Problem(
                    path,
                    "expected a complete JPEG image, found one cut short: its data ends before the last row "
                    "(an end marker was added after the cut; the missing rows would print grey)",
                )
    except FileNotFoundError:
        return Problem(path, "image file not found")
    except UnidentifiedImageError:
        return Problem(path, "expected an image (JPEG, PNG or TIFF), found a file that is not an image")
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        return Problem(
            path,
            _too_big(size, mode) or f"more than {2 * MAX_IMAGE_PIXELS:,} pixels (the limit is {MAX_IMAGE_PIXELS:,})",
        )
    except (OSError, SyntaxError, ValueError, struct.error, IndexError) as exc:
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        return Problem(path, f"expected a readable image, found a damaged one ({reason})")
    return ImageInfo(path, size[0], size[1], fmt, mode)


def _too_big(size: tuple[int, int], mode: str) -> str | None:
    """Beyond the pixel or decoded-memory limit (``limits``)."""
    pixels = size[0] * size[1]
    memory = pixels * _BANDS.get(mode, 4)
    if pixels > MAX_IMAGE_PIXELS or memory > MAX_IMAGE_MEMORY:
        return (
            f"image of {size[0]:,} × {size[1]:,} pixels ({pixels / 1e6:.0f} Mpx, {memory / 2**20:.0f} MiB decoded): "
            f"at most {MAX_IMAGE_PIXELS / 1e6:.0f} Mpx and {MAX_IMAGE_MEMORY / 2**20:.0f} MiB; "
            "resample it to 300 ppi at its printed size"
        )
    return None


@lru_cache(maxsize=32)
def _profile_problem(icc: bytes | None, mode: str) -> str | None:
    """An embedded ICC profile must open, and convert when it is of the pixels' colour space (LittleCMS).
    Checked once per profile: an issue's pictures share a few."""
    if not icc:
        return None
    try:
        profile = ImageCms.ImageCmsProfile(io.BytesIO(icc))
        if icc[16:20] == _ICC_SPACE.get(mode):  # the one the preparation converts from (others are ignored)
            ImageCms.buildTransform(profile, ImageCms.createProfile("sRGB"), mode.rstrip("A"), "RGB")
    except (ImageCms.PyCMSError, OSError, ValueError, TypeError) as exc:
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        return f"expected a usable embedded ICC profile, found a damaged one ({reason})"
    return None


def _sequential_whole(path: Path) -> bool:
    """A JPEG cut short and closed again with an end marker decodes without an error (libjpeg pads the
    missing data, without a word). A sequential file (SOF0/SOF1) must decode to its last row without
    its end marker; a progressive one must decode the same with a few bytes slipped in before its end
    marker (after a whole last scan they are skipped; in a cut one they are read as data)."""
    data = path.read_bytes()
    frame = re.search(rb"\xff[\xc0-\xc2]", data)
    end = data.rfind(b"\xff\xd9")
    if frame is None or end < 0:
        return True
    try:
        if data[frame.start() + 1] != 0xC2:
            with Image.open(io.BytesIO(data[:end] + bytes(32))) as im:  # the decoder reads a few bytes ahead
                im.draft(im.mode, (max(1, im.width // 8), max(1, im.height // 8)))
                im.load()  # raises "image file is truncated" if the rows run out
            return True
        with (
            Image.open(io.BytesIO(data)) as im,
            Image.open(io.BytesIO(data[:end] + b"\x5a\xa5" * 16 + data[end:])) as slipped,
        ):
            return im.tobytes() == slipped.tobytes()  # whole decodes: a truncated scan may hide in any band
    except OSError:
        return False


def _jpeg_problem(path: Path) -> str | None:
    """A JPEG must be whole (an end marker) and of a process every reader knows (not lossless or arithmetic)."""
    with path.open("rb") as f:
        data = f.read()
    if b"\xff\xd9" not in data[-64:]:
        return "expected a complete JPEG image, found a file cut short (no end marker)"
    pos = 2
    while pos + 4 <= len(data):
        if data[pos] != 0xFF:
            return f"expected a JPEG marker at byte {pos:,}, found 0x{data[pos]:02x} (a damaged header)"
        marker = data[pos + 1]
        if marker == 0xFF:  # fill byte
            pos += 1
            continue
        if marker == 0xDA:  # start of scan: the header is over
            return None
        if marker in _JPEG_UNSUPPORTED:
            return (
                f"unsupported JPEG process ({_JPEG_UNSUPPORTED[marker]}, SOF{marker - 0xC0}): "
                "save it as a baseline or progressive JPEG"
            )
        (length,) = struct.unpack(">H", data[pos + 2 : pos + 4])
        pos += 2 + length
    return "expected a JPEG image, found no image data (no start of scan)"

"""Look inside an image file: is it a whole image, how many pixels, which format."""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, UnidentifiedImageError

from ials_print.errors import Problem

Image.MAX_IMAGE_PIXELS = 200_000_000  # a 300 ppi double spread is ~70 Mpx; beyond is a mistake


@dataclass(frozen=True)
class ImageInfo:
    path: Path
    width: int
    height: int
    format: str
    mode: str

    @property
    def aspect(self) -> float:
        return self.width / self.height


def inspect_image(path: Path) -> ImageInfo | Problem:
    """Open and check an image without decoding more than needed; a problem if it is unusable."""
    if path.is_dir():
        return Problem(path, "expected an image file, found a folder")
    if path.is_file() and path.stat().st_size == 0:
        return Problem(path, "expected an image, found an empty file (0 bytes)")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(path) as im:
                fmt, size, mode = im.format or "?", im.size, im.mode
                im.verify()  # structure and, for PNG, every chunk's checksum
            if fmt == "JPEG" and not _jpeg_complete(path):
                return Problem(path, "expected a complete JPEG image, found a file cut short (no end marker)")
            if fmt not in ("JPEG", "PNG", "TIFF"):
                return Problem(path, f"expected a JPEG, PNG or TIFF image, found {fmt}")
            with Image.open(path) as im:
                if fmt != "JPEG":
                    im.load()
                if im.getexif().get(0x0112) in (5, 6, 7, 8):  # a quarter turn when printed upright
                    size = (size[1], size[0])
    except FileNotFoundError:
        return Problem(path, "image file not found")
    except UnidentifiedImageError:
        return Problem(path, "expected an image (JPEG, PNG or TIFF), found a file that is not an image")
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        return Problem(path, f"expected a readable image, found a damaged one ({str(exc).splitlines()[0]})")
    return ImageInfo(path, size[0], size[1], fmt, mode)


def _jpeg_complete(path: Path) -> bool:
    with path.open("rb") as f:
        f.seek(0, 2)
        f.seek(max(0, f.tell() - 64))
        return b"\xff\xd9" in f.read()

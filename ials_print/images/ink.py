"""Total ink (total area coverage, TAC) of CMYK pixels, at full resolution, as the plates get them.

The press allows 300 % on coated paper. A limit applied before JPEG compression is exceeded after
it (290 % became 307.8 % on issue n°3), so images are limited, encoded, decoded and measured again
(:func:`encode_within_limit`). Measurements are kept in a ledger keyed by the SHA-256 of the
encoded bytes: the preflight of a file made of the same images reads them back instead of decoding
every picture again, and measures only what it has never seen.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PIL import Image

from ials_print.cachedir import cache_folder
from ials_print.output.atomic import write_atomic

TAC_LIMIT = 300.0  # percent, offset on coated paper
# Percent: where the limit starts before encoding, tightened until the JPEG keeps TAC_LIMIT. JPEG's ringing
# raised the darkest pixels of the 93 pictures by up to 17.8 points at quality 88: from 290, 23 of
# them were encoded twice (and their second try raised the quality); from 282, none (measured).
FIRST_LIMIT = 282.0


ROWS = 64  # rows per strip: its sums stay in the processor's cache (twice as fast as whole-image arrays here)


def _strips(im: Image.Image):
    """``im`` in strips of rows: (box, H × W × 4 uint8 array)."""
    for top in range(0, im.height, ROWS):
        box = (0, top, im.width, min(im.height, top + ROWS))
        yield box, np.asarray(im.crop(box))


def _totals(strip: np.ndarray) -> np.ndarray:
    """C+M+Y+K of every pixel of a strip, 0–1020."""
    total = strip[..., 0].astype(np.uint16)
    for plate in (1, 2, 3):
        total += strip[..., plate]
    return total


def max_ink(im: Image.Image) -> float:
    """Highest C+M+Y+K of any pixel, in percent, over every pixel (no reduced decoding)."""
    if im.mode != "CMYK":
        im = im.convert("CMYK")
    top = max((int(_totals(strip).max()) for _, strip in _strips(im) if strip.size), default=0)
    return top / 255 * 100


def limit_ink(im: Image.Image, limit: float) -> Image.Image:
    """Keep C+M+Y+K under ``limit`` % by taking the excess from C, M and Y (K, the detail, stays).

    Works in strips of rows; ``im`` itself is returned when no pixel exceeds.
    """
    cap = limit / 100 * 255
    out = None
    for box, strip in _strips(im):
        over = _totals(strip) > cap if strip.size else None
        if over is None or not over.any():
            continue
        pixels = strip[over].astype(np.float32)  # only the pixels over the limit: a few percent
        cmy = pixels[:, :3].sum(axis=1)
        keep = 1 - (cmy + pixels[:, 3] - cap) / np.maximum(cmy, 1)  # the share of C, M and Y that may stay
        np.clip(keep, 0, 1, out=keep)  # a limit below K alone empties C, M and Y, never wraps them round
        limited = strip.copy()
        limited[over, :3] = pixels[:, :3] * keep[:, None]  # truncated: the total never rounds up past the cap
        out = out or im.copy()
        out.paste(Image.frombytes("CMYK", (box[2], box[3] - box[1]), limited.tobytes()), box)
    return out or im


@dataclass(frozen=True)
class Encoded:
    """A CMYK JPEG and what its decoded pixels measure."""

    data: bytes
    max_ink: float  # percent, on the decoded JPEG
    limit: float  # the limit applied before encoding
    quality: int
    attempts: int


def encode_within_limit(im: Image.Image, quality: int, press_limit: float = TAC_LIMIT, tries: int = 6) -> Encoded:
    """Limit, encode, decode, measure; tighten the limit (and raise the quality) until the JPEG keeps
    ``press_limit``. After ``tries`` the last attempt is returned as it measures: the preflight errs."""
    limit = min(FIRST_LIMIT, press_limit)
    for attempt in range(1, tries + 1):
        buf = io.BytesIO()
        limit_ink(im, limit).save(buf, "JPEG", quality=quality, optimize=True)
        data = buf.getvalue()
        with Image.open(io.BytesIO(data)) as decoded:
            measured = max_ink(decoded)
        if measured <= press_limit or attempt == tries:
            return Encoded(data, measured, limit, quality, attempt)
        limit -= measured - press_limit + 2
        quality = min(98, quality + 3)
    raise AssertionError("unreachable")


def ledger_folder() -> Path:
    """Where measurements are kept: beside the prepared images, in the engine's cache folder."""
    return cache_folder("images") / "ink"


class InkLedger:
    """Maximum ink of encoded images, by the SHA-256 of their bytes (the bytes decide the pixels)."""

    def __init__(self, folder: Path | None = None):
        self.folder = folder or ledger_folder()
        self.measured = 0  # images decoded and measured here
        self.known = 0  # images found in the ledger

    def _path(self, data: bytes) -> Path:
        return self.folder / f"{hashlib.sha256(data).hexdigest()}.tac"

    def record(self, data: bytes, value: float) -> None:
        with contextlib.suppress(OSError):  # a read-only cache only costs time
            write_atomic(self._path(data), f"{value!r}\n".encode())

    def max_ink(self, data: bytes, decode) -> float:
        """The image's highest C+M+Y+K, from the ledger or measured now on ``decode()``'s pixels."""
        path = self._path(data)
        try:
            value = float(path.read_text())
            self.known += 1
            return value
        except (OSError, ValueError):
            pass
        with decode() as im:
            value = max_ink(im)
        self.measured += 1
        self.record(data, value)
        return value

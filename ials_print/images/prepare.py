"""Prepare an image for one placement: crop to what shows, resample, convert colour, cache.

The final PDF gets CMYK JPEGs in the output profile (LittleCMS through Pillow's ImageCms, relative
colorimetric with black-point compensation), never more than ``max_ppi`` at placed size; a proof
gets small sRGB JPEGs. Results are cached by source content and placement, so a rebuild does not
redo them.
"""

from __future__ import annotations

import hashlib
import io
import json
from dataclasses import dataclass, replace
from pathlib import Path

from PIL import Image
from reportlab.pdfgen.canvas import Canvas

from ials_print.images.colour import describe_profile, normalise, profile_bytes, to_cmyk, to_rgb
from ials_print.images.embed import draw_image
from ials_print.images.info import ImageInfo
from ials_print.images.ink import FIRST_LIMIT, TAC_LIMIT, InkLedger, encode_within_limit
from ials_print.images.placed import Conversion, ImageSettings, PlacedImage
from ials_print.output.atomic import write_atomic

# 2: ink kept on the decoded JPEG; 3: greyscale on K alone, conversion recorded; 4: C, M and Y cut down
# (not rounded) to the ink limit
CACHE_VERSION = 4


@dataclass(frozen=True)
class Prepared:
    """An image ready to draw: the file to embed and where it goes (points, box-relative)."""

    path: Path
    x: float
    y: float
    w: float
    h: float
    ppi: float  # effective resolution of the source at its placed size
    out_ppi: float  # resolution of what is embedded
    conversion: Conversion | None = None  # what was done to its colour (CMYK output only)


@dataclass
class ImageCache:
    """Prepared images on disk, keyed by source bytes, placement and settings."""

    folder: Path
    hits: int = 0
    misses: int = 0

    @property
    def ledger(self) -> InkLedger:
        """Ink measurements of the encoded images, kept beside them."""
        return InkLedger(self.folder / "ink")

    def key(self, data: bytes, params: dict) -> str:
        h = hashlib.sha256(data)
        h.update(json.dumps({**params, "v": CACHE_VERSION}, sort_keys=True).encode())
        return h.hexdigest()[:32]


def geometry(info: ImageInfo, w: float, h: float, fit: str, focus: tuple[float, float]):
    """Scale and the visible part of the image (pixels) for a ``w`` × ``h`` pt box.

    Returns (scale pt/px, crop box in source pixels, drawn rect relative to the box).
    """
    scale = (max if fit == "fill" else min)(w / info.width, h / info.height)
    iw, ih = info.width * scale, info.height * scale
    if fit == "fit":
        return scale, (0, 0, info.width, info.height), ((w - iw) / 2, (h - ih) / 2, iw, ih)
    fx, fy = focus
    ox = min(0.0, max(w - iw, w / 2 - fx * iw))  # left edge of the image, box-relative
    oy = min(0.0, max(h - ih, h / 2 - fy * ih))  # top edge, measured downwards
    left, top = -ox / scale, -oy / scale
    crop = (round(left), round(top), round(left + w / scale), round(top + h / scale))
    return scale, crop, (0.0, 0.0, w, h)


def _slice(
    crop: tuple[int, int, int, int], dx: float, dw: float, window: tuple[float, float]
) -> tuple[tuple[int, int, int, int], float, float] | None:
    """The part of a placed image (source ``crop`` drawn at ``dx``, ``dw`` wide) inside ``window``."""
    x0, x1 = max(dx, window[0]), min(dx + dw, window[1])
    if x1 - x0 < 0.5:
        return None  # nothing of the picture falls in the window
    px = crop[2] - crop[0]
    k = px / dw if dw else 0.0  # source pixels per point along x
    left = crop[0] + round((x0 - dx) * k)
    right = max(left + 1, crop[0] + round((x1 - dx) * k))
    return (left, crop[1], right, crop[3]), x0 - window[0], x1 - x0


def prepare(
    source: Path,
    info: ImageInfo,
    w: float,
    h: float,
    fit: str,
    focus: tuple[float, float],
    settings: ImageSettings,
    cache: ImageCache,
    window: tuple[float, float] | None = None,
) -> Prepared | None:
    """The file to embed for this placement, from the cache or made now.

    ``window`` (x0, x1 in pt of the box) keeps only that slice of the placement: one page's half
    of a picture running across a spread. The result is then relative to the window's left edge.
    """
    scale, crop, (dx, dy, dw, dh) = geometry(info, w, h, fit, focus)
    if window is not None:
        part = _slice(crop, dx, dw, window)
        if part is None:
            return None
        crop, dx, dw = part
    ppi = 72 / scale
    crop = (max(0, crop[0]), max(0, crop[1]), min(info.width, crop[2]), min(info.height, crop[3]))
    as_is = _embeddable_as_is(source, info, crop, ppi, settings, cache.ledger)
    if as_is is not None:
        return Prepared(source, dx, h - dy - dh, dw, dh, ppi, ppi, as_is)
    data = source.read_bytes()
    params = {
        "crop": crop,
        "w": round(dw, 2),
        "h": round(dh, 2),
        "settings": settings.__dict__ | {"profile": None},
        "ink_limit": TAC_LIMIT,
        "first_limit": FIRST_LIMIT,
    }
    if settings.profile is not None:
        params["profile_sha"] = hashlib.sha256(profile_bytes(settings.profile)).hexdigest()[:16]
    key = cache.key(data, params)
    target = cache.folder / f"{key}.jpg"
    record = cache.folder / f"{key}.json"  # what was done to the colour, beside the image
    out_ppi = min(ppi, settings.target_ppi) if ppi > settings.max_ppi else ppi
    conversion = _recorded(record) if target.exists() else None
    if target.exists() and (conversion is not None or settings.colour != "cmyk"):
        cache.hits += 1
    else:
        cache.misses += 1
        size = None
        if ppi > settings.max_ppi:
            size = (max(1, round(dw / 72 * settings.target_ppi)), max(1, round(dh / 72 * settings.target_ppi)))
        im, icc = _cropped(data, crop, size)
        if settings.colour == "cmyk":
            assert settings.profile is not None
            im, conversion = to_cmyk(im, icc, settings.profile, settings.identifier)
            encoded = encode_within_limit(im, settings.jpeg_quality)
            cache.ledger.record(encoded.data, encoded.max_ink)
            conversion = replace(conversion, ink_limit=TAC_LIMIT, max_ink=round(encoded.max_ink, 2))
            data = encoded.data
        else:
            buf = io.BytesIO()
            to_rgb(im, icc, settings.profile).save(buf, "JPEG", quality=settings.jpeg_quality, optimize=True)
            data = buf.getvalue()
        write_atomic(target, data)
        if conversion is not None:
            write_atomic(record, json.dumps(conversion.as_dict(), sort_keys=True).encode())
    return Prepared(target, dx, h - dy - dh, dw, dh, ppi, out_ppi, conversion)


def _cropped(data: bytes, crop: tuple[int, int, int, int], size: tuple[int, int] | None):
    """The source's pixels (normalised, see :func:`normalise`) inside ``crop``, resampled to ``size``,
    and its embedded profile; the decoded source is let go on return."""
    with Image.open(io.BytesIO(data)) as im:
        im.load()
        im, icc = normalise(im)
        if crop != (0, 0, *im.size):
            im = im.crop(crop)
        if size is not None:
            im = im.resize(size, Image.Resampling.LANCZOS)
        return im, icc


def _recorded(path: Path) -> Conversion | None:
    """The conversion recorded beside a cached image (None if absent: the image is made again)."""
    try:
        return Conversion(**json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError, TypeError):
        return None


def _embeddable_as_is(
    source: Path,
    info: ImageInfo,
    crop: tuple[int, int, int, int],
    ppi: float,
    settings: ImageSettings,
    ledger: InkLedger,
) -> Conversion | None:
    """A JPEG already in the right colour space, uncropped, not too sharp and within the ink limit is
    embedded unchanged: its conversion record ("as is"), else None."""
    if info.format != "JPEG" or crop != (0, 0, info.width, info.height) or ppi > settings.max_ppi:
        return None
    with Image.open(source) as im:
        icc = im.info.get("icc_profile")
        mode = im.mode
    if settings.colour != "cmyk":
        return (
            Conversion("proof", "RGB, no profile", "sRGB", "none, embedded unchanged")
            if (mode == "RGB" and icc is None)
            else None
        )
    assert settings.profile is not None
    if mode != "CMYK" or (icc is not None and icc != profile_bytes(settings.profile)):
        return None
    data = source.read_bytes()
    top = ledger.max_ink(data, lambda: Image.open(io.BytesIO(data)))
    if top > TAC_LIMIT:
        return None
    target = f"CMYK {settings.identifier} ('{describe_profile(profile_bytes(settings.profile))}')"
    if icc is None:
        source_text = f"CMYK, no profile: taken as {settings.identifier}"
        return Conversion("untagged CMYK", source_text, target, "none, embedded unchanged", TAC_LIMIT, round(top, 2))
    return Conversion(
        "as is", "CMYK in the output profile", target, "none, embedded unchanged", TAC_LIMIT, round(top, 2)
    )


class ImagePlacer:
    """Draws visuals on the canvas through :func:`prepare`, and remembers each placement."""

    def __init__(self, settings: ImageSettings, cache: ImageCache):
        self.settings, self.cache = settings, cache
        self.placed: list[PlacedImage] = []

    def __call__(
        self,
        c: Canvas,
        visual_id: str,
        path: Path,
        info: ImageInfo,
        x: float,
        y: float,
        w: float,
        h: float,
        fit: str,
        focus: tuple[float, float],
        window: tuple[float, float] | None = None,
    ) -> tuple[float, float, float, float]:
        """Draw the visual in the box; returns where its pixels landed (x, y, w, h). With
        ``window``, only that slice of the box is drawn, from ``x`` (one half of a spread)."""
        p = prepare(path, info, w, h, fit, focus, self.settings, self.cache, window)
        if p is None:
            return x, y, 0.0, 0.0
        resource = draw_image(c, p.path, x + p.x, y + p.y, p.w, p.h)
        folio = getattr(c, "_ials_folio", 0)
        self.placed.append(PlacedImage(folio, visual_id, p.ppi, p.out_ppi, p.w, p.h, resource, p.conversion))
        return x + p.x, y + p.y, p.w, p.h

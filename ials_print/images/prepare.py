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
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from PIL import Image, ImageCms, ImageOps
from reportlab.pdfgen.canvas import Canvas

from ials_print.images.embed import draw_image
from ials_print.images.ink import TAC_LIMIT, InkLedger, encode_within_limit
from ials_print.images.inspect import ImageInfo
from ials_print.output.atomic import write_atomic

CACHE_VERSION = 2  # 2: CMYK JPEGs measured after encoding (ink limit kept on the decoded pixels)


@dataclass(frozen=True)
class ImageSettings:
    """How images are rendered for one output (final print, proof)."""

    name: str
    colour: str  # "cmyk" or "rgb"
    target_ppi: float  # resample to this when above max_ppi
    max_ppi: float
    jpeg_quality: int
    profile: Path | None = None  # output ICC profile (CMYK)


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


@lru_cache(maxsize=4)
def _profile_bytes(path: Path) -> bytes:
    """The output profile, read once per build rather than once per image."""
    return path.read_bytes()


@lru_cache(maxsize=8)
def _transform(src_icc: bytes | None, dest: str, mode_in: str, mode_out: str) -> ImageCms.ImageCmsTransform:
    src = ImageCms.ImageCmsProfile(io.BytesIO(src_icc)) if src_icc else ImageCms.createProfile("sRGB")
    dst = ImageCms.createProfile("sRGB") if dest == "sRGB" else ImageCms.getOpenProfile(dest)
    return ImageCms.buildTransform(
        src,
        dst,
        mode_in,
        mode_out,
        renderingIntent=ImageCms.Intent.RELATIVE_COLORIMETRIC,
        flags=ImageCms.Flags.BLACKPOINTCOMPENSATION,
    )


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


def prepare(
    source: Path,
    info: ImageInfo,
    w: float,
    h: float,
    fit: str,
    focus: tuple[float, float],
    settings: ImageSettings,
    cache: ImageCache,
) -> Prepared:
    """The file to embed for this placement, from the cache or made now."""
    scale, crop, (dx, dy, dw, dh) = geometry(info, w, h, fit, focus)
    ppi = 72 / scale
    crop = (max(0, crop[0]), max(0, crop[1]), min(info.width, crop[2]), min(info.height, crop[3]))
    if _embeddable_as_is(source, info, crop, ppi, settings, cache.ledger):
        return Prepared(source, dx, h - dy - dh, dw, dh, ppi, ppi)
    data = source.read_bytes()
    params = {
        "crop": crop,
        "w": round(dw, 2),
        "h": round(dh, 2),
        "settings": settings.__dict__ | {"profile": None},
        "ink_limit": TAC_LIMIT,
    }
    if settings.profile is not None:
        params["profile_sha"] = hashlib.sha256(_profile_bytes(settings.profile)).hexdigest()[:16]
    key = cache.key(data, params)
    target = cache.folder / f"{key}.jpg"
    out_ppi = min(ppi, settings.target_ppi) if ppi > settings.max_ppi else ppi
    if target.exists():
        cache.hits += 1
    else:
        cache.misses += 1
        with Image.open(io.BytesIO(data)) as im:
            im.load()
            im, icc = normalise(im)
            im = im.crop(crop)
            if ppi > settings.max_ppi:
                size = (max(1, round(dw / 72 * settings.target_ppi)), max(1, round(dh / 72 * settings.target_ppi)))
                im = im.resize(size, Image.Resampling.LANCZOS)
            im = _convert(im, icc, settings)
            if settings.colour == "cmyk":
                encoded = encode_within_limit(im, settings.jpeg_quality)
                cache.ledger.record(encoded.data, encoded.max_ink)
                data = encoded.data
            else:
                buf = io.BytesIO()
                im.save(buf, "JPEG", quality=settings.jpeg_quality, optimize=True)
                data = buf.getvalue()
        write_atomic(target, data)
    return Prepared(target, dx, h - dy - dh, dw, dh, ppi, out_ppi)


def _embeddable_as_is(
    source: Path,
    info: ImageInfo,
    crop: tuple[int, int, int, int],
    ppi: float,
    settings: ImageSettings,
    ledger: InkLedger,
) -> bool:
    """A JPEG already in the right colour space, uncropped, not too sharp and within the ink limit is
    embedded unchanged."""
    if info.format != "JPEG" or crop != (0, 0, info.width, info.height) or ppi > settings.max_ppi:
        return False
    with Image.open(source) as im:
        icc = im.info.get("icc_profile")
        if settings.colour == "cmyk":
            assert settings.profile is not None
            if im.mode != "CMYK" or (icc is not None and icc != _profile_bytes(settings.profile)):
                return False
            data = source.read_bytes()
            return ledger.max_ink(data, lambda: Image.open(io.BytesIO(data))) <= TAC_LIMIT
        return im.mode == "RGB" and icc is None


_ICC_SPACE = {"L": b"GRAY", "RGB": b"RGB ", "CMYK": b"CMYK"}


def normalise(im: Image.Image) -> tuple[Image.Image, bytes | None]:
    """Upright, 8-bit, no alpha, in L, RGB or CMYK; the embedded profile kept only if it fits the mode."""
    im = ImageOps.exif_transpose(im)  # a camera's Orientation tag: print it the way it was shot
    icc = im.info.get("icc_profile")
    if im.mode in ("I;16", "I;16B", "I;16L", "I"):
        im = im.point(lambda v: v * (1 / 256)).convert("L")  # 16-bit grey: scale, do not clip
    if im.mode in ("RGBA", "LA", "PA") or (im.mode == "P" and "transparency" in im.info):
        rgba = im.convert("RGBA")
        flat = Image.new("RGB", im.size, (255, 255, 255))  # transparent areas print as paper
        flat.paste(rgba, mask=rgba.getchannel("A"))
        im = flat
    if im.mode not in ("L", "RGB", "CMYK"):
        im = im.convert("RGB")
    if icc is not None and icc[16:20] != _ICC_SPACE[im.mode]:
        icc = None  # a profile of another colour space than the pixels: ignore it
    return im, icc


def _convert(im: Image.Image, icc: bytes | None, settings: ImageSettings) -> Image.Image:
    if im.mode == "L" and icc is None:
        im = im.convert("RGB")  # untagged grey: as sRGB
    if settings.colour == "cmyk":
        assert settings.profile is not None
        if im.mode == "CMYK" and icc is None:
            return im  # untagged CMYK: assumed to be in the output condition already
        return ImageCms.applyTransform(im, _transform(icc, str(settings.profile), im.mode, "CMYK"))
    if im.mode == "RGB" and icc is None:
        return im
    if im.mode == "CMYK" and icc is None and settings.profile is not None:
        icc = _profile_bytes(settings.profile)  # untagged CMYK: in the output condition
    return ImageCms.applyTransform(im, _transform(icc, "sRGB", im.mode, "RGB"))


@dataclass(frozen=True)
class PlacedImage:
    """One image as placed on a page: for the report, the preflight and provenance."""

    folio: int
    visual_id: str
    ppi: float
    out_ppi: float
    width_pt: float
    height_pt: float
    resource: str = ""  # the image XObject's name on the page (from its content hash)


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
    ) -> tuple[float, float, float, float]:
        """Draw the visual in the box; returns where its pixels landed (x, y, w, h)."""
        p = prepare(path, info, w, h, fit, focus, self.settings, self.cache)
        resource = draw_image(c, p.path, x + p.x, y + p.y, p.w, p.h)
        folio = getattr(c, "_ials_folio", 0)
        self.placed.append(PlacedImage(folio, visual_id, p.ppi, p.out_ppi, p.w, p.h, resource))
        return x + p.x, y + p.y, p.w, p.h

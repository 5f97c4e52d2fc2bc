"""Colour of images for print, said plainly: what each image is taken as, and what it becomes.

- RGB (and grey) images are converted from their embedded profile, else taken as sRGB, to the output
  profile with LittleCMS (relative colorimetric, black-point compensation).
- Greyscale images (mode L, or RGB whose three channels agree) print on K alone: each grey level
  becomes the K that gives the same lightness on the output condition (never four-colour grey).
- CMYK images without a profile are taken as the output condition (not converted), and said so.
Every image gets a :class:`Conversion` naming the source, the target, the rendering intent and the
ink, for the build report and the job ticket.
"""

from __future__ import annotations

import io
from functools import lru_cache
from pathlib import Path

from PIL import Image, ImageChops, ImageCms, ImageOps

from ials_print.images.placed import Conversion

INTENT = "relative colorimetric, black-point compensation"
ORIENTATION = 0x0112  # the EXIF tag
_ICC_SPACE = {"L": b"GRAY", "RGB": b"RGB ", "CMYK": b"CMYK"}


@lru_cache(maxsize=4)
def profile_bytes(path: Path) -> bytes:
    """The output profile, read once per build rather than once per image."""
    return path.read_bytes()


def describe_profile(icc: bytes | None) -> str:
    """A profile's own name (its description tag), or "no profile"."""
    if not icc:
        return "no profile"
    try:
        return ImageCms.getProfileDescription(ImageCms.ImageCmsProfile(io.BytesIO(icc))).strip()
    except (OSError, ImageCms.PyCMSError):
        return "unreadable profile"


@lru_cache(maxsize=8)
def _profile(path: str) -> ImageCms.ImageCmsProfile:
    """The profile at ``path``, read whole: LittleCMS would keep the file open and read it lazily,
    and a section laid out in a forked worker would move that shared file's offset under the parent."""
    return ImageCms.ImageCmsProfile(io.BytesIO(profile_bytes(Path(path))))


@lru_cache(maxsize=16)
def _transform(src_icc: bytes | None, dest: str, mode_in: str, mode_out: str) -> ImageCms.ImageCmsTransform:
    """A LittleCMS transform, built once per source profile and destination (building one costs as
    much as converting a small picture)."""
    src = ImageCms.ImageCmsProfile(io.BytesIO(src_icc)) if src_icc else ImageCms.createProfile("sRGB")
    dst = ImageCms.createProfile("sRGB") if dest == "sRGB" else _profile(dest)
    return ImageCms.buildTransform(
        src,
        dst,
        mode_in,
        mode_out,
        renderingIntent=ImageCms.Intent.RELATIVE_COLORIMETRIC,
        flags=ImageCms.Flags.BLACKPOINTCOMPENSATION,
    )


def normalise(im: Image.Image) -> tuple[Image.Image, bytes | None]:
    """Upright, 8-bit, no alpha, in L, RGB or CMYK; the embedded profile kept only if it fits the mode."""
    icc = im.info.get("icc_profile")
    if im.getexif().get(ORIENTATION, 1) != 1:  # a camera's Orientation tag: print it the way it was shot
        im = ImageOps.exif_transpose(im)
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


def is_grey(im: Image.Image, tolerance: int = 2) -> bool:
    """A greyscale picture: mode L, or RGB whose channels differ nowhere by more than ``tolerance``."""
    if im.mode == "L":
        return True
    if im.mode != "RGB":
        return False
    # Averages of 8 × 8 blocks differ by at most the largest pixel difference (plus rounding): a colour
    # picture is told apart on 1/64 of its pixels, and only a grey one is checked at full size.
    if min(im.size) >= 8 and _spread(im.reduce(8)) > tolerance + 1:
        return False
    return _spread(im) <= tolerance


def _spread(im: Image.Image) -> int:
    """The largest difference between an RGB image's channels at any pixel."""
    r, g, b = im.split()
    return max(ImageChops.difference(r, g).getextrema()[1], ImageChops.difference(g, b).getextrema()[1])


@lru_cache(maxsize=8)
def grey_to_k(src_icc: bytes | None, src_mode: str, dest: str) -> tuple[int, ...]:
    """For each grey level (0–255 in the source), the K (0–255) whose lightness matches on the output
    condition; greys darker than solid K get solid K."""
    lab = ImageCms.createProfile("LAB")
    ramp_k = Image.new("CMYK", (256, 1))
    ramp_k.putdata([(0, 0, 0, k) for k in range(256)])
    to_lab = ImageCms.buildTransform(_profile(dest), lab, "CMYK", "LAB")
    k_lightness = list(ImageCms.applyTransform(ramp_k, to_lab).getchannel(0).tobytes())
    if src_mode == "L":
        ramp = Image.new("L", (256, 1))
        ramp.putdata(list(range(256)))
    else:
        ramp = Image.new("RGB", (256, 1))
        ramp.putdata([(v, v, v) for v in range(256)])
    src = ImageCms.ImageCmsProfile(io.BytesIO(src_icc)) if src_icc else ImageCms.createProfile("sRGB")
    if src_icc is None and src_mode == "L":  # untagged grey: its levels are sRGB's neutral greys
        ramp, src_mode = ramp.convert("RGB"), "RGB"
    grey_lightness = list(
        ImageCms.applyTransform(ramp, ImageCms.buildTransform(src, lab, src_mode, "LAB")).getchannel(0).tobytes()
    )
    return tuple(min(range(256), key=lambda k, g=g: abs(k_lightness[k] - g)) for g in grey_lightness)


def to_cmyk(im: Image.Image, icc: bytes | None, profile: Path, identifier: str) -> tuple[Image.Image, Conversion]:
    """``im`` (from :func:`normalise`) in the output condition's CMYK, and what was done to it."""
    target = f"CMYK {identifier} ('{describe_profile(profile_bytes(profile))}')"
    space = {"L": "grey", "RGB": "RGB", "CMYK": "CMYK"}[im.mode]
    source = f"{space}, embedded profile '{describe_profile(icc)}'" if icc else f"{space}, no profile"
    if im.mode == "CMYK":
        if icc is None:
            return im, Conversion("untagged CMYK", f"{source}: taken as {identifier}", target, "none, not converted")
        return ImageCms.applyTransform(im, _transform(icc, str(profile), "CMYK", "CMYK")), Conversion(
            "converted", source, target, INTENT
        )
    if is_grey(im):
        grey = im if im.mode == "L" else im.getchannel("G")
        lut = grey_to_k(icc, im.mode, str(profile))
        zero = Image.new("L", im.size, 0)
        how = "grey levels to K alone, same lightness" + ("" if icc else ", taken as sRGB greys")
        return Image.merge("CMYK", (zero, zero, zero, grey.point(list(lut)))), Conversion(
            "grey on K", source, f"K only, {target}", how
        )
    if icc is None:
        source += ", taken as sRGB"
    return ImageCms.applyTransform(im, _transform(icc, str(profile), "RGB", "CMYK")), Conversion(
        "converted", source, target, INTENT
    )


def to_rgb(im: Image.Image, icc: bytes | None, profile: Path | None) -> Image.Image:
    """``im`` in sRGB for a proof; untagged CMYK is taken as the output condition."""
    if im.mode == "L" and icc is None:
        im = im.convert("RGB")  # untagged grey: as sRGB
    if im.mode == "RGB" and icc is None:
        return im
    if im.mode == "CMYK" and icc is None and profile is not None:
        icc = profile_bytes(profile)
    return ImageCms.applyTransform(im, _transform(icc, "sRGB", im.mode, "RGB"))

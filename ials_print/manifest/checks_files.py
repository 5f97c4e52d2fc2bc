"""Checks of the files a manifest points to, beyond their schema: fonts parsed, ICC profiles opened,
template geometry on the page, the environment the build reads. Each returns problems, never raises."""

from __future__ import annotations

import io
import os
import struct
from pathlib import Path

from ials_print.errors import InputError, Problem
from ials_print.limits import MAX_EPOCH, MAX_FONT_BYTES, MAX_ICC_BYTES
from ials_print.manifest import facts
from ials_print.manifest.checks_glyphs import glyph_tables_problem
from ials_print.manifest.model import PageFormat
from ials_print.manifest.templates import Template, length_mm
from ials_print.manifest.yamlfile import Located

MIN_AREA_MM = 1.0  # an area narrower or shorter than this holds no picture
MIN_COLUMN_MM = 10.0


def safe_resolve(path: Path, located: Located, where: tuple) -> Path:
    """``path`` made absolute; a symbolic-link loop is an :class:`InputError` at the manifest's key."""
    try:
        return path.resolve()
    except (OSError, RuntimeError) as exc:
        raise InputError([located.problem(where, f"cannot resolve the path {path} ({exc})")]) from None


def font_problem(path: Path) -> str | None:
    """Why the TrueType file at ``path`` cannot be used, or None: sizes, table directory, ReportLab's parse.

    The answer is kept per file version (device, inode, size, modification time): fonts are shared; a
    sound font is also remembered on disk by its bytes (``facts``)."""
    try:
        stat = path.stat()
    except OSError as exc:
        return f"cannot read the font ({exc.strerror or exc})"
    key = (stat.st_dev, stat.st_ino, stat.st_size, stat.st_mtime_ns)
    if key not in _FONT_CHECKS:
        if stat.st_size > MAX_FONT_BYTES:
            _FONT_CHECKS[key] = _font_problem(path, stat.st_size)
        else:
            _FONT_CHECKS[key] = facts.checked("font", path, lambda: _font_problem(path, stat.st_size))
    return _FONT_CHECKS[key]


_FONT_CHECKS: dict[tuple[int, int, int, int], str | None] = {}


def _font_problem(path: Path, size: int) -> str | None:
    from reportlab.pdfbase.ttfonts import TTFontFile

    if size > MAX_FONT_BYTES:
        return f"font file too large ({size:,} bytes, at most {MAX_FONT_BYTES:,})"
    try:
        data = path.read_bytes()
    except OSError as exc:
        return f"cannot read the font ({exc.strerror or exc})"
    if len(data) < 12:
        return f"font file cut short ({len(data)} bytes)"
    (n_tables,) = struct.unpack(">H", data[4:6])
    if n_tables == 0 or 12 + 16 * n_tables > len(data):
        return f"font file cut short: its table directory ({n_tables} tables) runs past the end"
    for i in range(n_tables):
        tag, _checksum, offset, length = struct.unpack(">4sLLL", data[12 + 16 * i : 28 + 16 * i])
        if offset + length > len(data):
            name = tag.decode("latin-1").strip()
            return f"font file cut short: table '{name}' runs to byte {offset + length:,} of {len(data):,}"
    why = glyph_tables_problem(data)
    if why:
        return f"damaged TrueType font: {why}"
    try:
        TTFontFile(io.BytesIO(data), validate=0)
    except Exception as exc:  # ReportLab's parser raises many kinds of errors on a damaged font
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        if "postscript outlines" in reason.lower():
            return "CFF/PostScript-flavoured OpenType is not supported, use a TrueType (.ttf) file"
        return f"damaged TrueType font ({reason[:120]})"
    return None


def icc_problem(path: Path) -> str | None:
    """Why the ICC profile at ``path`` cannot be opened by LittleCMS, or None (a sound profile is
    remembered on disk by its bytes, ``facts``)."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        return f"cannot read the ICC profile ({exc.strerror or exc})"
    if size > MAX_ICC_BYTES:
        return f"ICC profile too large ({size:,} bytes, at most {MAX_ICC_BYTES:,})"
    return facts.checked("icc", path, lambda: _icc_problem(path))


def _icc_problem(path: Path) -> str | None:
    from PIL import ImageCms

    try:
        data = path.read_bytes()
        declared = struct.unpack(">L", data[:4])[0] if len(data) >= 4 else 0
        if declared != len(data):
            return f"damaged ICC profile: its header says {declared:,} bytes, the file has {len(data):,}"
        profile = ImageCms.ImageCmsProfile(io.BytesIO(data))
        ImageCms.buildTransform(ImageCms.createProfile("sRGB"), profile, "RGB", "CMYK")  # as images will be
    except OSError as exc:
        return f"cannot read the ICC profile ({exc.strerror or exc})"
    except (ImageCms.PyCMSError, ValueError, TypeError) as exc:
        return f"damaged ICC profile ({str(exc).splitlines()[0] if str(exc) else type(exc).__name__})"
    return None


def area_problems(areas: dict, located: Located, fmt: PageFormat, where: tuple = ("areas",)) -> list[Problem]:
    """Areas inside the trimmed page and big enough (mm, or shares of the page, measured on this format)."""
    problems = []
    width, height = fmt.trim_width, fmt.trim_height
    for name, a in areas.items():
        x, y, w, h = a.in_mm(width, height)
        at = (*where, name)
        if w < MIN_AREA_MM or h < MIN_AREA_MM:
            problems.append(
                located.problem(at, f"area '{name}' is {w:g} × {h:g} mm: at least {MIN_AREA_MM:g} mm each way")
            )
        if x + w > width + 0.01 or y + h > height + 0.01:
            problems.append(
                located.problem(
                    at,
                    f"area '{name}' reaches {x + w:g} × {y + h:g} mm, outside the {width:g} × {height:g} mm "
                    "page (areas are measured from the trim's top-left; bleed: true reaches the bleed)",
                )
            )
    return problems


def template_problems(template: Template, located: Located, fmt: PageFormat) -> list[Problem]:
    """Areas inside the trimmed page and big enough; columns wide enough; the opener on the page."""
    problems = area_problems(template.areas, located, fmt)
    width, height = fmt.trim_width, fmt.trim_height
    m = fmt.margins
    type_w, type_h = width - m.inside - m.outside, height - m.top - m.bottom
    column = (type_w - (template.columns - 1) * template.gutter) / template.columns
    if template.columns > 1 and column < MIN_COLUMN_MM:
        problems.append(
            located.problem(
                ("gutter",),
                f"{template.columns} columns with {template.gutter:g} mm gutters leave {column:.1f} mm a column "
                f"in a {type_w:g} mm type area (at least {MIN_COLUMN_MM:g} mm)",
            )
        )
    if template.measure is not None and template.measure < MIN_COLUMN_MM:
        problems.append(
            located.problem(("measure",), f"measure of {template.measure:g} mm: at least {MIN_COLUMN_MM:g}")
        )
    opener = length_mm(template.opener_head, type_h)
    if opener >= type_h:
        problems.append(
            located.problem(("opener_head",), f"opener_head of {opener:g} mm fills the {type_h:g} mm type area")
        )
    return problems


def environment_problems() -> list[Problem]:
    """``SOURCE_DATE_EPOCH``, when set, must be whole seconds from 1970 to the year 9999."""
    value = os.environ.get("SOURCE_DATE_EPOCH")
    if value is None or value == "":
        return []
    where = Path("$SOURCE_DATE_EPOCH")
    shown = value if len(value) <= 30 else value[:27] + "..."
    if not value.isascii() or not value.isdigit():
        return [Problem(where, f"expected whole seconds since 1970 (e.g. 1718409600), found {shown!r}")]
    if len(value) > 20 or int(value) > MAX_EPOCH:
        return [Problem(where, f"expected a date before the year 10000 (at most {MAX_EPOCH}), found {shown}")]
    return []

"""A TrueType font's glyph tables checked for what ReportLab reads lazily, when it subsets the font
at save: ``loca`` in order and within ``glyf``, composite glyphs naming glyphs that exist, advance
widths within what the font declares. A damaged table would otherwise stop the build half-way, or
print empty or absurdly wide glyphs without a word."""

from __future__ import annotations

import itertools
import struct


def _tables(data: bytes) -> dict[bytes, tuple[int, int]]:
    (n,) = struct.unpack(">H", data[4:6])
    out = {}
    for i in range(n):
        tag, _checksum, offset, length = struct.unpack(">4sLLL", data[12 + 16 * i : 28 + 16 * i])
        out[tag] = (offset, length)
    return out


def _composite_problem(glyph: bytes, n_glyphs: int) -> str | None:
    """The components of a composite glyph must be glyphs of the font."""
    pos = 10
    while pos + 4 <= len(glyph):
        flags, index = struct.unpack(">HH", glyph[pos : pos + 4])
        if index >= n_glyphs:
            return f"a composite glyph uses glyph {index}, beyond the font's {n_glyphs}"
        pos += 4 + (4 if flags & 0x1 else 2)
        pos += 2 if flags & 0x8 else 4 if flags & 0x40 else 8 if flags & 0x80 else 0
        if not flags & 0x20:  # no more components
            return None
    return "a composite glyph runs past its end"


def glyph_tables_problem(data: bytes) -> str | None:
    """Why the glyph tables of this TrueType font are unusable, or None (the table directory is sound)."""
    tables = _tables(data)
    if b"glyf" not in tables:
        return None  # not a TrueType-outline font: ReportLab's own parse says so
    need = [t for t in (b"head", b"maxp", b"loca", b"hhea", b"hmtx") if t not in tables]
    if need:
        return f"no '{need[0].decode()}' table"
    head, maxp, hhea = (tables[t][0] for t in (b"head", b"maxp", b"hhea"))
    units_per_em = struct.unpack(">H", data[head + 18 : head + 20])[0]
    long_offsets = struct.unpack(">h", data[head + 50 : head + 52])[0]
    n_glyphs = struct.unpack(">H", data[maxp + 4 : maxp + 6])[0]
    glyf_at, glyf_len = tables[b"glyf"]
    loca_at, loca_len = tables[b"loca"]
    size = 4 if long_offsets else 2
    if loca_len < (n_glyphs + 1) * size:
        return f"'loca' holds {loca_len // size} offsets for {n_glyphs} glyphs"
    raw = struct.unpack(
        f">{n_glyphs + 1}{'L' if long_offsets else 'H'}", data[loca_at : loca_at + (n_glyphs + 1) * size]
    )
    offsets = [o * (1 if long_offsets else 2) for o in raw]
    if any(b < a for a, b in itertools.pairwise(offsets)) or offsets[-1] > glyf_len:
        return "'loca' offsets out of order or beyond the 'glyf' table"
    if offsets[-1] == 0:
        return "every glyph is empty ('loca')"
    drawn = blank = 0
    for start, end in itertools.pairwise(offsets):
        if end - start < 10:
            continue  # an empty glyph (a space)
        glyph = data[glyf_at + start : glyf_at + end]
        contours, x0, y0, x1, y1 = struct.unpack(">hhhhh", glyph[:10])
        if contours < -1 or x0 > x1 or y0 > y1:
            return "a glyph with an impossible header in 'glyf'"
        if contours == -1 and (why := _composite_problem(glyph, n_glyphs)):
            return why
        drawn += 1
        blank += contours == 0
    if drawn and blank > drawn // 2:
        return f"{blank} of {drawn} glyphs have no outline ('glyf' blanked): the text would print invisible"
    hmtx_at, hmtx_len = tables[b"hmtx"]
    widest = struct.unpack(">H", data[hhea + 10 : hhea + 12])[0]
    n_metrics = struct.unpack(">H", data[hhea + 34 : hhea + 36])[0]
    if n_metrics == 0 or n_metrics > n_glyphs or hmtx_len < 4 * n_metrics:
        return f"'hmtx' holds fewer widths than 'hhea' declares ({n_metrics})"
    widths = struct.unpack(f">{2 * n_metrics}H", data[hmtx_at : hmtx_at + 4 * n_metrics])
    if max(widths[0::2]) > max(widest, 4 * units_per_em):
        return f"an advance width of {max(widths[0::2])} units, beyond the font's declared {widest}"
    return None

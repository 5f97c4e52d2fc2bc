"""Words shaped with HarfBuzz: kerning, standard ligatures and superior letters, extractable as text.

ReportLab encodes text by Unicode character, so a glyph that no single character maps to (the
*fi* ligature, a superior *e*) gets a private-use code point bound to its glyph in the font, and
its source text ("fi", "e") is remembered for the PDF's ToUnicode map (see ``rl_patches``):
``pdftotext`` gives *fi*, never a private character or a missing glyph.

Advances are in thousandths of an em (PDF text space units); multiply by size / 1000 for points.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import uharfbuzz as hb
from reportlab.pdfbase import pdfmetrics

FEATURES = (("kern", True), ("liga", True))
SUPS = (*FEATURES, ("sups", True))
SMALL_CAPS = (*FEATURES, ("c2sc", True), ("smcp", True))

# Face name → private-use code point → the text it stands for (read by the ToUnicode patch).
LIGATURE_TEXT: dict[str, dict[int, str]] = {}
_PRIVATE: dict[tuple[str, int], int] = {}  # (font name, glyph id) → its private-use code point


@dataclass(frozen=True, slots=True)
class Shaped:
    """One shaped string: what to encode, how far each glyph moves, and each source char's share."""

    glyphs: str  # one character per glyph, as ReportLab will encode it
    kern: tuple[float, ...]  # per glyph: shaped advance minus the advance the PDF font declares
    char_widths: tuple[float, ...]  # per source character (a ligature's shared among its letters)
    width: float  # total advance


@functools.lru_cache(maxsize=64)
def _hb_font(font_name: str) -> tuple[hb.Font, int]:
    face = pdfmetrics.getFont(font_name).face
    hb_face = hb.Face(hb.Blob(face._ttf_data))
    return hb.Font(hb_face), hb_face.upem


def _private_char(font_name: str, gid: int, text: str, advance: float) -> str:
    """A private-use character drawing glyph ``gid``, remembered as ``text`` for extraction."""
    key = (font_name, gid)
    code = _PRIVATE.get(key)
    font = pdfmetrics.getFont(font_name)
    face = font.face
    if code is None:
        code = 0xE000
        while code in face.charToGlyph:
            code += 1
        if code > 0xF8FF:
            raise ValueError(f"font {font_name}: no private-use code point left for glyph {gid}")
        _PRIVATE[key] = code
        face.charToGlyph[code] = gid
        face.charWidths[code] = round(advance)
        name = face.name.decode("latin-1") if isinstance(face.name, bytes) else str(face.name)
        LIGATURE_TEXT.setdefault(name, {})[code] = text
    return chr(code)


def forget_font(font_name: str) -> None:
    """Drop what was learnt of a font name that is registered again with another file."""
    shape.cache_clear()
    _hb_font.cache_clear()
    for key in [k for k in _PRIVATE if k[0] == font_name]:
        del _PRIVATE[key]


def plain(font_name: str, text: str) -> Shaped:
    """``text`` without shaping: the PDF font's own widths."""
    widths = pdfmetrics.getFont(font_name).face.charWidths
    cw = tuple(float(widths.get(ord(ch), 0)) for ch in text)
    return Shaped(text, (0.0,) * len(text), cw, sum(cw))


@functools.lru_cache(maxsize=200_000)
def shape(font_name: str, text: str, features: tuple[tuple[str, bool], ...] = FEATURES) -> Shaped:
    """Shape ``text`` in ``font_name`` (a registered TrueType font); cached by font, text and features."""
    if not text:
        return Shaped("", (), (), 0.0)
    font = pdfmetrics.getFont(font_name)
    if not hasattr(font, "face") or not hasattr(font.face, "_ttf_data"):
        return plain(font_name, text)
    hb_font, upem = _hb_font(font_name)
    buf = hb.Buffer()
    buf.add_str(text)
    buf.direction, buf.script, buf.language = "ltr", "Latn", "fr"
    hb.shape(hb_font, buf, dict(features))
    infos, positions = buf.glyph_infos, buf.glyph_positions
    scale = 1000 / upem
    face = font.face
    clusters = [info.cluster for info in infos]
    if len(set(clusters)) != len(clusters) or any(p.y_offset or p.x_offset for p in positions):
        return plain(font_name, text)  # decomposed or positioned marks: left to the font's own widths
    bounds = [*clusters[1:], len(text)]
    glyphs: list[str] = []
    kern: list[float] = []
    char_widths = [0.0] * len(text)
    for info, pos, start, end in zip(infos, positions, clusters, bounds, strict=True):
        source = text[start:end]
        advance = pos.x_advance * scale
        nominal = hb_font.get_glyph_h_advance(info.codepoint) * scale
        if len(source) == 1 and face.charToGlyph.get(ord(source)) == info.codepoint:
            ch = source
            declared = float(face.charWidths.get(ord(ch), nominal))
        elif info.codepoint == 0:
            return plain(font_name, text)  # not in the font: the caller's fallback decides
        else:
            ch = _private_char(font_name, info.codepoint, source, nominal)
            declared = float(face.charWidths[ord(ch)])
        glyphs.append(ch)
        kern.append(advance - declared)
        # A ligature's advance is shared among its letters by their own widths, so a word's pieces
        # (cut at hyphenation points, maybe inside the ligature) each get about what they print.
        own = [float(face.charWidths.get(ord(c), 0)) or 1.0 for c in source]
        for k, w in enumerate(own):
            char_widths[start + k] = advance * w / sum(own)
    return Shaped("".join(glyphs), tuple(kern), tuple(char_widths), sum(char_widths))


def has_superiors(font_name: str, text: str) -> bool:
    """True when the font's ``sups`` feature gives every character of ``text`` a superior glyph."""
    shaped = shape(font_name, text, SUPS)
    return len(shaped.glyphs) == len(text) and all(g != c for g, c in zip(shaped.glyphs, text, strict=True))


def has_small_caps(font_name: str, text: str) -> bool:
    """True when the font's ``c2sc``/``smcp`` features give every letter of ``text`` a small capital."""
    shaped = shape(font_name, text, SMALL_CAPS)
    return (
        bool(text) and len(shaped.glyphs) == len(text) and all(g != c for g, c in zip(shaped.glyphs, text, strict=True))
    )


def ink_extent(font_name: str, char: str) -> tuple[float, float]:
    """How far ``char``'s ink reaches above and below the baseline, in thousandths of an em."""
    hb_font, upem = _hb_font(font_name)
    gid = hb_font.get_nominal_glyph(ord(char))
    if not gid:
        return 700.0, 0.0
    ext = hb_font.get_glyph_extents(gid)
    scale = 1000 / upem
    return ext.y_bearing * scale, -(ext.y_bearing + ext.height) * scale

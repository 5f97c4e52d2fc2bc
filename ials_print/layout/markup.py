"""Story runs → the composer's styled segments, with French typography and glyph checks."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace

from ials_print.content.story import Run
from ials_print.content.typography import french_typography
from ials_print.layout.styles import Styles
from ials_print.typeset.items import RunStyle
from ials_print.typeset.shaping import SMALL_CAPS, SUPS, has_small_caps, has_superiors

MissingGlyph = Callable[[str, str], None]  # (char, font name)


def _is_alnum(c: str) -> bool:
    return c.isalnum()


def typeset_runs(runs: Sequence[Run]) -> list[Run]:
    """French typography over the whole paragraph, so quotes pair across inline styles.

    Typography only touches spaces, quotes, apostrophes and ellipses; letters and digits stay in
    order, so each run boundary is found again by counting them.
    """
    source = "".join(r.text for r in runs)
    fixed = french_typography(source)
    if fixed == source:
        return list(runs)
    # Alphanumeric index of each character in the fixed text.
    alnum_pos = [i for i, c in enumerate(fixed) if _is_alnum(c)]
    out: list[Run] = []
    start = 0
    offset = 0
    for n, run in enumerate(runs):
        offset += len(run.text)
        if n == len(runs) - 1:
            end = len(fixed)
        else:
            k = sum(1 for c in source[:offset] if _is_alnum(c))
            at_stretch_end = offset < len(source) and _is_alnum(source[offset])
            if at_stretch_end:
                end = alnum_pos[k] if k < len(alnum_pos) else len(fixed)
            else:
                end = alnum_pos[k - 1] + 1 if k > 0 else 0
            end = max(end, start)
        out.append(replace(run, text=fixed[start:end]))
        start = end
    return out


# Characters the composer reads as spaces or break marks: never looked up as glyphs.
_LAYOUT_CHARS = frozenset(" \t\n\u00a0\u202f\u00ad\u200b") | frozenset(chr(c) for c in range(0x2000, 0x200B))


def runs_segments(
    runs: Sequence[Run],
    style: str,
    styles: Styles,
    on_missing: MissingGlyph,
    hyphenate_text: Callable[[str], str] | None = None,
) -> list[tuple[str, RunStyle]]:
    """The composer's input for one paragraph in ``style``: French typography, hyphenation marks,
    each run in its face (Garamond bold inside Garamond text), superiors from the font's ``sups``
    when it has them, characters a face lacks taken from another face of the issue."""
    family = styles.family[style]
    fonts = styles.fonts
    pstyle = styles[style]
    hyph = hyphenate_text if style in styles.hyphenate else None
    base_face = next(f for f, n in fonts.families[family].items() if n == pstyle.fontName)
    out: list[tuple[str, RunStyle]] = []
    for run in centuries_in_small_caps(typeset_runs(runs)):
        text = run.text.upper() if style in styles.upper else run.text
        if hyph is not None:
            text = hyph(text)
        bold = run.bold or base_face in ("bold", "bold_italic")
        italic = run.italic or base_face in ("italic", "bold_italic")
        font = fonts.name(family, bold, italic)
        rs = RunStyle(font, pstyle.fontSize, pstyle.textColor)
        if run.smallcaps and style not in styles.upper:
            letters = "".join(ch for ch in text if ch.isalpha())
            if has_small_caps(font, letters):
                rs = RunStyle(font, pstyle.fontSize, pstyle.textColor, 0.0, SMALL_CAPS)
            elif letters and not letters.isupper():  # a font without them: capitals a size smaller (numerals stay)
                text, rs = text.upper(), RunStyle(font, pstyle.fontSize * 0.8, pstyle.textColor)
        if run.sup:
            colour = pstyle.textColor
            if (colour.cyan, colour.magenta, colour.yellow) != (0, 0, 0):  # small type in K only, for the press
                colour = styles.colors["ink"]
            letters = "".join(ch for ch in text if ch not in _LAYOUT_CHARS)
            if letters and has_superiors(font, letters):
                rs = RunStyle(font, pstyle.fontSize, colour, 0.0, SUPS)
            else:
                rs = RunStyle(font, pstyle.fontSize * 0.62, colour, pstyle.fontSize * 0.36)
        out += _by_glyph(text, rs, fonts, on_missing)
    return out


_ROMAN_END = re.compile(r"(?<![\w\u00ad])[IVXLCDM]+$")
_ORDINAL_SUPS = frozenset({"e", "er", "re", "es", "ers", "res"})


def centuries_in_small_caps(runs: list[Run]) -> list[Run]:
    """A roman numeral with a superior ordinal (XIXᵉ siècle, Iᵉʳ) in small capitals, as French
    typography sets centuries, reigns and arrondissements."""
    out: list[Run] = []
    for i, run in enumerate(runs):
        nxt = runs[i + 1] if i + 1 < len(runs) else None
        m = _ROMAN_END.search(run.text) if nxt is not None and not run.sup else None
        if m is None or not nxt.sup or nxt.text not in _ORDINAL_SUPS or run.smallcaps:
            out.append(run)
            continue
        if m.start():
            out.append(replace(run, text=run.text[: m.start()]))
        out.append(replace(run, text=m.group(0), smallcaps=True))
    return out


def _by_glyph(text: str, rs: RunStyle, fonts, on_missing: MissingGlyph) -> list[tuple[str, RunStyle]]:
    """``text`` cut where a character must come from a fallback face; missing ones reported, left out."""
    out: list[tuple[str, RunStyle]] = []
    buf = ""
    for c in text:
        if c in _LAYOUT_CHARS or fonts.has_glyph(rs.font, c):
            buf += c
            continue
        fallback = fonts.fallback_for(rs.font, c)
        if fallback is None:
            on_missing(c, rs.font)
            continue
        if buf:
            out.append((buf, rs))
            buf = ""
        out.append((c, replace(rs, font=fallback)))
    if buf:
        out.append((buf, rs))
    return out

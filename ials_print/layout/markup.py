"""Story runs → ReportLab paragraph markup, with French typography and glyph checks."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from xml.sax.saxutils import escape

from ials_print.content.story import Run
from ials_print.content.typography import french_typography, hyphenate
from ials_print.layout.styles import Styles

_INVISIBLE = {"\u00ad", "\n"}

MissingGlyph = Callable[[str, str], None]  # (char, font name)


def _is_alnum(c: str) -> bool:
    return c.isalnum()


def _ink(chunk: str, styles: Styles) -> str:
    ink = styles.colors["ink"]
    return f'<font color="cmyk({ink.cyan},{ink.magenta},{ink.yellow},{ink.black})">{chunk}</font>'


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
        out.append(Run(fixed[start:end], run.bold, run.italic, run.sup, run.href))
        start = end
    return out


def runs_markup(
    runs: Sequence[Run],
    style: str,
    styles: Styles,
    on_missing: MissingGlyph,
    *,
    hyphenation: bool | None = None,
) -> str:
    """Markup for one paragraph in ``style``; each run gets an explicit font."""
    family = styles.family[style]
    fonts = styles.fonts
    hyph = style in styles.hyphenate if hyphenation is None else hyphenation
    base = styles[style].fontName
    base_face = next(f for f, n in fonts.families[family].items() if n == base)
    parts: list[str] = []
    for run in typeset_runs(runs):
        text = run.text.upper() if style in styles.upper else run.text
        if hyph:
            text = hyphenate(text)
        bold = run.bold or base_face in ("bold", "bold_italic")
        italic = run.italic or base_face in ("italic", "bold_italic")
        font = fonts.name(family, bold, italic)
        body = "".join(_char(c, font, fonts, on_missing) for c in text)
        chunk = f'<font name="{font}">{body}</font>' if font != base else body
        if run.sup:
            size = styles[style].fontSize
            colour = styles[style].textColor
            if (colour.cyan, colour.magenta, colour.yellow) != (0, 0, 0):  # small type in K only, for the press
                chunk = _ink(chunk, styles)
            chunk = f'<super size="{size * 0.62:.2f}" rise="{size * 0.36:.2f}">{chunk}</super>'
        parts.append(chunk)
    return "".join(parts)


def _char(c: str, font: str, fonts, on_missing: MissingGlyph) -> str:
    if c == "\n":
        return "<br/>"
    if c in _INVISIBLE or fonts.has_glyph(font, c):
        return escape(c)
    fallback = fonts.fallback_for(font, c)
    if fallback is None:
        on_missing(c, font)
        return ""  # reported, never printed as an empty box
    return f'<font name="{fallback}">{escape(c)}</font>'

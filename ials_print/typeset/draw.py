"""A broken line → PDF text operators: exact word gaps, letter spacing, glyph scaling, kerning, hang.

Each line is shaped again as it will print (a word's pieces joined, the hyphen added), so kerning
and ligatures across a hyphenation point are right; the difference from the breaker's estimate
goes into the spacing. Space is found in this order: word spaces up to their comfortable maximum,
letter spacing, glyph scaling (only when the breaker's pass allowed them), then word spaces again.
Every word gap is drawn as a space glyph moved to its exact width, so text extracts with spaces.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas

from ials_print.typeset.breaker import Line
from ials_print.typeset.items import NNBSP, Box, Galley, Glue, Penalty, RunStyle
from ials_print.typeset.shaping import Shaped, shape


@dataclass
class _Chunk:
    text: str
    style: RunStyle
    shaped: Shaped | None = None  # None for an indent (a blank box)
    width: float = 0.0


@dataclass
class _Gap:
    glue: Glue
    width: float = 0.0


@dataclass
class SetLine:
    """A line ready to draw: its pieces, natural width, and the spacing chosen for it."""

    parts: list[_Chunk | _Gap] = field(default_factory=list)
    natural: float = 0.0
    word_space: float = 1.0  # drawn gaps / natural gaps (the figure typo_metrics reads back)
    letter_space: float = 0.0  # Tc, points
    scale: float = 1.0  # Tz / 100
    offset: float = 0.0  # x of the line's start from the measure's left edge
    text: str = ""
    overfull: bool = False  # wider than its measure (plus hang) even with every space at its minimum


def line_parts(galley: Galley, line: Line) -> list[_Chunk | _Gap]:
    """The line's words (runs of one style merged) and gaps, with the break's hyphen."""
    parts: list[_Chunk | _Gap] = []
    items = galley.items
    end = line.end
    for it in items[line.start : end]:
        if isinstance(it, Box):
            prev = parts[-1] if parts else None
            if isinstance(prev, _Chunk) and prev.style == it.style and it.text and prev.text:
                prev.text += it.text
            else:
                parts.append(_Chunk(it.text, it.style, None, it.width))
        elif isinstance(it, Glue) and it.style is not None:
            parts.append(_Gap(it))
    brk = items[end] if end < len(items) else None
    if isinstance(brk, Penalty) and brk.kind == "hyphen" and parts:
        last = parts[-1]
        if isinstance(last, _Chunk):
            last.text += "-"
    while parts and isinstance(parts[-1], _Gap):
        parts.pop()
    for p in parts:
        if isinstance(p, _Chunk) and p.text:
            p.shaped = shape(p.style.font, p.text, p.style.features)
            p.width = p.shaped.width * p.style.size / 1000
    return parts


def set_line(galley: Galley, line: Line, measure: float, align: str, letter_room: float, scale_room: float) -> SetLine:
    """Choose the spacing of one line: ``letter_room`` and ``scale_room`` are shares of the word widths."""
    parts = line_parts(galley, line)
    chunks = [p for p in parts if isinstance(p, _Chunk)]
    gaps = [p for p in parts if isinstance(p, _Gap)]
    words = sum(c.width for c in chunks if c.shaped)  # glyphs only: an indent neither spaces nor scales
    natural = sum(c.width for c in chunks) + sum(g.glue.width for g in gaps)
    out = SetLine(parts, natural, text="".join(c.text if isinstance(c, _Chunk) else " " for c in parts))
    for g in gaps:
        g.width = g.glue.width
    # A last line is set at its natural spacing, unless the breaker shrank it to fit.
    justified = align == "justify" and (not line.last or natural > measure + line.hang_left)
    target = measure + line.hang_left + (line.hang_right if justified else 0.0)
    if not justified:
        slack = measure - natural
        out.offset = {"right": slack, "center": slack / 2}.get(align, 0.0) - line.hang_left
        out.overfull = slack < -line.hang_left - 0.01
        return out
    out.offset = -line.hang_left
    delta = target - natural
    stretch = sum(g.glue.stretch for g in gaps)
    shrink = sum(g.glue.shrink for g in gaps)
    # Letter spacing follows every glyph; each word gap takes back the two around its space.
    glyph_gaps = max(sum(len(c.shaped.glyphs) for c in chunks if c.shaped) - len(gaps) - 1, 1)
    if delta >= 0:
        glue = min(delta, stretch)
        letters = min(delta - glue, letter_room * words)
        scaled = min(delta - glue - letters, scale_room * words)
        glue = delta - letters - scaled
    else:
        glue = -min(-delta, shrink)
        letters = -min(-delta + glue, letter_room * words)
        scaled = -min(-delta + glue + letters, scale_room * words)
        glue = delta - letters - scaled
        excess = -shrink - glue
        if 0 < excess <= ESTIMATE_SLACK:
            # The breaker measured the words shaped whole, the line reshapes its pieces: a few
            # hundredths of a point apart. Letter spacing takes the difference, not the spaces.
            letters -= excess
            glue += excess
        out.overfull = glue < -shrink - 0.01
    out.letter_space = letters / glyph_gaps
    out.scale = 1 + scaled / words if words else 1.0
    flexible = stretch if glue >= 0 else shrink
    stretchy = [g for g in gaps if (g.glue.stretch if glue >= 0 else g.glue.shrink) > 0]
    if stretchy and flexible > 0:
        for g in stretchy:
            share = g.glue.stretch if glue >= 0 else g.glue.shrink
            g.width = g.glue.width + glue * share / flexible
    else:
        spaces = [g for g in gaps if g.glue.char != NNBSP]  # a narrow no-break space never stretches
        for g in spaces:
            g.width = g.glue.width + glue / len(spaces)
    # Glyphs grow with the scale: the words take their share, the gaps what is left.
    natural_gaps = [g.glue.width for g in stretchy] or [g.glue.width for g in gaps]
    drawn_gaps = [g.width for g in stretchy] or [g.width for g in gaps]
    if natural_gaps and sum(natural_gaps) > 0:
        out.word_space = sum(drawn_gaps) / sum(natural_gaps)
    return out


ESTIMATE_SLACK = 1.5  # points a line may differ from the breaker's estimate, taken by letter spacing


def _fp(v: float) -> str:
    """A number for a content stream: at most three decimals, no trailing zeros."""
    text = f"{v:.3f}".rstrip("0").rstrip(".")
    return "0" if text in ("", "-0") else text


def _tokens(c: Canvas, font: str, glyphs: str, kern: tuple[float, ...] | None) -> list[tuple[str, list[str]]]:
    """``glyphs`` encoded in the font's subsets as TJ tokens with kerning, cached per document."""
    cache = c.__dict__.setdefault("_ials_tj", {})
    key = (font, glyphs, kern)
    found = cache.get(key)
    if found is not None:
        return found
    ttf = pdfmetrics.getFont(font)
    doc = c._doc
    out: list[tuple[str, list[str]]] = []
    i = 0
    for subset, data in ttf.splitString(glyphs, doc):
        tokens: list[str] = []
        run = bytearray()
        for byte in data:
            run.append(byte)
            if kern is not None and kern[i]:
                tokens += [f"({c._escape(bytes(run))})", _fp(-kern[i])]
                run.clear()
            i += 1
        if run:
            tokens.append(f"({c._escape(bytes(run))})")
        out.append((ttf.getSubsetInternalName(subset, doc), tokens))
    cache[key] = out
    return out


class LineWriter:
    """Writes lines as text objects straight into a ReportLab canvas's page content."""

    def __init__(self, canvas: Canvas):
        self.c = canvas
        self.doc = canvas._doc

    def draw(self, s: SetLine, x: float, y: float) -> None:
        c = self.c
        code: list[str] = ["BT", f"1 0 0 1 {_fp(x + s.offset)} {_fp(y)} Tm"]
        tc, tz = s.letter_space / s.scale, s.scale
        if tc:
            code.append(f"{_fp(tc)} Tc")
        if tz != 1:
            code.append(f"{_fp(tz * 100)} Tz")
        font = size = color = rise = None
        tj: list[str] = []
        pending = 0.0  # a horizontal move (points) still to write before the next glyph

        def flush() -> None:
            if tj:
                code.append(f"[{' '.join(tj)}] TJ")
                tj.clear()

        def select(style: RunStyle, subset_font: str) -> None:
            nonlocal font, size, color, rise
            if (subset_font, style.size) != (font, size):
                flush()
                code.append(f"{subset_font} {_fp(style.size)} Tf")
                font, size = subset_font, style.size
            if style.color != color:
                flush()
                code.append(_fill_op(style.color))
                color = style.color
            if style.rise != (rise or 0.0):
                flush()
                code.append(f"{_fp(style.rise)} Ts")
                rise = style.rise

        def move(points: float) -> None:
            nonlocal pending
            pending += points

        def glyphs(style: RunStyle, text: str, kern: tuple[float, ...] | None) -> None:
            nonlocal pending
            for subset_font, tokens in _tokens(c, style.font, text, kern):
                select(style, subset_font)
                if pending:
                    tj.append(_fp(-pending * 1000 / style.size / tz))
                    pending = 0.0
                tj.extend(tokens)

        last_style: RunStyle | None = None
        for part in s.parts:
            if isinstance(part, _Chunk):
                if part.shaped is None:
                    move(part.width)
                    continue
                glyphs(part.style, part.shaped.glyphs, part.shaped.kern)
                last_style = part.style
                continue
            glue = part.glue
            style = glue.style or last_style
            if style is None:
                move(part.width)
                continue
            ch = NNBSP if glue.char == NNBSP and pdfmetrics.getFont(style.font).face.charToGlyph.get(0x202F) else " "
            advance = pdfmetrics.getFont(style.font).face.charWidths.get(ord(ch), 0) * style.size / 1000
            # The gap between the words: the space glyph, two letter spaces (after the word's last
            # glyph and after the space) and the move that makes up the chosen width.
            drawn = (advance + 2 * s.letter_space / s.scale) * s.scale
            glyphs(style, ch, None)
            move(part.width - drawn)
        flush()
        if rise:
            code.append("0 Ts")
        if tc:
            code.append("0 Tc")
        if tz != 1:
            code.append("100 Tz")
        code.append("ET")
        c._code.extend(code)


def _fill_op(color) -> str:
    """The PDF fill operator of a ReportLab colour (CMYK in this engine)."""
    from reportlab.lib.colors import CMYKColor

    if isinstance(color, CMYKColor):
        return f"{_fp(color.cyan)} {_fp(color.magenta)} {_fp(color.yellow)} {_fp(color.black)} k"
    r, g, b = color.red, color.green, color.blue
    return f"{_fp(r)} {_fp(g)} {_fp(b)} rg"

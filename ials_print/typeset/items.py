"""A paragraph's styled text → Knuth–Plass items: boxes (word pieces), glue (spaces), penalties (breaks).

Break opportunities come from the text (see ``content.typography``): U+00AD prints a hyphen when
taken, U+200B prints nothing (inside URLs), an explicit hyphen between letters breaks after
itself without adding one. U+00A0 is a space that never breaks; U+202F is a fixed 1/8 em that
never breaks nor stretches, whatever the font's own glyph says. A newline forces a break.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reportlab.lib.colors import Color
from reportlab.pdfbase import pdfmetrics

from ials_print.typeset.shaping import FEATURES, plain, shape

SHY, ZWSP, NBSP, NNBSP = "\u00ad", "\u200b", "\u00a0", "\u202f"
HYPHENS = "-\u2010"
NNBSP_EM = 1 / 8
INFINITY = 10_000.0  # a penalty this high forbids a break; its negative forces one
FIL = 100_000.0  # stretch of the glue that fills a paragraph's last line

# Optical margin alignment: the share of a glyph's advance that hangs into the margin.
HANG_RIGHT = {
    "-": 0.7, "\u2010": 0.7, "\u2013": 0.5, "\u2014": 0.3, ".": 0.7, ",": 0.7, ":": 0.4, ";": 0.4,
    "!": 0.2, "?": 0.2, "\u00bb": 0.5, "\u2019": 0.7, "\u201d": 0.7, '"': 0.5, "\u2026": 0.3,
}  # fmt: skip
HANG_LEFT = {"\u00ab": 0.5, "\u201c": 0.7, "\u2018": 0.7, '"': 0.5, "\u2014": 0.3, "\u2013": 0.5}


@dataclass(frozen=True, slots=True)
class RunStyle:
    """How one run of a paragraph is drawn."""

    font: str
    size: float
    color: Color
    rise: float = 0.0
    features: tuple[tuple[str, bool], ...] = FEATURES


@dataclass(slots=True)
class Box:
    """A piece of a word (between two break opportunities) in one style."""

    text: str
    style: RunStyle
    width: float


@dataclass(slots=True)
class Glue:
    """A space: natural width, how much it may stretch and shrink; ``char`` is what is drawn."""

    width: float
    stretch: float
    shrink: float
    style: RunStyle | None
    char: str = " "
    breakable: bool = True


@dataclass(slots=True)
class Penalty:
    """A break opportunity: ``kind`` is hyphen (prints one), explicit (after a printed hyphen), url, forced."""

    width: float
    cost: float
    flagged: bool
    kind: str
    style: RunStyle | None = None


Item = Box | Glue | Penalty


@dataclass(frozen=True)
class Spacing:
    """Word spacing as shares of the font's space: minimum, natural, maximum (justified text)."""

    minimum: float = 0.80
    natural: float = 1.00
    maximum: float = 1.33
    hyphen_penalty: float = 50
    explicit_penalty: float = 50
    url_penalty: float = 80


@dataclass
class Galley:
    """A paragraph as items, ready to be broken into lines at any measure."""

    items: list[Item]
    hang_left: list[float] = field(default_factory=list)  # per item: how far a line starting here may hang
    hang_right: list[float] = field(default_factory=list)  # per item: how far a line ending here may hang
    words: int = 0
    prepared: object | None = field(default=None, repr=False, compare=False)  # the breaker's running sums


def space_width(style: RunStyle) -> float:
    return pdfmetrics.getFont(style.font).face.charWidths.get(32, 250) * style.size / 1000


def _char_width(style: RunStyle, ch: str) -> float:
    return plain(style.font, ch).width * style.size / 1000


def _piece_cuts(text: str) -> list[tuple[int, str]]:
    """Where a word part may break: (index in the cleaned text, kind); markers removed by the caller."""
    cuts: list[tuple[int, str]] = []
    n = 0
    for i, ch in enumerate(text):
        if ch == SHY:
            cuts.append((n, "hyphen"))
            continue
        if ch == ZWSP:
            cuts.append((n, "url"))
            continue
        n += 1
        if ch in HYPHENS and i > 0 and text[i - 1].isalpha() and i + 1 < len(text) and text[i + 1].isalpha():
            cuts.append((n, "explicit"))
    return cuts


def _word_items(parts: list[tuple[str, RunStyle]], spacing: Spacing, out: list[Item]) -> None:
    """Boxes and penalties of one word made of parts in different styles."""
    for text, style in parts:
        cuts = _piece_cuts(text)
        clean = text.replace(SHY, "").replace(ZWSP, "")
        if not clean:
            continue
        shaped = shape(style.font, clean, style.features)
        k = style.size / 1000
        start = 0
        for at, kind in [*cuts, (len(clean), "")]:
            if at > start or not kind:
                piece = clean[start:at]
                if piece:
                    out.append(Box(piece, style, sum(shaped.char_widths[start:at]) * k))
            if kind and 0 < at < len(clean):
                if kind == "hyphen":
                    out.append(Penalty(_char_width(style, "-"), spacing.hyphen_penalty, True, kind, style))
                elif kind == "explicit":
                    out.append(Penalty(0.0, spacing.explicit_penalty, True, kind, style))
                else:
                    out.append(Penalty(0.0, spacing.url_penalty, False, kind, style))
            start = at


def itemize(
    segments: list[tuple[str, RunStyle]],
    *,
    indent: float = 0.0,
    justify: bool = True,
    spacing: Spacing | None = None,
) -> Galley:
    """The items of a paragraph made of ``(text, style)`` segments."""
    spacing = spacing or Spacing()
    items: list[Item] = []
    if indent:
        items.append(Box("", segments[0][1] if segments else None, indent))  # type: ignore[arg-type]
    word: list[tuple[str, RunStyle]] = []
    words = 0

    def flush() -> None:
        nonlocal words
        if word:
            _word_items(word, spacing, items)
            words += 1
            word.clear()

    for text, style in segments:
        buf = ""
        for ch in text:
            if ch in (" ", "\t", NBSP, NNBSP, "\n") or ("\u2000" <= ch <= "\u200a"):
                if buf:
                    word.append((buf, style))
                    buf = ""
                flush()
                _space(items, ch, style, justify, spacing)
            else:
                buf += ch
        if buf:
            word.append((buf, style))
    flush()
    while items and (isinstance(items[-1], Glue) or (isinstance(items[-1], Penalty) and items[-1].kind == "forced")):
        items.pop()  # trailing spaces and line breaks print nothing
    items += [Penalty(0, INFINITY, False, "end"), Glue(0, FIL, 0, None), Penalty(0, -INFINITY, False, "forced")]
    galley = Galley(items, words=words)
    compute_hangs(galley)
    return galley


def _space(items: list[Item], ch: str, style: RunStyle, justify: bool, spacing: Spacing) -> None:
    if ch == "\n":
        while items and isinstance(items[-1], Glue):
            items.pop()
        items += [Glue(0, FIL, 0, None), Penalty(0, -INFINITY, False, "forced")]
        return
    prev = items[-1] if items else None
    if ch == NNBSP:
        if isinstance(prev, Glue):
            items.pop()  # a narrow space replaces an ordinary one beside it
        items.append(Glue(style.size * NNBSP_EM, 0, 0, style, NNBSP, breakable=False))
        return
    if isinstance(prev, Glue):
        if prev.char == " " and ch == NBSP:
            prev.char, prev.breakable = NBSP, False
        return  # spaces collapse into one
    if prev is None or (isinstance(prev, Penalty) and prev.kind == "forced"):
        return  # no space at the start of a line
    w = space_width(style)
    if ch.isspace() and ch not in (" ", "\t", NBSP):
        items.append(Glue(w * 0.5, 0, 0, style, ch, breakable=True))  # thin and other fixed spaces
        return
    natural = w * spacing.natural
    stretch = w * (spacing.maximum - spacing.natural) if justify else 0.0
    shrink = w * (spacing.natural - spacing.minimum) if justify else 0.0
    items.append(Glue(natural, stretch, shrink, style, NBSP if ch == NBSP else " ", breakable=ch != NBSP))


def compute_hangs(galley: Galley) -> None:
    """How far each line may hang into the margins, for every possible start and end of a line."""
    items = galley.items
    left = [0.0] * len(items)
    right = [0.0] * len(items)
    for i, it in enumerate(items):
        if isinstance(it, Box) and it.text:
            if it.text[0] in HANG_LEFT:
                left[i] = HANG_LEFT[it.text[0]] * _char_width(it.style, it.text[0])
        elif isinstance(it, Penalty) and it.kind == "hyphen" and it.style is not None:
            right[i] = HANG_RIGHT["-"] * it.width
        elif isinstance(it, Glue | Penalty) and i > 0 and isinstance(items[i - 1], Box):
            prev = items[i - 1]
            last = prev.text[-1:] if prev.text else ""
            if last in HANG_RIGHT:
                right[i] = HANG_RIGHT[last] * _char_width(prev.style, last)
    galley.hang_left, galley.hang_right = left, right

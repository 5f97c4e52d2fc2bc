"""The paragraph composer as a flowable: set at any measure, split between lines, drawn exactly.

A ``TextBlock`` holds a paragraph's galley (``typeset.items``); asked for a width, it breaks the
paragraph with the total-fit breaker, trying passes from strict to lenient (word spacing, then
letter spacing, then glyph scaling, then any breaks: those lines are reported as loose). Split at a
column end, it keeps its lines: the head keeps its breaks, the tail keeps the rest, so the
paragraph reads as one optimal whole. At least two lines stay on each side (no widow, no orphan);
at a page turn the last line before the turn does not end with a hyphen when another set of
breaks avoids it.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from contextvars import ContextVar
from dataclasses import dataclass, replace

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable

from ials_print.typeset.breaker import BreakParams, Line, break_lines
from ials_print.typeset.draw import LineWriter, set_line
from ials_print.typeset.items import INFINITY, Box, Galley, Glue, Penalty, RunStyle, compute_hangs

# True while the composer fills the last column before a page turn.
PAGE_TURN: ContextVar[bool] = ContextVar("page_turn", default=False)

WINDOW = 3000  # items: longer paragraphs are broken window by window
LOOSE = 2.0  # drawn word space / natural space above which a line is reported
RAGGED_STRETCH_EM = 3.0  # how far a ragged line may fall short before it counts as bad


@dataclass(frozen=True)
class Pass:
    params: BreakParams
    letter_room: float  # share of word widths letter spacing may add or take when drawing
    scale_room: float  # share glyph scaling may add or take

    @property
    def lenient(self) -> bool:
        return self.params.tolerance >= INFINITY


def justified_passes(letter: float = 0.02, scale: float = 0.02) -> tuple[Pass, ...]:
    """Word spacing alone; then letter spacing; then glyph scaling too; then any breaks."""
    return (
        Pass(BreakParams(tolerance=1.8), 0.0, 0.0),
        Pass(BreakParams(tolerance=1.8, letter_stretch=letter), letter, 0.0),
        Pass(BreakParams(tolerance=2.5, letter_stretch=letter + scale), letter, scale),
        Pass(BreakParams(tolerance=INFINITY, letter_stretch=letter + scale), letter, scale),
    )


JUSTIFIED_PASSES = justified_passes()


def ragged_passes(size: float) -> tuple[Pass, ...]:
    stretch = RAGGED_STRETCH_EM * size
    return (
        Pass(BreakParams(tolerance=1.0, line_stretch=stretch), 0.0, 0.0),
        Pass(BreakParams(tolerance=INFINITY, line_stretch=stretch), 0.0, 0.0),
    )


@dataclass(frozen=True)
class Setting:
    """A paragraph broken at one measure: the galley its lines index, the lines, the pass used."""

    galley: Galley
    lines: list[Line]
    pass_: Pass


@dataclass(frozen=True)
class LooseLine:
    text: str
    word_space: float


def _slice(galley: Galley, start: int) -> Galley:
    if start == 0:
        return galley
    return Galley(galley.items[start:], galley.hang_left[start:], galley.hang_right[start:], galley.words)


def _split_long_boxes(galley: Galley, measure: float) -> Galley:
    """Boxes wider than the measure cut into pieces that fit (a last resort: nothing is lost)."""
    items = []
    for it in galley.items:
        if not (isinstance(it, Box) and it.width > measure * 0.95 and len(it.text) > 1):
            items.append(it)
            continue
        per_char = it.width / len(it.text)
        step = max(1, int(measure * 0.9 / per_char))
        for i in range(0, len(it.text), step):
            if i:
                items.append(Penalty(0.0, 500.0, False, "url", it.style))
            piece = it.text[i : i + step]
            items.append(Box(piece, it.style, per_char * len(piece)))
    out = Galley(items, words=galley.words)
    compute_hangs(out)
    return out


def galley_text(galley: Galley) -> str:
    """The words of a galley as plain text (what is left over, for overset reports)."""
    out = []
    for it in galley.items:
        if isinstance(it, Box):
            out.append(it.text)
        elif isinstance(it, Glue) and it.style is not None:
            out.append(" ")
    return "".join(out)


class TextBlock(Flowable):
    """One paragraph set by the composer."""

    def __init__(
        self,
        galley: Galley,
        style: ParagraphStyle,
        align: str,
        text: str,
        *,
        bullet: tuple[str, RunStyle] | None = None,
        passes: tuple[Pass, ...] | None = None,
        first: bool = True,
        fixed: Setting | None = None,
        cache: dict[float, Setting] | None = None,
    ):
        super().__init__()
        self.galley, self.style, self.align, self.text = galley, style, align, text
        self.bullet = bullet if first else None
        self.first = first
        self.fixed = fixed
        self._cache: dict[float, Setting] = {} if cache is None else cache
        self.spaceBefore = style.spaceBefore if first else 0
        self.spaceAfter = style.spaceAfter
        self.on_draw: Callable[[Flowable, list[LooseLine]], None] | None = None
        self.passes = passes or (JUSTIFIED_PASSES if align == "justify" else ragged_passes(style.fontSize))

    def __deepcopy__(self, memo: dict) -> TextBlock:
        clone = copy.copy(self)
        clone._cache = dict(self._cache)
        return clone

    # -- setting ---------------------------------------------------------------------------
    def _measure(self, width: float) -> float:
        return width - self.style.leftIndent - self.style.rightIndent

    def setting(self, width: float) -> Setting:
        """The paragraph's lines at ``width`` (cached)."""
        if self.fixed is not None:
            return self.fixed
        key = round(width, 3)
        found = self._cache.get(key)
        if found is None:
            found = self._cache[key] = self._break(self._measure(width))
        return found

    def _break(self, measure: float, forbidden: frozenset[int] = frozenset(), passes=None) -> Setting:
        if len(self.galley.items) > WINDOW:
            return self._break_windows(measure, passes)
        return self._break_galley(self.galley, measure, forbidden, passes)

    def _break_windows(self, measure: float, passes=None) -> Setting:
        """A very long paragraph broken window by window (each optimal, the last lines of each
        window set again with the next): time and memory stay linear in its length."""
        galley = self.galley
        if any(isinstance(it, Box) and it.width > measure * 0.95 for it in galley.items):
            galley = _split_long_boxes(galley, measure)
        items = galley.items
        lines: list[Line] = []
        used: list[Pass] = []
        start = 0
        while start < len(items):
            end = min(start + WINDOW, len(items))
            window = _slice(galley, start)
            if end < len(items):
                window = Galley(window.items[: end - start] + items[-3:])
                compute_hangs(window)
            s = self._break_galley(window, measure, frozenset(), passes)
            used.append(s.pass_)
            got = s.lines if end == len(items) else s.lines[:-2] or s.lines[:1]
            lines += [replace(ln, start=ln.start + start, end=ln.end + start) for ln in got]
            if end == len(items):
                break
            start = lines[-1].end + 1
            while start < len(items) and not isinstance(items[start], Box):
                start += 1
        lenient = max(used, key=lambda p: (p.letter_room, p.scale_room, p.params.tolerance))
        return Setting(galley, lines, lenient)

    def _break_galley(self, galley: Galley, measure: float, forbidden: frozenset[int], passes) -> Setting:
        for p in passes or self.passes:
            params = replace(p.params, forbidden=forbidden) if forbidden else p.params
            lines = break_lines(galley, [measure], params)
            if lines is not None:
                return Setting(galley, lines, p)
        last = (passes or self.passes)[-1]
        galley = _split_long_boxes(galley, measure)
        lines = break_lines(galley, [measure], last.params)
        if lines is None:  # cannot happen once every box fits; kept as a guard against a lost word
            raise RuntimeError(f"no line breaks found for a paragraph starting {self.text[:40]!r}")
        return Setting(galley, lines, last)

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        s = self.setting(aw)
        self.width, self.height = aw, len(s.lines) * self.style.leading
        return self.width, self.height

    def line_count(self, width: float) -> int:
        return len(self.setting(width).lines)

    def split(self, aw: float, ah: float) -> list[Flowable]:
        s = self.setting(aw)
        lines = s.lines
        fit = int((ah + 1e-6) / self.style.leading)
        if fit >= len(lines):
            return [self]
        keep = min(fit, len(lines) - 2)  # two lines at least go on (no widow)
        if keep < 2:  # two lines at least stay (no orphan)
            return []
        if PAGE_TURN.get() and lines[keep - 1].hyphenated:
            s, keep = self._avoid_turn_hyphen(aw, s, keep)
            lines = s.lines
        head = TextBlock(
            s.galley, self.style, self.align, self.text, bullet=self.bullet, passes=self.passes, first=self.first,
            fixed=Setting(s.galley, lines[:keep], s.pass_),
        )  # fmt: skip
        head.spaceAfter = 0
        head.on_draw = self.on_draw
        start = lines[keep].start
        tail_galley = _slice(s.galley, start)
        shifted = [replace(ln, start=ln.start - start, end=ln.end - start) for ln in lines[keep:]]
        tail = TextBlock(
            tail_galley, self.style, self.align, galley_text(tail_galley), passes=self.passes, first=False,
            cache={round(aw, 3): Setting(tail_galley, shifted, s.pass_)},
        )  # fmt: skip
        tail.on_draw = self.on_draw
        return [head, tail]

    def _avoid_turn_hyphen(self, aw: float, s: Setting, keep: int) -> tuple[Setting, int]:
        """Break again so that line ``keep`` (the last before the page turn) ends without a hyphen."""
        forbidden: set[int] = set()
        for _ in range(3):
            forbidden.add(s.lines[keep - 1].end)
            i = self.passes.index(s.pass_) if s.pass_ in self.passes else 0
            other = self._break(self._measure(aw), frozenset(forbidden), self.passes[i:])
            if len(other.lines) - keep < 2:
                break
            if not other.lines[keep - 1].hyphenated:
                self._cache[round(aw, 3)] = other
                return other, keep
            s = other
        return self.setting(aw), keep

    # -- drawing ---------------------------------------------------------------------------
    def draw(self) -> None:
        c = self.canv
        if getattr(c, "_ials_scratch", False):
            return  # a trial fit: only the height mattered
        s = self.setting(self.width)
        st = self.style
        measure = self._measure(self.width)
        c.saveState()
        writer = LineWriter(c)
        y = self.height - st.fontSize
        loose: list[LooseLine] = []
        for line in s.lines:
            set_ = set_line(s.galley, line, measure, self.align, s.pass_.letter_room, s.pass_.scale_room)
            writer.draw(set_, st.leftIndent, y)
            if self.align == "justify" and not line.last and set_.word_space > LOOSE:
                loose.append(LooseLine(set_.text, set_.word_space))
            y -= st.leading
        if self.bullet and s.lines:
            text, bstyle = self.bullet
            c.setFillColor(bstyle.color)
            c.setFont(bstyle.font, bstyle.size)
            c.drawString(getattr(st, "bulletIndent", 0), self.height - st.fontSize, text)
        c.restoreState()
        if self.on_draw is not None:
            self.on_draw(self, loose)

    def getPlainText(self) -> str:
        return self.text

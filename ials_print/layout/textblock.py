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
from ials_print.typeset.shaping import shape

# True while the composer fills the last column before a page turn.
PAGE_TURN: ContextVar[bool] = ContextVar("page_turn", default=False)
# True when a picture page comes between that column and the text's next page: the hyphen there
# would wait a whole page for the rest of its word, so it is never allowed.
TURN_ACROSS_VISUAL: ContextVar[bool] = ContextVar("turn_across_visual", default=False)

WINDOW = 3000  # items: longer paragraphs are broken window by window
RAGGED_STRETCH_EM = 3.0  # how far a ragged line may fall short before it counts as bad


@dataclass(frozen=True)
class Pass:
    params: BreakParams
    letter_room: float  # share of word widths letter spacing may add or take when drawing
    scale_room: float  # share glyph scaling may add or take


def justified_passes(letter: float = 0.02, scale: float = 0.02) -> tuple[Pass, ...]:
    """Spaces within their limits by word spacing alone; then with letter spacing; then with glyph
    scaling too; then the best breaks whatever their spacing (its loose lines are reported)."""
    return (
        Pass(BreakParams(tolerance=1.0), 0.0, 0.0),
        Pass(BreakParams(tolerance=1.0, letter_stretch=letter), letter, 0.0),
        Pass(BreakParams(tolerance=1.0, letter_stretch=letter + scale), letter, scale),
        Pass(BreakParams(tolerance=INFINITY, letter_stretch=letter + scale), letter, scale),
    )


JUSTIFIED_PASSES = justified_passes()


def ragged_passes(size: float) -> tuple[Pass, ...]:
    stretch = RAGGED_STRETCH_EM * size
    return (
        Pass(BreakParams(tolerance=1.0, line_stretch=stretch, hang=False), 0.0, 0.0),
        Pass(BreakParams(tolerance=INFINITY, line_stretch=stretch, hang=False), 0.0, 0.0),
    )


@dataclass(frozen=True)
class Setting:
    """A paragraph broken at one measure: the galley its lines index, the lines, the pass used."""

    galley: Galley
    lines: list[Line]
    pass_: Pass


@dataclass(frozen=True)
class DrawnLine:
    """A line worth reporting: spaced beyond the maximum, or too wide for its measure."""

    text: str
    word_space: float
    overfull: bool = False


def _slice(galley: Galley, start: int, end: int | None = None) -> Galley:
    if start == 0 and end is None:
        return galley
    return Galley(galley.items[start:end], galley.hang_left[start:end], galley.hang_right[start:end], galley.words)


def _emergency(galley: Galley, measure: float) -> Galley:
    """The last resort before an overfull line: words tied by no-break spaces into a run wider than
    the measure may break at those spaces, and a word wider than the measure is cut into pieces
    that fit. Nothing is lost; the same galley comes back when nothing needed it."""
    items = list(galley.items)
    changed = False
    i = 0
    while i < len(items):
        j, width = i, 0.0
        while j < len(items) and (isinstance(items[j], Box) or (isinstance(items[j], Glue) and not items[j].breakable)):
            width += items[j].width
            j += 1
        if width > measure * 0.9:
            for k in range(i, j):
                it = items[k]
                if isinstance(it, Glue):
                    items[k] = Glue(it.width, it.stretch, it.shrink, it.style, " ", breakable=True)
                    changed = True
        i = max(j, i + 1)
    out: list = []
    for it in items:
        if isinstance(it, Box) and it.width > measure * 0.9 and len(it.text) > 1 and it.style is not None:
            out += _cut_word(it, measure * 0.9)
            changed = True
        else:
            out.append(it)
    if not changed:
        return galley
    cut = Galley(out, words=galley.words)
    compute_hangs(cut)
    return cut


def _cut_word(box: Box, width: float) -> list:
    """A box cut greedily, by its characters' shaped widths, into pieces no wider than ``width``."""
    k = box.style.size / 1000
    widths = [w * k for w in shape(box.style.font, box.text, box.style.features).char_widths]
    out: list = []
    start, acc = 0, 0.0
    for i, w in enumerate(widths):
        if acc + w > width and i > start:
            out += [Box(box.text[start:i], box.style, acc), Penalty(0.0, 500.0, False, "url", box.style)]
            start, acc = i, 0.0
        acc += w
    out.append(Box(box.text[start:], box.style, acc))
    return out


def _starts_line(it) -> bool:
    return isinstance(it, Box) or (isinstance(it, Penalty) and it.cost <= -INFINITY)


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
        self.on_draw: Callable[[Flowable, list[DrawnLine]], None] | None = None
        self.max_space = 1.33  # drawn word space / natural above which a justified line is reported
        self.looseness = 0  # -1: one line shorter, +1: one longer, where the breaks allow (copyfitting)
        self.source_line = 0  # where the paragraph starts in its text file
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

    def _break(self, measure: float, forbidden: frozenset[int] = frozenset(), passes=None, galley=None) -> Setting:
        galley = galley or self.galley
        passes = passes or self.passes
        if len(galley.items) > WINDOW:
            return self._break_windows(galley, measure, forbidden, passes)
        return self._break_galley(galley, measure, forbidden, passes)

    def _break_galley(self, galley: Galley, measure: float, forbidden: frozenset[int], passes) -> Setting:
        if self.looseness:
            loose = self._loosened(galley, measure, forbidden, passes)
            if loose is not None:
                return loose
        for p in passes:
            params = replace(p.params, forbidden=forbidden) if forbidden else p.params
            lines = break_lines(galley, [measure], params)
            if lines is not None:
                return Setting(galley, lines, p)
        last = passes[-1]
        galley = _emergency(galley, measure)
        lines = break_lines(galley, [measure], last.params)
        if lines is None:  # still a run wider than the measure: it overflows, and is reported
            lines = break_lines(galley, [measure], replace(last.params, overfull_ok=True))
        if lines is None:
            raise RuntimeError(f"no line breaks found for a paragraph starting {self.text[:40]!r}")
        return Setting(galley, lines, last)

    def _break_windows(self, galley: Galley, measure: float, forbidden: frozenset[int], passes) -> Setting:
        """A very long paragraph broken window by window (each optimal, the last lines of each
        window set again with the next): time and memory stay linear in its length."""
        cut = _emergency(galley, measure)  # done once for all windows, so their indices agree
        if cut is not galley:
            galley, forbidden = cut, frozenset()
        items = galley.items
        lines: list[Line] = []
        used: list[Pass] = []
        start = 0
        while start < len(items):
            end = min(start + WINDOW, len(items))
            window = _slice(galley, start, end)
            if end < len(items):
                window = Galley(window.items + items[-3:])  # the paragraph's end closes the window
                compute_hangs(window)
            shifted = frozenset(i - start for i in forbidden if start <= i < end)
            s = self._break_galley(window, measure, shifted, passes)
            used.append(s.pass_)
            got = s.lines if end == len(items) else s.lines[:-2] or s.lines[:1]
            lines += [replace(ln, start=ln.start + start, end=ln.end + start) for ln in got]
            if end == len(items):
                break
            start = lines[-1].end + 1  # where the next line starts, as the breaker decides it
            while start < len(items) and not _starts_line(items[start]):
                start += 1
        lenient = max(used, key=lambda p: (p.letter_room, p.scale_room, p.params.tolerance))
        return Setting(galley, lines, lenient)

    def _loosened(self, galley: Galley, measure: float, forbidden: frozenset[int], passes) -> Setting | None:
        """The paragraph one line shorter or longer (``looseness``), from the strictest pass that can
        set it so with its spaces within their limits; None when none can, and the paragraph keeps
        its best breaks."""
        normal = None
        for p in passes:
            normal = break_lines(galley, [measure], replace(p.params, forbidden=forbidden))
            if normal is not None:
                break
        if normal is None:
            return None
        for p in (p for p in passes if p.params.tolerance < INFINITY):  # within the spacing limits only
            params = replace(p.params, forbidden=forbidden, looseness=self.looseness)
            lines = break_lines(galley, [measure], params)
            if lines is not None and len(lines) == len(normal) + self.looseness:
                return Setting(galley, lines, p)
        return None

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
            if TURN_ACROSS_VISUAL.get():
                while keep > 2 and lines[keep - 1].hyphenated:
                    keep -= 1  # a line or two short at the foot, rather than a word cut across a picture
                if lines[keep - 1].hyphenated:
                    return []  # the paragraph moves on whole
        head = TextBlock(
            s.galley, self.style, self.align, self.text, bullet=self.bullet, passes=self.passes, first=self.first,
            fixed=Setting(s.galley, lines[:keep], s.pass_),
        )  # fmt: skip
        head.spaceAfter = 0
        head.on_draw, head.max_space, head.source_line = self.on_draw, self.max_space, self.source_line
        start = lines[keep].start
        tail_galley = _slice(s.galley, start)
        shifted = [replace(ln, start=ln.start - start, end=ln.end - start) for ln in lines[keep:]]
        tail = TextBlock(
            tail_galley, self.style, self.align, galley_text(tail_galley), passes=self.passes, first=False,
            cache={round(aw, 3): Setting(tail_galley, shifted, s.pass_)},
        )  # fmt: skip
        tail.on_draw, tail.max_space, tail.source_line = self.on_draw, self.max_space, self.source_line
        return [head, tail]

    def _avoid_turn_hyphen(self, aw: float, s: Setting, keep: int) -> tuple[Setting, int]:
        """Break again so that line ``keep`` (the last before the page turn) ends without a hyphen."""
        forbidden: set[int] = set()
        for _ in range(3):
            forbidden.add(s.lines[keep - 1].end)
            i = self.passes.index(s.pass_) if s.pass_ in self.passes else 0
            other = self._break(self._measure(aw), frozenset(forbidden), self.passes[i:], s.galley)
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
        notable: list[DrawnLine] = []
        for line in s.lines:
            set_ = set_line(s.galley, line, measure, self.align, s.pass_.letter_room, s.pass_.scale_room)
            writer.draw(set_, st.leftIndent, y)
            loose = self.align == "justify" and not line.last and set_.word_space > self.max_space + 0.005
            if loose or set_.overfull:
                notable.append(DrawnLine(set_.text, set_.word_space, set_.overfull))
            y -= st.leading
        if self.bullet and s.lines:
            text, bstyle = self.bullet
            c.setFillColor(bstyle.color)
            c.setFont(bstyle.font, bstyle.size)
            c.drawString(getattr(st, "bulletIndent", 0), self.height - st.fontSize, text)
        c.restoreState()
        if self.on_draw is not None:
            self.on_draw(self, notable)

    def getPlainText(self) -> str:
        return self.text

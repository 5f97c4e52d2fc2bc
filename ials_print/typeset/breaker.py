"""Total-fit line breaking (Knuth & Plass, 1981) over a galley's items.

Each feasible break keeps, per fitness class, count of consecutive hyphenated lines (and line
number, when lines differ or a looseness is asked), the cheapest way to reach it; the paragraph's
breaks are those of the cheapest way to its end. Demerits follow TeX: ``(line_penalty + badness)²
± penalty²``, plus extra demerits for two hyphenated lines in a row, for lines whose tightness
differs by more than one class, for a hyphen on the paragraph's penultimate line and for a last
line shorter than a few characters. More than ``max_hyphens`` hyphenated lines in a row are never
made.

Passes, as the composer tries them: word spacing alone within ``tolerance``; then with letter
spacing; then with glyph scaling too; at last any breaks (the loosest lines are reported).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from ials_print.typeset.items import INFINITY, Box, Galley, Glue, Penalty


@dataclass(frozen=True)
class BreakParams:
    """The knobs of one pass."""

    tolerance: float = 2.0  # the largest stretch ratio accepted (badness 100 × r³)
    letter_stretch: float = 0.0  # share of a word's width letter spacing (and scaling) may add or take
    line_penalty: float = 10
    double_hyphen_demerits: float = 3000
    fitness_demerits: float = 3000
    final_hyphen_demerits: float = 100_000
    max_hyphens: int = 2
    min_last_chars: int = 5
    runt_demerits: float = 50_000
    line_stretch: float = 0.0  # ragged setting: how far each line may fall short, with no word stretch
    looseness: int = 0
    forbidden: frozenset[int] = frozenset()  # item indices where no break may fall
    hang: bool = True  # optical margins: lines may reach into the margins by their hang
    overfull_ok: bool = False  # last resort: a line may be too wide (it is then reported)
    overfull_demerits: float = 1e9


@dataclass(frozen=True, slots=True)
class Line:
    """One line: items ``start``..``end`` (exclusive), broken at ``end``."""

    start: int
    end: int
    ratio: float  # <0 shrunk, >0 stretched, in units of the line's stretch (or shrink)
    hyphenated: bool  # ends with a printed hyphen (discretionary or explicit)
    last: bool  # the paragraph's last line (or one ended by a forced break): not justified
    hang_left: float
    hang_right: float


@dataclass(slots=True)
class _Node:
    position: int
    line: int
    fitness: int
    hyphens: int
    demerits: float
    width: float
    stretch: float
    shrink: float
    boxes: float
    previous: _Node | None = field(default=None, repr=False)
    ratio: float = 0.0
    hyphenated: bool = False
    brk: int = -1  # the item this node broke at


@dataclass(slots=True)
class _Prepared:
    """What every pass over a galley shares: running sums, line starts and break candidates."""

    width: list[float]
    stretch: list[float]
    shrink: list[float]
    boxes: list[float]
    after: list[int]  # where the line after a break at b starts: the next box or forced break
    first: int
    candidates: list[tuple[int, float, bool, float]]  # (index, penalty, flagged, width if taken)
    has_text: bool


def _prepare(items: list) -> _Prepared:
    n = len(items)
    sw, sy, sz, sb = [0.0] * (n + 1), [0.0] * (n + 1), [0.0] * (n + 1), [0.0] * (n + 1)
    candidates: list[tuple[int, float, bool, float]] = []
    for i, it in enumerate(items):
        w = y = z = b = 0.0
        if isinstance(it, Box):
            w = b = it.width
        elif isinstance(it, Glue):
            w, y, z = it.width, it.stretch, it.shrink
            if it.breakable and i > 0 and isinstance(items[i - 1], Box):
                candidates.append((i, 0.0, False, 0.0))
        elif it.cost < INFINITY:
            candidates.append((i, it.cost, it.flagged, it.width))
        sw[i + 1], sy[i + 1], sz[i + 1], sb[i + 1] = sw[i] + w, sy[i] + y, sz[i] + z, sb[i] + b
    after = [n] * (n + 1)
    nxt = n
    for i in range(n - 1, -1, -1):
        after[i] = nxt
        it = items[i]
        if isinstance(it, Box) or (isinstance(it, Penalty) and it.cost <= -INFINITY):
            nxt = i
    has_text = any(isinstance(it, Box) and it.text for it in items)
    return _Prepared(sw, sy, sz, sb, after, nxt, candidates, has_text)


def _fitness(r: float) -> int:
    if r < -0.5:
        return 0
    if r <= 0.5:
        return 1
    return 2 if r <= 1 else 3


def break_lines(galley: Galley, widths: Sequence[float], params: BreakParams) -> list[Line] | None:
    """The optimal lines for ``widths`` (one per line; the last repeats), or None if none is feasible."""
    items = galley.items
    n = len(items)
    prep = galley.prepared
    if prep is None:
        prep = galley.prepared = _prepare(items)
    if not prep.has_text:
        return []
    sw, sy, sz, sb, after = prep.width, prep.stretch, prep.shrink, prep.boxes, prep.after
    first = prep.first
    hang_l, hang_r = galley.hang_left, galley.hang_right
    per_line = len(widths) > 1 or params.looseness != 0
    last_width = widths[-1]
    ls = params.letter_stretch

    active: list[_Node] = [_Node(first, 0, 1, 0, 0.0, sw[first], sy[first], sz[first], sb[first])]
    tolerance = params.tolerance
    for b, cost, flagged, pre in prep.candidates:
        if b in params.forbidden:
            continue
        forced = cost <= -INFINITY
        best: dict[tuple[int, int, int], _Node] = {}
        survivors: list[_Node] = []
        for a in active:
            line_no = a.line
            target = widths[line_no] if line_no < len(widths) else last_width
            if params.hang:
                target += hang_l[a.position] + (0.0 if forced else hang_r[b])
            width = sw[b] - a.width + pre
            boxes = sb[b] - a.boxes
            if width < target:
                stretch = sy[b] - a.stretch + ls * boxes + params.line_stretch
                r = (target - width) / stretch if stretch > 0 else INFINITY
            elif width > target:
                shrink = sz[b] - a.shrink + ls * boxes
                r = (target - width) / shrink if shrink > 0 else -INFINITY
            else:
                r = 0.0
            if r >= -1 and not forced:
                survivors.append(a)  # this node may still start a longer line
            if r > tolerance or (r < -1 and not params.overfull_ok):
                continue
            if flagged and a.hyphens >= params.max_hyphens:
                continue
            badness = 100 * abs(min(r, 10.0)) ** 3
            d = (params.line_penalty + badness) ** 2
            if cost > 0:
                d += cost * cost
            elif not forced and cost < 0:
                d -= cost * cost
            if flagged and a.hyphenated:
                d += params.double_hyphen_demerits
            if r < -1:
                d += params.overfull_demerits
            fit = _fitness(r) if not forced else 1
            if abs(fit - a.fitness) > 1 and not forced:
                d += params.fitness_demerits
            if forced and b >= n - 1:
                if a.hyphenated:
                    d += params.final_hyphen_demerits
                if sb[b] - a.boxes < params.min_last_chars * _em_char(items, a.position) and a.line > 0:
                    d += params.runt_demerits
            total = a.demerits + d
            hyphens = a.hyphens + 1 if flagged else 0
            key = (fit, min(hyphens, params.max_hyphens), line_no + 1 if per_line else 0)
            old = best.get(key)
            if old is None or total < old.demerits:
                s = after[b]
                best[key] = _Node(
                    s,
                    line_no + 1,
                    fit,
                    hyphens,
                    total,
                    sw[s],
                    sy[s],
                    sz[s],
                    sb[s],
                    a,
                    r if not forced or r < 0 else 0.0,
                    flagged,
                    b,
                )
        active = survivors + list(best.values())
        if forced:
            active = list(best.values())
        if not active:
            return None
    finals = [a for a in active if a.position >= n]
    if not finals:
        return None
    chosen = min(finals, key=lambda a: a.demerits)
    if params.looseness:
        goal = chosen.line + params.looseness
        chosen = min(finals, key=lambda a: (abs(a.line - goal), a.demerits))
    return _lines(chosen, items, galley, params.hang)


def _em_char(items: list, start: int) -> float:
    """About the width of one character where the last line starts (half its size)."""
    for it in items[start:]:
        if isinstance(it, Box) and it.style is not None:
            return it.style.size * 0.5
    return 5.0


def _lines(node: _Node, items: list, galley: Galley, hang: bool) -> list[Line]:
    chain: list[_Node] = []
    while node.previous is not None:
        chain.append(node)
        node = node.previous
    chain.reverse()
    lines = []
    start = node.position
    for nd in chain:
        it = items[nd.brk]
        last = isinstance(it, Penalty) and it.cost <= -INFINITY
        hang_left = galley.hang_left[start] if hang and start < len(items) else 0.0
        hang_right = 0.0 if last or not hang else galley.hang_right[nd.brk]
        lines.append(Line(start, nd.brk, nd.ratio, nd.hyphenated, last, hang_left, hang_right))
        start = nd.position
    return lines

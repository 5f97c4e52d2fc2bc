"""A paragraph as styled characters, so that a fix may split a run: the edits the normaliser's rules
propose, and their application (never inside a URL or a handle), each one described for its
:class:`~ials_print.content.notes.Fix`."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from ials_print.content.typography import url_spans

Style = tuple[bool, bool, bool, str | None, bool]  # bold, italic, sup, href, small capitals
PLAIN: Style = (False, False, False, None, False)
SPACES = " \u00a0\u202f\u2009"


@dataclass(frozen=True)
class Edit:
    """Replace ``[start, end)`` by ``chars`` (with their ``styles``); ``guard``: what must not be in a URL."""

    start: int
    end: int
    chars: tuple[str, ...]
    styles: tuple[Style, ...]
    guard: tuple[tuple[int, int], ...] = ()
    before: str | None = None  # display, when not the edit's own text with its neighbouring letters
    after: str | None = None


@dataclass(frozen=True)
class Change:
    """A correction inside one paragraph, before it is placed on a line of the source."""

    position: int
    plain: str  # the text before, as the source probably has it (to find its line)
    before: str
    after: str
    rule: str


Rule = Callable[[str, list[Style]], Iterator[Edit]]

_HANDLE_RE = re.compile(r"(?<![\w@#])[@#]\w[\w.\-]*\w|(?<![\w@#])[@#]\w")

_SUPERSCRIPT_LETTERS = "ᵃᵈᵉʰⁱˡᵐⁿᵒʳˢᵗ"
_SUPERSCRIPTS = str.maketrans("adehilmnorst", _SUPERSCRIPT_LETTERS)


def display(chars: Sequence[str], styles: Sequence[Style]) -> str:
    """Text for a message: superscript runs in superscript letters (3ᵉ) when they all have one."""
    out: list[str] = []
    i = 0
    while i < len(chars):
        j = i
        while j < len(chars) and styles[j][2] == styles[i][2]:
            j += 1
        part = "".join(chars[i:j])
        if styles[i][2]:
            up = part.translate(_SUPERSCRIPTS)
            part = up if all(c in _SUPERSCRIPT_LETTERS for c in up) else part
        out.append(part)
        i = j
    text = "".join(out)
    return text if len(text) <= 60 else text[:28] + " … " + text[-28:]


def protected(text: str) -> list[tuple[int, int]]:
    return url_spans(text) + [m.span() for m in _HANDLE_RE.finditer(text)]


def apply_edits(
    text: str, styles: list[Style], edits: Sequence[Edit], rule: str
) -> tuple[str, list[Style], list[Change]]:
    """Apply the non-overlapping ``edits`` that change something and touch no URL or handle."""
    spans = protected(text)
    chars = list(text)
    kept: list[Edit] = []
    last = -1
    for e in sorted(edits, key=lambda e: e.start):
        if e.start < last:
            continue
        guard = e.guard or ((e.start, max(e.end, e.start + 1)),)
        if any(s < ge and gs < t for gs, ge in guard for s, t in spans):
            continue
        if e.chars == tuple(chars[e.start : e.end]) and e.styles == tuple(styles[e.start : e.end]):
            continue
        kept.append(e)
        last = e.end
    changes: list[Change] = []
    for e in kept:
        # a lone sign (a dash) is shown with the words around it
        lone = not any(c.isalnum() for c in chars[e.start : e.end])
        left, right = word_before(chars, e.start, lone), word_after(chars, e.end, lone)
        plain = text[left:right]
        before = e.before or display(chars[left:right], styles[left:right])
        after = e.after or display(
            [*chars[left : e.start], *e.chars, *chars[e.end : right]],
            [*styles[left : e.start], *e.styles, *styles[e.end : right]],
        )
        changes.append(Change(left, plain, before, after, rule))
    for e in reversed(kept):
        chars[e.start : e.end] = e.chars
        styles[e.start : e.end] = e.styles
    return "".join(chars), styles, changes


def word_before(chars: Sequence[str], i: int, hop: bool = False) -> int:
    """Start of the word touching ``i`` on the left; with ``hop``, of the one a space before (for a message)."""
    j = i
    while j > 0 and chars[j - 1].isalnum():
        j -= 1
    if hop and j == i and j > 1 and chars[j - 1] in SPACES and chars[j - 2].isalnum():
        return word_before(chars, j - 1)
    return j


def word_after(chars: Sequence[str], i: int, hop: bool = False) -> int:
    """End of the word touching ``i`` on the right; with ``hop``, of the one a space after."""
    j = i
    while j < len(chars) and chars[j].isalnum():
        j += 1
    if hop and j == i and j + 1 < len(chars) and chars[j] in SPACES and chars[j + 1].isalnum():
        return word_after(chars, j + 1)
    return j


def plain_style(style: Style) -> Style:
    return (style[0], style[1], False, style[3], style[4])


def with_sup(style: Style) -> Style:
    return (style[0], style[1], True, style[3], style[4])


def regex_rule(
    pattern: re.Pattern[str], build: Callable[[re.Match[str], Style], list[tuple[str, Style]] | None]
) -> Rule:
    """A rule from a pattern: ``build`` gives the new pieces, or None to leave the match alone.

    A match spanning several styles (bold, italic, link) is left alone, superscript apart.
    """

    def rule(text: str, styles: list[Style]) -> Iterator[Edit]:
        for m in pattern.finditer(text):
            s, e = m.span()
            base = plain_style(styles[s]) if s < len(styles) else PLAIN
            if any(plain_style(st) != base for st in styles[s:e]):
                continue
            pieces = build(m, base)
            if pieces is None:
                continue
            yield Edit(s, e, tuple(c for t, _ in pieces for c in t), tuple(st for t, st in pieces for _ in t))

    return rule

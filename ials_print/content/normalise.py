"""The manuscript's slips of typing, corrected at load and each one recorded.

:func:`normalise_article` (or :func:`normalise_blocks`) returns the corrected story and the list of
:class:`Fix` it made — ``50%`` → ``50 %``, ``n°3`` → ``n° 3``, ``3ème`` → 3ᵉ (the ``e`` a superscript
run), ``15 mn`` → ``15 min``, ``mot - mot`` → ``mot – mot``, nested guillemets → “ ”, ``….`` → ``…`` —
plus :class:`TypoNote` for what only a person can decide (a capital ``A`` that is probably ``À``).
URLs, e-mail addresses, @handles and #hashtags are never touched; no word is added or dropped, only
spelt as printed (``3ème`` → 3ᵉ, ``mn`` → ``min``). The file itself is never rewritten.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from ials_print.content.notes import Fix, TypoNote
from ials_print.content.story import (
    Article,
    BigNumber,
    Bio,
    Block,
    Box,
    Figure,
    Heading,
    ListBlock,
    Paragraph,
    PullQuote,
    Run,
    Runs,
)
from ials_print.content.typography import NBSP, NNBSP, url_spans

__all__ = ["Change", "Fix", "TypoNote", "normalise_article", "normalise_blocks", "normalise_text"]

Style = tuple[bool, bool, bool, str | None, bool]  # bold, italic, sup, href, small capitals
_PLAIN: Style = (False, False, False, None, False)
_SPACES = " \u00a0\u202f\u2009"


# --------------------------------------------------------------------------
# A paragraph as styled characters, so that a fix may split a run
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class _Edit:
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


Rule = Callable[[str, list[Style]], Iterator[_Edit]]

_HANDLE_RE = re.compile(r"(?<![\w@#])[@#]\w[\w.\-]*\w|(?<![\w@#])[@#]\w")

_SUPERSCRIPT_LETTERS = "ᵃᵈᵉʰⁱˡᵐⁿᵒʳˢᵗ"
_SUPERSCRIPTS = str.maketrans("adehilmnorst", _SUPERSCRIPT_LETTERS)


def _display(chars: Sequence[str], styles: Sequence[Style]) -> str:
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


def _protected(text: str) -> list[tuple[int, int]]:
    return url_spans(text) + [m.span() for m in _HANDLE_RE.finditer(text)]


def _apply(text: str, styles: list[Style], edits: Sequence[_Edit], rule: str) -> tuple[str, list[Style], list[Change]]:
    """Apply the non-overlapping ``edits`` that change something and touch no URL or handle."""
    spans = _protected(text)
    chars = list(text)
    kept: list[_Edit] = []
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
        left, right = _word_before(chars, e.start, lone), _word_after(chars, e.end, lone)
        plain = text[left:right]
        before = e.before or _display(chars[left:right], styles[left:right])
        after = e.after or _display(
            [*chars[left : e.start], *e.chars, *chars[e.end : right]],
            [*styles[left : e.start], *e.styles, *styles[e.end : right]],
        )
        changes.append(Change(left, plain, before, after, rule))
    for e in reversed(kept):
        chars[e.start : e.end] = e.chars
        styles[e.start : e.end] = e.styles
    return "".join(chars), styles, changes


def _word_before(chars: Sequence[str], i: int, hop: bool = False) -> int:
    """Start of the word touching ``i`` on the left; with ``hop``, of the one a space before (for a message)."""
    j = i
    while j > 0 and chars[j - 1].isalnum():
        j -= 1
    if hop and j == i and j > 1 and chars[j - 1] in _SPACES and chars[j - 2].isalnum():
        return _word_before(chars, j - 1)
    return j


def _word_after(chars: Sequence[str], i: int, hop: bool = False) -> int:
    """End of the word touching ``i`` on the right; with ``hop``, of the one a space after."""
    j = i
    while j < len(chars) and chars[j].isalnum():
        j += 1
    if hop and j == i and j + 1 < len(chars) and chars[j] in _SPACES and chars[j + 1].isalnum():
        return _word_after(chars, j + 1)
    return j


def _plain_style(style: Style) -> Style:
    return (style[0], style[1], False, style[3], style[4])


def _with_sup(style: Style) -> Style:
    return (style[0], style[1], True, style[3], style[4])


def _regex_rule(
    pattern: re.Pattern[str], build: Callable[[re.Match[str], Style], list[tuple[str, Style]] | None]
) -> Rule:
    """A rule from a pattern: ``build`` gives the new pieces, or None to leave the match alone.

    A match spanning several styles (bold, italic, link) is left alone, superscript apart.
    """

    def rule(text: str, styles: list[Style]) -> Iterator[_Edit]:
        for m in pattern.finditer(text):
            s, e = m.span()
            base = _plain_style(styles[s]) if s < len(styles) else _PLAIN
            if any(_plain_style(st) != base for st in styles[s:e]):
                continue
            pieces = build(m, base)
            if pieces is None:
                continue
            yield _Edit(s, e, tuple(c for t, _ in pieces for c in t), tuple(st for t, st in pieces for _ in t))

    return rule


# --------------------------------------------------------------------------
# The rules
# --------------------------------------------------------------------------

_ELLIPSIS_RE = re.compile(r"(?:\.\.\.|…)\.+")


def _ellipsis(m: re.Match[str], base: Style) -> list[tuple[str, Style]]:
    return [("…", base)]


_PERCENT_RE = re.compile(r"(\d)%")  # the digit is part of the match: "#ia50%" is a hashtag's


def _percent(m: re.Match[str], base: Style) -> list[tuple[str, Style]]:
    return [(m.group(1) + NNBSP + "%", base)]


_NUMERO_RE = re.compile(rf"(?<![^\W\d_])([nN])([{_SPACES}]*)[°º]([{_SPACES}]*)")
_SENTENCE_START_RE = re.compile(r"(?:^|[.!?…]\s+|\n\s*|[«“(]\s*)$")
_CAPS_WORD_BEFORE_RE = re.compile(r"([^\W\d_]{2,})[\W\d]*$")


def _numero(m: re.Match[str], base: Style) -> list[tuple[str, Style]] | None:
    text, end = m.string, m.end()
    letter = m.group(1)
    if letter == "N":
        before = text[max(0, m.start() - 40) : m.start()]
        word = _CAPS_WORD_BEFORE_RE.search(before)
        starts = _SENTENCE_START_RE.search(before) or (word and word.group(1).isupper())
        letter = "N" if starts else "n"  # kept at a sentence's start or in a line in capitals
    digit_follows = end < len(text) and text[end].isdigit()
    return [(letter + "°" + (NBSP if digit_follows else m.group(3)), base)]


_ORDINAL_RE = re.compile(
    r"(?<![\w.,\-/\u00ad])(\d+)"
    r"(?:( ?)(ièmes?|iemes?|èmes?|emes?)|(ers?|ères?|eres?|res?|ndes?|nds?|es?))"
    r"(?![\w\u00ad'’]|-\d)"
)


def _ordinal(m: re.Match[str], base: Style) -> list[tuple[str, Style]] | None:
    number, long_suffix, suffix = m.group(1), m.group(3), m.group(4)
    plural = "s" if (long_suffix or suffix).endswith("s") else ""
    if long_suffix:
        sup = "e" + plural
    elif suffix.startswith("er"):
        if number != "1":
            return None
        sup = suffix
    elif suffix.rstrip("s") in ("ère", "ere", "re"):
        if number != "1":
            return None
        sup = "re" + plural
    elif suffix.startswith("nd"):
        if number != "2":
            return None
        sup = suffix
    else:
        sup = suffix
    return [(number, base), (sup, _with_sup(base))]


_ROMAN = r"M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})"
_ROMAN_ORDINAL_RE = re.compile(
    rf"(?<![\w.\u00ad])(?=[IVXLCDM])({_ROMAN})(ièmes?|iemes?|èmes?|emes?|es?|er)(?![\w\u00ad'’]|-\d)"
)
# "XIXe" is an ordinal before these words only: elsewhere "IIe" may be a name (the Apple IIe).
_ROMAN_NOUNS = (
    "siècle", "siècles", "millénaire", "millénaires", "arrondissement", "arrondissements", "république",
    "reich", "empire", "dynastie", "internationale", "biennale", "congrès", "concile", "édition", "session",
    "législature", "régiment", "salon", "festival", "olympiade", "olympiades",
)  # fmt: skip
_ROMAN_NOUN_AFTER_RE = re.compile(
    rf"(?:[{_SPACES}]*(?:[-–/]|et|ou|au)[{_SPACES}]*[IVXLCDM]+(?:e|ème)s?)?[{_SPACES}]+([^\W\d_]+)"
)


def _roman_ordinal(m: re.Match[str], base: Style) -> list[tuple[str, Style]] | None:
    numeral, suffix = m.group(1), m.group(2)
    if not numeral or numeral in ("L", "C", "D", "M"):  # Le, Ce, De, Me are words
        return None
    plural = "s" if suffix.endswith("s") else ""
    if suffix == "er":
        if numeral != "I":
            return None
        sup = "er"
    elif suffix.rstrip("s") == "e":
        after = _ROMAN_NOUN_AFTER_RE.match(m.string, m.end())
        if after is None or after.group(1).lower() not in _ROMAN_NOUNS:
            return None
        sup = suffix
    else:
        sup = "e" + plural
    return [(numeral, base), (sup, _with_sup(base))]


_MINUTES_RE = re.compile(r"(?<![\w.,])(\d+(?:[.,]\d+)?)([ \u00a0]?)mn(?![\w'’])")


def _minutes(m: re.Match[str], base: Style) -> list[tuple[str, Style]]:
    return [(m.group(1) + NBSP + "min", base)]


_DASH_RE = re.compile(r"(?<=\S[ \u00a0])-(?=[ \u00a0]\S)")

# "Ca" is no French word: a capital Ç typed without its cedilla (Ca va, Ca ferait…).
_CA_RE = re.compile(r"(?<![\w'’])Ca(?![\w'’])")


def _cedilla(m: re.Match[str], base: Style) -> list[tuple[str, Style]]:
    return [("Ça", base)]


def _dash(m: re.Match[str], base: Style) -> list[tuple[str, Style]]:
    return [("–", base)]


def _nested_guillemets(text: str, styles: list[Style]) -> Iterator[_Edit]:
    """« … « … » … » → « … “…” … »: a pair inside another pair becomes English quotes, unspaced."""
    stack: list[int] = []
    pairs: list[tuple[int, int]] = []
    for i, ch in enumerate(text):
        if ch == "«":
            stack.append(i)
        elif ch == "»" and stack:
            pairs.append((stack.pop(), i))
    for o, i in pairs:  # in the order they close
        # Nested: inside exactly one pair that closes (an opening « left alone encloses nothing, so
        # that a second pass finds nothing more to change).
        if sum(1 for q, j in pairs if q < o and j > i) != 1:
            continue
        a, b = o + 1, i
        while a < b and text[a] in _SPACES:
            a += 1
        while b > a and text[b - 1] in _SPACES:
            b -= 1
        chars = ("“", *text[a:b], "”")
        new_styles = (styles[o], *styles[a:b], styles[i])
        yield _Edit(
            o,
            i + 1,
            chars,
            new_styles,
            guard=((o, a), (b, i + 1)),
            before=_display(text[o : i + 1], styles[o : i + 1]),
            after=_display(chars, new_styles),
        )


RULES: tuple[tuple[str, Rule, bool], ...] = (
    # (name, rule, needs superscript runs)
    ("ellipsis", _regex_rule(_ELLIPSIS_RE, _ellipsis), False),
    ("percent", _regex_rule(_PERCENT_RE, _percent), False),
    ("n°", _regex_rule(_NUMERO_RE, _numero), False),
    ("ordinal", _regex_rule(_ORDINAL_RE, _ordinal), True),
    ("ordinal", _regex_rule(_ROMAN_ORDINAL_RE, _roman_ordinal), True),
    ("min", _regex_rule(_MINUTES_RE, _minutes), False),
    ("dash", _regex_rule(_DASH_RE, _dash), False),
    ("Ç", _regex_rule(_CA_RE, _cedilla), False),
    ("guillemets", _nested_guillemets, False),
)

# A capital A starting a sentence or a clause, before a word: most likely the preposition "À".
_A_GRAVE_RE = re.compile(
    r"(?:^|(?<=[.!?…]\s)|(?<=[.!?…]\s\s)|(?<=[.!?…]\u00a0)|(?<=,\s)|(?<=\n)|(?<=[«“(—–])|(?<=[«“(—–]\s)"
    r"|(?<=[«“(]\u202f)|(?<=[«“(]\u00a0))"
    r"A[ \u00a0]+([^\W\d_]+(?:['’][^\W\d_]*)?)"
)
_ENGLISH_AFTER_A = frozenset(
    {
        "new", "few", "lot", "little", "great", "good", "big", "very", "short", "long", "bit", "kind", "way",
        "man", "woman", "world", "day", "year", "story", "song", "life", "small", "large", "single", "perfect",
        "beautiful", "brief", "whole", "real", "true", "free", "simple", "better", "dream", "love", "journey",
        "tribute", "movie", "picture", "place", "time", "thing", "one",
    }
)  # fmt: skip


def _a_grave_notes(text: str) -> Iterator[tuple[int, str, str]]:
    spans = _protected(text)
    for m in _A_GRAVE_RE.finditer(text):
        nxt = m.group(1)
        if nxt.lower() in _ENGLISH_AFTER_A or any(s <= m.start() < e for s, e in spans):
            continue
        excerpt = text[m.start() : m.end()]
        yield m.start(), excerpt, f"'A' is probably the preposition 'À' (À {nxt}): left as written, to check"


def normalise_text(
    text: str, styles: list[Style] | None = None, *, superscripts: bool = True
) -> tuple[str, list[Style], list[Change]]:
    """Every rule over one paragraph; without ``superscripts`` (a plain string) ordinals stay as written."""
    styles = list(styles) if styles is not None else [_PLAIN] * len(text)
    changes: list[Change] = []
    for name, rule, needs_sup in RULES:
        if needs_sup and not superscripts:
            continue
        edits = list(rule(text, styles))
        if edits:
            text, styles, found = _apply(text, styles, edits, name)
            changes.extend(found)
    return text, styles, changes


# --------------------------------------------------------------------------
# Blocks and articles
# --------------------------------------------------------------------------


class _Pass:
    """One article: its source lines (to place each fix on its line) and what was found."""

    def __init__(self, source: str | None) -> None:
        self.lines = source.splitlines() if source else []
        self.fixes: list[Fix] = []
        self.notes: list[TypoNote] = []
        self.first = self.last = 0

    def span(self, first: int, last: int) -> None:
        """Lines ``first``–``last`` hold the block being read."""
        self.first, self.last = first, last

    def _line(self, plain: str, nth: int) -> int:
        """The line of the ``nth`` occurrence of ``plain`` within the block, else the block's first line."""
        if not plain:
            return self.first
        seen = 0
        for n in range(self.first, min(self.last, len(self.lines)) + 1):
            seen += self.lines[n - 1].count(plain)
            if seen > nth:
                return n
        return self.first

    def _record(self, old: str, changes: list[Change], new: str) -> None:
        for c in changes:
            self.fixes.append(Fix(self._line(c.plain, old[: c.position].count(c.plain)), c.before, c.after, c.rule))
        for pos, excerpt, message in _a_grave_notes(new):
            self.notes.append(TypoNote(self._line(excerpt, new[:pos].count(excerpt)), excerpt, message, "A → À"))

    def runs(self, runs: Runs) -> Runs:
        text = "".join(r.text for r in runs)
        styles = [(r.bold, r.italic, r.sup, r.href, r.smallcaps) for r in runs for _ in r.text]
        new, new_styles, changes = normalise_text(text, styles)
        self._record(text, changes, new)
        if not changes:
            return runs
        out: list[Run] = []
        i = 0
        while i < len(new):
            j = i
            while j < len(new) and new_styles[j] == new_styles[i]:
                j += 1
            bold, italic, sup, href, smallcaps = new_styles[i]
            out.append(Run(new[i:j], bold, italic, sup, href, smallcaps))
            i = j
        return tuple(out)

    def string(self, text: str) -> str:
        new, _, changes = normalise_text(text, superscripts=False)
        self._record(text, changes, new)
        return new


def _block(block: Block, p: _Pass) -> Block:
    replace = dataclasses.replace
    if isinstance(block, Heading | Paragraph | PullQuote):
        return replace(block, runs=p.runs(block.runs))
    if isinstance(block, ListBlock):
        return replace(block, items=tuple(p.runs(item) for item in block.items))
    if isinstance(block, Figure):
        return replace(block, caption=p.runs(block.caption))
    if isinstance(block, Bio):
        return replace(block, name=p.string(block.name), paragraphs=tuple(p.runs(x) for x in block.paragraphs))
    if isinstance(block, Box):
        return replace(block, title=p.string(block.title), paragraphs=tuple(p.runs(x) for x in block.paragraphs))
    if isinstance(block, BigNumber):
        return replace(block, figure=p.string(block.figure), legend=tuple(p.runs(x) for x in block.legend))
    return block  # PageBreak


def _blocks(blocks: Sequence[Block], p: _Pass) -> tuple[Block, ...]:
    out: list[Block] = []
    end = len(p.lines) or 1 << 30
    for k, block in enumerate(blocks):
        nxt = next((b.line for b in blocks[k + 1 :] if b.line > block.line), end + 1)
        p.span(block.line, nxt - 1)
        out.append(_block(block, p))
    return tuple(out)


def _sorted(p: _Pass) -> tuple[list[Fix], list[TypoNote]]:
    return sorted(p.fixes, key=lambda f: f.line), sorted(p.notes, key=lambda n: n.line)


def normalise_blocks(
    blocks: Sequence[Block], source: str | None = None
) -> tuple[tuple[Block, ...], list[Fix], list[TypoNote]]:
    """Corrected blocks, the fixes made and the notes; ``source`` (the file's text) places each on its line."""
    p = _Pass(source)
    out = _blocks(blocks, p)
    fixes, notes = _sorted(p)
    return out, fixes, notes


_META_FIELDS = ("kicker", "title", "subtitle", "byline", "standfirst", "signature", "epigraph", "epigraph_source")


def _front_matter_lines(lines: list[str]) -> dict[str, tuple[int, int]]:
    """Each front-matter key's lines (first, last), 1-based."""
    if not lines or lines[0].strip() != "---":
        return {}
    end = next((n for n in range(2, len(lines) + 1) if lines[n - 1].strip() == "---"), len(lines))
    starts = [
        (n, m.group(1)) for n in range(2, end) if (m := re.match(r"([A-Za-z_]\w*)\s*:", lines[n - 1])) is not None
    ]
    return {key: (n, (starts[i + 1][0] - 1) if i + 1 < len(starts) else end - 1) for i, (n, key) in enumerate(starts)}


def normalise_article(article: Article, source: str | None = None) -> tuple[Article, list[Fix], list[TypoNote]]:
    """The article corrected (front matter strings and blocks), the fixes made and the notes."""
    p = _Pass(source)
    where = _front_matter_lines(p.lines)
    update: dict[str, str] = {}
    for name in _META_FIELDS:
        value = getattr(article.meta, name)
        if not value:
            continue
        p.span(*where.get(name, (1, 1)))
        new = p.string(value)
        if new != value:
            update[name] = new
    meta = article.meta.model_copy(update=update) if update else article.meta
    blocks = _blocks(article.blocks, p)
    fixes, notes = _sorted(p)
    return Article(meta, blocks), fixes, notes

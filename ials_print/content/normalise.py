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
from collections.abc import Iterator, Sequence

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
from ials_print.content.styled import (
    PLAIN,
    SPACES,
    Change,
    Edit,
    Rule,
    Style,
    apply_edits,
    display,
    protected,
    regex_rule,
    with_sup,
)
from ials_print.content.typography import NBSP, NNBSP

__all__ = ["Change", "Fix", "TypoNote", "normalise_article", "normalise_blocks", "normalise_text"]

# --------------------------------------------------------------------------
# The rules
# --------------------------------------------------------------------------

_ELLIPSIS_RE = re.compile(r"(?:\.\.\.|…)\.+")


def _ellipsis(m: re.Match[str], base: Style) -> list[tuple[str, Style]]:
    return [("…", base)]


_PERCENT_RE = re.compile(r"(\d)%")  # the digit is part of the match: "#ia50%" is a hashtag's


def _percent(m: re.Match[str], base: Style) -> list[tuple[str, Style]]:
    return [(m.group(1) + NNBSP + "%", base)]


_NUMERO_RE = re.compile(rf"(?<![^\W\d_])([nN])([{SPACES}]*)[°º]([{SPACES}]*)")
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
    return [(number, base), (sup, with_sup(base))]


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
    rf"(?:[{SPACES}]*(?:[-–/]|et|ou|au)[{SPACES}]*[IVXLCDM]+(?:e|ème)s?)?[{SPACES}]+([^\W\d_]+)"
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
    return [(numeral, base), (sup, with_sup(base))]


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


def _nested_guillemets(text: str, styles: list[Style]) -> Iterator[Edit]:
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
        while a < b and text[a] in SPACES:
            a += 1
        while b > a and text[b - 1] in SPACES:
            b -= 1
        chars = ("“", *text[a:b], "”")
        new_styles = (styles[o], *styles[a:b], styles[i])
        yield Edit(
            o,
            i + 1,
            chars,
            new_styles,
            guard=((o, a), (b, i + 1)),
            before=display(text[o : i + 1], styles[o : i + 1]),
            after=display(chars, new_styles),
        )


RULES: tuple[tuple[str, Rule, bool], ...] = (
    # (name, rule, needs superscript runs)
    ("ellipsis", regex_rule(_ELLIPSIS_RE, _ellipsis), False),
    ("percent", regex_rule(_PERCENT_RE, _percent), False),
    ("n°", regex_rule(_NUMERO_RE, _numero), False),
    ("ordinal", regex_rule(_ORDINAL_RE, _ordinal), True),
    ("ordinal", regex_rule(_ROMAN_ORDINAL_RE, _roman_ordinal), True),
    ("min", regex_rule(_MINUTES_RE, _minutes), False),
    ("dash", regex_rule(_DASH_RE, _dash), False),
    ("Ç", regex_rule(_CA_RE, _cedilla), False),
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
    spans = protected(text)
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
    styles = list(styles) if styles is not None else [PLAIN] * len(text)
    changes: list[Change] = []
    for name, rule, needs_sup in RULES:
        if needs_sup and not superscripts:
            continue
        edits = list(rule(text, styles))
        if edits:
            text, styles, found = apply_edits(text, styles, edits, name)
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

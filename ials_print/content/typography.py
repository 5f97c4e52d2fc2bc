"""French micro-typography and hyphenation for plain-text runs.

All functions work on *plain text* (no markup inside); the caller applies
them to each text run of a paragraph.

* :func:`french_typography` — apostrophes, guillemets, narrow no-break spaces
  before high punctuation, ellipsis, thousands separators, percent sign.
* :func:`hyphenate` — inserts soft hyphens (U+00AD) at pyphen's positions.
* :func:`typeset` — both, in that order.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

import pyphen

__all__ = ["french_typography", "hyphenate", "typeset"]

NNBSP = "\u202f"  # NARROW NO-BREAK SPACE
SHY = "\u00ad"  # SOFT HYPHEN
RSQUO = "\u2019"  # RIGHT SINGLE QUOTATION MARK (typographic apostrophe)
ELLIPSIS = "\u2026"

# Horizontal spaces that may precede high punctuation, sit inside guillemets
# or separate digit groups (not newlines, not zero-width spaces).
_SP = "[ \u00a0\u2000-\u200a\u202f]"

# Tokens that must never be touched: URLs, e-mail addresses, bare domains.
_URL_END = "[^\\s<>\"«».,;:!?\u2026)\\]'\u2019]"
_PROTECTED_RE = re.compile(
    r"(?:\b[A-Za-z][A-Za-z0-9+.\-]*://|\bwww\.|\bmailto:)"
    rf"(?:[^\s<>\"«»]*{_URL_END})?"
    r"|[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+"
    r"|\b[\w\-]+(?:\.[\w\-]+)*\.[a-z]{2,}\b"
    rf"(?:/(?:[^\s<>\"«»]*{_URL_END})?)?"
)

_ELLIPSIS_RE = re.compile(r"\.\.\.")
_APOSTROPHE_RE = re.compile(r"(?<=[^\W\d_])'")
_OPEN_GUILLEMET_RE = re.compile(rf"«{_SP}*")
_CLOSE_GUILLEMET_RE = re.compile(rf"{_SP}*»")
# Spaces (possibly none) before the first mark of a run of ; : ! ?
_HIGH_PUNCT_RE = re.compile(rf"(?<=[\w»)\]])({_SP}*)([;:!?])")
_LEADING_HIGH_PUNCT_RE = re.compile(rf"^{_SP}+(?=[;:!?])")
_THOUSANDS_RE = re.compile(rf"(?<!\d)\d{{1,3}}(?:{_SP}\d{{3}})+(?!\d)")
_PERCENT_RE = re.compile(rf"(?<=\d){_SP}+%")

# Characters that make a straight double quote an opening / closing one.
_BEFORE_OPENING = "([{«"
_AFTER_CLOSING = ".,;:!?\u2026)]}»"


def _protected_spans(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _PROTECTED_RE.finditer(text)]


def _sub_outside(
    pattern: re.Pattern[str],
    repl: str | Callable[[re.Match[str]], str],
    text: str,
) -> str:
    """``pattern.sub`` that leaves matches overlapping a protected token alone."""
    spans = _protected_spans(text)

    def _repl(m: re.Match[str]) -> str:
        start, end = m.span()
        end = max(end, start + 1)
        if any(s < end and start < e for s, e in spans):
            return m.group(0)
        return repl(m) if callable(repl) else m.expand(repl)

    return pattern.sub(_repl, text)


def _quote_class(text: str, i: int) -> str | None:
    """Classify the straight quote at ``text[i]`` as "open", "close" or None."""
    prev = text[i - 1] if i > 0 else ""
    nxt = text[i + 1] if i + 1 < len(text) else ""
    opening_context = prev == "" or prev.isspace() or prev in _BEFORE_OPENING
    closing_context = nxt == "" or nxt.isspace() or nxt in _AFTER_CLOSING
    if opening_context and not closing_context:
        return "open"
    if closing_context and not opening_context:
        return "close"
    return None


def _convert_double_quotes(text: str) -> str:
    """Turn straight double quotes into guillemets.

    Quotes whose context is clear (start of a word / end of a word) are
    converted accordingly; ambiguous ones alternate.  A final ambiguous quote
    with no partner is left as is (it may be closed in another text run).
    """
    spans = _protected_spans(text)
    positions = [i for i, ch in enumerate(text) if ch == '"' and not any(s <= i < e for s, e in spans)]
    if not positions:
        return text
    chars = list(text)
    inside = False
    for n, i in enumerate(positions):
        cls = _quote_class(text, i)
        if cls is None:
            if inside:
                cls = "close"
            elif n + 1 < len(positions):
                cls = "open"
            else:
                continue
        chars[i] = "«" if cls == "open" else "»"
        inside = cls == "open"
    return "".join(chars)


def _high_punct(m: re.Match[str]) -> str:
    spaces, mark = m.group(1), m.group(2)
    if not spaces and mark == ":":
        text, start = m.string, m.start()
        before = text[start - 1] if start > 0 else ""
        after = text[m.end()] if m.end() < len(text) else ""
        if before.isdigit() and after.isdigit():  # 10:30, 3:4
            return m.group(0)
    return NNBSP + mark


def _thousands(m: re.Match[str]) -> str:
    return re.sub(_SP, NNBSP, m.group(0))


def french_typography(text: str) -> str:
    """Apply French typographic rules to a plain-text run.

    Straight apostrophes after a letter become ’; paired straight double
    quotes become « » ; the inside of guillemets and the space before
    ``; : ! ?`` (after a word, » or a closing bracket) become exactly one
    U+202F; ``...`` becomes …; digit groups ``40 000`` and ``40 %`` get
    U+202F.  URLs, e-mail addresses, times/ratios (``10:30``) are left alone.
    The function is idempotent and never alters letters or digits.
    """
    text = _sub_outside(_ELLIPSIS_RE, ELLIPSIS, text)
    text = _sub_outside(_APOSTROPHE_RE, RSQUO, text)
    text = _convert_double_quotes(text)
    text = _sub_outside(_OPEN_GUILLEMET_RE, "«" + NNBSP, text)
    text = _sub_outside(_CLOSE_GUILLEMET_RE, NNBSP + "»", text)
    text = _sub_outside(_HIGH_PUNCT_RE, _high_punct, text)
    text = _sub_outside(_LEADING_HIGH_PUNCT_RE, NNBSP, text)
    text = _sub_outside(_THOUSANDS_RE, _thousands, text)
    text = _sub_outside(_PERCENT_RE, NNBSP + "%", text)
    return text


# --------------------------------------------------------------------------
# Hyphenation
# --------------------------------------------------------------------------

_APOSTROPHES = "'\u2019"
# A "word": word characters (and soft hyphens, so that already hyphenated
# words are recognised) joined by apostrophes.  Hard hyphens split words, so
# each part of a compound is handled separately.
_WORD_RE = re.compile(r"[\w\u00ad]+(?:['\u2019][\w\u00ad]+)*")
_ELISIONS = frozenset(
    {"c", "ç", "d", "j", "l", "m", "n", "s", "t",
     "qu", "jusqu", "lorsqu", "puisqu", "quoiqu", "presqu"}
)  # fmt: skip
_ELISION_RE = re.compile(r"([^\W\d_]+)['\u2019](?=\w)")


@functools.lru_cache(maxsize=16)
def _dictionary(lang: str, left: int, right: int) -> pyphen.Pyphen:
    return pyphen.Pyphen(lang=lang, left=left, right=right)


def _is_acronym(word: str) -> bool:
    """ALL CAPS (or mostly caps, like "LLMs") words of at most 5 letters."""
    if len(word) > 5:
        return False
    return word.isupper() or sum(ch.isupper() for ch in word) >= 2


def _hyphenate_word(word: str, dic: pyphen.Pyphen, min_word: int) -> str:
    if SHY in word or any(ch.isdigit() or ch == "_" for ch in word):
        return word
    # Strip elided articles/pronouns: l’, d’, qu’, jusqu’…
    prefix = ""
    rest = word
    while True:
        m = _ELISION_RE.match(rest)
        if m is None or m.group(1).lower() not in _ELISIONS:
            break
        prefix += m.group(0)
        rest = rest[m.end() :]
    letters = sum(ch.isalpha() for ch in rest)
    if letters < min_word or _is_acronym(rest):
        return word
    cuts = [
        p
        for p in dic.positions(rest)
        if 0 < p < len(rest) and rest[p - 1] not in _APOSTROPHES and rest[p] not in _APOSTROPHES
    ]
    if not cuts:
        return word
    pieces = []
    last = 0
    for p in sorted(set(cuts)):
        pieces.append(rest[last:p])
        last = p
    pieces.append(rest[last:])
    return prefix + SHY.join(pieces)


def hyphenate(
    text: str,
    lang: str = "fr_FR",
    left: int = 3,
    right: int = 3,
    min_word: int = 6,
) -> str:
    """Insert soft hyphens (U+00AD) into every word of ≥ ``min_word`` letters.

    Positions come from ``pyphen.Pyphen(lang, left, right)``.  Elided prefixes
    (l’, d’, qu’…) are skipped, compounds are hyphenated part by part, and
    URLs, e-mail addresses, words with digits, words already containing a soft
    hyphen and short acronyms are left untouched.  Removing every U+00AD from
    the result gives back ``text``.
    """
    dic = _dictionary(lang, left, right)
    spans = _protected_spans(text)

    def _repl(m: re.Match[str]) -> str:
        start, end = m.span()
        if any(s < end and start < e for s, e in spans):
            return m.group(0)
        return _hyphenate_word(m.group(0), dic, min_word)

    return _WORD_RE.sub(_repl, text)


def typeset(text: str, lang: str = "fr_FR") -> str:
    """French typography then hyphenation: ``hyphenate(french_typography(text))``."""
    return hyphenate(french_typography(text), lang=lang)

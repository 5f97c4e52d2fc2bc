"""French micro-typography and hyphenation for plain-text runs.

All functions work on *plain text* (no markup inside); the caller applies
them to each text run of a paragraph.

* :func:`french_typography` — apostrophes, guillemets, narrow no-break spaces
  before high punctuation, ellipsis, thousands separators, percent sign,
  no-break space between a number and its unit.
* :class:`Hyphenator` — marks break opportunities for the paragraph composer:
  soft hyphens (U+00AD) inside words, zero-width spaces (U+200B) inside URLs
  and e-mail addresses; :func:`hyphenate` uses a default one.
* :func:`typeset` — both, in that order.

The composer's contract: U+00AD is a discretionary break printing a hyphen,
U+200B a break printing nothing, an explicit hyphen between letters a break by
itself, U+00A0 a space that never breaks, U+202F a narrow one that never breaks.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

import pyphen

if TYPE_CHECKING:
    from ials_print.manifest.load import Issue

__all__ = ["Hyphenator", "french_typography", "hyphenate", "make_hyphenator", "typeset", "url_spans"]

NBSP = "\u00a0"  # NO-BREAK SPACE
NNBSP = "\u202f"  # NARROW NO-BREAK SPACE
SHY = "\u00ad"  # SOFT HYPHEN
ZWSP = "\u200b"  # ZERO WIDTH SPACE
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

# Units and counted nouns bound to the number before them by a no-break space ("75 ans", "2 h").
# A list, not a guess: "en 2024 les" stays breakable.
UNITS = frozenset(
    {
        # time
        "h", "min", "s", "ms", "an", "ans", "mois", "jour", "jours", "semaine", "semaines", "heure", "heures",
        "minute", "minutes", "seconde", "secondes", "année", "années", "siècle", "siècles", "décennies",
        # measures and data
        "km", "m", "cm", "mm", "kg", "g", "mg", "Ko", "Mo", "Go", "To", "ko", "Mb", "Gb", "Hz", "kHz", "MHz", "GHz",
        "px", "dpi", "ppi", "pt", "°C", "°F", "€", "$", "£", "k€", "M€", "Md€",
        # amounts
        "fois", "million", "millions", "milliard", "milliards", "millier", "milliers", "euro", "euros",
        "dollar", "dollars",
        # counted nouns
        "page", "pages", "image", "images", "vidéo", "vidéos", "photo", "photos", "personne", "personnes",
        "mot", "mots", "titre", "titres", "morceau", "morceaux", "album", "albums", "film", "films",
        "épisode", "épisodes", "numéro", "numéros", "exemplaire", "exemplaires", "pays", "ville", "villes",
        "étudiant", "étudiants", "étudiantes", "élève", "élèves", "salarié", "salariés", "employés",
        "utilisateur", "utilisateurs", "abonné", "abonnés", "membre", "membres", "artiste", "artistes",
        "créateur", "créateurs", "créatrices", "marque", "marques", "modèle", "modèles", "look", "looks",
        "pièce", "pièces", "œuvre", "œuvres", "prompt", "prompts", "version", "versions", "client", "clients",
        "projet", "projets", "outil", "outils", "collection", "collections", "vue", "vues", "followers",
    }
)  # fmt: skip
_NUMBER_UNIT_RE = re.compile(
    rf"(?<![\w.,])(\d+(?:[{NNBSP}{NBSP}]\d{{3}})*(?:[.,]\d+)?) "
    rf"(?=(?:{'|'.join(re.escape(u) for u in sorted(UNITS, key=len, reverse=True))})(?![\w'’]))"
)

# Characters that make a straight double quote an opening / closing one.
_BEFORE_OPENING = "([{«"
_AFTER_CLOSING = ".,;:!?\u2026)]}»"


def url_spans(text: str) -> list[tuple[int, int]]:
    """Where the URLs, e-mail addresses and bare domains of ``text`` are.

    Soft hyphens and zero-width spaces already inserted (by :class:`Hyphenator`) are looked through,
    so that marking the breaks twice marks them once.
    """
    if ZWSP not in text and SHY not in text:
        return [m.span() for m in _PROTECTED_RE.finditer(text)]
    index = [i for i, ch in enumerate(text) if ch not in (ZWSP, SHY)]
    bare = "".join(text[i] for i in index)
    return [(index[s], index[e - 1] + 1) for s, e in (m.span() for m in _PROTECTED_RE.finditer(bare)) if e > s]


_protected_spans = url_spans


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
    U+202F; the space between a number and a unit or counted noun of
    :data:`UNITS` (``75 ans``, ``2 h``) becomes U+00A0.  URLs, e-mail
    addresses, times/ratios (``10:30``) are left alone.
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
    text = _sub_outside(_NUMBER_UNIT_RE, rf"\1{NBSP}", text)
    return text


# --------------------------------------------------------------------------
# Hyphenation
# --------------------------------------------------------------------------

_APOSTROPHES = "'\u2019"
# A token: word characters (and soft hyphens, so that already hyphenated words
# are recognised) joined by apostrophes or hard hyphens.  A compound is then
# hyphenated part by part, never next to its hard hyphens.
_TOKEN_RE = re.compile(r"[\w\u00ad]+(?:['\u2019\-][\w\u00ad]+)*")
_ELISIONS = frozenset(
    {"c", "ç", "d", "j", "l", "m", "n", "s", "t",
     "qu", "jusqu", "lorsqu", "puisqu", "quoiqu", "presqu"}
)  # fmt: skip
_ELISION_RE = re.compile(r"([^\W\d_]+)['\u2019](?=\w)")
# Characters of a URL after which a line may break (U+200B inserted after a run of them).
URL_BREAKS = "/.-_@"


@functools.lru_cache(maxsize=16)
def _dictionary(lang: str, left: int, right: int) -> pyphen.Pyphen:
    return pyphen.Pyphen(lang=lang, left=left, right=right)


def _key(word: str) -> str:
    """How words are compared with the exceptions and the never list: no case, one apostrophe."""
    return word.replace(SHY, "").replace("\u2019", "'").lower()


def _split_elision(word: str) -> tuple[str, str]:
    """``"qu’aujourd’hui"`` → ``("qu’", "aujourd’hui")``: elided articles and pronouns come off."""
    prefix, rest = "", word
    while (m := _ELISION_RE.match(rest)) is not None and m.group(1).lower() in _ELISIONS:
        prefix += m.group(0)
        rest = rest[m.end() :]
    return prefix, rest


def break_url(url: str) -> str:
    """Insert U+200B after each run of ``/ . - _ @`` that more of ``url`` follows."""
    out: list[str] = []
    for i, ch in enumerate(url):
        out.append(ch)
        nxt = url[i + 1] if i + 1 < len(url) else ""
        if ch in URL_BREAKS and nxt and nxt not in URL_BREAKS and nxt != ZWSP:
            out.append(ZWSP)
    return "".join(out)


class Hyphenator:
    """Marks where lines may break: soft hyphens in words, zero-width spaces in URLs.

    Positions come from pyphen's patterns for ``lang``, at least ``left`` letters
    before a break and ``right`` after it, in words of at least ``min_word``
    letters.  Never hyphenated: capitalised words (unless ``capitalised``),
    words with two capitals or more (LLMs, OpenAI, ChatGPT, DALL-E), words with
    digits, @handles, #hashtags, URLs and e-mail addresses, and the ``never``
    words.  ``exceptions`` are words written with hyphens at their only allowed
    break points ("Mid-jour-ney"); they override the patterns and the rules on
    capitals and length.  Both lists are compared without case.
    """

    def __init__(
        self,
        lang: str = "fr_FR",
        left: int = 2,
        right: int = 3,
        min_word: int = 5,
        exceptions: Iterable[str] = (),
        never: Iterable[str] = (),
        capitalised: bool = False,
    ) -> None:
        self.lang, self.left, self.right, self.min_word = lang, left, right, min_word
        self.capitalised = capitalised
        self._dic = _dictionary(lang, left, right)
        self._exceptions: dict[str, tuple[int, ...]] = {}
        for entry in exceptions:
            parts = entry.replace(SHY, "").split("-")
            cuts = tuple(sum(len(p) for p in parts[:n]) for n in range(1, len(parts)))
            self._exceptions[_key("".join(parts))] = cuts
        self._never = frozenset(_key(w) for w in never)
        self._words: dict[str, str] = {}

    def __repr__(self) -> str:
        return (
            f"Hyphenator(lang={self.lang!r}, left={self.left}, right={self.right}, min_word={self.min_word}, "
            f"exceptions={len(self._exceptions)}, never={len(self._never)}, capitalised={self.capitalised})"
        )

    def word(self, word: str) -> str:
        """One word (no hard hyphen): soft hyphens inserted where it may break (remembered)."""
        found = self._words.get(word)
        if found is None:
            found = self._words[word] = self._word(word)
        return found

    def _word(self, word: str) -> str:
        if SHY in word or any(ch.isdigit() or ch == "_" for ch in word):
            return word
        prefix, rest = _split_elision(word)
        key = _key(rest)
        if not rest or key in self._never or _key(word) in self._never:
            return word
        if key in self._exceptions:
            cuts = [p for p in self._exceptions[key] if 0 < p < len(rest)]
        else:
            if sum(ch.isalpha() for ch in rest) < self.min_word or sum(ch.isupper() for ch in rest) >= 2:
                return word
            if rest[0].isupper() and not self.capitalised:
                return word
            cuts = [p for p in self._dic.positions(rest) if 0 < p < len(rest) and not _near_apostrophe(rest, p)]
        if not cuts:
            return word
        pieces, last = [], 0
        for p in sorted(set(cuts)):
            pieces.append(rest[last:p])
            last = p
        pieces.append(rest[last:])
        return prefix + SHY.join(pieces)

    def hyphenate(self, text: str) -> str:
        """``text`` with U+00AD in its words and U+200B in its URLs; nothing else changes."""
        spans = url_spans(text)
        edits: list[tuple[int, int, str]] = [(s, e, break_url(text[s:e])) for s, e in spans]
        for m in _TOKEN_RE.finditer(text):
            start, end = m.span()
            if any(s < end and start < e for s, e in spans):
                continue
            if start > 0 and text[start - 1] in "@#":  # @handle, #hashtag
                continue
            token = m.group(0)
            if "-" in token and _key(_split_elision(token)[1]) in self._never:
                continue
            new = "-".join(self.word(part) for part in token.split("-"))
            if new != token:
                edits.append((start, end, new))
        if not edits:
            return text
        out: list[str] = []
        last = 0
        for start, end, new in sorted(edits):
            out.append(text[last:start])
            out.append(new)
            last = end
        out.append(text[last:])
        return "".join(out)


def _near_apostrophe(word: str, p: int) -> bool:
    """A break touching an apostrophe, or leaving one letter before it ("aujour-d’hui")."""
    return any(0 <= i < len(word) and word[i] in _APOSTROPHES for i in (p - 1, p, p + 1))


@functools.lru_cache(maxsize=16)
def _default_hyphenator(lang: str, left: int, right: int, min_word: int) -> Hyphenator:
    return Hyphenator(lang, left, right, min_word)


def hyphenate(
    text: str,
    lang: str = "fr_FR",
    left: int = 2,
    right: int = 3,
    min_word: int = 5,
) -> str:
    """Mark the break opportunities of ``text`` with a default :class:`Hyphenator`.

    Removing every U+00AD and U+200B from the result gives back ``text``.
    """
    return _default_hyphenator(lang, left, right, min_word).hyphenate(text)


def make_hyphenator(issue: Issue) -> Hyphenator:
    """The issue's hyphenator: the manifest's ``hyphenation`` lists, the stylesheet's ``hyphenate_capitalised``."""
    lists = issue.manifest.hyphenation
    sheet = issue.stylesheet
    return Hyphenator(
        lang=_PYPHEN_LANG.get(issue.manifest.issue.language, issue.manifest.issue.language),
        exceptions=lists.exceptions,
        never=lists.never,
        capitalised=bool(sheet is not None and sheet.hyphenate_capitalised),
    )


_PYPHEN_LANG = {"fr": "fr_FR"}


def typeset(text: str, lang: str = "fr_FR") -> str:
    """French typography then hyphenation: ``hyphenate(french_typography(text))``."""
    return hyphenate(french_typography(text), lang=lang)

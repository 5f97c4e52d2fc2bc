"""Tests for ials_print.content.typography."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ials_print.content.typography import Hyphenator, french_typography, hyphenate, typeset

NNBSP = "\u202f"
NBSP = "\u00a0"
THIN = "\u2009"
SHY = "\u00ad"
ZWSP = "\u200b"


# ---------------------------------------------------------------------------
# french_typography — examples
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("src", "expected"),
    [
        ("l'IA", "l’IA"),
        ("aujourd'hui", "aujourd’hui"),
        ("la Com'", "la Com’"),
        ("qu'il", "qu’il"),
        ("l’IA", "l’IA"),
        ("les années '90", "les années '90"),  # not after a letter
    ],
)
def test_apostrophe(src: str, expected: str) -> None:
    assert french_typography(src) == expected


@pytest.mark.parametrize(
    ("src", "expected"),
    [
        ('Il dit "bonjour".', f"Il dit «{NNBSP}bonjour{NNBSP}»."),
        ('"a" et "b"', f"«{NNBSP}a{NNBSP}» et «{NNBSP}b{NNBSP}»"),
        ('un " mot " espacé', f"un «{NNBSP}mot{NNBSP}» espacé"),
        ("«bonjour»", f"«{NNBSP}bonjour{NNBSP}»"),
        ("« bonjour »", f"«{NNBSP}bonjour{NNBSP}»"),
        (f"«{NBSP}bonjour{NBSP}»", f"«{NNBSP}bonjour{NNBSP}»"),
        (f"«{NNBSP}bonjour{NNBSP}»", f"«{NNBSP}bonjour{NNBSP}»"),
        (f"«  {NBSP}bonjour {THIN}»", f"«{NNBSP}bonjour{NNBSP}»"),
        # a lone ambiguous quote (closed in another run) stays straight
        ('"', '"'),
    ],
)
def test_quotes(src: str, expected: str) -> None:
    assert french_typography(src) == expected


@pytest.mark.parametrize("sep", ["", " ", NBSP, THIN, NNBSP, "  "])
@pytest.mark.parametrize("mark", [";", ":", "!", "?"])
def test_high_punctuation_space(sep: str, mark: str) -> None:
    assert french_typography(f"Vraiment{sep}{mark} oui") == f"Vraiment{NNBSP}{mark} oui"


@pytest.mark.parametrize(
    ("src", "expected"),
    [
        ("Quoi?!", f"Quoi{NNBSP}?!"),
        ("Quoi ?!", f"Quoi{NNBSP}?!"),
        ("Non!!", f"Non{NNBSP}!!"),
        ("« Oui » !", f"«{NNBSP}Oui{NNBSP}»{NNBSP}!"),
        ("(voir p. 3) :", f"(voir p.{' '}3){NNBSP}:"),
        ("Q: la question", f"Q{NNBSP}: la question"),
        ("Il y en a 3 !", f"Il y en a 3{NNBSP}!"),
    ],
)
def test_high_punctuation_cases(src: str, expected: str) -> None:
    assert french_typography(src) == expected


@pytest.mark.parametrize(
    "src",
    [
        "Rendez-vous à 10:30 précises",
        "un format 3:4 ou 16:9",
        "voir https://example.org/a?b=1;c=2:3!x",
        "voir http://example.org/",
        "http://",
        "écrire à jean.dupont@ials.fr",
        "www.ials.fr/page?x=1",
    ],
)
def test_high_punctuation_exceptions(src: str) -> None:
    assert french_typography(src) == src


def test_url_followed_by_punctuation() -> None:
    assert french_typography("Voir https://ials.fr/a?x=1 !") == f"Voir https://ials.fr/a?x=1{NNBSP}!"
    assert french_typography("Site : https://ials.fr.") == f"Site{NNBSP}: https://ials.fr."


def test_leading_space_before_mark_in_run() -> None:
    # the run follows e.g. a bold word in the previous run
    assert french_typography(" : la suite") == f"{NNBSP}: la suite"


@pytest.mark.parametrize(
    ("src", "expected"),
    [
        ("Attendez...", "Attendez…"),
        ("et... puis", "et… puis"),
        ("....", "…."),
    ],
)
def test_ellipsis(src: str, expected: str) -> None:
    assert french_typography(src) == expected


@pytest.mark.parametrize(
    ("src", "expected"),
    [
        ("40 %", f"40{NNBSP}%"),
        (f"40{NBSP}%", f"40{NNBSP}%"),
        ("40%", "40%"),
        ("40 000 personnes", f"40{NNBSP}000{NBSP}personnes"),  # a counted noun: no-break space
        ("1 234 567", f"1{NNBSP}234{NNBSP}567"),
        ("+ 40 104 %", f"+ 40{NNBSP}104{NNBSP}%"),
        ("en 2023 200 personnes", f"en 2023 200{NBSP}personnes"),  # 4-digit head: a year, not grouped
        ("01 23 45 67 89", "01 23 45 67 89"),  # not groups of 3
    ],
)
def test_numbers(src: str, expected: str) -> None:
    assert french_typography(src) == expected


@pytest.mark.parametrize(
    ("src", "expected"),
    [
        ("à 75 ans", f"à 75{NBSP}ans"),
        ("en 15 min", f"en 15{NBSP}min"),
        ("3 jours plus tard", f"3{NBSP}jours plus tard"),
        ("40 000 euros", f"40{NNBSP}000{NBSP}euros"),
        ("à 2 h du matin", f"à 2{NBSP}h du matin"),
        ("10 km", f"10{NBSP}km"),
        ("1,5 Go", f"1,5{NBSP}Go"),
        ("30 €", f"30{NBSP}€"),
        ("5 %", f"5{NNBSP}%"),
        ("en 2024 les images", "en 2024 les images"),  # a year before an ordinary word
        ("en 1980 s'est", "en 1980 s’est"),  # s’ is an elision, not seconds
        ("3 minutes", f"3{NBSP}minutes"),
        ("3 mots", f"3{NBSP}mots"),
        ("3 ministres", "3 ministres"),  # not in the list
        ("GPT4 ans", "GPT4 ans"),  # not a number standing alone
        ("https://ials.fr/75 ans", "https://ials.fr/75 ans"),  # inside a URL
    ],
)
def test_number_and_unit_bound(src: str, expected: str) -> None:
    assert french_typography(src) == expected
    assert french_typography(expected) == expected


def test_idempotence_examples() -> None:
    for src in [
        "Il dit : \"l'IA, c'est l'avenir\"... Vraiment ?! 40 000 soit 12 % à 10:30.",
        "« Déjà » ; voir https://ials.fr/x?y=1 !",
        '" " "',
        'a"b"c"',
    ]:
        once = french_typography(src)
        assert french_typography(once) == once


# ---------------------------------------------------------------------------
# hyphenate — examples
# ---------------------------------------------------------------------------


def _parts(text: str) -> list[str]:
    return text.split(SHY)


def test_hyphenate_simple_word() -> None:
    out = hyphenate("organisation")
    assert SHY in out
    assert out.replace(SHY, "") == "organisation"


def test_hyphenate_elision_part_after_apostrophe() -> None:
    out = hyphenate("l’organisation")
    assert out.startswith("l’")
    assert SHY in out.split("’", 1)[1]
    assert SHY in hyphenate("d’intelligence").split("’", 1)[1]
    qa = hyphenate("qu’aujourd’hui")
    assert qa.startswith("qu’") and SHY in qa[3:]
    assert SHY in hyphenate("l'organisation")  # straight apostrophe too


@pytest.mark.parametrize(
    "src",
    [
        f"«{NNBSP}extraordinaire{NNBSP}»",
        "(révolutionner)",
        "technologies,",
        "«extraordinaire»",
    ],
)
def test_hyphenate_glued_punctuation(src: str) -> None:
    out = hyphenate(src)
    assert SHY in out
    assert out.replace(SHY, "") == src


def test_hyphenate_compounds() -> None:
    assert hyphenate("vis-à-vis") == "vis-à-vis"
    out = hyphenate("intelligence-organisation")
    left, right = out.split("-")
    assert SHY in left and SHY in right
    assert SHY + "-" not in out and "-" + SHY not in out


@pytest.mark.parametrize(
    "src",
    [
        "COVID19organisation",
        "organisation2025",
        f"orga{SHY}nisation",
        "LLMs",
        "CEO",
        "IALS",
        "OpenAI",
        "ChatGPT",
        "DALL-E",
        "Organisation",  # capitalised
        "l’Intelligence",
        "@organisation",
        "#intelligence",
        "vis-à-vis",
        "court",  # no pattern
        "pays",  # < min_word
    ],
)
def test_hyphenate_never(src: str) -> None:
    assert hyphenate(src) == src


@pytest.mark.parametrize(
    ("src", "expected"),
    [
        (
            "https://www.intelligence-artificielle.org/organisation",
            f"https://{ZWSP}www.{ZWSP}intelligence-{ZWSP}artificielle.{ZWSP}org/{ZWSP}organisation",
        ),
        ("www.organisation.fr", f"www.{ZWSP}organisation.{ZWSP}fr"),
        ("contact@organisation.fr", f"contact@{ZWSP}organisation.{ZWSP}fr"),
        ("jean_paul.dupont@ials.fr", f"jean_{ZWSP}paul.{ZWSP}dupont@{ZWSP}ials.{ZWSP}fr"),
        ("voir http://ials.fr/a/ !", f"voir http://{ZWSP}ials.{ZWSP}fr/{ZWSP}a/ !"),  # nothing at the very end
        ("site : ials.fr.", f"site : ials.{ZWSP}fr."),  # the final full stop is not the URL's
        ("https://a.fr/x//y", f"https://{ZWSP}a.{ZWSP}fr/{ZWSP}x//{ZWSP}y"),  # after a run of breaks only
    ],
)
def test_urls_get_zero_width_spaces_only(src: str, expected: str) -> None:
    out = hyphenate(src)
    assert out == expected
    assert hyphenate(out) == out  # already broken: unchanged


def test_hyphenate_parameters() -> None:
    assert hyphenate("musique", min_word=4) == f"mu{SHY}sique"  # default left=2, right=3
    assert hyphenate("musique", left=3, min_word=4) == "musique"
    assert hyphenate("musique", left=2, right=2, min_word=4) == f"mu{SHY}sique"
    assert hyphenate("organisation", min_word=20) == "organisation"
    assert SHY in hyphenate("organisation", lang="fr")


def test_hyphenate_defaults() -> None:
    assert hyphenate("pages") == "pages"  # no break in the patterns
    assert hyphenate("vidéos") == f"vi{SHY}déos"  # 2 letters before the break are enough
    assert hyphenate("aujourd’hui") == f"au{SHY}jourd’hui"  # never "aujour-d’hui"


def test_compound_parts_hyphenated_alone() -> None:
    out = hyphenate("prompt-to-video")
    assert out == f"prompt-to-vi{SHY}deo"
    out = hyphenate("intelligence-organisation")
    assert "-" + SHY not in out and SHY + "-" not in out
    assert all(SHY in part for part in out.split("-"))


def test_hyphenator_capitalised_switch() -> None:
    assert Hyphenator().hyphenate("Organisation") == "Organisation"
    assert Hyphenator(capitalised=True).hyphenate("Organisation") == f"Or{SHY}ga{SHY}ni{SHY}sa{SHY}tion"
    assert Hyphenator(capitalised=True).hyphenate("OpenAI") == "OpenAI"  # two capitals: still never
    assert Hyphenator(capitalised=True).hyphenate("l’Europe") == f"l’Eu{SHY}rope"


def test_hyphenator_exceptions() -> None:
    h = Hyphenator(exceptions=["Mid-jour-ney", "or-ganisation", "Chat-GPT"])
    assert h.hyphenate("Midjourney") == f"Mid{SHY}jour{SHY}ney"  # overrides the capitalised rule
    assert h.hyphenate("MIDJOURNEY") == f"MID{SHY}JOUR{SHY}NEY"
    assert h.hyphenate("l’organisation") == f"l’or{SHY}ganisation"  # overrides the patterns
    assert h.hyphenate("ChatGPT") == f"Chat{SHY}GPT"
    assert h.hyphenate("Midjourney-organisation") == f"Mid{SHY}jour{SHY}ney-or{SHY}ganisation"


def test_hyphenator_never() -> None:
    h = Hyphenator(never=["organisation", "Wikipedia", "vis-à-vis", "intelligence-organisation"], capitalised=True)
    assert h.hyphenate("Organisation et l’organisation") == "Organisation et l’organisation"
    assert h.hyphenate("Wikipedia") == "Wikipedia"
    assert h.hyphenate("intelligence-organisation") == "intelligence-organisation"  # the compound as listed
    assert SHY in h.hyphenate("intelligence")


def test_typeset() -> None:
    out = typeset('L\'organisation dit "extraordinaire" ?')
    assert out.replace(SHY, "") == french_typography('L\'organisation dit "extraordinaire" ?')
    assert SHY in out
    assert f"{NNBSP}?" in out and "«" in out and "’" in out


# ---------------------------------------------------------------------------
# Properties
# ---------------------------------------------------------------------------

_WORDS = [
    "le", "la", "des", "été", "élève", "intelligence", "artificielle", "organisation",
    "révolutionner", "aujourd'hui", "l'IA", "d'intelligence", "qu'aujourd'hui",
    "vis-à-vis", "extraordinaire", "Québec", "garçon", "œuvre", "LLMs", "CEO", "IALS",
    "technologies", "10:30", "3:4", "40", "000", "2023", "https://ials.fr/a?b=1",
    "jean@ials.fr", "Com'", "Q", "naïveté", "mêlée", "forêt", "où",
]  # fmt: skip
_PUNCT = [
    ",", ".", ";", ":", "!", "?", "?!", "!!", "...", "…", "«", "»", '"', "'", "’",
    "(", ")", "-", "%", "— ",
]  # fmt: skip
_SEPS = ["", " ", " ", " ", "  ", NBSP, NNBSP, THIN, "\n"]

_random_word = st.text(alphabet="abcdefghijklmnopqrstuvwxyzéèêàâçôîïùûœABCÉ", min_size=1, max_size=14)
_token = st.one_of(
    st.sampled_from(_WORDS),
    _random_word,
    st.sampled_from(_PUNCT),
    st.integers(0, 999_999).map(str),
)
french_text = st.lists(st.tuples(_token, st.sampled_from(_SEPS)), max_size=25).map(
    lambda parts: "".join(tok + sep for tok, sep in parts)
)
any_text = st.one_of(french_text, st.text(max_size=40).map(lambda s: s.replace(SHY, "")))

_settings = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@_settings
@given(any_text)
def test_prop_french_typography_idempotent(text: str) -> None:
    once = french_typography(text)
    assert french_typography(once) == once


@_settings
@given(any_text)
def test_prop_hyphenate_only_inserts_soft_hyphens(text: str) -> None:
    text = text.replace(ZWSP, "")
    out = hyphenate(text)
    assert out.replace(SHY, "").replace(ZWSP, "") == text
    assert hyphenate(out) == out


_URL_PARTS = ["https://", "www.", "ials", "intelligence-artificielle", ".fr", ".org", "/", "a_b", "@", "organisation"]


@_settings
@given(st.lists(st.sampled_from(_URL_PARTS), max_size=8), any_text)
def test_prop_urls_only_get_zero_width_spaces(parts: list[str], text: str) -> None:
    text = (text + " " + "".join(parts) + " " + text).replace(ZWSP, "")
    assert hyphenate(text).replace(SHY, "").replace(ZWSP, "") == text


@_settings
@given(french_text)
def test_prop_typeset_only_inserts_soft_hyphens(text: str) -> None:
    assert typeset(text).replace(SHY, "").replace(ZWSP, "") == french_typography(text)


@_settings
@given(any_text)
def test_prop_alphanumerics_preserved(text: str) -> None:
    def alnum(s: str) -> str:
        return "".join(ch for ch in s if ch.isalnum())

    assert alnum(french_typography(text)) == alnum(text)


_BREAK_BEFORE_MARK = re.compile(r"\w +[;:!?»]")


@_settings
@given(french_text)
def test_prop_no_break_before_high_punctuation(text: str) -> None:
    out = french_typography(text)
    assert not _BREAK_BEFORE_MARK.search(out), repr(out)

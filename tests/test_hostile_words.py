"""No silent loss: the words printed, read back from the PDF, against the source for adversarial
texts; overset counts exactly the words not printed; and property tests over manifest values and
Markdown text (derandomized, as ``test_typeset.py``), where only a clean :class:`InputError` may stop."""

from __future__ import annotations

import string
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ials_print.content.markdown import parse_article
from ials_print.errors import InputError
from ials_print.limits import has_unprintable
from ials_print.manifest.load import load_issue
from ials_print.output.build import build
from tests.conftest import MINI, copy_fixture, missing_words, page_texts

HEAD = "---\nkicker: Édito\ntitle: Un édito\n---\n\n"  # no drop cap: its letter extracts apart from its word

ADVERSARIAL = {
    "one-paragraph-at-the-limit": " ".join(f"w{i}" for i in range(2_700)),  # 19,9xx characters, overset
    "three-hundred-tiny-paragraphs": "\n\n".join(f"p{i}." for i in range(300)),
    "words-of-200-characters": " ".join(["début", "x" * 200, "y" * 150, "fin"]),
    "combining-and-invisible": "Cafe\u0301 e\u0301le\u0300ve mot\u200bavec\u200dzéro lar\u00adgeur\u00a0insé\u202fcable",
    "bidi-marks": "texte \u202eà l'envers\u202c fin \u200e marque",
    "punctuation-storm": "«««mot»»» ;;; !!! ??? … — – « a » (b) [c] {d} %e &f @g #h",
    "markdown-specials": "***gras italique*** \\*échappé\\* `code` [lien](http://x.org) __sous__ fin",
    "numbers-and-units": "3ème 50% 15 mn n°3 1 000 000 12,5 € 2024-06-15 10:40",
    "long-url": "voir https://example.org/" + "segment/" * 20 + "fin et la suite",
}


def _build(tmp_path: Path, body: str):
    manifest = copy_fixture(MINI, tmp_path / "issue")
    (manifest.parent / "texts" / "edito.md").write_text(HEAD + body + "\n", encoding="utf-8")
    issue = load_issue(manifest)
    result = build(issue, tmp_path / "out" / "mini.pdf")
    return issue, result


def _lost(issue, result) -> tuple[Counter[str], int]:
    """Words of the edito not found on its page (a word broken over two lines is found), and the
    overset words reported for it."""
    lost = missing_words(issue.articles["edito"].plain_text(), page_texts(result.output)[2])
    overset = next(s.overset_words for s in result.sections if any(p.section_id == "edito" for p in s.pages))
    return lost, overset


@pytest.mark.parametrize("name", list(ADVERSARIAL))
def test_printed_words_match_the_source(name: str, tmp_path: Path) -> None:
    """Every word is printed or counted in the overset, exactly; a character that cannot print is an error."""
    issue, result = _build(tmp_path, ADVERSARIAL[name])
    lost, overset = _lost(issue, result)
    assert sum(lost.values()) == overset, f"{sum(lost.values())} words missing, {overset} reported overset"
    if not overset:
        assert not [e for e in result.errors if "no glyph" not in e], result.errors


def test_missing_glyphs_are_errors_naming_the_line(tmp_path: Path) -> None:
    issue, result = _build(tmp_path, "Ελληνικά et 中文 et עברית")
    lost, overset = _lost(issue, result)
    assert overset == 0
    missing = [e for e in result.errors if "no glyph" in e]
    assert lost and missing
    for char in "中文עברית":
        assert any(f"U+{ord(char):04X}" in e and "line 6" in e for e in missing), char


_FRENCH = string.ascii_letters + "éèêàâçôûîïœ’'-" + "0123456789"
_word = st.text(alphabet=_FRENCH, min_size=1, max_size=40)
_paragraph = st.lists(_word, min_size=1, max_size=400).map(" ".join)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True)
@given(st.lists(_paragraph, min_size=1, max_size=4))
def test_property_no_word_lost_in_silence(tmp_path_factory: pytest.TempPathFactory, paragraphs: list[str]) -> None:
    tmp_path = tmp_path_factory.mktemp("words")
    issue, result = _build(tmp_path, "\n\n".join(paragraphs))
    lost, overset = _lost(issue, result)
    assert sum(lost.values()) == overset


# Any Unicode text, with the characters that break things over-represented.
_hostile_chars = st.sampled_from(
    [
        *"\x00\x01\x1b\x7f\x85\x9b\ufffd\uffff\u202e\u200b\u00ad\t\r\n:*_[]()!<>&#`\\-\"'",
        *("\n\n", "::: box X\n", ":::\n", "---\n", "&#0;", "&#xD800;", "<sup>", "</sc>"),
    ]
)
_markdown = st.lists(st.one_of(st.characters(), _hostile_chars, _word), max_size=200).map("".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True)
@given(_markdown, st.booleans())
def test_property_markdown_parses_or_says_why(body: str, front_matter: bool) -> None:
    """Any text: an article, or an :class:`InputError` of one-line problems naming the file; and an
    accepted article never holds a character that cannot print."""
    path = Path("texts/x.md")
    text = (HEAD if front_matter else "") + body
    try:
        article = parse_article(text, path)
    except InputError as exc:
        assert exc.problems
        for p in exc.problems:
            assert p.file == path and "\n" not in p.message
        return
    assert not has_unprintable(article.plain_text())


_yaml_value = st.one_of(
    st.text(max_size=50),
    st.floats(allow_nan=True, allow_infinity=True),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.sampled_from(
        [".nan", ".inf", "-.inf", "1e999", "~", "[]", "{}", '"\\0"', '"\\ud800"', "&a x", "*a", "!!binary AA=="]
    ),
)
_FIELDS = [
    ("trim_width: 210", "trim_width: {}"),
    ("bleed: 3", "bleed: {}"),
    ("page_count: 4", "page_count: {}"),
    ("title: Un article", "title: {}"),
    ("first_page: 3", "first_page: {}"),
    ("max_height: 60", "max_height: {}"),
    ('caption: "Un disque"', "caption: {}"),
    ("place: {area: top-half, page: 2}", "place: {{area: top-half, page: {}}}"),
    ("number: 99", "number: {}"),
]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True)
@given(st.sampled_from(_FIELDS), _yaml_value)
def test_property_manifest_values_load_or_say_why(tmp_path_factory: pytest.TempPathFactory, field, value) -> None:
    """Any value in any of these keys: the issue loads, or every problem is one line naming the manifest."""
    tmp_path = tmp_path_factory.mktemp("manifest")
    manifest = copy_fixture(MINI, tmp_path / "issue")
    old, new = field
    shown = value if isinstance(value, str) and not value.startswith((" ", "\t")) else repr(value)
    text = manifest.read_text(encoding="utf-8")
    manifest.write_text(text.replace(old, new.format(shown), 1), encoding="utf-8")
    try:
        load_issue(manifest)
    except InputError as exc:
        assert exc.problems
        for p in exc.problems:
            assert "\n" not in p.message and str(p.file)

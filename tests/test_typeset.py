"""The paragraph composer: optimal breaks, no lost word, lines within their measure, shaping, spaces."""

from __future__ import annotations

import io
import itertools
import re
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader
from reportlab.lib.colors import black
from reportlab.lib.enums import TA_JUSTIFY
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

import ials_print.layout.rl_patches  # noqa: F401  (ToUnicode of ligatures)
from ials_print import kit
from ials_print.content.typography import french_typography, hyphenate
from ials_print.layout.textblock import PAGE_TURN, TextBlock
from ials_print.typeset.breaker import BreakParams, break_lines
from ials_print.typeset.draw import line_parts, set_line
from ials_print.typeset.items import FIL, INFINITY, NNBSP, SHY, ZWSP, Box, Galley, Glue, Penalty, RunStyle, itemize
from ials_print.typeset.shaping import plain, shape

ROOT = Path(__file__).resolve().parent.parent
FONT = "test-garamond"
MM = 72 / 25.4
TEXT = (
    "Neuralink d’Elon Musk a captivé le monde en montrant un patient manipulant un jeu d’échecs en ligne par "
    "la pensée et grâce à une puce cérébrale implantée. Stability AI, connu pour ses contributions "
    "significatives à l’IA générative et malgré le départ de son CEO Emad Mostaque, a lancé « Stable Video "
    "3D » établissant un nouveau standard dans la visualisation d’objets en 3D à partir d’une image fixe et "
    "Stable Cascade qui n’est autre que le premier modèle de génération texte vers image spécifiquement pensé "
    "pour être facile à entraîner dans des ordinateurs grand public."
)


@pytest.fixture(scope="module", autouse=True)
def garamond() -> None:
    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(FONT, str(kit.FONTS / "EBGaramond-Regular.ttf")))


STYLE = RunStyle(FONT, 9.6, black)


def pstyle(**kw) -> ParagraphStyle:
    return ParagraphStyle("t", fontName=FONT, fontSize=9.6, leading=12.4, alignment=TA_JUSTIFY, **kw)


def block(text: str, **kw) -> TextBlock:
    galley = itemize([(hyphenate(french_typography(text)), STYLE)], indent=kw.pop("indent", 0.0))
    return TextBlock(galley, pstyle(), kw.pop("align", "justify"), text, **kw)


def printed_words(tb: TextBlock, width: float) -> list[str]:
    """The words of the lines as they print, a hyphen added at a break taken back."""
    s = tb.setting(width)
    text = ""
    for line in s.lines:
        parts = line_parts(s.galley, line)
        chunk = "".join(p.text if hasattr(p, "text") else " " for p in parts)
        brk = s.galley.items[line.end] if line.end < len(s.galley.items) else None
        if isinstance(brk, Penalty) and brk.kind == "hyphen":
            text += chunk[:-1]
        elif isinstance(brk, Penalty) and brk.kind in ("explicit", "url"):
            text += chunk
        else:
            text += chunk + " "
    return text.split()


def source_words(text: str) -> list[str]:
    return french_typography(text).replace(NNBSP, " ").replace("\u00a0", " ").split()


# -- the breaker against brute force ---------------------------------------------------------


def reference_demerits(items: list, breaks: list[int], width: float, p: BreakParams) -> float | None:
    """Demerits of one set of breaks, computed directly from TeX's rules (no hyphens here)."""
    total, start, fitness = 0.0, 0, 1
    for n, b in enumerate(breaks):
        line = items[start:b]
        w = sum(it.width for it in line if isinstance(it, Box | Glue))
        y = sum(it.stretch for it in line if isinstance(it, Glue))
        z = sum(it.shrink for it in line if isinstance(it, Glue))
        last = n == len(breaks) - 1
        if w < width:
            r = (width - w) / y if y else INFINITY
        else:
            r = (width - w) / z if w > width and z else (0.0 if w == width else -2)
        if r < -1 or (r > p.tolerance and not last):
            return None
        badness = 100 * abs(min(r, 10.0)) ** 3
        d = (p.line_penalty + badness) ** 2
        fit = 1 if last else (0 if r < -0.5 else 1 if r <= 0.5 else 2 if r <= 1 else 3)
        if not last and abs(fit - fitness) > 1:
            d += p.fitness_demerits
        total += d
        fitness = fit
        start = b + 1
    return total


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True)
@given(
    widths=st.lists(st.floats(min_value=5, max_value=45), min_size=2, max_size=11),
    measure=st.floats(min_value=60, max_value=140),
)
def test_breaker_finds_the_optimum_of_brute_force(widths: list[float], measure: float) -> None:
    items: list = []
    for i, w in enumerate(widths):
        if i:
            items.append(Glue(4.0, 2.0, 1.0, STYLE))
        items.append(Box("x", STYLE, w))
    items += [Penalty(0, INFINITY, False, "end"), Glue(0, FIL, 0, None), Penalty(0, -INFINITY, False, "forced")]
    galley = Galley(items, [0.0] * len(items), [0.0] * len(items))
    params = BreakParams(tolerance=3.0, min_last_chars=0)
    glues = [i for i, it in enumerate(items) if isinstance(it, Glue) and it.style is not None]
    best = None
    for k in range(len(glues) + 1):
        for combo in itertools.combinations(glues, k):
            d = reference_demerits(items, [*combo, len(items) - 1], measure, params)
            if d is not None and (best is None or d < best):
                best = d
    lines = break_lines(galley, [measure], params)
    if best is None:
        assert lines is None
        return
    assert lines is not None
    got = reference_demerits(items, [ln.end for ln in lines], measure, params)
    assert got == pytest.approx(best, rel=1e-9)


def test_looseness_gives_one_line_more_or_less() -> None:
    tb = block(TEXT)
    galley = tb.galley
    normal = break_lines(galley, [60 * MM], BreakParams(tolerance=INFINITY))
    longer = break_lines(galley, [60 * MM], BreakParams(tolerance=INFINITY, looseness=1))
    shorter = break_lines(galley, [60 * MM], BreakParams(tolerance=INFINITY, looseness=-1))
    assert len(longer) == len(normal) + 1
    assert len(shorter) in (len(normal) - 1, len(normal))


# -- words and measures ----------------------------------------------------------------------

VOCABULARY = (
    "le la des intelligence artificielle générative prompt-to-video Midjourney « guillemets » l’organisation "
    "anticonstitutionnellement https://ials.fr/numero/3 contact@ials.fr : ! ? 40 000 12 % — x"
)
WORDS = st.sampled_from(VOCABULARY.split())


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True)
@given(words=st.lists(WORDS, min_size=1, max_size=60), width_mm=st.floats(min_value=25, max_value=180))
@example(words=["des"] * 4 + ["artificielle", "https://ials.fr/numero/3"], width_mm=25.0)  # a URL reshaped wider
def test_no_word_lost_or_duplicated_and_lines_fit(words: list[str], width_mm: float) -> None:
    text = " ".join(words)
    tb = block(text)
    width = width_mm * MM
    assert printed_words(tb, width) == source_words(text)
    s = tb.setting(width)
    for line in s.lines:
        assert not set_line(s.galley, line, width, "justify", s.pass_.letter_room, s.pass_.scale_room).overfull


def test_a_5000_character_word_is_cut_to_fit_and_kept_whole() -> None:
    word = "a" * 5000
    tb = block(f"Début {word} fin.")
    width = 57 * MM
    s = tb.setting(width)
    assert "".join(printed_words(tb, width)) == f"Début{word}fin."
    for line in s.lines:
        assert not set_line(s.galley, line, width, "justify", 0.02, 0.02).overfull


def test_a_2_mb_paragraph_is_set_in_linear_time_without_loss() -> None:
    text = (TEXT + " ") * (2_000_000 // (len(TEXT) + 1))
    galley = itemize([(text, STYLE)])
    tb = TextBlock(galley, pstyle(), "justify", text)
    t = time.perf_counter()
    s = tb.setting(90 * MM)
    elapsed = time.perf_counter() - t
    boxes = sum(1 for it in galley.items if isinstance(it, Box))
    covered = sum(1 for ln in s.lines for it in s.galley.items[ln.start : ln.end] if isinstance(it, Box))
    assert covered == boxes
    assert elapsed < 60  # a guard against quadratic behaviour, not a benchmark (bench/ measures)


def test_only_urls_break_after_their_separators() -> None:
    urls = " ".join(f"https://ials.fr/{ZWSP}numero-{i}/{ZWSP}article.{ZWSP}html" for i in range(12))
    galley = itemize([(urls, STYLE)])
    tb = TextBlock(galley, pstyle(), "justify", urls)
    s = tb.setting(30 * MM)
    assert all(line.hang_right >= 0 for line in s.lines)
    ends = [s.galley.items[ln.end] for ln in s.lines]
    assert any(isinstance(e, Penalty) and e.kind == "url" for e in ends)
    assert not any(isinstance(e, Penalty) and e.kind == "hyphen" for e in ends)


def test_only_spaces_make_no_line() -> None:
    tb = block("     \u00a0   ")
    assert tb.wrap(100, 100) == (100, 0)


# -- French spaces, hyphens, splits ----------------------------------------------------------


def test_narrow_no_break_space_is_an_eighth_of_an_em_and_never_stretches() -> None:
    galley = itemize([(f"Vraiment{NNBSP}? Oui{NNBSP}!", STYLE)])
    narrow = [it for it in galley.items if isinstance(it, Glue) and it.char == NNBSP]
    assert len(narrow) == 2
    assert all(g.width == pytest.approx(9.6 / 8) and g.stretch == 0 and not g.breakable for g in narrow)


def test_compound_breaks_at_its_own_hyphen_without_adding_one() -> None:
    galley = itemize([("prompt-to-video", STYLE)])
    kinds = [it.kind for it in galley.items if isinstance(it, Penalty) and it.kind not in ("end", "forced")]
    assert kinds == ["explicit", "explicit"]
    assert [it.text for it in galley.items if isinstance(it, Box)] == ["prompt-", "to-", "video"]


def test_hyphen_ladders_stay_under_three_lines() -> None:
    text = " ".join(["anticonstitutionnellement intelligence artificielle générativement"] * 40)
    tb = block(text)
    s = tb.setting(35 * MM)
    run = longest = 0
    for line in s.lines:
        run = run + 1 if line.hyphenated else 0
        longest = max(longest, run)
    assert longest <= 2


def test_split_keeps_two_lines_each_side_and_avoids_a_hyphen_before_a_page_turn() -> None:
    tb = block(TEXT * 2)
    width = 60 * MM
    total = tb.line_count(width)
    assert tb.split(width, 12.4 * 1.5) == []  # one line would be an orphan
    head, tail = tb.split(width, 12.4 * (total - 1))  # one line left over would be a widow
    assert head.wrap(width, 1e4)[1] == pytest.approx(12.4 * (total - 2))
    for fit in range(2, total - 2):
        token = PAGE_TURN.set(True)
        try:
            head, tail = block(TEXT * 2).split(width, 12.4 * fit + 1)
        finally:
            PAGE_TURN.reset(token)
        lines = head.setting(width).lines
        assert len(lines) == fit
        hyphen_free = not lines[-1].hyphenated
        assert hyphen_free or fit >= total - 3  # another set of breaks was found everywhere else
        assert printed_words(head, width) + printed_words(tail, width) == source_words(TEXT * 2)


# -- shaping and the PDF ---------------------------------------------------------------------


def test_kerning_and_ligatures_from_the_font() -> None:
    assert shape(FONT, "AVATAR").width < plain(FONT, "AVATAR").width
    fi = shape(FONT, "efficace")
    assert len(fi.glyphs) < len("efficace")  # a ligature took two or three letters


def extracted(segments: list[tuple[str, RunStyle]]) -> str:
    """The text a PDF reader finds in a paragraph drawn by the composer."""
    tb = TextBlock(itemize(segments), pstyle(), "justify", "")
    buf = io.BytesIO()
    c = Canvas(buf)
    tb.wrap(400, 100)
    tb.drawOn(c, 50, 700)
    c.save()
    return PdfReader(io.BytesIO(buf.getvalue())).pages[0].extract_text()


def test_ligatures_and_superiors_extract_as_text() -> None:
    segments = [("Une efficace fleur au 19", STYLE), ("e", RunStyle(FONT, 9.6, black, 0.0, (("sups", True),))),
                (" siècle.", STYLE)]  # fmt: skip
    text = extracted(segments)
    assert "efficace fleur au 19e siècle" in re.sub(r"\s+", " ", text)
    assert "\ue000" not in text and "ﬁ" not in text


def test_soft_hyphen_items_print_a_hyphen_only_when_taken() -> None:
    galley = itemize([(f"orga{SHY}ni{SHY}sa{SHY}tion", STYLE)])
    penalties = [it for it in galley.items if isinstance(it, Penalty) and it.kind == "hyphen"]
    assert len(penalties) == 3 and all(p.flagged and p.width > 0 for p in penalties)


def test_small_capitals_from_the_font_extract_as_written() -> None:
    from ials_print.typeset.shaping import SMALL_CAPS, has_small_caps

    assert has_small_caps(FONT, "XIX") and has_small_caps(FONT, "cnrs")
    segments = [("Au ", STYLE), ("XIX", RunStyle(FONT, 9.6, black, 0.0, SMALL_CAPS)), (" siècle.", STYLE)]
    assert "Au XIX siècle." in extracted(segments)


# -- found in review: last resorts, ligatures inside a word, alignment, line breaks ----------


def test_words_tied_by_no_break_spaces_wider_than_the_column_break_there_rather_than_fail() -> None:
    display = "test-display"
    if display not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(display, str(kit.FONTS / "NotoSansDisplay-Bold.ttf")))
    text = french_typography("2 500 000 000 €")
    big = RunStyle(display, 44, black)
    tb = TextBlock(itemize([(text, big)]), ParagraphStyle("b", fontName=display, fontSize=44, leading=46), "left", text)
    width = 55 * MM
    s = tb.setting(width)
    assert len(s.lines) >= 2
    assert "".join(printed_words(tb, width)) == "".join(text.split())
    for line in s.lines:
        assert not set_line(s.galley, line, width - 0.0, "left", 0, 0).overfull


def test_a_word_of_wide_and_narrow_letters_is_cut_by_its_real_widths() -> None:
    word = "W" * 150 + "i" * 150
    tb = block(word)
    width = 100.0
    s = tb.setting(width)
    assert "".join(printed_words(tb, width)) == word
    for line in s.lines:
        assert not set_line(s.galley, line, width, "justify", 0.02, 0.02).overfull


def test_a_ligature_cut_by_a_hyphenation_point_shares_its_width() -> None:
    galley = itemize([(f"af{SHY}fiche", STYLE)])
    boxes = [it for it in galley.items if isinstance(it, Box)]
    assert [b.text for b in boxes] == ["af", "fiche"]
    assert boxes[0].width == pytest.approx(shape(FONT, "af").width * 9.6 / 1000, abs=1.5)
    assert boxes[1].width == pytest.approx(shape(FONT, "fiche").width * 9.6 / 1000, abs=1.5)


def test_ragged_lines_do_not_hang_and_right_alignment_reaches_the_edge() -> None:
    text = "« Une citation » dit-elle, « une autre ». " * 6
    tb = block(text, align="right")
    width = 50 * MM
    s = tb.setting(width)
    for line in s.lines:
        drawn = set_line(s.galley, line, width, "right", 0, 0)
        assert line.hang_left == line.hang_right == 0
        assert drawn.offset >= -0.01
        assert drawn.offset + drawn.natural == pytest.approx(width, abs=0.01)


def test_a_trailing_line_break_adds_no_empty_line() -> None:
    assert block("Un mot.\n").wrap(200, 100)[1] == pytest.approx(12.4)
    assert block("Un mot.\nDeux.").wrap(200, 100)[1] == pytest.approx(24.8)


def test_long_paragraph_windows_keep_blank_lines_and_every_word() -> None:
    text = ((TEXT + " ") * 8 + "\n\n") * 6
    tb = block(text)
    width = 80 * MM
    whole = TextBlock(tb.galley, pstyle(), "justify", text)
    s = whole.setting(width)
    assert len(tb.galley.items) > 3000
    assert printed_words(whole, width) == source_words(text)
    empty = [
        ln for ln in s.lines if not any(isinstance(it, Box) and it.text for it in s.galley.items[ln.start : ln.end])
    ]
    assert len(empty) == 5  # the blank line between each pair of the six parts


def test_looseness_sets_a_paragraph_a_line_shorter_or_longer_within_the_spacing_limits() -> None:
    text = TEXT * 3
    changed = {-1: 0, 1: 0}
    for mm in range(50, 95, 3):
        width = mm * MM
        normal = block(text).line_count(width)
        for looseness in (-1, 1):
            tb = block(text)
            tb.looseness = looseness
            s = tb.setting(width)
            assert len(s.lines) in (normal, normal + looseness)
            if len(s.lines) == normal + looseness:
                changed[looseness] += 1
                for line in s.lines[:-1]:
                    drawn = set_line(s.galley, line, width, "justify", s.pass_.letter_room, s.pass_.scale_room)
                    assert drawn.word_space <= 1.34 and not drawn.overfull
            assert printed_words(tb, width) == source_words(text)
    assert changed[-1] and changed[1]

"""Layout: text lands in its frames, nothing is lost, furniture on every page, fonts embedded."""

from __future__ import annotations

import re
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from pypdf import PdfReader
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

import ials_print.layout.rl_patches  # noqa: F401
from ials_print.layout.geometry import MM, Rect
from ials_print.limits import MAX_TITLE_CHARS
from ials_print.manifest.load import load_issue
from ials_print.output.build import render
from ials_print.preflight.checks import preflight
from ials_print.provenance.labels import LABELS
from tests.conftest import missing_words, page_texts, source_text


def test_mini_builds_clean(mini_build):
    assert mini_build.errors == []
    assert mini_build.warnings == []
    assert [p.folio for p in mini_build.pages] == [1, 2, 3, 4]


def test_no_word_lost_in_fixture(mini_issue, mini_build):
    printed = "\n".join(page_texts(mini_build.output))
    assert missing_words(source_text(mini_issue), printed) == {}


def test_no_word_lost_in_real_issue(real_build):
    issue, result = real_build
    assert result.errors == []
    printed = "\n".join(page_texts(result.output))
    assert missing_words(source_text(issue), printed) == {}


def test_every_page_has_its_pictogram(real_build):
    """Exactly one pictogram label in the top strip of every page (the contents' legend sits lower)."""
    issue, result = real_build
    pdf = pdfium.PdfDocument(str(result.output))
    assert len(pdf) == issue.manifest.page_count == 118
    for plan, page in zip(result.pages, pdf, strict=True):
        left, _bottom, right, top = page.get_trimbox()
        strip = page.get_textpage().get_text_bounded(left, top - 14 * MM, right, top)
        found = [kind for kind, label in LABELS.items() if label in strip]
        assert found == [plan.pictogram], f"page {plan.folio}: pictogram(s) {found}, expected {plan.pictogram}"
    pdf.close()


def test_pictogram_is_vector_not_bitmap(mini_build):
    """The placeholder page has no visual: any image XObject there would be a bitmap pictogram."""
    reader = PdfReader(mini_build.output)
    resources = reader.pages[3]["/Resources"]
    xobjects = resources.get("/XObject", {})
    assert not [k for k, v in xobjects.items() if v.get_object()["/Subtype"] == "/Image"]
    curves = re.findall(rb"(?:-?[\d.]+ ){6}c\n", reader.pages[3].get_contents().get_data())
    assert curves, "no Bézier curve on the page: the pictogram's rounded chip is not drawn as vectors"


def _char_boxes(pdf_path: Path, index: int) -> list[tuple[str, float, float, float, float]]:
    pdf = pdfium.PdfDocument(str(pdf_path))
    page = pdf[index]
    tp = page.get_textpage()
    out = []
    for i in range(tp.count_chars()):
        ch = tp.get_text_range(i, 1)
        if ch.strip() and ch not in "\ufffe":
            left, bottom, right, top = tp.get_charbox(i)
            out.append((ch, left, bottom, right, top))
    pdf.close()
    return out


def test_text_lands_inside_frames(mini_build, mini_issue):
    """Every glyph of every page lies in a text frame, the title block, a caption or the furniture."""
    bleed = mini_issue.manifest.format.bleed * MM
    for n, plan in enumerate(mini_build.pages):
        zones: list[Rect] = [*plan.frames, *plan.furniture, *plan.pull_quotes]
        if plan.head:
            zones.append(plan.head)
        # Captions sit under their visual, within the type area.
        zones += [Rect(r.x, r.y - 25 * MM, r.w, 25 * MM) for _, r in plan.visuals]
        for ch, left, bottom, right, top in _char_boxes(mini_build.output, n):
            cx, cy = (left + right) / 2 - bleed, (bottom + top) / 2 - bleed
            assert any(z.x - 1 <= cx <= z.right + 1 and z.y - 3 <= cy <= z.top + 3 for z in zones), (
                f"page {plan.folio}: {ch!r} at ({cx / MM:.1f}, {cy / MM:.1f}) mm is outside every frame"
            )


def test_columns_avoid_placed_visuals(mini_build):
    page2 = mini_build.pages[1]
    ((vid, visual),) = page2.visuals
    assert vid == "disc"
    for f in page2.frames:
        assert f.top <= visual.y, "a text frame overlaps the visual placed in the top half"


def test_pull_quote_across_columns_hides_no_text(mini_build):
    page1 = mini_build.pages[0]
    (quote,) = page1.pull_quotes
    assert quote.w > page1.frames[0].w * 1.9, "the pull-quote spans the columns"
    for f in page1.frames:
        assert f.top <= quote.y or f.y >= quote.top, "a text frame runs under the pull-quote"


def test_full_bleed_visual_reaches_bleed_edge(mini_build, mini_issue):
    bleed = mini_issue.manifest.format.bleed * MM
    _, r = mini_build.pages[1].visuals[0]
    assert r.x == pytest.approx(-bleed) and r.top == pytest.approx(297 * MM + bleed)
    assert r.right == pytest.approx(210 * MM + bleed)


def test_fonts_embedded_no_helvetica(mini_build):
    reader = PdfReader(mini_build.output)
    for page in reader.pages:
        fonts = page["/Resources"]["/Font"]
        for font in fonts.values():
            font = font.get_object()
            assert "Helvetica" not in font["/BaseFont"]
            descriptor = font["/FontDescriptor"].get_object()
            assert "/FontFile2" in descriptor, f"{font['/BaseFont']} is not embedded"


def test_boxes_trim_and_bleed(mini_build):
    reader = PdfReader(mini_build.output)
    for page in reader.pages:
        trim = [float(v) for v in page.trimbox]
        bleed = [float(v) for v in page.bleedbox]
        media = [float(v) for v in page.mediabox]
        assert trim[2] - trim[0] == pytest.approx(210 * MM, abs=0.01)
        assert trim[3] - trim[1] == pytest.approx(297 * MM, abs=0.01)
        assert bleed == pytest.approx(media)
        assert trim[0] - bleed[0] == pytest.approx(3 * MM, abs=0.01)


def test_bookmarks_and_page_labels(real_build):
    issue, result = real_build
    reader = PdfReader(result.output)

    def flat(items):
        for o in items:
            if isinstance(o, list):
                yield from flat(o)
            else:
                yield o

    titles = {o.title: reader.get_destination_page_number(o) for o in flat(reader.outline)}
    for s in issue.manifest.sections:
        assert titles[s.title] == s.first_page - 1
        if s.rubric:
            assert titles[s.rubric] <= s.first_page - 1
    assert reader.page_labels[:3] == ["1", "2", "3"] and reader.page_labels[-1] == "118"


def test_preview_keeps_real_page_numbers(tmp_path):
    issue = load_issue(Path(__file__).parent.parent / "issue" / "ials-03.yaml", only=["tendance-hugo-barbera"])
    result = render(issue, ["tendance-hugo-barbera"])
    assert [p.folio for p in result.pages] == [44, 45]
    out = tmp_path / "p.pdf"
    out.write_bytes(result.pdf)
    assert PdfReader(out).page_labels == ["44", "45"]
    assert "44" in page_texts(out)[0].split()
    # One section is finished as ReportLab wrote it, without being put together: still PDF/X-4,
    # its folios as page labels, and the printer's checks pass.
    reader = PdfReader(out)
    assert reader.pdf_header == "%PDF-1.6" and reader.metadata["/GTS_PDFXVersion"] == "PDF/X-4"
    assert "/OutputIntents" in reader.trailer["/Root"]
    report = preflight(out)
    assert report.errors == [], report.errors


def test_hyphenation_really_happens(mini_build):
    """A narrow justified column must show soft-hyphen breaks (pyphen is really used)."""
    pdf = pdfium.PdfDocument(str(mini_build.output))
    raw = pdf[0].get_textpage().get_text_range()
    pdf.close()
    assert "\ufffe" in raw, "no line ended on a hyphenation point"


def test_narrow_no_break_space_never_breaks():
    style = ParagraphStyle("t", fontName="Helvetica", fontSize=10, leading=12)
    for width in range(70, 200, 7):
        p = Paragraph("Une question\u202f? Oui\u202f; «\u202fbien\u202f» sûr\u202f!", style)
        p.wrap(width, 1000)
        for line in p.blPara.lines:
            words = line[1] if isinstance(line, tuple) else [f.text for f in line.words]
            first = words[0] if words else ""
            assert not first.startswith(("\u202f", "?", ";", "!", "»")), f"line starts with {first!r} at {width}pt"


def test_overset_is_reported_not_dropped(mini_copy):
    text = mini_copy.parent / "texts" / "edito.md"
    body = text.read_text(encoding="utf-8")
    text.write_text(
        body + "\n\n" + "\n\n".join(["Un paragraphe de trop qui déborde de la page. " * 12] * 12), encoding="utf-8"
    )
    result = render(load_issue(mini_copy))
    overset = [e for e in result.errors if "overset in section 'edito'" in e]
    assert overset and "words" in overset[0]


def test_underset_is_a_warning(mini_copy):
    m = mini_copy.read_text(encoding="utf-8")
    m = m.replace("first_page: 3\n    pages: 1", "first_page: 3\n    pages: 2")
    m = m.replace("first_page: 4, pages: 1", "first_page: 5, pages: 2").replace("page_count: 4", "page_count: 6")
    mini_copy.write_text(m, encoding="utf-8")
    result = render(load_issue(mini_copy))
    assert any("underset in section 'edito': page 4 is empty" in w for w in result.warnings)


def test_missing_glyph_is_reported(mini_copy):
    text = mini_copy.parent / "texts" / "edito.md"
    text.write_text(text.read_text(encoding="utf-8") + "\nUn caractère absent : \u6f22.\n", encoding="utf-8")
    result = render(load_issue(mini_copy))
    glyph = [e for e in result.errors if "U+6F22" in e]
    assert glyph and "section 'edito'" in glyph[0] and "page 3" in glyph[0]


def _body_paragraph(mini_issue, lines_text: str):
    from ials_print.layout.fonts import register_fonts
    from ials_print.layout.styles import build_styles

    styles = build_styles(mini_issue.stylesheet, register_fonts(mini_issue.manifest.fonts, mini_issue.fonts_dir))
    return Paragraph(lines_text, styles["body"]), styles["body"].leading


def test_no_orphan_line_at_column_foot(mini_issue, tmp_path):
    """Room for one line only: the paragraph goes whole to the next column."""
    from reportlab.pdfgen.canvas import Canvas
    from reportlab.platypus import Frame

    from ials_print.layout.columns import fill_frame

    para, leading = _body_paragraph(mini_issue, "Un mot de plus pour remplir la ligne. " * 12)
    story = [para]
    frame = Frame(0, 0, 60 * MM, leading * 1.5, leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    frame._atTop = 0  # as if text stood above
    fill_frame(frame, story, Canvas(str(tmp_path / "x.pdf")))
    assert story == [para]


def test_no_widow_line_at_column_head(mini_issue, tmp_path):
    """A split never leaves a single last line at the head of the next column."""
    from reportlab.pdfgen.canvas import Canvas
    from reportlab.platypus import Frame

    from ials_print.layout.columns import fill_frame

    para, leading = _body_paragraph(mini_issue, "Un mot de plus pour remplir la ligne. " * 12)
    para.wrap(60 * MM, 10_000)
    total = len(para.blPara.lines)
    story = [para]
    frame = Frame(
        0, 0, 60 * MM, leading * (total - 1) + 1, leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0
    )
    fill_frame(frame, story, Canvas(str(tmp_path / "x.pdf")))
    (rest,) = story
    rest.wrap(60 * MM, 10_000)
    assert len(rest.blPara.lines) >= 2


def test_area_caption_comes_from_markdown(mini_copy):
    m = mini_copy.read_text(encoding="utf-8").replace('caption: "Un disque", credit: "Photo test", ', "")
    mini_copy.write_text(m, encoding="utf-8")
    art = mini_copy.parent / "texts" / "article.md"
    art.write_text(
        art.read_text(encoding="utf-8") + '\n![Le disque du markdown](disc "Crédit du markdown")\n', encoding="utf-8"
    )
    result = render(load_issue(mini_copy))
    out = mini_copy.parent / "x.pdf"
    out.write_bytes(result.pdf)
    assert "Le disque du markdown" in page_texts(out)[1] and "Crédit du markdown" in page_texts(out)[1]


def test_drop_cap_overset_is_reported_not_crashing(mini_copy):
    edito = mini_copy.parent / "texts" / "edito.md"
    text = edito.read_text(encoding="utf-8").replace("Bienvenue dans ce numéro de test.", "Bienvenue. " * 1500)
    edito.write_text(text, encoding="utf-8")
    result = render(load_issue(mini_copy))
    assert any("overset in section 'edito'" in e for e in result.errors)


def test_long_running_head_stays_on_one_line(mini_copy):
    long_title = ("Un titre très long " * 11)[:MAX_TITLE_CHARS]  # at the limit: far wider than the page
    m = mini_copy.read_text(encoding="utf-8").replace("title: Un article", f"title: {long_title.strip()}")
    mini_copy.write_text(m, encoding="utf-8")
    result = render(load_issue(mini_copy))
    folio_zone = [r for r in result.pages[0].furniture if r.y < 20 * MM]
    assert all(r.h < 4 * MM for r in folio_zone)
    assert all(r.w <= result.pages[0].frames[0].w * 2.2 for r in folio_zone)


def test_low_resolution_visual_is_an_error(mini_copy):
    """Under the manifest's min_ppi (225 by default) a visual is an error, as in the preflight."""
    from PIL import Image

    Image.new("RGB", (300, 400), (200, 30, 30)).save(mini_copy.parent / "images" / "stripes.jpg")
    result = render(load_issue(mini_copy))
    assert any("visual 'stripes' on page 1 is" in e and "(225 ppi minimum)" in e for e in result.errors)

"""Page furniture that reads, captions with their pictures, and the drop cap, on issue n°3."""

from __future__ import annotations

import pypdfium2 as pdfium
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from ials_print import kit
from ials_print.layout.flowables import DropCap
from ials_print.layout.geometry import MM


def _overlap(a, b) -> bool:
    return a.x < b.right and b.x < a.right and a.y < b.top and b.y < a.top


def test_no_folio_or_running_foot_over_a_visual_unless_white(real_build):
    _, result = real_build
    left_out = 0
    for plan in result.pages:
        for r in plan.folio_marks:
            assert not any(_overlap(r, v) for _, v in plan.visuals), f"page {plan.folio}: folio over a visual"
        if not plan.folio_marks and not plan.white_furniture and plan.visuals:
            left_out += 1
    assert left_out >= 30  # the full-bleed pictures of the issue carry no dark folio


def test_captions_stay_with_their_pictures(real_build):
    _, result = real_build
    seen = 0
    for plan in result.pages:
        pictures = dict(plan.visuals)
        for vid, caption in plan.captions:
            image = pictures[vid]
            inside = _overlap(caption, image)
            gap = 0.0 if inside else image.y - caption.top
            assert gap <= 5 * MM, f"page {plan.folio}: the caption of {vid} is {gap / MM:.0f} mm from it"
            seen += 1
    assert seen >= 20


def test_the_drop_cap_spans_its_lines_and_keeps_its_cedilla(real_build):
    _, result = real_build
    pdf = pdfium.PdfDocument(str(result.output))
    try:
        text = pdf[6].get_textpage().get_text_range()  # page 7, the editorial
    finally:
        pdf.close()
    assert text.lstrip().startswith("Ç") or "Ça ferait" in text.replace("\r\n", "")


def test_drop_cap_geometry():
    name = "dropcap-display"
    pdfmetrics.registerFont(TTFont(name, str(kit.FONTS / "NotoSansDisplay-Bold.ttf")))
    cap_ratio = pdfmetrics.getFont(name).face.capHeight / 1000
    body_cap = 6.5
    plain = DropCap("C", name, 3, 12.4, 9.6, body_cap, None)
    _, h = plain.wrap(100, 100)
    assert h == 3 * 12.4  # exactly its three lines
    # Its capital reaches from the third baseline to the first line's cap height.
    assert abs(plain.size * cap_ratio - (2 * 12.4 + body_cap)) < 1e-9
    cedilla = DropCap("Ç", name, 3, 12.4, 9.6, body_cap, None)
    assert cedilla.wrap(100, 100)[1] == 4 * 12.4  # the cedilla takes a fourth line beside it

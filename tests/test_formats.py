"""Any format: proof slugs and marks placed from the page size, never colliding."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pytest

from ials_print.manifest.load import load_issue
from ials_print.output.build import ProofStamp, build
from ials_print.output.modes import proof_mode

MM = 72 / 25.4


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _outside_chars(pdf: Path, index: int) -> list[tuple[str, float, float]]:
    """Characters printed outside the trim (the slug and the proof mark), with their x extent."""
    page = pdfium.PdfDocument(str(pdf))[index]
    trim = page.get_trimbox()
    text = page.get_textpage()
    out = []
    for i in range(text.count_chars()):
        left, bottom, right, top = text.get_charbox(i)
        if top < trim[1] or bottom > trim[3]:
            out.append((text.get_text_range(i, 1), left - trim[0], right - trim[0]))
    return out


@pytest.mark.parametrize("size", [(210, 297), (148, 210)])
def test_slug_and_proof_mark_stay_between_the_crop_marks(mini_copy, tmp_path, size):
    w, h = size
    _edit(
        mini_copy,
        "format: {trim_width: 210, trim_height: 297, bleed: 3}",
        f"format: {{trim_width: {w}, trim_height: {h}, bleed: 3}}",
    )
    _edit(
        mini_copy,
        "title: Un article",
        "title: Un article au titre bien plus long que la page ne le permet en A5, vraiment",
    )
    issue = load_issue(mini_copy)
    out = tmp_path / "proof.pdf"
    build(issue, out, mode=proof_mode(), stamp=ProofStamp(12, "2026-11-30 09:00"))
    chars = _outside_chars(out, 0)
    assert len(chars) > 30  # the slug and the mark are there
    for ch, x0, x1 in chars:
        # The vertical crop marks stand on x = 0 and x = width: keep 1 mm clear of them.
        assert x0 >= 1 * MM and x1 <= w * MM - 1 * MM, (ch, x0 / MM, x1 / MM)

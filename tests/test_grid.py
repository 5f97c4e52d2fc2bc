"""The baseline grid, read back from the PDF: body lines share baselines across columns and pages."""

from __future__ import annotations

from collections import defaultdict
from itertools import pairwise

import pytest

from tests.typo_measure import pdf_columns

LEADING = 12.4  # the body's leading in layouts/styles.yaml


def _phase(y: float) -> float:
    """Where a baseline falls between two grid lines (0 ≤ phase < leading)."""
    return y % LEADING


@pytest.fixture(scope="module")
def body_columns(real_build):
    _, result = real_build
    return pdf_columns(result.output)


def test_body_lines_of_every_column_sit_on_one_grid(body_columns):
    """≥ 95 % of the body lines of a column share a baseline with the next column's grid, on every
    page with two or more columns, and every page's grid is the same (facing pages line up)."""
    by_page = defaultdict(list)
    for col in body_columns:
        by_page[col.page].append(col)
    phases = []
    checked = 0
    for page, cols in sorted(by_page.items()):
        lines = [ln for col in cols for ln in col.lines]
        phases += [_phase(ln.glyphs[0].y) for ln in lines]
        if len(cols) < 2:
            continue
        cols.sort(key=lambda c: min(ln.glyphs[0].x0 for ln in c.lines))
        for a, b in pairwise(cols):
            grid = {_phase(ln.glyphs[0].y) for ln in b.lines}
            shared = sum(any(abs(_phase(ln.glyphs[0].y) - g) < 0.3 for g in grid) for ln in a.lines)
            assert shared >= 0.95 * len(a.lines), (
                f"page {page}: {shared} of {len(a.lines)} lines on the next column's grid"
            )
            checked += 1
    assert checked >= 20  # the issue's two- and three-column pages are all measured
    centre = phases[0]
    off = [p for p in phases if min(abs(p - centre), LEADING - abs(p - centre)) > 0.3]
    assert len(off) <= 0.02 * len(phases), f"{len(off)} of {len(phases)} body lines off the issue's one grid"


def test_interview_questions_sit_on_the_grid_too(real_build, body_columns):
    """Questions (9 pt sans bold on the body's leading) follow pull-quotes, figures and panels: their
    first baseline snaps onto the grid whatever space those leave after them. (Kickers, bio titles
    and signatures in the same face are capitals and not on the grid: left out.)"""
    from tests.typo_measure import read_body

    issue, result = real_build
    article_pages = {
        plan.folio for plan in result.pages if issue.templates[issue.section(plan.section_id).layout].kind == "article"
    }
    body = [ln.glyphs[0].y for col in body_columns for ln in col.lines]
    phase = _phase(body[0])
    rows: dict[tuple[int, float], str] = defaultdict(str)
    for page, glyphs in read_body(result.output, size=9.0, font="NotoSans-Bold").items():
        for g in glyphs:
            if page in article_pages:
                rows[page, round(g.y, 2)] += g.text
    questions = [(page, y) for (page, y), text in rows.items() if any(ch.islower() for ch in text)]
    assert len(questions) > 50
    off = [(p, y) for p, y in questions if min(abs(_phase(y) - phase), LEADING - abs(_phase(y) - phase)) > 0.3]
    assert off == []

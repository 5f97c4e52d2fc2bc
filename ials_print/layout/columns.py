"""Filling one column with the story: splits, blocks that keep company, floats, the grid."""

from __future__ import annotations

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Frame, Paragraph

from ials_print.layout import flowables as fl
from ials_print.layout.geometry import Rect
from ials_print.layout.grid import Grid, first_baseline, space_before
from ials_print.layout.provenance_marks import carry, note_drawn
from ials_print.layout.textblock import TextBlock


def _least(f: Flowable, width: float) -> float:
    """The least of ``f`` that may end a column: two lines of a paragraph, else all of it."""
    if isinstance(f, TextBlock) and f.line_count(width) < 4:
        return f.wrap(width, 10_000)[1]  # under four lines it moves whole
    if isinstance(f, Paragraph | TextBlock):
        return 2 * f.style.leading
    return f.wrap(width, 10_000)[1]


def _keeps_company(frame: Frame, f: Flowable, nxt: Flowable, grid: Grid | None) -> bool:
    """Do ``f`` (a heading, a question) and the least of what follows fit in what is left of the
    frame, where the grid will put them?"""
    width = frame._getAvailableWidth()
    top = frame._y - space_before(frame, f)
    if grid is not None:
        top = grid.snapped(top, first_baseline(f), frame._atTop)
    after = top - f.wrap(width, 10_000)[1] - f.getSpaceAfter() - nxt.getSpaceBefore()
    if grid is not None:
        after = grid.snapped(after, first_baseline(nxt), False)
    return after - _least(nxt, width) >= frame._y1p - 1e-6


GROWTH = 0.25  # a figure grows by a quarter of its height at most (cropped a little more)


def _reach_foot(frame: Frame, f: fl.Figure, nxt: Flowable | None) -> None:
    """A picture whose follower will not fit under it grows (fill-cropped) down to the column's
    foot, up to its tallest and a quarter more at most, rather than leave a hole there."""
    f.extra = 0.0
    if f.rigid or f.fit != "fill" or nxt is None or isinstance(nxt, fl.NextPage | fl.NextFrame):
        return
    width = frame._getAvailableWidth()
    room = frame._y - frame._y1p - (0 if frame._atTop else f.getSpaceBefore())
    _, h = f.wrap(width, room)
    if h > room:
        return  # it shrinks or moves on
    below = room - h - f.getSpaceAfter() - nxt.getSpaceBefore()
    if below <= 0 or below >= _least(nxt, width):
        return  # what follows starts under it
    f.extra = max(0.0, min(room - h, f.max_height - f.image_height, GROWTH * f.image_height))


def fill_frame(frame: Frame, story: list[Flowable], c: Canvas, grid: Grid | None = None) -> bool:
    """Set flowables from the head of ``story`` into ``frame``, splitting the last one.

    A flowable marked ``keep_with_next`` (headings, interview questions) moves to the next
    frame unless the start of what follows fits after it. A ``floating`` one (a pull-quote) that
    does not fit where it stands lets the text after it fill the frame and opens the next one
    instead, so it never leaves a hole; two floats never stack. Returns False if the first
    flowable cannot be placed even in an empty frame.
    """
    deferred: list[Flowable] = []
    try:
        return _fill(frame, story, c, grid, deferred)
    finally:
        # The floats that did not fit here open the next frame: after the author's break, if any.
        at = 1 if story and isinstance(story[0], fl.NextPage) else 0
        story[at:at] = deferred


def _fill(frame: Frame, story: list[Flowable], c: Canvas, grid: Grid | None, deferred: list[Flowable]) -> bool:
    after_float = False
    while story:
        f = story[0]
        if isinstance(f, fl.NextPage):
            return True  # the page composer moves on to the next page
        floating = getattr(f, "floating", False)
        if floating and after_float:
            deferred.append(story.pop(0))  # never two pull-quotes one above the other
            continue
        keep = getattr(f, "keep_with_next", False) and len(story) > 1 and not frame._atTop
        if keep and not _keeps_company(frame, f, story[1], grid):
            return True
        if grid is not None:
            grid.snap(frame, f)
        if isinstance(f, fl.Figure):
            _reach_foot(frame, f, story[1] if len(story) > 1 else None)
        if _add(frame, f, c):
            story.pop(0)
            after_float = floating
            continue
        if floating:
            deferred.append(story.pop(0))
            continue
        parts = frame.split(f, c)
        carry(f, parts)
        if parts and _add(frame, parts[0], c):
            story[0:1] = parts[1:]
            after_float = False
            continue
        return not frame._atTop
    return True


def _add(frame: Frame, f: Flowable, c: Canvas) -> bool:
    """``frame.add``, noting where ``f`` went (for the page's provenance marks)."""
    top = frame._y
    if not frame.add(f, c, trySplit=0):
        return False
    bottom = frame._y + f.getSpaceAfter()
    note_drawn(c, f, Rect(frame._x1, bottom, frame._getAvailableWidth(), max(top - bottom, 0.0)))
    return True

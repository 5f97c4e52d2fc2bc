"""The baseline grid: every paragraph's first baseline lands on it, so body lines line up across
columns and facing pages, and whatever is not a whole number of lines (a heading, a figure, a
panel, a pull-quote) is followed by text that snaps back onto it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from reportlab.platypus import Flowable, Frame, ImageAndFlowables, KeepTogether

from ials_print.layout.textblock import TextBlock

# Points a first baseline may rise to meet the grid line above rather than drop to the one below:
# enough to absorb a smaller size's shorter descent (a 9 pt question before 9.6 pt text), never
# enough for ascenders to reach the block above; a column's first line may rise a little more.
RISE = 1.5
RISE_AT_TOP = 2.5


@dataclass(frozen=True)
class Grid:
    """Baselines at ``origin``, ``origin - leading``, … (points from the page's bottom)."""

    origin: float
    leading: float

    def below(self, y: float) -> float:
        """The first grid baseline at or below ``y``."""
        k = max(0, math.ceil((self.origin - y) / self.leading - 1e-6))
        return self.origin - k * self.leading

    def snapped(self, top: float, drop: float | None, at_top: bool) -> float:
        """Where a flowable whose top would be at ``top`` goes so that its first baseline, ``drop``
        below its top, falls on the grid."""
        if drop is None:
            return top
        baseline = top - drop
        target = self.below(baseline)
        above = target + self.leading
        if above <= self.origin + 1e-6 and above - baseline <= (RISE_AT_TOP if at_top else RISE):
            target = above  # the line above is within reach: rise to it rather than drop a line
        return top - (baseline - target)

    def snap(self, frame: Frame, f: Flowable) -> None:
        """Move the frame's current point down (or, at a column's top, a little up) so that the
        first baseline of ``f`` falls on the grid."""
        top = frame._y - space_before(frame, f)
        frame._y -= top - self.snapped(top, first_baseline(f), frame._atTop)


def space_before(frame: Frame, f: Flowable) -> float:
    """The space ``frame`` will put above ``f``, as ReportLab's Frame computes it (none at a
    column's top; less the previous block's space after, when spaces overlap)."""
    if frame._atTop:
        return 0.0
    space = f.getSpaceBefore()
    if getattr(frame, "_oASpace", False):
        space = max(space - frame._prevASpace, 0.0)
    return space


def first_baseline(f: Flowable) -> float | None:
    """How far below its top a flowable's first baseline lies, if it sets text on the grid."""
    if isinstance(f, TextBlock):
        return f.style.fontSize
    if isinstance(f, ImageAndFlowables | KeepTogether):
        content = getattr(f, "_content", None)
        return first_baseline(content[0]) if content else None
    return None

"""What a section's layout made, as plain data: each page's plan (what went where) and the section's
findings. Kept with the laid-out section in the section cache and read back without the layout."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ials_print.layout.geometry import Rect
from ials_print.provenance.rules import PageProvenance

if TYPE_CHECKING:
    from ials_print.content.story import TextProvenance


@dataclass
class PagePlan:
    """What went where on one page: data for tests, reports and the contents page."""

    folio: int
    section_id: str
    pictogram: str
    frames: list[Rect] = field(default_factory=list)
    head: Rect | None = None
    visuals: list[tuple[str, Rect]] = field(default_factory=list)
    furniture: list[Rect] = field(default_factory=list)
    folio_marks: list[Rect] = field(default_factory=list)  # folio and running foot, in their own colour
    white_furniture: list[Rect] = field(default_factory=list)  # folio and running foot set in white on a visual
    captions: list[tuple[str, Rect]] = field(default_factory=list)  # area visuals' captions, by visual id
    capacity: float = 0.0  # points of column height the page offers its text (before balancing)
    filled: list[tuple[Rect, float]] = field(default_factory=list)  # each frame and the height its text took
    fit_flags: list[str] = field(default_factory=list)  # copyfitting problems: underfilled, empty column, hole
    continued: bool = False  # the section's text goes on to the next page
    breaks: set[int] = field(default_factory=set)  # frames the author's *** (or a column break) ended

    @property
    def fill(self) -> float:
        """Share of the page's column height its text took (1.0 when it offers none)."""
        return sum(h for _, h in self.filled) / self.capacity if self.capacity else 1.0

    pull_quotes: list[Rect] = field(default_factory=list)
    has_content: bool = False
    has_text: bool = False  # the section's words are printed here (not only furniture or visuals)
    provenance: PageProvenance | None = None
    # What prints here and whose it is (provenance_marks): text by block provenance (None: the
    # section's own), visuals by id, which text marks are credit lines; for the pictogram and the proof.
    text_marks: list[tuple[TextProvenance | None, Rect]] = field(default_factory=list)
    visual_marks: list[tuple[str, Rect]] = field(default_factory=list)
    credit_marks: set[int] = field(default_factory=set)
    story_drawn: bool = False  # the section's story flowed into this page's columns
    section_text: bool = False  # some of it is the section's own text (outside any ::: fence)


@dataclass
class SectionResult:
    section_id: str
    pages: list[PagePlan]
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    overset_words: int = 0  # words left over after the section's last page
    overset_lines: int = 0  # about how many grid lines they need in its columns

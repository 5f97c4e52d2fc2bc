"""Data of the pages built from data rather than running text: cover, contents, ads, past issues."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from ials_print.manifest.model import Strict


class CoverLine(Strict):
    """One cover line (accroche): a rubric over its words, on a white plate down the outside edge."""

    rubric: str | None = Field(None, description="Small capitals over the line, e.g. DOSSIER MUSIQUE")
    line: str = Field(description="Printed lines, separated by \\n")


class CoverData(Strict):
    """The cover's words; the visual is the section's first image."""

    masthead: str | None = Field(None, description="Default: the publication's masthead, else its short name")
    issue_label: str = Field(description="Under the masthead, e.g. 'numéro 3'")
    descriptor: str | None = Field(None, description="Beside the issue label, e.g. MAGAZINE")
    tagline: list[str] = Field(default_factory=list, description="Lines under the masthead (the motto)")
    cover_lines: list[CoverLine] = Field(default_factory=list, description="Cover lines, top to bottom")
    ai_notice: str | None = Field(None, description="The line about AI-generated visuals")


class AdData(Strict):
    """A full-page advertisement's words over its visual."""

    headline: str | None = Field(None, description="Large words at the top")
    text: str = Field(description="The ad's words (\\n between lines)")
    credit: str | None = Field(None, description="Who made the visual")


class CreditData(Strict):
    """The cover-credit page ("En couverture"): a label and the credit of the cover visual."""

    label: str = Field(description="e.g. EN COUVERTURE")
    text: str = Field(description="Who made the cover visual and with what")


class ContentsData(Strict):
    """The contents page's title; the issue number printed under it comes from the manifest."""

    title: str = "sommaire"
    issue_label: str | None = Field(None, description="Ignored: the number is the manifest's issue.number")
    issue_label_as_printed: str | None = None


class LegendData(Strict):
    """The contents page's transparency legend: the three pictograms and what they mean."""

    transparency: str = Field(description="The words over the legend (\\n between lines)")
    labels: dict[Literal["ia", "mixte", "humain"], str] = Field(description="Each pictogram's meaning, by kind")


class PastIssue(Strict):
    """One past (or coming) issue in the gallery; its cover is the section's image of the same rank."""

    label: str = Field(description="Under the cover, e.g. 'Janvier 2024'")
    note: str | None = Field(None, description="A second line, e.g. 'Pour ne rien louper'")


class FooterData(Strict):
    """The words closing the gallery."""

    text: str = Field(description="\\n between lines")
    url: str | None = Field(None, description="Printed as is, e.g. www.example.fr")


class BackCoverData(Strict):
    """The back cover's words over its visual."""

    text: str = Field(description="\\n between lines")


class PageData(Strict):
    """A data file of the pages built from data (the section's ``data:``), e.g. the front and back
    matter; each kind of page reads its part."""

    cover: CoverData | None = None
    inside_cover_ad: AdData | None = None
    cover_credit: CreditData | None = None
    contents: ContentsData | None = None
    contents_legend: LegendData | None = None
    past_issues: list[PastIssue] = Field(default_factory=list)
    past_issues_footer: FooterData | None = None
    back_cover: BackCoverData | None = None


# Which part of the data file each kind of page needs.
NEEDS: dict[str, tuple[str, ...]] = {
    "cover": ("cover",),
    "contents": ("contents", "contents_legend"),
    "gallery": ("past_issues",),
}

"""Data of the pages built from data rather than running text: cover, contents, ads, past issues."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from ials_print.manifest.model import Strict


class CoverLine(Strict):
    rubric: str | None = None
    line: str = Field(description="Printed lines, separated by \\n")


class CoverData(Strict):
    masthead: str | None = Field(None, description="Default: the publication's masthead, else its short name")
    issue_label: str
    descriptor: str | None = None
    tagline: list[str] = Field(default_factory=list)
    cover_lines: list[CoverLine] = Field(default_factory=list)
    ai_notice: str | None = Field(None, description="The line about AI-generated visuals")


class AdData(Strict):
    headline: str | None = None
    text: str
    credit: str | None = None


class CreditData(Strict):
    label: str
    text: str


class ContentsData(Strict):
    """The contents page's title; the issue number printed under it comes from the manifest."""

    title: str = "sommaire"
    issue_label: str | None = Field(None, description="Ignored: the number is the manifest's issue.number")
    issue_label_as_printed: str | None = None


class LegendData(Strict):
    transparency: str
    labels: dict[Literal["ia", "mixte", "humain"], str]


class PastIssue(Strict):
    label: str
    note: str | None = None


class FooterData(Strict):
    text: str
    url: str | None = None


class BackCoverData(Strict):
    text: str


class PageData(Strict):
    """The front and back matter file (issue/texts/front-back.yaml)."""

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

"""Schemas of the files a manifest points to: page templates and the stylesheet."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, model_validator

from ials_print.manifest.model import Area, Length, Mm, Strict, length_mm  # noqa: F401  (Area, length_mm: used by layouts)

Percent = Annotated[float, Field(ge=0, le=100)]
Points = Annotated[float, Field(ge=-200, le=500, description="points")]


class FigureHeights(Strict):
    """How tall pictures in the text columns may be: they shrink to fit where they stand, and grow
    (cropped a little more, by a quarter at most) to fill a column rather than leave a hole."""

    min_height: Annotated[float, Field(gt=10, le=400)] = Field(35, description="Shortest, in mm")
    max_height: Annotated[float, Field(gt=10, le=400)] = Field(95, description="Tallest, in mm")

    @model_validator(mode="after")
    def _ordered(self) -> FigureHeights:
        if self.min_height > self.max_height:
            raise ValueError(f"min_height {self.min_height:g} mm is above max_height {self.max_height:g} mm")
        return self


class BaselineGrid(Strict):
    """The baseline grid body lines sit on; both default to the layout's body style."""

    leading: Annotated[float, Field(gt=2, le=100)] | None = Field(None, description="Points between baselines")
    first_baseline: Annotated[float, Field(ge=0, le=100)] | None = Field(
        None, description="Points from the top of the type area to the first baseline (default: the body size)"
    )


class Template(Strict):
    """A page template: grid, opener head, furniture and named areas for visuals."""

    description: str = ""
    kind: Literal["article", "placeholder", "cover", "contents", "portfolio", "gallery", "visual"] = "article"
    columns: int = Field(2, ge=1, le=6)
    gutter: Mm = 5
    opener_head: Length = Field(
        0.0,
        description="Height reserved on the section's first page for the title block (mm, or a share of the type area)",
    )
    column_rule: bool = False
    data_part: str | None = Field(None, description="Visual pages: the part of the section's data file they print")
    measure: Mm | None = Field(None, description="One-column layouts: column width in mm, set to the outside")
    folio: bool = True
    running_head: bool = True
    grid: BaselineGrid | bool = Field(True, description="The baseline grid of text pages; false to opt out")
    furniture_on_visual: Literal["omit", "white"] = Field(
        "omit", description="Folio and running head where a visual lies under them: left out, or set in white"
    )
    styles: dict[str, str] = Field(
        default_factory=dict, description="Style substitutions for this layout, e.g. {body: edito_body}"
    )
    areas: dict[str, Area] = Field(default_factory=dict)
    figures: FigureHeights = Field(
        default_factory=FigureHeights, description="Pictures in the text columns: shortest and tallest, in mm"
    )
    legal_block: bool = Field(False, description="Set the manifest's legal mentions in a box after the text")


class Style(Strict):
    """A paragraph style. Sizes and spacing in points."""

    family: str
    face: Literal["regular", "italic", "bold", "bold_italic"] = "regular"
    size: Annotated[float, Field(gt=2, le=300)]
    leading: Annotated[float, Field(gt=2, le=400)]
    align: Literal["left", "right", "center", "justify"] = "left"
    space_before: Points = 0
    space_after: Points = 0
    first_line_indent: Points = 0
    left_indent: Annotated[float, Field(ge=0, le=500)] = 0
    color: str = "ink"
    upper: bool = False
    hyphenate: bool = False


REQUIRED_STYLES = (
    "body",
    "body_first",
    "heading",
    "subheading",
    "kicker",
    "title",
    "subtitle",
    "standfirst",
    "byline",
    "question",
    "pull_quote",
    "pull_quote_across",
    "caption",
    "credit",
    "bio_title",
    "bio",
    "box_title",
    "box",
    "bignum",
    "bignum_legend",
    "epigraph",
    "epigraph_source",
    "list_item",
    "signature",
    "running_head",
    "folio",
    "drop_cap",
    "placeholder",
)


# Styles each kind of page needs besides the required ones.
KIND_STYLES: dict[str, tuple[str, ...]] = {
    "cover": ("masthead", "cover_issue", "cover_tagline", "cover_rubric", "cover_line", "cover_notice"),
    "visual": ("ad_headline", "ad_text"),
    "portfolio": ("portfolio_title", "portfolio_heading", "portfolio_text", "portfolio_credit"),
    "contents": (
        "contents_title",
        "contents_issue",
        "contents_folio",
        "contents_rubric",
        "contents_item",
        "contents_byline",
        "legend_intro",
        "legend_label",
    ),
    "gallery": ("gallery_label", "gallery_footer"),
}


class Justification(Strict):
    """How far the composer may space justified lines, in percent (InDesign's Justification dialog).

    Word spacing is tried first; letter spacing, then glyph scaling, only for paragraphs that
    find no good breaks with word spacing alone.
    """

    word_space: tuple[float, float, float] = Field(
        (80, 100, 133), description="Minimum, natural and maximum word space, % of the font's space"
    )
    letter_spacing: Annotated[float, Field(ge=0, le=10)] = Field(2, description="± % of the words' width")
    glyph_scaling: Annotated[float, Field(ge=0, le=10)] = Field(2, description="± % of the glyphs' width")

    @model_validator(mode="after")
    def _ordered(self) -> Justification:
        lo, mid, hi = self.word_space
        if not 0 < lo <= mid <= hi <= 400:
            raise ValueError(f"word_space must be minimum ≤ natural ≤ maximum within 1–400 %, found {lo}, {mid}, {hi}")
        return self


class Stylesheet(Strict):
    """Named CMYK colours (0–100 %), paragraph styles and hyphenation switches."""

    colors: dict[str, tuple[Percent, Percent, Percent, Percent]]
    styles: dict[str, Style]
    hyphenate_capitalised: bool = Field(False, description="Hyphenate capitalised words too (never acronyms)")
    justification: Justification = Justification()
    overprint_black: bool = Field(
        True, description="100 % K text and rules overprint the colour beneath (false: they knock out)"
    )

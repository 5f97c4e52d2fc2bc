"""The issue manifest's schema (pydantic). Lengths in millimetres, type sizes in points."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

from ials_print.limits import MAX_RUNNING_HEAD_CHARS, MAX_TITLE_CHARS

Provenance = Literal["ia", "mixte", "humain"]
Slug = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]*$", description="lower-case letters, digits and hyphens")]
Mm = Annotated[float, Field(ge=0, le=1000, description="millimetres")]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False)  # .nan and .inf are mistakes


class IssueInfo(Strict):
    """Who and when: the issue's identity."""

    title: str = Field(max_length=MAX_TITLE_CHARS, description="Magazine title as printed on the cover")
    number: int = Field(ge=1, description="Issue number (numéro)")
    date: dt.date = Field(description="Publication date, YYYY-MM-DD")
    language: Literal["fr"] = "fr"
    publisher: str | None = None


class Margins(Strict):
    """Type-area margins from the trim, in mm; inside is the spine side."""

    top: Mm = 16
    bottom: Mm = 18
    inside: Mm = 17
    outside: Mm = 14


class PageFormat(Strict):
    """Finished page (trim), bleed and margins, in mm."""

    trim_width: float = Field(210, gt=50, le=1000)
    trim_height: float = Field(297, gt=50, le=1000)
    bleed: float = Field(3, ge=0, le=20)
    margins: Margins = Margins()
    binding: Literal["perfect", "saddle_stitch"] = "perfect"

    @model_validator(mode="after")
    def _type_area_remains(self) -> PageFormat:
        m = self.margins
        if m.inside + m.outside > self.trim_width - 30 or m.top + m.bottom > self.trim_height - 30:
            raise ValueError(
                f"margins leave no room for text: {m.inside}+{m.outside} mm across a {self.trim_width} mm page, "
                f"{m.top}+{m.bottom} mm down a {self.trim_height} mm page (at least 30 mm must remain each way)"
            )
        return self


class FontFamily(Strict):
    """TrueType files of one family, relative to the fonts folder."""

    regular: str
    italic: str | None = None
    bold: str | None = None
    bold_italic: str | None = None


class Resources(Strict):
    """Folders the engine reads besides the issue folder, relative to the manifest."""

    layouts: str = Field("../layouts", description="Page templates folder")
    fonts: str = Field("../fonts", description="TrueType fonts folder")
    stylesheet: str = Field("styles.yaml", description="Paragraph styles, in the layouts folder")


class OutputCondition(Strict):
    """The printing condition of the final PDF (its PDF/X output intent)."""

    identifier: str = Field("FOGRA39", description="OutputConditionIdentifier, e.g. FOGRA39 or FOGRA51")
    info: str = Field("Coated FOGRA39 (ISO 12647-2:2004)", description="Readable name of the condition")
    registry: str = "http://www.color.org"
    profile: str = Field("../color/FOGRA39L-300.icc", description="CMYK output ICC profile, relative to the manifest")


class AreaPlacement(Strict):
    """A visual placed in one of the template's named areas on a page of its section."""

    area: str
    page: int = Field(1, ge=1, description="Page within the section, 1 = its first page")
    spread: bool = Field(
        False,
        description="Across the fold: the area on this left-hand page and the facing page as one picture "
        "(a double page); the area must span the page's width",
    )


class Visual(Strict):
    """An image with its caption, credit and provenance."""

    id: Slug
    file: str = Field(description="Image file, relative to the manifest, inside the issue folder")
    caption: str | None = None
    credit: str | None = None
    provenance: Provenance = Field(description="ia: generated; mixte: human work with AI; humain: no AI")
    tool: str | None = Field(None, description="AI tool and version, e.g. 'Midjourney v6', 'Leonardo'")
    author: str | None = Field(None, description="Who made or prompted it, for credits (© …)")
    retouch: list[str] = Field(default_factory=list, description="Retouching or upscaling tools, e.g. Magnific")
    file_provenance_reason: str | None = Field(
        None, min_length=10, description="Why the manifest's provenance stands against what the file itself says"
    )
    place: Literal["flow"] | AreaPlacement = Field(
        "flow", description="'flow' = in the text column where the article references it"
    )
    fit: Literal["fit", "fill"] = Field("fill", description="fit: whole image; fill: crop to the frame")
    focus: tuple[float, float] = Field((0.5, 0.5), description="Crop centre (x, y), 0..1 from top-left")
    max_height: float | None = Field(
        None, gt=10, le=400, description="In the flow: tallest the image may be, in mm (default: the layout's)"
    )
    min_height: float | None = Field(
        None, gt=10, le=400, description="In the flow: shortest it may shrink to, in mm (default: the layout's)"
    )


class PictogramOverride(Strict):
    """A page whose pictogram is set by hand, with the reason shown in the provenance report."""

    page: int = Field(ge=1, description="Page within the section, 1 = its first page")
    kind: Provenance
    reason: str = Field(min_length=10, description="Why the derived pictogram is wrong for this page")


class Section(Strict):
    """One entry of the flatplan: a run of consecutive pages with one layout."""

    id: Slug
    title: str = Field(max_length=MAX_TITLE_CHARS)
    layout: Slug = Field(description="Template name: layouts/<layout>.yaml")
    first_page: int = Field(ge=1)
    pages: int = Field(ge=1, le=200)
    provenance: Provenance = Field(
        description="Provenance of the section's text (and of pages that carry only furniture)"
    )
    text: str | None = Field(None, description="Markdown article, relative to the manifest")
    text_author: str | None = Field(None, description="Who wrote the text")
    text_tool: str | None = Field(None, description="AI tool used for the text, e.g. 'GPT-4' (when ia or mixte)")
    pictograms: list[PictogramOverride] = Field(default_factory=list)
    looseness: dict[int, Literal[-1, 1]] = Field(
        default_factory=dict,
        description="Paragraphs, by the line of the text file they start on, set one line shorter (-1) or longer (1)",
    )
    drop_pull_quotes: list[int] = Field(
        default_factory=list,
        description="Pull-quotes (`>`), by the line of the text file they start on, the layout leaves out; "
        "they repeat the body, so no word is lost",
    )
    short_pages: dict[int, Annotated[str, Field(min_length=10)]] = Field(
        default_factory=dict,
        description="Pages of the section (1 = its first) allowed to be less than 40 % filled, with the reason",
    )
    running_head: str | None = Field(
        None, max_length=MAX_RUNNING_HEAD_CHARS, description="Defaults to the section title"
    )
    rubric: str | None = Field(None, description="Rubric grouping consecutive sections (contents, bookmarks)")
    in_contents: bool = Field(True, description="Listed on the generated contents page")
    data: str | None = Field(None, description="YAML data for cover, contents, gallery or visual pages")
    images: list[Visual] = []


_WORD_RE = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")


def _one_word(value: str) -> str:
    if not _WORD_RE.fullmatch(value):
        raise ValueError("expected one word of letters, hyphens or apostrophes (no space, digit or other sign)")
    return value


HyphenationWord = Annotated[str, AfterValidator(_one_word), Field(description="One word: letters, - and ' only")]


class Hyphenation(Strict):
    """Words the hyphenation treats apart, compared without case."""

    exceptions: list[HyphenationWord] = Field(
        default_factory=list,
        description="Words written with hyphens at their only allowed break points, e.g. Mid-jour-ney",
    )
    never: list[HyphenationWord] = Field(default_factory=list, description="Words never hyphenated, e.g. Midjourney")


class Manifest(Strict):
    """An issue: identity, format, fonts and the flatplan (sections in page order)."""

    issue: IssueInfo
    format: PageFormat = PageFormat()
    resources: Resources = Resources()
    output: OutputCondition = OutputCondition()
    fonts: dict[str, FontFamily] = Field(description="Families by name, e.g. serif, sans, display")
    hyphenation: Hyphenation = Hyphenation()
    page_count: int = Field(ge=1, le=1000, description="Total pages; sections must tile 1..page_count")
    sections: list[Section] = Field(min_length=1)

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
    # .nan and .inf are mistakes; schemas are built when a model is first validated (a preview
    # validates few of them: 80 ms less at every start).
    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False, defer_build=True)


# A length in mm, or a share of the page (or of the type area, for heights in it): "50%".
Length = Annotated[
    float | Annotated[str, Field(pattern=r"^\d+(\.\d+)?\s*%$")],
    Field(description="millimetres, or a share as 'N%' (of the page for areas, of the type area for heights in it)"),
]


def length_mm(value: float | str, whole: float) -> float:
    """A :data:`Length` in mm: ``value`` itself, or its share of ``whole`` (mm)."""
    if isinstance(value, str):
        return float(value.rstrip().rstrip("%")) / 100 * whole
    return float(value)


class Area(Strict):
    """A rectangle for a visual, from the trim's top-left corner of a right-hand page, in mm or in
    shares of the page ("100%": the whole width or height, whatever the format).

    On left-hand pages it is mirrored. ``bleed: true`` pushes every edge lying on the trim out
    to the bleed edge, so a full-page visual is printed past the cut.
    """

    x: Length
    y: Length
    w: Length
    h: Length
    bleed: bool = False
    caption: Literal["below", "inside", "none"] = "below"

    @model_validator(mode="after")
    def _sized(self) -> Area:
        for name in ("x", "y", "w", "h"):
            value = length_mm(getattr(self, name), 100)
            if value < 0 or value > 1000 or (name in "wh" and value <= 0):
                raise ValueError(f"{name} must be {'above' if name in 'wh' else 'at least'} 0 (and at most 1000 mm)")
            if isinstance(getattr(self, name), str) and value > 100:
                raise ValueError(f"{name} must be a share of the page up to 100%, found {getattr(self, name)}")
        return self

    def in_mm(self, trim_width: float, trim_height: float) -> tuple[float, float, float, float]:
        """x, y, w, h in mm on a page of that trim."""
        return (
            length_mm(self.x, trim_width),
            length_mm(self.y, trim_height),
            length_mm(self.w, trim_width),
            length_mm(self.h, trim_height),
        )


class IssueInfo(Strict):
    """Who and when: the issue's identity."""

    title: str = Field(max_length=MAX_TITLE_CHARS, description="Magazine title as printed on the cover")
    number: int = Field(ge=1, description="Issue number (numéro)")
    date: dt.date = Field(description="Publication date, YYYY-MM-DD")
    language: Literal["fr"] = "fr"
    publisher: str | None = None


class Publication(Strict):
    """The magazine itself, the same for all its issues: its names as printed."""

    name: str = Field(min_length=1, max_length=200, description="Full title, e.g. on the cover and in the PDF's Info")
    short_name: str = Field(
        min_length=1, max_length=40, description="Short name for running feet, proof slugs and the flatplan"
    )
    masthead: str | None = Field(None, max_length=60, description="The cover's masthead (default: short_name)")
    language: Literal["fr"] = "fr"


class Margins(Strict):
    """Type-area margins from the trim, in mm; inside is the spine side."""

    top: Mm = 16
    bottom: Mm = 18
    inside: Mm = 17
    outside: Mm = 14


class Paper(Strict):
    """The paper, as the printer gives it: it sets the spine's width for perfect binding."""

    interior_caliper_um: float = Field(gt=20, le=1000, description="Thickness of one interior leaf, µm")
    cover_caliper_um: float | None = Field(None, gt=20, le=2000, description="Cover board thickness, µm")


class CoverPages(Strict):
    """Which folios are the four cover pages (perfect binding); by default the first two and last two."""

    front: int = Field(1, ge=1, description="The front cover's folio")
    inside_front: int = Field(2, ge=1, description="The inside front cover's folio")
    inside_back: int | None = Field(None, ge=1, description="Default: the page before the last")
    back: int | None = Field(None, ge=1, description="Default: the last page")


class Spine(Strict):
    """The spine of a perfect-bound issue: its text (title, number, date) and how it reads."""

    direction: Literal["bottom_to_top", "top_to_bottom"] = Field(
        "bottom_to_top", description="French (continental) spines read bottom to top; English ones top to bottom"
    )
    text: str | None = Field(None, description="Default: the title, the number and the month of issue")


class PageFormat(Strict):
    """Finished page (trim), bleed and margins, in mm."""

    trim_width: float = Field(210, gt=50, le=1000)
    trim_height: float = Field(297, gt=50, le=1000)
    bleed: float = Field(3, ge=0, le=20)
    margins: Margins = Margins()
    binding: Literal["perfect", "saddle_stitch"] = "perfect"
    paper: Paper | None = Field(None, description="Perfect binding: with the paper, build writes cover and interior")
    cover: CoverPages = CoverPages()
    spine: Spine = Spine()

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

    layouts: str | None = Field(None, description="Page templates folder (default: the engine's kit)")
    fonts: str | None = Field(None, description="TrueType fonts folder (default: the engine's kit)")
    stylesheet: str = Field("styles.yaml", description="Paragraph styles, in the layouts folder")


class OutputCondition(Strict):
    """The printing condition of the final PDF (its PDF/X output intent)."""

    identifier: str = Field("FOGRA39", description="OutputConditionIdentifier, e.g. FOGRA39 or FOGRA51")
    info: str = Field("Coated FOGRA39 (ISO 12647-2:2004)", description="Readable name of the condition")
    registry: str = "http://www.color.org"
    profile: str | None = Field(
        None, description="CMYK output ICC profile, relative to the manifest (default: the kit's FOGRA39, 300 % ink)"
    )
    min_ppi: float = Field(225, gt=0, le=2400, description="Images under this at placed size are an error")
    warn_ppi: float = Field(300, gt=0, le=2400, description="Images under this at placed size are a warning")

    @model_validator(mode="after")
    def _ppi_ordered(self) -> OutputCondition:
        if self.min_ppi > self.warn_ppi:
            raise ValueError(f"min_ppi ({self.min_ppi:g}) must not exceed warn_ppi ({self.warn_ppi:g})")
        return self


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
    areas: dict[str, Area] = Field(
        default_factory=dict,
        description="Areas of the layout moved, or added, for this section alone (e.g. the cover's cover_lines)",
    )


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


class LegalMentions(Strict):
    """What a French periodical must print (loi du 29 juillet 1881) and customarily does; all optional."""

    publisher: str | None = Field(None, description="Éditeur: the publishing company or person")
    publication_director: str | None = Field(None, description="Directeur ou directrice de la publication")
    printer: str | None = Field(None, description="Imprimeur: the printer's name")
    printer_address: str | None = Field(None, description="Imprimeur: the printer's address")
    legal_deposit: str | None = Field(None, description="Dépôt légal, e.g. 'à parution' or 'juin 2024'")
    issn: str | None = Field(None, pattern=r"^\d{4}-\d{3}[\dX]$", description="ISSN, e.g. 1234-5678")


class Manifest(Strict):
    """An issue: identity, format, fonts and the flatplan (sections in page order)."""

    publication: Publication | str | None = Field(
        None,
        description="The magazine's names (running feet, slugs), or the path of a YAML file holding them that the "
        "issues of one title share (relative to the manifest)",
    )
    issue: IssueInfo
    format: PageFormat = PageFormat()
    resources: Resources = Resources()
    output: OutputCondition = OutputCondition()
    legal: LegalMentions | None = Field(None, description="Legal mentions, printed in the colophon's legal block")
    fonts: dict[str, FontFamily] = Field(description="Families by name, e.g. serif, sans, display")
    hyphenation: Hyphenation = Hyphenation()
    c2pa_trust_anchors: str | None = Field(
        None,
        description="PEM file of the certificates trusted to sign visuals' C2PA manifests, relative to the "
        "manifest; without it an intact manifest reads 'valid, untrusted signer'",
    )
    page_count: int = Field(ge=1, le=1000, description="Total pages; sections must tile 1..page_count")
    sections: list[Section] = Field(min_length=1)

    def cover_folios(self) -> dict[str, int]:
        """Perfect binding: the folios of the four cover pages, by name."""
        c = self.format.cover
        return {
            "front": c.front,
            "inside_front": c.inside_front,
            "inside_back": c.inside_back if c.inside_back is not None else self.page_count - 1,
            "back": c.back if c.back is not None else self.page_count,
        }

    def cover_apart(self) -> bool:
        """Perfect binding with its paper given: the cover and the interior are files of their own."""
        return self.format.binding == "perfect" and self.format.paper is not None

    def interior_folios(self) -> list[int]:
        """Perfect binding: the interior's folios, in reading order."""
        cover = set(self.cover_folios().values())
        return [f for f in range(1, self.page_count + 1) if f not in cover]

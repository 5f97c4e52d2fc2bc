"""Stylesheet (YAML) → ReportLab paragraph styles and CMYK colours."""

from __future__ import annotations

from dataclasses import dataclass, field

from reportlab.lib.colors import CMYKColor
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle

from ials_print.layout.fonts import FontSet
from ials_print.manifest.templates import Stylesheet
from ials_print.typeset.items import Spacing

_ALIGN = {"left": TA_LEFT, "right": TA_RIGHT, "center": TA_CENTER, "justify": TA_JUSTIFY}


@dataclass(frozen=True)
class Styles:
    """Paragraph styles by name, colours by name, and the fonts behind them."""

    paragraph: dict[str, ParagraphStyle]
    colors: dict[str, CMYKColor]
    fonts: FontSet
    family: dict[str, str]  # style name -> font family
    upper: frozenset[str]
    hyphenate: frozenset[str]
    spacing: Spacing = field(default_factory=Spacing)  # word spacing of justified text
    letter_room: float = 0.02  # letter spacing, share of the words' width
    scale_room: float = 0.02  # glyph scaling, share of the glyphs' width

    def __getitem__(self, name: str) -> ParagraphStyle:
        return self.paragraph[name]


def cmyk(values: tuple[float, float, float, float]) -> CMYKColor:
    c, m, y, k = (v / 100 for v in values)
    return CMYKColor(c, m, y, k)


def build_styles(sheet: Stylesheet, fonts: FontSet) -> Styles:
    colors = {name: cmyk(v) for name, v in sheet.colors.items()}
    paragraph: dict[str, ParagraphStyle] = {}
    for name, s in sheet.styles.items():
        paragraph[name] = ParagraphStyle(
            name,
            fontName=fonts.families[s.family][s.face],
            bulletFontName=fonts.families[s.family][s.face],
            bulletFontSize=s.size,
            fontSize=s.size,
            leading=s.leading,
            alignment=_ALIGN[s.align],
            spaceBefore=s.space_before,
            spaceAfter=s.space_after,
            firstLineIndent=s.first_line_indent,
            leftIndent=s.left_indent,
            textColor=colors[s.color],
            allowWidows=0,
            allowOrphans=0,
            # Soft hyphens are inserted by content.typography; ReportLab's own hyphenator skips
            # elisions and guillemets, and its embedded hyphenation can raise split errors.
            hyphenationLang="",
            embeddedHyphenation=0,
            uriWasteReduce=0,
            splitLongWords=1,
        )
    return Styles(
        paragraph,
        colors,
        fonts,
        {name: s.family for name, s in sheet.styles.items()},
        frozenset(n for n, s in sheet.styles.items() if s.upper),
        frozenset(n for n, s in sheet.styles.items() if s.hyphenate),
        Spacing(*(v / 100 for v in sheet.justification.word_space)),
        sheet.justification.letter_spacing / 100,
        sheet.justification.glyph_scaling / 100,
    )

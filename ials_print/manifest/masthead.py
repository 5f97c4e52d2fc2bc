"""Does the masthead fit the cover? Checked at load, so ``validate`` says it with the other input
problems: the largest size that fits, at the line that sets the masthead."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from ials_print.errors import Problem
from ials_print.manifest.model import Section
from ials_print.manifest.pagedata import CoverData
from ials_print.manifest.templates import Template
from ials_print.manifest.yamlfile import Located

if TYPE_CHECKING:
    from ials_print.manifest.load import Issue

MM = 72 / 25.4


def _font(issue: Issue, family: str, face: str) -> str | None:
    """The registered name of a family's face (registered here if need be), None if unknown."""
    from reportlab.pdfbase import pdfmetrics  # only when a cover's masthead is measured
    from reportlab.pdfbase.ttfonts import TTFError, TTFont

    faces = issue.manifest.fonts.get(family)
    file = (getattr(faces, face, None) or faces.regular) if faces else None
    if file is None:
        return None
    path = (issue.fonts_dir / file).resolve()
    name = f"masthead-check:{path}"
    if name not in pdfmetrics.getRegisteredFontNames():
        try:
            pdfmetrics.registerFont(TTFont(name, str(path)))
        except (TTFError, OSError, ValueError):
            return None  # the font's own problem is reported where fonts are checked
    return name


def masthead_text(issue: Issue, cover: CoverData) -> str:
    """The masthead the cover prints: the data's, else the publication's masthead or short name."""
    pub = issue.publication
    return cover.masthead or (pub and (pub.masthead or pub.short_name)) or issue.short_name


def masthead_problems(
    issue: Issue, section: Section, template: Template, cover: CoverData, located: Located
) -> list[Problem]:
    """A masthead wider than its room on the cover (the layout's ``masthead`` area, as the section
    may move it, else the type area), as one located problem (or none)."""
    sheet = issue.stylesheet
    style = sheet.styles.get(template.styles.get("masthead", "masthead")) if sheet else None
    text = masthead_text(issue, cover)
    if style is None or not text:
        return []
    font = _font(issue, style.family, style.face)
    if font is None:
        return []
    fmt = issue.manifest.format
    if "masthead" in template.areas:
        room = template.areas["masthead"].in_mm(fmt.trim_width, fmt.trim_height)[2] * MM
        where = "its area on the cover"
    else:  # the cover is a right-hand page: its type area's width
        room = (fmt.trim_width - fmt.margins.inside - fmt.margins.outside) * MM
        where = "the cover's type area"
    from reportlab.pdfbase import pdfmetrics

    wide = pdfmetrics.stringWidth(text.upper() if style.upper else text, font, style.size)
    if wide <= room:
        return []
    fits = math.floor(style.size * room / wide * 10) / 10
    message = (
        f"the masthead {text!r} is {wide / MM:.0f} mm wide at {style.size:g} pt and {where} "
        f"{room / MM:.0f} mm: at most {fits:g} pt fits (the masthead style's size, or a shorter masthead)"
    )
    if cover.masthead:
        return [located.problem(("cover", "masthead"), message)]
    return [issue.located.problem(("publication",) if issue.publication else ("issue", "title"), message)]

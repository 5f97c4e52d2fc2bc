"""Does the masthead fit the cover? Checked at load, so ``validate`` says it with the other input
problems: the largest size that fits, at the line that sets the masthead."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

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


def masthead_problems(
    issue: Issue, section: Section, template: Template, cover: CoverData, located: Located
) -> list[Problem]:
    """A masthead wider than the cover's type area, as one located problem (or none)."""
    sheet = issue.stylesheet
    style = sheet.styles.get(template.styles.get("masthead", "masthead")) if sheet else None
    pub = issue.publication
    text = cover.masthead or (pub and (pub.masthead or pub.short_name)) or issue.short_name
    if style is None or not text:
        return []
    font = _font(issue, style.family, style.face)
    if font is None:
        return []
    fmt = issue.manifest.format
    m = fmt.margins
    room = (fmt.trim_width - m.inside - m.outside) * MM  # the cover is a right-hand page: the same width
    wide = pdfmetrics.stringWidth(text, font, style.size)
    if wide <= room:
        return []
    fits = math.floor(style.size * room / wide * 10) / 10
    message = (
        f"the masthead {text!r} is {wide / MM:.0f} mm wide at {style.size:g} pt and the cover's type area "
        f"{room / MM:.0f} mm: at most {fits:g} pt fits (the masthead style's size, or a shorter masthead)"
    )
    if cover.masthead:
        return [located.problem(("cover", "masthead"), message)]
    return [issue.located.problem(("publication",) if pub else ("issue", "title"), message)]

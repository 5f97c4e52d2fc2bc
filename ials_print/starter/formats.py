"""Page formats ``init`` knows by name, and the kit's layouts and styles fitted to one of them."""

from __future__ import annotations

import math
import re
from pathlib import Path

import yaml
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from ials_print import kit

FORMATS: dict[str, tuple[float, float]] = {
    "A4": (210, 297),
    "A5": (148, 210),
    "LETTER": (215.9, 279.4),
    "US-LETTER": (215.9, 279.4),
}
KIT_SIZE = (210.0, 297.0)  # the kit's layouts are drawn for A4


def parse_format(value: str) -> tuple[float, float] | None:
    """``A5``, ``Letter`` or ``230x300`` (mm) → trim width and height; None when not understood."""
    named = FORMATS.get(value.strip().upper())
    if named:
        return named
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*[x×]\s*(\d+(?:\.\d+)?)\s*(?:mm)?\s*", value, re.IGNORECASE)
    if not match:
        return None
    w, h = float(match.group(1)), float(match.group(2))
    return (w, h) if 90 <= w <= 500 and 120 <= h <= 700 else None


def _scaled(value, ratio: float):
    """A length in mm scaled; a share of the page ('50%') stays as it is."""
    if not isinstance(value, int | float):
        return value
    scaled = round(value * ratio, 1)
    return int(scaled) if scaled == int(scaled) else scaled


def fit_layouts(target: Path, width: float, height: float, masthead: str, measure: float) -> None:
    """Copy the kit's layouts into ``target``, their millimetres scaled to the format, and the
    stylesheet with the display sizes scaled to the page width and the masthead fitted to its name."""
    target.mkdir(parents=True, exist_ok=True)
    rx, ry = width / KIT_SIZE[0], height / KIT_SIZE[1]
    header = (
        f"# Copied from the engine's kit (ials_print/kit/layouts/) and fitted to {width:g} × {height:g} mm by\n"
        "# `ials-print init`: edit freely. Lengths in mm, or shares of the page ('50%').\n"
    )
    for source in sorted(kit.LAYOUTS.glob("*.yaml")):
        data = yaml.safe_load(source.read_text(encoding="utf-8"))
        if source.name == "styles.yaml":
            _fit_styles(data, rx, masthead, measure)
        else:
            for key, ratio in (("opener_head", ry), ("measure", rx)):
                if key in data:
                    data[key] = _scaled(data[key], ratio)
            for area in (data.get("areas") or {}).values():
                for key, ratio in (("x", rx), ("w", rx), ("y", ry), ("h", ry)):
                    area[key] = _scaled(area[key], ratio)
        text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=110, default_flow_style=None)
        (target / source.name).write_text(header + text, encoding="utf-8")


# Styles drawn large on the page: they follow its width when it is narrower than the kit's.
DISPLAY = ("title", "subtitle", "pull_quote_across", "portfolio_title", "contents_title", "bignum")


def _fit_styles(sheet: dict, rx: float, masthead: str, measure: float) -> None:
    """Display type follows the page width; text type, gently, the measure (a narrower column
    takes a smaller body so that its justified lines keep even spaces: A5 sets 9.6 pt as 8.8 pt)."""
    styles = sheet["styles"]
    for name, style in styles.items():
        if name == "masthead":
            continue
        k = min(1.0, rx) if name in DISPLAY else min(1.0, rx**0.25)
        if style.get("color", "ink") not in ("ink", "grey"):  # coloured type stays at 9 pt at least
            k = max(k, min(1.0, 9 / style["size"]))
        for key in ("size", "leading", "space_before", "space_after", "first_line_indent", "left_indent"):
            if key in style:
                style[key] = round(style[key] * k, 1)
    style = styles.get("masthead")
    if style:  # as large as the kit says, or as fits the cover's measure (``measure`` mm)
        text = masthead.upper() if style.get("upper") else masthead
        room = measure * 72 / 25.4
        size = min(style["size"], math.floor(room / _width_per_point(text, style) * 0.98 * 10) / 10)
        style["size"], style["leading"] = size, round(size * 0.93, 1)


def _width_per_point(text: str, style: dict) -> float:
    """The masthead's width at 1 pt in its style's face."""
    faces = kit.FAMILIES.get(style.get("family", ""), kit.FAMILIES["display"])
    file = faces.get(style.get("face", "regular"), faces["regular"])
    name = f"starter-{file}"
    if name not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(name, str(kit.FONTS / file)))
    return max(pdfmetrics.stringWidth(text, name, 1.0), 1e-6)

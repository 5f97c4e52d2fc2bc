"""Overprint as the plates will see it: white set to overprint vanishes; solid black text that knocks
out of a colour leaves a halo when the plates are slightly out of register."""

from __future__ import annotations

from collections.abc import Iterator

from ials_print.preflight.findings import Context, Finding, _err, _warn
from ials_print.preflight.scan import Area, Colour, PageScan


def is_white(colour: Colour) -> bool:
    """No ink at all: CMYK 0/0/0/0 or grey 1."""
    kind, values = colour
    if kind == "cmyk" and len(values) == 4:
        return all(v <= 0.0001 for v in values)
    return kind == "gray" and len(values) == 1 and values[0] >= 0.9999


def is_solid_black(colour: Colour) -> bool:
    """100 % K alone (or grey 0, which prints on K alone)."""
    kind, values = colour
    if kind == "cmyk" and len(values) == 4:
        return values[0] == values[1] == values[2] == 0 and values[3] >= 0.9999
    return kind == "gray" and len(values) == 1 and values[0] <= 0.0001


def _coloured(area: Area) -> bool:
    return area.kind == "image" or not is_white(area.colour)


def _on_colour(x: float, y: float, areas: list[Area]) -> bool:
    return any(a.bbox[0] <= x <= a.bbox[2] and a.bbox[1] <= y <= a.bbox[3] and _coloured(a) for a in areas)


def knocked_out_text(scan: PageScan) -> int:
    """How many runs of 100 % K text that do not overprint start on a colour painted before them.

    Areas and texts are compared in painting order only roughly (every area of the page counts),
    which is what a warning needs: the text sits on something that is not paper.
    """
    areas = [a for a in scan.areas if _coloured(a)]
    if not areas:
        return 0
    return sum(1 for t in scan.texts if is_solid_black(t.colour) and not t.overprint and _on_colour(*t.origin, areas))


def check_overprint(ctx: Context) -> Iterator[Finding]:
    """White never overprints (error); 100 % K text on a colour should (warning)."""
    for n, scan in enumerate(ctx.scans, 1):
        white = sum(1 for t in scan.texts if t.overprint and is_white(t.colour))
        white += sum(1 for s in scan.strokes if s.overprint and is_white(s.colour))
        white += sum(1 for a in scan.areas if a.kind == "fill" and a.overprint and is_white(a.colour))
        if white:
            yield _err("overprint", f"{white} white object(s) set to overprint: they will vanish on press", n)
        knocked = knocked_out_text(scan)
        if knocked:
            yield _warn(
                "overprint",
                f"{knocked} run(s) of 100 % K text knock out of the colour beneath (set black to overprint)",
                n,
            )

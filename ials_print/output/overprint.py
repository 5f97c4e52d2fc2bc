"""Black overprint: 100 % K text and rules print over the colour beneath instead of knocking out of it.

A page's content stream is read once when the page closes; before each text, stroke, fill or image
the graphics state's overprint flags are set to what it needs: on (``/OP true /op true /OPM 1``) for
text and strokes in 100 % K, off for anything else — white above all (overprinted white vanishes) —
and for every fill and image (a black box or picture knocks out as drawn). The flags live in the
graphics state, so ``q``/``Q`` save and restore them together with the colours.
Fill and stroke are tracked apart, and every state names both flags (an ExtGState with ``/OP``
alone would set ``/op`` too).
"""

from __future__ import annotations

import re

from reportlab.pdfbase import pdfdoc
from reportlab.pdfgen.canvas import Canvas

from ials_print.layout import rl_patches  # noqa: F401  (every canvas drawn with the same ReportLab settings)

# (fill overprints, stroke overprints) → the ExtGState resource name.
STATE_NAMES: dict[tuple[bool, bool], str] = {
    (False, False): "OPoff",
    (True, False): "OPfill",
    (False, True): "OPstroke",
    (True, True): "OPboth",
}

# Tokens of a content stream: literal strings (ReportLab escapes every parenthesis inside), dict
# brackets, hex strings, names, array brackets, operators (group 1) and numbers.
_TOKENS = re.compile(
    r"\((?:[^\\)]|\\.)*\)|<<|>>|<[0-9A-Fa-f\s]*>|/[^\s()<>\[\]{}/%]*|[\[\]]"
    r"|([A-Za-z'\"*][A-Za-z0-9'\"*]*)|[-+0-9.]+",
    re.S,
)
_NOT_OPERATORS = {"true", "false", "null"}
_PATH = {"m", "l", "c", "v", "y", "re", "h"}
_STROKES = {"S", "s", "B", "B*", "b", "b*"}
_FILLS = {"f", "F", "f*", "B", "B*", "b", "b*"}
_PAINTS = _STROKES | _FILLS | {"n"}
_TEXT = {"Tj", "TJ", "'", '"'}
_CMYK_SPACES = {"/DeviceCMYK"}


def state_dict(fill: bool, stroke: bool) -> pdfdoc.PDFDictionary:
    """The ExtGState of one combination of flags."""
    return pdfdoc.PDFDictionary(
        {
            "Type": pdfdoc.PDFName("ExtGState"),
            "OP": "true" if stroke else "false",  # ReportLab writes str values verbatim
            "op": "true" if fill else "false",
            "OPM": 1,
        }
    )


def _solid_black(values: list[str]) -> bool:
    """C, M, Y at 0 and K at 100 %."""
    try:
        c, m, y, k = (float(v) for v in values)
    except ValueError:
        return False
    return c == m == y == 0 and k >= 0.9999


class _Graphics:
    """The colours and overprint flags of the graphics state, saved and restored by q and Q."""

    def __init__(self) -> None:
        self.fill = self.stroke = False  # the current fill / stroke colour is 100 % K
        self.fill_space = self.stroke_space = "/DeviceGray"
        self.applied = (False, False)  # the overprint flags in force (fill, stroke)
        self.stack: list[tuple] = []

    def push(self) -> None:
        self.stack.append((self.fill, self.stroke, self.fill_space, self.stroke_space, self.applied))

    def pop(self) -> None:
        if self.stack:
            self.fill, self.stroke, self.fill_space, self.stroke_space, self.applied = self.stack.pop()

    def colour(self, op: str, operands: list[str]) -> None:
        fill_op = op in ("k", "g", "rg", "sc", "scn", "cs")
        if op in ("cs", "CS"):
            black, space = False, operands[-1] if operands else ""
        elif op in ("k", "K"):
            black, space = _solid_black(operands[-4:]), "/DeviceCMYK"
        elif op in ("sc", "scn", "SC", "SCN"):
            space = self.fill_space if fill_op else self.stroke_space
            black = space in _CMYK_SPACES and _solid_black(operands[-4:])
        else:
            black, space = False, "/DeviceGray" if op in ("g", "G") else "/DeviceRGB"
        if fill_op:
            self.fill, self.fill_space = black, space
        else:
            self.stroke, self.stroke_space = black, space

    def wanted(self, op: str) -> tuple[bool, bool]:
        """The flags a painting operator should meet: text and strokes in 100 % K overprint, fills never."""
        fill, stroke = self.applied
        if op in _TEXT:
            fill = self.fill
        elif op in ("Do", "sh") or op in _FILLS:
            fill = False
        if op in _STROKES:
            stroke = self.stroke
        return fill, stroke


def overprint_black(content: str) -> tuple[str, set[str]]:
    """``content`` with 100 % K text and strokes set to overprint; returns it and the states it uses.

    The state is set just before what it applies to: before the text operator's operands, before
    the path's construction (a graphics state operator may not come inside a path).
    """
    out: list[str] = []
    used: set[str] = set()
    copied = 0  # where the text not yet copied to ``out`` starts
    after_op = 0  # end of the last operator: the next operator's operands start here
    path_start: int | None = None
    g = _Graphics()
    for match in _TOKENS.finditer(content):
        op = match.group(1)
        if op is None or op in _NOT_OPERATORS:
            continue
        start, after = after_op, match.end()
        after_op = after
        if op == "BI":
            return content, set()  # inline image data is binary: leave such a page as it is
        if op in _PATH:
            if path_start is None:
                path_start = start
            continue
        if op == "q":
            g.push()
        elif op == "Q":
            g.pop()
        elif op in ("k", "K", "g", "G", "rg", "RG", "sc", "scn", "SC", "SCN", "cs", "CS"):
            g.colour(op, content[start : match.start()].split())
        elif op in _PAINTS or op in _TEXT or op in ("Do", "sh"):
            at = path_start if op in _PAINTS and path_start is not None else start
            path_start = None
            wanted = g.wanted(op)
            if wanted != g.applied:
                g.applied = wanted
                name = STATE_NAMES[wanted]
                used.add(name)
                out += [content[copied:at], f" /{name} gs "]
                copied = at
    out.append(content[copied:])
    return "".join(out), used


class PressCanvas(Canvas):
    """A canvas whose pages overprint 100 % K text and rules (``overprint=False`` leaves them as drawn)."""

    def __init__(self, *args, overprint: bool = True, **kwargs):
        self._ials_overprint = overprint
        self._ials_states: set[str] = set()
        super().__init__(*args, **kwargs)

    def showPage(self) -> None:
        if self._ials_overprint:
            content, self._ials_states = overprint_black("\n".join(self._code))
            self._code[:] = [content]
        super().showPage()
        self._ials_states = set()

    def _setExtGState(self, obj) -> None:
        super()._setExtGState(obj)
        if not self._ials_states:
            return
        states = obj.ExtGState or pdfdoc.PDFDictionary({})
        for flags, name in STATE_NAMES.items():
            if name in self._ials_states:
                states.dict[name] = state_dict(*flags)
        obj.ExtGState = states

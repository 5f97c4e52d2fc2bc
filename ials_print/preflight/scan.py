"""Walk a page's content stream (and its forms) with a graphics state, noting what a printer checks:
the size and colour of text, the width of strokes, where images land and how sharp they are,
which colours paint. Pure pypdf, so it runs wherever the project installs.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

from pypdf import PageObject
from pypdf.generic import ContentStream

from ials_print.preflight.limits import Budget

Matrix = tuple[float, float, float, float, float, float]
IDENTITY: Matrix = (1, 0, 0, 1, 0, 0)
Colour = tuple[str, tuple[float, ...]]  # ("cmyk" | "gray" | "rgb" | "sep:<name>" | "icc<n>" | "other", values)


def mul(m: Matrix, n: Matrix) -> Matrix:
    """m × n (m applied first), PDF convention."""
    a, b, c, d, e, f = m
    a2, b2, c2, d2, e2, f2 = n
    return (
        a * a2 + b * c2,
        a * b2 + b * d2,
        c * a2 + d * c2,
        c * b2 + d * d2,
        e * a2 + f * c2 + e2,
        e * b2 + f * d2 + f2,
    )


def scale_of(m: Matrix) -> float:
    return math.sqrt(abs(m[0] * m[3] - m[1] * m[2]))


Box = tuple[float, float, float, float]  # x0, y0, x1, y1 in default user space


@dataclass
class TextRun:
    size: float  # effective, in points
    colour: Colour
    font: str
    overprint: bool = False
    origin: tuple[float, float] = (0.0, 0.0)  # where the run starts, default user space


@dataclass
class Stroke:
    width: float  # effective, in points
    colour: Colour
    overprint: bool = False


@dataclass
class Area:
    """A painted path or image, in painting order: what later text may lie on."""

    kind: str  # "fill" | "image"
    colour: Colour  # ("image", ()) for an image
    bbox: Box
    overprint: bool = False


@dataclass
class PlacedImage:
    name: str
    width_px: int
    height_px: int
    colour_space: str
    bbox: tuple[float, float, float, float]  # in default user space
    ppi: float  # the lower of both axes
    xobject: Any
    where: tuple[str, ...] = ()  # the Form XObjects painted on the way, then the image's name; () if inline


@dataclass
class PageScan:
    texts: list[TextRun] = field(default_factory=list)
    strokes: list[Stroke] = field(default_factory=list)
    images: list[PlacedImage] = field(default_factory=list)
    fills: list[Colour] = field(default_factory=list)
    areas: list[Area] = field(default_factory=list)
    colour_spaces: set[str] = field(default_factory=set)
    fonts: dict[str, Any] = field(default_factory=dict)  # resource font dictionaries by BaseFont
    font_where: dict[str, tuple[str, ...]] = field(default_factory=dict)  # by BaseFont: forms, then font name
    malformed: int = 0  # operators that could not be read
    budget: Budget = field(default_factory=Budget)  # what the scan may still read (shared by a document's pages)


@dataclass
class _State:
    ctm: Matrix = IDENTITY
    fill: Colour = ("gray", (0.0,))
    stroke: Colour = ("gray", (0.0,))
    fill_space: str = "gray"
    stroke_space: str = "gray"
    line_width: float = 1.0
    font_size: float = 0.0
    font: str = ""
    op_fill: bool = False  # overprint for fills and text (/op)
    op_stroke: bool = False  # overprint for strokes (/OP)
    leading: float = 0.0

    def copy(self) -> _State:
        return _State(**self.__dict__)


def _space_kind(name: Any, resources: Any) -> str:
    """A short name for a colour space: cmyk, gray, rgb, sep:<name>, icc<n>, pattern, other."""
    name = name.get_object() if hasattr(name, "get_object") else name
    if isinstance(name, str) and name in ("/DeviceCMYK", "/DeviceGray", "/DeviceRGB"):
        return {"/DeviceCMYK": "cmyk", "/DeviceGray": "gray", "/DeviceRGB": "rgb"}[name]
    if isinstance(name, str) and name == "/Pattern":
        return "pattern"
    if isinstance(name, str):
        spaces = resources.get("/ColorSpace", {}) if resources else {}
        spaces = spaces.get_object() if hasattr(spaces, "get_object") else spaces
        if name in spaces:
            return _space_kind(spaces[name], None)
        return "other"
    if isinstance(name, list) and name:
        family = name[0]
        if family == "/Separation":
            return f"sep:{name[1]}"
        if family == "/ICCBased":
            n = int(name[1].get_object().get("/N", 0))
            return f"icc{n}"
        if family == "/Indexed":
            return _space_kind(name[1], resources)
        if family in ("/CalRGB", "/Lab", "/CalGray", "/DeviceN"):
            return family[1:].lower()
    return "other"


_TEXT_OPS = {b"Tj", b"TJ", b"'", b'"'}
_STROKE_OPS = {b"S", b"s", b"B", b"B*", b"b", b"b*"}
_FILL_OPS = {b"f", b"F", b"f*", b"B", b"B*", b"b", b"b*"}


def scan_page(page: PageObject, budget: Budget | None = None, contents: Any = None) -> PageScan:
    """What one page paints; ``budget`` bounds the reading (raises :class:`LimitReached` past it).
    ``contents``: the page's ``get_contents()`` when the caller already has it.

    The scan reads the page's content stream and its /Resources alone (see ``scan_cache``)."""
    out = PageScan()
    out.budget = budget or Budget()
    contents = contents if contents is not None else page.get_contents()
    _walk(contents, page.get("/Resources"), page.pdf, IDENTITY, out, depth=0)
    return out


def _walk(
    contents: Any, resources: Any, pdf: Any, ctm: Matrix, out: PageScan, depth: int, where: tuple[str, ...] = ()
) -> None:
    if contents is None or (depth > 0 and not out.budget.form(depth)):
        return
    resources = resources.get_object() if resources is not None and hasattr(resources, "get_object") else resources
    resources = resources or {}
    if not isinstance(contents, ContentStream):
        contents = ContentStream(contents, pdf)
    out.budget.stream(len(contents.get_data()))  # before pypdf parses it
    walker = _Walker(resources, pdf, ctm, out, depth, where)
    for operands, op in contents.operations:
        out.budget.operation()
        try:
            walker.step(operands, op)
        except (ValueError, TypeError, IndexError, KeyError, AttributeError):
            out.malformed += 1  # one bad operator does not hide the rest of the page


def _resource(resources: Any, key: str) -> Any:
    value = resources.get(key, {})
    return value.get_object() if hasattr(value, "get_object") else value


class _Walker:
    """The graphics state through one content stream."""

    def __init__(self, resources: Any, pdf: Any, ctm: Matrix, out: PageScan, depth: int, where: tuple[str, ...]):
        self.resources, self.pdf, self.out, self.depth = resources, pdf, out, depth
        self.where = where  # the Form XObjects painted to get here, by resource name
        self.fonts = _resource(resources, "/Font")
        self.xobjects = _resource(resources, "/XObject")
        self.gs = _State(ctm=ctm)
        self.stack: list[_State] = []
        self.tm: Matrix = IDENTITY
        self.tlm: Matrix = IDENTITY  # start of the current text line
        self.path: list[tuple[float, float]] = []  # points of the path under construction

    def _text_move(self, tx: float, ty: float) -> None:
        self.tlm = mul((1, 0, 0, 1, tx, ty), self.tlm)
        self.tm = self.tlm

    def _path_box(self) -> Box | None:
        if not self.path:
            return None
        m = self.gs.ctm
        pts = [(m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]) for x, y in self.path]
        xs, ys = [p[0] for p in pts], [p[1] for p in pts]
        return (min(xs), min(ys), max(xs), max(ys))

    def step(self, operands: list, op: bytes) -> None:
        gs, out = self.gs, self.out
        if op == b"q":
            self.stack.append(gs.copy())
        elif op == b"Q":
            if self.stack:
                self.gs = self.stack.pop()
        elif op == b"cm":
            gs.ctm = mul(tuple(float(x) for x in operands), gs.ctm)  # type: ignore[arg-type]
        elif op == b"w":
            gs.line_width = float(operands[0])
        elif op in (b"g", b"G", b"k", b"K", b"rg", b"RG"):
            kind = {b"g": "gray", b"G": "gray", b"k": "cmyk", b"K": "cmyk", b"rg": "rgb", b"RG": "rgb"}[op]
            colour = (kind, tuple(float(x) for x in operands))
            out.colour_spaces.add(kind)
            if op.islower():
                gs.fill, gs.fill_space = colour, kind
            else:
                gs.stroke, gs.stroke_space = colour, kind
        elif op in (b"cs", b"CS"):
            kind = _space_kind(operands[0], self.resources)
            out.colour_spaces.add(kind)
            if op == b"cs":
                gs.fill_space = kind
            else:
                gs.stroke_space = kind
        elif op in (b"sc", b"scn", b"SC", b"SCN"):
            values = tuple(float(x) for x in operands if isinstance(x, int | float) or hasattr(x, "as_numeric"))
            if op in (b"sc", b"scn"):
                gs.fill = (gs.fill_space, values)
            else:
                gs.stroke = (gs.stroke_space, values)
        elif op == b"sh":  # a shading paints in its own colour space
            shading = _resource(self.resources, "/Shading").get(operands[0])
            if shading is not None:
                out.colour_spaces.add(_space_kind(shading.get_object().get("/ColorSpace"), self.resources))
        elif op == b"gs":
            self._ext_gstate(operands[0])
        elif op in (b"m", b"l"):
            self.path.append((float(operands[0]), float(operands[1])))
        elif op in (b"c", b"v", b"y"):
            vals = [float(x) for x in operands]
            self.path += list(zip(vals[::2], vals[1::2], strict=False))
        elif op == b"re":
            x, y, w, h = (float(v) for v in operands)
            self.path += [(x, y), (x + w, y + h)]
        elif op == b"n":
            self.path = []
        elif op == b"BT":
            self.tm = self.tlm = IDENTITY
        elif op == b"TL":
            gs.leading = float(operands[0])
        elif op in (b"Td", b"TD"):
            if op == b"TD":
                gs.leading = -float(operands[1])
            self._text_move(float(operands[0]), float(operands[1]))
        elif op == b"T*":
            self._text_move(0, -gs.leading)
        elif op == b"Tf":
            gs.font, gs.font_size = str(operands[0]), float(operands[1])
            font = self.fonts.get(operands[0]) if self.fonts else None
            if font is not None:
                font = font.get_object()
                base = str(font.get("/BaseFont", operands[0]))
                out.fonts[base] = font
                out.font_where[base] = (*self.where, str(operands[0]))
        elif op == b"Tm":
            self.tm = self.tlm = tuple(float(x) for x in operands)  # type: ignore[assignment]
        elif op in _TEXT_OPS:
            if op in (b"'", b'"'):
                self._text_move(0, -gs.leading)
            trm = mul(self.tm, gs.ctm)
            size = gs.font_size * scale_of(trm)
            out.texts.append(TextRun(size, gs.fill, gs.font, gs.op_fill, (trm[4], trm[5])))
            out.fills.append(gs.fill)
        elif op in _STROKE_OPS or op in _FILL_OPS:
            if op in _STROKE_OPS:
                out.strokes.append(Stroke(gs.line_width * scale_of(gs.ctm), gs.stroke, gs.op_stroke))
            if op in _FILL_OPS:
                out.fills.append(gs.fill)
                box = self._path_box()
                if box is not None:
                    out.areas.append(Area("fill", gs.fill, box, gs.op_fill))
            self.path = []
        elif op == b"INLINE IMAGE":
            settings = operands.get("settings", {}) if isinstance(operands, dict) else {}
            _image("inline image", _InlineImage(settings), gs.ctm, self.resources, out, ())
        elif op == b"Do" and self.xobjects:
            xobj = self.xobjects.get(operands[0])
            if xobj is None:
                return
            xobj = xobj.get_object()
            subtype = xobj.get("/Subtype")
            if subtype == "/Image":
                _image(str(operands[0]), xobj, gs.ctm, self.resources, out, (*self.where, str(operands[0])))
                out.areas.append(Area("image", ("image", ()), out.images[-1].bbox, gs.op_fill))
            elif subtype == "/Form":
                matrix = tuple(float(x) for x in xobj.get("/Matrix", IDENTITY))
                _walk(
                    xobj,
                    xobj.get("/Resources", self.resources),
                    self.pdf,
                    mul(matrix, gs.ctm),
                    out,  # type: ignore[arg-type]
                    self.depth + 1,
                    (*self.where, str(operands[0])),
                )

    def _ext_gstate(self, name: Any) -> None:
        """Overprint flags from an ExtGState resource (/op follows /OP when absent)."""
        state = _resource(self.resources, "/ExtGState").get(name)
        if state is None:
            return
        state = state.get_object()
        if "/OP" in state:
            self.gs.op_stroke = _flag(state["/OP"])
            if "/op" not in state:
                self.gs.op_fill = self.gs.op_stroke
        if "/op" in state:
            self.gs.op_fill = _flag(state["/op"])


def _flag(value: Any) -> bool:
    """A PDF boolean (pypdf's BooleanObject is always truthy itself)."""
    return bool(getattr(value, "value", value))


_INLINE_KEYS = {"/W": "/Width", "/H": "/Height", "/CS": "/ColorSpace", "/IM": "/ImageMask"}
_INLINE_SPACES = {"/RGB": "/DeviceRGB", "/G": "/DeviceGray", "/CMYK": "/DeviceCMYK"}


class _InlineImage(dict):
    """An inline image's settings (abbreviated keys) seen as an image XObject's dictionary."""

    def __init__(self, settings: dict):
        super().__init__()
        for key, value in settings.items():
            full = _INLINE_KEYS.get(key, key)
            self[full] = _INLINE_SPACES.get(value, value) if full == "/ColorSpace" else value


def _image(name: str, xobj: Any, ctm: Matrix, resources: Any, out: PageScan, where: tuple[str, ...]) -> None:
    w_px, h_px = int(xobj.get("/Width", 0)), int(xobj.get("/Height", 0))
    if w_px <= 0 or h_px <= 0:  # no resolution to speak of: said, not measured
        out.budget.note(f"image {name} declares {w_px} × {h_px} pixels: not an image that can be checked")
        return
    kind = "mask" if xobj.get("/ImageMask") else _space_kind(xobj.get("/ColorSpace", "/DeviceGray"), resources)
    out.colour_spaces.add(kind)
    corners = [
        (ctm[0] * x + ctm[2] * y + ctm[4], ctm[1] * x + ctm[3] * y + ctm[5])
        for x, y in ((0, 0), (1, 0), (0, 1), (1, 1))
    ]
    xs, ys = [p[0] for p in corners], [p[1] for p in corners]
    width_in = math.hypot(ctm[0], ctm[1]) / 72
    height_in = math.hypot(ctm[2], ctm[3]) / 72
    ppi = min(w_px / width_in if width_in else math.inf, h_px / height_in if height_in else math.inf)
    out.images.append(PlacedImage(name, w_px, h_px, kind, (min(xs), min(ys), max(xs), max(ys)), ppi, xobj, where))

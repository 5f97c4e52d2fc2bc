"""Font registration (TrueType only, always embedded) and glyph coverage."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from ials_print.errors import InputError, Problem
from ials_print.manifest.model import FontFamily
from ials_print.typeset.shaping import forget_font

FACES = ("regular", "italic", "bold", "bold_italic")
_REGISTERED: dict[str, tuple[Path, int, int]] = {}  # name -> the file registered (path, size, mtime)


def font_name(family: str, face: str) -> str:
    """ReportLab name of one face: ``serif-bold_italic``."""
    return f"{family}-{face}"


def _register(name: str, path: Path) -> None:
    try:
        st = path.stat()
        version = (path, st.st_size, st.st_mtime_ns)
    except OSError:
        version = (path, -1, -1)
    if _REGISTERED.get(name) == version:  # a file saved again (a watch) is registered again
        return
    try:
        pdfmetrics.registerFont(TTFont(name, str(path)))
    except (TTFError, OSError) as exc:
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        if "postscript outlines" in reason.lower():
            reason = "CFF/PostScript-flavoured OpenType is not supported, use a TrueType (.ttf) file"
        raise InputError([Problem(path, f"expected a TrueType font, found an unusable file ({reason})")]) from None
    if name in _REGISTERED:
        forget_font(name)  # the same name now stands for another file
    _REGISTERED[name] = version


@dataclass(frozen=True)
class FontSet:
    """The families of an issue, registered with ReportLab."""

    families: dict[str, dict[str, str]]  # family -> face -> ReportLab font name

    def name(self, family: str, bold: bool = False, italic: bool = False) -> str:
        face = ("bold_italic" if italic else "bold") if bold else ("italic" if italic else "regular")
        return self.families[family][face]

    def has_glyph(self, font: str, char: str) -> bool:
        return ord(char) in pdfmetrics.getFont(font).face.charToGlyph

    def fallback_for(self, font: str, char: str) -> str | None:
        """Another face of the issue that has ``char``, its own family's first."""
        family = font.rsplit("-", 1)[0]
        candidates = list(self.families.get(family, {}).values())
        candidates += [n for faces in self.families.values() for n in faces.values()]
        for name in candidates:
            if name != font and self.has_glyph(name, char):
                return name
        return None


def register_face(families: dict[str, FontFamily], fonts_dir: Path, family: str, face: str) -> str:
    """Register one face alone (as :func:`register_fonts` would, with its fallbacks); returns its name.
    For a line of furniture drawn apart from the layout: parsing every face of the issue takes longer."""
    files = families[family]
    for candidate in {"italic": ("italic", "regular"), "bold": ("bold", "regular")}.get(
        face, ("bold_italic", "bold", "regular") if face == "bold_italic" else ("regular",)
    ):
        filename = getattr(files, candidate)
        if filename is not None:
            name = font_name(family, candidate)
            _register(name, fonts_dir / filename)
            return name
    raise KeyError(family)


def register_fonts(families: dict[str, FontFamily], fonts_dir: Path) -> FontSet:
    """Register every face; a missing face falls back to the family's regular."""
    table: dict[str, dict[str, str]] = {}
    for family, files in families.items():
        faces: dict[str, str] = {}
        for face in FACES:
            filename = getattr(files, face)
            if filename is None:
                continue
            name = font_name(family, face)
            _register(name, fonts_dir / filename)
            faces[face] = name
        faces.setdefault("italic", faces["regular"])
        faces.setdefault("bold", faces["regular"])
        faces.setdefault("bold_italic", faces["bold"])
        for (bold, italic), face in {
            (0, 0): "regular",
            (0, 1): "italic",
            (1, 0): "bold",
            (1, 1): "bold_italic",
        }.items():
            addMapping(family, bold, italic, faces[face])
        table[family] = faces
    return FontSet(table)

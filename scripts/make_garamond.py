"""Make the static EB Garamond faces in ials_print/kit/fonts/ from Octavio Pardo's variable fonts.

The sources are the two OFL-1.1 variable TrueType fonts of EB Garamond (Georg Duffner, Octavio
Pardo), version 1.001, from https://github.com/octaviopardo/EBGaramond12 at commit
e608414f52e532b68e2182f96b4ce9db35335593 (fonts last changed in f1a739685ce2eb4214eba4b834cbc0fc269d79d5):

    fonts/variable/EBGaramond[wght].ttf          sha256 b7f1dd91643e4f81f60e43fa9c4ba117663a001621913dcfd213706a4d83e6d9
    fonts/variable/EBGaramond-Italic[wght].ttf   sha256 3b681621f9c52ef3e013955305009c5d00f85a50c612897a3b4f18bbce490458

(https://github.com/google/fonts carries builds of the same family under ofl/ebgaramond/, not
checked to be byte-identical). Each has one axis, wght 400-800. This script pins the axis with
fontTools.varLib.instancer and writes five static TrueType faces (glyf outlines, which ReportLab
can embed; CFF it cannot):

    ials_print/kit/fonts/EBGaramond-Regular.ttf     wght 400, upright
    ials_print/kit/fonts/EBGaramond-Italic.ttf      wght 400, italic
    ials_print/kit/fonts/EBGaramond-SemiBold.ttf    wght 600, upright
    ials_print/kit/fonts/EBGaramond-Bold.ttf        wght 700, upright
    ials_print/kit/fonts/EBGaramond-BoldItalic.ttf  wght 700, italic

The name table is rewritten from the STAT table (updateFontNames=True), so each face has its own
family / subfamily / full / PostScript names (Regular, Italic, Bold and Bold Italic form the RIBBI
family "EB Garamond"; SemiBold is the family "EB Garamond SemiBold", subfamily "Regular", with the
typographic names 16/17 saying "EB Garamond" / "SemiBold"), and the PostScript names are
EBGaramond-Regular, -Italic, -SemiBold, -Bold, -BoldItalic, as in upstream's own static fonts.
OS/2 usWeightClass, fsSelection and head.macStyle are set to match. The OpenType layout tables
(GDEF, GSUB, GPOS: kern, liga, smcp, sups, onum…) are instantiated with the outlines and kept.
The DSIG stub is dropped (a signature would no longer match). One glyph is added: the fonts have
no U+202F NARROW NO-BREAK SPACE, which French text needs everywhere, so each face gets an empty
uni202F half as wide as its word space (see add_narrow_no_break_space). The output does not depend on the
time (head.modified is kept from the source), so a re-run gives byte-identical files.

Usage (from the repository root):

    git clone https://github.com/octaviopardo/EBGaramond12 /tmp/EBGaramond12
    python3 scripts/make_garamond.py "/tmp/EBGaramond12/fonts/variable/EBGaramond[wght].ttf" \\
        "/tmp/EBGaramond12/fonts/variable/EBGaramond-Italic[wght].ttf"

Options: --out DIR (default: ials_print/kit/fonts/).
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from dataclasses import dataclass
from pathlib import Path

from fontTools.ttLib import TTFont
from fontTools.ttLib.tables._g_l_y_f import Glyph
from fontTools.varLib import instancer

ROOT = Path(__file__).resolve().parent.parent

# sha256 of the source files at the commit above; a mismatch is reported, not fatal.
SOURCES = {
    "EBGaramond[wght].ttf": "b7f1dd91643e4f81f60e43fa9c4ba117663a001621913dcfd213706a4d83e6d9",
    "EBGaramond-Italic[wght].ttf": "3b681621f9c52ef3e013955305009c5d00f85a50c612897a3b4f18bbce490458",
}


@dataclass(frozen=True)
class Face:
    """One static instance to write."""

    file: str
    weight: int
    italic: bool


FACES = (
    Face("EBGaramond-Regular.ttf", 400, False),
    Face("EBGaramond-Italic.ttf", 400, True),
    Face("EBGaramond-SemiBold.ttf", 600, False),
    Face("EBGaramond-Bold.ttf", 700, False),
    Face("EBGaramond-BoldItalic.ttf", 700, True),
)

# OS/2.fsSelection and head.macStyle bits
FS_ITALIC, FS_BOLD, FS_REGULAR = 1 << 0, 1 << 5, 1 << 6
MAC_BOLD, MAC_ITALIC = 1 << 0, 1 << 1


def sha256(path: Path) -> str:
    """Hex sha256 of a file."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def set_style_bits(font: TTFont, face: Face) -> None:
    """Make OS/2 and head agree with the face's RIBBI style (bold only for weight 700)."""
    bold = face.weight == 700
    os2 = font["OS/2"]
    os2.usWeightClass = face.weight
    fs = os2.fsSelection & ~(FS_ITALIC | FS_BOLD | FS_REGULAR)
    if face.italic:
        fs |= FS_ITALIC
    if bold:
        fs |= FS_BOLD
    if not face.italic and not bold:
        fs |= FS_REGULAR
    os2.fsSelection = fs
    mac = font["head"].macStyle & ~(MAC_BOLD | MAC_ITALIC)
    font["head"].macStyle = mac | (MAC_BOLD if bold else 0) | (MAC_ITALIC if face.italic else 0)


def set_postscript_name(font: TTFont, face: Face) -> None:
    """Name the face EBGaramond-<Style>, as upstream's static fonts do, not EBGaramondRoman-<Style>.

    The instancer builds the PostScript name (6) and unique id (3) from the variable font's
    name 25 ("EBGaramondRoman" / "EBGaramondItalic"); name 25 only makes sense in a variable font.
    """
    name = font["name"]
    ps_name = "EBGaramond-" + face.file.removeprefix("EBGaramond-").removesuffix(".ttf")
    old = name.getDebugName(6) or ps_name
    name.removeNames(nameID=25)
    for record in name.names:
        if record.nameID == 6:
            record.string = ps_name
        elif record.nameID == 3:
            record.string = record.toUnicode().replace(old, ps_name)


def add_narrow_no_break_space(font: TTFont) -> None:
    """Give the face a U+202F NARROW NO-BREAK SPACE, which EB Garamond 1.001 lacks.

    French typography puts U+202F before ; : ! ? » and after «. The new glyph is empty and half as
    wide as the face's word space (100 units = 0.1 em in Regular, like its U+2009 THIN SPACE); the
    thin space itself is not reused because its width is wrong in the bold master (0.51 em in Bold).
    """
    if 0x202F in font.getBestCmap():
        return
    font.ensureDecompiled()
    name = "uni202F"
    space_width = font["hmtx"][font.getBestCmap()[0x20]][0]
    order = [*font.getGlyphOrder(), name]
    font["glyf"][name] = Glyph()
    font["hmtx"][name] = (round(space_width / 2), 0)
    font.setGlyphOrder(order)
    font["glyf"].glyphOrder = order
    for table in font["cmap"].tables:
        if table.isUnicode():
            table.cmap[0x202F] = name


def make_face(source: Path, face: Face, out_dir: Path) -> Path:
    """Instantiate `source` at the face's weight and write it into `out_dir`."""
    font = TTFont(source, recalcTimestamp=False)
    instancer.instantiateVariableFont(font, {"wght": face.weight}, inplace=True, updateFontNames=True)
    if "DSIG" in font:
        del font["DSIG"]
    set_style_bits(font, face)
    set_postscript_name(font, face)
    add_narrow_no_break_space(font)
    for tag in ("GSUB", "GPOS", "GDEF", "glyf"):
        if tag not in font:
            raise SystemExit(f"{face.file}: the instance lost its {tag} table")
    out = out_dir / face.file
    font.save(out, reorderTables=True)
    return out


def main(argv: list[str] | None = None) -> int:
    """Command line: make the five static faces from the upright and italic variable fonts."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("upright", type=Path, help="EBGaramond[wght].ttf")
    parser.add_argument("italic", type=Path, help="EBGaramond-Italic[wght].ttf")
    parser.add_argument(
        "--out",
        type=Path,
        default=ROOT / "ials_print" / "kit" / "fonts",
        help="output folder (default: ials_print/kit/fonts/)",
    )
    args = parser.parse_args(argv)

    for path, name in ((args.upright, "EBGaramond[wght].ttf"), (args.italic, "EBGaramond-Italic[wght].ttf")):
        if not path.is_file():
            parser.error(f"{path}: no such file")
        if SOURCES[name] and sha256(path) != SOURCES[name]:
            print(f"warning: {path} is not the {name} of the pinned commit (sha256 differs)", file=sys.stderr)

    args.out.mkdir(parents=True, exist_ok=True)
    for face in FACES:
        out = make_face(args.italic if face.italic else args.upright, face, args.out)
        names = TTFont(out, lazy=True)["name"]
        print(f"{out}: {names.getDebugName(1)} / {names.getDebugName(2)} ({names.getDebugName(6)})")
    return 0


if __name__ == "__main__":
    sys.exit(main())

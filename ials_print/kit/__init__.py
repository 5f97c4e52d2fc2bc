"""The engine's kit, installed with it: the default layouts and stylesheet, the fonts (with their
licences) and the output profile. A manifest that names no ``resources`` (or no ``output.profile``)
uses these; a publication may point at its own."""

from __future__ import annotations

from pathlib import Path

KIT = Path(__file__).resolve().parent
LAYOUTS = KIT / "layouts"
FONTS = KIT / "fonts"
PROFILE = KIT / "color" / "FOGRA39L-300.icc"

# The kit's fonts as a manifest names them (family → face → file in FONTS).
FAMILIES: dict[str, dict[str, str]] = {
    "serif": {
        "regular": "EBGaramond-Regular.ttf",
        "italic": "EBGaramond-Italic.ttf",
        "bold": "EBGaramond-Bold.ttf",
        "bold_italic": "EBGaramond-BoldItalic.ttf",
    },
    "sans": {
        "regular": "NotoSans-Regular.ttf",
        "italic": "NotoSans-Italic.ttf",
        "bold": "NotoSans-Bold.ttf",
        "bold_italic": "NotoSans-BoldItalic.ttf",
    },
    "display": {"regular": "NotoSansDisplay-Bold.ttf", "bold": "NotoSansDisplay-Bold.ttf"},
    "display_serif": {"regular": "NotoSerifDisplay-Italic.ttf", "italic": "NotoSerifDisplay-Italic.ttf"},
    "symbols": {"regular": "NotoSansSymbols2-Regular.ttf"},
}

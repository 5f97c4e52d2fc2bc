"""The engine's kit, installed with it: the default layouts and stylesheet, the fonts (with their
licences) and the output profile. A manifest that names no ``resources`` (or no ``output.profile``)
uses these; a publication may point at its own."""

from __future__ import annotations

from pathlib import Path

KIT = Path(__file__).resolve().parent
LAYOUTS = KIT / "layouts"
FONTS = KIT / "fonts"
PROFILE = KIT / "color" / "FOGRA39L-300.icc"

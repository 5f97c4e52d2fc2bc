"""The three kinds of the transparency pictograms and the words printed beside them (no drawing
here: reports and outputs name the kinds without importing ReportLab)."""

from __future__ import annotations

from typing import Literal

Kind = Literal["ia", "mixte", "humain"]

# As printed beside the icons, with French spacing (a narrow no-break space before %).
LABELS: dict[str, str] = {"ia": "100\u202f% IA", "mixte": "IA / Humain", "humain": "100\u202f% Humain"}

"""Images as plain data: how an output renders them, what became of each (its colour conversion and
its placement; kept with a laid-out section in the section cache), without the imaging libraries."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from pathlib import Path


@dataclass(frozen=True)
class Conversion:
    """What happened to one image's colour."""

    kind: str  # "converted" | "grey on K" | "untagged CMYK" | "as is" | "proof"
    source: str  # the source's colour space and profile, e.g. "RGB, embedded profile 'sRGB IEC61966-2.1'"
    target: str  # e.g. "CMYK FOGRA39 ('FOGRA39L coated (300%)')"
    intent: str  # rendering intent, or how the colours were mapped
    ink_limit: float | None = None  # percent, kept on the decoded pixels
    max_ink: float | None = None  # percent, measured on the decoded pixels

    def as_dict(self) -> dict:
        return {k: v for k, v in asdict(self).items() if v is not None}

    def __str__(self) -> str:
        ink = f", ink ≤ {self.ink_limit:g} % (max {self.max_ink:.1f} %)" if self.max_ink is not None else ""
        return f"{self.kind}: {self.source} → {self.target} ({self.intent}{ink})"


@dataclass(frozen=True)
class PlacedImage:
    """One image as placed on a page: for the report, the preflight and provenance."""

    folio: int
    visual_id: str
    ppi: float
    out_ppi: float
    width_pt: float
    height_pt: float
    resource: str = ""  # the image XObject's name on the page (from its content hash)
    conversion: Conversion | None = None


@dataclass(frozen=True)
class ImageSettings:
    """How images are rendered for one output (final print, proof)."""

    name: str
    colour: str  # "cmyk" or "rgb"
    target_ppi: float  # resample to this when above max_ppi
    max_ppi: float
    jpeg_quality: int
    profile: Path | None = None  # output ICC profile (CMYK)
    identifier: str = "FOGRA39"  # the output condition's name

"""Output modes as data: what the final print file and a proof each need."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ials_print.images.placed import ImageSettings

MM = 72 / 25.4
MARKS_SPACE = 13 * MM  # room outside the trim for crop marks and the slug line


@dataclass(frozen=True)
class OutputMode:
    """One kind of output. The layout is the same; images, marks and finishing differ."""

    name: str
    images: ImageSettings
    pdfx: bool  # PDF/X-4 finishing and preflight
    marks: bool  # crop marks outside the bleed, in registration colour
    proof: bool  # slug line and ÉPREUVE mark outside the trim
    provenance: bool = False  # every element outlined in its provenance's colour (provenance_proof)

    @property
    def outside(self) -> float:
        """Extra media outside the trim on each side, beyond the bleed."""
        return MARKS_SPACE if (self.marks or self.proof) else 0.0


def final_mode(profile: Path, marks: bool = False, identifier: str = "FOGRA39") -> OutputMode:
    """The printer's file: CMYK images in the output profile (``identifier``'s), 300 ppi at most."""
    images = ImageSettings(
        "final", "cmyk", target_ppi=300, max_ppi=450, jpeg_quality=88, profile=profile, identifier=identifier
    )
    return OutputMode("final", images, pdfx=True, marks=marks, proof=False)


def proof_mode(profile: Path | None = None, provenance: bool = False) -> OutputMode:
    """The art director's proof: small sRGB images, marks, slug line.

    ``profile`` is the output condition, the source of untagged CMYK images; ``provenance`` outlines
    every element in its provenance's colour for the editors who sign the labels off.
    """
    images = ImageSettings("proof", "rgb", target_ppi=110, max_ppi=130, jpeg_quality=80, profile=profile)
    return OutputMode("proof", images, pdfx=False, marks=True, proof=True, provenance=provenance)

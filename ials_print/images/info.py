"""What an image file is, as the layout needs it (no imaging library imported here)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class ImageInfo:
    path: Path
    width: int
    height: int
    format: str
    mode: str

    @property
    def aspect(self) -> float:
        return self.width / self.height

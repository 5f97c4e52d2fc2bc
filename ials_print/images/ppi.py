"""One resolution policy for the build, the flatplan and the preflight: the manifest's `min_ppi`
(under it, an error: the printer refuses the file) and `warn_ppi` (under it, a warning)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PpiPolicy:
    """Effective resolution limits at placed size, pixels per inch."""

    minimum: float = 225.0
    wanted: float = 300.0

    def level(self, ppi: float) -> str | None:
        """ "error", "warning" or None for an image of ``ppi`` at its placed size."""
        if ppi < self.minimum - 0.5:
            return "error"
        if ppi < self.wanted - 0.5:
            return "warning"
        return None

    def explain(self, ppi: float) -> str:
        """Why an image's resolution is a problem, in the policy's words."""
        if self.level(ppi) == "error":
            return f"{ppi:.0f} ppi at its placed size ({self.minimum:.0f} ppi minimum)"
        return f"{ppi:.0f} ppi at its placed size ({self.wanted:.0f} ppi wanted, {self.minimum:.0f} at the very least)"

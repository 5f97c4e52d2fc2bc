"""What the preflight finds: findings, the report, and what every check reads."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field, replace
from typing import Any
from xml.sax.saxutils import unescape

from pypdf import PdfReader

from ials_print.images.ppi import PpiPolicy
from ials_print.preflight.scan import PageScan


@dataclass(frozen=True)
class Finding:
    level: str  # "error" | "warning"
    check: str
    message: str
    page: int | None = None  # 1-based, None for the whole document
    section: str | None = None  # the manifest's section id, when the file names it (ials-print's do)
    visual: str | None = None  # the manifest's visual id, for a finding about one image

    def __str__(self) -> str:
        names = ", ".join(f"{k} '{v}'" for k, v in (("section", self.section), ("visual", self.visual)) if v)
        where = f"page {self.page}" + (f" ({names})" if names else "") + ": " if self.page else ""
        return f"{self.level} [{self.check}] {where}{self.message}"


@dataclass
class Report:
    file: str
    pages: int = 0
    findings: list[Finding] = field(default_factory=list)
    ink_method: str = ""
    ink: list[float] = field(default_factory=list)  # each page's highest total ink, percent

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.level == "error"]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.level == "warning"]

    def as_json(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "pages": self.pages,
            "passed": not self.errors,
            "ink_coverage_method": self.ink_method,
            "ink_coverage": self.ink,
            "errors": [asdict(f) for f in self.errors],
            "warnings": [asdict(f) for f in self.warnings],
        }


@dataclass(frozen=True)
class PageNames:
    """What a page's own XMP says about it: its section and which image resource is which visual."""

    section: str | None = None
    visuals: dict[str, str] = field(default_factory=dict)  # image resource name → visual id

    @classmethod
    def from_xmp(cls, xmp: str) -> PageNames:
        section = re.search(r"<aiprov:Section>([^<]*)</aiprov:Section>", xmp)
        visuals: dict[str, str] = {}
        for item in re.findall(r"<rdf:li[^>]*>(.*?)</rdf:li>", xmp, re.S):
            ident = re.search(r"<dc:identifier>([^<]*)</dc:identifier>", item)
            for resource in re.findall(r"<aiprov:Resource>([^<]*)</aiprov:Resource>", item):
                if ident:
                    visuals[unescape(resource)] = unescape(ident.group(1))
        return cls(unescape(section.group(1)) if section else None, visuals)


def page_names(page: Any) -> PageNames:
    """The names a page's /Metadata stream gives (none for a file from elsewhere)."""
    meta = page.get("/Metadata")
    if meta is None:
        return PageNames()
    try:
        return PageNames.from_xmp(meta.get_object().get_data().decode("utf-8", "replace"))
    except Exception:  # unreadable metadata names nothing; the other checks still run
        return PageNames()


@dataclass
class Context:
    reader: PdfReader
    scans: list[PageScan]
    binding: str | None
    ppi: PpiPolicy = field(default_factory=PpiPolicy)
    names: list[PageNames] = field(default_factory=list)

    def page(self, n: int) -> PageNames:
        return self.names[n - 1] if 0 < n <= len(self.names) else PageNames()

    def visual(self, n: int, image: str) -> str | None:
        """The visual id of image resource ``image`` on page ``n``, if the file says."""
        return self.page(n).visuals.get(image.lstrip("/"))

    def image_label(self, n: int, image: str) -> str:
        """How a finding calls an image: by its visual id, else by its resource name."""
        vid = self.visual(n, image)
        return f"visual '{vid}'" if vid else f"image {image}"

    def error(self, check: str, message: str, page: int | None = None, image: str | None = None) -> Finding:
        return self._finding("error", check, message, page, image)

    def warning(self, check: str, message: str, page: int | None = None, image: str | None = None) -> Finding:
        return self._finding("warning", check, message, page, image)

    def named(self, finding: Finding) -> Finding:
        """``finding`` with its page's section filled in."""
        if finding.page and finding.section is None:
            return replace(finding, section=self.page(finding.page).section)
        return finding

    def _finding(self, level: str, check: str, message: str, page: int | None, image: str | None) -> Finding:
        section = self.page(page).section if page else None
        visual = self.visual(page, image) if page and image else None
        return Finding(level, check, message, page, section, visual)


Check = Callable[[Context], Iterator[Finding]]


def _err(check: str, message: str, page: int | None = None) -> Finding:
    return Finding("error", check, message, page)


def _warn(check: str, message: str, page: int | None = None) -> Finding:
    return Finding("warning", check, message, page)

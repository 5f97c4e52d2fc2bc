"""What the preflight finds: findings, the report, and what every check reads."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from typing import Any

from pypdf import PdfReader

from ials_print.preflight.scan import PageScan


@dataclass(frozen=True)
class Finding:
    level: str  # "error" | "warning"
    check: str
    message: str
    page: int | None = None  # 1-based, None for the whole document

    def __str__(self) -> str:
        where = f"page {self.page}: " if self.page else ""
        return f"{self.level} [{self.check}] {where}{self.message}"


@dataclass
class Report:
    file: str
    pages: int = 0
    findings: list[Finding] = field(default_factory=list)
    ink_method: str = ""

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
            "errors": [asdict(f) for f in self.errors],
            "warnings": [asdict(f) for f in self.warnings],
        }


@dataclass
class Context:
    reader: PdfReader
    scans: list[PageScan]
    binding: str | None


Check = Callable[[Context], Iterator[Finding]]


def _err(check: str, message: str, page: int | None = None) -> Finding:
    return Finding("error", check, message, page)


def _warn(check: str, message: str, page: int | None = None) -> Finding:
    return Finding("warning", check, message, page)

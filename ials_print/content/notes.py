"""What the normaliser reports about a text: corrections made, and things to check by hand."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Fix:
    """One correction made at load: the source line, the text before and after, and the rule."""

    line: int
    before: str
    after: str
    rule: str

    def __str__(self) -> str:
        return f"'{self.before}' → '{self.after}' ({self.rule})"


@dataclass(frozen=True)
class TypoNote:
    """Something to check by hand, left as written."""

    line: int
    excerpt: str
    message: str
    rule: str

    def __str__(self) -> str:
        return f"'{self.excerpt}': {self.message}"

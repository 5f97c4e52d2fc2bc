"""Story blocks: an article as plain data, between the Markdown parser and the layout."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from ials_print.limits import MAX_TITLE_CHARS


@dataclass(frozen=True)
class Run:
    """A run of text with one inline style."""

    text: str
    bold: bool = False
    italic: bool = False
    sup: bool = False
    href: str | None = None
    smallcaps: bool = False


Runs = tuple[Run, ...]


@dataclass(frozen=True)
class TextProvenance:
    """Who or what wrote a block of text: set by a ``::: ia`` / ``::: mixte`` / ``::: humain`` fence."""

    kind: Literal["ia", "mixte", "humain"]
    line: int  # where the fence opens
    tool: str | None = None  # e.g. "ChatGPT (GPT-4o)"
    author: str | None = None
    ident: str | None = None  # the block's name in reports and proofs (``id=``); else the section id and line
    credit: str | None = None  # printed under the block instead of the credit written from provenance


@dataclass(frozen=True)
class Heading:
    level: int
    runs: Runs
    line: int
    provenance: TextProvenance | None = None


@dataclass(frozen=True)
class Paragraph:
    runs: Runs
    line: int
    role: Literal["body", "question"] = "body"
    provenance: TextProvenance | None = None


@dataclass(frozen=True)
class PullQuote:
    """A pull-quote: in the column where it stands, or across all columns of a page (``across_page``)."""

    runs: Runs
    line: int
    across_page: int | None = None
    provenance: TextProvenance | None = None


@dataclass(frozen=True)
class ListBlock:
    items: tuple[Runs, ...]
    line: int
    ordered: bool = False
    provenance: TextProvenance | None = None


@dataclass(frozen=True)
class Figure:
    """A reference to a visual of the section's manifest entry, by id."""

    image_id: str
    caption: Runs
    credit: str | None
    line: int


@dataclass(frozen=True)
class Bio:
    name: str
    paragraphs: tuple[Runs, ...]
    line: int
    provenance: TextProvenance | None = None


@dataclass(frozen=True)
class Box:
    """An encadré: a titled box of paragraphs beside the main text."""

    title: str
    paragraphs: tuple[Runs, ...]
    line: int
    provenance: TextProvenance | None = None


@dataclass(frozen=True)
class BigNumber:
    """A key figure set large ("73 %"), with its legend."""

    figure: str
    legend: tuple[Runs, ...]
    line: int
    provenance: TextProvenance | None = None


@dataclass(frozen=True)
class PageBreak:
    """``***`` in the text: what follows starts on the next page."""

    line: int


Block = Heading | Paragraph | PullQuote | ListBlock | Figure | Bio | Box | BigNumber | PageBreak


class ArticleMeta(BaseModel):
    """Front matter: the title block and switches of an article (validated as written)."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)  # built when an article is parsed
    title: str = Field(max_length=MAX_TITLE_CHARS)
    kicker: str | None = None
    subtitle: str | None = None
    byline: str | None = None
    standfirst: str | None = None
    signature: str | None = None
    interview: bool = False
    drop_cap: bool = False
    epigraph: str | None = None
    epigraph_source: str | None = None


@dataclass(frozen=True)
class Article:
    meta: ArticleMeta
    blocks: tuple[Block, ...] = field(default_factory=tuple)

    def plain_text(self) -> str:
        """All words the article prints, for checks such as 'no text lost'."""
        parts: list[str] = [
            v
            for v in (
                self.meta.kicker,
                self.meta.title,
                self.meta.subtitle,
                self.meta.byline,
                self.meta.standfirst,
                self.meta.signature,
                self.meta.epigraph,
                self.meta.epigraph_source,
            )
            if v
        ]
        for block in self.blocks:
            if isinstance(block, (Heading, Paragraph, PullQuote)):
                parts.append(runs_text(block.runs))
            elif isinstance(block, ListBlock):
                parts.extend(runs_text(item) for item in block.items)
            elif isinstance(block, Figure):
                parts.append(runs_text(block.caption))
                if block.credit:
                    parts.append(block.credit)
            elif isinstance(block, Bio | Box):
                parts.append(block.name if isinstance(block, Bio) else block.title)
                parts.extend(runs_text(p) for p in block.paragraphs)
            elif isinstance(block, BigNumber):
                parts.append(block.figure)
                parts.extend(runs_text(p) for p in block.legend)
        return "\n".join(parts)


def runs_text(runs: Runs) -> str:
    return "".join(r.text for r in runs)

"""Kinds of pages: each is :class:`SectionComposer` or a small variation of it, chosen by the
template's ``kind``."""

from __future__ import annotations

from ials_print.layout.compose import SectionComposer
from ials_print.layout.contents import ContentsComposer, GalleryComposer, contents_entries
from ials_print.layout.fullbleed import CoverComposer, PortfolioComposer, VisualComposer

KINDS: dict[str, type[SectionComposer]] = {
    "article": SectionComposer,
    "placeholder": SectionComposer,
    "cover": CoverComposer,
    "visual": VisualComposer,
    "portfolio": PortfolioComposer,
    "contents": ContentsComposer,
    "gallery": GalleryComposer,
}

__all__ = ["KINDS", "contents_entries"]

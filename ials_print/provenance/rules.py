"""The rule that gives each page its pictogram, from what is printed on it.

- every element on the page made by AI → 100% IA;
- every element made by people → 100% Humain;
- anything else → IA / Humain;
- a page with furniture only (folio, running head) takes its section's provenance;
- the manifest may set a page's pictogram by hand, with a written reason.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# The IPTC Digital Source Type written for a visual when its file does not say one.
SOURCE_TYPE_OF = {
    "ia": "trainedAlgorithmicMedia",
    "mixte": "compositeWithTrainedAlgorithmicMedia",
    "humain": "digitalCapture",
}


@dataclass(frozen=True)
class Element:
    """Something printed on a page: the section's text or a visual."""

    kind: str  # "text" | "visual"
    ident: str  # section id for the section's text, a block's id (or section:lLINE), visual id for visuals
    provenance: str  # ia | mixte | humain
    tool: str | None = None
    source_type: str | None = None  # IPTC term, visuals only
    author: str | None = None  # a block of text: who signs it
    line: int | None = None  # a block of text: the line of its fence in the section's text
    c2pa: str | None = None  # a visual: the state of its file's C2PA manifest (valid, untrusted, tampered…)


@dataclass
class PageProvenance:
    folio: int
    section_id: str
    pictogram: str
    reason: str
    elements: list[Element] = field(default_factory=list)
    override: bool = False


def derive(
    folio: int, section_id: str, elements: list[Element], furniture: str, override: tuple[str, str] | None = None
) -> PageProvenance:
    """The pictogram of one page and why."""
    if override is not None:
        kind, reason = override
        return PageProvenance(folio, section_id, kind, f"set by hand: {reason}", elements, True)
    if not elements:
        return PageProvenance(
            folio, section_id, furniture, f"furniture only: the section's provenance ({furniture})", elements
        )
    kinds = {e.provenance for e in elements}
    names = ", ".join(f"{e.ident} ({e.provenance})" for e in elements)
    if kinds == {"ia"}:
        return PageProvenance(folio, section_id, "ia", f"every element is AI-generated: {names}", elements)
    if kinds == {"humain"}:
        return PageProvenance(folio, section_id, "humain", f"every element is human-made: {names}", elements)
    return PageProvenance(folio, section_id, "mixte", f"AI and human work together: {names}", elements)

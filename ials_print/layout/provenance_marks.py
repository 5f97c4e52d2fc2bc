"""Provenance of what a page prints, block by block (a mixin of ``SectionComposer``).

Every flowable made from a story block carries the block's :class:`TextProvenance` (``None``: the
section's own text); the column filler notes where each one is drawn. A page's elements are then the
blocks it actually prints, the visuals placed on it, and the section's text when some of it is there,
so a page holding only the human part of an article stays *100% Humain*.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, ImageAndFlowables

from ials_print.content.story import Block, Figure, PageBreak, TextProvenance
from ials_print.layout import flowables as fl
from ials_print.layout.geometry import Rect
from ials_print.provenance.credits import text_credit_for
from ials_print.provenance.rules import SOURCE_TYPE_OF, Element, PageProvenance, derive

if TYPE_CHECKING:
    from ials_print.layout.plans import PagePlan

ATTR = "text_provenance"  # the attribute a flowable carries; None for the section's own text
CREDIT = "provenance_credit"  # set on the credit line printed under a block (it names, it is not, the block)


def tag(items: list[Flowable], provenance: TextProvenance | None) -> None:
    """Mark the flowables made from one block with its provenance."""
    for f in items:
        setattr(f, ATTR, provenance)


def carry(whole: Flowable, parts: list[Flowable]) -> None:
    """The parts of a split flowable keep its provenance (and its credit mark)."""
    for name in (ATTR, CREDIT):
        if hasattr(whole, name):
            for p in parts:
                if not hasattr(p, name):
                    setattr(p, name, getattr(whole, name))


def note_drawn(c: Canvas, f: Flowable, rect: Rect) -> None:
    """Called by the column filler: ``f`` was drawn in ``rect`` (not on a scratch canvas)."""
    drawn = getattr(c, "_ials_drawn", None)
    if drawn is not None and not getattr(c, "_ials_scratch", False):
        drawn.append((f, rect))


def block_ident(section_id: str, p: TextProvenance) -> str:
    """The block's name in reports and proofs: its ``id=``, else the section and the fence's line."""
    return p.ident or f"{section_id}:l{p.line}"


def _provenance_of(f: Flowable) -> tuple[bool, TextProvenance | None]:
    """(whether ``f`` was tagged, its provenance); a drop cap's group answers for its paragraphs."""
    if hasattr(f, ATTR):
        return True, getattr(f, ATTR)
    if isinstance(f, ImageAndFlowables):
        inner = [getattr(g, ATTR) for g in f._content if hasattr(g, ATTR)]
        if inner:
            return True, inner[0]
    return False, None


def plate_provenance(plan: PagePlan, blocks: list[Block]) -> None:
    """The plate just set (a portfolio page's words) marked by the provenance of the blocks on it."""
    if not plan.text_marks or not any(getattr(b, "provenance", None) for b in blocks):
        return
    _, plate = plan.text_marks.pop()
    kinds = dict.fromkeys(getattr(b, "provenance", None) for b in blocks if not isinstance(b, Figure | PageBreak))
    plan.story_drawn = True  # the page's text is now told mark by mark (a title plate stays the section's)
    plan.section_text = plan.section_text or None in kinds or any(p is None for p, _ in plan.text_marks)
    plan.text_marks += [(p, plate) for p in kinds]


class ProvenanceMarks:
    """Per-block provenance for a section composer: credits, marks on the page, the page's pictogram."""

    def block_credit(self, blocks: tuple[Block, ...], i: int, items: list[Flowable]) -> list[Flowable]:
        """The credit line after the last block of a ``::: ia`` / ``::: mixte`` fence, else nothing.

        A box or bio takes it as its last line, inside the panel, so the two never part.
        """
        p = getattr(blocks[i], "provenance", None)
        if p is None:
            return []
        following = next((b for b in blocks[i + 1 :] if not isinstance(b, Figure | PageBreak)), None)
        if following is not None and getattr(following, "provenance", None) == p:
            return []
        line = text_credit_for(p.kind, p.tool, p.author, p.credit)
        if not line:
            return []
        credit = self._plain(line, "credit")  # type: ignore[attr-defined]
        if items and isinstance(items[-1], fl.Panel):
            credit.keep_with_previous = True  # type: ignore[attr-defined]
            items[-1].paras.append(credit)
            return []
        setattr(credit, ATTR, p)
        setattr(credit, CREDIT, True)
        return [credit]

    def collect_marks(self, c: Canvas, plan: PagePlan) -> None:
        """Turn what the column filler noted into the page's marks: text by provenance, flow figures."""
        drawn = getattr(c, "_ials_drawn", None) or []
        c._ials_drawn = None  # type: ignore[attr-defined]
        plates = any(r in plan.furniture for _, r in plan.text_marks)  # words on plates (kinds._plate)
        for f, rect in drawn:
            if isinstance(f, fl.Figure):
                plan.visual_marks.append((f.visual_id, rect))
            elif not isinstance(f, fl.NextPage):
                tagged, p = _provenance_of(f)
                plan.story_drawn = True
                plan.text_marks.append((p, rect))
                if not tagged or p is None:
                    plan.section_text = True
                elif getattr(f, CREDIT, False):
                    plan.credit_marks.add(len(plan.text_marks) - 1)
        if plan.head is not None and not plates:
            plan.text_marks.append((None, plan.head))
        plan.text_marks += [(None, r) for _, r in plan.captions]
        plan.visual_marks = list(plan.visuals) + plan.visual_marks

    def page_provenance(self, n: int, plan: PagePlan) -> PageProvenance:
        """What is printed on this page, and so its pictogram (see provenance.rules)."""
        s = self.section  # type: ignore[attr-defined]
        elements: list[Element] = []
        blocks: dict[TextProvenance, None] = {}
        for i, (p, _) in enumerate(plan.text_marks):
            if p is not None and i not in plan.credit_marks:
                blocks.setdefault(p)
        # The section's own text: drawn from the story, or the title block, or (pages that do not
        # flow a story) whatever text the page sets.
        story = plan.section_text or plan.head is not None
        if story if plan.story_drawn else (plan.has_text and not blocks):
            elements.append(Element("text", s.id, s.provenance, s.text_tool, author=s.text_author))
        for p in blocks:
            elements.append(Element("text", block_ident(s.id, p), p.kind, p.tool, author=p.author, line=p.line))
        seen: set[str] = set()
        visuals = self.visuals  # type: ignore[attr-defined]
        for placed in getattr(self.place, "placed", []):  # type: ignore[attr-defined]
            if placed.folio != plan.folio or placed.visual_id in seen or placed.visual_id not in visuals:
                continue
            seen.add(placed.visual_id)
            v = visuals[placed.visual_id]
            claim = self.issue.file_provenance.get(v.id)  # type: ignore[attr-defined]
            # The file's own term when it agrees with the manifest; the manifest's kind otherwise.
            agrees = claim is not None and claim.source_type and claim.kind == v.provenance
            source = claim.source_type if agrees else SOURCE_TYPE_OF[v.provenance]
            state = claim.c2pa_manifest.state if claim is not None and claim.c2pa_manifest else None
            elements.append(Element("visual", v.id, v.provenance, v.tool, source, c2pa=state))
        override = next(((o.kind, o.reason) for o in s.pictograms if o.page == n + 1), None)
        return derive(plan.folio, s.id, elements, s.provenance, override)

"""The provenance report: every page's pictogram and why, every visual and where it is printed."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from ials_print.provenance.credits import credit_for
from ials_print.provenance.labels import LABELS


def provenance_report(issue, result) -> dict[str, Any]:
    """Plain data (the JSON of ``ials-print provenance --json``)."""
    pages = []
    visual_pages: dict[str, list[int]] = defaultdict(list)
    texts: dict[str, dict[str, Any]] = {}
    for n, plan in enumerate(result.pages, start=1):
        prov = plan.provenance
        elements = [_element(e, plan.section_id) for e in (prov.elements if prov else [])]
        for e in elements:
            if e["kind"] == "visual":
                visual_pages[e["id"]].append(plan.folio)
            else:
                entry = {k: e[k] for k in ("id", "level", "provenance", "tool", "author", "line")}
                texts.setdefault(e["id"], {**entry, "section": plan.section_id, "pages": []})["pages"].append(
                    plan.folio
                )
        pages.append(
            {
                "page": plan.folio,
                "section": plan.section_id,
                "pictogram": LABELS[plan.pictogram],
                "kind": plan.pictogram,
                "reason": prov.reason if prov else "",
                "override": bool(prov and prov.override),
                "elements": elements,
                # where to look: this page in the provenance proof of the same pages
                "proof": f"{issue.stem}-proof-provenance.pdf#page={n}",
            }
        )
    from ials_print.content.story import Figure

    markdown_credits = {
        b.image_id: b.credit for a in issue.articles.values() for b in a.blocks if isinstance(b, Figure) and b.credit
    }
    visuals = []
    for section in issue.manifest.sections:
        for v in section.images:
            claim = issue.file_provenance.get(v.id)
            visuals.append(
                {
                    "id": v.id,
                    "section": section.id,
                    "file": v.file,
                    "credit": v.credit or markdown_credits.get(v.id) or credit_for(v),  # as printed
                    "tool": v.tool,
                    "retouch": list(v.retouch),
                    "kind": v.provenance,
                    "file_says": claim.evidence if claim else None,
                    "c2pa": claim.c2pa_manifest.as_json() if claim and claim.c2pa_manifest else None,
                    "pages": sorted(set(visual_pages.get(v.id, []))),
                }
            )
    total = len(pages)
    counts = {k: sum(1 for p in pages if p["kind"] == k) for k in LABELS}
    return {
        "issue": issue.manifest.issue.number,
        "pages": pages,
        "visuals": visuals,
        "texts": list(texts.values()),
        "totals": {LABELS[k]: {"pages": n, "share": round(n / total, 3) if total else 0} for k, n in counts.items()},
    }


def broken_c2pa(issue) -> list[str]:
    """A warning for each visual whose C2PA manifest is tampered, invalid or malformed (never evidence)."""
    out = []
    for vid, claim in issue.file_provenance.items():
        manifest = claim.c2pa_manifest
        if manifest is not None and not manifest.is_evidence:
            name = issue.visual_files[vid].name
            out.append(f"visual '{vid}' ({name}): {manifest.describe()}; not used as evidence")
    return out


def _element(e, section_id: str) -> dict[str, Any]:
    """One element of a page; text is the section's own or one of its blocks (``::: ia``…)."""
    out = {"kind": e.kind, "id": e.ident, "provenance": e.provenance, "tool": e.tool, "source_type": e.source_type}
    if e.kind == "visual":
        out["c2pa"] = e.c2pa
    if e.kind == "text":
        out["level"] = "section" if e.ident == section_id else "block"
        out.update(author=e.author, line=e.line)
    return out

"""Credit lines written from a visual's provenance when the manifest does not spell one out."""

from __future__ import annotations

from ials_print.manifest.model import Visual


def credit_for(v: Visual) -> str | None:
    """'Visuel Midjourney v6', 'Image réalisée avec l'aide de l'intelligence artificielle © …', '© …'."""
    tools = " + ".join(t for t in (v.tool, *v.retouch) if t)
    if v.provenance == "ia":
        return f"Visuel {tools}" if tools else "Visuel généré par intelligence artificielle"
    if v.provenance == "mixte":
        line = "Image réalisée avec l'aide de l'intelligence artificielle"
        if v.author:
            return f"{line} © {v.author}"
        return f"{line} ({tools})" if tools else line
    return f"© {v.author}" if v.author else None


def issue_has_ai_visuals(issue) -> bool:
    """Whether any visual of the issue was made with AI: the cover must then say so."""
    return any(v.provenance in ("ia", "mixte") for s in issue.manifest.sections for v in s.images)


def text_credit_for(kind: str, tool: str | None, author: str | None, credit: str | None = None) -> str | None:
    """The line printed under a block of text written with AI: 'Texte généré avec ChatGPT (GPT-4o)'."""
    if credit:
        return credit
    if kind == "ia":
        line = f"Texte généré avec {tool}" if tool else "Texte généré par intelligence artificielle"
        return f"{line}, sous la direction de {author}" if author else line
    if kind == "mixte":
        helper = tool or "l'intelligence artificielle"
        return f"Texte écrit par {author} avec l'aide de {helper}" if author else f"Texte écrit avec l'aide de {helper}"
    return None

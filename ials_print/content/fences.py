"""Text provenance fences (``::: ia tool="…"`` … ``:::``) and the check that every ``:::`` is closed."""

from __future__ import annotations

import shlex
from dataclasses import fields, replace
from pathlib import Path

from markdown_it.token import Token

from ials_print.content.story import Block, TextProvenance
from ials_print.errors import Problem

PROVENANCE_FENCES = ("ia", "mixte", "humain")
ATTRIBUTES = ("tool", "author", "id", "credit")


def parse_fence(kind: str, info: str, path: Path, line: int, problems: list[Problem]) -> TextProvenance:
    """``ia tool="GPT-4o" author="La rédaction"`` → a :class:`TextProvenance`; bad attributes are problems."""
    rest = info.strip()[len(kind) :].strip()
    try:
        words = shlex.split(rest)
    except ValueError as exc:
        problems.append(Problem(path, f"cannot read the attributes of '::: {kind}' ({exc}): {rest!r}", line, 1))
        words = []
    values: dict[str, str] = {}
    for word in words:
        key, eq, value = word.partition("=")
        if not eq or key not in ATTRIBUTES or not value.strip():
            problems.append(
                Problem(
                    path,
                    f"expected attributes of '::: {kind}' as key=\"value\" with keys {', '.join(ATTRIBUTES)}, "
                    f"found {word!r}",
                    line,
                    1,
                )
            )
            continue
        values[key] = value.strip()
    return TextProvenance(
        kind,  # type: ignore[arg-type]
        line,
        tool=values.get("tool"),
        author=values.get("author"),
        ident=values.get("id"),
        credit=values.get("credit"),
    )


def with_provenance(blocks: list[Block], provenance: TextProvenance) -> list[Block]:
    """The blocks of a fence, each carrying its provenance (figures keep their visual's own)."""
    return [
        replace(b, provenance=provenance) if any(f.name == "provenance" for f in fields(b)) else b  # type: ignore[arg-type]
        for b in blocks
    ]


def unclosed_fences(tokens: list[Token], source: str, path: Path) -> list[Problem]:
    """Every ``:::`` opened and never closed: markdown-it closes it silently at the end of the text."""
    lines = source.splitlines()
    problems = []
    for tok in tokens:
        if not (tok.type.startswith("container_") and tok.type.endswith("_open")) or tok.map is None:
            continue
        start, end = tok.map
        closing = lines[end].strip() if end < len(lines) else ""
        if not closing or set(closing) != {":"}:
            text = lines[start] if start < len(lines) else ""
            column = len(text) - len(text.lstrip()) + 1
            problems.append(
                Problem(
                    path,
                    f"'{text.strip()}' is never closed: expected a line '{tok.markup}' after the block, "
                    "found the end of the text",
                    start + 1,
                    column,
                )
            )
    return problems

"""Checks on an article's raw text before and around parsing: what cannot print, what is too long,
what is left open. Each problem names the file, line and column."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from ials_print.errors import Problem
from ials_print.limits import (
    MAX_PARAGRAPH_CHARS,
    MAX_WORD_CHARS,
    describe_char,
    has_unprintable,
    line_col,
    unprintable_problems,
)

_BLANK_LINES = re.compile(r"\n[ \t]*\n")
_LONG_WORD = re.compile(rf"\S{{{MAX_WORD_CHARS + 1},}}")
_NUMERIC_ENTITY = re.compile(r"&#(?:([0-9]{1,8})|[xX]([0-9a-fA-F]{1,8}));")


def _entity_problems(text: str, path: Path) -> list[Problem]:
    """``&#0;``, ``&#xD800;``… would become U+FFFD on the page: name them (named entities always
    decode to printable characters)."""
    problems = []
    for match in _NUMERIC_ENTITY.finditer(text):
        code = int(match.group(1)) if match.group(1) else int(match.group(2), 16)
        char = chr(code) if code <= 0x10FFFF else None
        if char is None or has_unprintable(char) or code == 0:
            what = describe_char(char) if char is not None else f"code {code} (beyond Unicode)"
            problems.append(
                Problem(
                    path,
                    f"expected a printable character, found the entity {match.group(0)} = {what}: remove it",
                    *line_col(text, match.start()),
                )
            )
    return problems


def character_problems(text: str, path: Path) -> list[Problem]:
    """Characters that cannot print, written or as numeric entities, at their line and column."""
    problems = unprintable_problems(text, path)
    if "&#" in text:
        problems += _entity_problems(text, path)
    return problems


def length_problems(text: str, path: Path) -> list[Problem]:
    """Paragraphs and words beyond the limits (``MAX_PARAGRAPH_CHARS``, ``MAX_WORD_CHARS``)."""
    problems = []
    start = 0
    for match in [*_BLANK_LINES.finditer(text), None]:
        end = match.start() if match else len(text)
        if end - start > MAX_PARAGRAPH_CHARS:
            line, _ = line_col(text, start)
            problems.append(
                Problem(
                    path,
                    f"paragraph of {end - start:,} characters: at most {MAX_PARAGRAPH_CHARS:,} "
                    "(split it with a blank line)",
                    line,
                )
            )
        start = match.end() if match else start
    for n, match in enumerate(_LONG_WORD.finditer(text)):
        if n == 5:
            problems.append(Problem(path, "… and more words beyond the limit"))
            break
        problems.append(
            Problem(
                path,
                f"word of {len(match.group(0)):,} characters ({match.group(0)[:30]}…): at most {MAX_WORD_CHARS}",
                *line_col(text, match.start()),
            )
        )
    return problems


def shift_lines(problems: list[Problem], by: int) -> list[Problem]:
    """Problems found in a part of a file (front matter) moved to the file's own lines."""
    return [replace(p, line=p.line + by) if p.line is not None else p for p in problems]

"""The limits every input is held to, and the text checks shared by every file kind.

Each limit is far above what a magazine needs (the README's errors section lists them) and low
enough that no input can make a command hang or run out of memory: past one, the input is
refused with one line naming the file, exit 2.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path

from ials_print.errors import InputError, Problem

# YAML files: the manifest, templates, the stylesheet, data files, Markdown front matter.
MAX_YAML_BYTES = 2_000_000
MAX_YAML_DEPTH = 32  # nested mappings and lists (a manifest needs 6)
MAX_YAML_STRING = 10_000  # characters in one value (the longest caption of issue n°3 has 334)

# Markdown articles.
MAX_MARKDOWN_BYTES = 300_000  # one article file (issue n°3's longest: 14,573 bytes)
MAX_PARAGRAPH_CHARS = 20_000  # one paragraph (issue n°3's longest: 3,106)
MAX_WORD_CHARS = 200  # one word, URLs included (issue n°3's longest: 103)

# Manifest strings set on one line of a page.
MAX_TITLE_CHARS = 200
MAX_RUNNING_HEAD_CHARS = 80

# Images: a 300 ppi double spread with bleed is about 18 Mpx.
MAX_IMAGE_PIXELS = 50_000_000
MAX_IMAGE_MEMORY = 128 * 1024 * 1024  # bytes of decoded samples (width × height × bands)

# Fonts and ICC profiles.
MAX_FONT_BYTES = 50_000_000
MAX_ICC_BYTES = 10_000_000

# SOURCE_DATE_EPOCH: from 1970 to the last second of 9999 (PDF dates have four-digit years).
MAX_EPOCH = 253_402_300_799

_ALLOWED_CONTROLS = {"\t", "\n", "\r"}


def line_col(text: str, index: int) -> tuple[int, int]:
    """1-based line and column of ``text[index]``."""
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


def describe_char(char: str) -> str:
    """``U+0000 (NULL)``: a character named for a message."""
    name = unicodedata.name(char, "")
    if not name:
        code = ord(char)
        if 0xD800 <= code <= 0xDFFF:
            name = "lone surrogate"
        elif code < 0x20 or 0x7F <= code < 0xA0:
            name = "control character"
        else:
            name = "unassigned"
    return f"U+{ord(char):04X} ({name})"


def unprintable(text: str) -> Iterator[int]:
    """Indexes of characters that cannot be printed: C0/C1 controls (not tab or newline), lone
    surrogates, non-characters and the replacement character U+FFFD (the trace of a lost byte)."""
    for i, char in enumerate(text):
        code = ord(char)
        if code < 0x20 or 0x7F <= code < 0xA0:
            if char not in _ALLOWED_CONTROLS:
                yield i
        elif 0xD800 <= code <= 0xDFFF or code in (0xFFFD, 0xFFFE, 0xFFFF):
            yield i


_SUSPECT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffd\ufffe\uffff]")


def has_unprintable(text: str) -> bool:
    """True if :func:`unprintable` would find something (fast path)."""
    return _SUSPECT.search(text) is not None


def unprintable_problems(text: str, path: Path, first_line: int = 1, limit: int = 10) -> list[Problem]:
    """One problem per character that cannot print (the first ``limit``), with its line and column."""
    if not has_unprintable(text):
        return []
    problems = []
    found = list(unprintable(text))
    for i in found[:limit]:
        line, col = line_col(text, i)
        problems.append(
            Problem(
                path,
                f"expected printable text, found {describe_char(text[i])}: it would print as nothing "
                "or as a replacement glyph; remove it",
                line + first_line - 1,
                col,
            )
        )
    if len(found) > limit:
        problems.append(Problem(path, f"… and {len(found) - limit} more characters that cannot print"))
    return problems


def decode_utf8(raw: bytes, path: Path) -> str:
    """``raw`` as UTF-8 text; a BOM or an invalid byte is an :class:`InputError` at its line and column."""
    if raw.startswith(codecs.BOM_UTF8):
        raise InputError(
            [
                Problem(
                    path,
                    "expected UTF-8 text without a byte-order mark, found a UTF-8 BOM (EF BB BF): "
                    "save the file as UTF-8 without BOM",
                    1,
                    1,
                )
            ]
        )
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise InputError([Problem(path, "expected UTF-8 text, found UTF-16 (a UTF-16 byte-order mark)", 1, 1)])
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start].decode("utf-8", "replace")
        line, col = line_col(before + "x", len(before))
        hint = " (Latin-1 or Windows-1252? save it as UTF-8)" if raw[exc.start] >= 0x80 else ""
        raise InputError(
            [Problem(path, f"expected UTF-8 text, found the byte 0x{raw[exc.start]:02x}{hint}", line, col)]
        ) from None


def read_limited(path: Path, limit: int, what: str) -> bytes:
    """The bytes of ``path``, refused if larger than ``limit``; unreadable files are an :class:`InputError`."""
    try:
        size = path.stat().st_size
        if size > limit:
            raise InputError([Problem(path, f"{what} too large ({size:,} bytes, at most {limit:,})")])
        return path.read_bytes()
    except FileNotFoundError:
        raise InputError([Problem(path, "file not found")]) from None
    except IsADirectoryError:
        raise InputError([Problem(path, f"expected {what}, found a folder")]) from None
    except OSError as exc:
        raise InputError([Problem(path, f"cannot read file: {exc.strerror or exc}")]) from None

"""Safe YAML reading that remembers where every value came from.

Only plain data is built (mappings, sequences, scalars); aliases are refused outright, which
rules out "billion laughs" bombs, and duplicate keys are an error rather than a silent overwrite.

The text is scanned and parsed by libyaml when PyYAML has it (``yaml.CParser``, about five times faster
than the pure-Python parser) and composed here into nodes with their marks, under the same rules.
Any error met that way is met again with the pure-Python parser, whose messages are the ones reported
(libyaml words them differently), as is text holding a character YAML refuses or what libyaml alone
accepts (``_PYTHON_ONLY``): both parsers must agree on what is valid.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
import yaml.reader
from yaml.composer import Composer
from yaml.constructor import SafeConstructor
from yaml.events import AliasEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.resolver import Resolver

from ials_print.errors import InputError, Problem
from ials_print.limits import (
    MAX_YAML_BYTES,
    MAX_YAML_DEPTH,
    MAX_YAML_STRING,
    decode_utf8,
    describe_char,
    line_col,
    read_limited,
    unprintable_problems,
)

Loc = tuple[str | int, ...]

_SEQ = "tag:yaml.org,2002:seq"
_MAP = "tag:yaml.org,2002:map"


@dataclass
class Located:
    """Plain data read from a YAML file, plus the line/column of each value and key."""

    path: Path
    data: Any
    values: dict[Loc, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Loc, tuple[int, int]] = field(default_factory=dict)

    def where(self, loc: Loc, *, key: bool = False) -> tuple[int | None, int | None]:
        """Line and column (1-based) of ``loc``, or of its nearest located parent."""
        table = self.keys if key and loc in self.keys else self.values
        for n in range(len(loc), -1, -1):
            if loc[:n] in table:
                return table[loc[:n]]
            if loc[:n] in self.values:
                return self.values[loc[:n]]
        return (None, None)

    def problem(self, loc: Loc, message: str, *, key: bool = False) -> Problem:
        line, col = self.where(loc, key=key)
        return Problem(self.path, message, line, col)


class _Rules:
    """The composer's rules, for both parsers: no alias, no deeper than ``MAX_YAML_DEPTH``."""

    _depth = 0

    def compose_node(self, parent: Node | None, index: Any) -> Node:  # type: ignore[override]
        if self.check_event(AliasEvent):
            event = self.peek_event()
            raise yaml.MarkedYAMLError(
                None, None, "YAML aliases (*name) are not allowed in this file", event.start_mark
            )
        if self._depth >= MAX_YAML_DEPTH:  # the composer recurses: refuse before Python's stack runs out
            raise yaml.MarkedYAMLError(
                None, None, f"nested more than {MAX_YAML_DEPTH} levels deep (the limit)", self.peek_event().start_mark
            )
        self._depth += 1
        try:
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


class _NoAliasLoader(_Rules, yaml.SafeLoader):
    """The pure-Python reader, scanner and parser: the reference, and the words of every error."""


if getattr(yaml, "__with_libyaml__", False):
    from yaml.cyaml import CParser  # libyaml's scanner and parser

    class _FastLoader(_Rules, Composer, CParser, SafeConstructor, Resolver):
        """libyaml's events composed by PyYAML's composer (so marks and rules are the same)."""

        def __init__(self, stream: str) -> None:
            CParser.__init__(self, stream)
            Composer.__init__(self)
            SafeConstructor.__init__(self)
            Resolver.__init__(self)

    _FAST: type | None = _FastLoader
else:  # pragma: no cover - PyYAML built without libyaml
    _FAST = None


# What libyaml accepts and the pure-Python parser refuses: a tab (as a separator), a comment right
# after a block scalar's indicator (``|#``). Text holding them is left to the pure-Python parser.
_PYTHON_ONLY = re.compile(r"\t|[|>][-+0-9]*#")


def _pos(node: Node) -> tuple[int, int]:
    return (node.start_mark.line + 1, node.start_mark.column + 1)


def _scalar(loader: Any, node: ScalarNode, out: Located, problems: list[Problem]) -> Any:
    try:
        value = loader.construct_object(node, deep=True)
    except (ValueError, OverflowError) as exc:  # e.g. an impossible date such as 2026-13-45
        problems.append(Problem(out.path, f"expected a valid value, found {node.value[:60]!r} ({exc})", *_pos(node)))
        return None
    if isinstance(value, str):
        if len(value) > MAX_YAML_STRING:
            message = f"expected at most {MAX_YAML_STRING:,} characters in one value, found {len(value):,}"
            problems.append(Problem(out.path, message, *_pos(node)))
            return None
        bad = unprintable_problems(value, out.path, limit=1)
        if bad:  # escapes such as "\0" or "\ud800" in a quoted string: positions within the value mean little
            problems.append(Problem(out.path, bad[0].message, *_pos(node)))
            return None
    return value


def _build(loader: Any, node: Node, loc: Loc, out: Located, problems: list[Problem]) -> Any:
    out.values[loc] = _pos(node)
    if isinstance(node, ScalarNode):
        return _scalar(loader, node, out, problems)
    if not isinstance(node, ScalarNode) and node.tag not in (_SEQ, _MAP):
        problems.append(
            Problem(out.path, f"unsupported YAML tag {node.tag!r}: only plain data is allowed", *_pos(node))
        )
        return None
    if isinstance(node, SequenceNode):
        return [_build(loader, item, (*loc, i), out, problems) for i, item in enumerate(node.value)]
    if isinstance(node, MappingNode):
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                problems.append(Problem(out.path, "expected a plain key, found a complex key", *_pos(key_node)))
                continue
            key = _scalar(loader, key_node, out, problems)
            if key_node.tag == "tag:yaml.org,2002:merge":
                problems.append(Problem(out.path, "merge keys (<<) are not allowed", *_pos(key_node)))
                continue
            if key in result:
                problems.append(Problem(out.path, f"duplicate key '{key}'", *_pos(key_node)))
                continue
            out.keys[(*loc, key)] = _pos(key_node)
            result[key] = _build(loader, value_node, (*loc, key), out, problems)
        return result
    raise AssertionError(f"unknown YAML node {node!r}")  # pragma: no cover


def _compose(loader_class: type, text: str, path: Path) -> Located:
    """The data of ``text`` with its marks; :class:`InputError` for problems in the values, YAML's own
    errors raised as they are."""
    out = Located(path=path, data=None)
    problems: list[Problem] = []
    loader = loader_class(text)
    try:
        node = loader.get_single_node()
        if node is not None:
            out.data = _build(loader, node, (), out, problems)
    finally:
        loader.dispose()
    if problems:
        raise InputError(problems)
    return out


def parse_yaml(text: str, path: Path) -> Located:
    """Parse YAML text; raise :class:`InputError` with positions on any problem."""
    if _FAST is not None and not _PYTHON_ONLY.search(text) and not yaml.reader.Reader.NON_PRINTABLE.search(text):
        try:
            located = _compose(_FAST, text, path)
            if located.data is not None:  # an empty document: libyaml places it elsewhere
                return located
        except yaml.YAMLError:
            pass  # said again below, in the pure-Python parser's words
    try:
        return _compose(_NoAliasLoader, text, path)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        message = exc.problem or exc.context or "invalid YAML"
        if mark is None:
            raise InputError([Problem(path, f"invalid YAML: {message}")]) from None
        raise InputError([Problem(path, f"invalid YAML: {message}", mark.line + 1, mark.column + 1)]) from None
    except yaml.reader.ReaderError as exc:  # a character YAML refuses, e.g. a raw NUL: name its line and column
        line, col = line_col(text, exc.position)
        what = describe_char(chr(exc.character)) if isinstance(exc.character, int) else repr(exc.character)
        raise InputError([Problem(path, f"invalid YAML: expected printable text, found {what}", line, col)]) from None
    except yaml.YAMLError as exc:
        raise InputError([Problem(path, f"invalid YAML: {str(exc).splitlines()[0]}")]) from None


def load_yaml(path: Path) -> Located:
    """Read and parse a YAML file; a missing or unreadable file is an :class:`InputError`."""
    raw = read_limited(path, MAX_YAML_BYTES, "a YAML file")
    return parse_yaml(decode_utf8(raw, path), path)

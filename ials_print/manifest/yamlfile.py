"""Safe YAML reading that remembers where every value came from.

Only plain data is built (mappings, sequences, scalars); aliases are refused outright, which
rules out "billion laughs" bombs, and duplicate keys are an error rather than a silent overwrite.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.events import AliasEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ials_print.errors import InputError, Problem

Loc = tuple[str | int, ...]

MAX_YAML_BYTES = 2_000_000
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


class _NoAliasLoader(yaml.SafeLoader):
    def compose_node(self, parent: Node | None, index: Any) -> Node:  # type: ignore[override]
        if self.check_event(AliasEvent):
            event = self.peek_event()
            raise yaml.MarkedYAMLError(
                None, None, "YAML aliases (*name) are not allowed in this file", event.start_mark
            )
        return super().compose_node(parent, index)


def _pos(node: Node) -> tuple[int, int]:
    return (node.start_mark.line + 1, node.start_mark.column + 1)


def _scalar(loader: _NoAliasLoader, node: ScalarNode, out: Located, problems: list[Problem]) -> Any:
    try:
        return loader.construct_object(node, deep=True)
    except (ValueError, OverflowError) as exc:  # e.g. an impossible date such as 2026-13-45
        problems.append(Problem(out.path, f"expected a valid value, found {node.value!r} ({exc})", *_pos(node)))
        return None


def _build(loader: _NoAliasLoader, node: Node, loc: Loc, out: Located, problems: list[Problem]) -> Any:
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


def parse_yaml(text: str, path: Path) -> Located:
    """Parse YAML text; raise :class:`InputError` with positions on any problem."""
    out = Located(path=path, data=None)
    problems: list[Problem] = []
    loader = _NoAliasLoader(text)
    try:
        node = loader.get_single_node()
        if node is not None:
            out.data = _build(loader, node, (), out, problems)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        message = exc.problem or exc.context or "invalid YAML"
        if mark is None:
            raise InputError([Problem(path, f"invalid YAML: {message}")]) from None
        raise InputError([Problem(path, f"invalid YAML: {message}", mark.line + 1, mark.column + 1)]) from None
    except yaml.YAMLError as exc:
        raise InputError([Problem(path, f"invalid YAML: {exc}")]) from None
    finally:
        loader.dispose()
    if problems:
        raise InputError(problems)
    return out


def load_yaml(path: Path) -> Located:
    """Read and parse a YAML file; a missing or unreadable file is an :class:`InputError`."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise InputError([Problem(path, "file not found")]) from None
    except OSError as exc:
        raise InputError([Problem(path, f"cannot read file: {exc.strerror}")]) from None
    if len(raw) > MAX_YAML_BYTES:
        raise InputError([Problem(path, f"file too large ({len(raw)} bytes, at most {MAX_YAML_BYTES})")])
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(
            [Problem(path, f"expected UTF-8 text, found byte 0x{raw[exc.start]:02x} at offset {exc.start}")]
        ) from None
    return parse_yaml(text, path)

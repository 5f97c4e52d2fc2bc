"""YAML read with libyaml (when PyYAML has it) gives what the pure-Python parser gives: the same data,
the same lines and columns, the same problems in the same words."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from ials_print.errors import InputError
from ials_print.manifest import yamlfile
from tests.conftest import ROOT

needs_libyaml = pytest.mark.skipif(yamlfile._FAST is None, reason="PyYAML without libyaml")


def _read(text: str, fast: bool, monkeypatch: pytest.MonkeyPatch) -> tuple:
    """What parse_yaml makes of ``text``, with libyaml or without."""
    with monkeypatch.context() as m:
        if not fast:
            m.setattr(yamlfile, "_FAST", None)
        try:
            located = yamlfile.parse_yaml(text, Path("x.yaml"))
        except InputError as exc:
            return ("problems", [str(p) for p in exc.problems])
    return ("data", located.data, located.values, located.keys)


def _texts() -> list[tuple[str, str]]:
    """Every YAML file of the repository, and the front matter of every article."""
    out = []
    for path in sorted(ROOT.glob("**/*.y*ml")):
        if ".git" not in path.parts:
            out.append((str(path.relative_to(ROOT)), path.read_text(encoding="utf-8", errors="replace")))
    for path in sorted(ROOT.glob("**/*.md")):
        m = re.match(r"---\n(.*?)\n---", path.read_text(encoding="utf-8", errors="replace"), re.S)
        if m:
            out.append((f"{path.relative_to(ROOT)} (front matter)", m.group(1)))
    return out


@needs_libyaml
def test_both_parsers_agree_on_the_repository(monkeypatch):
    texts = _texts()
    assert len(texts) > 40
    for name, text in texts:
        assert _read(text, True, monkeypatch) == _read(text, False, monkeypatch), name


EDGES = [
    "a: 'é à ü'\nb: [1, {c: ☃, d: 2026-01-02}]\n𝔘: 𝔙\n",  # positions after multi-byte characters
    "a:\r\n  b: c\r\n  d: 'e'\r\n",
    "a: b\u0085c: d\n",
    "a: |\n  multi\n  line é\n\nb: >-\n  folded\n  text\n",
    'a: "\\x41\\u00e9\\/"\n',
    "a: 1\na: 2\n",  # duplicate key
    "a: &x [1]\nb: *x\n",  # alias
    "- 2026-13-45\n- !!str 3\n- 0x1F\n- .inf\n- ~\n- yes\n",
    "<<: {a: 1}\n",
    "a: !!python/object/apply:os.system ['true']\n",
    "a: !foo bar\n",
    "? [a]\n: b\n",
    "a:\tb\n",  # a tab: libyaml accepts it, the pure-Python parser does not
    "a: |#x\n  b\n",
    "a: [1, 2\n",
    "a: b: c\n",
    "a: 1\n---\nb: 2\n",
    "---\n",
    "",
    'a: "\\ud800"\n',
    "a: b\x00\n",
    "[" * 40 + "]" * 40,
    "a: " + "x" * 10_001 + "\n",
]


@needs_libyaml
@pytest.mark.parametrize("text", EDGES, ids=range(len(EDGES)))
def test_both_parsers_agree_on_edges(text, monkeypatch):
    assert _read(text, True, monkeypatch) == _read(text, False, monkeypatch)


def test_libyaml_errors_are_worded_by_the_pure_python_parser():
    with pytest.raises(InputError) as exc:
        yamlfile.parse_yaml("title: ok\nsections: [1, 2\n", Path("x.yaml"))
    (problem,) = exc.value.problems
    assert str(problem).startswith("x.yaml:3:1: invalid YAML: expected ',' or ']', but got '<stream end>'")

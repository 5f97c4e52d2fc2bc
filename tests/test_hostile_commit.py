"""The outputs of one command committed together (``output/commit.py``): all renamed, or none changed."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from ials_print.output import commit as commit_module
from ials_print.output.commit import OutputError, OutputSet


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_all_outputs_replaced_together(tmp_path: Path) -> None:
    (tmp_path / "a.pdf").write_bytes(b"old pdf")
    with OutputSet() as outputs:
        staged = outputs.stage(tmp_path / "a.pdf", b"new pdf")
        outputs.stage(tmp_path / "a.job.json", b"new ticket")
        assert staged.read_bytes() == b"new pdf" and (tmp_path / "a.pdf").read_bytes() == b"old pdf"
        outputs.commit()
    assert _files(tmp_path) == {"a.job.json": b"new ticket", "a.pdf": b"new pdf"}


def test_a_rename_failing_half_way_puts_everything_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a.pdf").write_bytes(b"old pdf")
    (tmp_path / "a.job.json").write_bytes(b"old ticket")
    before = _files(tmp_path)
    real_replace = os.replace
    calls: list[str] = []

    def flaky(src, dst):
        calls.append(str(dst))
        if len(calls) == 2 and str(dst).endswith(".job.json"):
            raise OSError(28, "No space left on device", str(dst))
        return real_replace(src, dst)

    monkeypatch.setattr(commit_module.os, "replace", flaky)
    with OutputSet() as outputs:
        outputs.stage(tmp_path / "a.pdf", b"new pdf")
        outputs.stage(tmp_path / "a.job.json", b"new ticket")
        outputs.stage(tmp_path / "a.typography.txt", b"new list")
        with pytest.raises(OutputError) as failure:
            outputs.commit()
    assert failure.value.path == tmp_path / "a.job.json"
    assert _files(tmp_path) == before, "the PDF renamed before the failure must be put back"


def test_a_folder_in_the_way_changes_nothing(tmp_path: Path) -> None:
    (tmp_path / "a.pdf").write_bytes(b"old pdf")
    (tmp_path / "a.job.json").mkdir()
    with OutputSet() as outputs:
        outputs.stage(tmp_path / "a.pdf", b"new pdf")
        with pytest.raises(OutputError, match="folder"):
            outputs.stage(tmp_path / "a.job.json", b"new ticket")
    assert (tmp_path / "a.pdf").read_bytes() == b"old pdf"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.job.json", "a.pdf"], "a temporary file was left"


def test_stale_output_removed_only_on_commit(tmp_path: Path) -> None:
    (tmp_path / "a.typography.txt").write_bytes(b"old notes")
    with OutputSet() as outputs:
        outputs.remove(tmp_path / "a.typography.txt")
        assert (tmp_path / "a.typography.txt").exists()
    assert (tmp_path / "a.typography.txt").exists(), "discarded: nothing removed"
    with OutputSet() as outputs:
        outputs.remove(tmp_path / "a.typography.txt")
        outputs.commit()
    assert not (tmp_path / "a.typography.txt").exists()

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


def test_small_files_are_synced_at_commit_without_a_thread(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A proof's counter is staged before the layout forks: staging it must not start a thread; it
    is still synced before its rename, as a large file is (in the background)."""
    import threading

    synced: list[str] = []
    real = commit_module.sync_file
    monkeypatch.setattr(commit_module, "sync_file", lambda p: (synced.append(Path(p).name), real(p))[1])
    with OutputSet() as outputs:
        before = threading.active_count()
        outputs.stage(tmp_path / "proofs.json", b"{}")
        assert threading.active_count() == before and not synced
        outputs.stage(tmp_path / "issue.pdf", b"%" * commit_module.BACKGROUND_SYNC)
        outputs.commit()
    assert len(synced) == 2 and all(name.startswith(".") for name in synced), synced
    assert (tmp_path / "proofs.json").read_bytes() == b"{}"
    assert (tmp_path / "issue.pdf").stat().st_size == commit_module.BACKGROUND_SYNC


def test_a_child_s_files_are_handed_over_and_adopted(tmp_path: Path) -> None:
    """A forked child stages without a sync thread and hands its files over (its set forgets them); the
    parent's set adopts them, syncs them and commits them with its own."""
    import threading

    big = b"%" * commit_module.BACKGROUND_SYNC
    with OutputSet() as outputs:
        outputs.stage(tmp_path / "issue.pdf", big)
        with OutputSet(background=False) as child:
            before = threading.active_count()
            child.stage(tmp_path / "interior.pdf", big)
            assert threading.active_count() == before
            handed = child.hand_over()
        assert list(handed) == [tmp_path / "interior.pdf"] and handed[tmp_path / "interior.pdf"].exists()
        for target, tmp in handed.items():
            outputs.adopt(target, tmp)
        with pytest.raises(ValueError):
            outputs.adopt(tmp_path / "issue.pdf", tmp_path / "elsewhere")
        outputs.commit()
    assert _files(tmp_path) == {"interior.pdf": big, "issue.pdf": big}

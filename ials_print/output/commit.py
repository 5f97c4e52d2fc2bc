"""All the files of one command committed together: staged under temporary names beside their
targets, renamed over them only once every one is written; any failure leaves every previous
output byte-identical (the renames already done are undone from hard-linked backups)."""

from __future__ import annotations

import os
import shutil
import tempfile
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from types import TracebackType

from ials_print.output.atomic import Data, sync_file, sync_folder, write_atomic, write_temp

BACKGROUND_SYNC = 1 << 20  # bytes: a staged file this large is synced in the background, a smaller one at commit


class OutputError(OSError):
    """An output that could not be staged or committed; ``path`` is the output concerned."""

    def __init__(self, path: Path, reason: str):
        super().__init__(reason)
        self.path = path
        self.reason = reason


def _reason(exc: OSError) -> str:
    return exc.strerror or str(exc)


class OutputSet:
    """The outputs of one command. Use as a context manager: staged files are removed unless committed.

    Large staged files are synced to disk by a thread while the command goes on; with
    ``background=False`` (a forked child's set, whose files the parent adopts), at commit only."""

    def __init__(self, background: bool = True) -> None:
        self._staged: dict[Path, Path] = {}  # target -> temporary file beside it
        self._removed: list[Path] = []  # stale outputs to delete at commit
        # The commit waits for every sync before its first rename.
        self.background = background
        self._syncer: ThreadPoolExecutor | None = None
        self._syncs: dict[Path, Future] = {}

    def stage(self, path: Path, data: Data) -> Path:
        """Write ``data`` for ``path`` under a temporary name; returns that name (readable until commit)."""
        if path in self._staged:  # staged again: the earlier version goes (once its sync is done)
            earlier = self._syncs.pop(path, None)
            if earlier is not None:
                earlier.exception()  # waits; its outcome no longer matters
            Path(self._staged.pop(path)).unlink(missing_ok=True)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            if path.is_dir():
                raise OutputError(path, "a folder stands where the file should go")
            tmp = write_temp(path, data, sync=False)
        except OutputError:
            raise
        except OSError as exc:
            raise OutputError(path, _reason(exc)) from None
        self._staged[path] = tmp
        self._sync_later(path)
        return tmp

    def adopt(self, path: Path, tmp: Path) -> None:
        """Take ``tmp``, a file written beside ``path`` (by a forked child), as ``path``'s staged version."""
        if path in self._staged:
            raise ValueError(f"{path} is staged already")
        self._staged[path] = tmp
        self._sync_later(path)

    def _sync_later(self, path: Path) -> None:
        """Sync a large staged file in the background. A small one is synced at commit, without a thread:
        a proof's counter is staged before the layout forks its workers, and a process should not fork
        while a thread of it runs."""
        tmp = self._staged[path]
        if not self.background or path in self._syncs or tmp.stat().st_size < BACKGROUND_SYNC:
            return
        if self._syncer is None:
            self._syncer = ThreadPoolExecutor(1, thread_name_prefix="sync")
        self._syncs[path] = self._syncer.submit(sync_file, tmp)

    def _synced(self) -> None:
        """Wait for every staged file to be on disk; a file that could not be synced is an OutputError."""
        for target, tmp in self._staged.items():
            if target not in self._syncs:
                try:
                    sync_file(tmp)
                except OSError as exc:
                    raise OutputError(target, _reason(exc)) from None
        for target, future in list(self._syncs.items()):
            try:
                future.result()
            except OSError as exc:
                raise OutputError(target, _reason(exc)) from None
        self._syncs.clear()
        if self._syncer is not None:
            self._syncer.shutdown()
            self._syncer = None

    def staged(self, path: Path) -> Path:
        """The temporary file standing for ``path`` until commit."""
        return self._staged[path]

    def hand_over(self) -> dict[Path, Path]:
        """Every staged file (target → temporary name), forgotten here: another set adopts them."""
        for future in self._syncs.values():
            future.exception()  # waits
        self._syncs.clear()
        staged, self._staged = self._staged, {}
        return staged

    def remove(self, path: Path) -> None:
        """Delete ``path`` at commit (a stale output this command no longer makes)."""
        self._removed.append(path)

    def commit(self) -> None:
        """Rename every staged file over its target; on any failure, put every previous file back."""
        for target in [*self._staged, *self._removed]:
            if target.is_dir():
                raise OutputError(target, "a folder stands where the file should go")
        self._synced()
        backups: dict[Path, Path | None] = {}
        try:
            for target in [*self._staged, *self._removed]:
                backups[target] = self._backup(target)
            for target, tmp in list(self._staged.items()):
                os.replace(tmp, target)
                del self._staged[target]
            for target in self._removed:
                target.unlink(missing_ok=True)
            for folder in {t.parent for t in backups}:
                sync_folder(folder)
        except OSError as exc:
            self._restore(backups)
            where = getattr(exc, "path", None) or Path(exc.filename or ".")
            raise OutputError(Path(where), _reason(exc)) from None
        finally:
            for backup in backups.values():
                if backup is not None:
                    backup.unlink(missing_ok=True)
        self._removed.clear()

    @staticmethod
    def _backup(target: Path) -> Path | None:
        """A second name for the current ``target`` (a hard link, else a copy), or None if there is none."""
        if not target.exists():
            return None
        fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".bak", dir=target.parent)
        os.close(fd)
        backup = Path(name)
        backup.unlink()
        try:
            os.link(target, backup)
        except OSError:
            shutil.copy2(target, backup)
        return backup

    @staticmethod
    def _restore(backups: dict[Path, Path | None]) -> None:
        for target, backup in backups.items():
            if backup is not None:
                os.replace(backup, target)
            else:
                target.unlink(missing_ok=True)  # it did not exist before this command

    def discard(self) -> None:
        """Remove every staged file (the targets are untouched)."""
        for future in self._syncs.values():
            future.cancel()
        if self._syncer is not None:
            self._syncer.shutdown(wait=True)
            self._syncer = None
        self._syncs.clear()
        for tmp in self._staged.values():
            tmp.unlink(missing_ok=True)
        self._staged.clear()
        self._removed.clear()

    def __enter__(self) -> OutputSet:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self.discard()


def put(path: Path, data: Data, outputs: OutputSet | None) -> Path:
    """Stage ``data`` for ``path`` in ``outputs``, or write it atomically at once when there is no
    set; returns where the bytes can be read now."""
    if outputs is not None:
        return outputs.stage(path, data)
    write_atomic(path, data)
    return path

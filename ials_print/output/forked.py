"""One piece of work done on the other core: a function run in a forked child while the parent goes on.

Used where two independent jobs follow the layout (the issue's preflight, the printer's cover and
interior files): the child inherits everything already loaded, so it starts at once. Its result
comes back pickled through a pipe (a pipe of our own child: nothing foreign is unpickled). If fork is
not available, or the child fails in any way, :meth:`Forked.result` says so (None) and the caller does
the work itself: the outcome is the same, only slower, and a user's error is then raised where it would
have been without the child.
"""

from __future__ import annotations

import os
import pickle
import sys
import threading
from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")


def can_fork() -> bool:
    """Can a child be forked here without risk (fork exists and this process runs no other thread)?"""
    return hasattr(os, "fork") and threading.active_count() == 1


class Forked(Generic[T]):
    """``work`` running in a forked child from construction; :meth:`result` waits for it."""

    def __init__(self, work: Callable[[], T], undo: Callable[[T], object] | None = None) -> None:
        """``undo``: what the child does with its result when it cannot send it (e.g. remove the files
        it names), since the parent will not know of them."""
        self.pid: int | None = None
        self._read: int | None = None
        if not can_fork():
            return
        read, write = os.pipe()
        sys.stdout.flush()
        sys.stderr.flush()
        pid = os.fork()
        if pid == 0:  # the child: do the work, send it back, leave without running the parent's exit code
            code = 1
            try:
                os.close(read)
                code = _child(work, undo, write)
            finally:
                os._exit(code)
        os.close(write)
        self.pid, self._read = pid, read

    def result(self) -> T | None:
        """The child's result, or None when there was no child or it did not finish its work (on
        Ctrl-C, the child is interrupted as well). Always call it: it reaps the child."""
        if self.pid is None or self._read is None:
            return None
        with os.fdopen(self._read, "rb") as pipe:
            self._read = None
            payload = pipe.read()
        _, status = os.waitpid(self.pid, 0)
        self.pid = None
        if os.waitstatus_to_exitcode(status) != 0 or not payload:
            return None
        try:
            return pickle.loads(payload)
        except Exception:  # a result that does not unpickle: done again by the caller
            return None


def _child(work: Callable[[], T], undo: Callable[[T], object] | None, write: int) -> int:
    """In the child: ``work`` done and its result written to ``write``; the exit code."""
    try:
        result = work()
    except BaseException:  # anything, Ctrl-C too: the parent does the work again and reports it
        return 1
    try:
        with os.fdopen(write, "wb") as pipe:
            pipe.write(pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL))
    except BaseException:
        if undo is not None:
            undo(result)
        return 1
    return 0

"""Work on the other core (``output/forked.py``): the child's result, or None and the caller does it."""

from __future__ import annotations

import os
import threading

from ials_print.output import forked
from ials_print.output.forked import Forked


def test_the_child_s_result_comes_back():
    job = Forked(lambda: {"pid": os.getpid(), "pages": list(range(3))})
    got = job.result()
    assert got is not None and got["pages"] == [0, 1, 2] and got["pid"] != os.getpid()
    assert job.result() is None  # reaped: asked again, nothing


def test_a_failing_child_gives_none():
    def boom() -> int:
        raise RuntimeError("disk full")

    assert Forked(boom).result() is None


def test_no_fork_while_another_thread_runs(monkeypatch):
    """A fork with a thread running may deadlock in the child: the caller does the work itself."""
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert not forked.can_fork()
        job = Forked(lambda: 1)
        assert job.pid is None and job.result() is None
    finally:
        stop.set()
        thread.join()
    monkeypatch.delattr(os, "fork")
    assert not forked.can_fork()

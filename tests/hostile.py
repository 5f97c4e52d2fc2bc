"""Helpers of the hostile-input suite: run a command in a bounded child process, make broken files."""

from __future__ import annotations

import io
import os
import resource
import signal
import subprocess
import sys
import tempfile
import threading
import time
import zlib
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass
from pathlib import Path

from ials_print import cli

ROOT = Path(__file__).resolve().parent.parent
TIME_LIMIT = 60.0  # seconds: past this a command hangs
MEMORY_LIMIT = 1024  # MiB of resident memory at most
ADDRESS_LIMIT = 3 * 1024**3  # bytes of address space: the child is stopped well before the machine suffers


@dataclass(frozen=True)
class Run:
    """What one command did: exit code, output, peak memory and time."""

    code: int
    stdout: str
    stderr: str
    peak_mib: float
    seconds: float

    @property
    def output(self) -> str:
        return self.stdout + self.stderr


def _bounded() -> None:  # in the child, before exec
    resource.setrlimit(resource.RLIMIT_AS, (ADDRESS_LIMIT, ADDRESS_LIMIT))
    resource.setrlimit(resource.RLIMIT_CPU, (int(TIME_LIMIT) + 5, int(TIME_LIMIT) + 10))


def run_cli(args: list[str], cwd: Path, env: dict[str, str] | None = None, timeout: float = TIME_LIMIT) -> Run:
    """``python -m ials_print.cli ARGS`` in a child bounded in time and memory; its peak RSS measured."""
    full_env = {k: v for k, v in os.environ.items() if k != "IALS_PRINT_DEBUG"}
    full_env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), full_env.get("PYTHONPATH", "")) if p)
    full_env.update(env or {})
    start = time.perf_counter()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(
            [sys.executable, "-m", "ials_print.cli", *args],
            cwd=cwd,
            env=full_env,
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=err,
            preexec_fn=_bounded,
        )
        killer = threading.Timer(timeout, proc.kill)
        killer.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)  # reaps the child with its own peak memory
        finally:
            killer.cancel()
        proc.returncode = os.waitstatus_to_exitcode(status)
        seconds = time.perf_counter() - start
        if seconds >= timeout:
            raise AssertionError(f"{' '.join(args)}: still running after {timeout:.0f} s (a hang)")
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read().decode("utf-8", "replace"), err.read().decode("utf-8", "replace")
    return Run(proc.returncode, stdout, stderr, usage.ru_maxrss / 1024, seconds)


class Hang(BaseException):
    """Raised by the alarm: the command ran past the time bound."""


def invoke(args: list[str], env: dict[str, str] | None = None, timeout: float = TIME_LIMIT) -> Run:
    """Run the CLI's ``main`` here, as the console script would; exit 3 means it crashed."""
    saved = {k: os.environ.get(k) for k in (env or {})}
    os.environ.update(env or {})
    out, err = io.StringIO(), io.StringIO()

    def alarm(signum, frame):
        raise Hang(f"{' '.join(args)}: still running after {timeout:.0f} s")

    previous = signal.signal(signal.SIGALRM, alarm)
    signal.setitimer(signal.ITIMER_REAL, timeout)
    start = time.perf_counter()
    argv = sys.argv
    code: int | str | None = 0
    try:
        sys.argv = ["ials-print", *args]
        with redirect_stdout(out), redirect_stderr(err):
            try:
                cli.main()
            except SystemExit as exc:
                code = exc.code
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        sys.argv = argv
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return Run(int(code or 0), out.getvalue(), err.getvalue(), peak, time.perf_counter() - start)


def make_pdf(objects: list[bytes], root: int = 1, trailer_extra: bytes = b"") -> bytes:
    """A PDF file from numbered objects (1-based, in order) with a correct cross-reference table."""
    out = bytearray(b"%PDF-1.6\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for n, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root %d 0 R %s>>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        root,
        trailer_extra,
        xref,
    )
    return bytes(out)


def stream(data: bytes, extra: bytes = b"", compress: bool = False) -> bytes:
    """A stream object's body."""
    if compress:
        data = zlib.compress(data, 9)
        extra += b" /Filter /FlateDecode"
    return b"<< /Length %d%s >>\nstream\n" % (len(data), extra) + data + b"\nendstream"


def one_page_pdf(
    page_extra: bytes = b"", content: bytes = b"0 0 m 10 10 l S", resources: bytes = b"<< >>", more: tuple = ()
) -> bytes:
    """A one-page PDF whose page dictionary gets ``page_extra``; ``more`` objects follow as 5, 6…"""
    return make_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 600 800] /Contents 4 0 R /Resources %s %s >>"
            % (resources, page_extra),
            stream(content),
            *more,
        ]
    )

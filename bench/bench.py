"""Benchmark: wall time and peak memory of a section preview and of the full build.

Each command runs in a fresh process, several times; the report gives the median and the best,
and the interpreter's bare start-up so the preview's own cost can be read off.
Run from the repository root: ``python3 bench/bench.py [--runs N]``.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run(cmd: list[str]) -> tuple[float, float]:
    """Wall seconds and peak resident memory (MB) of one child process."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        raise SystemExit(f"{' '.join(cmd)} failed: {proc.stderr.read().decode() if proc.stderr else ''}")
    return wall, usage.ru_maxrss / 1024


def measure(label: str, cmd: list[str], runs: int) -> tuple[float, float]:
    results = [run(cmd) for _ in range(runs)]
    walls = [w for w, _ in results]
    peak = max(m for _, m in results)
    print(
        f"{label:<38} median {statistics.median(walls):6.3f} s   best {min(walls):6.3f} s   "
        f"peak {peak:6.1f} MB   ({runs} runs)"
    )
    return statistics.median(walls), peak


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--section", default="tendance-hugo-barbera")
    args = parser.parse_args()
    py = sys.executable
    out = tempfile.mkdtemp(prefix="ials-bench-")
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores, output in {out}")
    base, _ = measure("interpreter start-up (python -c pass)", [py, "-c", "pass"], args.runs)
    measure("imports (cli + layout)", [py, "-c", "import ials_print.cli, ials_print.output.build"], args.runs)
    cli = [py, "-m", "ials_print.cli"]
    preview, _ = measure(f"preview {args.section}", [*cli, "preview", args.section, "--out", out], args.runs)
    full, _ = measure("build (whole issue)", [*cli, "build", "--out", out], args.runs)
    print(f"preview beyond interpreter start-up: {preview - base:.3f} s (target < 1 s)")
    print(f"full build beyond interpreter start-up: {full - base:.3f} s")


if __name__ == "__main__":
    main()

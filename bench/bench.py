"""Benchmark: wall time and peak memory of every command an art director or the printer runs.

Each command runs in a fresh process, several times; the report gives the median and the best,
and the interpreter's bare start-up so the commands' own cost can be read off. The image cache
is measured cold (emptied before each run) and warm.
Run from the repository root: ``python3 bench/bench.py [--runs N]``.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run(cmd: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall seconds and peak resident memory (MB) of one child process."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        err = proc.stderr.read().decode() if proc.stderr else ""
        raise SystemExit(f"{' '.join(cmd)} exited {code}: {err}")
    return wall, usage.ru_maxrss / 1024


def measure(label: str, cmd: list[str], runs: int, env: dict[str, str], cold_cache: Path | None = None) -> float:
    results = []
    for _ in range(runs):
        if cold_cache is not None:
            shutil.rmtree(cold_cache, ignore_errors=True)
        results.append(run(cmd, env))
    walls = [w for w, _ in results]
    peak = max(m for _, m in results)
    print(
        f"{label:<44} median {statistics.median(walls):6.3f} s   best {min(walls):6.3f} s   "
        f"peak {peak:6.1f} MB   ({runs} runs)"
    )
    return statistics.median(walls)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--section", default="tendance-hugo-barbera")
    args = parser.parse_args()
    py = sys.executable
    out = Path(tempfile.mkdtemp(prefix="ials-bench-"))
    cache = out / "cache"
    env = {**os.environ, "IALS_PRINT_CACHE": str(cache)}
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores, output in {out}")
    base = measure("interpreter start-up (python -c pass)", [py, "-c", "pass"], args.runs, env)
    cli = [py, "-m", "ials_print.cli"]
    o = ["--out", str(out)]
    rows = [
        ("preview (cache cold)", [*cli, "preview", args.section, *o], True),
        ("preview (cache warm)", [*cli, "preview", args.section, *o], False),
        ("build, final PDF/X-4 + preflight (cold)", [*cli, "build", *o], True),
        ("build, final PDF/X-4 + preflight (warm)", [*cli, "build", *o], False),
        ("proof, whole issue (cold)", [*cli, "proof", *o], True),
        ("proof, whole issue (warm)", [*cli, "proof", *o], False),
        ("flatplan (cold)", [*cli, "flatplan", *o], True),
        ("flatplan (warm)", [*cli, "flatplan", *o], False),
        ("preflight of the final PDF", [*cli, "preflight", str(out / "ials-03.pdf")], False),
    ]
    medians = {}
    for label, cmd, cold in rows:
        medians[label] = measure(label, cmd, args.runs, env, cache if cold else None)
    print(f"preview beyond interpreter start-up (warm): {medians['preview (cache warm)'] - base:.3f} s (target < 1 s)")


if __name__ == "__main__":
    main()

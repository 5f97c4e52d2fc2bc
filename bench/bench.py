"""Benchmark: wall time and peak memory of every command an art director or the printer runs.

Each command runs in a fresh process, several times; the report gives the median and the best,
and the interpreter's bare start-up so the commands' own cost can be read off. The image cache
is measured cold (emptied before each run) and warm.
Then an article is edited (in a copy of the issue) and built again, a running ``watch`` is timed from
the save to the preview written, and the floor (../shared/bench: plain ReportLab setting the same
words and embedding the same image bytes) runs in the same session, every figure given as a multiple
of it. Run from the repository root: ``python3 bench/bench.py [--runs N]``.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

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


SHARED = ROOT.parent / "shared" / "bench"  # the floor's scripts (a dev tool; the engine never reads it)


def floor_commands(out: Path, pdf: Path) -> list[str] | None:
    """The floor: plain ReportLab setting the issue's words and embedding the final PDF's image
    bytes (../shared/bench/README.md); None when its scripts or poppler's pdfimages are missing."""
    script = SHARED / "floor_issue.py"
    if not script.exists() or shutil.which("pdfimages") is None or not pdf.exists():
        return None
    jpegs = out / "floor-jpegs"
    jpegs.mkdir(exist_ok=True)
    subprocess.run(["pdfimages", "-j", str(pdf), str(jpegs / "i")], check=True)
    return [sys.executable, str(script), str(jpegs), str(out / "floor.pdf")]


def copy_issue(out: Path) -> Path:
    """A copy of the issue folder to edit without touching the repository's."""
    target = out / "issue"
    shutil.copytree(ROOT / "issue", target)
    return target / "ials-03.yaml"


def edit(path: Path) -> None:
    """Change one article as an editor would: a word more at the end of its first paragraph."""
    lines = path.read_text(encoding="utf-8").split("\n")
    body = lines.index("---", 1) + 1  # after the front matter
    first = next(i for i in range(body, len(lines)) if lines[i][:1].isalpha())
    lines[first] += " Bis."
    path.write_text("\n".join(lines), encoding="utf-8")


def watch_latency(py: str, manifest: Path, article: Path, section: str, out: Path, env: dict, runs: int) -> list[float]:
    """Seconds from an article's save to its section's preview written, by a running ``watch``."""
    proc = subprocess.Popen(
        [py, "-m", "ials_print.cli", "watch", section, str(manifest), "--out", str(out)],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
    )  # fmt: skip
    target = out / f"{manifest.stem}-{section}.pdf"
    times = []
    try:
        assert proc.stdout is not None
        proc.stdout.readline()  # "watching …": armed
        time.sleep(0.5)
        for _ in range(runs):
            before = target.stat().st_mtime_ns if target.exists() else 0
            start = time.perf_counter()
            edit(article)
            while not (target.exists() and target.stat().st_mtime_ns != before):
                if time.perf_counter() - start > 30:
                    raise SystemExit("watch wrote nothing in 30 s")
                time.sleep(0.005)
            times.append(time.perf_counter() - start)
            proc.stdout.readline()
            time.sleep(0.3)
    finally:
        proc.terminate()
        proc.wait(10)
    return times


PLAN = """
import json, sys
from pathlib import Path
from ials_print.manifest.load import load_issue
from ials_print.output.build import render
issue = load_issue(Path(sys.argv[1]))
result = render(issue)
plan = [[str(issue.visual_files[im.visual_id]), max(1, round(im.width_pt * im.out_ppi / 72)),
         max(1, round(im.height_pt * im.out_ppi / 72))] for im in result.images]
print(json.dumps({"plan": plan, "profile": str(issue.profile_path)}))
"""


def pillow_floor(py: str, manifest: Path, out: Path, env: dict, runs: int) -> float:
    """Pillow alone converting the issue's placed pictures (bench/pillow_floor.py): the cold build's yardstick."""
    found = json.loads(subprocess.run([py, "-c", PLAN, str(manifest)], cwd=ROOT, env=env, check=True,
                                      capture_output=True, text=True).stdout)  # fmt: skip
    plan = out / "pillow-plan.json"
    plan.write_text(json.dumps(found["plan"]), encoding="utf-8")
    cmd = [py, str(ROOT / "bench" / "pillow_floor.py"), str(plan), found["profile"]]
    return measure("Pillow alone: the issue's pictures converted", cmd, runs, env)


def proof_diff(py: str, manifest: Path, article: Path, out: Path, env: dict, runs: int) -> list[float]:
    """Seconds of ``proof --diff`` when one article changed since the last proof."""
    cli = [py, "-m", "ials_print.cli", "proof", str(manifest), "--out", str(out)]
    run(cli, env)
    times = []
    for _ in range(runs):
        edit(article)
        times.append(run([*cli, "--diff"], env)[0])
    return times


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
    # The engine's bytecode, as `pip install` writes it and as any run writes it where Python may: with
    # PYTHONDONTWRITEBYTECODE set (as on some machines), every process would compile it from source.
    compileall.compile_dir(ROOT / "ials_print", quiet=1)
    flag = os.environ.get("PYTHONDONTWRITEBYTECODE")
    print(f"bytecode of ials_print compiled first (PYTHONDONTWRITEBYTECODE={flag})")
    base = measure("interpreter start-up (python -c pass)", [py, "-c", "pass"], args.runs, env)
    cli = [py, "-m", "ials_print.cli"]
    o = ["--out", str(out)]
    manifest = copy_issue(out)
    sections = yaml.safe_load(manifest.read_text(encoding="utf-8"))["sections"]
    text = next((s.get("text") for s in sections if s["id"] == args.section), None)
    if not text:
        raise SystemExit(f"--section {args.section}: no such section with a text in the manifest")
    article = manifest.parent / text
    rows = [
        ("--help", [*cli, "--help"], False),
        ("preview (cache cold)", [*cli, "preview", args.section, str(manifest), *o], True),
        ("preview (cache warm)", [*cli, "preview", args.section, str(manifest), *o], False),
        ("build, final PDF/X-4 + preflight (cold)", [*cli, "build", str(manifest), *o], True),
        ("build, final PDF/X-4 + preflight (warm)", [*cli, "build", str(manifest), *o], False),
        ("proof, whole issue (warm)", [*cli, "proof", str(manifest), *o], False),
        ("flatplan (warm)", [*cli, "flatplan", str(manifest), *o], False),
        ("preflight of the final PDF", [*cli, "preflight", str(out / "ials-03.pdf")], False),
    ]
    medians = {}
    for label, cmd, cold in rows:
        medians[label] = measure(label, cmd, args.runs, env, cache if cold else None)
    edits = []
    for _ in range(args.runs):
        edit(article)
        edits.append(run([*cli, "build", str(manifest), *o], env)[0])
    medians["build after editing one article (warm)"] = statistics.median(edits)
    print(f"{'build after editing one article (warm)':<44} median {statistics.median(edits):6.3f} s")
    latency = watch_latency(py, manifest, article, args.section, out, env, args.runs)
    medians["watch: save → preview written"] = statistics.median(latency)
    label = "watch: save → preview written"
    print(f"{label:<44} median {statistics.median(latency):6.3f} s   best {min(latency):6.3f} s")
    diffs = proof_diff(py, manifest, article, out, env, args.runs)
    medians["proof --diff, one article changed"] = statistics.median(diffs)
    label = "proof --diff, one article changed"
    print(f"{label:<44} median {statistics.median(diffs):6.3f} s   best {min(diffs):6.3f} s")
    print(f"preview beyond interpreter start-up (warm): {medians['preview (cache warm)'] - base:.3f} s")
    pillow = pillow_floor(py, manifest, out, env, args.runs)
    cold = medians["build, final PDF/X-4 + preflight (cold)"]
    print(f"cold build as a multiple of Pillow alone: {cold / pillow:.2f} × (target ≤ 1.2)")
    floor_cmd = floor_commands(out, out / "ials-03.pdf")
    if floor_cmd is None:
        print("floor: skipped (../shared/bench or poppler's pdfimages missing)")
        return
    floor = measure("floor: plain ReportLab, same words and image bytes", floor_cmd, args.runs, env)
    print("\nas multiples of the floor:")
    for label, value in medians.items():
        print(f"  {label:<44} {value / floor:5.2f} ×")


if __name__ == "__main__":
    main()

"""Benchmark of the paragraph composer: paragraphs per second, and the whole issue's layout time.

Every paragraph of issue n°3's articles is turned into items (French typography, hyphenation,
shaping) and broken at the news pages' 57 mm and the features' 80 mm measures, with the same
passes the layout uses; then the whole issue is laid out in-process in proof mode (no PDF/X
finishing, no preflight), warm image cache, so the layout's own cost is read.
Run from the repository root: ``python3 bench/composer.py [--runs N]``.
Compare with another commit by running the same script in a ``git worktree`` of it.
"""

from __future__ import annotations

import argparse
import collections
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ials_print.content.story import BigNumber, Bio, Box, ListBlock  # noqa: E402
from ials_print.content.story import Paragraph as StoryParagraph  # noqa: E402
from ials_print.layout.fonts import register_fonts  # noqa: E402
from ials_print.layout.styles import build_styles  # noqa: E402
from ials_print.manifest.load import load_issue  # noqa: E402
from ials_print.output.build import render  # noqa: E402
from ials_print.output.modes import proof_mode  # noqa: E402

MM = 72 / 25.4


def story_runs(issue) -> list[tuple]:
    out = []
    for article in issue.articles.values():
        for b in article.blocks:
            if isinstance(b, StoryParagraph):
                out.append(b.runs)
            elif isinstance(b, Bio | Box):
                out += list(b.paragraphs)
            elif isinstance(b, ListBlock):
                out += list(b.items)
            elif isinstance(b, BigNumber):
                out += list(b.legend)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--manifest", default=str(ROOT / "issue" / "ials-03.yaml"))
    args = parser.parse_args()
    issue = load_issue(Path(args.manifest))
    runs = story_runs(issue)
    try:
        from ials_print.layout.markup import runs_segments
        from ials_print.layout.textblock import TextBlock
        from ials_print.typeset.items import itemize
    except ImportError:  # an engine without the composer: only the issue's layout time is measured
        runs_segments = None
    if runs_segments is not None:
        fonts = register_fonts(issue.manifest.fonts, issue.fonts_dir)
        styles = build_styles(issue.stylesheet, fonts)
        from ials_print.content.typography import hyphenate

        body = styles["body"]
        t = time.perf_counter()
        galleys = [
            itemize(runs_segments(r, "body", styles, lambda *_: None, hyphenate), indent=body.firstLineIndent)
            for r in runs
        ]
        items_s = time.perf_counter() - t
        words = sum(g.words for g in galleys)
        print(f"{len(galleys)} paragraphs, {words} words: items {items_s:.3f} s ({len(galleys) / items_s:,.0f} par/s)")
        for mm in (57, 80):
            times, passes, lines = [], collections.Counter(), 0
            for _ in range(args.runs):
                blocks = [TextBlock(g, body, "justify", "") for g in galleys]
                t = time.perf_counter()
                settings = [b.setting(mm * MM) for b in blocks]
                times.append(time.perf_counter() - t)
            for s in settings:
                passes[blocks[0].passes.index(s.pass_) + 1] += 1
                lines += len(s.lines)
            best = min(times)
            print(
                f"break at {mm} mm: median {statistics.median(times):.3f} s, best {best:.3f} s "
                f"({len(galleys) / best:,.0f} paragraphs/s, {lines / best:,.0f} lines/s); "
                f"pass used: {dict(sorted(passes.items()))}"
            )
    os.environ.setdefault("IALS_PRINT_CACHE", str(Path.home() / ".cache" / "ials-print"))
    render(issue, mode=proof_mode())  # warm the image cache and the fonts
    times = []
    for _ in range(args.runs):
        t = time.perf_counter()
        render(issue, mode=proof_mode())
        times.append(time.perf_counter() - t)
    median, best = statistics.median(times), min(times)
    print(f"whole issue laid out (proof mode, warm cache): median {median:.3f} s, best {best:.3f} s")


if __name__ == "__main__":
    main()

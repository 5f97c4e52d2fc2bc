"""``watch``: a save lays out again what it touches; a broken file is said and the last good output stays."""

from __future__ import annotations

import threading
import time

from ials_print.manifest.load import load_issue
from ials_print.output.watch import FlatplanRefresh, touched_sections, watch


def _wait(predicate, timeout: float = 20.0) -> bool:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if predicate():
            return True
        time.sleep(0.05)
    return False


def test_touched_sections_follow_the_saved_files(mini_copy):
    issue = load_issue(mini_copy)
    texts = mini_copy.parent / "texts"
    assert touched_sections(issue, issue, [texts / "edito.md"]) == ["edito"]
    assert touched_sections(issue, issue, [mini_copy.parent / "images" / "disc.png"]) == ["article"]
    assert set(touched_sections(issue, issue, [issue.layouts_dir / "styles.yaml"])) == {"article", "edito", "reserve"}
    assert touched_sections(issue, issue, [issue.layouts_dir / "editorial.yaml"]) == ["edito"]
    # The manifest outside its sections (here the margins): every section.
    mini_copy.write_text(mini_copy.read_text(encoding="utf-8").replace("bleed: 3}", "bleed: 3, margins: {top: 20}}"))
    wider = load_issue(mini_copy)
    assert touched_sections(issue, wider, [mini_copy]) == ["article", "edito", "reserve"]
    # One section's entry: that section.
    mini_copy.write_text(mini_copy.read_text(encoding="utf-8").replace("title: Édito", "title: Éditorial"))
    assert touched_sections(wider, load_issue(mini_copy), [mini_copy]) == ["edito"]


def test_a_save_rebuilds_its_section_and_a_broken_file_keeps_the_last_good_output(mini_copy, tmp_path):
    out = mini_copy.parent.parent  # the output folder holds the issue's folder: saves there still count
    lines: list[str] = []
    stop, ready = threading.Event(), threading.Event()
    thread = threading.Thread(target=watch, args=(mini_copy, out, lines.append), kwargs={"stop": stop, "ready": ready})
    thread.start()
    try:
        assert ready.wait(20)
        time.sleep(0.3)  # the watcher is armed
        edito = mini_copy.parent / "texts" / "edito.md"
        edito.write_text(edito.read_text(encoding="utf-8") + "\nUn paragraphe ajouté.\n", encoding="utf-8")
        pdf = out / "mini-edito.pdf"
        assert _wait(lambda: pdf.exists() and any(" edito: " in x for x in lines)), lines
        line = next(x for x in lines if " edito: " in x)
        assert "1 page," in line or "1 page (" in line, line
        assert line.endswith(" s)")
        # Then the flatplan, drawn again by a child process, says its line.
        assert _wait(lambda: any(" flatplan: " in x for x in lines), 60), lines
        assert (out / "mini-flatplan.png").exists()
        good = pdf.read_bytes()
        # A half-saved manifest: one line naming the file, the PDF untouched.
        mini_copy.write_text(mini_copy.read_text(encoding="utf-8") + "\nsections: [\n", encoding="utf-8")
        assert _wait(lambda: any("mini.yaml" in x and "last good output stays" in x for x in lines)), lines
        assert pdf.read_bytes() == good
    finally:
        stop.set()
        thread.join(20)
    assert not thread.is_alive()


def test_watch_says_a_missing_manifest_or_an_unknown_section_in_one_line(tmp_path, mini_copy):
    from typer.testing import CliRunner

    from ials_print.cli import app

    result = CliRunner().invoke(app, ["watch", str(tmp_path / "nowhere.yaml")])
    assert result.exit_code == 2 and "nowhere.yaml: file not found" in result.output, result.output
    result = CliRunner().invoke(app, ["watch", "nope", str(mini_copy)])
    assert result.exit_code == 2 and "no section 'nope'" in result.output, result.output


def test_a_newer_save_interrupts_the_flatplan_and_the_last_good_one_stays(mini_copy, tmp_path):
    """Interrupted wherever it is (start-up, layout, drawing), the flatplan's child leaves nothing
    half-written; the next refresh writes both files."""
    out = tmp_path / "out"
    out.mkdir()
    lines: list[str] = []
    sheet = FlatplanRefresh(mini_copy, out, lines.append)
    sheet.start()
    time.sleep(0.8)
    sheet.stop(wait=True)
    assert sheet.proc is None and not sheet.ending
    assert all(p.name in ("mini-flatplan.png", "mini-flatplan.pdf") for p in out.iterdir()), list(out.iterdir())

    def said() -> bool:
        sheet.poll()
        return any(" flatplan: " in x for x in lines)

    sheet.start()
    assert _wait(said, 60), lines
    assert sorted(p.name for p in out.iterdir()) == ["mini-flatplan.pdf", "mini-flatplan.png"]
    assert out.joinpath("mini-flatplan.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_the_flatplan_runs_below_the_previews(mini_copy, tmp_path):
    """The flatplan's child yields the cores to the next save's preview (its niceness is raised)."""
    import os

    from ials_print.output.watch import NICE

    sheet = FlatplanRefresh(mini_copy, tmp_path / "out", lambda line: None)
    sheet.start()
    try:
        assert sheet.proc is not None
        assert os.getpriority(os.PRIO_PROCESS, sheet.proc.pid) >= os.getpriority(os.PRIO_PROCESS, 0) + NICE
    finally:
        sheet.stop(wait=True)


def test_warming_up_leaves_the_first_layout_nothing_to_load(mini_copy):
    """What a watch does before its first save: in a fresh process, the layout's modules, the fonts and
    the hyphenation dictionary are loaded."""
    import subprocess
    import sys

    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from reportlab.pdfbase import pdfmetrics\n"
        "from ials_print.content.typography import _dictionary\n"
        "from ials_print.manifest.load import load_issue\n"
        "from ials_print.output.sections import warm_up\n"
        "issue = load_issue(Path(sys.argv[1]))\n"
        "assert 'ials_print.layout.kinds' not in sys.modules and _dictionary.cache_info().currsize == 0\n"
        "assert not pdfmetrics.getRegisteredFontNames() or 'sans-regular' not in pdfmetrics.getRegisteredFontNames()\n"
        "warm_up(issue)\n"
        "assert 'ials_print.layout.kinds' in sys.modules and _dictionary.cache_info().currsize == 1\n"
        "from reportlab.pdfbase.ttfonts import TTFont\n"
        "names = pdfmetrics.getRegisteredFontNames()\n"
        "assert sum(isinstance(pdfmetrics.getFont(n), TTFont) for n in names) >= 2, names\n"
    )
    done = subprocess.run([sys.executable, "-c", script, str(mini_copy)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr

"""``watch``: a save lays out again what it touches; a broken file is said and the last good output stays."""

from __future__ import annotations

import threading
import time

from ials_print.manifest.load import load_issue
from ials_print.output.watch import touched_sections, watch


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


def test_a_save_rebuilds_its_section_and_a_broken_file_keeps_the_last_good_output(mini_copy, tmp_path):
    out = tmp_path / "out"
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
        assert "1 pages" in line and line.endswith(" s)")
        good = pdf.read_bytes()
        # A half-saved manifest: one line naming the file, the PDF untouched.
        mini_copy.write_text(mini_copy.read_text(encoding="utf-8") + "\nsections: [\n", encoding="utf-8")
        assert _wait(lambda: any("mini.yaml" in x and "last good output stays" in x for x in lines)), lines
        assert pdf.read_bytes() == good
    finally:
        stop.set()
        thread.join(20)
    assert not thread.is_alive()

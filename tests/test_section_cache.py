"""The section cache and the parallel build: the same bytes however the sections were made, a
section re-laid only when its key changes, a damaged or foreign entry never trusted."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pikepdf
import pytest

from ials_print.manifest.load import load_issue
from ials_print.output.build import render
from ials_print.output.modes import final_mode, proof_mode
from ials_print.output.section_cache import SectionCache
from ials_print.output.sections import cache_keys
from tests.hostile import run_cli


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _mode(issue):
    from ials_print.output.build import output_intent

    intent = output_intent(issue)
    return final_mode(intent.profile, identifier=intent.identifier)


def test_serial_parallel_cached_and_uncached_builds_write_the_same_bytes(mini_issue, section_cache):
    mode = _mode(mini_issue)
    serial = render(mini_issue, mode=mode, use_cache=False, jobs=1)
    parallel = render(mini_issue, mode=mode, use_cache=False, jobs=2)
    first = render(mini_issue, mode=mode, jobs=2)  # made now, kept in the cache
    cached = render(mini_issue, mode=mode)
    assert first.sections_cached == 0 and cached.sections_cached == len(mini_issue.manifest.sections)
    assert _sha(serial.pdf) == _sha(parallel.pdf) == _sha(first.pdf) == _sha(cached.pdf)
    # What the layout found comes back from the cache as it was found.
    assert cached.errors == serial.errors and cached.warnings == serial.warnings
    assert [p.folio for p in cached.pages] == [p.folio for p in serial.pages]
    assert [(im.visual_id, im.folio, im.resource) for im in cached.images] == [
        (im.visual_id, im.folio, im.resource) for im in serial.images
    ]


def test_a_proof_from_cached_pages_has_this_proofs_slug(mini_issue):
    from ials_print.output.build import ProofStamp

    mode = proof_mode()
    one = render(mini_issue, mode=mode, stamp=ProofStamp(1, "2026-11-30 10:00"), use_cache=False)
    two = render(mini_issue, mode=mode, stamp=ProofStamp(2, "2026-11-30 11:00"))
    again = render(mini_issue, mode=mode, stamp=ProofStamp(2, "2026-11-30 11:00"))
    assert again.sections_cached == len(mini_issue.manifest.sections)
    assert _sha(two.pdf) == _sha(again.pdf) != _sha(one.pdf)


def test_editing_one_article_lays_out_that_section_alone(mini_copy, tmp_path):
    issue = load_issue(mini_copy)
    mode = _mode(issue)
    render(issue, mode=mode)
    before = cache_keys(issue, issue.manifest.sections, mode)
    text = mini_copy.parent / "texts" / "edito.md"
    text.write_text(text.read_text(encoding="utf-8").rstrip() + " Encore un mot.\n", encoding="utf-8")
    # The issue loaded before the save keeps its key: it lays out the text it read, not the new one.
    assert cache_keys(issue, issue.manifest.sections, mode) == before
    edited = load_issue(mini_copy)
    after = cache_keys(edited, edited.manifest.sections, mode)
    assert [s for s in before if before[s] != after[s]] == ["edito"]
    result = render(edited, mode=mode)
    assert result.sections_cached == len(edited.manifest.sections) - 1
    assert _sha(result.pdf) == _sha(render(edited, mode=mode, use_cache=False).pdf)


def test_a_damaged_or_foreign_entry_is_laid_out_again(mini_issue, section_cache):
    mode = _mode(mini_issue)
    clean = render(mini_issue, mode=mode).pdf
    keys = cache_keys(mini_issue, mini_issue.manifest.sections, mode)
    article = section_cache / f"{keys['article']}.pdf"
    data = bytearray(article.read_bytes())
    data[len(data) // 2] ^= 0xFF  # one flipped byte, somewhere in the page's streams
    article.write_bytes(bytes(data))
    edito = section_cache / f"{keys['edito']}.meta"
    sealed = bytearray(edito.read_bytes())
    sealed[0] ^= 0xFF  # a meta sealed by another cache's secret
    edito.write_bytes(bytes(sealed))
    cache = SectionCache(section_cache)
    assert cache.get(keys["article"]) is None and cache.get(keys["edito"]) is None
    again = render(mini_issue, mode=mode)
    assert again.sections_cached == len(mini_issue.manifest.sections) - 2
    assert _sha(again.pdf) == _sha(clean)
    assert cache.get(keys["article"]) is not None  # made again, and kept


def test_the_issue_shares_fonts_and_images_between_sections(real_build):
    _, result = real_build
    with pikepdf.open(result.output) as pdf:
        fonts = [
            str(f.BaseFont) for f in pdf.objects if isinstance(f, pikepdf.Dictionary) and f.get("/Type") == "/Font"
        ]
        images = [o for o in pdf.objects if isinstance(o, pikepdf.Stream) and o.get("/Subtype") == "/Image"]
    assert len(fonts) == len(set(fonts))  # each subset written once
    names = {im.resource for im in result.images if im.resource}
    assert len(images) == len(names)  # each picture written once, wherever it is placed


def test_cli_no_cache_and_cache_clear(mini_copy, tmp_path):
    env = {"IALS_PRINT_CACHE": str(tmp_path / "cache")}
    out = tmp_path / "out"
    first = run_cli(["build", str(mini_copy), "--out", str(out), "--jobs", "2"], tmp_path, env=env)
    assert first.code in (0, 1), first.stderr
    warm = run_cli(["build", str(mini_copy), "--out", str(out)], tmp_path, env=env)
    assert "3 of 3 from the cache" in warm.stdout
    bypass = run_cli(["build", str(mini_copy), "--out", str(out), "--no-cache"], tmp_path, env=env)
    assert "from the cache" not in bypass.stdout
    info = run_cli(["cache", "info"], tmp_path, env=env)
    assert "sections" in info.stdout and "images" in info.stdout
    cleared = run_cli(["cache", "clear"], tmp_path, env=env)
    assert cleared.code == 0 and "cache cleared" in cleared.stdout
    assert not (tmp_path / "cache" / "sections").exists() and not (tmp_path / "cache" / "images").exists()
    again = run_cli(["build", str(mini_copy), "--out", str(out)], tmp_path, env=env)
    assert "from the cache" not in again.stdout


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_section_that_fails_in_a_worker_is_reported_as_in_a_serial_build(mini_issue, jobs, monkeypatch):
    """An exception while laying out a section surfaces as it would in one process."""
    from ials_print.output import sections

    def broken(*args, **kwargs):
        raise RuntimeError("layout broke")

    monkeypatch.setattr(sections, "compose_section", broken)
    with pytest.raises(RuntimeError, match="layout broke"):
        render(mini_issue, mode=_mode(mini_issue), use_cache=False, jobs=jobs)


_PROOF = """
import hashlib, sys
from pathlib import Path
from ials_print.manifest.load import load_issue
from ials_print.output.build import ProofStamp, render
from ials_print.output.modes import proof_mode
result = render(load_issue(Path(sys.argv[1])), mode=proof_mode(), stamp=ProofStamp(3, "2026-11-30 12:00"),
                use_cache=sys.argv[2] == "cache", jobs=1)
print(result.sections_cached, hashlib.sha256(result.pdf).hexdigest())
"""


def test_a_proof_from_the_cache_in_a_fresh_process_is_the_proof_laid_out_anew(mini_copy, tmp_path):
    """The slug line is drawn by the process itself, whether it laid out any section or none."""
    import os
    import subprocess
    import sys

    root = Path(__file__).resolve().parent.parent
    env = {**os.environ, "PYTHONPATH": str(root), "IALS_PRINT_CACHE": str(tmp_path / "cache")}
    runs = [
        subprocess.run([sys.executable, "-c", _PROOF, str(mini_copy), how], env=env, capture_output=True, text=True)
        for how in ("cache", "cache", "anew")
    ]
    assert all(r.returncode == 0 for r in runs), [r.stderr for r in runs]
    (made, first), (cached, warm), (_, anew) = (r.stdout.split() for r in runs)
    assert made == "0" and cached == "3" and first == warm == anew


def test_a_warm_build_in_a_fresh_process_writes_the_cold_builds_bytes(tmp_path):
    """Every file: the issue, the cover spread and the interior — whether the process laid out any
    section itself or took them all from the cache."""
    from tests.test_binding import _kinds_with_paper

    manifest = _kinds_with_paper(tmp_path)
    env = {"IALS_PRINT_CACHE": str(tmp_path / "cache")}
    outs = []
    for run, jobs in (("cold", "1"), ("warm", "2")):  # cold: laid out in the process itself
        out = tmp_path / run
        done = run_cli(["build", str(manifest), "--out", str(out), "--jobs", jobs], tmp_path, env=env)
        assert done.code == 0, done.output
        outs.append({p.name: _sha(p.read_bytes()) for p in sorted(out.glob("*.pdf"))})
    assert "from the cache" in done.stdout
    assert len(outs[0]) == 3 and outs[0] == outs[1]


def test_the_layout_findings_come_back_from_json_as_they_were(mini_issue):
    import json

    from ials_print.output.plan_codec import decode, encode

    result = render(mini_issue, mode=proof_mode(), use_cache=False)
    for section in result.sections:
        assert decode(json.loads(json.dumps(encode(section)))) == section
    assert decode(json.loads(json.dumps(encode(result.images)))) == result.images
    for bad in ({"@": "Popen", "args": "true"}, {"@": "Rect", "x": 1}, {"@s": [[1]]}):
        with pytest.raises(ValueError):
            decode(bad)


def test_the_caches_that_grow_are_pruned_oldest_first(tmp_path):
    import os

    from ials_print.cachedir import LIMITS, prune, prune_all

    folder = tmp_path / "thumbs" / "ab"
    folder.mkdir(parents=True)
    for n in range(5):
        f = folder / f"{n}.png"
        f.write_bytes(b"x" * 1000)
        os.utime(f, ns=(n * 10**9, n * 10**9))  # 0 is the oldest
    assert prune(tmp_path / "thumbs", 2500) == 3
    assert sorted(p.name for p in folder.iterdir()) == ["3.png", "4.png"]
    prune_all(tmp_path)  # under every limit: nothing goes
    assert len(list(folder.iterdir())) == 2 and set(LIMITS) == {"scans", "facts", "thumbs"}


def test_a_visual_saved_during_the_layout_is_not_kept_under_its_old_key(mini_copy, section_cache, monkeypatch):
    """The key holds the visual's bytes as they were before the layout; a save while the section is
    laid out must not leave its pages in the cache under that key (the other sections are kept)."""
    from ials_print.output import sections

    issue = load_issue(mini_copy)
    mode = _mode(issue)
    owner = next(s for s in issue.manifest.sections if s.images)
    picture = issue.visual_files[owner.images[0].id]
    real = sections.compose_section

    def saving_meanwhile(issue_, section, *args, **kwargs):
        made = real(issue_, section, *args, **kwargs)
        if section.id == owner.id:
            picture.write_bytes(picture.read_bytes() + b"\0")  # saved again by the art director
        return made

    monkeypatch.setattr(sections, "compose_section", saving_meanwhile)
    keys = cache_keys(issue, issue.manifest.sections, mode)
    result = render(issue, mode=mode, jobs=1)
    assert result.pages  # the build itself goes on
    cache = SectionCache(section_cache)
    assert cache.get(keys[owner.id]) is None
    assert all(cache.get(keys[s.id]) is not None for s in issue.manifest.sections if s.id != owner.id)

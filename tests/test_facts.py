"""The facts cache (manifest/facts.py): costly facts about input files kept by the SHA-256 of their
bytes, reused for the same bytes only; a corrupt or foreign entry is recomputed, never trusted."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import pytest
from PIL import Image

from ials_print.content import markdown
from ials_print.content.markdown import load_article
from ials_print.content.normalise import normalise_article
from ials_print.errors import InputError, Problem
from ials_print.images import inspect
from ials_print.images.inspect import inspect_image
from ials_print.manifest import facts
from ials_print.provenance.filemeta import read_file_provenance
from tests.c2pa_signing import Credentials, tamper
from tests.conftest import ROOT


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh cache, nothing remembered in memory."""
    monkeypatch.setenv("IALS_PRINT_CACHE", str(tmp_path / "cache"))
    monkeypatch.setattr(facts, "_memo", {})
    monkeypatch.setattr(facts, "_digests", {})
    return tmp_path / "cache" / "facts"


@pytest.fixture
def look(tmp_path: Path) -> Path:
    path = tmp_path / "look.jpg"
    Image.new("RGB", (96, 64), (180, 40, 60)).save(path, quality=90)
    return path


def _forget(monkeypatch: pytest.MonkeyPatch) -> None:
    """As a new process would start: only the disk remembers."""
    monkeypatch.setattr(facts, "_memo", {})
    monkeypatch.setattr(facts, "_digests", {})


def _refuse(*args, **kwargs):
    raise AssertionError("recomputed: the cache was not used")


def test_image_facts_kept_by_content(cache, look, monkeypatch):
    first = facts.image_info(look)
    assert first == inspect_image(look)
    assert len(list((cache / "image").glob("*.json"))) == 1
    _forget(monkeypatch)
    monkeypatch.setattr(inspect, "inspect_image", _refuse)
    assert facts.image_info(look) == first
    copy = look.with_name("copy.jpg")  # the same bytes elsewhere: the same facts, its own path
    copy.write_bytes(look.read_bytes())
    assert facts.image_info(copy).path == copy


def test_changed_bytes_are_inspected_again(cache, look, monkeypatch):
    assert facts.image_info(look).width == 96
    _forget(monkeypatch)
    Image.new("RGB", (50, 40)).save(look, quality=90)
    assert facts.image_info(look).width == 50


def test_broken_images_are_never_kept(cache, look):
    look.write_bytes(look.read_bytes()[:300])
    problem = facts.image_info(look)
    assert isinstance(problem, Problem) and problem == inspect_image(look)
    assert not (cache / "image").exists()


@pytest.mark.parametrize("content", ["{not json", '{"key": "image x y", "value": {}}', "[]", '{"key": 1}'])
def test_corrupt_or_foreign_entries_are_recomputed(cache, look, monkeypatch, content):
    facts.image_info(look)
    (entry,) = (cache / "image").glob("*.json")
    entry.write_text(content)
    _forget(monkeypatch)
    assert facts.image_info(look) == inspect_image(look)
    assert json.loads(entry.read_text())["value"]["width"] == 96  # written again


def test_an_entry_with_bad_values_is_not_trusted(cache, look, monkeypatch):
    facts.image_info(look)
    (entry,) = (cache / "image").glob("*.json")
    data = json.loads(entry.read_text())
    data["value"]["width"] = -3
    entry.write_text(json.dumps(data))
    _forget(monkeypatch)
    assert facts.image_info(look).width == 96


def test_a_cached_claim_is_not_reused_when_the_bytes_change(cache, look, monkeypatch):
    creds = Credentials.make()
    anchors = creds.ca_pem.decode()
    creds.sign(look, "trainedAlgorithmicMedia", agent="Midjourney v6")
    claim = facts.file_provenance(look, anchors)
    assert claim.kind == "ia" and claim.c2pa_manifest.state == "valid"
    assert facts.file_provenance(look, anchors) == claim == read_file_provenance(look, anchors)
    _forget(monkeypatch)
    untrusted = facts.file_provenance(look)  # other trust anchors: another entry
    assert untrusted.c2pa_manifest.state == "untrusted"
    tamper(look)
    _forget(monkeypatch)
    tampered = facts.file_provenance(look, anchors)
    assert tampered.c2pa_manifest.state == "tampered" and tampered.kind is None
    assert "assertion.dataHash.mismatch" in tampered.c2pa_manifest.failures
    assert len(list((cache / "provenance").glob("*.json"))) == 3


def test_a_claim_is_read_from_disk_and_ages(cache, look, monkeypatch):
    creds = Credentials.make()
    creds.sign(look, "digitalCapture")
    claim = facts.file_provenance(look)
    _forget(monkeypatch)
    with monkeypatch.context() as m:
        m.setattr(facts, "read_file_provenance", _refuse)
        assert facts.file_provenance(look) == claim
    (entry,) = (cache / "provenance").glob("*.json")
    data = json.loads(entry.read_text())
    data["checked"] -= 2 * 24 * 3600  # a day later, the verdict is checked again
    entry.write_text(json.dumps(data))
    calls = []
    monkeypatch.setattr(facts, "read_file_provenance", lambda *a: calls.append(a) or read_file_provenance(*a))
    assert facts.file_provenance(look) == claim and len(calls) == 1


def test_articles_cached_as_parsed(cache, monkeypatch):
    paths = sorted((ROOT / "issue" / "texts").glob("*.md")) + sorted((ROOT / "tests" / "fixtures").rglob("*.md"))
    for path in paths:
        try:
            article = load_article(path)
        except InputError as exc:  # never kept: said in the same words each time
            for _ in range(2):
                with pytest.raises(InputError) as again:
                    facts.normalised_article(path)
                assert again.value.problems == exc.problems
            continue
        expected = (*normalise_article(article, path.read_text(encoding="utf-8")),)
        lines = len(path.read_text(encoding="utf-8").splitlines())
        assert facts.normalised_article(path) == (*expected, lines)
        _forget(monkeypatch)
        with monkeypatch.context() as m:
            m.setattr(markdown, "parse_article", _refuse)
            assert facts.normalised_article(path) == (*expected, lines), path.name


def test_an_edited_article_is_parsed_again(cache, tmp_path, monkeypatch):
    path = tmp_path / "a.md"
    path.write_text("---\ntitle: Un\n---\n\nIl a 50% de chances.\n", encoding="utf-8")
    article, fixes, _, _ = facts.normalised_article(path)
    assert article.meta.title == "Un" and [f.after for f in fixes] == ["50\u202f%"]
    path.write_text("---\ntitle: Deux\n---\n\nRien.\n", encoding="utf-8")
    os.utime(path, ns=(1, 1))  # even an old mtime: the bytes decide
    article, fixes, _, _ = facts.normalised_article(path)
    assert article.meta.title == "Deux" and fixes == []


def test_a_read_only_cache_only_costs_time(tmp_path, look, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("")
    monkeypatch.setenv("IALS_PRINT_CACHE", str(blocker))  # a file where the folder should be
    _forget(monkeypatch)
    assert facts.image_info(look) == inspect_image(look)


def test_line_endings_read_as_before(cache, tmp_path):
    """Windows and old Mac line endings: the fixes placed on the lines ``read_text`` counts."""
    path = tmp_path / "crlf.md"
    text = "---\ntitle: Un\n---\n\nIl a 50% de chances.\n\nEt 3ème fois,\rpuis 15mn.\n"
    path.write_bytes(text.replace("\n", "\r\n").encode())
    expected = normalise_article(load_article(path), path.read_text(encoding="utf-8"))
    assert facts.normalised_article(path) == (*expected, len(path.read_text(encoding="utf-8").splitlines()))
    assert [f.line for f in expected[1]] == [5, 7, 8]


def test_a_files_digest_is_kept_by_its_status_and_a_rewrite_is_seen(cache, tmp_path, monkeypatch):
    """The next process takes a font's digest from the disk while its size, times and inode are the
    same; a rewrite of the same size with its mtime put back still changes ctime: hashed again."""
    font = tmp_path / "font.ttf"
    font.write_bytes(b"\x00\x01\x00\x00" + b"a" * 4096)
    monkeypatch.setattr(facts, "RACY_NS", 0)  # as if the file were a few seconds old
    first, _ = facts.file_digest(font)
    assert first == hashlib.sha256(font.read_bytes()).hexdigest()
    _forget(monkeypatch)
    with monkeypatch.context() as m:
        m.setattr(facts.hashlib, "file_digest", _refuse)
        assert facts.file_digest(font)[0] == first  # from the disk, the file not read
    _forget(monkeypatch)
    st = font.stat()
    font.write_bytes(b"\x00\x01\x00\x00" + b"b" * 4096)  # same size
    os.utime(font, ns=(st.st_atime_ns, st.st_mtime_ns))  # the mtime put back
    assert facts.file_digest(font)[0] == hashlib.sha256(font.read_bytes()).hexdigest() != first


def test_a_file_just_written_is_not_kept_by_its_status(cache, tmp_path):
    fresh = tmp_path / "fresh.ttf"
    fresh.write_bytes(b"new")
    facts.file_digest(fresh)
    assert not list(cache.glob("digest/*.json"))


def test_the_engines_fingerprint_kept_by_status_is_the_one_counted_afresh(cache, monkeypatch):
    """The engine's fingerprint comes back from the disk in the next process, without reading the
    package again, and equals what reading every file of the package gives."""
    from ials_print.output import keys

    monkeypatch.setattr(facts, "RACY_NS", 0)  # the package's files as settled, however fresh the clone
    keys.engine_fingerprint.cache_clear()
    first = keys.engine_fingerprint()
    keys.engine_fingerprint.cache_clear()
    _forget(monkeypatch)
    counted: list[str] = []
    real = facts.remembered

    def spy(kind, key, compute, keep=True):
        return real(kind, key, lambda: counted.append(key) or compute(), keep)

    with monkeypatch.context() as m:
        m.setattr(facts, "remembered", spy)
        assert keys.engine_fingerprint() == first and not counted  # from the disk
    keys.engine_fingerprint.cache_clear()
    with monkeypatch.context() as m:
        m.setattr(facts, "remembered", lambda kind, key, compute, keep=True: compute())
        assert keys.engine_fingerprint() == first  # what reading every file gives
    keys.engine_fingerprint.cache_clear()

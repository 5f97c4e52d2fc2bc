"""The page-scan cache: the preflight's findings are the same with it and without it, cold, warm, from
memory, from another file with other object numbers, and with damaged entries; a changed page is read again."""

from __future__ import annotations

import hashlib
import io
import json
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader, PdfWriter
from reportlab.lib.colors import CMYKColor

from ials_print.images.ink import InkLedger
from ials_print.images.ppi import PpiPolicy
from ials_print.preflight import limits
from ials_print.preflight.checks import preflight
from ials_print.preflight.read import read_pages
from ials_print.preflight.scan_cache import FORMAT, ScanCache, clear_memory, page_keys
from tests.test_preflight import MM, make_pdf


@pytest.fixture(autouse=True)
def _fresh_memory():
    clear_memory()
    yield
    clear_memory()


BLUE = CMYKColor(1, 0.5, 0, 0)


def _busy(tmp: Path, colour: CMYKColor = BLUE):
    """A page with something for every check: small text in colour, a hairline, white overprint, a
    low-resolution RGB image, and a Form XObject (with its own image and text) painted twice."""
    rgb = tmp / "rgb.jpg"
    Image.new("RGB", (60, 60), (200, 30, 30)).save(rgb)
    cmyk = tmp / "cmyk.jpg"
    Image.new("CMYK", (300, 300), (250, 250, 250, 200)).save(cmyk)

    def draw(c):
        c.setFillColor(colour)
        c.setFont("T", 6)
        c.drawString(20 * MM, 200 * MM, "petit")
        c.setLineWidth(0.1)
        c.line(20 * MM, 190 * MM, 100 * MM, 190 * MM)
        c.setFillOverprint(True)
        c.setFillColor(CMYKColor(0, 0, 0, 0))
        c.rect(120 * MM, 20 * MM, 20 * MM, 20 * MM, stroke=0, fill=1)
        c.setFillOverprint(False)
        c.drawImage(str(rgb), 20 * MM, 20 * MM, 80 * MM, 80 * MM)
        c.beginForm("box")
        c.drawImage(str(cmyk), 0, 0, 40 * MM, 40 * MM)
        c.setFillColor(CMYKColor(0, 0, 0, 1))
        c.setFont("T", 12)
        c.drawString(5 * MM, 5 * MM, "dans la forme")
        c.endForm()
        c.doForm("box")
        c.translate(100 * MM, 100 * MM)
        c.doForm("box")

    return draw


def _findings(report) -> list:
    return [str(f) for f in report.findings], report.ink


def test_findings_are_the_same_cold_warm_and_with_damaged_entries(tmp_path):
    pdf = make_pdf(tmp_path / "busy.pdf", _busy(tmp_path), pages=3)
    folder = tmp_path / "scans"
    plain = preflight(pdf, scans=ScanCache.off())
    assert any("under 9 pt" in f.message for f in plain.findings)  # the file does say things
    assert any("DeviceRGB" in f.message for f in plain.findings)
    assert any("0.25 pt" in f.message for f in plain.findings)
    assert any("white object" in f.message for f in plain.findings)

    cold = ScanCache(folder, memory=False)
    assert _findings(preflight(pdf, scans=cold)) == _findings(plain)
    assert (cold.hits, cold.stored) == (1, 2)  # pages 2 and 3 are alike: the third reuses the second
    entries = sorted(folder.glob("*.json"))
    assert len(entries) == 2

    warm = ScanCache(folder, memory=False)
    assert _findings(preflight(pdf, scans=warm)) == _findings(plain)
    assert (warm.hits, warm.stored) == (3, 0)

    memory = ScanCache(None, memory=True)
    preflight(pdf, scans=memory)
    assert _findings(preflight(pdf, scans=memory)) == _findings(plain)
    assert memory.hits == 1 + 3

    # damaged: torn, garbage, a changed value (the checksum no longer matches), another key's entry
    first, second = (p.read_bytes() for p in entries)
    head, _, payload = first.partition(b"\n")
    changed = payload.replace(b'"malformed":0', b'"malformed":7')
    assert changed != payload
    for bad in (first[: len(first) // 2], b"\x00garbage", head + b"\n" + changed, second):
        entries[0].write_bytes(bad)
        again = ScanCache(folder, memory=False)
        assert _findings(preflight(pdf, scans=again)) == _findings(plain)
        assert again.stored == 1 and entries[0].read_bytes() == first  # scanned again, written again


def test_valid_json_with_a_bad_shape_is_not_trusted(tmp_path):
    pdf = make_pdf(tmp_path / "busy.pdf", _busy(tmp_path))
    folder = tmp_path / "scans"
    plain = preflight(pdf, scans=ScanCache(folder, memory=False))
    for path in folder.glob("*.json"):
        entry = json.loads(path.read_bytes().partition(b"\n")[2])
        entry["texts"] = [["big", "cmyk", [0, 0, 0, 1], "/F1", False, 0, 0]]  # a size that is not a number
        payload = json.dumps(entry).encode()
        header = {"format": FORMAT, "kind": "scan", "key": path.stem, "sha256": hashlib.sha256(payload).hexdigest()}
        path.write_bytes(json.dumps(header).encode() + b"\n" + payload)
    again = ScanCache(folder, memory=False)
    assert _findings(preflight(pdf, scans=again)) == _findings(plain)
    assert again.hits == 0


def test_a_changed_page_is_scanned_again(tmp_path):
    folder = tmp_path / "scans"
    black = make_pdf(tmp_path / "black.pdf", _busy(tmp_path, CMYKColor(0, 0, 0, 1)), pages=3)
    blue = make_pdf(tmp_path / "blue.pdf", _busy(tmp_path, CMYKColor(1, 0.5, 0, 0)), pages=3)
    first = ScanCache(folder)
    a = preflight(black, scans=first)
    assert not any("under 9 pt" in f.message for f in a.findings)
    second = ScanCache(folder)
    b = preflight(blue, scans=second)
    assert any("under 9 pt" in f.message and f.page == 1 for f in b.findings)  # page 1 changed: read again
    assert second.hits == 2  # pages 2 and 3 did not
    assert _findings(b) == _findings(preflight(blue, scans=ScanCache.off()))


def test_another_file_with_the_same_pages_reuses_their_scans(tmp_path):
    """The interior file has the issue's pages under other object numbers: keys do not depend on them."""
    pdf = make_pdf(tmp_path / "busy.pdf", _busy(tmp_path), pages=4)
    writer = PdfWriter()
    writer.add_blank_page(100, 100)  # shifts every object number
    for page in reversed(PdfReader(pdf).pages):
        writer.add_page(page)
    buf = io.BytesIO()
    writer.write(buf)
    other = PdfReader(io.BytesIO(buf.getvalue()))
    assert {p.indirect_reference.idnum for p in other.pages[1:]} != {
        p.indirect_reference.idnum for p in PdfReader(pdf).pages
    }
    cache = ScanCache(None)
    mine, _ = read_pages(PdfReader(pdf), cache)
    theirs, _ = read_pages(other, cache)
    assert cache.hits == 2 + 4  # within the first file (pages alike), then every page of the other but the blank
    fresh, _ = read_pages(other, ScanCache.off())
    assert theirs == fresh
    assert [len(s.images) for s in theirs[1:]] == [len(s.images) for s in reversed(mine)]


def test_keys_follow_content_not_object_numbers(tmp_path):
    a = make_pdf(tmp_path / "a.pdf", _busy(tmp_path), pages=2)
    b = make_pdf(tmp_path / "b.pdf", _busy(tmp_path, CMYKColor(0, 1, 0, 0)), pages=2)
    ka = page_keys(PdfReader(a))
    kb = page_keys(PdfReader(b))
    assert None not in ka and ka[1] == kb[1] and ka[0] != kb[0]


def test_a_form_s_content_is_in_the_key(tmp_path):
    """The same resources, a Form XObject drawing something else: another key."""

    def form(text):
        def draw(c):
            c.beginForm("f")
            c.setFont("T", 12)
            c.drawString(10, 10, text)
            c.endForm()
            c.doForm("f")

        return draw

    a = page_keys(PdfReader(make_pdf(tmp_path / "a.pdf", form("un"))))
    b = page_keys(PdfReader(make_pdf(tmp_path / "b.pdf", form("deux"))))
    assert a[1] == b[1] and a[0] != b[0]


def test_a_file_qpdf_repairs_is_scanned_without_the_cache(tmp_path):
    """Where qpdf had to repair the file, its reading and pypdf's may differ: no key, every page read."""
    pdf = make_pdf(tmp_path / "busy.pdf", _busy(tmp_path), pages=2)
    data = pdf.read_bytes()
    start = data.rindex(b"startxref")
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(data[:start] + b"startxref\n12\n%%EOF\n")  # the cross-reference table is lost
    assert page_keys(PdfReader(broken)) == [None, None]
    cache = ScanCache(tmp_path / "scans")
    assert _findings(preflight(broken, scans=cache)) == _findings(preflight(broken, scans=ScanCache.off()))
    assert (cache.hits, cache.stored) == (0, 0)


def test_a_reused_scan_counts_against_the_budget(tmp_path, monkeypatch):
    """A page that would pass the document's limits when read does so when reused, and not otherwise."""
    pdf = make_pdf(tmp_path / "busy.pdf", _busy(tmp_path), pages=3)
    cache = ScanCache(None)
    read_pages(PdfReader(pdf), cache)
    _, budget = read_pages(PdfReader(pdf), ScanCache.off())
    monkeypatch.setattr(limits, "MAX_OPERATIONS", budget.operations - 1)  # the last page goes past it
    reader = PdfReader(pdf)  # one reader: the scans hold its objects
    reused, hit = read_pages(reader, cache)
    fresh, hit_fresh = read_pages(reader, ScanCache.off())
    assert hit.hit == hit_fresh.hit and "content operators" in hit.hit[-1][1]
    assert reused == fresh and len(fresh) == 2


def test_inline_images_are_not_kept(tmp_path, monkeypatch):
    from reportlab import rl_config

    monkeypatch.setattr(rl_config, "useA85", 1)
    img = Image.new("RGB", (40, 40), (200, 30, 30))
    pdf = make_pdf(tmp_path / "inline.pdf", lambda c: c.drawInlineImage(img, 20 * MM, 20 * MM, 60 * MM, 60 * MM))
    cache = ScanCache(tmp_path / "scans")
    report = preflight(pdf, scans=cache)
    assert "inline image" in "\n".join(str(f) for f in report.findings)
    assert cache.stored == 1  # the second page only
    assert _findings(preflight(pdf, scans=cache)) == _findings(report)


# ------------------------------------------------------------------ whole reports, by the file's bytes


def _reports(folder: Path) -> list[Path]:
    return sorted(folder.glob("report-*.json"))


def test_a_file_with_the_same_bytes_reuses_its_report(tmp_path, monkeypatch):
    monkeypatch.setenv("IALS_PRINT_CACHE", str(tmp_path / "cache"))  # the engine's ink ledger, fresh
    pdf = make_pdf(tmp_path / "busy.pdf", _busy(tmp_path), pages=3)
    folder = tmp_path / "scans"
    plain = preflight(pdf, "perfect", scans=ScanCache.off())
    first = ScanCache(folder, memory=False, reports=True)
    assert _findings(preflight(pdf, "perfect", scans=first)) == _findings(plain)
    assert first.report_hits == 0 and len(_reports(folder)) == 1

    copy = tmp_path / "elsewhere.pdf"
    copy.write_bytes(pdf.read_bytes())
    again = ScanCache(folder, memory=False, reports=True)
    report = preflight(copy, "perfect", scans=again)
    assert again.report_hits == 1 and again.hits == 0  # not a page read
    assert _findings(report) == _findings(plain) and report.file == str(copy) and report.pages == 3

    # another binding, another policy, a ledger of one's own: the file is checked
    for kwargs in ({"binding": "saddle_stitch"}, {"ppi": PpiPolicy(300, 350)}, {"ledger": InkLedger(tmp_path / "l")}):
        other = ScanCache(folder, memory=False, reports=True)
        args = {"binding": "perfect", **kwargs}
        assert _findings(preflight(pdf, scans=other, **args)) == _findings(
            preflight(pdf, scans=ScanCache.off(), **args)
        )
        assert other.report_hits == 0


def test_a_report_is_not_reused_when_the_ledger_lost_or_changed_what_it_used(tmp_path, monkeypatch):
    monkeypatch.setenv("IALS_PRINT_CACHE", str(tmp_path / "cache"))
    pdf = make_pdf(tmp_path / "busy.pdf", _busy(tmp_path))
    folder = tmp_path / "scans"
    plain = preflight(pdf, scans=ScanCache.off())
    preflight(pdf, scans=ScanCache(folder, memory=False, reports=True))
    (entry,) = (tmp_path / "cache" / "images" / "ink").glob("*.tac")
    measured = entry.read_text()
    for changed in ("100.0\n", None):
        if changed is None:
            entry.unlink()
        else:
            entry.write_text(changed)
        cache = ScanCache(folder, memory=False, reports=True)
        report = preflight(pdf, scans=cache)
        assert cache.report_hits == 0
        if changed is None:
            assert _findings(report) == _findings(plain)  # measured again, the same
    assert entry.read_text() == measured


def test_a_damaged_report_is_not_trusted(tmp_path, monkeypatch):
    monkeypatch.setenv("IALS_PRINT_CACHE", str(tmp_path / "cache"))
    pdf = make_pdf(tmp_path / "busy.pdf", _busy(tmp_path))
    folder = tmp_path / "scans"
    plain = preflight(pdf, scans=ScanCache.off())
    preflight(pdf, scans=ScanCache(folder, memory=False, reports=True))
    (path,) = _reports(folder)
    good = path.read_bytes()
    head, _, payload = good.partition(b"\n")
    forged = json.loads(payload)
    forged["findings"] = []  # a clean bill, with a checksum to match
    forged_payload = json.dumps(forged).encode()
    header = json.loads(head) | {"sha256": hashlib.sha256(forged_payload).hexdigest()}
    for bad in (good[:-20], head + b"\n" + payload.replace(b"DeviceRGB", b"DeviceRVB")):
        path.write_bytes(bad)
        cache = ScanCache(folder, memory=False, reports=True)
        assert _findings(preflight(pdf, scans=cache)) == _findings(plain) and cache.report_hits == 0
    # the checksum guards against damage, not against whoever may write the cache (as for the ink ledger)
    path.write_bytes(json.dumps(header).encode() + b"\n" + forged_payload)
    cache = ScanCache(folder, memory=False, reports=True)
    assert preflight(pdf, scans=cache).findings == [] and cache.report_hits == 1


def test_an_unreadable_file_has_no_report_kept(tmp_path):
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"%PDF-1.4\nnot really\n")
    folder = tmp_path / "scans"
    cache = ScanCache(folder, memory=False, reports=True)
    assert any(f.check == "file" for f in preflight(bad, scans=cache).findings)
    assert not _reports(folder)


def test_memory_keeps_a_bounded_amount(monkeypatch):
    from ials_print.preflight import scan_cache

    monkeypatch.setattr(scan_cache, "MAX_MEMORY_ITEMS", 100)
    cache = ScanCache(None)
    entry = {"texts": [[0]] * 30}
    for n in range(10):
        cache.store("scan", f"k{n}", entry)
    assert list(scan_cache._MEMORY) == ["k7", "k8", "k9"] and scan_cache._TOTAL[0] == 93
    cache.store("scan", "huge", {"texts": [[0]] * 200})  # larger than the whole allowance: not kept
    assert cache.get("huge") is None and cache.get("k9") is entry

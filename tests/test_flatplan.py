"""The flatplan's thumbnails: cached by page key, drawn again only for what changed or was damaged."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PIL import Image, PngImagePlugin

from ials_print.manifest.load import load_issue
from ials_print.output.flatplan import THUMB_H, make_flatplan
from ials_print.output.thumbs import KEEP_SHEETS, SHEET_MAGIC, ThumbCache


def flatplan(manifest: Path, out: Path, folder: Path) -> tuple[bytes, ThumbCache]:
    """The flatplan's pixels (freshly loaded issue, thumbnails in ``folder``) and the cache's counts."""
    thumbs = ThumbCache(folder, height=THUMB_H)
    png, _, _ = make_flatplan(load_issue(manifest), out, thumbs=thumbs)
    with Image.open(png) as im:
        return im.convert("RGB").tobytes(), thumbs


def test_warm_flatplan_draws_only_the_edited_section(mini_copy, tmp_path):
    folder = tmp_path / "thumbs"
    cold, thumbs = flatplan(mini_copy, tmp_path / "a", folder)
    assert thumbs.rasterised == [1, 2, 3, 4] and thumbs.hits == 0
    warm, thumbs = flatplan(mini_copy, tmp_path / "b", folder)
    assert thumbs.sheet_hits == 1 and thumbs.rasterised == []  # nothing changed: the same files
    assert warm == cold
    shutil.rmtree(folder / "sheets")
    warm, thumbs = flatplan(mini_copy, tmp_path / "b", folder)
    assert thumbs.sheet_hits == 0 and thumbs.rasterised == [] and thumbs.hits == 4  # drawn from the thumbnails
    assert warm == cold

    edito = mini_copy.parent / "texts" / "edito.md"  # the section on page 3
    edito.write_text(edito.read_text(encoding="utf-8") + "\n\nUne phrase de plus.\n", encoding="utf-8")
    edited, thumbs = flatplan(mini_copy, tmp_path / "c", folder)
    assert thumbs.sheet_hits == 0 and thumbs.rasterised == [3] and thumbs.hits == 3
    uncached, thumbs = flatplan(mini_copy, tmp_path / "d", tmp_path / "empty")
    assert thumbs.rasterised == [1, 2, 3, 4]
    assert edited == uncached != cold


def _truncate(path: Path) -> None:
    path.write_bytes(path.read_bytes()[:200])


def _garbage(path: Path) -> None:
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + b"not a picture" * 50)


def _other_pixels(path: Path) -> None:
    """A whole PNG with the entry's key and pixel digest, but other pixels."""
    with Image.open(path) as im:
        info = PngImagePlugin.PngInfo()
        for k, v in im.text.items():
            info.add_text(k, v)
        Image.new("RGB", im.size, (255, 0, 255)).save(path, "PNG", pnginfo=info)


@pytest.mark.parametrize("damage", [_truncate, _garbage, _other_pixels])
def test_a_damaged_thumbnail_is_drawn_again(mini_copy, tmp_path, damage):
    folder = tmp_path / "thumbs"
    before, _ = flatplan(mini_copy, tmp_path / "a", folder)
    entries = sorted(folder.rglob("*.png"))
    assert len(entries) == 4
    damage(entries[0])
    shutil.rmtree(folder / "sheets")  # else the whole sheet is served, no thumbnail read
    after, thumbs = flatplan(mini_copy, tmp_path / "b", folder)
    assert thumbs.misses == 1 and thumbs.hits == 3
    assert thumbs.rasterised in ([1, 2], [3], [4])  # the damaged page's section, alone
    assert after == before
    shutil.rmtree(folder / "sheets")
    again, thumbs = flatplan(mini_copy, tmp_path / "c", folder)  # the entry was written anew
    assert thumbs.hits == 4 and again == before


@pytest.mark.parametrize("damage", [_truncate, _garbage, lambda p: p.write_bytes(p.read_bytes()[:-1] + b"!")])
def test_a_damaged_sheet_is_drawn_again(mini_copy, tmp_path, damage):
    folder = tmp_path / "thumbs"
    before, _ = flatplan(mini_copy, tmp_path / "a", folder)
    (entry,) = (folder / "sheets").iterdir()
    damage(entry)
    after, thumbs = flatplan(mini_copy, tmp_path / "b", folder)
    assert thumbs.sheet_hits == 0 and thumbs.hits == 4 and after == before
    assert (tmp_path / "b" / "mini-flatplan.pdf").read_bytes()[:5] == b"%PDF-"


def test_sheets_read_back_and_only_the_last_are_kept(tmp_path):
    thumbs = ThumbCache(tmp_path)
    keys = [f"{n:02x}" * 32 for n in range(KEEP_SHEETS + 2)]
    for n, key in enumerate(keys):
        thumbs.put_sheet(key, b"png%d" % n, b"pdf")
    assert len(list((tmp_path / "sheets").iterdir())) == KEEP_SHEETS
    assert thumbs.get_sheet(keys[-1]) == (b"png%d" % (len(keys) - 1), b"pdf")
    assert thumbs.get_sheet(keys[0]) is None  # pruned
    assert thumbs.get_sheet(keys[-1][:-1] + "f") is None  # another key, same file name: its digest differs
    entry = thumbs._sheet_path(keys[-1])
    data = bytearray(entry.read_bytes())
    data[len(SHEET_MAGIC) + 32 + 7] += 1  # the PNG's length, one more
    entry.write_bytes(bytes(data))
    assert thumbs.get_sheet(keys[-1]) is None

"""The flatplan's thumbnails: cached by page key, drawn again only for what changed or was damaged."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image, PngImagePlugin

from ials_print.manifest.load import load_issue
from ials_print.output.flatplan import THUMB_H, make_flatplan
from ials_print.output.thumbs import ThumbCache


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
    assert thumbs.rasterised == [] and thumbs.hits == 4
    assert warm == cold

    edito = mini_copy.parent / "texts" / "edito.md"  # the section on page 3
    edito.write_text(edito.read_text(encoding="utf-8") + "\n\nUne phrase de plus.\n", encoding="utf-8")
    edited, thumbs = flatplan(mini_copy, tmp_path / "c", folder)
    assert thumbs.rasterised == [3] and thumbs.hits == 3
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
    after, thumbs = flatplan(mini_copy, tmp_path / "b", folder)
    assert thumbs.misses == 1 and thumbs.hits == 3
    assert thumbs.rasterised in ([1, 2], [3], [4])  # the damaged page's section, alone
    assert after == before
    again, thumbs = flatplan(mini_copy, tmp_path / "c", folder)  # the entry was written anew
    assert thumbs.hits == 4 and again == before

"""Page thumbnails for the flatplan, cached on disk by page key.

A page's thumbnail is a proof render of its page, rasterised at a fixed height and cropped to the
trim. It is kept as a PNG named after its key: the page's key (:func:`ials_print.output.keys.page_keys`:
its section's manifest entry, files, layout, stylesheet, fonts) with the thumbnail's height and mode,
the proof mode's image settings, the output profile's bytes, the rasteriser's version and the engine's
source. Only the sections with a page missing from the cache are rendered and rasterised again.

An entry carries its full key and a digest of its pixels; one that does not read back whole is
ignored (and drawn again). Entries are written to a temporary file, then renamed. The last few
whole flatplans (PNG and PDF) are kept too, in ``sheets/``: one showing the same thumbnails, labels and
problems is not drawn again.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
from dataclasses import dataclass, field
from functools import cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import pypdfium2 as pdfium
from PIL import Image, PngImagePlugin

from ials_print.cachedir import cache_folder
from ials_print.layout.plans import PagePlan
from ials_print.manifest.load import Issue
from ials_print.output.atomic import write_atomic
from ials_print.output.build import output_intent, render
from ials_print.output.keys import page_keys
from ials_print.output.modes import OutputMode, proof_mode
from ials_print.output.sections import mode_fingerprint

FORMAT = 1  # the entries' layout; a new value makes every entry a miss
MODE = "RGB"
THUMB_H = 260  # pixels per page thumbnail (pdfium may round it to a pixel less)
SHEET_MAGIC = b"ials-print flatplan sheet 1\n"
KEEP_SHEETS = 8  # whole flatplans kept (about 6 MB each for 118 pages)


def default_thumb_dir() -> Path:
    """In the engine's cache folder (``cachedir``), beside the prepared images."""
    return cache_folder("thumbs")


@cache
def _versions() -> tuple[str, str]:
    """The rasteriser's and Pillow's versions (a new pdfium may draw other pixels)."""
    try:
        pdfium_version = version("pypdfium2")
    except PackageNotFoundError:
        pdfium_version = "unknown"
    return pdfium_version, Image.__version__


@dataclass
class ThumbCache:
    """Thumbnails on disk, ``height`` pixels high; counts what it served and what was drawn."""

    folder: Path = field(default_factory=default_thumb_dir)
    height: int = THUMB_H
    hits: int = 0
    misses: int = 0
    rasterised: list[int] = field(default_factory=list)  # folios drawn from a proof render, this run
    sheet_hits: int = 0  # whole flatplans served as they were

    def key(self, page_key: str, context: dict) -> str:
        """The entry's full key: the page's, the thumbnail's size and mode, and ``context``."""
        parts = {"page": page_key, "height": self.height, "mode": MODE, "format": FORMAT, **context}
        return hashlib.sha256(json.dumps(parts, sort_keys=True).encode()).hexdigest()

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key[2:40]}.png"

    def get(self, key: str) -> Image.Image | None:
        """The entry for ``key`` if it reads back whole (its key and pixels as written), else None."""
        try:
            data = self._path(key).read_bytes()
        except OSError:
            return None
        try:
            with Image.open(io.BytesIO(data), formats=["PNG"]) as im:
                w, h = im.size
                # pdfium rounds the height: ``height`` ± 1 pixel
                if im.mode != MODE or abs(h - self.height) > 1 or not 0 < w <= 4 * h or im.text.get("thumb-key") != key:
                    return None
                im.load()
                image, pixels = im.copy(), im.text.get("thumb-pixels")
            if hashlib.sha256(image.tobytes()).hexdigest() != pixels:
                return None
        except Exception:  # a damaged entry, whatever Pillow makes of it, is a miss
            return None
        return image

    def put(self, key: str, image: Image.Image) -> None:
        """Store ``image`` under ``key``."""
        info = PngImagePlugin.PngInfo()
        info.add_text("thumb-key", key)
        info.add_text("thumb-pixels", hashlib.sha256(image.tobytes()).hexdigest())
        buf = io.BytesIO()
        image.save(buf, "PNG", pnginfo=info, compress_level=1)
        write_atomic(self._path(key), buf.getvalue(), sync=False)

    def _sheet_path(self, key: str) -> Path:
        return self.folder / "sheets" / f"{key[:40]}.bin"

    def get_sheet(self, key: str) -> tuple[bytes, bytes] | None:
        """The flatplan's PNG and PDF stored under ``key``, if they read back whole."""
        path = self._sheet_path(key)
        try:
            data = path.read_bytes()
            os.utime(path)  # recently used: kept by put_sheet's pruning
        except OSError:
            return None
        start = len(SHEET_MAGIC)
        digest, signed = data[start : start + 32], data[start + 32 :]
        if not data.startswith(SHEET_MAGIC) or hashlib.sha256(key.encode() + signed).digest() != digest:
            return None
        size, body = int.from_bytes(signed[:8], "big"), signed[8:]
        if size > len(body):
            return None
        self.sheet_hits += 1
        return body[:size], body[size:]

    def put_sheet(self, key: str, png: bytes, pdf: bytes) -> None:
        """Store the flatplan's PNG and PDF under ``key`` (a header: a digest of the key and what follows;
        then the PNG's length, the PNG, the PDF); only the :data:`KEEP_SHEETS` last used are kept."""
        signed = len(png).to_bytes(8, "big") + png + pdf
        path = self._sheet_path(key)
        write_atomic(path, SHEET_MAGIC + hashlib.sha256(key.encode() + signed).digest() + signed, sync=False)
        others = []
        for entry in path.parent.glob("*.bin"):
            try:
                others.append((entry.stat().st_mtime_ns, entry))
            except OSError:  # pruned meanwhile by another flatplan
                continue
        for _, entry in sorted(others, reverse=True)[KEEP_SHEETS:]:
            entry.unlink(missing_ok=True)


def rasterise(pdf: bytes, pages: list[PagePlan], height: int) -> dict[int, Image.Image]:
    """Each page of ``pdf`` (laid out as ``pages``) as an RGB image ``height`` pixels high, cut at the trim."""
    doc = pdfium.PdfDocument(pdf)
    try:
        out: dict[int, Image.Image] = {}
        for i, plan in enumerate(pages):
            page = doc[i]
            trim = page.get_trimbox()
            media = page.get_mediabox()
            scale = height / (trim[3] - trim[1])
            crop = (trim[0] - media[0], trim[1] - media[1], media[2] - trim[2], media[3] - trim[3])
            out[plan.folio] = page.render(scale=scale, crop=crop).to_pil().convert(MODE)
        return out
    finally:
        doc.close()


def _proof_mode(issue: Issue) -> OutputMode:
    return proof_mode(output_intent(issue).profile)


def thumbnail_keys(issue: Issue, pages: list[PagePlan], thumbs: ThumbCache) -> dict[int, str]:
    """Each page's entry key, by folio (a page the manifest does not place has none: never cached)."""
    pdfium_version, pillow_version = _versions()
    context = {
        "proof": mode_fingerprint(_proof_mode(issue)),  # as the section cache keys a proof's pages
        "pdfium": pdfium_version,
        "pillow": pillow_version,
    }
    page_key = page_keys(issue)
    return {p.folio: thumbs.key(page_key[p.folio], context) for p in pages if p.folio in page_key}


def page_thumbnails(
    issue: Issue, pages: list[PagePlan], thumbs: ThumbCache, keys: dict[int, str] | None = None
) -> dict[int, Image.Image]:
    """A thumbnail of each of ``pages`` (the issue's, laid out), from ``thumbs`` or a proof render of
    the sections that have a page missing there (with their real folios). ``keys``: from
    :func:`thumbnail_keys`, if already computed."""
    keys = thumbnail_keys(issue, pages, thumbs) if keys is None else keys
    out: dict[int, Image.Image] = {}
    stale: list[str] = []  # sections to render, in flatplan order
    for plan in pages:
        image = thumbs.get(keys[plan.folio]) if plan.folio in keys else None
        if image is None:
            thumbs.misses += 1
            if plan.section_id not in stale:
                stale.append(plan.section_id)
        else:
            thumbs.hits += 1
            out[plan.folio] = image
    if stale:
        proof = render(issue, section_ids=stale, mode=_proof_mode(issue))
        fresh = rasterise(proof.pdf, proof.pages, thumbs.height)
        thumbs.rasterised += sorted(fresh)
        for folio, image in fresh.items():
            if folio not in out and folio in keys:
                thumbs.put(keys[folio], image)
            out[folio] = image
    return out

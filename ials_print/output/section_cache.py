"""Laid-out sections kept between builds: each section's PDF (as ReportLab wrote it, before the
issue is assembled and finished) and what its layout found, under the section's key.

An entry is two files, ``<key>.pdf`` and ``<key>.meta``; the meta holds the PDF's SHA-256, its file's
identity as written (inode, size, modification time) and the layout's findings as plain JSON
(``plan_codec``: nothing is run on reading), sealed with an HMAC whose secret lives in the cache
folder. An entry whose seal does not match (damaged, or copied from
another cache), or whose PDF was touched since it was written and no longer has its SHA-256, is a
miss, laid out again and never read further. (An untouched file is not read again to check it:
the PDF is 1–10 MB a section, and the whole issue's 90 MB are read by every build.) Files are
written atomically (temporary file, then rename), so concurrent builds at worst make the same
entry twice. The folder is kept under :data:`MAX_BYTES` by removing
the entries least recently used.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from ials_print.images.placed import PlacedImage
from ials_print.layout.plans import SectionResult
from ials_print.output.atomic import write_atomic
from ials_print.output.plan_codec import decode, encode

MAX_BYTES = 2 << 30  # about twenty issues' worth of laid-out sections in every mode
_SECRET = "seal.key"
_FORMAT = b"ials-print section 2\n"


@dataclass
class Entry:
    """One section as laid out: its PDF file and what the layout found."""

    key: str
    pdf: Path
    sha256: str  # the PDF's, checked on every read
    result: SectionResult
    placed: list[PlacedImage]


class SectionCache:
    """The section cache in ``folder``."""

    def __init__(self, folder: Path):
        self.folder = folder
        self._secret: bytes | None = None

    def _seal_key(self) -> bytes:
        """The folder's secret, made on first use (only this user can read it)."""
        if self._secret is None:
            path = self.folder / _SECRET
            try:
                secret = path.read_bytes()
            except OSError:
                secret = b""
            if len(secret) != 32:
                self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
                secret = secrets.token_bytes(32)
                tmp = self.folder / f".{_SECRET}.{secrets.token_hex(8)}.tmp"
                fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)
                with os.fdopen(fd, "wb") as f:
                    f.write(secret)
                os.replace(tmp, path)
            self._secret = secret
        return self._secret

    def _seal(self, payload: bytes) -> bytes:
        return hmac.new(self._seal_key(), _FORMAT + payload, hashlib.sha256).digest()

    def get(self, key: str) -> Entry | None:
        """The entry for ``key``, or None when there is none that can be trusted."""
        pdf, meta = self.folder / f"{key}.pdf", self.folder / f"{key}.meta"
        try:
            sealed = meta.read_bytes()
            seal, payload = sealed[:32], sealed[32:]
            if not hmac.compare_digest(seal, self._seal(payload)):
                return None
            stored = json.loads(payload)
            if stored.get("key") != key or not self._intact(pdf, stored):
                return None
            result, placed = decode(stored["result"]), decode(stored["placed"])
            if not isinstance(result, SectionResult) or not all(isinstance(p, PlacedImage) for p in placed):
                return None
            entry = Entry(key, pdf, stored["sha256"], result, placed)
            os.utime(meta)  # recently used: pruned last
            return entry
        except (OSError, ValueError, KeyError, TypeError):  # json's errors are ValueErrors
            return None

    @staticmethod
    def _intact(pdf: Path, stored: dict) -> bool:
        """The PDF is the one written: untouched since (same file, size and time), else same SHA-256."""
        st = pdf.stat()
        if [st.st_ino, st.st_size, st.st_mtime_ns] == stored.get("stat"):
            return True
        return hashlib.sha256(pdf.read_bytes()).hexdigest() == stored.get("sha256")

    def put(self, key: str, pdf: bytes, digest: str, result: SectionResult, placed: list[PlacedImage]) -> Entry | None:
        """Keep a section (``digest``: its PDF's SHA-256); None when the folder cannot be written (a
        read-only cache only costs time)."""
        path = self.folder / f"{key}.pdf"
        try:
            write_atomic(path, pdf, sync=False)
            st = path.stat()
            stored = {
                "key": key,
                "sha256": digest,
                "stat": [st.st_ino, st.st_size, st.st_mtime_ns],
                "result": encode(result),
                "placed": encode(placed),
            }
            payload = json.dumps(stored, ensure_ascii=False, allow_nan=False).encode()
            write_atomic(self.folder / f"{key}.meta", self._seal(payload) + payload, sync=False)
        except OSError:
            return None
        return Entry(key, path, digest, result, placed)

    def prune(self, limit: int = MAX_BYTES) -> int:
        """Remove the least recently used entries until the folder holds ``limit`` bytes at most;
        returns how many were removed."""
        entries = []
        total = 0
        with contextlib.suppress(OSError):
            for meta in self.folder.glob("*.meta"):
                pdf = meta.with_suffix(".pdf")
                try:
                    size = meta.stat().st_size + (pdf.stat().st_size if pdf.exists() else 0)
                    entries.append((meta.stat().st_mtime, meta, pdf, size))
                except OSError:
                    continue
                total += size
        removed = 0
        for _, meta, pdf, size in sorted(entries):
            if total <= limit:
                break
            meta.unlink(missing_ok=True)
            pdf.unlink(missing_ok=True)
            total -= size
            removed += 1
        return removed

"""Whole preflight reports kept by the bytes of the file they check.

A report is a function of the file's bytes, the binding, the resolution policy, the code that checks,
and of the ink ledger's measurements the ink check read. A build that changed nothing writes the same
bytes (builds are reproducible): its files need not be read again. Only reports that a new check would
repeat are kept: the whole file read, no check that failed on a malformed structure, every image's ink
measured; and one is reused only while the ledger still holds each measurement it used, unchanged
(then a new check would read the same values and decode nothing, so it could not stop either).
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pypdf

from ials_print.images.ink import InkLedger
from ials_print.images.ppi import PpiPolicy
from ials_print.preflight.findings import Finding, Report
from ials_print.preflight.scan import PageScan
from ials_print.preflight.scan_cache import Invalid, ScanCache

_HERE = Path(__file__).resolve().parent


def _fingerprint() -> bytes:
    """The preflight's code (every module of this package, the ink and ppi rules) and pypdf's version."""
    h = hashlib.sha256(f"pypdf {pypdf.__version__}\0".encode())
    sources = [*sorted(_HERE.glob("*.py")), _HERE.parent / "images" / "ink.py", _HERE.parent / "images" / "ppi.py"]
    for source in sources:
        h.update(source.name.encode() + b"\0")
        try:
            h.update(hashlib.sha256(source.read_bytes()).digest())
        except OSError:
            h.update(b"unreadable")
    return h.digest()


FINGERPRINT = _fingerprint()


def report_key(digest: str, binding: str | None, ppi: PpiPolicy) -> str:
    """What the report depends on: the file's bytes (``digest``: their SHA-256), the binding, the
    policy, the code."""
    h = hashlib.sha256(FINGERPRINT)
    h.update(json.dumps([binding, ppi.minimum, ppi.wanted]).encode())
    h.update(bytes.fromhex(digest))
    return h.hexdigest()


class LedgerWitness(InkLedger):
    """The engine's ink ledger, noting each measurement the ink check takes (by its file in the ledger)."""

    def __init__(self) -> None:
        super().__init__()
        self.used: dict[str, float] = {}
        self.failed = False  # an image whose ink could not be measured (counted as 0) or not witnessed
        self._last: Path | None = None

    def _path(self, data: bytes) -> Path:
        self._last = super()._path(data)
        return self._last

    def max_ink(self, data: bytes, decode: Callable) -> float:
        self._last = None
        try:
            value = super().max_ink(data, decode)
        except Exception:
            self.failed = True
            raise
        if self._last is None:  # the ledger found its entry some other way: nothing to vouch for it
            self.failed = True
        else:
            self.used[self._last.name] = value
        return value


def repeatable(report: Report, scans: list[PageScan], ledger: LedgerWitness) -> bool:
    """Would checking the file again give this report, as long as the ledger keeps what it used?"""
    if len(scans) != report.pages or len(report.ink) != report.pages or ledger.failed:
        return False
    return not any(
        f.check == "file" or "could not be checked" in f.message or "not measured" in f.message for f in report.findings
    )


def as_record(report: Report, ledger: LedgerWitness) -> dict[str, Any]:
    """The report as JSON data (without the file's name: the same bytes may lie anywhere), with the
    ledger's measurements it used."""
    return {
        "pages": report.pages,
        "ink_method": report.ink_method,
        "ink": report.ink,
        "findings": [[f.level, f.check, f.message, f.page, f.section, f.visual] for f in report.findings],
        "ledger": ledger.used,
    }


def _optional(value: Any, kind: type) -> Any:
    if value is not None and (not isinstance(value, kind) or isinstance(value, bool)):
        raise Invalid
    return value


def validate(entry: Any) -> dict[str, Any]:
    """``entry`` if it is a well-formed report record, else raises :class:`Invalid`."""
    if not isinstance(entry, dict) or set(entry) != {"pages", "ink_method", "ink", "findings", "ledger"}:
        raise Invalid
    if not isinstance(entry["pages"], int) or isinstance(entry["pages"], bool) or entry["pages"] < 0:
        raise Invalid
    if not isinstance(entry["ink_method"], str) or not isinstance(entry["ink"], list):
        raise Invalid
    for value in entry["ink"]:
        if not isinstance(value, int | float) or isinstance(value, bool):
            raise Invalid
    if not isinstance(entry["findings"], list):
        raise Invalid
    for f in entry["findings"]:
        if not isinstance(f, list) or len(f) != 6 or f[0] not in ("error", "warning"):
            raise Invalid
        if not isinstance(f[1], str) or not isinstance(f[2], str):
            raise Invalid
        _optional(f[3], int), _optional(f[4], str), _optional(f[5], str)
    if not isinstance(entry["ledger"], dict):
        raise Invalid
    for name, value in entry["ledger"].items():
        if not _LEDGER_NAME.fullmatch(name) or not isinstance(value, float):
            raise Invalid
    return entry


_LEDGER_NAME = re.compile(r"[0-9a-f]{64}\.tac")


def _ledger_holds(used: dict[str, float]) -> bool:
    """Does the engine's ledger still hold each of these measurements, as they were?"""
    folder = InkLedger().folder
    for name, value in used.items():
        try:
            if float((folder / name).read_text()) != value:
                return False
        except (OSError, ValueError):
            return False
    return True


def restore(path: Path | str, entry: dict[str, Any]) -> Report:
    """The report ``entry`` records, for the file at ``path``."""
    findings = [Finding(*f) for f in entry["findings"]]
    return Report(str(path), entry["pages"], findings, entry["ink_method"], list(entry["ink"]))


def load(cache: ScanCache, key: str, path: Path | str) -> Report | None:
    """The report kept for ``key``, if any, valid, and the ledger still holds what it used."""
    entry = cache.load("report", key, validate)
    if entry is None or not _ledger_holds(entry["ledger"]):
        return None
    cache.report_hits += 1
    return restore(path, entry)


def keep(cache: ScanCache, key: str, report: Report, ledger: LedgerWitness) -> None:
    cache.store("report", key, as_record(report, ledger))

"""What a section's pages depend on, as one key: its manifest entry, its text and data as loaded, its
visuals' bytes, its layout, the stylesheet, the fonts, the issue's identity and format, the engine's
own code (and, for the contents page, every section's title and pages). Two proofs whose keys for a page are
equal printed that page the same; a proof diff renders only the others."""

from __future__ import annotations

import hashlib
import json
import os
import sys
import zlib
from functools import cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from ials_print.manifest import facts
from ials_print.manifest.load import Issue
from ials_print.manifest.model import Section


def file_digest(path: Path) -> str:
    """A file's SHA-256 ("missing" if it cannot be read), kept by its status between processes
    (:func:`ials_print.manifest.facts.file_digest`): the fonts are not read again at every start."""
    try:
        return facts.file_digest(path.resolve())[0]
    except OSError:
        return "missing"


def loaded_digest(value: object) -> str:
    """The digest of something as it was read at load time (an article, a data file's content): the
    layout sets what was loaded, and a file saved again since must not lend its new bytes to the key."""
    return hashlib.sha256(repr(value).encode()).hexdigest()


_LIBRARIES = ("reportlab", "pillow", "uharfbuzz", "pyphen", "pikepdf")


def _package_files(root: Path) -> list[tuple[str, os.stat_result]]:
    """Every file of the package but fonts and bytecode, by relative path, with its status."""
    found = []
    for folder, dirs, names in os.walk(root):
        dirs[:] = [d for d in dirs if d != "__pycache__"]
        for name in names:
            if not name.endswith((".ttf", ".otf", ".pyc")):
                path = os.path.join(folder, name)
                found.append((os.path.relpath(path, root), os.stat(path)))
    return sorted(found)


@cache
def engine_fingerprint() -> str:
    """The engine's own code and data (every file of the package, fonts aside) and the versions of
    the libraries that draw: a change to any of them is a change to every page.

    Reading the package's files costs ~20 ms; the digest is kept (``facts``) under their status (size,
    mtime, ctime, inode), as git's index does, unless a file was written in the last few seconds."""
    root = Path(__file__).resolve().parent.parent
    files = _package_files(root)
    libraries = []
    for lib in _LIBRARIES:
        try:
            libraries.append(f"{lib} {version(lib)}")
        except PackageNotFoundError:
            libraries.append(f"{lib} -")
    head = f"{sys.version} zlib {zlib.ZLIB_RUNTIME_VERSION}\n"
    stats = [(rel, st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino) for rel, st in files]
    status = repr((head, libraries, stats))

    def digest() -> str:
        h = hashlib.sha256(head.encode())
        for rel, _ in files:
            h.update(rel.encode() + b"\0" + (root / rel).read_bytes() + b"\0")
        for lib in libraries:
            h.update(f"{lib}\n".encode())
        return h.hexdigest()

    key = f"engine {hashlib.sha256(status.encode()).hexdigest()}"
    return facts.remembered("engine", key, digest, keep=all(facts.settled(st) for _, st in files))


def issue_key(issue: Issue) -> dict:
    """What every page depends on."""
    m = issue.manifest
    fonts = {
        f"{name}/{face}": file_digest(issue.fonts_dir / f)
        for name, family in m.fonts.items()
        for face, f in (("regular", family.regular), ("italic", family.italic), ("bold", family.bold),
                        ("bold_italic", family.bold_italic))
        if f
    }  # fmt: skip
    return {
        "engine": engine_fingerprint(),
        "manifest": m.model_dump(mode="json", exclude={"sections"}),
        "publication": issue.publication.model_dump(mode="json") if issue.publication else None,
        "stylesheet": issue.stylesheet.model_dump(mode="json") if issue.stylesheet else None,
        "fonts": fonts,
    }


def section_key(issue: Issue, section: Section, common: dict | None = None) -> str:
    """One section's key (``common``: :func:`issue_key`, computed once for all sections)."""
    template = issue.templates.get(section.layout)
    parts = {
        "issue": common if common is not None else issue_key(issue),
        "section": section.model_dump(mode="json"),
        "template": template.model_dump(mode="json") if template else None,
        "text": loaded_digest(issue.articles.get(section.id)),
        "data": loaded_digest(issue.page_data.get(section.id)),
        "visuals": [file_digest(issue.visual_files[v.id]) for v in section.images if v.id in issue.visual_files],
        "claims": loaded_digest([issue.file_provenance.get(v.id) for v in section.images]),
    }
    if template is not None and template.kind == "contents":  # it prints every section's title and page
        parts["flatplan"] = [
            (s.id, s.title, s.rubric, s.in_contents, s.first_page, s.pages) for s in issue.manifest.sections
        ]
        parts["titles"] = loaded_digest(issue.articles)
    if template is not None and template.kind == "cover":  # its AI notice follows every visual's provenance
        parts["provenance"] = [(v.id, v.provenance) for s in issue.manifest.sections for v in s.images]
    blob = json.dumps(parts, sort_keys=True, default=str).encode()
    return hashlib.sha256(blob).hexdigest()[:32]


def page_keys(issue: Issue) -> dict[int, str]:
    """Each folio's key: its section's key and its place in the section."""
    common = issue_key(issue)
    out: dict[int, str] = {}
    for s in issue.manifest.sections:
        key = section_key(issue, s, common)
        for n in range(s.pages):
            out[s.first_page + n] = f"{key}:{n}"
    return out

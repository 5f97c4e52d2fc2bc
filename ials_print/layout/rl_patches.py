"""The one ReportLab behaviour we change, in one place.

ReportLab breaks lines at U+202F NARROW NO-BREAK SPACE as if it were an ordinary space, which
lets "mot ;" or "« mot »" split across lines. French typography needs that space unbreakable and
unstretched, so it is removed from ReportLab's list of break characters (tested in test_layout).
"""

from __future__ import annotations

import re

from reportlab.platypus import paragraph as _paragraph

NNBSP = "\u202f"

if NNBSP in _paragraph._wsc:
    _paragraph._wsc = _paragraph._wsc.replace(NNBSP, "")
    _paragraph._wsc_re_split = re.compile(f"[{re.escape(_paragraph._wsc)}]+").split
    _paragraph._wsc_end_search = re.compile(f"[{re.escape(_paragraph._wsc)}]+$").search

    def _split(text: str | bytes, delim: str | None = None) -> list[str]:
        if isinstance(text, bytes):
            text = text.decode("utf8")
        return _paragraph._wsc_re_split(text) if delim is None else text.split(delim)

    # str.split() also treats U+202F as a separator, so ReportLab's own split is replaced too.
    _paragraph.split = _split

# JPEGs go into the PDF as they are (DCTDecode) rather than ASCII85-encoded: 25 % smaller files,
# and no slow pure-Python encoding pass over every image.
from reportlab import rl_config  # noqa: E402

rl_config.useA85 = 0

# Glyphs reached only by shaping (ligatures, superior letters) are encoded through private-use
# code points (typeset.shaping); the ToUnicode map gives their source text back ("fi", "e"), so
# the PDF's text extracts and searches as written.
from reportlab.pdfbase import ttfonts as _ttfonts  # noqa: E402

from ials_print.typeset.shaping import LIGATURE_TEXT  # noqa: E402

_make_to_unicode = _ttfonts.makeToUnicodeCMap


def _to_unicode(fontname: str, subset: list[int]) -> str:
    table = LIGATURE_TEXT.get(fontname.split("+", 1)[-1])
    cmap = _make_to_unicode(fontname, subset)
    if not table:
        return cmap
    for i, code in enumerate(subset):
        if code in table:
            utf16 = table[code].encode("utf-16-be").hex().upper()
            cmap = cmap.replace(f"<{i:02X}> <{code:04X}>", f"<{i:02X}> <{utf16}>", 1)
    return cmap


if _ttfonts.makeToUnicodeCMap is not _to_unicode and not getattr(_make_to_unicode, "_ials", False):
    _to_unicode._ials = True  # type: ignore[attr-defined]
    _ttfonts.makeToUnicodeCMap = _to_unicode

# Subset tags: ReportLab tags the n-th subset of every font AAAAAA+, AAAAAB+…, so two files share
# tags for different subsets. The six letters are derived here from the subset's content (the
# font's name and the characters it holds): same subset, same tag; different subsets, different tags.
import hashlib  # noqa: E402

_subset_number = _ttfonts.SUBSETN
_add_objects = _ttfonts.TTFont.addObjects


def subset_tag(face_name: bytes, codes: list[int]) -> bytes:
    """Six capital letters from the SHA-256 of the font's name and the subset's characters."""
    digest = hashlib.sha256(face_name + b"\0" + ",".join(map(str, codes)).encode()).digest()
    return bytes(65 + b % 26 for b in digest[:6])


def _add_objects_tagged(self, doc) -> None:
    state = self.state.get(doc)
    tags = [subset_tag(self.face.name, list(s)) for s in state.subsets] if state is not None else []
    _ttfonts.SUBSETN = lambda n: tags[n] if n < len(tags) else _subset_number(n)
    try:
        _add_objects(self, doc)
    finally:
        _ttfonts.SUBSETN = _subset_number


if not getattr(_ttfonts.TTFont.addObjects, "_ials", False):
    _add_objects_tagged._ials = True  # type: ignore[attr-defined]
    _ttfonts.TTFont.addObjects = _add_objects_tagged

# Font resource names: ReportLab names a font /F1, /F2… in the order the document first uses it.
# Here the name comes from the font file's SHA-256: /F3A9C…, whatever was drawn first. The same file
# registered under two names (two ReportLab fonts) gets _2, _3… in the order they are first drawn.
_subset_name = _ttfonts.TTFont.getSubsetInternalName


def font_resource_name(font: _ttfonts.TTFont) -> str:
    """``F`` and ten hex digits from the font file's bytes."""
    digest = getattr(font, "_ials_digest", None)
    if digest is None:
        h = hashlib.sha256()
        try:  # the file itself: ReportLab keeps its bytes in memory only for a while
            with open(font.face.filename, "rb") as f:
                h.update(f.read())
        except (OSError, TypeError, AttributeError):
            h.update(getattr(font.face, "name", b"") or b"")
        digest = font._ials_digest = "F" + h.hexdigest()[:10].upper()
    return digest


def _named_subset(self, subset: int, doc) -> str:
    state = self.state.get(doc)
    if state is None:
        state = self.state[doc] = _ttfonts.TTFont.State(self._asciiReadable)
    if state.internalName is None:
        base = name = font_resource_name(self)
        taken = set(doc.fontMapping.values())
        n = 2
        while "/" + name in taken:
            name, n = f"{base}_{n}", n + 1
        state.internalName = name
        doc.fontMapping[self.fontName] = "/" + name
        doc.delayedFonts.append(self)
    return _subset_name(self, subset, doc)


if not getattr(_ttfonts.TTFont.getSubsetInternalName, "_ials", False):
    _named_subset._ials = True  # type: ignore[attr-defined]
    _ttfonts.TTFont.getSubsetInternalName = _named_subset

"""Embed an image file under a name made from its bytes, never from where it lies on disk.

ReportLab names an image XObject after the file name it was given, so the same picture read from
another cache folder or checkout became another resource name and the PDF another file. Here the
name is the SHA-256 of the file's content: same pixels, same bytes, wherever the build runs.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

from reportlab.pdfbase import pdfdoc
from reportlab.pdfgen.canvas import Canvas


@lru_cache(maxsize=512)
def content_name(path: Path, size: int, mtime_ns: int) -> str:
    """The resource name of an image file: the first 32 hex digits of its SHA-256."""
    h = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return "Im" + h.hexdigest()[:32]


def draw_image(c: Canvas, path: Path, x: float, y: float, w: float, h: float) -> str:
    """Draw the image file at ``path`` into the box, as one XObject per distinct content; returns the
    resource name the page uses for it."""
    st = path.stat()
    name = content_name(path, st.st_size, st.st_mtime_ns)
    doc = c._doc
    reg = doc.getXObjectName(name)
    if doc.idToObject.get(reg) is None:
        obj = pdfdoc.PDFImageXObject(name, str(path))
        c._setXObjects(obj)
        doc.Reference(obj, reg)
        doc.addForm(name, obj)
    c._currentPageHasImages = 1
    c.saveState()
    c.translate(x, y)
    c.scale(w, h)
    c._code.append(f"/{reg} Do")
    c.restoreState()
    c._formsinuse.append(name)
    return reg

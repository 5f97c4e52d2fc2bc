"""One PDF from the sections' PDFs (pikepdf, i.e. qpdf): pages in flatplan order, nothing decoded or
encoded again, each font subset and image written once, bookmarks and page labels for the whole.

Sections are laid out each on a canvas of its own (so each can be cached and made in parallel);
their fonts' subset tags and their images' resource names come from content (``rl_patches``,
``images.embed``), so the same subset or picture in two sections is recognised by name and shared.
"""

from __future__ import annotations

import hashlib
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ials_print.manifest.model import Section
from ials_print.output.keys import engine_fingerprint

if TYPE_CHECKING:  # pikepdf is imported where pages are put together: a one-section preview never does
    import pikepdf


@dataclass(frozen=True)
class Part:
    """One section's pages: its PDF (a file, or bytes when the cache is not used)."""

    section: Section
    source: Path | bytes
    digest: str  # the SHA-256 of the source's bytes

    def open(self) -> pikepdf.Pdf:
        import pikepdf

        source = io.BytesIO(self.source) if isinstance(self.source, bytes) else self.source
        return pikepdf.open(source, access_mode=pikepdf.AccessMode.stream)


@dataclass(frozen=True)
class Meta:
    """The document information of an assembled file (PDF/X finishing replaces it with its own)."""

    title: str
    author: str
    subject: str


_CONTENT_NAMED = re.compile(r"/(FormXob\.)?Im[0-9a-f]{32}")  # images.embed.content_name, as ReportLab writes it


def _is_content_named_image(name: str, obj: pikepdf.Object) -> bool:
    from pikepdf import Name

    return _CONTENT_NAMED.fullmatch(name) is not None and obj.get("/Subtype") == Name.Image


def _share(pdf: pikepdf.Pdf) -> None:
    """Point every page's fonts and images at one object per subset tag and per image content."""
    fonts: dict[str, pikepdf.Object] = {}
    images: dict[str, pikepdf.Object] = {}
    for page in pdf.pages:
        resources = page.obj.get("/Resources")
        if resources is None:
            continue
        for kind, seen in (("/Font", fonts), ("/XObject", images)):
            table = resources.get(kind)
            if table is None:
                continue
            for name in list(table.keys()):
                obj = table[name]
                if kind == "/Font":
                    base = obj.get("/BaseFont")
                    if base is None or "+" not in str(base):  # only subsets carry a content-made tag
                        continue
                    key = f"{name}{base}"
                elif _is_content_named_image(name, obj):
                    key = name
                else:
                    continue
                if key in seen:
                    table[name] = seen[key]
                else:
                    seen[key] = obj


def _lay_over(pdf: pikepdf.Pdf, page: pikepdf.Page, layer: pikepdf.Page) -> None:
    """Draw ``layer`` (a page of the same media size) over ``page``, under a fixed name (pikepdf's own
    overlay names its form at random, and the file would differ between two builds)."""
    from pikepdf import Dictionary

    form = pdf.copy_foreign(layer.as_form_xobject())
    resources = page.obj.get("/Resources")
    if resources is None:
        page.obj.Resources = resources = Dictionary()
    xobjects = resources.get("/XObject")
    names = dict(xobjects.items()) if xobjects is not None else {}
    names["/Layer"] = form
    resources.XObject = Dictionary(names)
    # The page's own drawing is closed in q … Q: what it leaves in the graphics state stays there.
    page.contents_add(pdf.make_stream(b"q\n"), prepend=True)
    page.contents_add(pdf.make_stream(b"\nQ q /Layer Do Q\n"))


def _page_labels(folios: Sequence[int]) -> pikepdf.Array:
    """Labels that follow the folios: a new range wherever a page's folio is not the last one's + 1."""
    import pikepdf
    from pikepdf import Dictionary, Name

    nums: list = []
    for index, folio in enumerate(folios):
        if index == 0 or folio != folios[index - 1] + 1:
            nums += [index, Dictionary(S=Name.D, St=folio)]
    return pikepdf.Array(nums)


def _outline(pdf: pikepdf.Pdf, parts: Sequence[Part]) -> None:
    """Bookmarks: a rubric on its first section's page with its sections under it (closed); other
    sections at the top level."""
    import pikepdf

    with pdf.open_outline() as outline:
        index, rubric, under = 0, None, None
        for part in parts:
            s = part.section
            if s.rubric and s.rubric != rubric:
                under = pikepdf.OutlineItem(s.rubric, index)
                outline.root.append(under)
            rubric = s.rubric
            item = pikepdf.OutlineItem(s.title, index)
            (under.children if rubric and under is not None else outline.root).append(item)
            index += s.pages


def assembly_id(parts: Sequence[Part], meta: Meta, folios=None, overlay: bytes | None = None, outline=True) -> bytes:
    """A digest standing for what :func:`assemble` writes from these inputs (the same inputs, the same
    bytes: qpdf is deterministic), without reading the file it writes again."""
    import pikepdf

    h = hashlib.sha256(f"pikepdf {pikepdf.__version__} qpdf {pikepdf.__libqpdf_version__}\n".encode())
    h.update(engine_fingerprint().encode())
    h.update(repr((meta, list(folios) if folios is not None else None, outline)).encode())
    for part in parts:
        h.update(f"{part.section.id} {part.section.first_page} {part.section.pages} {part.digest}\n".encode())
        h.update(repr((part.section.title, part.section.rubric)).encode())
    h.update(hashlib.sha256(overlay).digest() if overlay is not None else b"-")
    return h.digest()


def assemble(
    parts: Sequence[Part],
    meta: Meta,
    folios: Sequence[int] | None = None,
    overlay: bytes | None = None,
    outline: bool = True,
) -> bytes:
    """The parts' pages as one PDF: all of them in order, or only ``folios`` in that order.

    ``overlay``: a PDF with one page per output page, drawn over it (a proof's slug line, which
    changes with every proof while the cached pages underneath do not).
    """
    import pikepdf
    from pikepdf import Dictionary, Name

    out = pikepdf.new()
    sources = [part.open() for part in parts]
    try:
        by_folio = {}
        for part, src in zip(parts, sources, strict=True):
            for n in range(part.section.pages):
                by_folio[part.section.first_page + n] = (src, n)
        order = list(folios) if folios is not None else list(by_folio)
        out.pages.extend(by_folio[f][0].pages[by_folio[f][1]] for f in order)
        _share(out)
        if overlay is not None:
            with pikepdf.open(io.BytesIO(overlay)) as stamps:
                for page, stamp in zip(out.pages, stamps.pages, strict=True):
                    _lay_over(out, page, stamp)
        out.Root.PageLabels = Dictionary(Nums=_page_labels(order))
        if outline and folios is None:
            _outline(out, parts)
            out.Root.PageMode = Name.UseOutlines
        out.docinfo = out.make_indirect(
            Dictionary(
                Title=meta.title, Author=meta.author, Subject=meta.subject, Creator="ials-print", Producer="ials-print"
            )
        )
        buf = io.BytesIO()
        # Classic cross-reference table and streams untouched: the PDF/X finishing copies objects by offset.
        out.save(
            buf,
            static_id=True,
            object_stream_mode=pikepdf.ObjectStreamMode.disable,
            stream_decode_level=pikepdf.StreamDecodeLevel.none,
            compress_streams=False,
        )
        return buf.getvalue()
    finally:
        out.close()
        for src in sources:
            src.close()

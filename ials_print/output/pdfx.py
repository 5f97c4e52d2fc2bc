"""PDF/X-4 finishing of ReportLab's output.

ReportLab writes no output intent, no XMP and no PDF/X keys in Info; this adds what a printer's
preflight reads: header 1.6, /OutputIntents with the ICC profile, Info keys (/Trapped as a name),
an XMP packet with the PDF/X identification, and a stable trailer /ID (same inputs, same bytes),
all written in one pass with one cross-reference section.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import uuid
import zlib
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class OutputIntent:
    """The printing condition the file is made for (FOGRA39 by default)."""

    identifier: str
    info: str
    registry: str
    profile: Path


@dataclass(frozen=True)
class DocumentInfo:
    title: str
    author: str
    subject: str
    date: dt.datetime  # creation = modification: the build is reproducible


def pdf_date(d: dt.datetime) -> str:
    return d.strftime("D:%Y%m%d%H%M%S+00'00'")


PROV_NS = "https://ials-print.dev/ns/provenance/1.0/"  # the engine's own XMP schema
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def escape(text: str) -> str:
    """Text for an XMP packet: XML-escaped, characters XML cannot hold removed."""
    text = _NOT_XML.sub("", text)
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")  # as xml.sax.saxutils does


@dataclass(frozen=True)
class PageLabel:
    """The machine-readable provenance of one page."""

    pictogram: str  # as printed: "100% IA", "IA / Humain", "100% Humain"
    kind: str  # ia | mixte | humain
    reason: str
    visuals: tuple[tuple[str, str, str | None, str | None], ...]  # (visual id, IPTC term, tool, C2PA state)
    texts: tuple[tuple[str, str, str | None], ...] = ()  # (text id: section or block, ia|mixte|humain, tool)
    section: str = ""  # the section's id in the manifest
    resources: tuple[tuple[str, str], ...] = ()  # (visual id, image resource name on the page)


def page_xmp(label: PageLabel) -> bytes:
    """A page-level XMP packet naming the page's section, its pictogram and each visual's source type,
    tool and image resources (so a preflight finding can name the visual, not a PDF object)."""
    names: dict[str, list[str]] = {}
    for vid, resource in label.resources:
        names.setdefault(vid, []).append(resource)
    items = "".join(
        f'<rdf:li rdf:parseType="Resource"><dc:identifier>{escape(vid)}</dc:identifier>'
        f"<Iptc4xmpExt:DigitalSourceType>http://cv.iptc.org/newscodes/digitalsourcetype/{term}"
        f"</Iptc4xmpExt:DigitalSourceType>"
        + (f"<xmp:CreatorTool>{escape(tool)}</xmp:CreatorTool>" if tool else "")
        + (f"<aiprov:C2PA>{c2pa}</aiprov:C2PA>" if c2pa else "")
        + "".join(f"<aiprov:Resource>{escape(r)}</aiprov:Resource>" for r in names.get(vid, ()))
        + "</rdf:li>"
        for vid, term, tool, c2pa in label.visuals
    )
    section = f"<aiprov:Section>{escape(label.section)}</aiprov:Section>" if label.section else ""
    visuals = f"<aiprov:Visuals><rdf:Bag>{items}</rdf:Bag></aiprov:Visuals>" if items else ""
    texts = "".join(
        f'<rdf:li rdf:parseType="Resource"><dc:identifier>{escape(ident)}</dc:identifier>'
        f"<aiprov:Provenance>{kind}</aiprov:Provenance>"
        + (f"<xmp:CreatorTool>{escape(tool)}</xmp:CreatorTool>" if tool else "")
        + "</rdf:li>"
        for ident, kind, tool in label.texts
    )
    if texts:
        visuals += f"<aiprov:Texts><rdf:Bag>{texts}</rdf:Bag></aiprov:Texts>"
    return (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>\n<x:xmpmeta xmlns:x="adobe:ns:meta/">'
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about=""'
        f' xmlns:aiprov="{PROV_NS}" xmlns:dc="http://purl.org/dc/elements/1.1/"'
        ' xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:Iptc4xmpExt="http://iptc.org/std/Iptc4xmpExt/2008-02-29/">'
        f"<aiprov:Pictogram>{escape(label.pictogram)}</aiprov:Pictogram><aiprov:PictogramKind>{label.kind}</aiprov:PictogramKind>"
        f"<aiprov:Reason>{escape(label.reason)}</aiprov:Reason>{section}{visuals}"
        '</rdf:Description></rdf:RDF></x:xmpmeta>\n<?xpacket end="w"?>'
    ).encode()


def xmp_packet(info: DocumentInfo, document_id: str, version_id: str, summary: dict[str, int] | None = None) -> bytes:
    iso = info.date.strftime("%Y-%m-%dT%H:%M:%S+00:00")
    title = escape(info.title)
    return f"""<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:xmp="http://ns.adobe.com/xap/1.0/"
    xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/"
    xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
    xmlns:pdfxid="http://www.npes.org/pdfx/ns/id/"
    xmlns:aiprov="{PROV_NS}">
   <dc:format>application/pdf</dc:format>
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">{title}</rdf:li></rdf:Alt></dc:title>
   <dc:creator><rdf:Seq><rdf:li>{escape(info.author)}</rdf:li></rdf:Seq></dc:creator>
   <xmp:CreateDate>{iso}</xmp:CreateDate>
   <xmp:ModifyDate>{iso}</xmp:ModifyDate>
   <xmp:MetadataDate>{iso}</xmp:MetadataDate>
   <xmp:CreatorTool>ials-print</xmp:CreatorTool>
   <xmpMM:DocumentID>uuid:{document_id}</xmpMM:DocumentID>
   <xmpMM:InstanceID>uuid:{version_id}</xmpMM:InstanceID>
   <xmpMM:VersionID>1</xmpMM:VersionID>
   <xmpMM:RenditionClass>default</xmpMM:RenditionClass>
   <pdf:Producer>ials-print (ReportLab)</pdf:Producer>
   <pdf:Trapped>False</pdf:Trapped>
   <pdfxid:GTS_PDFXVersion>PDF/X-4</pdfxid:GTS_PDFXVersion>{_summary(summary)}
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>""".encode()


def _summary(summary: dict[str, int] | None) -> str:
    """The issue's provenance in the document XMP: pages per pictogram."""
    if not summary:
        return ""
    return (
        f"\n   <aiprov:PagesIA>{summary.get('ia', 0)}</aiprov:PagesIA>"
        f"\n   <aiprov:PagesIAHumain>{summary.get('mixte', 0)}</aiprov:PagesIAHumain>"
        f"\n   <aiprov:PagesHumain>{summary.get('humain', 0)}</aiprov:PagesHumain>"
    )


def _metadata_stream(packet: bytes) -> bytes:
    """An uncompressed XMP metadata stream, as preflight tools prefer."""
    return b"<< /Type /Metadata /Subtype /XML /Length %d >>\nstream\n" % len(packet) + packet + b"\nendstream"


def _xref_offsets(pdf: bytes, at: int) -> dict[int, int]:
    """Object offsets from the classic cross-reference table ReportLab writes at ``at``."""
    lines = iter(pdf[at:].split(b"\n"))
    if next(lines).strip() != b"xref":
        raise ValueError("expected a cross-reference table (xref)")
    offsets: dict[int, int] = {}
    for line in lines:
        parts = line.split()
        if not parts or parts[0] == b"trailer":
            break
        first, count = int(parts[0]), int(parts[1])
        for num in range(first, first + count):
            entry = next(lines).split()
            if entry[2] == b"n":
                offsets[num] = int(entry[0])
    return offsets


def _object(pdf: bytes, num: int, offsets: dict[int, int]) -> bytes:
    """The text of object ``num``, found through the cross-reference table (never by searching)."""
    start = offsets[num]
    return pdf[start : pdf.index(b"endobj", start)]


def _pdf_string(text: str) -> bytes:
    """A PDF text string: UTF-16BE with BOM when not plain ASCII."""
    if text.isascii():
        return b"(" + text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)").encode() + b")"
    return b"<feff" + text.encode("utf-16-be").hex().encode() + b">"


Pieces = list[bytes | memoryview]  # a file as consecutive pieces: written one after the other, never joined


def finish_pdfx(
    pdf: bytes,
    info: DocumentInfo,
    intent: OutputIntent,
    labels: list[PageLabel] | None = None,
    content: bytes | None = None,
) -> bytes:
    """:func:`finish_pdfx_pieces`, joined."""
    return b"".join(finish_pdfx_pieces(pdf, info, intent, labels, content))


def finish_pdfx_pieces(
    pdf: bytes,
    info: DocumentInfo,
    intent: OutputIntent,
    labels: list[PageLabel] | None = None,
    content: bytes | None = None,
    first_folio: int | None = None,
) -> Pieces:
    """Return ``pdf`` made PDF/X-4 (output intent, Info, XMP, /ID, version 1.6), as pieces: most are
    slices of ``pdf`` itself, so a 100 MB file is not copied in memory before it is written.

    Written in one pass (no incremental update): ReportLab's objects are copied by their offsets
    and the changed ones replaced, so a 100 MB issue is never parsed again. The trailer /ID's first
    element comes from the document's identity (its title), the second from the content: ``content``,
    a digest standing for ``pdf`` when the caller knows one (:func:`assemble.assembly_id`), else the
    SHA-256 of ``pdf`` itself. ``first_folio``: page labels counting from it, for a file that has none
    (one section as ReportLab wrote it).
    """
    if not pdf.startswith(b"%PDF-1."):
        raise ValueError("not a PDF")
    tail = pdf[pdf.rindex(b"trailer") :]  # the last trailer: the one that counts
    root = int(re.search(rb"/Root (\d+) 0 R", tail).group(1))
    info_num = int(re.search(rb"/Info (\d+) 0 R", tail).group(1))
    size = int(re.search(rb"/Size (\d+)", tail).group(1))
    prev = int(re.search(rb"startxref\s+(\d+)", tail).group(1))
    offsets = _xref_offsets(pdf, prev)
    body = _object(pdf, root, offsets)
    catalog = body[body.index(b"<<") + 2 : body.rindex(b">>")]

    # The content's fingerprint: the pages as ReportLab wrote them and what finishing adds to them.
    fingerprint = hashlib.sha256(content if content is not None else pdf)
    fingerprint.update(repr((info, intent.identifier, intent.info, intent.registry, labels, first_folio)).encode())
    fingerprint.update(hashlib.sha256(intent.profile.read_bytes()).digest())
    digest = fingerprint.digest()
    document_id = str(uuid.UUID(bytes=hashlib.sha256(info.title.encode()).digest()[:16]))
    version_id = str(uuid.UUID(bytes=digest[:16]))
    icc_num, intent_num, xmp_num = size, size + 1, size + 2
    icc = zlib.compress(intent.profile.read_bytes(), 6)  # level 9 takes 6× longer for 0.6 % less
    labels = labels or []
    summary = {k: sum(1 for lab in labels if lab.kind == k) for k in ("ia", "mixte", "humain")} if labels else None
    xmp = xmp_packet(info, document_id, version_id, summary)
    stamp = _pdf_string(pdf_date(info.date))
    if first_folio is not None and b"/PageLabels" not in catalog:
        catalog += b" /PageLabels << /Nums [0 << /S /D /St %d >>] >>" % first_folio
    objects = {
        root: b"<<" + catalog + b" /OutputIntents [%d 0 R] /Metadata %d 0 R >>" % (intent_num, xmp_num),
        info_num: b"<< /Title "
        + _pdf_string(info.title)
        + b" /Author "
        + _pdf_string(info.author)
        + b" /Subject "
        + _pdf_string(info.subject)
        + b" /Creator (ials-print) /Producer (ials-print \\(ReportLab\\))"
        + b" /CreationDate "
        + stamp
        + b" /ModDate "
        + stamp
        + b" /Trapped /False /GTS_PDFXVersion (PDF/X-4) >>",
        icc_num: b"<< /N 4 /Filter /FlateDecode /Length %d >>\nstream\n" % len(icc) + icc + b"\nendstream",
        intent_num: b"<< /Type /OutputIntent /S /GTS_PDFX /OutputConditionIdentifier "
        + _pdf_string(intent.identifier)
        + b" /OutputCondition "
        + _pdf_string(intent.info)
        + b" /RegistryName "
        + _pdf_string(intent.registry)
        + b" /Info "
        + _pdf_string(intent.info)
        + b" /DestOutputProfile %d 0 R >>" % icc_num,
        xmp_num: _metadata_stream(xmp),
    }
    # Page-level XMP: each page object gets a /Metadata stream naming its pictogram.
    pages_num = int(re.search(rb"/Pages (\d+) 0 R", catalog).group(1))
    kids_text = _object(pdf, pages_num, offsets).split(b"/Kids", 1)[1].split(b"]", 1)[0]
    kids = [int(k) for k in re.findall(rb"(\d+) 0 R", kids_text)]
    if labels and len(kids) != len(labels):
        raise ValueError(f"{len(kids)} pages in the PDF but {len(labels)} provenance labels")
    next_num = xmp_num + 1
    for page_num, label in zip(kids, labels, strict=False):
        page = _object(pdf, page_num, offsets)
        body_dict = page[page.index(b"<<") : page.rindex(b">>")]
        objects[page_num] = body_dict + b" /Metadata %d 0 R >>" % next_num
        packet = page_xmp(label)
        objects[next_num] = _metadata_stream(packet)
        next_num += 1
    first_id = uuid.UUID(document_id).bytes.hex().encode()  # the document's own: never changes
    return _write_once(pdf, offsets, prev, objects, next_num, root, info_num, first_id, digest[:16].hex().encode())


def _write_once(
    pdf: bytes,
    offsets: dict[int, int],
    xref_at: int,
    objects: dict[int, bytes],
    size: int,
    root: int,
    info_num: int,
    first_id: bytes,
    second_id: bytes,
) -> Pieces:
    """The whole file written anew: ReportLab's objects copied byte for byte (by their offsets, never by
    searching), the replaced and added ones in their place, one cross-reference section, one trailer."""
    spans: dict[int, tuple[int, int]] = {}
    ordered = sorted(offsets.items(), key=lambda kv: kv[1])
    for (num, start), (_, end) in zip(ordered, [*ordered[1:], (0, xref_at)], strict=True):
        spans[num] = (start, end)
    head_end = ordered[0][1] if ordered else xref_at
    view = memoryview(pdf)
    # The file as a list of pieces joined once: slices of ReportLab's bytes are not copied until then.
    pieces: Pieces = [b"%PDF-1.6", view[8:head_end]]  # ReportLab's binary comment line kept
    at = head_end
    new_offsets: list[int] = []
    for num in range(1, size):
        new_offsets.append(at)
        if num in objects:
            piece: bytes | memoryview = b"%d 0 obj\n" % num + objects[num] + b"\nendobj\n"
        elif num in spans:
            a, b = spans[num]
            piece = view[a:b]
        else:
            raise ValueError(f"object {num} is missing from the cross-reference table")
        pieces.append(piece)
        at += len(piece)
    xref = at
    pieces.append(b"xref\n0 %d\n0000000000 65535 f \n" % size)
    pieces.append(b"".join(b"%010d 00000 n \n" % o for o in new_offsets))
    pieces.append(
        b"trailer\n<< /Size %d /Root %d 0 R /Info %d 0 R /ID [<%s><%s>] >>\n"
        % (size, root, info_num, first_id, second_id)
    )
    pieces.append(b"startxref\n%d\n%%%%EOF\n" % xref)
    return pieces

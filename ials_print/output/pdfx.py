"""PDF/X-4 finishing of ReportLab's output, with pypdf.

ReportLab writes no output intent or XMP and sets the string "False" for /Trapped; this adds what
a printer's preflight reads: header 1.6, /OutputIntents with the ICC profile, Info keys, an XMP
packet with the PDF/X identification, and a stable trailer /ID (same inputs, same bytes).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import uuid
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

from pypdf import PdfReader, PdfWriter
from pypdf.generic import (
    ArrayObject,
    ByteStringObject,
    DictionaryObject,
    NameObject,
    NumberObject,
    StreamObject,
    TextStringObject,
)


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


def xmp_packet(info: DocumentInfo, document_id: str, version_id: str) -> bytes:
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
    xmlns:pdfxid="http://www.npes.org/pdfx/ns/id/">
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
   <pdf:Producer>ials-print (ReportLab, pypdf)</pdf:Producer>
   <pdf:Trapped>False</pdf:Trapped>
   <pdfxid:GTS_PDFXVersion>PDF/X-4</pdfxid:GTS_PDFXVersion>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>""".encode()


def finish_pdfx(pdf: bytes, info: DocumentInfo, intent: OutputIntent) -> bytes:
    """Return ``pdf`` made PDF/X-4: output intent, Info, XMP, /ID, version 1.6."""
    digest = hashlib.sha256(pdf).digest()
    # DocumentID names the publication (stable across versions); the instance follows the content.
    document_id = str(uuid.UUID(bytes=hashlib.sha256(info.title.encode()).digest()[:16]))
    version_id = str(uuid.UUID(bytes=digest[:16]))
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    writer.pdf_header = b"%PDF-1.6"

    icc = StreamObject()
    icc.set_data(intent.profile.read_bytes())
    icc[NameObject("/N")] = NumberObject(4)
    icc.flate_encode()
    intent_dict = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/OutputIntent"),
            NameObject("/S"): NameObject("/GTS_PDFX"),
            NameObject("/OutputConditionIdentifier"): TextStringObject(intent.identifier),
            NameObject("/OutputCondition"): TextStringObject(intent.info),
            NameObject("/RegistryName"): TextStringObject(intent.registry),
            NameObject("/Info"): TextStringObject(intent.info),
            NameObject("/DestOutputProfile"): writer._add_object(icc),
        }
    )
    root = writer._root_object
    root[NameObject("/OutputIntents")] = ArrayObject([writer._add_object(intent_dict)])

    xmp = StreamObject()  # uncompressed, as preflight tools prefer
    xmp.set_data(xmp_packet(info, document_id, version_id))
    xmp[NameObject("/Type")] = NameObject("/Metadata")
    xmp[NameObject("/Subtype")] = NameObject("/XML")
    root[NameObject("/Metadata")] = writer._add_object(xmp)

    stamp = TextStringObject(pdf_date(info.date))
    writer._info = writer._add_object(
        DictionaryObject(
            {
                NameObject("/Title"): TextStringObject(info.title),
                NameObject("/Author"): TextStringObject(info.author),
                NameObject("/Subject"): TextStringObject(info.subject),
                NameObject("/Creator"): TextStringObject("ials-print"),
                NameObject("/Producer"): TextStringObject("ials-print (ReportLab, pypdf)"),
                NameObject("/CreationDate"): stamp,
                NameObject("/ModDate"): stamp,
                NameObject("/Trapped"): NameObject("/False"),
                NameObject("/GTS_PDFXVersion"): TextStringObject("PDF/X-4"),
            }
        )
    )
    file_id = ByteStringObject(digest[:16])
    writer._ID = ArrayObject([file_id, file_id])
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()

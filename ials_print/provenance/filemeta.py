"""What an image file says about how it was made.

Read, in this order: the file's C2PA manifest, validated by the C2PA SDK (``c2pa_read``; only an
intact one counts: a tampered or malformed manifest is reported and never used as evidence), the IPTC
Digital Source Type in the file's XMP (JPEG APP1, PNG iTXt), and the text chunks image generators
write into PNGs (AUTOMATIC1111's ``parameters``, ComfyUI's ``prompt`` and ``workflow``, a
``Software`` naming a generator).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ials_print.provenance.c2pa_read import C2paManifest, read_c2pa

if TYPE_CHECKING:
    from PIL import Image

IPTC_NS = "http://cv.iptc.org/newscodes/digitalsourcetype/"

# IPTC Digital Source Type → the magazine's three kinds.
SOURCE_TYPES: dict[str, str] = {
    "trainedAlgorithmicMedia": "ia",
    "algorithmicMedia": "ia",
    "compositeSynthetic": "ia",
    "compositeWithTrainedAlgorithmicMedia": "mixte",
    "algorithmicallyEnhanced": "mixte",
    "digitalCapture": "humain",
    "computationalCapture": "humain",
    "negativeFilm": "humain",
    "positiveFilm": "humain",
    "print": "humain",
    "minorHumanEdits": "humain",
    "humanEdits": "humain",
    "compositeCapture": "humain",
    "digitalArt": "humain",
    "virtualRecording": "humain",
    "screenCapture": "humain",
}

GENERATORS = (
    "midjourney",
    "dall-e",
    "dall·e",
    "stable diffusion",
    "leonardo",
    "firefly",
    "comfyui",
    "automatic1111",
    "flux",
    "ideogram",
    "imagen",
)

_DST = re.compile(
    r"DigitalSourceType(?:\s*=\s*[\"']|>\s*|[^>]{0,2000}?rdf:resource=[\"'])\s*(?:"  # bounded: linear time
    + re.escape(IPTC_NS)
    + r")?([A-Za-z]+)"
)


@dataclass(frozen=True)
class FileProvenance:
    """The file's own claim: a kind (or None when it says nothing) and where it was read."""

    kind: str | None
    source_type: str | None  # the IPTC term, when there is one
    tool: str | None
    evidence: str  # readable: "IPTC DigitalSourceType trainedAlgorithmicMedia (XMP)"
    c2pa: bool = False  # the file carries C2PA data
    c2pa_manifest: C2paManifest | None = None  # what the SDK made of it (valid, tampered…)


def _xmp_of(im: Image.Image) -> str:
    for key in ("xmp", "XML:com.adobe.xmp"):
        value = im.info.get(key)
        if value:
            return value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)
    return ""


def _head(path: Path) -> bytes:
    with path.open("rb") as f:
        return f.read(4 << 20)  # C2PA manifests sit near the start (JPEG APP11, PNG caBX)


def _has_c2pa(head: bytes) -> bool:
    return b"c2pa" in head and (b"jumb" in head or b"caBX" in head)


def read_file_provenance(path: Path, trust_anchors: str | None = None) -> FileProvenance:
    """What ``path`` says about its making; ``kind`` is None when it says nothing useful.

    ``trust_anchors``: PEM certificates trusted to sign C2PA manifests (see ``c2pa_read``).
    """
    from PIL import Image  # imported when a file is read, not when its facts are cached

    with Image.open(path) as im:
        xmp = _xmp_of(im)
        text = {k: v for k, v in im.info.items() if isinstance(v, str) and k not in ("XML:com.adobe.xmp",)}
    c2pa = _has_c2pa(_head(path))
    manifest = read_c2pa(path, trust_anchors) if c2pa else None
    if manifest is not None and manifest.is_evidence and manifest.source_type in SOURCE_TYPES:
        term = manifest.source_type
        return FileProvenance(SOURCE_TYPES[term], term, manifest.tool, manifest.describe(), True, manifest)
    other = _metadata_claim(xmp, text)
    if other is not None:
        return FileProvenance(other.kind, other.source_type, other.tool, other.evidence, c2pa, manifest)
    if manifest is not None:
        return FileProvenance(None, None, None, manifest.describe(), True, manifest)
    return FileProvenance(None, None, None, "no provenance metadata", c2pa)


def _metadata_claim(xmp: str, text: dict[str, str]) -> FileProvenance | None:
    """The claim of the file's XMP or PNG text chunks, if any."""
    m = _DST.search(xmp)
    if m and m.group(1) in SOURCE_TYPES:
        tool = _tool_in(xmp)
        return FileProvenance(SOURCE_TYPES[m.group(1)], m.group(1), tool, f"IPTC DigitalSourceType {m.group(1)} (XMP)")
    if "parameters" in text:
        model = re.search(r"Model: ([^,\n]+)", text["parameters"])
        tool = f"Stable Diffusion ({model.group(1).strip()})" if model else "Stable Diffusion"
        return FileProvenance("ia", None, tool, "PNG text chunk 'parameters' (AUTOMATIC1111)")
    if "prompt" in text or "workflow" in text:
        return FileProvenance("ia", None, "ComfyUI", "PNG text chunk 'prompt'/'workflow' (ComfyUI)")
    software = " ".join(str(text.get(k, "")) for k in ("Software", "software")).lower()
    for name in GENERATORS:  # a generator named as the software that wrote the file, as a whole word
        if re.search(rf"(?<![\w.-]){re.escape(name)}(?![\w-])", software):
            return FileProvenance("ia", None, name.title(), f"the file's Software field names a generator ({name})")
    return None


def _tool_in(xmp: str) -> str | None:
    m = re.search(r"(?:xmp:CreatorTool|softwareAgent)[^>]{0,2000}>([^<]{1,2000})<", xmp) or re.search(
        r"(?:xmp:CreatorTool|stEvt:softwareAgent)=[\"']([^\"']+)", xmp
    )
    return m.group(1).strip() if m else None


def xmp_with_source_type(term: str, tool: str | None = None) -> bytes:
    """A minimal XMP packet declaring an IPTC Digital Source Type (for tests and for tagging stand-ins)."""
    tool_xml = f"<xmp:CreatorTool>{tool}</xmp:CreatorTool>" if tool else ""
    return (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        '<rdf:Description rdf:about="" xmlns:Iptc4xmpExt="http://iptc.org/std/Iptc4xmpExt/2008-02-29/"'
        ' xmlns:xmp="http://ns.adobe.com/xap/1.0/">'
        f"<Iptc4xmpExt:DigitalSourceType>{IPTC_NS}{term}</Iptc4xmpExt:DigitalSourceType>{tool_xml}"
        '</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>'
    ).encode()

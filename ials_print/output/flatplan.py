"""The chemin de fer: the whole issue as thumbnails in spreads, with section, pictogram and problems.

One picture for the wall (PNG) and the same as a PDF page. Each page carries its folio, its
section and pictogram, and a red frame with the reason when something is wrong: overset, underset,
an image under the manifest's `warn_ppi`, a preflight error. The problems come from a final render
and its preflight; the thumbnails from a proof render, cached page by page (:mod:`.thumbs`).
"""

from __future__ import annotations

import hashlib
import io
import json
import re
import tempfile
from collections import defaultdict
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from ials_print.layout.plans import PagePlan
from ials_print.manifest.load import Issue
from ials_print.output.atomic import digest, write_atomic
from ials_print.output.build import BuildResult, output_intent, ppi_policy, render
from ials_print.output.commit import OutputSet, put
from ials_print.output.keys import file_digest
from ials_print.output.modes import final_mode
from ials_print.output.thumbs import THUMB_H, ThumbCache, page_thumbnails, thumbnail_keys
from ials_print.preflight.checks import preflight
from ials_print.preflight.scan_cache import ScanCache
from ials_print.provenance.labels import LABELS

SPREADS_PER_ROW = 6
RED, ORANGE, GREY, INK = (220, 40, 40), (240, 140, 20), (150, 150, 150), (20, 20, 20)
FIT = "fit: "  # copyfitting flags (orange): the page prints, but no art director would sign it


def page_problems(issue: Issue, result: BuildResult, pdf_path: Path) -> dict[int, list[str]]:
    """Problems by folio, from the layout, the placed images and the preflight."""
    problems: dict[int, list[str]] = defaultdict(list)
    for section in result.sections:
        last = section.pages[-1].folio if section.pages else 0
        for e in section.errors:
            if e.startswith("overset"):
                problems[last].append("overset")
            else:
                folios = re.findall(r"page (\d+)", e)
                problems[int(folios[0]) if folios else last].append("layout error")
        for w in section.warnings:
            m = re.search(r"underset in section .*: page (\d+)", w)
            if m:
                problems[int(m.group(1))].append("underset")
        for plan in section.pages:
            problems[plan.folio] += [FIT + _short(flag) for flag in plan.fit_flags]
    policy = ppi_policy(issue)
    for im in result.images:
        if policy.level(im.ppi):
            problems[im.folio].append(f"{im.visual_id} {im.ppi:.0f} ppi")
    # The same bytes as the build's issue PDF: its report is known when the issue was built unchanged.
    scans = ScanCache.default(reports=True)
    report = preflight(pdf_path, issue.manifest.format.binding, ppi=policy, scans=scans, digest=result.sha256 or None)
    folios = [p.folio for p in result.pages]
    for f in report.errors:
        if f.page:
            problems[folios[f.page - 1]].append(f"preflight: {f.check}")
    return problems


def _short(flag: str) -> str:
    """A copyfitting flag in a word or two, for the thumbnail's label."""
    if flag.startswith("underfilled"):
        return "underfilled " + flag.split(": ")[1].split(" ")[0]
    return "empty column" if flag.startswith("column") else "hole" if flag.startswith("hole") else flag[:20]


def _font_file(issue: Issue) -> Path | None:
    """The issue's own sans bold (else regular), in its fonts folder."""
    sans = issue.manifest.fonts.get("sans")
    name = (sans.bold or sans.regular) if sans else None
    return issue.fonts_dir / name if name else None


def _font(issue: Issue, size: int) -> ImageFont.ImageFont:
    """The issue's own sans bold, else Pillow's default."""
    path = _font_file(issue)
    try:
        return ImageFont.truetype(str(path), size) if path else ImageFont.load_default(size)
    except OSError:
        return ImageFont.load_default(size)


def _sheet_key(issue: Issue, pages: list[PagePlan], keys: dict[int, str], problems: dict[int, list[str]]) -> str | None:
    """What the whole sheet shows: every thumbnail's key (the engine's source and Pillow's version
    among them), the labels, the problems, the title and its font; None if a page has no key."""
    if any(p.folio not in keys for p in pages):
        return None
    m = issue.manifest
    font = _font_file(issue)
    parts = {
        "thumbs": [keys[p.folio] for p in pages],
        "labels": [(p.folio, p.section_id, p.pictogram) for p in pages],
        "problems": {str(f): flags for f, flags in sorted(problems.items()) if flags},
        "title": (m.issue.title, m.issue.number, m.page_count),
        "font": file_digest(font) if font else None,
    }
    return hashlib.sha256(json.dumps(parts, sort_keys=True, default=str).encode()).hexdigest()


def make_flatplan(
    issue: Issue, out: Path, outputs: OutputSet | None = None, thumbs: ThumbCache | None = None
) -> tuple[Path, Path, int]:
    """Render the issue, check it, and draw the flatplan; returns the PNG, the PDF and the flagged count.

    With ``outputs``, both files are staged there, to be committed together. ``thumbs``: where the
    page thumbnails and the last sheets are cached (default: beside the image cache)."""
    intent = output_intent(issue)
    result = render(issue, mode=final_mode(intent.profile, identifier=intent.identifier))
    result.sha256 = digest(result.pieces)
    with tempfile.TemporaryDirectory() as tmp:
        pdf_path = Path(tmp) / "issue.pdf"
        write_atomic(pdf_path, result.pieces, sync=False)
        problems = page_problems(issue, result, pdf_path)
    # Thumbnails come from a proof render (same layout, small images), cached page by page; a sheet
    # showing the same thumbnails, labels and problems as one drawn before is that one's files.
    thumbs = thumbs or ThumbCache()
    keys = thumbnail_keys(issue, result.pages, thumbs)
    sheet_key = _sheet_key(issue, result.pages, keys, problems)
    files = thumbs.get_sheet(sheet_key) if sheet_key else None
    if files is None:
        images = page_thumbnails(issue, result.pages, thumbs, keys)
        sections = {p.folio: issue.section(p.section_id) for p in result.pages}
        pictos = {p.folio: p.pictogram for p in result.pages}
        files = _encode(_draw(images, sections, pictos, problems, issue))
        if sheet_key:
            thumbs.put_sheet(sheet_key, *files)
    png = out / f"{issue.stem}-flatplan.png"
    pdf = out / f"{issue.stem}-flatplan.pdf"
    for path, data in zip((png, pdf), files, strict=True):
        put(path, data, outputs)
    return png, pdf, len([f for f, p in problems.items() if p])


def _encode(sheet: Image.Image) -> tuple[bytes, bytes]:
    """The sheet as PNG and as a one-page PDF."""
    png = io.BytesIO()
    sheet.save(png, "PNG", compress_level=1)  # 0.3 s for 118 pages; optimize=True: 3 s for 12 % fewer bytes
    pdf = io.BytesIO()
    sheet.save(pdf, "PDF", resolution=100)
    return png.getvalue(), pdf.getvalue()


def _draw(thumbs: dict[int, Image.Image], sections, pictos, problems, issue: Issue) -> Image.Image:
    page_w = max(im.width for im in thumbs.values())
    label_h, gap, margin, title_h = 64, 28, 40, 90
    spread_w = 2 * page_w
    folios = sorted(thumbs)
    spreads: list[tuple[int | None, int | None]] = []
    for folio in folios:
        if folio % 2 == 1 and (folio - 1) in thumbs:
            continue
        spreads.append((folio, folio + 1 if (folio + 1) in thumbs else None) if folio % 2 == 0 else (None, folio))
    rows = (len(spreads) + SPREADS_PER_ROW - 1) // SPREADS_PER_ROW
    width = margin * 2 + SPREADS_PER_ROW * spread_w + (SPREADS_PER_ROW - 1) * gap
    height = title_h + margin + rows * (THUMB_H + label_h + gap)
    sheet = Image.new("RGB", (width, height), (236, 234, 230))
    d = ImageDraw.Draw(sheet)
    m = issue.manifest.issue
    d.text(
        (margin, 24),
        f"{m.title} n°{m.number} — chemin de fer ({issue.manifest.page_count} pages)",
        font=_font(issue, 34),
        fill=INK,
    )
    small, tiny = _font(issue, 15), _font(issue, 13)
    for n, pair in enumerate(spreads):
        row, col = divmod(n, SPREADS_PER_ROW)
        x0 = margin + col * (spread_w + gap)
        y0 = title_h + row * (THUMB_H + label_h + gap)
        for slot, folio in enumerate(pair):
            if folio is None:
                continue
            x = x0 + slot * page_w
            sheet.paste(thumbs[folio], (x, y0))
            flags = problems.get(folio, [])
            colour = (ORANGE if all(f.startswith(FIT) for f in flags) else RED) if flags else GREY
            d.rectangle([x, y0, x + page_w - 1, y0 + THUMB_H - 1], outline=colour, width=4 if flags else 1)
            section = sections[folio]
            d.text((x + 4, y0 + THUMB_H + 4), f"{folio}  {LABELS[pictos[folio]]}", font=small, fill=INK)
            d.text((x + 4, y0 + THUMB_H + 23), section.id[:26], font=tiny, fill=GREY)
            if flags:
                words = ", ".join(dict.fromkeys(f.removeprefix(FIT) for f in flags))
                d.text((x + 4, y0 + THUMB_H + 41), words[: page_w // 8], font=tiny, fill=colour)
    return sheet

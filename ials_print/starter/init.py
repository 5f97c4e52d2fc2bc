"""``ials-print init``: a complete small publication that builds at once — a manifest, its
publication file, a cover, a contents page, an article in two columns, a full-page visual, a back
cover, sample Markdown, sample visuals with their provenance, and the kit's layouts fitted to the
format and copied for editing."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import unicodedata
from pathlib import Path

import yaml

from ials_print import kit
from ials_print.errors import InputError, Problem
from ials_print.starter import texts
from ials_print.starter.formats import KIT_SIZE, fit_layouts
from ials_print.starter.visuals import draw, save

MIN_PAGES = 6  # cover, contents, two pages of article, a visual, the back cover
MAX_PAGES = 1000  # as the manifest allows
CREDIT = "Image d'exemple dessinée par ials-print init (Pillow), à remplacer"


@dataclasses.dataclass(frozen=True)
class Plan:
    """What ``init`` makes."""

    folder: Path
    name: str
    width: float
    height: float
    binding: str
    pages: int
    date: dt.date

    @property
    def slug(self) -> str:
        plain = unicodedata.normalize("NFKD", self.name).encode("ascii", "ignore").decode().lower()
        return re.sub(r"[^a-z0-9]+", "-", plain).strip("-") or "magazine"


def check(plan: Plan) -> list[Problem]:
    """Problems with what was asked, all at once."""
    problems = []
    if not MIN_PAGES <= plan.pages <= MAX_PAGES:
        problems.append(Problem(plan.folder, f"--pages: {MIN_PAGES} to {MAX_PAGES} pages, found {plan.pages}"))
    if plan.binding == "saddle_stitch" and plan.pages % 4:
        problems.append(
            Problem(plan.folder, f"--pages: a saddle-stitched issue has a multiple of 4 pages, found {plan.pages}")
        )
    elif plan.binding == "perfect" and plan.pages % 2:
        problems.append(
            Problem(plan.folder, f"--pages: a perfect-bound issue has an even page count, found {plan.pages}")
        )
    if plan.folder.exists() and any(plan.folder.iterdir()):
        problems.append(Problem(plan.folder, "already exists and is not empty; name a new folder"))
    return problems


def short_name(name: str, limit: int = 24) -> str:
    """The name in capitals for running feet and the masthead, cut at a word within ``limit``
    characters, accents kept ("Carnets du Rhône" → "CARNETS DU RHÔNE")."""
    words, out = name.upper().split(), ""
    for word in words:
        if len(out) + len(word) + (1 if out else 0) > limit:
            break
        out = f"{out} {word}" if out else word
    return out or name.upper()[:limit]


def _margins(width: float, height: float) -> dict[str, float]:
    rx, ry = width / KIT_SIZE[0], height / KIT_SIZE[1]
    kit = {"top": (16, ry), "bottom": (18, ry), "inside": (17, rx), "outside": (14, rx)}
    return {k: max(10.0, round(v * r, 1)) for k, (v, r) in kit.items()}


def _sections(plan: Plan) -> list[dict]:
    reserved = plan.pages - MIN_PAGES
    sections = [
        {"id": "couverture", "title": "Couverture", "layout": "cover", "first_page": 1, "pages": 1,
         "provenance": "humain", "in_contents": False, "data": "texts/front-back.yaml",
         "images": [{"id": "cover", "file": "images/cover.jpg", "credit": CREDIT, "provenance": "humain"}]},
        {"id": "sommaire", "title": "Sommaire", "layout": "contents", "first_page": 2, "pages": 1,
         "provenance": "humain", "in_contents": False, "data": "texts/front-back.yaml"},
        {"id": "premier-article", "title": "Premier article", "rubric": "À la une", "layout": "article-2col",
         "first_page": 3, "pages": 2, "provenance": "humain", "text": "texts/premier-article.md",
         "text_author": "La rédaction",
         "images": [{"id": "article-figure", "file": "images/article-figure.jpg", "credit": CREDIT,
                     "provenance": "humain", "max_height": round(plan.height * 0.25)}]},
        {"id": "portfolio", "title": "Une image", "rubric": "Regard", "layout": "visual", "first_page": 5,
         "pages": 1, "provenance": "humain",
         "images": [{"id": "pleine-page", "file": "images/pleine-page.jpg", "caption": "Une image pleine page",
                     "credit": CREDIT, "provenance": "humain"}]},
    ]  # fmt: skip
    if reserved:
        sections.append(
            {"id": "a-venir", "title": "Pages à venir", "layout": "placeholder", "first_page": 6,
             "pages": reserved, "provenance": "humain", "in_contents": False}
        )  # fmt: skip
    sections.append(
        {"id": "dos", "title": "Quatrième de couverture", "layout": "back-cover", "first_page": plan.pages,
         "pages": 1, "provenance": "humain", "in_contents": False, "data": "texts/front-back.yaml",
         "images": [{"id": "back-cover", "file": "images/back-cover.jpg", "credit": CREDIT, "provenance": "humain"}]}
    )  # fmt: skip
    return sections


def _manifest(plan: Plan) -> dict:
    return {
        "publication": "../publication.yaml",
        "issue": {"title": plan.name, "number": 1, "date": plan.date, "language": "fr"},
        "format": {
            "trim_width": plan.width,
            "trim_height": plan.height,
            "bleed": 3,
            "margins": _margins(plan.width, plan.height),
            "binding": plan.binding,
        },
        "resources": {"layouts": "../layouts"},
        "fonts": kit.FAMILIES,
        "page_count": plan.pages,
        "sections": _sections(plan),
    }


def _dump(data, header: str = "") -> str:
    return header + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=110)


def create(plan: Plan) -> Path:
    """Write the publication; returns the issue manifest. Raises :class:`InputError` first if
    anything asked is wrong, before writing."""
    problems = check(plan)
    if problems:
        raise InputError(problems)
    root, issue = plan.folder, plan.folder / "issue"
    (issue / "texts").mkdir(parents=True, exist_ok=True)
    short = short_name(plan.name)
    publication = {"name": plan.name, "short_name": short, "masthead": short, "language": "fr"}
    (root / "publication.yaml").write_text(
        _dump(publication, "# The publication's names, the same for all its issues (issue/*.yaml point here).\n"),
        encoding="utf-8",
    )
    margins = _margins(plan.width, plan.height)
    fit_layouts(root / "layouts", plan.width, plan.height, short, plan.width - margins["inside"] - margins["outside"])
    manifest = issue / f"{plan.slug}-01.yaml"
    manifest.write_text(
        _dump(_manifest(plan), f"# {plan.name} n°1, made by `ials-print init`: edit, then `ials-print build`.\n"),
        encoding="utf-8",
    )
    (issue / "texts" / "front-back.yaml").write_text(_dump(texts.front_back(plan.name)), encoding="utf-8")
    w, h, bleed = plan.width, plan.height, 3
    for kind, name, size in (
        ("cover", "cover", (w + 2 * bleed, h + 2 * bleed)),
        ("visual", "pleine-page", (w + 2 * bleed, h + 2 * bleed)),
        ("back", "back-cover", (w + 2 * bleed, h + 2 * bleed)),
        ("figure", "article-figure", (w / 2, w / 2 * 0.7)),
    ):
        save(draw(kind, *size, seed=f"{plan.slug}-{name}"), issue / "images" / f"{name}.jpg")
    texts.write_article(manifest, issue / "texts" / "premier-article.md")
    (root / "README.md").write_text(texts.readme(plan.name, manifest.relative_to(root)), encoding="utf-8")
    return manifest

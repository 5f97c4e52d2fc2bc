"""Load an issue: the manifest, its templates, stylesheet, articles and images, all checked.

Every problem of every file is collected and raised at once as :class:`InputError`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ials_print import kit
from ials_print.content.notes import Fix, TypoNote
from ials_print.content.story import Article
from ials_print.errors import InputError, Problem
from ials_print.images.info import ImageInfo
from ials_print.manifest.checks_files import (
    area_problems,
    environment_problems,
    font_problem,
    icc_problem,
    safe_resolve,
    template_problems,
)
from ials_print.manifest.checks_flatplan import check_flatplan, check_overrides
from ials_print.manifest.checks_sections import (
    check_article,
    check_page_data,
    check_visual,
)
from ials_print.manifest.model import Manifest, Publication, Section
from ials_print.manifest.pagedata import NEEDS, PageData
from ials_print.manifest.paths import did_you_mean, inside
from ials_print.manifest.templates import KIND_STYLES, REQUIRED_STYLES, Stylesheet, Template
from ials_print.manifest.validate import salvage, validate_model
from ials_print.manifest.yamlfile import Located, load_yaml
from ials_print.provenance.filemeta import FileProvenance


@dataclass
class Issue:
    """A validated issue, paths resolved, content parsed."""

    manifest: Manifest
    path: Path
    located: Located
    layouts_dir: Path
    fonts_dir: Path
    templates: dict[str, Template] = field(default_factory=dict)
    stylesheet: Stylesheet | None = None
    articles: dict[str, Article] = field(default_factory=dict)
    images: dict[str, ImageInfo] = field(default_factory=dict)
    visual_files: dict[str, Path] = field(default_factory=dict)
    page_data: dict[str, PageData] = field(default_factory=dict)  # section id -> its data file
    file_provenance: dict[str, FileProvenance] = field(default_factory=dict)  # visual id -> what its file says
    trust_anchors: str | None = None  # PEM certificates trusted to sign C2PA manifests
    normalised: dict[str, list[Fix]] = field(default_factory=dict)  # section id -> typing slips fixed at load
    typo_notes: dict[str, list[TypoNote]] = field(default_factory=dict)  # section id -> to check by hand

    publication: Publication | None = None  # the manifest's, or its publication file's

    @property
    def folder(self) -> Path:
        return self.path.parent

    def template_for(self, section: Section) -> Template:
        """The section's layout, with the areas the section moves or adds (its ``areas:``)."""
        template = self.templates[section.layout]
        if section.areas:
            template = template.model_copy(update={"areas": {**template.areas, **section.areas}})
        return template

    @property
    def profile_path(self) -> Path:
        """The output intent's ICC profile: the manifest's, else the kit's."""
        profile = self.manifest.output.profile
        return (self.folder / profile).resolve() if profile else kit.PROFILE

    @property
    def short_name(self) -> str:
        """The title as running feet and slugs print it: the publication's short name, else the
        issue title up to its first dash (“Carnets — revue du Rhône” → “Carnets”)."""
        if self.publication is not None:
            return self.publication.short_name
        return re.split(r"\s+[—–-]\s+", self.manifest.issue.title, maxsplit=1)[0].strip()

    @property
    def stem(self) -> str:
        return self.path.stem

    def section(self, section_id: str) -> Section:
        for s in self.manifest.sections:
            if s.id == section_id:
                return s
        known = ", ".join(s.id for s in self.manifest.sections)
        hint = did_you_mean(section_id, [s.id for s in self.manifest.sections])
        raise InputError([Problem(self.path, f"no section '{section_id}' in the flatplan (sections: {known}){hint}")])


def _font_kind(path: Path) -> str:
    """What a font file really is, from its first bytes."""
    with path.open("rb") as f:
        magic = f.read(4)
    if magic in (b"\x00\x01\x00\x00", b"true"):
        return "truetype"
    if magic == b"OTTO":
        return "a CFF-flavoured OpenType font (ReportLab cannot embed it; convert it to TrueType)"
    if magic in (b"wOFF", b"wOF2"):
        return "a web font (WOFF)"
    return "a file that is not a font"


def _load_publication(issue: Issue, problems: list[Problem]) -> Publication | None:
    """The ``publication:`` block, or the file it names (checked, its problems located in it)."""
    value = issue.manifest.publication
    if not isinstance(value, str):
        return value
    path = (issue.folder / value).resolve()  # may be beside the issue folders: the title's issues share it
    try:
        return validate_model(Publication, load_yaml(path))
    except InputError as exc:
        problems.extend(exc.problems)
        return None


def _load_template(issue: Issue, name: str, where: tuple, problems: list[Problem]) -> Template | None:
    if name in issue.templates:
        return issue.templates[name]
    path = issue.layouts_dir / f"{name}.yaml"
    if not path.is_file():
        sheet = issue.manifest.resources.stylesheet.removesuffix(".yaml")
        known = sorted(p.stem for p in issue.layouts_dir.glob("*.yaml") if p.stem != sheet)
        problems.append(
            issue.located.problem(
                where,
                f"unknown layout '{name}': no file {path} (layouts: {', '.join(known)}){did_you_mean(name, known)}",
            )
        )
        return None
    try:
        located = load_yaml(path)
        template = validate_model(Template, located)
    except InputError as exc:
        problems.extend(exc.problems)
        return None
    geometry = template_problems(template, located, issue.manifest.format)
    if geometry:
        problems.extend(geometry)
        return None
    if issue.stylesheet is not None:
        for style in KIND_STYLES.get(template.kind, ()):
            if style not in issue.stylesheet.styles:
                problems.append(
                    located.problem(
                        ("kind",), f"layout kind '{template.kind}' needs the style '{style}' in the stylesheet"
                    )
                )
        for role, style in template.styles.items():
            if style not in issue.stylesheet.styles:
                problems.append(
                    located.problem(
                        ("styles", role),
                        f"unknown style '{style}' (not in the stylesheet)"
                        f"{did_you_mean(style, list(issue.stylesheet.styles))}",
                    )
                )
    issue.templates[name] = template
    return template


def _check_stylesheet(issue: Issue, problems: list[Problem]) -> None:
    m = issue.manifest
    path = issue.layouts_dir / m.resources.stylesheet
    try:
        located = load_yaml(path)
        sheet = validate_model(Stylesheet, located)
    except InputError as exc:
        problems.extend(exc.problems)
        return
    for name in REQUIRED_STYLES:
        if name not in sheet.styles:
            problems.append(located.problem(("styles",), f"missing required style '{name}'"))
    for name, style in sheet.styles.items():
        if style.family not in m.fonts:
            problems.append(
                located.problem(
                    ("styles", name, "family"),
                    f"unknown font family '{style.family}' (manifest fonts: {', '.join(m.fonts)})",
                )
            )
        if style.color not in sheet.colors:
            problems.append(
                located.problem(
                    ("styles", name, "color"), f"unknown colour '{style.color}' (colours: {', '.join(sheet.colors)})"
                )
            )
    issue.stylesheet = sheet


def _check_profile(issue: Issue, problems: list[Problem]) -> None:
    """The output intent's ICC profile must be a CMYK output (printer) profile."""
    where = ("output", "profile")
    name = issue.manifest.output.profile
    path = safe_resolve(issue.folder / name, issue.located, where) if name else issue.profile_path
    name = name or str(path)
    try:
        with path.open("rb") as f:
            header = f.read(40)
    except OSError:
        problems.append(issue.located.problem(where, f"ICC profile '{name}' not found ({path})"))
        return
    if len(header) < 40 or header[36:40] != b"acsp":
        problems.append(issue.located.problem(where, f"expected an ICC profile, found something else in '{name}'"))
    elif header[12:16] != b"prtr" or header[16:20] != b"CMYK":
        found = f"{header[12:16].decode('latin-1')}/{header[16:20].decode('latin-1').strip()}"
        problems.append(
            issue.located.problem(where, f"expected a CMYK output profile (prtr/CMYK), found {found} in '{name}'")
        )
    elif (why := icc_problem(path)) is not None:
        problems.append(issue.located.problem(where, f"{why} in '{name}'"))


def load_issue(path: Path, only: Iterable[str] | None = None) -> Issue:
    """Load and check an issue; ``only`` limits content checks to those section ids."""
    located = load_yaml(path)
    try:
        manifest, schema = validate_model(Manifest, located), []
    except InputError as exc:  # unknown or misspelt keys: the cross-checks still run, all said at once
        manifest, schema = salvage(Manifest, located), exc.problems
        if manifest is None:
            raise
    try:
        issue = _load(path, located, manifest, only)
    except InputError as exc:
        raise InputError(sorted(schema + [p for p in exc.problems if p not in schema], key=_order)) from None
    if schema:
        raise InputError(sorted(schema, key=_order))
    return issue


def _order(p: Problem) -> tuple:
    """Problems sorted by file, then line and column (those without a line first)."""
    return (str(p.file), p.line or 0, p.column or 0)


def _load(path: Path, located: Located, manifest: Manifest, only: Iterable[str] | None) -> Issue:
    """The cross-checks of a manifest that validated (or was salvaged): files, ids, pages, geometry."""
    wanted = set(only) if only is not None else None
    base = path.parent
    res = manifest.resources
    issue = Issue(
        manifest,
        path,
        located,
        safe_resolve(base / res.layouts, located, ("resources", "layouts")) if res.layouts else kit.LAYOUTS,
        safe_resolve(base / res.fonts, located, ("resources", "fonts")) if res.fonts else kit.FONTS,
    )
    problems = environment_problems() + check_flatplan(manifest, located)
    issue.publication = _load_publication(issue, problems)
    missing = [
        located.problem(("resources", key), f"{key} folder not found: {folder}")
        for key, folder in (("layouts", issue.layouts_dir), ("fonts", issue.fonts_dir))
        if not folder.is_dir()
    ]
    if missing:
        raise InputError(problems + missing)
    for family, faces in manifest.fonts.items():
        for face in ("regular", "italic", "bold", "bold_italic"):
            name = getattr(faces, face)
            if name is None:
                continue
            font_path = inside(issue.fonts_dir, name)
            if font_path is None:
                problems.append(
                    located.problem(
                        ("fonts", family, face), f"font path '{name}' escapes the fonts folder {issue.fonts_dir}"
                    )
                )
            elif not font_path.is_file():
                problems.append(
                    located.problem(("fonts", family, face), f"font file '{name}' not found in {issue.fonts_dir}")
                )
            else:
                kind = _font_kind(font_path)
                if kind != "truetype":
                    problems.append(
                        located.problem(
                            ("fonts", family, face), f"expected a TrueType font (.ttf), found {kind} in '{name}'"
                        )
                    )
                elif (why := font_problem(font_path)) is not None:
                    problems.append(located.problem(("fonts", family, face), f"{why} in '{font_path}'"))
    _check_stylesheet(issue, problems)
    _check_profile(issue, problems)
    if manifest.c2pa_trust_anchors:
        name, where = manifest.c2pa_trust_anchors, ("c2pa_trust_anchors",)
        anchors = inside(issue.folder, name)
        try:
            if anchors is None:
                raise OSError(f"path '{name}' escapes the issue folder {issue.folder}")
            issue.trust_anchors = anchors.read_text(encoding="utf-8", errors="replace")
        except (OSError, UnicodeDecodeError) as exc:
            why = getattr(exc, "strerror", None) or exc
            problems.append(located.problem(where, f"cannot read the trust anchors '{name}' ({why})"))
        if issue.trust_anchors is not None and "BEGIN CERTIFICATE" not in issue.trust_anchors:
            problems.append(located.problem(("c2pa_trust_anchors",), "expected PEM certificates, found none"))
    visual_ids: dict[str, str] = {}
    for i, section in enumerate(manifest.sections):
        for j, v in enumerate(section.images):
            if v.id in visual_ids:
                problems.append(
                    located.problem(
                        ("sections", i, "images", j, "id"),
                        f"duplicate visual id '{v.id}' (also in section '{visual_ids[v.id]}')",
                    )
                )
            visual_ids.setdefault(v.id, section.id)
        problems += check_overrides(located, i, section)
        if wanted is not None and section.id not in wanted:
            continue  # a preview reads the layouts, data, visuals and texts of its own sections alone
        template = _load_template(issue, section.layout, ("sections", i, "layout"), problems)
        if template is not None:
            template = issue.template_for(section)  # with the section's own areas
        if section.areas:
            problems += area_problems(section.areas, located, manifest.format, ("sections", i, "areas"))
        if template is not None and (template.kind in NEEDS or section.data):
            check_page_data(issue, i, section, template, problems)
        if template is not None and template.kind in ("cover", "visual", "contents", "gallery") and section.text:
            problems.append(
                located.problem(
                    ("sections", i, "text"),
                    f"layout '{section.layout}' prints no running text; its words come from its data or visuals",
                )
            )
        if template is not None and template.kind in ("cover", "visual") and not section.images:
            problems.append(
                located.problem(
                    ("sections", i, "layout"), f"layout '{section.layout}' needs at least one visual in 'images'"
                )
            )
        if template is not None and template.kind == "gallery" and section.id in issue.page_data:
            n_data = len(issue.page_data[section.id].past_issues)
            if n_data != len(section.images):
                problems.append(
                    located.problem(
                        ("sections", i, "images"),
                        f"the gallery has {len(section.images)} covers but {n_data} past_issues entries in "
                        f"{section.data}: each cover needs its label",
                    )
                )
        if template is not None and template.kind == "placeholder" and (section.text or section.images):
            problems.append(
                located.problem(
                    ("sections", i, "layout"),
                    f"layout '{section.layout}' reserves pages and sets no content: remove text and images "
                    f"from section '{section.id}' or choose an article layout",
                )
            )
        for j, v in enumerate(section.images):
            check_visual(issue, i, j, v, template, section, problems)
        check_article(issue, i, section, problems)
    if problems:
        raise InputError(problems)
    return issue

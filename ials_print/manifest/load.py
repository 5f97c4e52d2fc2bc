"""Load an issue: the manifest, its templates, stylesheet, articles and images, all checked.

Every problem of every file is collected and raised at once as :class:`InputError`.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from ials_print import kit
from ials_print.content.legal import legal_box
from ials_print.content.markdown import load_article
from ials_print.content.normalise import Fix, TypoNote, normalise_article
from ials_print.content.story import Article, Figure, PullQuote
from ials_print.errors import InputError, Problem
from ials_print.images.inspect import ImageInfo, inspect_image
from ials_print.manifest.checks_files import (
    area_problems,
    environment_problems,
    font_problem,
    icc_problem,
    safe_resolve,
    template_problems,
)
from ials_print.manifest.masthead import masthead_problems
from ials_print.manifest.model import Manifest, Publication, Section, Visual
from ials_print.manifest.pagedata import NEEDS, PageData
from ials_print.manifest.templates import KIND_STYLES, REQUIRED_STYLES, Stylesheet, Template
from ials_print.manifest.validate import salvage, validate_model
from ials_print.manifest.yamlfile import Located, load_yaml
from ials_print.provenance.filemeta import FileProvenance, read_file_provenance


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
        hint = _did_you_mean(section_id, [s.id for s in self.manifest.sections])
        raise InputError([Problem(self.path, f"no section '{section_id}' in the flatplan (sections: {known}){hint}")])


def _inside(folder: Path, relative: str) -> Path | None:
    """``relative`` resolved against ``folder``, or None if it leaves the folder."""
    try:
        target = (folder / relative).resolve()
        root = folder.resolve()
    except (OSError, RuntimeError) as exc:  # a symbolic link loop
        raise InputError([Problem(folder / relative, f"cannot resolve the path ({exc})")]) from None
    return target if target == root or root in target.parents else None


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


def _check_flatplan(m: Manifest, loc: Located) -> list[Problem]:
    problems: list[Problem] = []
    seen: dict[str, int] = {}
    for i, s in enumerate(m.sections):
        if s.id in seen:
            problems.append(
                loc.problem(
                    ("sections", i, "id"), f"duplicate section id '{s.id}' (first used by section {seen[s.id] + 1})"
                )
            )
        seen.setdefault(s.id, i)
    expected = 1
    previous: Section | None = None
    for i, s in enumerate(m.sections):
        last = s.first_page + s.pages - 1
        if s.first_page > expected:
            problems.append(
                loc.problem(
                    ("sections", i, "first_page"),
                    f"gap in the flatplan: pages {expected}–{s.first_page - 1} belong to no section "
                    f"(expected '{s.id}' to start on page {expected}, found {s.first_page})",
                )
            )
        elif s.first_page < expected:
            who = f"section '{previous.id}' ends on page {expected - 1}" if previous else "the issue starts on page 1"
            problems.append(
                loc.problem(
                    ("sections", i, "first_page"),
                    f"overlapping page range: section '{s.id}' starts on page {s.first_page} but {who} "
                    f"(expected first_page: {expected})",
                )
            )
        expected = max(expected, last + 1)
        previous = s
    if expected - 1 != m.page_count:
        problems.append(
            loc.problem(
                ("page_count",),
                f"sections cover pages 1–{expected - 1} but page_count is {m.page_count}: "
                "they must tile the whole issue",
            )
        )
    if m.format.binding == "perfect" and m.format.paper is not None:
        problems += _cover_problems(m, loc)
    if m.format.binding == "perfect" and m.page_count % 2:
        problems.append(
            loc.problem(("page_count",), f"expected an even page count for perfect binding, found {m.page_count}")
        )
    if m.format.binding == "saddle_stitch" and m.page_count % 4:
        problems.append(
            loc.problem(("page_count",), f"expected a multiple of 4 pages for saddle stitch, found {m.page_count}")
        )
    return problems


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


def _did_you_mean(name: str, known: list[str]) -> str:
    close = difflib.get_close_matches(name, known, n=1)
    return f"; did you mean '{close[0]}'?" if close else ""


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
                f"unknown layout '{name}': no file {path} (layouts: {', '.join(known)}){_did_you_mean(name, known)}",
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
                        f"{_did_you_mean(style, list(issue.stylesheet.styles))}",
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


# One parse per data file version, as sections share it: the data (None when broken), where its
# keys are, and the problems said of it.
_DATA_CACHE: dict[tuple[Path, int, int], tuple[PageData | None, Located, list[Problem]]] = {}


def _check_page_data(issue: Issue, i: int, section: Section, template: Template, problems: list[Problem]) -> None:
    """Cover, contents and gallery pages read their text from the section's ``data`` file."""
    where = ("sections", i, "data")
    if section.data is None:
        problems.append(
            issue.located.problem(
                ("sections", i, "layout"), f"layout '{section.layout}' needs a 'data' file (e.g. texts/front-back.yaml)"
            )
        )
        return
    path = _inside(issue.folder, section.data)
    if path is None:
        problems.append(issue.located.problem(where, f"path '{section.data}' escapes the issue folder {issue.folder}"))
        return
    try:
        if not path.is_file():
            problems.append(issue.located.problem(where, f"data file '{section.data}' not found"))
            return
        stat = path.stat()
        key = (path, stat.st_mtime_ns, stat.st_size)
        if key not in _DATA_CACHE:
            if len(_DATA_CACHE) > 64:  # a long watch sees many versions of a file: keep the cache small
                _DATA_CACHE.clear()
            located = load_yaml(path)
            try:
                _DATA_CACHE[key] = (validate_model(PageData, located), located, [])
            except InputError as exc:  # an unknown key: said, and the other checks still run
                _DATA_CACHE[key] = (salvage(PageData, located), located, exc.problems)
        data, located, said = _DATA_CACHE[key]
    except InputError as exc:
        problems.extend(p for p in exc.problems if p not in problems)
        return
    problems.extend(p for p in said if p not in problems)
    if data is None:
        return
    for part in NEEDS.get(template.kind, ()):
        if not getattr(data, part):
            message = f"layout '{section.layout}' needs '{part}:' in {section.data}"
            problems.append(issue.located.problem(where, message))
    if template.kind == "cover" and data.cover is not None:
        problems.extend(masthead_problems(issue, section, template, data.cover, located))
    issue.page_data[section.id] = data


def _check_visual(
    issue: Issue,
    section_index: int,
    j: int,
    v: Visual,
    template: Template | None,
    section: Section,
    problems: list[Problem],
) -> None:
    where = ("sections", section_index, "images", j)
    path = _inside(issue.folder, v.file)
    if path is None:
        problems.append(
            issue.located.problem((*where, "file"), f"path '{v.file}' escapes the issue folder {issue.folder}")
        )
        return
    info = inspect_image(path)
    if isinstance(info, Problem):
        line, col = issue.located.where((*where, "file"))
        problems.append(Problem(issue.path, f"image '{v.file}': {info.message}", line, col))
        return
    issue.images[v.id] = info
    issue.visual_files[v.id] = path
    claim = read_file_provenance(path, issue.trust_anchors)
    issue.file_provenance[v.id] = claim
    if claim.kind is not None and claim.kind != v.provenance and not v.file_provenance_reason:
        problems.append(
            issue.located.problem(
                (*where, "provenance"),
                f"visual '{v.id}': the file says '{claim.kind}' ({claim.evidence}) but the manifest says "
                f"'{v.provenance}'; correct the manifest, or keep it and explain why in file_provenance_reason",
            )
        )
    if v.place != "flow" and template is not None:
        if v.place.area not in template.areas:
            problems.append(
                issue.located.problem(
                    (*where, "place", "area"),
                    f"unknown area '{v.place.area}' in layout '{section.layout}' "
                    f"(areas: {', '.join(template.areas) or 'none'})"
                    + _did_you_mean(v.place.area, list(template.areas)),
                )
            )
        last = v.place.page + (1 if v.place.spread else 0)
        if last > section.pages:
            what = f"a spread from page {v.place.page}" if v.place.spread else f"page {v.place.page}"
            problems.append(
                issue.located.problem(
                    (*where, "place", "page"),
                    f"{what} is beyond section '{section.id}', which has {section.pages} pages",
                )
            )
        if v.place.spread:
            _check_spread(issue, section, v, template, where, problems)


def _check_spread(issue: Issue, section: Section, v, template, where: tuple, problems: list[Problem]) -> None:
    """A picture across the fold starts on a left-hand (even) page and spans its area's width."""
    folio = section.first_page + v.place.page - 1
    if folio % 2:
        problems.append(
            issue.located.problem(
                (*where, "place", "page"),
                f"visual '{v.id}': a spread starts on a left-hand page, and page {v.place.page} of "
                f"section '{section.id}' is page {folio}, a right-hand page",
            )
        )
    area = template.areas.get(v.place.area)
    fmt = issue.manifest.format
    width = fmt.trim_width
    x, _, w, _ = area.in_mm(width, fmt.trim_height) if area is not None else (0, 0, 0, 0)
    if area is not None and (x > 0.01 or x + w < width - 0.01):
        problems.append(
            issue.located.problem(
                (*where, "place", "area"),
                f"visual '{v.id}': a spread needs an area across the page's width ({width:g} mm), "
                f"and area '{v.place.area}' runs from {x:g} to {x + w:g} mm",
            )
        )


def _cover_problems(m: Manifest, loc: Located) -> list[Problem]:
    """The four cover pages of a perfect-bound issue: distinct pages of the issue, an even interior."""
    folios = m.cover_folios()
    out = [
        loc.problem(("format", "cover", name), f"cover page {folio} is not a page of the issue (1 to {m.page_count})")
        for name, folio in folios.items()
        if not 1 <= folio <= m.page_count
    ]
    if len(set(folios.values())) != 4:
        out.append(loc.problem(("format", "cover"), f"the four cover pages must differ, found {folios}"))
    elif m.page_count - 4 < 2 or (m.page_count - 4) % 2:
        out.append(
            loc.problem(
                ("format", "paper"),
                f"the interior would have {m.page_count - 4} pages; perfect binding needs an even number, at least 2",
            )
        )
    return out


def _check_article(issue: Issue, i: int, section: Section, problems: list[Problem]) -> None:
    if section.text is None:
        return
    path = _inside(issue.folder, section.text)
    if path is None:
        problems.append(
            issue.located.problem(
                ("sections", i, "text"), f"path '{section.text}' escapes the issue folder {issue.folder}"
            )
        )
        return
    if not path.is_file():
        what = "is a folder, not a Markdown file" if path.is_dir() else "not found"
        problems.append(issue.located.problem(("sections", i, "text"), f"text file '{section.text}' {what}"))
        return
    try:
        article = load_article(path)
    except InputError as exc:
        problems.extend(exc.problems)
        return
    article, issue.normalised[section.id], issue.typo_notes[section.id] = normalise_article(
        article, path.read_text(encoding="utf-8")
    )
    template = issue.templates.get(section.layout)
    if template is not None and template.legal_block:
        box = legal_box(issue.manifest, line=len(path.read_text(encoding="utf-8").splitlines()) + 1)
        if box is not None:
            article = replace(article, blocks=(*article.blocks, box))
    issue.articles[section.id] = article
    ids = {v.id for v in section.images}
    referenced = set()
    for block in article.blocks:
        if isinstance(block, PullQuote) and block.across_page and block.across_page > section.pages:
            problems.append(
                Problem(
                    path,
                    f"pull-quote across page {block.across_page}, but section '{section.id}' "
                    f"has {section.pages} page{'s' * (section.pages > 1)}",
                    block.line,
                )
            )
        if isinstance(block, Figure):
            referenced.add(block.image_id)
            if block.image_id not in ids:
                problems.append(
                    Problem(
                        path,
                        f"image '{block.image_id}' is not among section '{section.id}' images "
                        f"in the manifest (known: {', '.join(sorted(ids)) or 'none'})",
                        block.line,
                    )
                )
    for j, v in enumerate(section.images):
        if v.place == "flow" and v.id not in referenced:
            problems.append(
                issue.located.problem(
                    ("sections", i, "images", j, "place"),
                    f"visual '{v.id}' is placed in the flow but the article never references it "
                    f"(add ![…]({v.id}) or place it in an area)",
                )
            )


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
    problems = environment_problems() + _check_flatplan(manifest, located)
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
            font_path = _inside(issue.fonts_dir, name)
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
        anchors = _inside(issue.folder, name)
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
        template = _load_template(issue, section.layout, ("sections", i, "layout"), problems)
        if template is not None:
            template = issue.template_for(section)  # with the section's own areas
        if section.areas:
            problems += area_problems(section.areas, located, manifest.format, ("sections", i, "areas"))
        for j, v in enumerate(section.images):
            if v.id in visual_ids:
                problems.append(
                    located.problem(
                        ("sections", i, "images", j, "id"),
                        f"duplicate visual id '{v.id}' (also in section '{visual_ids[v.id]}')",
                    )
                )
            visual_ids.setdefault(v.id, section.id)
        if template is not None and (template.kind in NEEDS or section.data):
            _check_page_data(issue, i, section, template, problems)
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
        pages_overridden = [o.page for o in section.pictograms]
        if len(pages_overridden) != len(set(pages_overridden)):
            problems.append(located.problem(("sections", i, "pictograms"), "two pictogram overrides for the same page"))
        for k, override in enumerate(section.pictograms):
            if override.page > section.pages:
                problems.append(
                    located.problem(
                        ("sections", i, "pictograms", k, "page"),
                        f"page {override.page} is beyond section '{section.id}', which has {section.pages} pages",
                    )
                )
        for page in section.short_pages:
            if not 1 <= page <= section.pages:
                problems.append(
                    located.problem(
                        ("sections", i, "short_pages"),
                        f"page {page} is not a page of section '{section.id}' (1 to {section.pages})",
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
        if wanted is not None and section.id not in wanted:
            continue
        for j, v in enumerate(section.images):
            _check_visual(issue, i, j, v, template, section, problems)
        _check_article(issue, i, section, problems)
    if problems:
        raise InputError(problems)
    return issue

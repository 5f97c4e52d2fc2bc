"""The checks of each section of the flatplan: its data file, its visuals (areas, spreads, files and
their provenance) and its article. Problems are collected, never raised one by one."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from ials_print.content.story import Figure, PullQuote
from ials_print.errors import InputError, Problem
from ials_print.manifest.facts import file_provenance, image_info, normalised_article
from ials_print.manifest.masthead import masthead_problems
from ials_print.manifest.model import Manifest, Section, Visual
from ials_print.manifest.pagedata import NEEDS, PageData
from ials_print.manifest.paths import did_you_mean, inside
from ials_print.manifest.templates import Template
from ials_print.manifest.validate import salvage, validate_model
from ials_print.manifest.yamlfile import Located, load_yaml

if TYPE_CHECKING:
    from ials_print.manifest.load import Issue


# One parse per data file version, as sections share it: the data (None when broken), where its
# keys are, and the problems said of it.
_DATA_CACHE: dict[tuple[Path, int, int], tuple[PageData | None, Located, list[Problem]]] = {}


def check_page_data(issue: Issue, i: int, section: Section, template: Template, problems: list[Problem]) -> None:
    """Cover, contents and gallery pages read their text from the section's ``data`` file."""
    where = ("sections", i, "data")
    if section.data is None:
        problems.append(
            issue.located.problem(
                ("sections", i, "layout"), f"layout '{section.layout}' needs a 'data' file (e.g. texts/front-back.yaml)"
            )
        )
        return
    path = inside(issue.folder, section.data)
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


def check_visual(
    issue: Issue,
    section_index: int,
    j: int,
    v: Visual,
    template: Template | None,
    section: Section,
    problems: list[Problem],
) -> None:
    where = ("sections", section_index, "images", j)
    path = inside(issue.folder, v.file)
    if path is None:
        problems.append(
            issue.located.problem((*where, "file"), f"path '{v.file}' escapes the issue folder {issue.folder}")
        )
        return
    info = image_info(path)
    if isinstance(info, Problem):
        line, col = issue.located.where((*where, "file"))
        problems.append(Problem(issue.path, f"image '{v.file}': {info.message}", line, col))
        return
    issue.images[v.id] = info
    issue.visual_files[v.id] = path
    claim = file_provenance(path, issue.trust_anchors)
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
                    + did_you_mean(v.place.area, list(template.areas)),
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
            check_spread(issue, section, v, template, where, problems)


def check_spread(issue: Issue, section: Section, v, template, where: tuple, problems: list[Problem]) -> None:
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


def cover_problems(m: Manifest, loc: Located) -> list[Problem]:
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


def check_article(issue: Issue, i: int, section: Section, problems: list[Problem]) -> None:
    if section.text is None:
        return
    path = inside(issue.folder, section.text)
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
        article, issue.normalised[section.id], issue.typo_notes[section.id], lines = normalised_article(path)
    except InputError as exc:
        problems.extend(exc.problems)
        return
    template = issue.templates.get(section.layout)
    if template is not None and template.legal_block:
        from ials_print.content.legal import legal_box  # French typography's rules: compiled when needed

        box = legal_box(issue.manifest, line=lines + 1)
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

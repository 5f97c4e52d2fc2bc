"""Markdown article → :class:`Article` (markdown-it-py, front matter, ``:::`` containers)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.container import container_plugin
from mdit_py_plugins.front_matter import front_matter_plugin

from ials_print.content.checks_text import character_problems, length_problems, shift_lines
from ials_print.content.fences import PROVENANCE_FENCES, parse_fence, unclosed_fences, with_provenance
from ials_print.content.story import (
    Article,
    ArticleMeta,
    BigNumber,
    Bio,
    Block,
    Box,
    Figure,
    Heading,
    ListBlock,
    PageBreak,
    Paragraph,
    PullQuote,
    Run,
    Runs,
    TextProvenance,
)
from ials_print.errors import InputError, Problem
from ials_print.limits import MAX_MARKDOWN_BYTES, decode_utf8, read_limited
from ials_print.manifest.validate import validate_model
from ials_print.manifest.yamlfile import parse_yaml

CONTAINERS = ("bio", "box", "bignum", "across")
_CONTAINER_USAGE = {
    "bio": "'::: bio NAME'",
    "box": "'::: box TITLE'",
    "bignum": "'::: bignum FIGURE' (e.g. 73 %)",
    "across": "'::: across PAGE' (page of the section, 1 = first)",
}


def _container_block(kind: str, arg: str, paragraphs: list[Runs], line: int) -> Block:
    if kind == "bio":
        return Bio(arg, tuple(paragraphs), line)
    if kind == "box":
        return Box(arg, tuple(paragraphs), line)
    if kind == "bignum":
        return BigNumber(arg, tuple(paragraphs), line)
    runs = tuple(r for para in paragraphs for r in (*para, Run("\n")))[:-1]
    return PullQuote(runs, line, across_page=int(arg))


def _parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": True, "typographer": False})
    md.disable(["code", "fence"])
    md.use(front_matter_plugin)
    for name in (*CONTAINERS, *PROVENANCE_FENCES):
        md.use(container_plugin, name=name)
    return md


_MD = _parser()


def _inline_runs(token: Token, path: Path, problems: list[Problem]) -> Runs:
    """Flatten an inline token into styled runs."""
    runs: list[Run] = []
    bold = italic = sup = smallcaps = 0
    href: str | None = None

    def run(text: str) -> Run:
        return Run(text, bold > 0, italic > 0, sup > 0, href, smallcaps > 0)

    for child in token.children or []:
        t = child.type
        if t == "text" or t == "code_inline":
            runs.append(run(child.content))
        elif t == "softbreak":
            runs.append(run(" "))
        elif t == "hardbreak":  # a forced line break (two trailing spaces or a backslash)
            runs.append(run("\n"))
        elif t == "strong_open":
            bold += 1
        elif t == "strong_close":
            bold -= 1
        elif t == "em_open":
            italic += 1
        elif t == "em_close":
            italic -= 1
        elif t == "link_open":
            href = str(child.attrs.get("href", ""))
        elif t == "link_close":
            href = None
        elif t == "html_inline":
            tag = child.content.strip().lower()
            if tag == "<sup>":
                sup += 1
            elif tag == "</sup>":
                sup -= 1
            elif tag == "<sc>":
                smallcaps += 1
            elif tag == "</sc>":
                smallcaps -= 1
            elif tag in ("<br>", "<br/>", "<br />"):
                runs.append(run("\n"))
            else:
                line = (token.map[0] + 1) if token.map else None
                problems.append(
                    Problem(path, f"unsupported inline HTML {child.content!r} (only <sup>, <sc> and <br>)", line)
                )
        elif t == "image":  # a lone image is a figure (see _figure); inside running text it would be lost
            line = (token.map[0] + 1) if token.map else None
            problems.append(Problem(path, "a visual reference ![…](id) must stand alone in its paragraph", line))
        else:
            line = (token.map[0] + 1) if token.map else None
            problems.append(Problem(path, f"unsupported Markdown element '{t}'", line))
    return tuple(_merge(runs))


def _merge(runs: list[Run]) -> list[Run]:
    out: list[Run] = []
    for r in runs:
        if not r.text:
            continue
        if out and replace(out[-1], text="") == replace(r, text=""):
            out[-1] = replace(r, text=out[-1].text + r.text)
        else:
            out.append(r)
    return out


def _is_question(runs: Runs) -> bool:
    return bool(runs) and all(r.bold or not r.text.strip() for r in runs)


def _figure(inline: Token, path: Path, problems: list[Problem]) -> Figure | None:
    children = [c for c in inline.children or [] if not (c.type == "text" and not c.content.strip())]
    if len(children) != 1 or children[0].type != "image":
        return None
    img = children[0]
    caption = _inline_runs(img, path, problems) if img.children else ()
    title = img.attrs.get("title")
    return Figure(
        str(img.attrs.get("src", "")), caption, str(title) if title else None, (inline.map[0] + 1) if inline.map else 0
    )


def parse_article(text: str, path: Path) -> Article:
    """Parse one article; raise :class:`InputError` listing every problem found."""
    problems = character_problems(text, path)
    too_long = length_problems(text, path)
    if too_long:  # not parsed: a paragraph beyond the limit is what makes parsing slow
        raise InputError(problems + too_long)
    tokens = _MD.parse(text)
    meta: ArticleMeta | None = None
    blocks: list[Block] = []
    i = 0
    in_quote = 0
    container: dict[str, Any] | None = None
    list_items: list[Runs] | None = None
    list_line = 0
    list_ordered = False
    fence: tuple[int, TextProvenance] | None = None  # the open ::: ia / mixte / humain: first block, provenance
    problems.extend(unclosed_fences(tokens, text, path))
    while i < len(tokens):
        tok = tokens[i]
        line = (tok.map[0] + 1) if tok.map else 0
        if tok.type == "front_matter":
            try:
                located = parse_yaml(tok.content, path)
            except InputError as exc:  # the YAML starts on line 2 of the file
                problems.extend(shift_lines(exc.problems, 1))
                i += 1
                continue
            for table in (located.values, located.keys):  # the YAML starts on line 2 of the file
                for k, (ln, col) in list(table.items()):
                    table[k] = (ln + 1, col)
            try:
                meta = validate_model(ArticleMeta, located)
            except InputError as exc:
                problems.extend(exc.problems)
        elif tok.type == "heading_open":
            blocks.append(Heading(int(tok.tag[1:]), _inline_runs(tokens[i + 1], path, problems), line))
            i += 2
        elif tok.type == "blockquote_open":
            in_quote += 1
        elif tok.type == "blockquote_close":
            in_quote -= 1
        elif tok.type.startswith("container_") and tok.type[10:-5] in PROVENANCE_FENCES and tok.nesting == 1:
            kind = tok.type[10:-5]
            if fence is not None or container is not None:
                problems.append(Problem(path, f"'::: {kind}' cannot stand inside another block", line, 1))
            fence = (len(blocks), parse_fence(kind, tok.info, path, line, problems))
        elif tok.type.startswith("container_") and tok.type[10:-6] in PROVENANCE_FENCES and tok.nesting == -1:
            if fence is not None:
                start, prov = fence
                blocks[start:] = with_provenance(blocks[start:], prov)
                fence = None
        elif tok.type.startswith("container_") and tok.type.endswith("_open"):
            kind = tok.type[len("container_") : -len("_open")]
            arg = tok.info.strip()[len(kind) :].strip()
            valid = arg.isdigit() and int(arg) >= 1 if kind == "across" else bool(arg)
            if not valid:
                problems.append(Problem(path, f"expected {_CONTAINER_USAGE[kind]}, found {tok.info.strip()!r}", line))
                arg = "1" if kind == "across" else "?"
            if container is not None:
                problems.append(Problem(path, f"'::: {kind}' inside '::: {container['kind']}' is not allowed", line))
            container = {"kind": kind, "arg": arg, "paragraphs": [], "line": line}
        elif tok.type.startswith("container_") and tok.type.endswith("_close") and container is not None:
            blocks.append(
                _container_block(container["kind"], container["arg"], container["paragraphs"], container["line"])
            )
            container = None
        elif tok.type in ("bullet_list_open", "ordered_list_open"):
            if list_items is not None:
                problems.append(Problem(path, "nested lists are not supported: flatten the list", line))
            elif container is not None or in_quote:
                problems.append(Problem(path, "a list cannot stand inside a box, bio or pull-quote", line))
            list_items, list_line, list_ordered = [], line, tok.type == "ordered_list_open"
        elif tok.type in ("bullet_list_close", "ordered_list_close") and list_items is not None:
            blocks.append(ListBlock(tuple(list_items), list_line, list_ordered))
            list_items = None
        elif tok.type == "paragraph_open":
            inline = tokens[i + 1]
            i += 2
            figure = _figure(inline, path, problems)
            if figure is not None and (container is not None or in_quote or list_items is not None):
                problems.append(Problem(path, "a visual cannot stand inside a list, box, bio or pull-quote", line))
            elif figure is not None:
                blocks.append(figure)
            elif list_items is not None:
                list_items.append(_inline_runs(inline, path, problems))
            else:
                runs = _inline_runs(inline, path, problems)
                if inline.content.lstrip().startswith(":::"):
                    name = inline.content.lstrip()[3:].split()[0] if inline.content.lstrip()[3:].split() else ""
                    known = ", ".join((*CONTAINERS, *PROVENANCE_FENCES))
                    message = f"unknown block '::: {name}' (known: {known})"
                    if not name:  # a stray closing fence: often a box inside '::: ia' closed it early
                        message = "':::' closes no block (a '::: ia' holding a box needs '::::' around it)"
                    problems.append(Problem(path, message, line, 1))
                elif container is not None:
                    container["paragraphs"].append(runs)
                elif in_quote:
                    blocks.append(PullQuote(runs, line))
                elif meta is not None and meta.interview and _is_question(runs):
                    blocks.append(Paragraph(tuple(replace(r, bold=False) for r in runs), line, "question"))
                else:
                    blocks.append(Paragraph(runs, line))
        elif tok.type == "html_block":
            if not tok.content.strip().startswith("<!--"):
                problems.append(Problem(path, "unsupported HTML block (use Markdown)", line))
        elif tok.type == "hr":
            blocks.append(PageBreak(line))
        i += 1
    front_matter_seen = any(t.type == "front_matter" for t in tokens)
    if meta is None and not front_matter_seen:
        problems.append(
            Problem(path, "expected front matter between '---' lines with at least 'title', found none", 1, 1)
        )
    if problems:
        raise InputError(problems)
    assert meta is not None
    return Article(meta, tuple(blocks))


def load_article(path: Path) -> Article:
    """Read and parse a Markdown article file (within ``MAX_MARKDOWN_BYTES``, UTF-8 without BOM)."""
    raw = read_limited(path, MAX_MARKDOWN_BYTES, "a Markdown file")
    return parse_article(decode_utf8(raw, path), path)

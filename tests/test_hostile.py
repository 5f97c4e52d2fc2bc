"""The hostile-input sweep: every file kind the engine reads, broken on purpose.

Each case breaks one thing in a copy of the fixture issue whose last good outputs are already
built, then runs ``validate`` and ``build``: both must exit 2 with one line per problem naming
the file (and the line for YAML and Markdown), no traceback, within the time bound, and leave
every earlier output byte-identical. Cases run in this process (the CLI's own ``main``, so an
unexpected exception shows as exit 3); the big ones also run in a bounded child process
(``test_hostile_big.py``) where memory is measured.
"""

from __future__ import annotations

import io
import os
import re
import resource
import shutil
import struct
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PIL import Image

from ials_print import kit
from tests.conftest import MINI, ROOT
from tests.conftest import copy_fixture as _copy_fixture
from tests.hostile import MEMORY_LIMIT, TIME_LIMIT, Run, invoke

PROBLEM_LINE = re.compile(r"^[^\s:][^:]*(:\d+(:\d+)?)?: \S")  # file[:line[:column]]: message


def assert_refused(run: Run, names: str, line: int | None = None) -> None:
    """Exit 2, no traceback, every problem on one ``file[:line[:col]]: message`` line, one naming ``names``."""
    assert run.code == 2, f"exit {run.code}, expected 2:\n{run.output}"
    assert "Traceback" not in run.output and "internal error" not in run.output, run.output
    lines = [x for x in run.stderr.splitlines() if x.strip()]
    assert lines and re.fullmatch(r"\d+ problems? in the input; .*", lines[-1]), run.output
    for x in lines[:-1]:
        assert PROBLEM_LINE.match(x) or x.startswith("… and"), f"not a one-line problem: {x!r}"
    hits = [x for x in lines[:-1] if names in x]
    assert hits, f"no problem names {names!r}:\n{run.output}"
    assert len(hits) == len(lines) - 1, f"problems beyond the one broken file:\n{run.output}"
    if line is not None:
        assert any(f"{names}:{line}:" in x for x in hits), f"expected line {line}:\n{run.output}"
    assert run.seconds < TIME_LIMIT


@dataclass
class Case:
    """One hostile input: what to break, and where the message must point."""

    id: str
    kind: str
    breaks: Callable[[Path], None]  # given the copied issue folder
    names: str  # a fragment of the path the message must name (relative to the issue folder or absolute)
    line: int | None = None
    env: dict[str, str] = field(default_factory=dict)
    private: tuple[str, ...] = ()  # resource folders copied into the case (layouts, fonts, color)


def replace_in(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def write(path: Path, data: bytes) -> None:
    """Replace ``path`` by a new file (never writing through a link into the repository)."""
    if path.is_symlink() or path.exists():
        path.unlink()
    path.write_bytes(data)


# ---------------------------------------------------------------------------------------- manifest
def _m(old: str, new: str) -> Callable[[Path], None]:
    return lambda d: replace_in(d / "mini.yaml", old, new)


def _nested_yaml(depth: int) -> str:
    return "".join("  " * i + f"k{i}:\n" for i in range(depth)) + "  " * depth + "x: 1\n"


MANIFEST_CASES = [
    Case("nested-500", "manifest", lambda d: (d / "mini.yaml").write_text(_nested_yaml(500)), "mini.yaml", 32),
    Case("flow-10000", "manifest", _m("page_count: 4", "page_count: " + "[" * 10_000 + "]" * 10_000), "mini.yaml"),
    Case(
        "latin1",
        "manifest",
        lambda d: write(
            d / "mini.yaml", (d / "mini.yaml").read_bytes().replace("Édito".encode(), "Édito".encode("latin-1"))
        ),
        "mini.yaml",
        27,
    ),
    Case(
        "bom",
        "manifest",
        lambda d: write(d / "mini.yaml", b"\xef\xbb\xbf" + (d / "mini.yaml").read_bytes()),
        "mini.yaml",
        1,
    ),
    Case(
        "utf16",
        "manifest",
        lambda d: write(d / "mini.yaml", (d / "mini.yaml").read_text().encode("utf-16")),
        "mini.yaml",
        1,
    ),
    Case("raw-nul", "manifest", _m("title: Un article", "title: Un \x00article"), "mini.yaml", 15),
    Case("escaped-nul", "manifest", _m("title: Un article", 'title: "Un \\0 article"'), "mini.yaml", 15),
    Case("lone-surrogate", "manifest", _m("title: Un article", 'title: "Un \\ud800 article"'), "mini.yaml", 15),
    Case("c1-control", "manifest", _m('caption: "Un disque"', 'caption: "Un \\x85 disque"'), "mini.yaml", 24),
    Case("bell", "manifest", _m("title: Un article", 'title: "Un \\a article"'), "mini.yaml", 15),
    Case("title-400k", "manifest", _m("title: Un article", "title: " + "x" * 400_000), "mini.yaml", 15),
    Case(
        "running-head-400k",
        "manifest",
        _m("title: Un article", "title: Un article\n    running_head: " + "Tête " * 80_000),
        "mini.yaml",
        16,
    ),
    Case(
        "running-head-81",
        "manifest",
        _m("title: Un article", "title: Un article\n    running_head: " + "r" * 81),
        "mini.yaml",
        16,
    ),
    Case("title-201", "manifest", _m("title: Un article", "title: " + "t" * 201), "mini.yaml", 15),
    Case("trim-nan", "manifest", _m("trim_width: 210", "trim_width: .nan"), "mini.yaml", 3),
    Case("trim-inf", "manifest", _m("trim_width: 210", "trim_width: .inf"), "mini.yaml", 3),
    Case("bleed-minus-inf", "manifest", _m("bleed: 3", "bleed: -.inf"), "mini.yaml", 3),
    Case("page-count-huge", "manifest", _m("page_count: 4", "page_count: " + "9" * 400), "mini.yaml", 12),
    Case("first-page-float-overflow", "manifest", _m("first_page: 3", "first_page: 1e999"), "mini.yaml", 29),
    Case("focus-nan", "manifest", _m("max_height: 60}", "max_height: 60, focus: [.nan, 0.5]}"), "mini.yaml", 23),
    Case("max-height-nan", "manifest", _m("max_height: 60", "max_height: .nan"), "mini.yaml", 23),
    Case("alias", "manifest", _m("page_count: 4", "page_count: &n 4\nextra: *n"), "mini.yaml", 13),
    Case("python-tag", "manifest", _m("page_count: 4", "page_count: !!python/object:os.system 4"), "mini.yaml", 12),
    Case("duplicate-key", "manifest", _m("page_count: 4", "page_count: 4\npage_count: 4"), "mini.yaml", 13),
    Case("bad-date", "manifest", _m("date: 2026-01-15", "date: 2026-13-45"), "mini.yaml", 2),
    Case("empty", "manifest", lambda d: write(d / "mini.yaml", b""), "mini.yaml"),
    Case("top-list", "manifest", lambda d: write(d / "mini.yaml", b"- a\n- b\n"), "mini.yaml", 1),
    Case("binary", "manifest", lambda d: write(d / "mini.yaml", bytes(range(256)) * 4), "mini.yaml"),
    Case("tab-indent", "manifest", _m("  - id: edito", "\t- id: edito"), "mini.yaml"),
    Case(
        "too-big",
        "manifest",
        lambda d: write(d / "mini.yaml", (d / "mini.yaml").read_bytes() + b"# " + b"x" * 2_100_000 + b"\n"),
        "mini.yaml",
    ),
    Case("text-escapes", "manifest", _m("texts/edito.md", "../../../../etc/passwd"), "mini.yaml", 32),
    Case("text-folder", "manifest", _m("texts/edito.md", "texts"), "mini.yaml", 32),
]


RESOURCES = kit.KIT  # the engine's kit: layouts, fonts, color


def copy_fixture(manifest: Path, dest: Path) -> Path:
    """The fixture with its resources named in the manifest (lines 4 and 5, the kit's folders), so
    that cases can point them elsewhere or break them."""
    copy = _copy_fixture(manifest, dest)
    lines = copy.read_text(encoding="utf-8").split("\n")
    lines[3:3] = [
        f"resources: {{layouts: {RESOURCES / 'layouts'}, fonts: {RESOURCES / 'fonts'}}}",
        f"output: {{profile: {RESOURCES / 'color' / 'FOGRA39L-300.icc'}}}",
    ]
    copy.write_text("\n".join(lines), encoding="utf-8")
    return copy


def _loop(d: Path, name: str) -> None:
    target = d / name
    if target.exists():
        target.unlink()
    os.symlink(target.name + ".loop", target)
    os.symlink(target.name, target.parent / (target.name + ".loop"))


def _resource_loop(key: str, folder: str) -> Callable[[Path], None]:
    def breaks(d: Path) -> None:
        _loop(d, "loop")
        replace_in(d / "mini.yaml", f"{key}: {RESOURCES / folder}", f"{key}: loop")

    return breaks


LINK_CASES = [
    Case("layouts-symlink-loop", "manifest", _resource_loop("layouts", "layouts"), "mini.yaml", 4),
    Case("fonts-symlink-loop", "manifest", _resource_loop("fonts", "fonts"), "mini.yaml", 4),
    Case("profile-symlink-loop", "manifest", _resource_loop("profile", "color/FOGRA39L-300.icc"), "mini.yaml", 5),
    Case("image-symlink-loop", "manifest", lambda d: _loop(d, "images/stripes.jpg"), "stripes.jpg"),
    Case("text-symlink-loop", "manifest", lambda d: _loop(d, "texts/edito.md"), "edito.md"),
    Case("images-folder-loop", "manifest", lambda d: (shutil.rmtree(d / "images"), _loop(d, "images")), "images"),
]

# ---------------------------------------------------------------------------------------- Markdown
ARTICLE = "texts/article.md"


def _a(old: str, new: str, file: str = ARTICLE) -> Callable[[Path], None]:
    return lambda d: replace_in(d / file, old, new)


def _append(text: str, file: str = "texts/edito.md") -> Callable[[Path], None]:
    return lambda d: (d / file).write_text((d / file).read_text(encoding="utf-8") + text, encoding="utf-8")


MARKDOWN_CASES = [
    Case("nul", "markdown", _a("Parce qu'un", "Parce\x00 qu'un"), ARTICLE, 14),
    Case("c0-control", "markdown", _a("Parce qu'un", "Parce\x01 qu'un"), ARTICLE, 14),
    Case("escape-char", "markdown", _a("Parce qu'un", "Parce\x1b[31m qu'un"), ARTICLE, 14),
    Case("c1-control", "markdown", _a("Parce qu'un", "Parce\x9b qu'un"), ARTICLE, 14),
    Case("del", "markdown", _a("Parce qu'un", "Parce\x7f qu'un"), ARTICLE, 14),
    Case("replacement-char", "markdown", _a("Parce qu'un", "Parce\ufffd qu'un"), ARTICLE, 14),
    Case("noncharacter", "markdown", _a("Parce qu'un", "Parce\uffff qu'un"), ARTICLE, 14),
    Case("entity-nul", "markdown", _a("Parce qu'un", "Parce&#0; qu'un"), ARTICLE, 14),
    Case("entity-surrogate", "markdown", _a("Parce qu'un", "Parce&#xD800; qu'un"), ARTICLE, 14),
    Case("entity-beyond", "markdown", _a("Parce qu'un", "Parce&#1114112; qu'un"), ARTICLE, 14),
    Case("entity-c1", "markdown", _a("Parce qu'un", "Parce&#x85; qu'un"), ARTICLE, 14),
    Case(
        "latin1",
        "markdown",
        lambda d: write(
            d / ARTICLE, (d / ARTICLE).read_bytes().replace(b"L'intelligence", "Lé'intelligence".encode("latin-1"))
        ),
        ARTICLE,
        3,
    ),
    Case(
        "encoded-surrogate",
        "markdown",
        lambda d: write(d / ARTICLE, (d / ARTICLE).read_bytes().replace(b"Parce qu'un", b"Parce \xed\xa0\x80qu'un")),
        ARTICLE,
        14,
    ),
    Case(
        "overlong-utf8",
        "markdown",
        lambda d: write(d / ARTICLE, (d / ARTICLE).read_bytes().replace(b"Parce qu'un", b"Parce \xc0\xafqu'un")),
        ARTICLE,
        14,
    ),
    Case("bom", "markdown", lambda d: write(d / ARTICLE, b"\xef\xbb\xbf" + (d / ARTICLE).read_bytes()), ARTICLE, 1),
    Case("paragraph-25k", "markdown", _append("\n\n" + "mot " * 6_300 + "\n"), "edito.md", 13),
    Case("paragraph-2mb", "markdown", _append("\n\n" + "mot " * 500_000 + "\n"), "edito.md"),
    Case("word-300", "markdown", _append("\n\nUn " + "a" * 300 + " mot.\n"), "edito.md", 14),
    Case("unclosed-box", "markdown", _append("\n\n::: box Encadré\n\nJamais fermé.\n"), "edito.md", 14),
    Case(
        "front-matter-nested",
        "markdown",
        _a("kicker: Essai", "kicker:\n" + _nested_yaml(100).replace("k0:", "  k0:")),
        ARTICLE,
    ),
    Case("front-matter-title-long", "markdown", _a("title: L'intelligence", "title: " + "T" * 300 + " L'"), ARTICLE, 3),
    Case("front-matter-nul-escape", "markdown", _a("kicker: Essai", 'kicker: "Es\\0sai"'), ARTICLE, 2),
    Case("front-matter-invalid", "markdown", _a("kicker: Essai", "kicker: [Essai"), ARTICLE),
    Case(
        "no-front-matter", "markdown", lambda d: (d / "texts/edito.md").write_text("Juste du texte.\n"), "edito.md", 1
    ),
    Case("empty", "markdown", lambda d: (d / "texts/edito.md").write_text(""), "edito.md", 1),
    Case("folder", "markdown", lambda d: ((d / "texts/edito.md").unlink(), (d / "texts/edito.md").mkdir()), "edito.md"),
]


# ---------------------------------------------------------------------------------------- images
def _img(name: str, make: Callable[[bytes], bytes]) -> Callable[[Path], None]:
    return lambda d: write(d / "images" / name, make((d / "images" / name).read_bytes()))


def _jpeg(mode: str = "RGB", **save) -> bytes:
    buf = io.BytesIO()
    Image.new(mode, (400, 300), (40, 80, 120) if mode == "RGB" else (10, 20, 30, 5)).save(buf, "JPEG", **save)
    return buf.getvalue()


def _png(size: tuple[int, int], mode: str = "RGB", **save) -> bytes:
    buf = io.BytesIO()
    Image.new(mode, size).save(buf, "PNG", **save)
    return buf.getvalue()


def _sof(data: bytes, marker: int) -> bytes:
    """The JPEG with its frame marker (SOF0/SOF2) changed to ``marker``."""
    at = max(data.find(b"\xff\xc0"), data.find(b"\xff\xc2"))
    return data[:at] + bytes([0xFF, marker]) + data[at + 2 :]


def _progressive(data: bytes) -> bytes:
    buf = io.BytesIO()
    Image.open(io.BytesIO(data)).save(buf, "JPEG", progressive=True, quality=90)
    return buf.getvalue()


def _truncated_with_eoi(data: bytes) -> bytes:
    return data[: len(data) // 2] + b"\xff\xd9"


def _icc_header_only() -> bytes:
    return (RESOURCES / "color" / "FOGRA39L-300.icc").read_bytes()[:128]


def _flip_png_crc(data: bytes) -> bytes:
    at = data.find(b"IDAT") + 20
    return data[:at] + bytes([data[at] ^ 0xFF]) + data[at + 1 :]


IMAGE_CASES = [
    Case("jpeg-half", "image", _img("stripes.jpg", lambda b: b[: len(b) // 2]), "stripes.jpg"),
    Case("jpeg-cut-end-marker-readded", "image", _img("stripes.jpg", _truncated_with_eoi), "stripes.jpg"),
    Case("jpeg-cut-by-ten-bytes", "image", _img("stripes.jpg", lambda b: b[:-12] + b"\xff\xd9"), "stripes.jpg"),
    Case("progressive-jpeg-half", "image", _img("stripes.jpg", lambda b: _jpeg(progressive=True)[:900]), "stripes.jpg"),
    Case(
        "progressive-jpeg-cut-end-marker-readded",
        "image",
        _img("stripes.jpg", lambda b: _truncated_with_eoi(_progressive(b))),
        "stripes.jpg",
    ),
    Case("jpeg-lossless", "image", _img("stripes.jpg", lambda b: _sof(b, 0xC3)), "stripes.jpg"),
    Case("jpeg-arithmetic", "image", _img("stripes.jpg", lambda b: _sof(b, 0xC9)), "stripes.jpg"),
    Case("jpeg-hierarchical", "image", _img("stripes.jpg", lambda b: _sof(b, 0xC5)), "stripes.jpg"),
    Case(
        "cmyk-jpeg-broken-icc",
        "image",
        _img("stripes.jpg", lambda b: _jpeg("CMYK", icc_profile=b"\0" * 200)),
        "stripes.jpg",
    ),
    Case(
        "cmyk-jpeg-icc-header-only",
        "image",
        _img("stripes.jpg", lambda b: _jpeg("CMYK", icc_profile=_icc_header_only())),
        "stripes.jpg",
    ),
    Case(
        "rgb-jpeg-broken-icc",
        "image",
        _img("stripes.jpg", lambda b: _jpeg(icc_profile=b"\0\0\1\0" + b"x" * 12 + b"RGB " + b"y" * 200)),
        "stripes.jpg",
    ),
    Case("png-broken-icc", "image", _img("disc.png", lambda b: _png((300, 200), icc_profile=b"\0" * 300)), "disc.png"),
    Case("png-bad-crc", "image", _img("disc.png", _flip_png_crc), "disc.png"),
    Case("png-cut", "image", _img("disc.png", lambda b: b[: len(b) * 2 // 3]), "disc.png"),
    Case("png-over-pixel-limit", "image", _img("disc.png", lambda b: _png((7200, 7000), "1")), "disc.png"),
    Case("png-over-memory-limit", "image", _img("disc.png", lambda b: _png((7000, 6500), "RGBA")), "disc.png"),
    Case("png-bomb", "image", _img("disc.png", lambda b: _png((20_000, 20_000), "1")), "disc.png"),
    Case("gif", "image", _img("disc.png", lambda b: b"GIF89a\x01\x00\x01\x00\x00\x00\x00;"), "disc.png"),
    Case("empty-image", "image", _img("disc.png", lambda b: b""), "disc.png"),
    Case("text-as-jpeg", "image", _img("stripes.jpg", lambda b: b"pas une image\n" * 10), "stripes.jpg"),
    Case("jpeg-garbage-header", "image", _img("stripes.jpg", lambda b: b[:2] + b"\x00\x11" + b[4:]), "stripes.jpg"),
    Case(
        "image-folder",
        "image",
        lambda d: ((d / "images/disc.png").unlink(), (d / "images/disc.png").mkdir()),
        "disc.png",
    ),
    Case("image-missing", "image", lambda d: (d / "images/disc.png").unlink(), "disc.png"),
    Case("tiff-cut", "image", _img("disc.png", lambda b: _tiff()[:3000]), "disc.png"),
]


def _tiff() -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (300, 200), (1, 2, 3)).save(buf, "TIFF")
    return buf.getvalue()


# ---------------------------------------------------------------------------------------- fonts
def _font(name: str, make: Callable[[bytes], bytes]) -> Callable[[Path], None]:
    return lambda d: write(d / "fonts" / name, make((RESOURCES / "fonts" / name).read_bytes()))


def _bad_table_offset(b: bytes) -> bytes:
    """The 'cmap' table's offset pointing far past the end of the file."""
    n = struct.unpack(">H", b[4:6])[0]
    for i in range(n):
        at = 12 + 16 * i
        if b[at : at + 4] == b"cmap":
            return b[: at + 8] + struct.pack(">L", len(b) * 4) + b[at + 12 :]
    raise AssertionError("no cmap")


def _zeroed_cmap(b: bytes) -> bytes:
    """The 'cmap' table's content zeroed: the directory is sound, the table is not."""
    n = struct.unpack(">H", b[4:6])[0]
    for i in range(n):
        at = 12 + 16 * i
        if b[at : at + 4] == b"cmap":
            offset, length = struct.unpack(">LL", b[at + 8 : at + 16])
            return b[:offset] + b"\xff" * length + b[offset + length :]
    raise AssertionError("no cmap")


def _fill_table(tag: bytes, fill: bytes) -> Callable[[bytes], bytes]:
    """The table ``tag`` overwritten with ``fill`` bytes: the directory is sound, the table is not."""

    def make(b: bytes) -> bytes:
        n = struct.unpack(">H", b[4:6])[0]
        for i in range(n):
            at = 12 + 16 * i
            if b[at : at + 4] == tag:
                offset, length = struct.unpack(">LL", b[at + 8 : at + 16])
                return b[:offset] + fill * length + b[offset + length :]
        raise AssertionError(f"no {tag!r}")

    return make


FONT = "NotoSans-Bold.ttf"
FONT_CASES = [
    Case("glyf-garbage", "font", _font(FONT, _fill_table(b"glyf", b"\xff")), FONT),
    Case("glyf-blanked", "font", _font(FONT, _fill_table(b"glyf", b"\x00")), FONT),
    Case("loca-garbage", "font", _font(FONT, _fill_table(b"loca", b"\xff")), FONT),
    Case("loca-blanked", "font", _font(FONT, _fill_table(b"loca", b"\x00")), FONT),
    Case("hmtx-garbage", "font", _font(FONT, _fill_table(b"hmtx", b"\xff")), FONT),
    Case("truncated-half", "font", _font(FONT, lambda b: b[: len(b) // 2]), FONT),
    Case("truncated-header", "font", _font(FONT, lambda b: b[:11]), FONT),
    Case("truncated-directory", "font", _font(FONT, lambda b: b[:40]), FONT),
    Case("empty", "font", _font(FONT, lambda b: b""), FONT),
    Case("otf", "font", _font(FONT, lambda b: b"OTTO" + b[4:]), FONT),
    Case("woff", "font", _font(FONT, lambda b: b"wOFF" + b[4:]), FONT),
    Case("random-with-magic", "font", _font(FONT, lambda b: b"\x00\x01\x00\x00" + os.urandom(5000)), FONT),
    Case("table-offset-beyond", "font", _font(FONT, _bad_table_offset), FONT),
    Case("cmap-garbage", "font", _font(FONT, _zeroed_cmap), FONT),
    Case("folder", "font", lambda d: ((d / "fonts" / FONT).unlink(), (d / "fonts" / FONT).mkdir()), FONT),
]
for c in FONT_CASES:
    c.private = ("fonts",)


# ---------------------------------------------------------------------------------------- templates
def _t(old: str, new: str, name: str = "article-2col.yaml") -> Callable[[Path], None]:
    return lambda d: replace_in(d / "layouts" / name, old, new)


TOP_HALF = "top-half: {x: 0, y: 0, w: 100%, h: 47.14%"
TEMPLATE_CASES = [
    Case("area-outside", "template", _t(TOP_HALF, "top-half: {x: 300, y: 0, w: 210, h: 140"), "article-2col.yaml", 8),
    Case("area-inf-width", "template", _t(TOP_HALF, "top-half: {x: 0, y: 0, w: .inf, h: 140"), "article-2col.yaml", 8),
    Case(
        "area-tiny-width", "template", _t(TOP_HALF, "top-half: {x: 0, y: 0, w: 1e-300, h: 140"), "article-2col.yaml", 8
    ),
    Case("area-nan-height", "template", _t(TOP_HALF, "top-half: {x: 0, y: 0, w: 210, h: .nan"), "article-2col.yaml", 8),
    Case("gutter-nan", "template", _t("gutter: 5", "gutter: .nan"), "article-2col.yaml", 4),
    Case(
        "columns-too-narrow", "template", _t("columns: 2\ngutter: 5", "columns: 6\ngutter: 40"), "article-2col.yaml", 4
    ),
    Case("opener-too-tall", "template", _t("opener_head: 120", "opener_head: 400"), "article-2col.yaml", 5),
    Case("measure-tiny", "template", _t("columns: 1", "columns: 1\nmeasure: 0.5", "editorial.yaml"), "editorial.yaml"),
    Case(
        "figures-nan",
        "template",
        _t("opener_head: 120", "opener_head: 120\nfigures: {min_height: .nan}"),
        "article-2col.yaml",
        6,
    ),
    Case(
        "nested",
        "template",
        _t("opener_head: 120", "opener_head: 120\nx:\n" + _nested_yaml(60).replace("k0:", "  k0:")),
        "article-2col.yaml",
    ),
    Case(
        "latin1",
        "template",
        lambda d: write(
            d / "layouts/article-2col.yaml",
            (d / "layouts/article-2col.yaml").read_bytes() + "# côté\n".encode("latin-1"),
        ),
        "article-2col.yaml",
    ),
    Case("empty", "template", lambda d: write(d / "layouts/article-2col.yaml", b""), "article-2col.yaml"),
]
STYLESHEET_CASES = [
    Case(
        "indent-nan", "stylesheet", _t("first_line_indent: 10", "first_line_indent: .nan", "styles.yaml"), "styles.yaml"
    ),
    Case("space-inf", "stylesheet", _t("space_before: 9", "space_before: .inf", "styles.yaml"), "styles.yaml"),
    Case(
        "size-nan",
        "stylesheet",
        _t(
            "size: 9.6, leading: 12.4, align: justify, first_line_indent",
            "size: .nan, leading: 12.4, align: justify, first_line_indent",
            "styles.yaml",
        ),
        "styles.yaml",
    ),
    Case(
        "leading-huge",
        "stylesheet",
        _t("leading: 12.4, align: justify, first", "leading: 1e308, align: justify, first", "styles.yaml"),
        "styles.yaml",
    ),
    Case(
        "colour-nan", "stylesheet", _t("ink: [0, 0, 0, 100]", "ink: [.nan, 0, 0, 100]", "styles.yaml"), "styles.yaml", 4
    ),
    Case(
        "word-space-nan",
        "stylesheet",
        _t("word_space: [80, 100, 133]", "word_space: [.nan, 100, 133]", "styles.yaml"),
        "styles.yaml",
    ),
    Case(
        "letter-spacing-inf",
        "stylesheet",
        _t("letter_spacing: 2", "letter_spacing: .inf", "styles.yaml"),
        "styles.yaml",
    ),
    Case(
        "left-indent-negative",
        "stylesheet",
        _t("first_line_indent: 10", "first_line_indent: 10, left_indent: -5", "styles.yaml"),
        "styles.yaml",
    ),
    Case(
        "bom",
        "stylesheet",
        lambda d: write(d / "layouts/styles.yaml", b"\xef\xbb\xbf" + (d / "layouts/styles.yaml").read_bytes()),
        "styles.yaml",
        1,
    ),
]
for c in TEMPLATE_CASES + STYLESHEET_CASES:
    c.private = ("layouts",)

# ---------------------------------------------------------------------------------------- ICC profile
ICC = "FOGRA39L-300.icc"


def _icc(make: Callable[[bytes], bytes]) -> Callable[[Path], None]:
    return lambda d: write(d / "color" / ICC, make((RESOURCES / "color" / ICC).read_bytes()))


ICC_CASES = [
    Case("header-only", "icc", _icc(lambda b: b[:128]), "mini.yaml", 5),
    Case("half", "icc", _icc(lambda b: b[: len(b) // 2]), "mini.yaml", 5),
    Case("garbage-tags", "icc", _icc(lambda b: b[:132] + b"\xff" * (len(b) - 132)), "mini.yaml", 5),
    Case("rgb-profile", "icc", _icc(lambda b: b[:12] + b"mntrRGB " + b[20:]), "mini.yaml", 5),
    Case("empty", "icc", _icc(lambda b: b""), "mini.yaml", 5),
    Case("missing", "icc", lambda d: (d / "color" / ICC).unlink(), "mini.yaml", 5),
]
for c in ICC_CASES:
    c.private = ("color",)

# ---------------------------------------------------------------------------------------- environment
ENV_CASES = [
    Case("epoch-huge", "environment", lambda d: None, "$SOURCE_DATE_EPOCH", env={"SOURCE_DATE_EPOCH": "9" * 30}),
    Case(
        "epoch-year-10000",
        "environment",
        lambda d: None,
        "$SOURCE_DATE_EPOCH",
        env={"SOURCE_DATE_EPOCH": "253402300800"},
    ),
    Case("epoch-negative", "environment", lambda d: None, "$SOURCE_DATE_EPOCH", env={"SOURCE_DATE_EPOCH": "-1"}),
    Case("epoch-words", "environment", lambda d: None, "$SOURCE_DATE_EPOCH", env={"SOURCE_DATE_EPOCH": "yesterday"}),
    Case(
        "epoch-arabic-digits",
        "environment",
        lambda d: None,
        "$SOURCE_DATE_EPOCH",
        env={"SOURCE_DATE_EPOCH": "١٧١٨٤٠٩٦٠٠"},
    ),
]

ALL_CASES = (
    MANIFEST_CASES
    + LINK_CASES
    + MARKDOWN_CASES
    + IMAGE_CASES
    + FONT_CASES
    + TEMPLATE_CASES
    + STYLESHEET_CASES
    + ICC_CASES
    + ENV_CASES
)


# ---------------------------------------------------------------------------------------- running
@pytest.fixture(scope="module")
def last_good(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture issue built once: the outputs every failing case must leave as they are."""
    base = tmp_path_factory.mktemp("good")
    manifest = copy_fixture(MINI, base / "issue")
    run = invoke(["build", str(manifest), "--out", str(base / "out")])
    assert run.code == 0, run.output
    return base / "out"


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def prepare_case(case: Case, tmp_path: Path, last_good: Path) -> tuple[Path, Path]:
    """A copy of the issue (and of the resource folders the case breaks) and of the last good outputs."""
    manifest = copy_fixture(MINI, tmp_path / "issue")
    text = manifest.read_text(encoding="utf-8")
    for folder in case.private:
        local = tmp_path / "issue" / folder
        if folder == "fonts":  # hard links where the file system allows (fonts are large), else copies
            local.mkdir()
            for f in (RESOURCES / folder).iterdir():
                try:
                    os.link(f, local / f.name)
                except OSError:
                    shutil.copy2(f, local / f.name)
        else:
            shutil.copytree(RESOURCES / folder, local)
        text = text.replace(str(RESOURCES / folder), folder)
    manifest.write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    shutil.copytree(last_good, out)
    case.breaks(tmp_path / "issue")
    return tmp_path / "issue" / "mini.yaml", out


@pytest.mark.parametrize("case", ALL_CASES, ids=[f"{c.kind}-{c.id}" for c in ALL_CASES])
def test_hostile_input(case: Case, tmp_path: Path, last_good: Path) -> None:
    manifest, out = prepare_case(case, tmp_path, last_good)
    before = snapshot(out)
    peak_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    checked = invoke(["validate", str(manifest)], case.env)
    assert_refused(checked, case.names, case.line)
    built = invoke(["build", str(manifest), "--out", str(out)], case.env)
    assert_refused(built, case.names, case.line)
    problems = lambda run: sorted(x for x in run.stderr.splitlines()[:-1])  # noqa: E731
    assert problems(built) == problems(checked), "validate and build must stop on the same problems"
    assert snapshot(out) == before, "the last good outputs changed"
    assert built.peak_mib - peak_before < MEMORY_LIMIT  # this process's peak, raised by the case at most


def test_suite_covers_every_file_kind() -> None:
    kinds = {c.kind for c in ALL_CASES}
    assert kinds >= {"manifest", "markdown", "image", "font", "template", "stylesheet", "icc", "environment"}
    assert len({c.id + c.kind for c in ALL_CASES}) == len(ALL_CASES)


def test_readme_states_the_limits() -> None:
    """The README's table of limits is the code's."""
    from ials_print import limits as L
    from ials_print.preflight import limits as P

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    stated = [
        f"{L.MAX_YAML_BYTES:,} bytes, nested {L.MAX_YAML_DEPTH} levels deep, {L.MAX_YAML_STRING:,} characters",
        f"{L.MAX_MARKDOWN_BYTES:,} bytes; a paragraph {L.MAX_PARAGRAPH_CHARS:,} characters, a word {L.MAX_WORD_CHARS}",
        f"{L.MAX_TITLE_CHARS} / {L.MAX_RUNNING_HEAD_CHARS} characters",
        f"{L.MAX_IMAGE_PIXELS // 1_000_000} million pixels and {L.MAX_IMAGE_MEMORY // 2**20} MiB decoded",
        f"{L.MAX_FONT_BYTES // 1_000_000} MB / {L.MAX_ICC_BYTES // 1_000_000} MB",
        f"from 0 to {L.MAX_EPOCH}",
        f"at most {P.MAX_PAGES:,} pages and {P.MAX_OBJECTS:,} objects, Form XObjects nested {P.MAX_FORM_DEPTH} deep",
        f"{P.MAX_FORM_CALLS:,} painted in all, {P.MAX_OPERATIONS:,} content operators",
        f"content streams of {P.MAX_STREAM_BYTES // 2**20} MiB each and {P.MAX_DECODED_BYTES // 2**20} MiB in",
        f"{P.MIN_PAGE_POINTS:g} to {P.MAX_PAGE_POINTS:,.0f} pt each way",
        f"decoding at most {P.MAX_SAMPLE_BYTES // 1024**3} GiB of CMYK samples",
    ]
    flat = " ".join(readme.split())
    for text in stated:
        assert text in flat, f"README does not state: {text}"


KINDS = ROOT / "tests" / "fixtures" / "kinds" / "kinds.yaml"
DATA_CASES = {
    "nul-escape": ("masthead: IALS", 'masthead: "IA\\0LS"', 2),
    "lone-surrogate": ("tagline: [Intelligence", 'tagline: ["\\udc80", Intelligence', 4),
    "nested": ("masthead: IALS", "masthead:\n" + _nested_yaml(40).replace("k0:", "    k0:"), None),
    "value-too-long": ("masthead: IALS", "masthead: " + "I" * 10_001, 2),
    "latin1": ("numéro 42", None, 3),
    "nan-where-text": ("masthead: IALS", "masthead: .nan", 2),
}


@pytest.mark.parametrize("name", list(DATA_CASES))
def test_hostile_data_file(name: str, tmp_path: Path) -> None:
    """The data file of cover, contents and gallery pages: the same rules, through validate and build."""
    manifest = _copy_fixture(KINDS, tmp_path / "kinds")
    data = manifest.parent / "data.yaml"
    old, new, line = DATA_CASES[name]
    if new is None:
        data.write_bytes(data.read_bytes().replace(old.encode(), old.encode("latin-1")))
    else:
        replace_in(data, old, new)
    assert_refused(invoke(["validate", str(manifest)]), "data.yaml", line)
    out = tmp_path / "out"
    assert_refused(invoke(["build", str(manifest), "--out", str(out)]), "data.yaml", line)
    assert not out.exists() or not list(out.iterdir())


COMMANDS = [
    ["validate"],
    ["build", "--out", "{out}"],
    ["preview", "article", "{manifest}", "--out", "{out}"],  # the section the broken files belong to
    ["proof", "--out", "{out}"],
    ["flatplan", "--out", "{out}"],
    ["fit"],
    ["provenance"],
]
EVERY_COMMAND = [c for c in ALL_CASES if c.id in ("truncated-half", "area-nan-height", "nul", "jpeg-lossless")]


@pytest.mark.parametrize("case", EVERY_COMMAND, ids=[f"{c.kind}-{c.id}" for c in EVERY_COMMAND])
def test_every_command_refuses_the_same_way(case: Case, tmp_path: Path, last_good: Path) -> None:
    """Every command that reads the issue stops with exit 2 on bad input, and writes nothing."""
    manifest, out = prepare_case(case, tmp_path, last_good)
    before = snapshot(out)
    for command in COMMANDS:
        args = [a.format(out=out, manifest=manifest) for a in command]
        if "{manifest}" not in " ".join(command):
            args.insert(1, str(manifest))
        assert_refused(invoke(args, case.env), case.names, case.line)
    assert snapshot(out) == before

"""Every manifest mistake: one readable line, file:line:column, all problems at once."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from ials_print.errors import InputError
from ials_print.manifest.load import load_issue
from ials_print.manifest.model import Manifest
from ials_print.manifest.yamlfile import parse_yaml


def problems_of(manifest: Path) -> list[str]:
    with pytest.raises(InputError) as exc:
        load_issue(manifest)
    lines = [str(p) for p in exc.value.problems]
    for line in lines:
        assert "\n" not in line and "Traceback" not in line
    return lines


def edit(manifest: Path, old: str, new: str) -> None:
    text = manifest.read_text(encoding="utf-8")
    assert old in text, old
    manifest.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_of(manifest: Path, needle: str) -> int:
    for n, line in enumerate(manifest.read_text(encoding="utf-8").splitlines(), 1):
        if needle in line:
            return n
    raise AssertionError(needle)


def test_fixture_and_real_issue_are_valid(mini_copy):
    load_issue(mini_copy)
    load_issue(Path(__file__).parent.parent / "issue" / "ials-03.yaml")


def test_misspelt_key(mini_copy):
    edit(
        mini_copy,
        "    provenance: humain\n    text: texts/edito.md",
        "    provenence: humain\n    text: texts/edito.md",
    )
    (line,) = problems_of(mini_copy)
    n = line_of(mini_copy, "provenence")
    assert line.startswith(f"{mini_copy}:{n}:5: ")
    assert "unknown key 'provenence'" in line and "did you mean 'provenance'" in line


def test_wrong_type(mini_copy):
    edit(mini_copy, "first_page: 3", "first_page: trois")
    lines = problems_of(mini_copy)
    n = line_of(mini_copy, "first_page: trois")
    assert any(
        re.match(rf".*mini\.yaml:{n}:17: .*first_page: expected a valid integer.*found 'trois'", x) for x in lines
    )


def test_wrong_enum_value(mini_copy):
    edit(mini_copy, "provenance: humain\n    text: texts/edito.md", "provenance: IA\n    text: texts/edito.md")
    (line,) = problems_of(mini_copy)
    assert "expected 'ia', 'mixte' or 'humain', found 'IA'" in line


def test_missing_text_file(mini_copy):
    edit(mini_copy, "text: texts/edito.md", "text: texts/absent.md")
    (line,) = problems_of(mini_copy)
    n = line_of(mini_copy, "texts/absent.md")
    assert line.startswith(f"{mini_copy}:{n}:11: ") and "'texts/absent.md' not found" in line


def test_duplicated_section_id(mini_copy):
    edit(mini_copy, "id: reserve", "id: edito")
    lines = problems_of(mini_copy)
    assert any("duplicate section id 'edito'" in x for x in lines)


def test_overlapping_page_range(mini_copy):
    edit(mini_copy, "first_page: 3", "first_page: 2")
    lines = problems_of(mini_copy)
    n = line_of(mini_copy, "first_page: 2")
    assert any(
        x.startswith(f"{mini_copy}:{n}:") and "overlapping page range" in x and "'article' ends on page 2" in x
        for x in lines
    )


def test_gap_in_flatplan(mini_copy):
    edit(mini_copy, "first_page: 4, pages: 1", "first_page: 5, pages: 1")
    lines = problems_of(mini_copy)
    assert any("gap in the flatplan: pages 4–4 belong to no section" in x for x in lines)
    assert any("sections cover pages 1–5 but page_count is 4" in x for x in lines)


def test_path_escaping_issue_folder(mini_copy):
    edit(mini_copy, "text: texts/edito.md", "text: ../../etc/passwd")
    (line,) = problems_of(mini_copy)
    assert "escapes the issue folder" in line and line.startswith(f"{mini_copy}:")


def test_image_that_is_not_an_image(mini_copy):
    (mini_copy.parent / "images" / "stripes.jpg").write_text("not a picture", encoding="utf-8")
    (line,) = problems_of(mini_copy)
    n = line_of(mini_copy, "images/stripes.jpg")
    assert line.startswith(f"{mini_copy}:{n}:") and "not an image" in line


def test_image_cut_short(mini_copy):
    path = mini_copy.parent / "images" / "stripes.jpg"
    path.write_bytes(path.read_bytes()[:5000])
    (line,) = problems_of(mini_copy)
    assert "cut short" in line or "damaged" in line


def test_png_cut_short(mini_copy):
    path = mini_copy.parent / "images" / "disc.png"
    path.write_bytes(path.read_bytes()[:-40])
    (line,) = problems_of(mini_copy)
    assert "images/disc.png" in line and ("damaged" in line or "truncated" in line.lower())


def test_unknown_layout_and_area(mini_copy):
    edit(mini_copy, "layout: editorial", "layout: editoral")
    edit(mini_copy, "area: top-half", "area: top-halves")
    lines = problems_of(mini_copy)
    assert any("unknown layout 'editoral'" in x for x in lines)
    assert any("unknown area 'top-halves'" in x for x in lines)


def test_all_problems_at_once(mini_copy):
    edit(mini_copy, "id: reserve", "id: edito")
    edit(mini_copy, "text: texts/article.md", "text: texts/nope.md")
    edit(mini_copy, "layout: editorial", "layout: nowhere")
    assert len(problems_of(mini_copy)) >= 3


def test_yaml_syntax_error_has_position(mini_copy):
    edit(mini_copy, "page_count: 4", "page_count: [4")
    (line,) = problems_of(mini_copy)
    assert re.match(rf"{re.escape(str(mini_copy))}:\d+:\d+: invalid YAML", line)


def test_alias_bomb_refused():
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: [*b, *b, *b, *b, *b]\n"
    with pytest.raises(InputError) as exc:
        parse_yaml(bomb, Path("bomb.yaml"))
    assert "aliases" in str(exc.value) and "bomb.yaml:2:" in str(exc.value)


def test_no_object_construction():
    with pytest.raises(InputError) as exc:
        parse_yaml("a: !!python/object/apply:os.system ['true']\n", Path("evil.yaml"))
    assert "evil.yaml:1:4" in str(exc.value)


def test_duplicate_key():
    with pytest.raises(InputError) as exc:
        parse_yaml("issue: 1\nissue: 2\n", Path("d.yaml"))
    assert "d.yaml:2:1: duplicate key 'issue'" in str(exc.value)


def test_article_problems_have_lines(mini_copy):
    article = mini_copy.parent / "texts" / "article.md"
    original = article.read_text(encoding="utf-8")
    article.write_text(original.replace("kicker: Essai", "kiker: Essai"), encoding="utf-8")
    (line,) = problems_of(mini_copy)
    assert line.startswith(f"{article}:2:1: unknown key 'kiker'") and "did you mean 'kicker'" in line
    article.write_text(original.replace("(stripes)", "(unknown-image)"), encoding="utf-8")
    lines = problems_of(mini_copy)
    n = line_of(article, "(unknown-image)")
    assert any(
        x.startswith(f"{article}:{n}: image 'unknown-image' is not among section 'article' images") for x in lines
    )


def test_unplaced_flow_visual_is_an_error(mini_copy):
    article = mini_copy.parent / "texts" / "article.md"
    article.write_text(
        article.read_text(encoding="utf-8").replace("![Des rayures générées](stripes)", ""), encoding="utf-8"
    )
    (line,) = problems_of(mini_copy)
    assert "visual 'stripes' is placed in the flow but the article never references it" in line


def test_json_schema_describes_sections():
    schema = Manifest.model_json_schema()
    assert "sections" in schema["required"]
    assert schema["$defs"]["Section"]["additionalProperties"] is False


def test_impossible_date(mini_copy):
    edit(mini_copy, "date: 2026-01-15", "date: 2026-13-45")
    (line,) = problems_of(mini_copy)
    assert re.match(rf"{re.escape(str(mini_copy))}:2:\d+: expected a valid value, found '2026-13-45'", line)


def test_margins_leave_no_type_area(mini_copy):
    edit(mini_copy, "bleed: 3}", "bleed: 3, margins: {inside: 120, outside: 100}}")
    (line,) = problems_of(mini_copy)
    assert "margins leave no room for text" in line


def own_resource(manifest: Path, folder: str, tmp_path: Path) -> Path:
    """Give the issue a private copy of one resource folder of the kit (layouts, fonts) to break."""
    import shutil

    from ials_print import kit

    copy = tmp_path / folder
    shutil.copytree(kit.KIT / folder, copy)
    text = manifest.read_text(encoding="utf-8")
    manifest.write_text(f"resources: {{{folder}: {copy}}}\n" + text, encoding="utf-8")
    return copy


def test_unknown_style_in_layout(mini_copy, tmp_path):
    ed = own_resource(mini_copy, "layouts", tmp_path) / "editorial.yaml"
    ed.write_text(ed.read_text(encoding="utf-8").replace("body: edito_body,", "body: edito_bdy,"), encoding="utf-8")
    (line,) = problems_of(mini_copy)
    assert line.startswith(f"{ed}:") and "unknown style 'edito_bdy'" in line and "did you mean 'edito_body'" in line


def test_placeholder_takes_no_text(mini_copy):
    edit(mini_copy, "layout: editorial", "layout: placeholder")
    (line,) = problems_of(mini_copy)
    assert "reserves pages and sets no content" in line


def test_font_that_is_not_a_font(mini_copy, tmp_path):
    fonts = own_resource(mini_copy, "fonts", tmp_path)
    (fonts / "NotoSans-Italic.ttf").write_text("not a font", encoding="utf-8")
    lines = problems_of(mini_copy)
    n = line_of(mini_copy, "NotoSans-Italic.ttf")
    assert any(
        x.startswith(f"{mini_copy}:{n}:") and "expected a TrueType font (.ttf), found a file that is not a font" in x
        for x in lines
    )


def test_empty_image_and_folder(mini_copy):
    (mini_copy.parent / "images" / "stripes.jpg").write_bytes(b"")
    (line,) = problems_of(mini_copy)
    assert "found an empty file (0 bytes)" in line


def test_empty_manifest(tmp_path):
    empty = tmp_path / "empty.yaml"
    empty.write_text("# nothing\n", encoding="utf-8")
    (line,) = problems_of(empty)
    assert "found an empty document" in line


def test_unknown_area_suggests(mini_copy):
    edit(mini_copy, "area: top-half", "area: top-hlf")
    (line,) = problems_of(mini_copy)
    assert "did you mean 'top-half'" in line
    assert "found {" not in line  # no noise from the 'flow' branch of the union

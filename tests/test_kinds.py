"""Pages built from data: cover, ad, generated contents, fashion portfolio, past issues."""

from __future__ import annotations

import pytest

from ials_print.errors import InputError
from ials_print.layout.contents import contents_entries
from ials_print.manifest.load import load_issue
from ials_print.output.build import render
from tests.conftest import ROOT, copy_fixture, missing_words, page_texts

KINDS = ROOT / "tests" / "fixtures" / "kinds" / "kinds.yaml"


@pytest.fixture(scope="module")
def kinds_build(tmp_path_factory):
    issue = load_issue(KINDS)
    result = render(issue)
    out = tmp_path_factory.mktemp("kinds") / "kinds.pdf"
    out.write_bytes(result.pdf)
    return issue, result, page_texts(out)


def test_builds_without_layout_errors(kinds_build):
    _, result, _ = kinds_build
    assert [e for e in result.errors] == []
    assert not [w for w in result.warnings if "underset" in w or "overset" in w]


def test_cover_prints_masthead_lines_and_ai_notice(kinds_build):
    _, _, texts = kinds_build
    assert "IALS" in texts[0] and "Rouge" in texts[0] and "GÉNÉRÉS PAR IA" in texts[0]


def test_contents_numbers_come_from_the_manifest(kinds_build):
    _, _, texts = kinds_build
    contents = texts[2]
    assert "NUMÉRO 42" in contents and "numéro 2" not in contents.lower().replace("numéro 42", "")
    assert "4" in contents.split() and "Rouge" in contents  # the Mode rubric opens on page 4
    assert "Contenu 100% IA" in contents and "Contenu IA / Humain" in contents
    # One label a pictogram: the legend's words, not the pictogram's own label beside them.
    assert contents.count("IA / Humain") == 1 and "100\u202f% IA" not in contents


def test_built_in_pictogram_labels_have_the_french_space():
    from ials_print.provenance.labels import LABELS

    assert LABELS["ia"] == "100\u202f% IA" and LABELS["humain"] == "100\u202f% Humain"


def test_moving_a_section_moves_its_contents_entry(tmp_path):
    manifest = copy_fixture(KINDS, tmp_path / "kinds")
    text = manifest.read_text(encoding="utf-8")
    # Swap: gallery first (page 4), then the portfolio (pages 5–6).
    text = text.replace("first_page: 4\n    pages: 2", "first_page: 5\n    pages: 2").replace(
        "first_page: 6\n    pages: 1", "first_page: 4\n    pages: 1"
    )
    head, sections = text.split("sections:\n")
    blocks = sections.split("\n  - id: ")
    mode = next(b for b in blocks if b.startswith("mode"))
    archives = next(b for b in blocks if b.startswith("archives"))
    sections = sections.replace("\n  - id: " + mode, "").replace(archives, archives + "\n  - id: " + mode.rstrip())
    manifest.write_text(head + "sections:\n" + sections + "\n", encoding="utf-8")
    issue = load_issue(manifest)
    (entry,) = [e for e in contents_entries(issue) if e.rubric == "Mode"]
    assert entry.page == 5


def test_portfolio_one_visual_per_page_with_credits(kinds_build):
    _, result, texts = kinds_build
    pages = [p for p in result.pages if p.section_id == "mode"]
    assert [v for p in pages for v, _ in p.visuals] == ["look-1", "look-2"]
    assert "@ PREMIÈRE ÉLÈVE" in texts[3] and "Rouge" in texts[3] and "contributrices" in texts[3]
    assert "@ SECOND ÉLÈVE" in texts[4]


def test_portfolio_overset_when_more_visuals_than_pages(tmp_path):
    manifest = copy_fixture(KINDS, tmp_path / "kinds")
    text = manifest.read_text(encoding="utf-8")
    text = text.replace("first_page: 4\n    pages: 2", "first_page: 4\n    pages: 1").replace(
        "first_page: 6\n    pages: 1", "first_page: 5\n    pages: 2"
    )
    manifest.write_text(text, encoding="utf-8")
    result = render(load_issue(manifest))
    assert any("overset in section 'mode': 1 visual page(s) left over" in e and "look-2" in e for e in result.errors)


def test_no_word_of_the_data_lost(kinds_build):
    issue, _, texts = kinds_build
    data = issue.page_data["couverture"]
    source = " ".join(
        [
            data.cover.masthead,
            *data.cover.tagline,
            *(ln.line for ln in data.cover.cover_lines),
            data.inside_cover_ad.text,
            data.inside_cover_ad.headline,
            data.past_issues_footer.text,
            *(p.label for p in data.past_issues),
        ]
    )
    assert missing_words(source, "\n".join(texts)) == {}


def test_cover_needs_its_data(tmp_path):
    manifest = copy_fixture(KINDS, tmp_path / "kinds")
    text = manifest.read_text(encoding="utf-8")
    text = text.replace(
        "provenance: ia, data: data.yaml, in_contents: false,\n     images: [{id: cover",
        "provenance: ia, in_contents: false,\n     images: [{id: cover",
    )
    manifest.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as exc:
        load_issue(manifest)
    assert any("layout 'cover' needs a 'data' file" in str(p) for p in exc.value.problems)


def test_page_break_starts_a_new_page(mini_copy):
    art = mini_copy.parent / "texts" / "article.md"
    text = art.read_text(encoding="utf-8").replace("## Une intertitre", "***\n\n## Une intertitre")
    art.write_text(text, encoding="utf-8")
    result = render(load_issue(mini_copy))
    out = mini_copy.parent / "x.pdf"
    out.write_bytes(result.pdf)
    texts = page_texts(out)
    assert "intertitre" not in texts[0].lower() and "intertitre" in texts[1].lower()

"""Shared fixtures: the small fixture issue, the real issue, and PDF text helpers."""

from __future__ import annotations

import re
import shutil
from collections import Counter
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from ials_print.manifest.load import Issue, load_issue
from ials_print.output.build import BuildResult, build

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "mini"
MINI = FIXTURE / "mini.yaml"
ISSUE = ROOT / "issue" / "ials-03.yaml"


def page_texts(pdf_path: Path) -> list[str]:
    """Text of each page, soft hyphens at line ends rejoined."""
    pdf = pdfium.PdfDocument(str(pdf_path))
    try:
        out = []
        for page in pdf:
            text = page.get_textpage().get_text_range()
            out.append(re.sub("[\ufffe\u00ad]\r?\n?", "", text))
        return out
    finally:
        pdf.close()


def words(text: str) -> Counter[str]:
    text = text.replace("’", "'").lower()
    return Counter(re.findall(r"\w+", text))


def missing_words(source: str, printed: str) -> Counter[str]:
    """Words of ``source`` that the printed text lacks (superscripts may split a word: 3e → 3 e)."""
    lost = words(source) - words(printed)
    squashed = re.sub(r"\s+", "", printed.replace("’", "'").lower())
    return Counter({w: n for w, n in lost.items() if w not in squashed})


def source_text(issue: Issue) -> str:
    """Every word the issue's content files and manifest captions hold."""
    parts = []
    for section in issue.manifest.sections:
        article = issue.articles.get(section.id)
        if article:
            parts.append(article.plain_text())
        for v in section.images:
            parts += [v.caption or "", v.credit or ""]
    for data in {id(d): d for d in issue.page_data.values()}.values():
        dump = data.model_dump(exclude={"contents": {"issue_label_as_printed", "issue_label", "title"}})
        parts += [str(v) for v in _strings(dump)]
    return "\n".join(parts)


def _strings(value):
    """Every string inside nested dicts and lists (the words a data file prints)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from _strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from _strings(v)


@pytest.fixture(scope="session", autouse=True)
def image_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Tests never write to the user's image cache."""
    folder = tmp_path_factory.mktemp("image-cache")
    mp = pytest.MonkeyPatch()
    mp.setenv("IALS_PRINT_CACHE", str(folder))
    yield folder
    mp.undo()


@pytest.fixture(autouse=True)
def section_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Each test has a section cache of its own: a test that patches the layout must never be served
    pages another test laid out (the images' cache stays shared: it is keyed by what makes them)."""
    import ials_print.output.build as build_module

    folder = tmp_path_factory.mktemp("sections")
    real = build_module.cache_folder
    monkeypatch.setattr(build_module, "cache_folder", lambda kind: folder if kind == "sections" else real(kind))
    return folder


@pytest.fixture(scope="session")
def mini_issue() -> Issue:
    return load_issue(MINI)


@pytest.fixture(scope="session")
def mini_build(tmp_path_factory: pytest.TempPathFactory, mini_issue: Issue) -> BuildResult:
    out = tmp_path_factory.mktemp("mini") / "mini.pdf"
    return build(mini_issue, out)


@pytest.fixture(scope="session")
def real_build(tmp_path_factory: pytest.TempPathFactory) -> tuple[Issue, BuildResult]:
    issue = load_issue(ISSUE)
    out = tmp_path_factory.mktemp("issue") / "ials-03.pdf"
    return issue, build(issue, out)


def copy_fixture(manifest: Path, dest: Path) -> Path:
    """A writable copy of a fixture issue (it uses the engine's kit: layouts, fonts, profile)."""
    shutil.copytree(manifest.parent, dest)
    return dest / manifest.name


@pytest.fixture
def mini_copy(tmp_path: Path) -> Path:
    return copy_fixture(MINI, tmp_path / "issue")

"""Legal mentions: optional manifest fields, printed in the colophon's legal block; validate warns."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from ials_print.cli import app
from ials_print.manifest.load import load_issue
from ials_print.output.build import render
from tests.conftest import page_texts

runner = CliRunner()
LEGAL = (
    "legal: {publisher: Éditions Test, publication_director: Jeanne Testeuse, printer: Imprimerie Exemple,\n"
    "        printer_address: '1 rue du Papier, 69000 Lyon', legal_deposit: à parution, issn: 1234-5679}\n"
)


def _with(mini: Path, legal: str = LEGAL, colophon: bool = True) -> Path:
    text = mini.read_text(encoding="utf-8").replace("page_count: 4", legal + "page_count: 4")
    if colophon:  # the editorial set in the colophon's layout, the one with the legal block
        text = text.replace("    layout: editorial\n", "    layout: colophon\n")
    mini.write_text(text, encoding="utf-8")
    return mini


def test_mentions_printed_in_the_colophon(mini_copy, tmp_path):
    result = render(load_issue(_with(mini_copy)))
    assert not result.errors, result.errors
    pdf = tmp_path / "mini.pdf"
    pdf.write_bytes(result.pdf)
    page = page_texts(pdf)[2].replace("MENTIONS LÉGALES", "Mentions légales")  # the box title in capitals
    for words in ("Mentions légales", "Éditions Test", "Jeanne Testeuse", "Imprimerie Exemple", "69000 Lyon",
                  "à parution", "1234-5679", "Directeur·rice de la publication"):  # fmt: skip
        assert words in page, words


def test_no_mentions_no_block(mini_copy, tmp_path):
    result = render(load_issue(_with(mini_copy, legal="")))
    pdf = tmp_path / "mini.pdf"
    pdf.write_bytes(result.pdf)
    assert "Mentions légales" not in page_texts(pdf)[2]


def test_validate_warns_when_mentions_lack(mini_copy):
    result = runner.invoke(app, ["validate", str(mini_copy)])
    assert result.exit_code == 0, result.output
    assert f"{mini_copy}:2:1: warning: a French periodical prints its legal mentions" in result.output
    assert "publication_director" in result.output and "issn" in result.output


def test_validate_is_quiet_when_all_are_given(mini_copy):
    result = runner.invoke(app, ["validate", str(_with(mini_copy, colophon=False))])
    assert result.exit_code == 0 and "legal mentions" not in result.output, result.output


def test_bad_issn_is_bad_input(mini_copy):
    result = runner.invoke(app, ["validate", str(_with(mini_copy, LEGAL.replace("1234-5679", "12345")))])
    assert result.exit_code == 2 and f"{mini_copy}:" in result.output and "issn" in result.output

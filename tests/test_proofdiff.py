"""Proof rounds: each proof kept with its pages' keys; --diff renders only what changed and outlines it."""

from __future__ import annotations

import json

import pypdfium2 as pdfium
from typer.testing import CliRunner

from ials_print.cli import app

runner = CliRunner()


def test_proof_diff_shows_the_changed_page_only(mini_copy, tmp_path):
    out = tmp_path / "out"
    first = runner.invoke(app, ["proof", str(mini_copy), "--out", str(out)])
    assert first.exit_code in (0, 1), first.output
    history = json.loads((out / "mini.proofs.json").read_text(encoding="utf-8"))
    assert history["last"] == 1 and set(history["proofs"]["1"]["pages"]) == {"1", "2", "3", "4"}
    assert (out / history["proofs"]["1"]["pdf"]).is_file()
    # Nothing changed: nothing to show.
    same = runner.invoke(app, ["proof", str(mini_copy), "--out", str(out), "--diff"])
    assert "proof diff n°1 → n°2 — changed pages: none; 0 compared" in same.output, same.output
    assert not (out / "mini-proof-2-diff.pdf").exists()
    # The editorial (page 3) changes: only its page is rendered and shown.
    edito = mini_copy.parent / "texts" / "edito.md"
    edito.write_text(
        edito.read_text(encoding="utf-8") + "\nUn paragraphe de plus pour la différence.\n", encoding="utf-8"
    )
    changed = runner.invoke(app, ["proof", str(mini_copy), "--out", str(out), "--diff"])
    assert "changed pages: 3 (edito); 1 compared" in changed.output, changed.output
    diff = pdfium.PdfDocument(str(out / "mini-proof-3-diff.pdf"))
    assert len(diff) == 2  # the list of changes, then page 3 beside its previous state
    summary = diff[0].get_textpage().get_text_range()
    assert "Épreuve n°3 comparée à l'épreuve n°2" in summary and "page 3 — edito" in summary
    # Against an older proof by number.
    older = runner.invoke(app, ["proof", str(mini_copy), "--out", str(out), "--diff", "--against", "1"])
    assert "proof diff n°1 → n°4" in older.output and "3 (edito)" in older.output
    missing = runner.invoke(app, ["proof", str(mini_copy), "--out", str(out), "--diff", "--against", "99"])
    assert "no proof n°99 kept" in missing.output

"""The legal mentions a French periodical prints (loi du 29 juillet 1881, art. 5 and 7: the publisher,
the *directeur de la publication*, the printer's name and address; by custom, the *dépôt légal* and
the ISSN). They come from the manifest's ``legal`` entry, never from guesses, and are set as a box
at the end of the text of a layout with ``legal_block: true`` (the colophon)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ials_print.content.story import Box, Run
from ials_print.content.typography import french_typography
from ials_print.manifest.model import LegalMentions, Manifest

if TYPE_CHECKING:
    from ials_print.manifest.load import Issue

TITLE = "Mentions légales"


def mentions(legal: LegalMentions | None) -> list[tuple[str, str]]:
    """The mentions given, as (label, value) in the order they are printed."""
    if legal is None:
        return []
    printer = ", ".join(v for v in (legal.printer, legal.printer_address) if v)
    rows = [
        ("Éditeur", legal.publisher),
        ("Directeur·rice de la publication", legal.publication_director),
        ("Imprimeur", printer),
        ("Dépôt légal", legal.legal_deposit),
        ("ISSN", legal.issn),
    ]
    return [(label, value) for label, value in rows if value]


def missing(manifest: Manifest) -> list[str]:
    """The mentions a French periodical should print and the manifest does not give."""
    if manifest.issue.language != "fr":
        return []
    legal = manifest.legal or LegalMentions()
    wanted = {
        "publisher (éditeur)": legal.publisher,
        "publication_director (directeur de la publication)": legal.publication_director,
        "printer (imprimeur: name)": legal.printer,
        "printer_address (imprimeur: address)": legal.printer_address,
        "legal_deposit (dépôt légal)": legal.legal_deposit,
        "issn": legal.issn,
    }
    return [name for name, value in wanted.items() if not value]


def legal_box(manifest: Manifest, line: int) -> Box | None:
    """The box of legal mentions, or None when the manifest gives none."""
    rows = mentions(manifest.legal)
    if not rows:
        return None
    paragraphs = tuple((Run(french_typography(f"{label} : "), bold=True), Run(value)) for label, value in rows)
    return Box(TITLE, paragraphs, line)


def missing_note(issue: Issue) -> str | None:
    """``validate``'s warning (file:line:column) when a French periodical's manifest lacks mentions."""
    lacking = missing(issue.manifest)
    if not lacking:
        return None
    where = ("legal",) if issue.manifest.legal else ("issue",)
    message = (
        "warning: a French periodical prints its legal mentions (loi du 29 juillet 1881, dépôt légal, ISSN); "
        f"'legal:' lacks {', '.join(lacking)}"
    )
    return str(issue.located.problem(where, message, key=True))

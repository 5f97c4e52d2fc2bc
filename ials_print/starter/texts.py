"""The sample words of a new publication: its front and back matter, an article sized to fill its
two pages (laid out and measured, not guessed) and the folder's README."""

from __future__ import annotations

from pathlib import Path

from ials_print.errors import InputError

PARAGRAPHS = [
    "Ce texte tient la place du premier article de votre publication. Il est écrit en Markdown, dans "
    "un fichier que vous pouvez ouvrir avec n'importe quel éditeur : remplacez-le par le vôtre, gardez "
    "les titres, les intertitres et les citations que la maquette sait mettre en page.",
    "Le manifeste, un fichier YAML rangé avec les textes, décrit chacune des pages du chemin de fer. "
    "On y lit l'ordre des rubriques, le nombre de pages de chacune, la maquette qu'elle emprunte "
    "et les visuels qu'elle porte, avec leurs crédits et leur provenance.",
    "La provenance dit ce que l'intelligence artificielle a fait : un visuel généré, un texte écrit avec "
    "une machine, une image retouchée. Le moteur en tire le pictogramme de chaque page, sans qu'on le "
    "pose à la main, et le lecteur sait toujours ce qu'il regarde.",
    "Les maquettes se trouvent dans le dossier layouts : copiées depuis le kit du moteur, ajustées au "
    "format choisi, elles vous appartiennent désormais. Changez les colonnes, les marges de tête, les "
    "zones où se posent les images, puis relancez la mise en page.",
    "Le texte est composé comme le ferait un typographe : les coupures de lignes sont choisies pour "
    "le paragraphe entier, les espaces restent réguliers, les mots se coupent selon les règles "
    "françaises et toutes les lignes tombent sur la grille de la page.",
    "Quand un article est trop long ou trop court pour ses pages, la commande fit le dit, page par "
    "page, et propose des remèdes qu'elle a essayés : une page de plus, un paragraphe resserré, une "
    "citation en moins, une image plus grande.",
    "Les épreuves se tirent autant de fois qu'il le faut. Chacune porte son numéro, la date et la page "
    "dans la marge, hors de la coupe, et ses images sont légères : on les envoie à la rédaction sans "
    "attendre, puis on corrige et on recommence.",
    "Pour l'imprimeur, la commande build écrit un fichier PDF/X-4 en quadrichromie, avec le profil de "
    "sortie, les fonds perdus et les traits de coupe si on les demande, puis le contrôle comme il le "
    "fera lui-même avant de le passer sous presse.",
]
QUOTE = "Le moteur en tire le pictogramme de chaque page, sans qu'on le pose à la main."
# The intertitle set before a paragraph of PARAGRAPHS, by its index.
HEADINGS = {1: "Le manifeste", 3: "Les maquettes", 5: "Le calibrage", 6: "Les épreuves", 7: "L'impression"}


def article(paragraphs: int) -> str:
    """The sample article with ``paragraphs`` paragraphs, a figure and a pull-quote."""
    out = [
        "---",
        "kicker: À la une",
        "title: Premier article",
        "subtitle: Un texte d'exemple à remplacer",
        "byline: par la rédaction",
        "standfirst: >-",
        "  Ce premier article montre ce que la maquette sait faire : titre, chapô, intertitres,",
        "  une image dans la colonne et une citation mise en exergue.",
        "---",
        "",
    ]
    for i in range(paragraphs):
        k = i % len(PARAGRAPHS)
        if k in HEADINGS:
            out += [f"## {HEADINGS[k]}", ""]
        out += [PARAGRAPHS[k], ""]
        if i == 1:
            out += ["![Une image d'exemple dans la colonne](article-figure)", ""]
        if i == 3:
            out += [f"> {QUOTE}", ""]
    return "\n".join(out)


def write_article(manifest: Path, path: Path) -> int:
    """Write the sample article with as many paragraphs as its two pages take without overset
    (laid out to find out); returns that number."""
    from ials_print.manifest.load import load_issue
    from ials_print.output.build import render
    from ials_print.output.modes import proof_mode

    def fits(n: int) -> bool:
        path.write_text(article(n), encoding="utf-8")
        try:
            issue = load_issue(manifest, only=["premier-article"])
        except InputError:
            return False
        result = render(issue, ["premier-article"], mode=proof_mode())
        return not any(e.startswith("overset") for e in result.errors)

    lo, hi = 4, 8
    while fits(hi) and hi < 400:
        lo, hi = hi, hi * 2
    while hi - lo > 1:  # lo fits, hi does not
        mid = (lo + hi) // 2
        lo, hi = (mid, hi) if fits(mid) else (lo, mid)
    path.write_text(article(lo), encoding="utf-8")
    return lo


def front_back(name: str) -> dict:
    """The data of the cover, contents and back cover."""
    return {
        "cover": {
            "issue_label": "numéro 1",
            "tagline": ["Une publication mise en page", "par ials-print"],
            "cover_lines": [
                {"rubric": "À la une", "line": "Premier article"},
                {"rubric": "Regard", "line": "Une image\npleine page"},
            ],
        },
        "contents": {"title": "sommaire"},
        "contents_legend": {
            "transparency": "TRANSPARENCE | Un pictogramme en haut de chaque page\nindique ce que vous lisez.",
            "labels": {"ia": "Contenu 100 % IA", "mixte": "Contenu IA / Humain", "humain": "Contenu 100 % Humain"},
        },
        "back_cover": {"text": f"{name}\nnuméro 1"},
    }


def readme(name: str, manifest: Path) -> str:
    return f"""# {name}

Made by `ials-print init`. Everything here is yours to edit:

- `{manifest.as_posix()}`: the issue's manifest (flatplan, texts, visuals and their provenance);
- `issue/texts/`: the article in Markdown, the cover's, contents' and back cover's words;
- `issue/images/`: sample visuals drawn by the engine (not by AI), to replace with yours;
- `layouts/`: the page templates and the stylesheet, fitted to your format;
- `publication.yaml`: the publication's names, shared by its issues.

Then: `ials-print preview premier-article`, `ials-print proof`, `ials-print fit`, `ials-print build`.
The next issue: `ials-print new-issue {manifest.as_posix()} --number 2`.
"""

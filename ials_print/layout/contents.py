"""Pages that list: the contents page (generated from the flatplan, with the pictogram legend) and
the gallery of past and coming issues."""

from __future__ import annotations

from reportlab.platypus import Flowable, Table, TableStyle

from ials_print.layout import flowables as fl
from ials_print.layout.compose import SectionComposer
from ials_print.layout.geometry import MM
from ials_print.manifest.pagedata import PageData
from ials_print.provenance.credits import credit_for
from ials_print.provenance.pictogram import draw_pictogram, pictogram_width


class ContentsComposer(SectionComposer):
    """The contents page, generated from the flatplan: page numbers are computed, never typed."""

    def head_flowables(self) -> list[Flowable]:
        data = self.issue.page_data[self.section.id].contents
        assert data is not None
        m = self.issue.manifest.issue
        # The issue number comes from the manifest, so the contents cannot name another issue.
        return [self._plain(data.title, "contents_title"), self._plain(f"numéro {m.number}", "contents_issue")]

    def story(self) -> list[Flowable]:
        out: list[Flowable] = []
        for entry in contents_entries(self.issue):
            folio = self._plain(str(entry.page), "contents_folio")
            lines: list[Flowable] = [self._plain(entry.rubric, "contents_rubric")] if entry.rubric else []
            for title, byline in entry.items:
                lines.append(self._plain(title, "contents_item"))
                if byline:
                    lines.append(self._plain(byline, "contents_byline"))
            table = Table([[folio, lines]], colWidths=[16 * MM, None])
            table.setStyle(
                TableStyle(
                    [
                        ("VALIGN", (0, 0), (-1, -1), "TOP"),
                        ("FONTNAME", (0, 0), (-1, -1), self.styles["body"].fontName),
                        ("LEFTPADDING", (0, 0), (-1, -1), 0),
                        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                        ("BOTTOMPADDING", (0, 0), (-1, -1), 7),
                        ("TOPPADDING", (0, 0), (-1, -1), 0),
                    ]
                )
            )
            out.append(table)
        data = self.issue.page_data[self.section.id]
        if data.contents_legend:
            out.append(Legend(self, data))
        return out


class Legend(Flowable):
    """The transparency legend: the three pictograms with what they mean."""

    def __init__(self, composer: SectionComposer, data: PageData):
        super().__init__()
        legend = data.contents_legend
        assert legend is not None
        self.composer = composer
        self.intro = [composer._plain(t, "legend_intro") for t in legend.transparency.split("\n")]
        self.labels = [(kind, composer._plain(text, "legend_label")) for kind, text in legend.labels.items()]
        self.size = 7 * MM
        self.spaceBefore = 6 * MM

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        self.width = aw
        self._intro_h = sum(p.wrap(aw, 200)[1] for p in self.intro)
        self.height = self._intro_h + len(self.labels) * (self.size + 3 * MM) + 3 * MM
        return aw, self.height

    def draw(self) -> None:
        c = self.canv
        y = self.height
        for p in self.intro:
            _, h = p.wrap(self.width, 200)
            y -= h
            p.drawOn(c, 0, y)
        y -= 3 * MM
        font = self.composer.styles["folio"].fontName
        icons = max((pictogram_width(kind, self.size, font, c, label=False) for kind, _ in self.labels), default=0)
        for kind, label in self.labels:
            width = pictogram_width(kind, self.size, font, c, label=False)
            draw_pictogram(c, kind, width, y, self.size, font, label=False)  # the legend's words say it
            label.wrap(self.width - icons - 4 * MM, 100)
            label.drawOn(c, icons + 4 * MM, y - self.size * 0.75)  # the words in one column
            y -= self.size + 3 * MM


class GalleryComposer(SectionComposer):
    """Past and coming issues: their covers with their labels, then the closing words."""

    def story(self) -> list[Flowable]:
        data = self.issue.page_data[self.section.id]
        out: list[Flowable] = []
        for n, (v, issue) in enumerate(zip(self.section.images, data.past_issues, strict=False)):
            if n:
                out.append(fl.NextFrame())  # one cover a column
            caption = [self._plain(issue.label, "gallery_label")]
            lines = [x for x in (issue.note, v.credit or credit_for(v)) if x]
            if lines:
                caption.append(self._plain(" — ".join(lines), "caption"))
            out.append(
                fl.Figure(
                    self.place,
                    v.id,
                    self.issue.visual_files[v.id],
                    self.issue.images[v.id],
                    caption[0],
                    caption[1] if len(caption) > 1 else None,
                    "fit",
                    v.focus,
                    max_height=(v.max_height or self.template.figures.max_height) * MM,
                )
            )
        if data.past_issues_footer:
            out += [self._plain(t, "gallery_footer") for t in data.past_issues_footer.text.split("\n")]
            if data.past_issues_footer.url:
                out.append(self._plain(data.past_issues_footer.url, "kicker"))
        return out


# -- the contents entries ---------------------------------------------------------------------------
class ContentsEntry:
    def __init__(self, page: int, rubric: str | None):
        self.page, self.rubric = page, rubric
        self.items: list[tuple[str, str | None]] = []


def contents_entries(issue) -> list[ContentsEntry]:
    """Consecutive sections with the same rubric make one entry, at the first one's page."""
    entries: list[ContentsEntry] = []
    current: ContentsEntry | None = None
    for s in issue.manifest.sections:
        article = issue.articles.get(s.id)
        opens_rubric = s.rubric is not None and (current is None or s.rubric != current.rubric)
        if not s.in_contents and not opens_rubric:
            if s.rubric is None:
                current = None
            continue
        if current is None or s.rubric is None or opens_rubric:
            # A rubric's entry points at its first page, its opener included.
            current = ContentsEntry(s.first_page, s.rubric or (article.meta.kicker if article else None))
            entries.append(current)
        if not s.in_contents:
            continue
        title = article.meta.title if article else s.title
        byline = article.meta.byline if article else None
        if title not in {t for t, _ in current.items}:
            current.items.append((title, byline))
    return entries

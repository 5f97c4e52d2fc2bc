"""Magazine flowables: pull-quote, figure with caption and credit, bio box, drop cap."""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.colors import Color
from reportlab.platypus import Flowable, Paragraph

from ials_print.images.info import ImageInfo
from ials_print.images.prepare import ImagePlacer
from ials_print.typeset.shaping import ink_extent

MM = 72 / 25.4


class PullQuote(Flowable):
    """A pull-quote inside the column: large italic between two accent rules. It floats: where it
    does not fit, the text after it goes first and it opens the next column (see ``fill_frame``)."""

    floating = True

    def __init__(self, para: Paragraph, rule_color: Color, pad: float = 3 * MM):
        super().__init__()
        self.para = para
        self.rule_color = rule_color
        self.pad = pad
        self.spaceBefore = 4 * MM
        self.spaceAfter = 4 * MM

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        _, h = self.para.wrap(aw, ah)
        self.width, self.height = aw, h + 2 * self.pad
        return self.width, self.height

    def draw(self) -> None:
        c = self.canv
        c.setStrokeColor(self.rule_color)
        c.setLineWidth(1.2)
        c.line(0, self.height, self.width * 0.35, self.height)
        c.line(0, 0, self.width * 0.35, 0)
        self.para.drawOn(c, 0, self.pad)


class Figure(Flowable):
    """An image as wide as the column, its caption and credit under it; shrinks to fit the frame
    (down to ``min_height``), and may grow by ``extra`` to reach the column's foot."""

    def __init__(
        self,
        place: ImagePlacer,
        visual_id: str,
        path: Path,
        info: ImageInfo,
        caption: Paragraph | None,
        credit: Paragraph | None,
        fit: str,
        focus: tuple[float, float],
        max_height: float,
        min_height: float = 35 * MM,
    ):
        super().__init__()
        self.place, self.visual_id = place, visual_id
        self.path, self.info = path, info
        self.caption, self.credit = caption, credit
        self.fit, self.focus = fit, focus
        self.max_height, self.min_height = max_height, min_height
        self.spaceBefore = 2 * MM
        self.spaceAfter = 4 * MM
        self.image_height = 0.0
        self.rigid = False  # keep the natural height (balancing a last page): moves on rather than shrink
        self.extra = 0.0  # height added to fill a column to its foot (fill-cropped pictures only)

    def _text_height(self, aw: float) -> float:
        h = 0.0
        for p in (self.caption, self.credit):
            if p is not None:
                h += p.wrap(aw, 10_000)[1] + 1.2 * MM
        return h

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        text_h = self._text_height(aw)
        natural = min(aw / self.info.aspect, self.max_height) + (0.0 if self.rigid else self.extra)
        room = ah - text_h - 1.5 * MM
        self.image_height = natural if room >= natural or self.rigid else max(room, self.min_height)
        self.width, self.height = aw, self.image_height + 1.5 * MM + text_h
        return self.width, self.height

    def draw(self) -> None:
        c = self.canv
        if getattr(c, "_ials_scratch", False):
            return  # a trial fit: only the height mattered, and the picture is not placed
        y = self.height - self.image_height
        self.place(c, self.visual_id, self.path, self.info, 0, y, self.width, self.image_height, self.fit, self.focus)
        y -= 1.5 * MM
        for p in (self.caption, self.credit):
            if p is not None:
                _, h = p.wrap(self.width, 10_000)
                y -= h
                p.drawOn(c, 0, y)
                y -= 1.2 * MM


class Panel(Flowable):
    """A tinted panel (author's bio, encadré): its title and paragraphs; splits across columns if long."""

    def __init__(self, paras: list[Paragraph], tint: Color, rule: Color, pad: float = 3.5 * MM, first: bool = True):
        super().__init__()
        self.paras, self.tint, self.rule, self.pad, self.first = paras, tint, rule, pad, first
        self.spaceBefore = 5 * MM if first else 0
        self._sizes: list[tuple[float, float]] = []

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        inner = aw - 2 * self.pad
        self._sizes = [p.wrap(inner, 10_000) for p in self.paras]
        h = sum(s[1] + p.getSpaceAfter() for s, p in zip(self._sizes, self.paras, strict=True)) + 2 * self.pad
        self.width, self.height = aw, h
        return aw, h

    def split(self, aw: float, ah: float) -> list[Flowable]:
        inner = aw - 2 * self.pad
        room = ah - 2 * self.pad
        head: list[Paragraph] = []
        for i, p in enumerate(self.paras):
            _, h = p.wrap(inner, 10_000)
            if h <= room:
                head.append(p)
                room -= h + p.getSpaceAfter()
                continue
            parts = p.split(inner, room) if room > 0 else []
            if len(parts) == 2:
                head.append(parts[0])
                tail = [parts[1], *self.paras[i + 1 :]]
            else:
                tail = self.paras[i:]
            if len(head) < (2 if self.first else 1):
                return []  # never leave the name alone at the foot of a column
            if all(getattr(q, "keep_with_previous", False) for q in tail):
                return []  # nor a credit line alone at the head of the next
            return [
                Panel(head, self.tint, self.rule, self.pad, self.first),
                Panel(tail, self.tint, self.rule, self.pad, first=False),
            ]
        return [self]

    def draw(self) -> None:
        c = self.canv
        c.setFillColor(self.tint)
        c.rect(0, 0, self.width, self.height, stroke=0, fill=1)
        if self.first:
            c.setFillColor(self.rule)
            c.rect(0, self.height - 1.2 * MM, self.width, 1.2 * MM, stroke=0, fill=1)
        y = self.height - self.pad
        for (_, h), p in zip(self._sizes, self.paras, strict=True):
            y -= h
            p.drawOn(c, self.pad, y)
            y -= p.getSpaceAfter()


class DropCap(Flowable):
    """A large initial for ImageAndFlowables: its capital spans ``lines`` lines exactly, from the
    first line's cap height to the last line's baseline; a descending accent (Ç) takes one more
    line beside it rather than touching the text below."""

    def __init__(self, letter: str, font: str, lines: int, leading: float, body_size: float, body_cap: float, color):
        super().__init__()
        from reportlab.pdfbase.pdfmetrics import getFont

        self.letter, self.font, self.color = letter, font, color
        self.lines, self.leading, self.body_size = lines, leading, body_size
        cap = getFont(font).face.capHeight or 700
        self.size = ((lines - 1) * leading + body_cap) * 1000 / cap
        _, below = ink_extent(font, letter)
        self.descent = max(0.0, below) * self.size / 1000

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        from reportlab.pdfbase.pdfmetrics import stringWidth

        self.width = stringWidth(self.letter, self.font, self.size)
        self.height = self.lines * self.leading
        if self.descent > self.leading - self.body_size:
            self.height += self.leading  # room for the cedilla: the next line goes beside it too
        return self.width, self.height

    # ImageAndFlowables asks its image for these two.
    def _restrictSize(self, aw: float, ah: float) -> tuple[float, float]:
        return self.wrap(aw, ah)

    def _unRestrictSize(self) -> None:
        pass

    def draw(self) -> None:
        c = self.canv
        c.setFillColor(self.color)
        c.setFont(self.font, self.size)
        # Baseline on the last spanned line's: the text's first baseline is its size below the top.
        c.drawString(0, self.height - self.body_size - (self.lines - 1) * self.leading, self.letter)


class NextPage(Flowable):
    """A page break in the story (``***``): the rest of the page stays empty."""

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        pass


class NextFrame(NextPage):
    """A column break: what follows starts in the next frame."""

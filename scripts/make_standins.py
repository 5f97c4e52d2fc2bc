"""Generate the stand-in visuals for IALS issue n°3.

These JPEGs are STAND-INS for the real visuals of the issue: the "Tendance" pages (Hugo Barbera's
Vogue Portugal cover, MALA, the AI Fashion Week image, GUCCI, EASY and his portrait), the "Actu IA"
pages (Martino Bettucci's portrait and the news band across the top of the page), the editorial
portrait, and every visual listed in issue/texts/*.visuals.yaml (cover, past covers, the thirty
fashion pages, the business, luxe, music, video and culture pictures) plus the contributors'
portraits and a few section openers. They let the layout be built and checked before the real files
arrive. Each one is editorial art drawn with Pillow (ellipses, polygons, gradients, soft blur and
patterns) and has a small "STAND-IN" mark in a corner. Replace them with the real visuals, keeping
the same file names (image ids).

The output is deterministic: every random choice comes from a `random.Random` seeded with a fixed
number or with the image id, and the date in the ICC profile header is pinned, so nothing depends on
the time (the issue stand-ins are drawn in parallel worker processes, each from its own seed). The
images are RGB JPEG, optimized, with an embedded sRGB ICC profile: the first nine at quality 88, each
under 900 KB; the others at 300 ppi for their placed size, quality 82 (full-page) or 85, no grain.

Usage: python3 scripts/make_standins.py
"""

from __future__ import annotations

import functools
import io
import math
import multiprocessing
import os
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path

import yaml
from PIL import Image, ImageChops, ImageCms, ImageDraw, ImageFilter, ImageFont, ImageOps

ROOT = Path(__file__).resolve().parent.parent
OUT_DIR = ROOT / "issue" / "images"
FONT_PATH = ROOT / "ials_print" / "kit" / "fonts" / "NotoSans-Bold.ttf"

SS = 2  # supersampling factor: draw at SS x the final size, then downscale (anti-aliasing)
JPEG_QUALITY = 88
MAX_BYTES = 900 * 1024

RGB = tuple[int, int, int]
RGBA = tuple[int, int, int, int]
Fill = RGBA | int  # an RGBA colour, or a grey level on an 'L' mask
Point = tuple[float, float]


def rgba(color: RGB, alpha: int = 255) -> RGBA:
    return (color[0], color[1], color[2], alpha)


def mix(a: RGB, b: RGB, t: float) -> RGB:
    t = max(0.0, min(1.0, t))
    return (
        round(a[0] + (b[0] - a[0]) * t),
        round(a[1] + (b[1] - a[1]) * t),
        round(a[2] + (b[2] - a[2]) * t),
    )


class Canvas:
    """An RGB image at SS x the final size; coordinates are given in final pixels."""

    def __init__(self, width: int, height: int, stops: Sequence[tuple[float, RGB]], k: float = SS) -> None:
        self.w = width
        self.h = height
        self.k = k  # image pixels per final pixel
        self.img = vertical_gradient(round(width * k), round(height * k), stops)
        self.draw = ImageDraw.Draw(self.img, "RGBA")

    @classmethod
    def blank(
        cls, width: int, height: int, k: float = SS, mode: str = "RGB", color: int | tuple[int, ...] = 0
    ) -> Canvas:
        """A black canvas (a layer to paint light on), a transparent RGBA layer or an 'L' mask."""
        canvas = cls.__new__(cls)
        canvas.w, canvas.h, canvas.k = width, height, k
        canvas.set_image(Image.new(mode, (round(width * k), round(height * k)), color))
        return canvas

    def set_image(self, img: Image.Image) -> None:
        self.img = img
        self.draw = ImageDraw.Draw(img, "RGBA" if img.mode in ("RGB", "RGBA") else None)

    def mask(self) -> Canvas:
        """An empty 'L' mask with the geometry of this canvas (draw on it with fill=255)."""
        return Canvas.blank(self.w, self.h, self.k, "L")

    # -- primitives (final-pixel coordinates) --------------------------------------------
    def ellipse(self, cx: float, cy: float, rx: float, ry: float, fill: Fill) -> None:
        self.draw.ellipse([(cx - rx) * self.k, (cy - ry) * self.k, (cx + rx) * self.k, (cy + ry) * self.k], fill=fill)

    def ring(self, cx: float, cy: float, r: float, color: Fill, width: float) -> None:
        self.draw.ellipse(
            [(cx - r) * self.k, (cy - r) * self.k, (cx + r) * self.k, (cy + r) * self.k],
            outline=color,
            width=max(1, round(width * self.k)),
        )

    def arc(self, cx: float, cy: float, r: float, start: float, end: float, color: Fill, width: float) -> None:
        self.draw.arc(
            [(cx - r) * self.k, (cy - r) * self.k, (cx + r) * self.k, (cy + r) * self.k],
            start,
            end,
            fill=color,
            width=max(1, round(width * self.k)),
        )

    def polygon(self, points: Sequence[Point], fill: Fill) -> None:
        self.draw.polygon([(x * self.k, y * self.k) for x, y in points], fill=fill)

    def line(self, points: Sequence[Point], color: Fill, width: float) -> None:
        self.draw.line(
            [(x * self.k, y * self.k) for x, y in points],
            fill=color,
            width=max(1, round(width * self.k)),
            joint="curve",
        )

    def rect(self, x0: float, y0: float, x1: float, y1: float, fill: Fill) -> None:
        self.draw.rectangle([x0 * self.k, y0 * self.k, x1 * self.k, y1 * self.k], fill=fill)

    # -- layers -------------------------------------------------------------------------
    def glow(self, paint: Callable[[Canvas], None], blur: float, passes: int = 2) -> None:
        """Paint on a black layer, blur it and add it (light) to the image, then repaint crisp."""
        layer = Canvas.blank(self.w, self.h, self.k)
        paint(layer)
        halo = layer.img.filter(ImageFilter.GaussianBlur(blur * self.k))
        for _ in range(passes):
            self.img = ImageChops.add(self.img, halo)
        self.img = ImageChops.screen(self.img, layer.img)
        self.draw = ImageDraw.Draw(self.img, "RGBA")

    def soft_blob(self, cx: float, cy: float, r: float, color: RGB, alpha: int) -> None:
        """A blurred disc blended over the image (soft light spot)."""
        mask = Image.new("L", self.img.size, 0)
        ImageDraw.Draw(mask).ellipse(
            [(cx - r) * self.k, (cy - r) * self.k, (cx + r) * self.k, (cy + r) * self.k], fill=alpha
        )
        mask = mask.filter(ImageFilter.GaussianBlur(r * self.k * 0.35))
        self.img = Image.composite(Image.new("RGB", self.img.size, color), self.img, mask)
        self.draw = ImageDraw.Draw(self.img, "RGBA")

    # -- helpers of the issue stand-ins ---------------------------------------------------
    def paint_through(self, source: Image.Image, mask: Image.Image) -> None:
        """Copy `source` (an image of this canvas's pixel size) where `mask` is white."""
        self.set_image(Image.composite(source, self.img, mask))

    def fill_mask(self, mask: Image.Image, color: RGB) -> None:
        self.paint_through(Image.new("RGB", self.img.size, color), mask)

    def soft(
        self, paint: Callable[[Canvas], None], blur: float, scale: float = 0.25, clip: Image.Image | None = None
    ) -> None:
        """Paint on a transparent layer at `scale` x the resolution, blur it, lay it over (clipped by `clip`)."""
        layer = Canvas.blank(self.w, self.h, self.k * scale, "RGBA", (0, 0, 0, 0))
        paint(layer)
        im = layer.img
        if blur > 0:
            im = im.convert("RGBa").filter(ImageFilter.GaussianBlur(blur * layer.k)).convert("RGBA")
        im = im.resize(self.img.size, Image.Resampling.BICUBIC)
        if clip is not None:
            im.putalpha(ImageChops.multiply(im.getchannel("A"), clip))
        self.set_image(Image.alpha_composite(self.img.convert("RGBA"), im).convert("RGB"))

    def light(self, paint: Callable[[Canvas], None], blur: float, scale: float = 0.25) -> None:
        """Additive light: paint on a black layer at `scale` x the resolution, blur it, screen it over."""
        layer = Canvas.blank(self.w, self.h, self.k * scale)
        paint(layer)
        halo = layer.img.filter(ImageFilter.GaussianBlur(blur * layer.k)) if blur > 0 else layer.img
        self.set_image(ImageChops.screen(self.img, halo.resize(self.img.size, Image.Resampling.BICUBIC)))

    def text(
        self,
        x: float,
        y: float,
        s: str,
        size: float,
        fill: RGBA,
        font: str = "display",
        anchor: str = "la",
        tracking: float = 0.0,
    ) -> float:
        """Draw `s` (size in final pixels, `tracking` = extra space between letters); return its width."""
        f = font_at(font, round(size * self.k))
        if not tracking:
            self.draw.text((x * self.k, y * self.k), s, font=f, fill=fill, anchor=anchor)
            return f.getlength(s) / self.k
        widths = [f.getlength(ch) for ch in s]
        total = sum(widths) + tracking * self.k * (len(s) - 1)
        px = x * self.k - {"l": 0.0, "m": total / 2, "r": total}[anchor[0]]
        for ch, cw in zip(s, widths, strict=True):
            self.draw.text((px, y * self.k), ch, font=f, fill=fill, anchor="l" + anchor[1])
            px += cw + tracking * self.k
        return total / self.k

    def finish(self, rng: random.Random, grain: int) -> Image.Image:
        out = self.img.resize((self.w, self.h), Image.Resampling.LANCZOS)
        if grain:
            out = add_grain(out, rng, grain)
        stamp(out)
        return out


def vertical_gradient(width: int, height: int, stops: Sequence[tuple[float, RGB]]) -> Image.Image:
    column = Image.new("RGB", (1, height))
    pixels: list[RGB] = []
    for y in range(height):
        t = y / max(1, height - 1)
        for (t0, c0), (t1, c1) in pairwise(stops):
            if t0 <= t <= t1:
                pixels.append(mix(c0, c1, (t - t0) / max(1e-9, t1 - t0)))
                break
        else:
            pixels.append(stops[-1][1] if t > stops[-1][0] else stops[0][1])
    column.putdata(pixels)
    return column.resize((width, height), Image.Resampling.NEAREST)


def add_grain(img: Image.Image, rng: random.Random, amount: int) -> Image.Image:
    """Deterministic film grain: seeded random bytes, softened, blended lightly."""
    noise = Image.frombytes("L", img.size, rng.randbytes(img.size[0] * img.size[1]))
    noise = noise.filter(ImageFilter.GaussianBlur(0.6)).convert("RGB")
    return Image.blend(img, noise, amount / 255)


def stamp(img: Image.Image) -> None:
    """Write a small 'STAND-IN' mark in the bottom-right corner."""
    size = max(14, img.size[0] // 60)
    font: ImageFont.FreeTypeFont | ImageFont.ImageFont = (
        ImageFont.truetype(str(FONT_PATH), size) if FONT_PATH.exists() else ImageFont.load_default(size=size)
    )
    draw = ImageDraw.Draw(img, "RGBA")
    text = "STAND-IN"
    x0, y0, x1, y1 = draw.textbbox((0, 0), text, font=font)
    pad = size // 2
    x = img.size[0] - (x1 - x0) - 2 * pad - size
    y = img.size[1] - (y1 - y0) - 2 * pad - size
    draw.rectangle([x, y, x + (x1 - x0) + 2 * pad, y + (y1 - y0) + 2 * pad], fill=(0, 0, 0, 140))
    draw.text((x + pad - x0, y + pad - y0), text, font=font, fill=(255, 255, 255, 230))


# -- figure helpers ------------------------------------------------------------------------
def bust(c: Canvas, cx: float, head_y: float, s: float, fill: RGBA, bottom: float | None = None) -> None:
    """Frontal head-and-shoulders silhouette; s is the head width."""
    bottom = c.h if bottom is None else bottom
    c.ellipse(cx, head_y, s * 0.5, s * 0.64, fill)  # head
    c.ellipse(cx - s * 0.5, head_y + s * 0.05, s * 0.07, s * 0.13, fill)  # ears
    c.ellipse(cx + s * 0.5, head_y + s * 0.05, s * 0.07, s * 0.13, fill)
    neck_top = head_y + s * 0.45
    shoulder_y = head_y + s * 1.15
    c.polygon(  # neck, flaring into the trapezius
        [
            (cx - s * 0.21, neck_top),
            (cx + s * 0.21, neck_top),
            (cx + s * 0.26, shoulder_y - s * 0.05),
            (cx + s * 0.7, shoulder_y + s * 0.12),
            (cx - s * 0.7, shoulder_y + s * 0.12),
            (cx - s * 0.26, shoulder_y - s * 0.05),
        ],
        fill,
    )
    # shoulders: the top of a wide, flat ellipse, then straight down to the bottom
    c.ellipse(cx, shoulder_y + s * 0.75, s * 1.4, s * 0.7, fill)
    c.polygon(
        [
            (cx - s * 1.4, shoulder_y + s * 0.75),
            (cx + s * 1.4, shoulder_y + s * 0.75),
            (cx + s * 1.5, bottom),
            (cx - s * 1.5, bottom),
        ],
        fill,
    )


def profile_head(c: Canvas, cx: float, cy: float, s: float, fill: RGBA) -> None:
    """Head in profile facing left, with neck and shoulder; s is the skull height."""
    c.ellipse(cx + s * 0.08, cy - s * 0.05, s * 0.46, s * 0.5, fill)  # skull
    c.polygon(
        [
            (cx - s * 0.3, cy - s * 0.3),
            (cx - s * 0.38, cy - s * 0.05),
            (cx - s * 0.52, cy + s * 0.12),  # nose tip
            (cx - s * 0.38, cy + s * 0.18),
            (cx - s * 0.42, cy + s * 0.27),  # lips
            (cx - s * 0.36, cy + s * 0.32),
            (cx - s * 0.38, cy + s * 0.38),
            (cx - s * 0.3, cy + s * 0.5),  # chin
            (cx - s * 0.05, cy + s * 0.56),
            (cx + s * 0.1, cy + s * 0.3),
        ],
        fill,
    )
    c.polygon(
        [
            (cx - s * 0.12, cy + s * 0.45),
            (cx + s * 0.3, cy + s * 0.3),
            (cx + s * 0.42, cy + s * 0.95),
            (cx + s * 1.6, cy + s * 1.35),
            (cx + s * 1.9, c.h),
            (cx - s * 1.1, c.h),
            (cx - s * 0.9, cy + s * 1.35),
            (cx - s * 0.1, cy + s * 1.0),
        ],
        fill,
    )


def walking_figure(c: Canvas, cx: float, top: float, height: float, fill: RGBA, bag: RGBA | None = None) -> None:
    """Full-length figure in a long A-line coat, one leg forward; height from head to feet."""
    u = height / 8.0  # one 'head' unit (fashion figures are ~8 heads tall)
    c.ellipse(cx, top + u * 0.5, u * 0.4, u * 0.52, fill)  # head
    c.polygon(
        [
            (cx - u * 0.16, top + u * 0.9),
            (cx + u * 0.16, top + u * 0.9),
            (cx + u * 0.2, top + u * 1.4),
            (cx - u * 0.2, top + u * 1.4),
        ],
        fill,
    )
    c.polygon(  # coat
        [
            (cx - u * 0.95, top + u * 1.45),
            (cx + u * 0.95, top + u * 1.45),
            (cx + u * 1.05, top + u * 2.0),
            (cx + u * 1.55, top + u * 5.4),
            (cx - u * 1.35, top + u * 5.4),
            (cx - u * 1.05, top + u * 2.0),
        ],
        fill,
    )
    c.ellipse(cx - u * 0.95, top + u * 1.65, u * 0.3, u * 0.25, fill)
    c.ellipse(cx + u * 0.95, top + u * 1.65, u * 0.3, u * 0.25, fill)
    c.polygon(  # back leg
        [
            (cx - u * 0.45, top + u * 5.3),
            (cx - u * 0.05, top + u * 5.3),
            (cx - u * 0.2, top + u * 7.8),
            (cx - u * 0.5, top + u * 7.8),
        ],
        fill,
    )
    c.polygon(  # front leg, stepping
        [
            (cx + u * 0.05, top + u * 5.3),
            (cx + u * 0.5, top + u * 5.3),
            (cx + u * 0.8, top + u * 7.9),
            (cx + u * 0.45, top + u * 7.95),
        ],
        fill,
    )
    c.polygon(  # shoes
        [
            (cx - u * 0.5, top + u * 7.75),
            (cx - u * 0.1, top + u * 7.75),
            (cx - u * 0.55, top + u * 8),
        ],
        fill,
    )
    c.polygon(
        [
            (cx + u * 0.45, top + u * 7.85),
            (cx + u * 0.9, top + u * 7.85),
            (cx + u * 0.95, top + u * 8.05),
        ],
        fill,
    )
    c.polygon(  # arm
        [
            (cx + u * 1.0, top + u * 1.6),
            (cx + u * 1.3, top + u * 1.7),
            (cx + u * 1.55, top + u * 4.2),
            (cx + u * 1.3, top + u * 4.25),
        ],
        fill,
    )
    if bag is not None:
        c.arc(cx + u * 1.55, top + u * 4.3, u * 0.55, 180, 360, bag, u * 0.08)
        c.polygon(
            [
                (cx + u * 0.75, top + u * 4.3),
                (cx + u * 2.35, top + u * 4.3),
                (cx + u * 2.55, top + u * 5.5),
                (cx + u * 0.55, top + u * 5.5),
            ],
            bag,
        )


# -- the compositions -----------------------------------------------------------------
def make_vogue() -> Image.Image:
    """Red and gold: sunburst, halo, profile with a wide-brim hat, art-deco chevrons."""
    rng = random.Random(20)
    w, h = 1200, 1600
    gold: RGB = (222, 172, 74)
    c = Canvas(w, h, [(0.0, (70, 4, 16)), (0.55, (168, 18, 42)), (1.0, (96, 8, 20))])
    ox, oy = 640, 640
    for i in range(36):  # sunburst rays
        if i % 2:
            continue
        a0 = math.radians(i * 10)
        a1 = math.radians(i * 10 + 10)
        c.polygon(
            [
                (ox, oy),
                (ox + 2000 * math.cos(a0), oy + 2000 * math.sin(a0)),
                (ox + 2000 * math.cos(a1), oy + 2000 * math.sin(a1)),
            ],
            rgba(gold, 34),
        )
    c.soft_blob(ox, oy, 420, (250, 200, 110), 120)
    for r in range(180, 470, 36):
        c.ring(ox, oy, r, rgba(gold, 120), 3)
    c.ellipse(ox, oy, 240, 240, rgba(gold, 235))
    ink: RGBA = (28, 4, 10, 255)
    profile_head(c, 620, 700, 300, ink)
    c.ellipse(600, 545, 330, 70, ink)  # hat brim
    c.polygon([(470, 545), (500, 400), (720, 385), (760, 545)], ink)  # hat crown
    c.rect(485, 505, 745, 535, rgba(gold, 255))  # hat band
    c.ellipse(690, 800, 22, 22, rgba(gold, 255))  # earring
    c.ellipse(690, 850, 14, 30, rgba(gold, 255))
    for row in range(6):  # art-deco chevrons at the bottom
        y = 1290 + row * 48
        for k in range(-1, 14):
            x = k * 100 + (50 if row % 2 else 0)
            c.line([(x, y + 30), (x + 50, y), (x + 100, y + 30)], rgba(gold, 150), 5)
    for _ in range(140):  # gold dust
        x, y = rng.uniform(0, w), rng.uniform(0, 1250)
        r = rng.uniform(1.5, 5)
        c.ellipse(x, y, r, r, rgba(gold, rng.randint(80, 220)))
    c.draw.rectangle([40 * SS, 40 * SS, (w - 40) * SS, (h - 40) * SS], outline=rgba(gold), width=6)
    c.draw.rectangle([56 * SS, 56 * SS, (w - 56) * SS, (h - 56) * SS], outline=rgba(gold), width=2)
    return c.finish(rng, 10)


def make_mala() -> Image.Image:
    """Monochrome: halftone dots, long hard shadow, walking figure with an oversized bag."""
    rng = random.Random(41)
    w, h = 1200, 1600
    c = Canvas(w, h, [(0.0, (236, 236, 232)), (0.7, (170, 170, 168)), (1.0, (60, 60, 60))])
    step = 40
    for j in range(h // step + 2):  # halftone, dots grow towards the top-right
        for i in range(w // step + 2):
            x = i * step + (step / 2 if j % 2 else 0)
            y = j * step
            t = max(0.0, min(1.0, (x / w) * 0.6 + (1 - y / h) * 0.6 - 0.25))
            r = 2 + 13 * t
            c.ellipse(x, y, r, r, (20, 20, 20, 200))
    c.rect(0, 1280, w, h, (18, 18, 18, 255))  # floor
    for k in range(12):
        c.rect(0, 1300 + k * 26, w, 1310 + k * 26, (240, 240, 240, 40 + k * 10))
    c.polygon(  # long hard shadow
        [(420, 1290), (760, 1290), (1200, 1520), (1200, 1600), (900, 1600)],
        (0, 0, 0, 150),
    )
    walking_figure(c, 540, 170, 1130, (12, 12, 12, 255), bag=(250, 250, 250, 255))
    c.rect(380, 600, 700, 618, (250, 250, 250, 255))  # white belt
    c.ellipse(540, 232, 150, 34, (12, 12, 12, 255))  # beret brim
    c.ellipse(540, 210, 95, 60, (12, 12, 12, 255))
    for k in range(5):  # black pinstripes on the white bag
        x = 700 + k * 36
        c.line([(x, 800), (x - 6, 930)], (20, 20, 20, 255), 6)
    c.rect(80, 80, 110, 560, (12, 12, 12, 255))
    c.rect(130, 80, 140, 560, (12, 12, 12, 255))
    return c.finish(rng, 12)


def make_fashion_week() -> Image.Image:
    """Neon: perspective runway grid, a 12-tick clock with a 3-month arc, neon-outline walker."""
    rng = random.Random(3)
    w, h = 1200, 1600
    c = Canvas(w, h, [(0.0, (8, 6, 30)), (0.55, (40, 10, 70)), (1.0, (12, 4, 26))])
    horizon = 900
    vx = w / 2
    magenta: RGB = (255, 40, 200)
    cyan: RGB = (40, 240, 255)
    yellow: RGB = (255, 236, 60)
    for _ in range(220):  # stars
        x, y = rng.uniform(0, w), rng.uniform(0, horizon - 40)
        r = rng.uniform(0.8, 2.6)
        c.ellipse(x, y, r, r, (255, 255, 255, rng.randint(60, 200)))
    c.polygon([(vx - 60, horizon), (vx + 60, horizon), (vx + 420, h), (vx - 420, h)], (60, 20, 90, 255))

    def grid(layer: Canvas) -> None:
        for k in range(-14, 15):
            layer.line([(vx + k * 12, horizon), (vx + k * 160, h)], rgba(magenta), 3)
        for k in range(1, 16):
            y = horizon + (h - horizon) * (k / 15) ** 1.8
            layer.line([(0, y), (w, y)], rgba(magenta), 3)
        layer.line([(0, horizon), (w, horizon)], rgba(magenta), 4)

    c.glow(grid, 10)
    ccx, ccy, cr = vx, 470, 330

    def clock(layer: Canvas) -> None:
        layer.ring(ccx, ccy, cr, rgba(cyan), 5)
        layer.ring(ccx, ccy, cr - 40, rgba(magenta), 3)
        for k in range(12):
            a = math.radians(k * 30 - 90)
            r0 = cr - 26 if k % 3 else cr - 60
            layer.line(
                [
                    (ccx + r0 * math.cos(a), ccy + r0 * math.sin(a)),
                    (ccx + (cr - 8) * math.cos(a), ccy + (cr - 8) * math.sin(a)),
                ],
                rgba(cyan),
                6,
            )
        layer.arc(ccx, ccy, cr + 30, -90, 0, rgba(yellow), 14)  # 3 months out of 12

    c.glow(clock, 14)
    fig_top, fig_h = 520, 1000

    silhouette = Canvas.blank(w, h)
    walking_figure(silhouette, vx - 20, fig_top, fig_h, (255, 255, 255, 255))
    body = silhouette.img.convert("L")
    edge = body.filter(ImageFilter.FIND_EDGES).filter(ImageFilter.MaxFilter(7))
    inner = Image.new("RGB", c.img.size, (10, 4, 28))
    c.img = Image.composite(inner, c.img, body)  # dark body
    neon = Image.composite(Image.new("RGB", c.img.size, cyan), Image.new("RGB", c.img.size), edge)
    halo = neon.filter(ImageFilter.GaussianBlur(12 * SS))
    c.img = ImageChops.screen(ImageChops.add(ImageChops.add(c.img, halo), halo), neon)
    c.draw = ImageDraw.Draw(c.img, "RGBA")
    return c.finish(rng, 8)


def make_gucci() -> Image.Image:
    """Green and gold: diamond lattice, arched window, frontal bust with bob, collar, rosettes."""
    rng = random.Random(1921)
    w, h = 1200, 1600
    gold: RGB = (214, 176, 92)
    c = Canvas(w, h, [(0.0, (8, 52, 34)), (1.0, (4, 26, 18))])
    d = 90
    for k in range(-20, 40):  # diamond lattice
        c.line([(k * d, 0), (k * d + h * 0.6, h)], rgba(gold, 70), 2)
        c.line([(k * d, 0), (k * d - h * 0.6, h)], rgba(gold, 70), 2)
    ax, top, half = 600, 260, 360  # arched window
    c.ellipse(ax, top + half, half, half, (20, 96, 62, 255))
    c.rect(ax - half, top + half, ax + half, 1460, (20, 96, 62, 255))
    c.arc(ax, top + half, half, 180, 360, rgba(gold), 10)
    c.line([(ax - half, top + half), (ax - half, 1460)], rgba(gold), 10)
    c.line([(ax + half, top + half), (ax + half, 1460)], rgba(gold), 10)
    for k in range(7):  # stripes inside the arch
        x = ax - half + 30 + k * 110
        c.rect(x, top + half + 80, x + 20, 1460, (30, 120, 78, 255))
    c.soft_blob(ax, 620, 260, (120, 190, 130), 110)
    ink: RGBA = (6, 30, 20, 255)
    bust(c, ax, 620, 300, ink, bottom=1460)
    c.ellipse(ax, 560, 200, 190, ink)  # bob hair
    c.rect(ax - 200, 560, ax + 200, 760, ink)
    c.polygon([(ax - 200, 760), (ax - 120, 760), (ax - 180, 800)], ink)
    c.polygon([(ax + 200, 760), (ax + 120, 760), (ax + 180, 800)], ink)
    for k in range(4):  # gold collar necklaces
        c.arc(ax, 880 + k * 26, 170 + k * 22, 20, 160, rgba(gold), 9)
    c.ellipse(ax, 1090, 30, 30, rgba(gold))
    c.ellipse(ax, 1090, 14, 14, (160, 30, 40, 255))
    for k in range(3):  # scarf stripes green / gold / green across the shoulders
        y = 1200 + k * 36
        col = rgba(gold) if k == 1 else (24, 110, 70, 255)
        c.polygon([(ax - 420, y), (ax + 420, y - 60), (ax + 430, y - 30), (ax - 410, y + 30)], col)
    c.rect(0, 1460, w, h, (4, 22, 14, 255))
    for rx, ry in [(130, 150), (1070, 150), (130, 1530), (600, 1530)]:  # rosettes
        for p in range(8):
            a = math.radians(p * 45)
            c.ellipse(rx + 34 * math.cos(a), ry + 34 * math.sin(a), 22, 22, rgba(gold, 220))
        c.ellipse(rx, ry, 20, 20, (160, 30, 40, 255))
    return c.finish(rng, 8)


def make_easy() -> Image.Image:
    """Pastel: soft blobs, checkered floor, a cut-paper figure of simple shapes, confetti."""
    rng = random.Random(7)
    w, h = 1200, 1600
    pink: RGB = (248, 196, 214)
    lavender: RGB = (206, 196, 246)
    mint: RGB = (182, 236, 214)
    peach: RGB = (255, 214, 180)
    butter: RGB = (252, 240, 170)
    sky: RGB = (176, 216, 250)
    c = Canvas(w, h, [(0.0, pink), (0.5, lavender), (1.0, mint)])
    c.soft_blob(260, 330, 280, butter, 200)
    c.soft_blob(980, 620, 320, sky, 180)
    c.soft_blob(300, 1100, 260, peach, 170)
    horizon = 1180
    cell = 100
    for j in range(6):  # checkered floor in perspective
        y0 = horizon + j * 70
        y1 = y0 + 70
        for i in range(-8, 20):
            if (i + j) % 2:
                continue
            x0, x1 = i * cell, (i + 1) * cell
            s0, s1 = 1 + j * 0.12, 1 + (j + 1) * 0.12
            c.polygon(
                [
                    (w / 2 + (x0 - w / 2) * s0, y0),
                    (w / 2 + (x1 - w / 2) * s0, y0),
                    (w / 2 + (x1 - w / 2) * s1, y1),
                    (w / 2 + (x0 - w / 2) * s1, y1),
                ],
                (255, 255, 255, 110),
            )

    def figure(dx: float, dy: float, shade: int) -> None:
        def col(rgb: RGB) -> RGBA:
            if shade:
                return (90, 70, 120, 70)
            return rgba(rgb)

        cx = 600 + dx
        c.ellipse(cx, 330 + dy, 110, 125, col(peach))  # head
        c.ellipse(cx - 40, 250 + dy, 150, 90, col(lavender))  # hair / cap
        c.polygon(
            [(cx - 40, 450 + dy), (cx + 40, 450 + dy), (cx + 30, 520 + dy), (cx - 30, 520 + dy)],
            col(peach),
        )
        c.polygon(
            [
                (cx - 70, 500 + dy),
                (cx + 70, 500 + dy),
                (cx + 330, 1150 + dy),
                (cx - 330, 1150 + dy),
            ],
            col(pink),
        )
        c.polygon(
            [(cx - 70, 500 + dy), (cx + 70, 500 + dy), (cx + 40, 640 + dy), (cx - 40, 640 + dy)],
            col(sky),
        )
        c.rect(cx - 150, 1150 + dy, cx - 90, 1330 + dy, col(lavender))  # legs
        c.rect(cx + 90, 1150 + dy, cx + 150, 1330 + dy, col(lavender))
        c.ellipse(cx - 130, 1335 + dy, 60, 24, col(butter))
        c.ellipse(cx + 130, 1335 + dy, 60, 24, col(butter))
        c.polygon(
            [(cx - 60, 540 + dy), (cx - 110, 560 + dy), (cx - 300, 860 + dy), (cx - 250, 880 + dy)],
            col(peach),
        )
        c.polygon(
            [(cx + 60, 540 + dy), (cx + 110, 560 + dy), (cx + 330, 720 + dy), (cx + 300, 760 + dy)],
            col(peach),
        )
        c.ellipse(cx + 360, 700 + dy, 70, 70, col(mint))  # a ball of yarn / idea
        c.ellipse(cx + 360, 700 + dy, 40, 40, col(butter))

    figure(26, 24, 1)  # paper drop shadow
    figure(0, 0, 0)
    for k in range(3):  # dress pattern: scallops
        y = 860 + k * 90
        for i in range(-4, 5):
            c.arc(600 + i * 60, y, 28, 0, 180, (255, 255, 255, 200), 6)
    palette = [pink, lavender, mint, peach, butter, sky]
    for _ in range(70):  # confetti
        x, y = rng.uniform(40, w - 40), rng.uniform(40, horizon - 40)
        s = rng.uniform(8, 20)
        color = rgba(rng.choice(palette), 235)
        if rng.random() < 0.5:
            c.ellipse(x, y, s / 2, s / 2, color)
        else:
            a = rng.uniform(0, math.pi)
            c.polygon(
                [
                    (x + s * math.cos(a), y + s * math.sin(a)),
                    (x + s * math.cos(a + 2.1), y + s * math.sin(a + 2.1)),
                    (x + s * math.cos(a + 4.2), y + s * math.sin(a + 4.2)),
                ],
                color,
            )
    return c.finish(rng, 6)


def make_portrait() -> Image.Image:
    """Head-and-shoulders silhouette with a rim light on a warm gradient."""
    rng = random.Random(1200)
    w, h = 1200, 1500
    c = Canvas(w, h, [(0.0, (214, 92, 40)), (0.5, (240, 150, 80)), (1.0, (252, 214, 170))])
    c.soft_blob(600, 560, 430, (255, 226, 170), 200)
    for r in range(300, 900, 70):
        c.ring(600, 560, r, (255, 240, 210, 40), 3)
    bust(c, 604, 566, 330, (255, 236, 200, 255))  # rim light (offset, light)
    ink: RGBA = (58, 26, 16, 255)
    bust(c, 594, 572, 326, ink)
    c.ellipse(604, 455, 178, 150, ink)  # short hair volume, slightly to one side
    c.polygon([(440, 470), (520, 380), (690, 375), (760, 470)], ink)
    c.polygon(
        [(430, 1120), (594, 1320), (760, 1120), (700, 1120), (594, 1240), (490, 1120)],
        (140, 70, 40, 255),
    )
    return c.finish(rng, 8)


def make_martino_portrait() -> Image.Image:
    """Head-and-shoulders silhouette of a man with glasses, rim-lit, on a cool blue/teal gradient."""
    rng = random.Random(1980)
    w, h = 1200, 1500
    c = Canvas(w, h, [(0.0, (12, 38, 84)), (0.5, (22, 112, 138)), (1.0, (168, 224, 226))])
    c.soft_blob(600, 560, 430, (150, 228, 232), 190)
    step = 60
    for j in range(h // step + 1):  # dot grid, fading towards the bottom
        for i in range(w // step + 1):
            x, y = i * step + step / 2, j * step + step / 2
            c.ellipse(x, y, 3, 3, (220, 250, 250, max(0, round(90 * (1 - y / h)))))
    for r in range(320, 900, 90):
        c.arc(600, 560, r, 200, 340, (220, 250, 250, 45), 3)
    bust(c, 608, 566, 330, (214, 248, 248, 255))  # rim light (offset, light)
    ink: RGBA = (10, 24, 44, 255)
    bust(c, 598, 572, 326, ink)
    c.ellipse(598, 448, 172, 128, ink)  # short cropped hair
    c.polygon([(432, 480), (470, 390), (720, 380), (764, 480)], ink)
    frame: RGBA = (214, 248, 248, 255)
    lens_y, half_w, half_h, gap = 560, 66, 50, 14
    for sign in (-1, 1):  # glasses: two rounded lenses, temples to the ears
        lx = 598 + sign * (gap + half_w)
        box = [(lx - half_w) * SS, (lens_y - half_h) * SS, (lx + half_w) * SS, (lens_y + half_h) * SS]
        c.draw.rounded_rectangle(box, radius=30 * SS, fill=(120, 200, 210, 60), outline=frame, width=9 * SS)
        c.line([(lx - 34, lens_y - 18), (lx - 6, lens_y - 40)], (255, 255, 255, 140), 5)  # glint
        c.line([(lx + sign * half_w, lens_y - 22), (598 + sign * 166, lens_y - 4)], frame, 8)
    c.arc(598, lens_y - 4, gap + 4, 200, 340, frame, 8)  # bridge
    collar: RGBA = (40, 126, 146, 255)
    c.polygon([(470, 1090), (598, 1170), (560, 1250), (452, 1150)], collar)  # shirt collar wings
    c.polygon([(726, 1090), (598, 1170), (636, 1250), (744, 1150)], collar)
    c.line([(598, 1175), (598, 1500)], (40, 126, 146, 200), 4)  # button placket
    for k in range(2):
        c.ellipse(598, 1290 + k * 110, 8, 8, collar)
    return c.finish(rng, 8)


def make_nathalie_portrait() -> Image.Image:
    """Head-and-shoulders silhouette of a woman with a long bob and a leopard-spotted jacket, on red."""
    rng = random.Random(2024_07)
    w, h = 1200, 1500
    c = Canvas(w, h, [(0.0, (120, 18, 30)), (0.55, (200, 48, 52)), (1.0, (246, 170, 150))])
    c.soft_blob(600, 540, 420, (255, 190, 170), 170)
    for r in range(300, 900, 80):
        c.ring(600, 560, r, (255, 220, 210, 36), 3)
    bust(c, 606, 566, 330, (255, 226, 214, 255))  # rim light
    ink: RGBA = (40, 10, 14, 255)
    c.ellipse(596, 600, 250, 300, ink)  # long bob framing the face, behind the bust
    bust(c, 596, 572, 326, ink)
    c.ellipse(596, 450, 190, 150, ink)
    jacket: RGBA = (196, 140, 70, 255)
    c.polygon([(300, 1230), (450, 1080), (596, 1180), (742, 1080), (892, 1230), (1000, 1500), (190, 1500)], jacket)
    for _ in range(90):  # leopard rosettes on the jacket
        x, y = rng.uniform(230, 970), rng.uniform(1150, 1490)
        if abs(x - 596) < 40:
            continue
        r = rng.uniform(10, 22)
        c.ring(x, y, r, (60, 30, 14, 255), 6)
        c.ellipse(x, y, r * 0.45, r * 0.45, (120, 70, 30, 255))
    c.polygon([(520, 1120), (596, 1180), (672, 1120), (596, 1400)], ink)  # neckline
    return c.finish(rng, 8)


def make_news_band() -> Image.Image:
    """Wide band: glowing neural-network graph over circuit traces on dark navy, red and white accents."""
    rng = random.Random(2024)
    w, h = 2560, 1400
    red: RGB = (232, 65, 63)  # the magazine's red, CMYK 0/90/75/0
    white: RGB = (255, 255, 255)
    trace: RGB = (52, 92, 150)
    c = Canvas(w, h, [(0.0, (4, 10, 30)), (0.5, (10, 22, 54)), (1.0, (3, 8, 24))])
    c.soft_blob(1280, 700, 760, (22, 50, 110), 170)
    c.soft_blob(1900, 520, 420, (90, 24, 44), 110)

    # the network: layers of nodes on gently curved columns, one red path through it
    sizes = [5, 8, 10, 10, 8, 5]
    x0, x1 = 520, 2040
    layers: list[list[Point]] = []
    for k, n in enumerate(sizes):
        x = x0 + (x1 - x0) * k / (len(sizes) - 1)
        spread = 102 * (n - 1) / 2
        col: list[Point] = []
        for i in range(n):
            y = 700 - spread + 102 * i
            bow = 0.00028 * (y - 700) ** 2  # columns bow outwards, like a lens
            col.append((x + (bow if k >= len(sizes) / 2 else -bow) + rng.uniform(-14, 14), y + rng.uniform(-18, 18)))
        layers.append(col)
    links: list[tuple[Point, Point]] = []
    for a, b in pairwise(layers):
        for p in a:
            for q in b:
                if rng.random() < 0.55:
                    links.append((p, q))
    path = [col[rng.randrange(1, len(col) - 1)] for col in layers]
    red_nodes = {p for col in layers for p in col if rng.random() < 0.12} | set(path)

    # circuit traces: horizontal runs with 45-degree jogs, ending in pads
    def run(start: Point, end: Point, jog_at: float) -> list[Point]:
        (sx, sy), (ex, ey) = start, end
        dy = ey - sy
        mx = sx + (ex - sx) * jog_at
        dx = math.copysign(abs(dy), ex - sx)
        return [(sx, sy), (mx, sy), (mx + dx, ey), (ex, ey)]

    for p in layers[0]:  # inputs come in from the left edge, outputs leave on the right
        c.line(run((-20, p[1] + rng.uniform(-160, 160)), p, rng.uniform(0.3, 0.6)), rgba(trace, 230), 3)
    for p in layers[-1]:
        c.line(run(p, (w + 20, p[1] + rng.uniform(-160, 160)), rng.uniform(0.3, 0.6)), rgba(trace, 230), 3)
    for band_y, direction in ((96, 1), (1304, -1)):  # two buses of parallel traces, top and bottom
        for seg in range(4):
            sx = seg * 680 + rng.uniform(-40, 80)
            length = rng.uniform(420, 600)
            jog = direction * rng.uniform(30, 70)
            for k in range(rng.randint(3, 5)):
                y = band_y + direction * k * 18
                pts = run((sx + k * 10, y), (sx + length - k * 10, y + jog), 0.45)
                c.line(pts, rgba(trace, 170), 3)
                ex, ey = pts[-1]
                c.ring(ex, ey, 7, rgba(trace, 220), 3)
    for _ in range(26):  # short stubs with vias scattered in the margins
        x = rng.uniform(60, w - 60)
        y = rng.choice([rng.uniform(40, 300), rng.uniform(1100, 1360)])
        length = rng.uniform(60, 220)
        c.line([(x, y), (x + length, y)], rgba(trace, 150), 3)
        c.ring(x + length, y, 8, rgba(trace, 200), 3)
        c.ellipse(x, y, 4, 4, rgba(trace, 200))

    def network(layer: Canvas) -> None:
        for p, q in links:
            layer.line([p, q], rgba(white, 46), 2)
        for p, q in pairwise(path):
            layer.line([p, q], rgba(red, 255), 6)
        for col in layers:
            for p in col:
                color = red if p in red_nodes else white
                layer.ellipse(p[0], p[1], 15, 15, rgba(color, 255))

    c.glow(network, 16)
    for col in layers:  # crisp outer rings and white-hot cores
        for p in col:
            c.ring(p[0], p[1], 22, rgba(red if p in red_nodes else white, 150), 3)
            c.ellipse(p[0], p[1], 6, 6, rgba(white))
    for p, q in rng.sample(links, 18):  # data pulses travelling along some links
        t = rng.uniform(0.2, 0.8)
        x, y = p[0] + (q[0] - p[0]) * t, p[1] + (q[1] - p[1]) * t
        c.ellipse(x, y, 5, 5, rgba(white, 230))
    for _ in range(160):  # faint dust / far nodes
        x, y = rng.uniform(0, w), rng.uniform(0, h)
        r = rng.uniform(1, 3)
        c.ellipse(x, y, r, r, rgba(white, rng.randint(30, 110)))
    return c.finish(rng, 5)


# =========================================================================================
# Stand-ins for the rest of the issue (fashion, music, luxe, videos, business, front/back)
# =========================================================================================
# These are drawn on a Canvas whose size is the final size, except the full-page ones, drawn at
# half size (the art is smooth) and enlarged with LANCZOS. No grain: flat shapes, gradients and
# soft blur only, which keeps the JPEGs small.

FONT_FILES = {
    "display": "NotoSansDisplay-Bold.ttf",
    "sans": "NotoSans-Regular.ttf",
    "sans-bold": "NotoSans-Bold.ttf",
    "sans-italic": "NotoSans-Italic.ttf",
    "serif-italic": "NotoSerifDisplay-Italic.ttf",
    "garamond": "EBGaramond12-Regular.ttf",
    "garamond-italic": "EBGaramond12-Italic.ttf",
}

WHITE: RGB = (255, 255, 255)
BLACK: RGB = (0, 0, 0)
IALS_RED: RGB = (232, 65, 63)  # #E8413F, the magazine's red
INK: RGB = (28, 26, 30)
GOLD: RGB = (214, 170, 84)
GOLD_LIGHT: RGB = (252, 226, 150)
GOLD_DARK: RGB = (120, 82, 28)

Box = tuple[float, float, float, float]
Material = Callable[[Canvas, Box], Image.Image]
Stops = Sequence[tuple[float, RGB]]


@functools.lru_cache(maxsize=64)
def font_at(name: str, px: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(ROOT / "ials_print" / "kit" / "fonts" / FONT_FILES[name]), max(4, px))


def shade(color: RGB, t: float) -> RGB:
    """t > 0 lightens towards white, t < 0 darkens towards black."""
    return mix(color, WHITE, t) if t >= 0 else mix(color, BLACK, -t)


def lut(stops: Stops, n: int = 256) -> list[RGB]:
    out: list[RGB] = []
    for i in range(n):
        t = i / (n - 1)
        for (t0, c0), (t1, c1) in pairwise(stops):
            if t0 <= t <= t1:
                out.append(mix(c0, c1, (t - t0) / max(1e-9, t1 - t0)))
                break
        else:
            out.append(stops[-1][1] if t > stops[-1][0] else stops[0][1])
    return out


def gradient_field(c: Canvas, stops: Stops, t_of: Callable[[float, float], float], grid: int = 160) -> Image.Image:
    """An RGB image of the canvas's pixel size: colour = stops(t_of(x, y)), x, y in final pixels.

    The colours are computed on a coarse grid and enlarged bilinearly, so t_of must be smooth."""
    gw = grid
    gh = max(2, round(grid * c.h / c.w))
    colors = lut(stops, 1024)
    data = bytearray()
    for j in range(gh):
        y = (j + 0.5) * c.h / gh
        for i in range(gw):
            t = t_of((i + 0.5) * c.w / gw, y)
            data += bytes(colors[0 if t <= 0 else 1023 if t >= 1 else round(t * 1023)])
    return Image.frombytes("RGB", (gw, gh), bytes(data)).resize(c.img.size, Image.Resampling.BILINEAR)


def linear(c: Canvas, stops: Stops, angle: float = 90.0, box: Box | None = None) -> Image.Image:
    """Linear gradient; angle in degrees (0: left to right, 90: top to bottom), spanning `box`."""
    x0, y0, x1, y1 = box if box is not None else (0.0, 0.0, float(c.w), float(c.h))
    a = math.radians(angle)
    dx, dy = math.cos(a), math.sin(a)
    corners = [x * dx + y * dy for x in (x0, x1) for y in (y0, y1)]
    lo, hi = min(corners), max(corners)
    span = max(1e-6, hi - lo)
    return gradient_field(c, stops, lambda x, y: (x * dx + y * dy - lo) / span)


def radial(c: Canvas, cx: float, cy: float, r: float, stops: Stops, ry: float | None = None) -> Image.Image:
    """Radial (or elliptical) gradient: t = 0 at the centre, 1 at radius r."""
    ry = r if ry is None else ry
    return gradient_field(c, stops, lambda x, y: math.hypot((x - cx) / r, (y - cy) / ry))


def blob(
    cx: float, cy: float, r: float, rng: random.Random, wobble: float = 0.16, ry: float | None = None, n: int = 72
) -> list[Point]:
    """A smooth organic closed shape around (cx, cy)."""
    ry = r if ry is None else ry
    waves = [(k, rng.uniform(0, math.tau), rng.uniform(0.4, 1.0) * wobble) for k in (2, 3, 5)]
    pts: list[Point] = []
    for i in range(n):
        a = math.tau * i / n
        f = 1 + sum(amp * math.sin(k * a + ph) for k, ph, amp in waves) / 1.6
        pts.append((cx + r * f * math.cos(a), cy + ry * f * math.sin(a)))
    return pts


def bezier(p0: Point, p1: Point, p2: Point, p3: Point, n: int = 24) -> list[Point]:
    out: list[Point] = []
    for i in range(n + 1):
        t = i / n
        m = 1 - t
        out.append(
            (
                m**3 * p0[0] + 3 * m * m * t * p1[0] + 3 * m * t * t * p2[0] + t**3 * p3[0],
                m**3 * p0[1] + 3 * m * m * t * p1[1] + 3 * m * t * t * p2[1] + t**3 * p3[1],
            )
        )
    return out


def star(cx: float, cy: float, r: float, inner: float, n: int = 5, rot: float = -90.0) -> list[Point]:
    pts: list[Point] = []
    for i in range(2 * n):
        a = math.radians(rot + i * 180 / n)
        rr = r if i % 2 == 0 else r * inner
        pts.append((cx + rr * math.cos(a), cy + rr * math.sin(a)))
    return pts


def enlarge(img: Image.Image, size: tuple[int, int]) -> Image.Image:
    return img if img.size == size else img.resize(size, Image.Resampling.LANCZOS)


# -- materials: images of the canvas's pixel size, shown through a mask --------------------
def mat_lit(base: RGB, hi: float = 0.32, lo: float = 0.5, angle: float = 12.0) -> Material:
    """A colour lit from the left: light, base, shadow across the box."""

    def make(c: Canvas, box: Box) -> Image.Image:
        return linear(c, [(0.0, shade(base, hi)), (0.42, base), (1.0, shade(base, -lo))], angle, box)

    return make


def mat_bands(colors: Sequence[RGB], angle: float = 80.0, repeat: int = 3) -> Material:
    """Chrome / satin: repeated bands of colour across the box."""
    stops: list[tuple[float, RGB]] = []
    n = len(colors) * repeat
    for i in range(n + 1):
        stops.append((i / n, colors[i % len(colors)]))

    def make(c: Canvas, box: Box) -> Image.Image:
        return linear(c, stops, angle, box)

    return make


def mat_over(base: Material, paint: Callable[[Canvas, Box], None], blur: float = 0.0, scale: float = 0.5) -> Material:
    """A material with a pattern painted over it (on a half-resolution transparent layer)."""

    def make(c: Canvas, box: Box) -> Image.Image:
        tmp = Canvas.blank(c.w, c.h, c.k)
        tmp.set_image(base(c, box))
        tmp.soft(lambda layer: paint(layer, box), blur, scale)
        return tmp.img

    return make


def rosette(c: Canvas, x: float, y: float, r: float, rng: random.Random, spot: RGB, core: RGB) -> None:
    """One leopard rosette: a tawny core inside a broken ring of dark spots."""
    c.polygon(blob(x, y, r * 0.7, rng, 0.25, n=28), rgba(core))
    k = rng.randint(5, 7)
    a0 = rng.uniform(0, math.tau)
    for i in range(k):
        if rng.random() < 0.15:  # a gap in the ring
            continue
        a = a0 + math.tau * i / k + rng.uniform(-0.2, 0.2)
        rr = r * rng.uniform(0.17, 0.26)
        c.polygon(
            blob(x + r * 0.86 * math.cos(a), y + r * 0.86 * math.sin(a), rr, rng, 0.3, rr * 0.75, n=20), rgba(spot)
        )


def leopard_paint(rng: random.Random, r: float, spot: RGB, core: RGB) -> Callable[[Canvas, Box], None]:
    def paint(c: Canvas, box: Box) -> None:
        x0, y0, x1, y1 = box
        step = r * 2.5
        j = 0
        y = y0 - r
        while y < y1 + r:
            x = x0 - r + (step / 2 if j % 2 else 0)
            while x < x1 + r:
                rr = r * rng.uniform(0.7, 1.15)
                if rng.random() < 0.2:  # a small solid spot instead of a rosette
                    c.polygon(blob(x, y, rr * 0.35, rng, 0.3, n=20), rgba(spot))
                else:
                    rosette(c, x + rng.uniform(-r, r) * 0.4, y + rng.uniform(-r, r) * 0.4, rr, rng, spot, core)
                x += step
            y += step * 0.87
            j += 1

    return paint


def mat_leopard(
    rng: random.Random, base: RGB = (206, 152, 84), r: float = 22, spot: RGB = (34, 20, 12), core: RGB | None = None
) -> Material:
    return mat_over(mat_lit(base, 0.25, 0.4), leopard_paint(rng, r, spot, core or shade(base, -0.2)), 0.6)


def mat_fur(rng: random.Random, base: RGB, length: float = 30, contrast: float = 0.3) -> Material:
    """Fur: soft streaks of lighter and darker hair over a lit base."""

    def paint(c: Canvas, box: Box) -> None:
        x0, y0, x1, y1 = box
        n = int((x1 - x0) * (y1 - y0) / (length * length) * 2.5)
        for _ in range(min(n, 5000)):
            x, y = rng.uniform(x0, x1), rng.uniform(y0, y1)
            ln = length * rng.uniform(0.7, 1.5)
            dx = ln * rng.uniform(-0.35, 0.35)
            col = shade(base, rng.uniform(-contrast, contrast))
            c.line([(x, y), (x + dx * 0.5, y + ln * 0.55), (x + dx, y + ln)], rgba(col, 90), length * 0.16)

    return mat_over(mat_lit(base, 0.28, 0.55), paint, length * 0.06)


def mat_stripes(c0: RGB, c1: RGB, width: float, angle: float = 0.0) -> Material:
    def paint(c: Canvas, box: Box) -> None:
        x0, y0, x1, y1 = box
        diag = math.hypot(x1 - x0, y1 - y0)
        cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
        a = math.radians(angle)
        ux, uy = math.cos(a), math.sin(a)  # stripe direction
        vx, vy = -uy, ux
        k = -diag
        while k < diag:
            p = (cx + vx * k, cy + vy * k)
            q = (cx + vx * (k + width), cy + vy * (k + width))
            c.polygon(
                [
                    (p[0] - ux * diag, p[1] - uy * diag),
                    (p[0] + ux * diag, p[1] + uy * diag),
                    (q[0] + ux * diag, q[1] + uy * diag),
                    (q[0] - ux * diag, q[1] - uy * diag),
                ],
                rgba(c1),
            )
            k += 2 * width

    return mat_over(mat_lit(c0, 0.2, 0.35), paint, 0.0)


def mat_organic(rng: random.Random, base: RGB, spots: Sequence[RGB], size: float = 60) -> Material:
    """Pearl base with soft coloured cells."""

    def paint(c: Canvas, box: Box) -> None:
        x0, y0, x1, y1 = box
        n = int((x1 - x0) * (y1 - y0) / (size * size * 2.2))
        for _ in range(min(n, 400)):
            x, y = rng.uniform(x0, x1), rng.uniform(y0, y1)
            c.polygon(blob(x, y, size * rng.uniform(0.5, 1.1), rng, 0.25, n=36), rgba(rng.choice(spots), 170))

    return mat_over(mat_lit(base, 0.35, 0.3), paint, size * 0.18)


# -- the fashion figure ------------------------------------------------------------------------
ARM_POSES: dict[str, tuple[Point, Point]] = {  # elbow, hand (figure units, right side of the picture)
    "down": ((0.98, 2.85), (1.06, 3.95)),
    "hip": ((1.42, 2.55), (0.62, 3.1)),
    "raised": ((1.3, 0.9), (0.5, 0.22)),
    "out": ((1.32, 2.45), (1.95, 3.05)),
    "front": ((0.98, 2.75), (0.3, 3.25)),
    "back": ((0.95, 2.7), (0.72, 3.6)),
    "up": ((1.25, 0.8), (1.45, -0.4)),
}

SKIRTS: dict[str, list[Point]] = {  # right outline from the waist down; last point = hem corner
    "gown": [(0.44, 3.0), (0.8, 3.8), (1.3, 6.0), (1.85, 7.92)],
    "mermaid": [(0.44, 3.0), (0.8, 3.8), (0.62, 5.0), (0.55, 5.75), (0.95, 6.9), (1.75, 7.95)],
    "column": [(0.44, 3.0), (0.8, 3.8), (0.74, 5.5), (0.72, 7.9)],
    "ball": [(0.44, 3.0), (1.1, 3.25), (1.85, 4.1), (2.3, 5.5), (2.5, 7.0), (2.45, 7.92)],
    "mini": [(0.44, 3.0), (0.82, 3.8), (1.05, 4.85)],
    "midi": [(0.44, 3.0), (0.84, 3.8), (1.25, 5.9)],
    "coat": [(0.56, 3.0), (0.9, 3.8), (1.3, 6.5)],
}


@dataclass
class Look:
    garment: str = "gown"  # a SKIRTS key or "trousers"
    material: Material = field(default_factory=lambda: mat_lit((180, 20, 40)))
    neckline: str = "v"  # v, high, boat, strapless
    arms: tuple[str, str] = ("down", "down")  # left and right of the picture
    sleeves: bool = False
    walk: bool = False
    hair: str = "bun"  # bun, sleek, bob, long, volume, afro, pony, none
    hair_color: RGB = (36, 22, 16)
    skin: RGB = (206, 150, 118)
    lips: RGB = (160, 24, 36)
    shoes: RGB = (20, 18, 18)
    outer: str | None = None  # cape, fur_coat, stole, ruff, pads, petals, jacket, train
    outer_material: Material | None = None
    extras: tuple[str, ...] = ()  # crown, crown_neon, tiara, hat, glasses, hoops, chains, pearls, belt, halo
    accent: RGB = GOLD
    accent2: RGB = (200, 30, 60)
    folds: bool = True
    face: bool = True


class Figure:
    """A fashion figure (about 8 heads tall) drawn through masks, so that each part takes a material."""

    def __init__(
        self, c: Canvas, cx: float, top: float, height: float, look: Look, rng: random.Random, mirror: bool = False
    ) -> None:
        self.c, self.cx, self.top, self.u, self.look, self.rng = c, cx, top, height / 8.0, look, rng
        self.sx = -1.0 if mirror else 1.0
        self.box: Box = (cx - 2.7 * self.u, top - 0.6 * self.u, cx + 2.7 * self.u, top + 8.1 * self.u)

    def p(self, x: float, y: float) -> Point:
        return (self.cx + self.sx * x * self.u, self.top + y * self.u)

    def pts(self, seq: Sequence[Point]) -> list[Point]:
        return [self.p(x, y) for x, y in seq]

    def sym(self, right: Sequence[Point]) -> list[Point]:
        """A symmetric polygon from its right outline (top to bottom)."""
        return self.pts(list(right) + [(-x, y) for x, y in reversed(right)])

    def el(self, m: Canvas, x: float, y: float, rx: float, ry: float, fill: int | RGBA = 255) -> None:
        cx, cy = self.p(x, y)
        m.ellipse(cx, cy, rx * self.u, ry * self.u, fill)

    def hem(self, right: Sequence[Point]) -> list[Point]:
        """Outline with a curved hem (the skirt seen from slightly above)."""
        hx, hy = right[-1]
        curve = [(hx * (1 - 2 * i / 12), hy + 0.12 * hx * (1 - (1 - 2 * i / 12) ** 2)) for i in range(13)]
        left = [(-x, y) for x, y in reversed(right[:-1])]
        return self.pts([*right[:-1], *curve, *left])

    def arm(self, m: Canvas, side: float, pose: str, width: float = 0.25) -> Point:
        (ex, ey), (hx, hy) = ARM_POSES[pose]
        pts = self.pts([(side * 0.74, 1.62), (side * ex, ey), (side * hx, hy)])
        m.line(pts, 255, width * self.u)
        m.ellipse(pts[0][0], pts[0][1], width * 0.62 * self.u, width * 0.62 * self.u, 255)
        return (side * hx, hy)

    def through(self, mask: Canvas, material: Material) -> None:
        self.c.paint_through(material(self.c, self.box), mask.img)

    # -- parts ---------------------------------------------------------------------------
    def hair_back(self, m: Canvas) -> None:
        style = self.look.hair
        if style == "long":
            m.polygon(self.sym([(0.3, 0.3), (0.46, 0.7), (0.62, 1.8), (0.66, 2.55), (0.4, 2.7)]), 255)
        elif style == "volume":
            m.polygon(blob(*self.p(0, 0.55), 0.78 * self.u, self.rng, 0.06, 0.72 * self.u), 255)
            for side in (-1, 1):
                for k in range(4):
                    self.el(m, side * (0.58 - k * 0.02), 1.1 + k * 0.32, 0.3, 0.26)
        elif style == "afro":
            m.polygon(blob(*self.p(0, 0.38), 0.78 * self.u, self.rng, 0.05, 0.72 * self.u), 255)
        elif style == "pony":
            m.line(self.pts([(0.25, 0.2), (0.55, 0.6), (0.6, 1.5), (0.5, 2.3)]), 255, 0.28 * self.u)
        elif style == "bob":
            self.el(m, 0, 0.6, 0.5, 0.52)
            m.polygon(self.pts([(-0.5, 0.6), (0.5, 0.6), (0.5, 1.02), (-0.5, 1.02)]), 255)

    def hair_front(self, m: Canvas) -> None:
        style = self.look.hair
        if style == "none":
            return
        big = {"bob": (0.46, 0.5), "volume": (0.5, 0.52), "afro": (0.42, 0.46)}.get(style, (0.37, 0.44))
        self.el(m, 0, 0.5, big[0], big[1])
        self.el(m, 0, 0.74, 0.31, 0.36, 0)  # the face
        if style == "bun":
            self.el(m, 0, -0.02, 0.22, 0.2)
        if style == "pony":
            self.el(m, 0.2, 0.08, 0.16, 0.14)

    def render(self) -> None:
        c, L = self.c, self.look
        u = self.u
        skirt = SKIRTS.get(L.garment)
        hem_y = skirt[-1][1] if skirt else 7.95
        # ground shadow
        c.soft(lambda layer: layer.ellipse(*self.p(0, 7.95), 1.9 * u, 0.22 * u, (0, 0, 0, 110)), 0.25 * u)

        # behind the body
        back = c.mask()
        self.hair_back(back)
        if back.img.getbbox():
            self.through(back, mat_lit(L.hair_color, 0.25, 0.4))
        if L.outer in ("cape", "ruff", "train") and L.outer_material is not None:
            m = c.mask()
            if L.outer == "cape":
                m.polygon(self.hem([(0.7, 1.4), (1.2, 2.2), (2.1, 6.0), (2.5, 7.96)]), 255)
            elif L.outer == "train":
                m.polygon(self.pts([(0.4, 3.0), (2.9, 7.3), (3.3, 7.98), (-0.6, 8.0), (-0.4, 3.0)]), 255)
            else:  # the ruff: a pleated fan collar standing behind the head
                m.polygon(
                    self.pts(
                        [(0.0, 1.45)]
                        + [
                            (1.05 * math.cos(math.radians(a)), 1.2 - 1.0 * math.sin(math.radians(a)))
                            for a in range(-10, 191, 10)
                        ]
                    ),
                    255,
                )
            self.through(m, L.outer_material)
            if L.outer == "ruff":
                for a in range(0, 181, 15):
                    x, y = 1.0 * math.cos(math.radians(a)), 1.2 - 0.95 * math.sin(math.radians(a))
                    c.line(self.pts([(0, 1.4), (x, y)]), (255, 255, 255, 90), 0.03 * u)

        # skin: legs, arms (unless sleeved), neck, head, chest
        skin = c.mask()
        legs = hem_y < 7.6
        if legs:
            lean = 0.3 if L.walk else 0.0
            skin.polygon(
                self.pts([(-0.6, 3.9), (-0.06, 3.9), (-0.16 + lean * 0.4, 7.72), (-0.34 + lean * 0.4, 7.72)]), 255
            )
            skin.polygon(self.pts([(0.06, 3.9), (0.6, 3.9), (0.36 + lean, 7.72), (0.18 + lean, 7.72)]), 255)
        skin.polygon(self.pts([(-0.13, 0.8), (0.13, 0.8), (0.16, 1.5), (-0.16, 1.5)]), 255)
        self.el(skin, 0, 0.55, 0.34, 0.46)
        skin.polygon(self.sym([(0.2, 1.38), (0.76, 1.5), (0.7, 2.05)]), 255)
        self.el(skin, 0.74, 1.62, 0.16, 0.14)
        self.el(skin, -0.74, 1.62, 0.16, 0.14)
        hands: list[Point] = []
        arms = c.mask()
        for side, pose in ((-1.0, L.arms[0]), (1.0, L.arms[1])):
            hands.append(self.arm(arms if L.sleeves else skin, side, pose))
        for hx, hy in hands:
            self.el(skin, hx, hy + 0.06, 0.1, 0.13)
        self.through(skin, mat_lit(L.skin, 0.2, 0.35, 20))
        if legs and L.shoes:
            lean = 0.3 if L.walk else 0.0
            for x in (-0.25 + lean * 0.4, 0.27 + lean):
                c.polygon(
                    self.pts([(x - 0.16, 7.66), (x + 0.14, 7.66), (x + 0.2, 7.9), (x - 0.1, 7.96)]), rgba(L.shoes)
                )

        # the garment
        g = c.mask()
        neck = {
            "v": [(0.18, 1.38), (0.0, 2.1)],
            "high": [(0.14, 1.3)],
            "boat": [(0.5, 1.5), (0.0, 1.6)],
            "strapless": [(0.66, 1.95), (0.0, 2.02)],
        }[L.neckline]
        bodice = [(0.82, 1.5), (0.72, 2.05), (0.45, 3.0)]
        if L.neckline == "strapless":
            bodice = [(0.7, 2.05), (0.45, 3.0)]
        if L.garment == "coat":
            bodice = [(0.95, 1.48), (0.9, 2.1), (0.56, 3.0)]
        top = [(x, y) for x, y in reversed(neck)]  # centre to the side
        right = [*top[1:], *bodice] if len(top) > 1 else [*top, *bodice]
        centre = [top[0]] if len(top) > 1 else []
        if skirt:
            g.polygon(self.pts(centre) + self.hem([*right, *skirt[1:]]), 255)
        else:  # trousers
            legs_pts = [(0.84, 3.8), (1.0, 7.95), (0.14, 7.95), (0.0, 4.5)]
            left = [(-x, y) for x, y in reversed(right)]
            g.polygon(
                self.pts([*centre, *right, *legs_pts, *[(-x, y) for x, y in reversed(legs_pts[:-1])], *left]), 255
            )
        self.through(g, L.material)
        if L.folds:
            self.folds(g, hem_y)

        # sleeves, on top of the garment (and of a jacket)
        if L.sleeves and L.outer != "jacket":
            self.c.paint_through(L.material(c, self.box).point(lambda v: int(v * 0.86)), arms.img)

        # front outer layers
        if L.outer in ("fur_coat", "stole", "pads", "petals", "jacket") and L.outer_material is not None:
            self.outer_front()
        if L.sleeves and L.outer == "jacket" and L.outer_material is not None:
            self.c.paint_through(L.outer_material(c, self.box).point(lambda v: int(v * 0.86)), arms.img)

        # hair, head pieces, face, jewels
        hf = c.mask()
        self.hair_front(hf)
        self.through(hf, mat_lit(L.hair_color, 0.25, 0.4))
        if L.face:
            self.face()
        self.extras()

    def folds(self, g: Canvas, hem_y: float) -> None:
        u, rng = self.u, self.rng
        if hem_y - 3.0 < 1.5:
            return

        def paint(layer: Canvas) -> None:
            hx = SKIRTS.get(self.look.garment, [(1.0, 7.9)])[-1][0]
            for i in range(9):
                t = -1 + 2 * (i + rng.uniform(0.2, 0.8)) / 9
                a, b = self.p(t * 0.35, 3.2), self.p(t * hx * 0.95, hem_y)
                dark = i % 2 == 0
                layer.line([a, b], (0, 0, 0, 70) if dark else (255, 255, 255, 45), 0.16 * u)

        self.c.soft(paint, 0.09 * u, 0.25, g.img)

    def outer_front(self) -> None:
        c, L, u, rng = self.c, self.look, self.u, self.rng
        m = c.mask()
        if L.outer == "fur_coat":
            for side in (-1, 1):
                outline = [(0.0, 1.32), (0.98, 1.42), (1.18, 2.4), (1.5, 6.4), (0.35, 6.55), (0.28, 3.2), (0.12, 1.7)]
                m.polygon(self.pts([(side * x, y) for x, y in outline]), 255)
                for (x0, y0), (x1, y1) in pairwise(outline):
                    for k in range(10):
                        t = k / 10
                        r = rng.uniform(0.07, 0.15)
                        self.el(m, side * (x0 + (x1 - x0) * t), y0 + (y1 - y0) * t, r, r)
                sl = [(0.96, 1.5), (1.3, 2.6), (1.4, 3.9)]
                m.line(self.pts([(side * x, y) for x, y in sl]), 255, 0.52 * u)
                self.el(m, side * 1.4, 4.0, 0.3, 0.24)
            for k in range(9):  # the big collar
                a = math.radians(200 + k * 17.5)
                self.el(m, 0.62 * math.cos(a), 1.6 + 0.28 * math.sin(a), 0.28, 0.24)
        elif L.outer == "stole":
            for k in range(13):
                t = -1 + 2 * k / 12
                self.el(m, t * 1.0, 1.72 + 0.3 * (1 - t * t), 0.3, 0.25)
            for side in (-1, 1):
                for k in range(6):
                    self.el(m, side * (1.0 + k * 0.02), 1.9 + k * 0.3, 0.27, 0.22)
        elif L.outer == "pads":
            for side in (-1, 1):
                for k in range(3):
                    self.el(m, side * (0.85 + k * 0.06), 1.55 + k * 0.14, 0.42 - k * 0.06, 0.22)
            m.polygon(self.sym([(0.3, 1.9), (0.6, 2.1), (0.46, 2.9), (0.0, 3.05)]), 255)
        elif L.outer == "jacket":
            m.polygon(
                self.pts(
                    [
                        (0, 2.2),
                        (0.2, 1.38),
                        (0.9, 1.46),
                        (0.98, 2.2),
                        (0.9, 4.4),
                        (0.1, 4.5),
                        (-0.1, 4.5),
                        (-0.9, 4.4),
                        (-0.98, 2.2),
                        (-0.9, 1.46),
                        (-0.2, 1.38),
                    ]
                ),
                255,
            )
        elif L.outer == "petals":
            for _ in range(26):
                x, y = rng.uniform(-1.5, 1.5), rng.uniform(1.4, 6.8)
                if abs(x) > 0.6 + (y - 1.4) * 0.22:
                    continue
                cx, cy = self.p(x, y)
                m.polygon(blob(cx, cy, rng.uniform(0.25, 0.5) * u, rng, 0.3), 255)
            for side in (-1, 1):
                cx, cy = self.p(side * 0.9, 1.6)
                m.polygon(blob(cx, cy, 0.45 * u, rng, 0.3), 255)
        assert L.outer_material is not None
        if L.outer in ("fur_coat", "stole"):  # fur: a feathered edge
            m.set_image(m.img.filter(ImageFilter.GaussianBlur(0.012 * u * m.k)))
        self.through(m, L.outer_material)
        if L.outer in ("fur_coat", "stole"):  # soft shadow under the fur edge
            self.c.soft(lambda layer: layer.ellipse(*self.p(0, 2.0), 0.5 * u, 0.2 * u, (0, 0, 0, 60)), 0.1 * u)

    def face(self) -> None:
        c, L, u = self.c, self.look, self.u
        if "glasses" not in L.extras:
            for side in (-1, 1):
                x, y = self.p(side * 0.13, 0.56)
                c.ellipse(x, y, 0.075 * u, 0.022 * u, rgba(shade(L.skin, -0.6), 170))
                c.arc(x, y - 0.05 * u, 0.09 * u, 200, 340, rgba(shade(L.hair_color, -0.2), 200), 0.018 * u)
        x, y = self.p(0, 0.82)
        c.ellipse(x, y, 0.085 * u, 0.032 * u, rgba(L.lips, 235))

        def blush(layer: Canvas) -> None:
            for side in (-1, 1):
                layer.ellipse(*self.p(side * 0.2, 0.72), 0.08 * u, 0.05 * u, rgba(L.lips, 50))

        c.soft(blush, 0.04 * u)

    def extras(self) -> None:
        c, L, u = self.c, self.look, self.u
        ex = set(L.extras)
        if "hoops" in ex:
            for side in (-1, 1):
                x, y = self.p(side * 0.35, 0.86)
                c.ring(x, y, 0.15 * u, rgba(L.accent), 0.035 * u)
        if "drops" in ex:
            for side in (-1, 1):
                x, y = self.p(side * 0.35, 0.76)
                c.ellipse(x, y + 0.12 * u, 0.05 * u, 0.1 * u, rgba(L.accent))
                c.ellipse(x, y, 0.035 * u, 0.035 * u, rgba(L.accent))
        if "chains" in ex:
            for k in range(3):
                pts = [
                    self.p(t * (0.3 + 0.06 * k), 1.5 + 0.32 * (1 - t * t) * (1 + 0.35 * k))
                    for t in [i / 10 - 1 for i in range(21)]
                ]
                c.line(pts, rgba(shade(L.accent, 0.15 * (k % 2))), 0.045 * u)
            c.ellipse(*self.p(0, 2.25), 0.08 * u, 0.1 * u, rgba(L.accent))
        if "pearls" in ex:
            for k in range(2):
                for i in range(15):
                    t = i / 7 - 1
                    x, y = self.p(t * (0.28 + 0.08 * k), 1.48 + 0.3 * (1 - t * t) * (1 + 0.5 * k))
                    c.ellipse(x, y, 0.045 * u, 0.045 * u, (246, 240, 228, 255))
        if "belt" in ex:
            c.polygon(self.pts([(-0.48, 2.9), (0.48, 2.9), (0.47, 3.1), (-0.47, 3.1)]), rgba(L.accent))
            c.ellipse(*self.p(0, 3.0), 0.12 * u, 0.1 * u, rgba(shade(L.accent, 0.3)))
        if "glasses" in ex:
            for side in (-1, 1):
                x, y = self.p(side * 0.15, 0.56)
                c.ellipse(x, y, 0.15 * u, 0.09 * u, (14, 12, 12, 250))
                c.ellipse(x - 0.05 * u, y - 0.03 * u, 0.04 * u, 0.02 * u, (255, 255, 255, 110))
            c.line(self.pts([(-0.05, 0.53), (0.05, 0.53)]), (14, 12, 12, 255), 0.03 * u)
        if "hat" in ex:
            c.ellipse(*self.p(0, 0.2), 1.05 * u, 0.17 * u, rgba(L.accent2))
            c.polygon(self.pts([(-0.42, 0.18), (-0.36, -0.42), (0.36, -0.42), (0.42, 0.18)]), rgba(L.accent2))
            c.polygon(self.pts([(-0.41, 0.02), (0.41, 0.02), (0.41, 0.1), (-0.41, 0.1)]), rgba(shade(L.accent2, -0.4)))
        if "crown" in ex or "tiara" in ex or "crown_neon" in ex:
            crown(
                c,
                *self.p(0, 0.16),
                0.86 * u if "tiara" not in ex else 0.6 * u,
                0.55 * u if "tiara" not in ex else 0.28 * u,
                L.accent,
                L.accent2,
                neon="crown_neon" in ex,
            )
        if "halo" in ex:
            c.ring(*self.p(0, 0.45), 0.85 * u, rgba(L.accent, 160), 0.05 * u)
        if "veil" in ex:
            c.soft(
                lambda layer: layer.polygon(
                    self.pts([(-0.5, 0.1), (0.5, 0.1), (1.4, 5.0), (-1.4, 5.0)]), (255, 255, 255, 60)
                ),
                0.05 * u,
                0.5,
            )


def crown(
    c: Canvas,
    cx: float,
    base_y: float,
    width: float,
    height: float,
    gold: RGB,
    jewel: RGB,
    neon: bool = False,
    spikes: int = 5,
) -> None:
    """A crown standing on base_y: band, spikes with pearls, jewels; neon draws glowing outlines."""
    half = width / 2
    outline: list[Point] = [(cx - half, base_y), (cx - half * 1.08, base_y - height)]
    for i in range(spikes * 2 - 1):
        t = (i + 1) / (spikes * 2)
        x = cx - half * 1.08 + 2 * half * 1.08 * t
        y = base_y - height * (0.45 if i % 2 == 0 else (1.0 if i // 2 != spikes // 2 - 0 else 1.15))
        outline.append((x, y))
    outline += [(cx + half * 1.08, base_y - height), (cx + half, base_y)]
    if neon:

        def paint(layer: Canvas) -> None:
            layer.line([*outline, outline[0]], rgba(gold), height * 0.07)
            layer.line(
                [(cx - half, base_y - height * 0.2), (cx + half, base_y - height * 0.2)], rgba(jewel), height * 0.06
            )

        c.light(paint, height * 0.08, 0.5)
        c.light(paint, 0, 0.5)
        for x, y in outline[2:-2:2]:
            c.ellipse(x, y, height * 0.07, height * 0.07, rgba(WHITE))
        return
    c.polygon(outline, rgba(gold))
    c.polygon(
        [
            (cx - half, base_y - height * 0.3),
            (cx + half, base_y - height * 0.3),
            (cx + half, base_y),
            (cx - half, base_y),
        ],
        rgba(shade(gold, -0.25)),
    )
    c.polygon(
        [
            (cx - half * 0.9, base_y - height * 0.85),
            (cx - half * 0.5, base_y - height * 0.5),
            (cx - half * 0.8, base_y - height * 0.4),
        ],
        rgba(shade(gold, 0.45), 200),
    )
    for x, y in outline[2:-2:2]:
        c.ellipse(x, y - height * 0.05, height * 0.09, height * 0.09, rgba(GOLD_LIGHT))
    for i in range(-2, 3):
        c.ellipse(
            cx + i * half * 0.4,
            base_y - height * 0.15,
            height * 0.08,
            height * 0.1,
            rgba(jewel if i % 2 == 0 else shade(jewel, 0.4)),
        )


# -- backgrounds -------------------------------------------------------------------------------
def bg_sun(c: Canvas, cx: float, cy: float, r: float, color: RGB, glow: RGB) -> None:
    c.soft(lambda layer: layer.ellipse(cx, cy, r * 1.5, r * 1.5, rgba(glow, 120)), r * 0.5)
    c.ellipse(cx, cy, r, r, rgba(color))


def bg_drape(c: Canvas, base: RGB, folds: int, rng: random.Random, y0: float = 0.0) -> None:
    """A theatre curtain: vertical folds (light and shadow bands), with a scalloped valance."""
    stops: list[tuple[float, RGB]] = []
    for i in range(folds * 2 + 1):
        stops.append((i / (folds * 2), shade(base, 0.22 if i % 2 else -0.45) if 0 < i < folds * 2 else base))
    c.paint_through(linear(c, stops, 0.0), Image.new("L", c.img.size, 255))
    valance = c.h * 0.1

    def swags(layer: Canvas) -> None:
        n = max(3, folds // 2)
        for i in range(n):
            x0 = c.w * i / n
            layer.ellipse(x0 + c.w / n / 2, y0, c.w / n * 0.62, valance, rgba(shade(base, -0.55), 180))
            layer.ellipse(x0 + c.w / n / 2, y0 - valance * 0.12, c.w / n * 0.6, valance * 0.9, rgba(shade(base, 0.1)))

    c.soft(swags, 3, 0.5)


def bg_studio(c: Canvas, wall: RGB, floor_y: float, spot: RGB | None = None) -> None:
    """A seamless photo backdrop: wall, a soft curve into the floor, a spotlight."""
    c.set_image(
        linear(
            c,
            [
                (0.0, shade(wall, -0.25)),
                (floor_y / c.h - 0.1, wall),
                (floor_y / c.h, shade(wall, 0.12)),
                (1.0, shade(wall, -0.15)),
            ],
        )
    )
    if spot is not None:
        c.soft(lambda layer: layer.ellipse(c.w * 0.5, c.h * 0.42, c.w * 0.5, c.h * 0.34, rgba(spot, 110)), c.w * 0.12)


def bg_rays(c: Canvas, ox: float, oy: float, color: RGBA, n: int = 36, phase: float = 0.0) -> None:
    far = 3 * max(c.w, c.h)
    for i in range(0, n, 2):
        a0 = math.radians(phase + i * 360 / n)
        a1 = math.radians(phase + (i + 1) * 360 / n)
        c.polygon(
            [
                (ox, oy),
                (ox + far * math.cos(a0), oy + far * math.sin(a0)),
                (ox + far * math.cos(a1), oy + far * math.sin(a1)),
            ],
            color,
        )


def bg_stripes(c: Canvas, color: RGBA, width: float, angle: float = 90.0) -> None:
    a = math.radians(angle)
    ux, uy = math.cos(a), math.sin(a)
    vx, vy = -uy, ux
    diag = math.hypot(c.w, c.h)
    k = -diag
    while k < diag:
        p = (c.w / 2 + vx * k, c.h / 2 + vy * k)
        q = (p[0] + vx * width, p[1] + vy * width)
        c.polygon(
            [
                (p[0] - ux * diag, p[1] - uy * diag),
                (p[0] + ux * diag, p[1] + uy * diag),
                (q[0] + ux * diag, q[1] + uy * diag),
                (q[0] - ux * diag, q[1] - uy * diag),
            ],
            color,
        )
        k += 2 * width


def bg_window_light(c: Canvas, color: RGB, angle: float = 62.0, bars: int = 5, alpha: int = 90) -> None:
    """Light through a window: soft slanted bright bars."""

    def paint(layer: Canvas) -> None:
        a = math.radians(angle)
        ux, uy = math.cos(a), math.sin(a)
        for i in range(bars):
            x = c.w * (0.05 + 0.13 * i)
            y = -c.h * 0.05
            wbar = c.w * 0.07
            far = c.h * 2
            layer.polygon(
                [(x, y), (x + wbar, y), (x + wbar + ux * far, y + uy * far), (x + ux * far, y + uy * far)],
                rgba(color, alpha),
            )

    c.soft(paint, c.w * 0.012, 0.25)


def bg_arches(c: Canvas, y_spring: float, n: int, fill: RGBA, line: RGBA | None = None, depth: float = 0.0) -> None:
    """A colonnade: n arches across the width."""
    wd = c.w / n
    for i in range(n):
        cx = wd * (i + 0.5)
        r = wd * 0.36
        if depth:
            c.ellipse(cx + depth, y_spring, r, r, (0, 0, 0, 70))
            c.rect(cx - r + depth, y_spring, cx + r + depth, c.h, (0, 0, 0, 70))
        c.ellipse(cx, y_spring, r, r, fill)
        c.rect(cx - r, y_spring, cx + r, c.h, fill)
        if line is not None:
            c.arc(cx, y_spring, r + 10, 180, 360, line, 5)


def bg_neon_arches(c: Canvas, cx: float, base_y: float, colors: Sequence[RGB], r0: float, step: float) -> None:
    def paint(layer: Canvas) -> None:
        for i, col in enumerate(colors):
            r = r0 + i * step
            layer.arc(cx, base_y, r, 180, 360, rgba(col), 6)
            layer.line([(cx - r, base_y), (cx - r, c.h)], rgba(col), 6)
            layer.line([(cx + r, base_y), (cx + r, c.h)], rgba(col), 6)

    c.light(paint, 14, 0.5)
    c.light(paint, 0, 1.0)


def bg_grid(c: Canvas, horizon: float, color: RGB, vx: float | None = None) -> None:
    vx = c.w / 2 if vx is None else vx

    def paint(layer: Canvas) -> None:
        for k in range(-16, 17):
            layer.line([(vx + k * 14, horizon), (vx + k * c.w * 0.16, c.h)], rgba(color), 3)
        for k in range(1, 14):
            y = horizon + (c.h - horizon) * (k / 13) ** 1.9
            layer.line([(0, y), (c.w, y)], rgba(color), 3)

    c.light(paint, 8, 0.5)
    c.light(paint, 0, 1.0)


def baroque_frame(c: Canvas, cx: float, cy: float, rx: float, ry: float, gold: RGB, neon: RGB | None = None) -> None:
    """An oval frame with scrolls and a crest."""

    def frame(layer: Canvas, col: RGB, wd: float) -> None:
        layer.draw.ellipse(
            [(cx - rx) * layer.k, (cy - ry) * layer.k, (cx + rx) * layer.k, (cy + ry) * layer.k],
            outline=rgba(col),
            width=max(1, round(wd * layer.k)),
        )
        layer.draw.ellipse(
            [
                (cx - rx * 0.93) * layer.k,
                (cy - ry * 0.94) * layer.k,
                (cx + rx * 0.93) * layer.k,
                (cy + ry * 0.94) * layer.k,
            ],
            outline=rgba(col),
            width=max(1, round(wd * 0.35 * layer.k)),
        )
        for i in range(16):  # scrolls around
            a = math.tau * i / 16
            x, y = cx + rx * 1.07 * math.cos(a), cy + ry * 1.05 * math.sin(a)
            s = wd * (1.6 if i % 4 == 0 else 1.0)
            layer.arc(x, y, s, 0, 270, rgba(col), wd * 0.35)
            layer.ellipse(x, y, s * 0.3, s * 0.3, rgba(col))
        layer.polygon(star(cx, cy - ry * 1.12, wd * 2.2, 0.45, 6), rgba(col))  # crest
        layer.polygon(star(cx, cy + ry * 1.1, wd * 1.6, 0.45, 6), rgba(col))

    if neon is not None:
        c.light(lambda layer: frame(layer, neon, ry * 0.02), ry * 0.03, 0.5)
        c.light(lambda layer: frame(layer, neon, ry * 0.012), 0, 1.0)
    else:
        frame(c, shade(gold, -0.45), ry * 0.045)
        frame(c, gold, ry * 0.035)


def damask(c: Canvas, color: RGBA, step: float) -> None:
    """A repeated damask-like motif (lozenge, drops, scrolls)."""
    j = 0
    y = -step / 2
    while y < c.h + step:
        x = (step / 2 if j % 2 else 0) - step / 2
        while x < c.w + step:
            s = step * 0.32
            c.polygon([(x, y - s), (x + s * 0.5, y), (x, y + s), (x - s * 0.5, y)], color)
            c.ellipse(x, y - s * 1.25, s * 0.18, s * 0.18, color)
            c.ellipse(x, y + s * 1.25, s * 0.18, s * 0.18, color)
            c.arc(x - s * 0.7, y, s * 0.45, 300, 60, color, max(2, s * 0.08))
            c.arc(x + s * 0.7, y, s * 0.45, 120, 240, color, max(2, s * 0.08))
            x += step
        y += step * 0.75
        j += 1


def bokeh(
    c: Canvas,
    rng: random.Random,
    colors: Sequence[RGB],
    n: int,
    rmin: float,
    rmax: float,
    area: Box | None = None,
    alpha: tuple[int, int] = (60, 150),
) -> None:
    x0, y0, x1, y1 = area if area is not None else (0.0, 0.0, float(c.w), float(c.h))
    spots = [
        (rng.uniform(x0, x1), rng.uniform(y0, y1), rng.uniform(rmin, rmax), rng.choice(colors), rng.randint(*alpha))
        for _ in range(n)
    ]

    def paint(layer: Canvas) -> None:
        for x, y, r, col, a in spots:
            layer.ellipse(x, y, r, r, rgba(col, a))

    c.light(paint, rmin * 0.25, 0.5)


def city_skyline(
    c: Canvas,
    rng: random.Random,
    base_y: float,
    color: RGB,
    window: RGB,
    density: float = 0.35,
    hmin: float = 0.12,
    hmax: float = 0.45,
    lit: bool = True,
) -> None:
    """Night skyline: blocks of buildings with lit windows."""
    x = -rng.uniform(0, 40)
    while x < c.w:
        bw = c.w * rng.uniform(0.06, 0.13)
        bh = c.h * rng.uniform(hmin, hmax)
        top = base_y - bh
        c.rect(x, top, x + bw, base_y + 2, rgba(color))
        if rng.random() < 0.3:  # a spire or a stepped top
            c.rect(x + bw * 0.3, top - bh * 0.12, x + bw * 0.7, top, rgba(color))
        if lit:
            cols = max(2, int(bw / 16))
            rows = int(bh / 22)
            for j in range(rows):
                for i in range(cols):
                    if rng.random() < density:
                        wx = x + bw * (i + 0.5) / cols
                        wy = top + 14 + j * 22
                        c.rect(wx - 3.5, wy - 5, wx + 3.5, wy + 5, rgba(shade(window, rng.uniform(-0.25, 0.1))))
        x += bw + rng.uniform(0, 8)


def marble(c: Canvas, rng: random.Random, vein: RGB, n: int = 7) -> None:
    def paint(layer: Canvas) -> None:
        for _ in range(n):
            x0 = rng.uniform(-0.2, 1.0) * c.w
            pts = bezier(
                (x0, -20),
                (x0 + rng.uniform(-0.4, 0.6) * c.w, c.h * 0.35),
                (x0 + rng.uniform(-0.5, 0.5) * c.w, c.h * 0.7),
                (x0 + rng.uniform(-0.3, 0.8) * c.w, c.h + 20),
                40,
            )
            layer.line(pts, rgba(vein, rng.randint(60, 130)), rng.uniform(2, 7))

    c.soft(paint, 2.5, 0.5)


def checker_floor(c: Canvas, horizon: float, color: RGBA, cell: float = 110, rows: int = 8) -> None:
    for j in range(rows):
        y0 = horizon + (c.h - horizon) * (j / rows) ** 1.35
        y1 = horizon + (c.h - horizon) * ((j + 1) / rows) ** 1.35
        s0, s1 = 0.5 + j * 0.35, 0.5 + (j + 1) * 0.35
        for i in range(-14, 15):
            if (i + j) % 2:
                continue
            x0, x1 = i * cell, (i + 1) * cell
            c.polygon(
                [(c.w / 2 + x0 * s0, y0), (c.w / 2 + x1 * s0, y0), (c.w / 2 + x1 * s1, y1), (c.w / 2 + x0 * s1, y1)],
                color,
            )


def cells(
    c: Canvas, rng: random.Random, colors: Sequence[RGB], n: int, rmin: float, rmax: float, alpha: int = 200
) -> None:
    """Organic cells: soft blobs with a lighter rim and a nucleus."""
    items = [(rng.uniform(0, c.w), rng.uniform(0, c.h), rng.uniform(rmin, rmax), rng.choice(colors)) for _ in range(n)]

    def paint(layer: Canvas) -> None:
        for x, y, r, col in items:
            layer.polygon(blob(x, y, r, rng, 0.18), rgba(col, alpha))
            layer.polygon(blob(x - r * 0.1, y - r * 0.1, r * 0.7, rng, 0.2), rgba(shade(col, 0.25), alpha))
            layer.ellipse(x + r * 0.2, y + r * 0.15, r * 0.16, r * 0.16, rgba(shade(col, -0.3), alpha))

    c.soft(paint, rmin * 0.08, 0.5)


def leaves(c: Canvas, rng: random.Random, colors: Sequence[RGB], n: int, size: float) -> None:
    def paint(layer: Canvas) -> None:
        for _ in range(n):
            x, y = rng.uniform(-0.1, 1.1) * c.w, rng.uniform(-0.1, 1.1) * c.h
            a = rng.uniform(0, math.tau)
            ln = size * rng.uniform(0.7, 1.3)
            dx, dy = math.cos(a) * ln, math.sin(a) * ln
            px, py = -dy * 0.35, dx * 0.35
            col = rng.choice(colors)
            pts = bezier(
                (x, y),
                (x + dx * 0.3 + px, y + dy * 0.3 + py),
                (x + dx * 0.8 + px * 0.6, y + dy * 0.8 + py * 0.6),
                (x + dx, y + dy),
                16,
            )
            pts += bezier(
                (x + dx, y + dy),
                (x + dx * 0.8 - px * 0.6, y + dy * 0.8 - py * 0.6),
                (x + dx * 0.3 - px, y + dy * 0.3 - py),
                (x, y),
                16,
            )
            layer.polygon(pts, rgba(col, 230))
            layer.line([(x, y), (x + dx * 0.9, y + dy * 0.9)], rgba(shade(col, 0.3), 200), size * 0.02)

    c.soft(paint, size * 0.01, 0.5)


def vignette(c: Canvas, strength: int = 150, color: RGB = BLACK, rx: float = 0.62, ry: float = 0.6) -> None:
    """Darken the edges: a soft elliptic hole in a layer of `color`."""
    m = Canvas.blank(c.w, c.h, c.k * 0.125, "L", strength)
    m.ellipse(c.w / 2, c.h / 2, c.w * rx, c.h * ry, 0)
    mask = m.img.filter(ImageFilter.GaussianBlur(max(c.w, c.h) * 0.08 * m.k)).resize(
        c.img.size, Image.Resampling.BICUBIC
    )
    c.fill_mask(mask, color)


# -- fashion: the five themes of "MODE — La relève !" ------------------------------------------
SKINS: list[RGB] = [(240, 204, 176), (226, 176, 140), (200, 146, 110), (168, 114, 80), (128, 84, 58), (96, 62, 44)]
HAIRS: list[RGB] = [(24, 18, 16), (58, 36, 24), (112, 70, 38), (196, 150, 86), (150, 40, 30), (230, 226, 220)]


def figure(
    c: Canvas, rng: random.Random, look: Look, cx: float, top: float, height: float, mirror: bool = False
) -> Figure:
    f = Figure(c, cx, top, height, look, rng, mirror)
    f.render()
    return f


def full_length(c: Canvas) -> tuple[float, float, float]:
    """Centre, top and height of a full-length figure filling the page."""
    return c.w * 0.5, c.h * 0.1, c.h * 0.84


def bust_frame(c: Canvas) -> tuple[float, float, float]:
    """Centre, top and height of a figure cropped at the hips (a bust shot)."""
    return c.w * 0.5, c.h * 0.16, c.h * 2.1


def rose_petals(c: Canvas, rng: random.Random, color: RGB, n: int, size: float) -> None:
    items = [
        (rng.uniform(0, c.w), rng.uniform(0, c.h), size * rng.uniform(0.6, 1.3), rng.uniform(-0.3, 0.3))
        for _ in range(n)
    ]

    def paint(layer: Canvas) -> None:
        for x, y, s, t in items:
            layer.polygon(blob(x, y, s, rng, 0.2, s * 0.7, 40), rgba(shade(color, t), 230))
            layer.polygon(
                blob(x - s * 0.2, y - s * 0.15, s * 0.5, rng, 0.2, s * 0.3, 30), rgba(shade(color, t + 0.2), 150)
            )

    c.soft(paint, size * 0.04, 0.5)


# Rouge ---------------------------------------------------------------------------------------
def mode_rouge_1(w: int, h: int, rng: random.Random) -> Canvas:
    c = Canvas(w, h, [(0.0, (110, 4, 18)), (0.7, (196, 20, 36)), (1.0, (90, 6, 16))])
    bg_sun(c, w * 0.5, h * 0.3, w * 0.36, (236, 92, 88), (255, 140, 120))
    c.rect(0, h * 0.88, w, h, (70, 4, 12, 255))
    cx, top, ht = full_length(c)
    look = Look(
        "gown",
        mat_lit((214, 22, 40)),
        "strapless",
        ("hip", "down"),
        hair="bun",
        skin=SKINS[1],
        outer="train",
        outer_material=mat_lit((150, 10, 28), 0.2, 0.5),
        extras=("drops",),
    )
    figure(c, rng, look, cx, top, ht)
    return c


def mode_rouge_2(w: int, h: int, rng: random.Random) -> Canvas:
    c = Canvas(w, h, [(0.0, (60, 0, 10)), (1.0, (40, 0, 6))])
    bg_drape(c, (150, 12, 30), 9, rng)
    vignette(c, 150)
    cx, top, ht = bust_frame(c)
    look = Look(
        "column",
        mat_lit((200, 18, 36)),
        "boat",
        ("front", "down"),
        hair="bob",
        hair_color=HAIRS[0],
        skin=SKINS[0],
        extras=("hat", "drops"),
        accent2=(170, 8, 24),
        lips=(190, 10, 30),
    )
    figure(c, rng, look, cx, top, ht)
    return c


def mode_rouge_3(w: int, h: int, rng: random.Random) -> Canvas:
    c = Canvas(w, h, [(0, WHITE)])
    bg_studio(c, (244, 186, 190), h * 0.8, (255, 236, 236))
    cx, top, ht = full_length(c)
    look = Look(
        "trousers",
        mat_lit((206, 24, 44)),
        "v",
        ("hip", "hip"),
        sleeves=True,
        hair="sleek",
        hair_color=HAIRS[1],
        skin=SKINS[3],
        outer="jacket",
        outer_material=mat_lit((180, 14, 34), 0.25, 0.5),
        extras=("belt",),
        accent=(30, 10, 10),
        shoes=(150, 10, 24),
    )
    figure(c, rng, look, cx + w * 0.04, top, ht)
    return c


def mode_rouge_4(w: int, h: int, rng: random.Random) -> Canvas:
    c = Canvas(w, h, [(0.0, (252, 228, 224)), (1.0, (240, 200, 196))])
    bg_stripes(c, (226, 40, 52, 255), w * 0.06)
    c.soft(lambda layer: layer.rect(0, h * 0.83, w, h, (120, 10, 20, 255)), 4, 0.5)
    looks = [
        Look(
            "mini",
            mat_lit((170, 10, 30)),
            "high",
            ("hip", "down"),
            walk=True,
            hair="pony",
            skin=SKINS[4],
            hair_color=HAIRS[0],
            shoes=(240, 240, 240),
        ),
        Look(
            "column",
            mat_stripes((236, 236, 232), (200, 20, 40), w * 0.012, 90),
            "boat",
            ("down", "front"),
            hair="bob",
            skin=SKINS[0],
            hair_color=HAIRS[4],
        ),
        Look(
            "coat",
            mat_lit((120, 6, 22)),
            "high",
            ("down", "out"),
            walk=True,
            hair="long",
            skin=SKINS[2],
            hair_color=HAIRS[2],
            extras=("glasses",),
        ),
    ]
    for i, look in enumerate(looks):
        figure(c, rng, look, w * (0.2 + 0.3 * i), h * (0.2 - 0.03 * (i % 2)), h * 0.66)
    return c


def mode_rouge_5(w: int, h: int, rng: random.Random) -> Canvas:
    c = Canvas(w, h, [(0.0, (26, 2, 6)), (0.6, (60, 4, 14)), (1.0, (20, 0, 4))])
    c.soft(lambda layer: layer.ellipse(w * 0.5, h * 0.45, w * 0.5, h * 0.4, (140, 10, 30, 160)), w * 0.15)
    rose_petals(c, rng, (200, 20, 40), 26, w * 0.025)
    cx, top, ht = full_length(c)
    look = Look(
        "ball",
        mat_lit((196, 16, 34), 0.3, 0.6),
        "v",
        ("out", "down"),
        hair="long",
        hair_color=HAIRS[0],
        skin=SKINS[2],
        extras=("pearls",),
    )
    figure(c, rng, look, cx, top, ht)
    return c


def mode_rouge_6(w: int, h: int, rng: random.Random) -> Canvas:
    c = Canvas(w, h, [(0.0, (240, 90, 60)), (1.0, (190, 20, 40))])
    bg_rays(c, w * 0.5, h * 0.3, (255, 200, 170, 60), 32)
    c.ring(w * 0.5, h * 0.3, w * 0.33, (255, 230, 210, 160), 6)
    c.ring(w * 0.5, h * 0.3, w * 0.38, (255, 230, 210, 90), 3)
    cx, top, ht = full_length(c)
    look = Look(
        "mermaid",
        mat_bands([(120, 4, 20), (224, 40, 56), (255, 120, 110), (180, 10, 30)], 75, 3),
        "strapless",
        ("raised", "hip"),
        hair="pony",
        hair_color=HAIRS[0],
        skin=SKINS[5],
        extras=("hoops",),
    )
    figure(c, rng, look, cx, top, ht, mirror=True)
    return c


def mode_rouge_7(w: int, h: int, rng: random.Random) -> Canvas:
    c = Canvas(w, h, [(0.0, (18, 14, 16)), (1.0, (8, 6, 8))])
    bg_window_light(c, (255, 70, 70), 58, 5, 70)
    c.rect(0, h * 0.9, w, h, (30, 4, 8, 255))
    cx, top, ht = full_length(c)
    look = Look(
        "coat",
        mat_lit((214, 26, 38), 0.3, 0.6),
        "high",
        ("down", "back"),
        walk=True,
        hair="sleek",
        skin=SKINS[1],
        extras=("glasses", "hat"),
        accent2=(16, 14, 14),
        shoes=(200, 20, 30),
    )
    figure(c, rng, look, cx - w * 0.05, top, ht)
    return c


# Monarchie futuriste --------------------------------------------------------------------------
CHROME = [(70, 74, 96), (236, 240, 250), (150, 160, 190), (255, 255, 255), (96, 100, 130)]


def mode_monarchie_1(w: int, h: int, rng: random.Random) -> Canvas:
    c = Canvas(w, h, [(0.0, (20, 6, 40)), (1.0, (60, 10, 80))])
    damask(c, (120, 60, 170, 50), w * 0.16)
    baroque_frame(c, w * 0.5, h * 0.42, w * 0.42, h * 0.36, GOLD, neon=(255, 60, 200))
    cx, top, ht = bust_frame(c)
    look = Look(
        "column",
        mat_bands(CHROME, 70, 4),
        "high",
        ("front", "front"),
        sleeves=True,
        hair="sleek",
        skin=SKINS[0],
        hair_color=HAIRS[5],
        outer="ruff",
        outer_material=mat_bands([(230, 230, 245), (170, 170, 210)], 0, 6),
        extras=("crown_neon",),
        accent=(60, 240, 255),
        accent2=(255, 60, 200),
        lips=(120, 20, 90),
    )
    figure(c, rng, look, cx, top + h * 0.04, ht)
    return c


def mode_monarchie_2(w: int, h: int, rng: random.Random) -> Canvas:
    c = Canvas(w, h, [(0.0, (4, 6, 30)), (0.65, (24, 10, 60)), (1.0, (4, 2, 16))])
    bg_neon_arches(c, w * 0.5, h * 0.36, [(0, 230, 255), (255, 40, 200), (140, 80, 255)], w * 0.36, w * 0.05)
    bg_grid(c, h * 0.82, (255, 40, 200))
    cx, top, ht = full_length(c)
    look = Look(
        "ball",
        mat_bands([(200, 210, 240), (120, 130, 170), (250, 250, 255), (170, 150, 220)], 95, 4),
        "strapless",
        ("down", "down"),
        hair="bun",
        skin=SKINS[3],
        hair_color=HAIRS[0],
        extras=("crown", "pearls"),
        accent=GOLD,
        accent2=(0, 200, 230),
    )
    figure(c, rng, look, cx, top, ht)
    return c


def mode_monarchie_3(w: int, h: int, rng: random.Random) -> Canvas:
    c = Canvas(w, h, [(0.0, (50, 10, 60)), (1.0, (20, 4, 26))])
    bg_rays(c, w * 0.5, h * 0.2, (214, 170, 84, 40), 48)
    c.soft(lambda layer: layer.ellipse(w * 0.5, h * 0.2, w * 0.3, w * 0.3, rgba(GOLD_LIGHT, 120)), w * 0.08)
    c.rect(w * 0.3, h * 0.86, w * 0.7, h * 0.9, (214, 170, 84, 255))
    c.rect(w * 0.2, h * 0.9, w * 0.8, h, (150, 110, 50, 255))
    cx, top, ht = full_length(c)

    def tails(layer: Canvas, b: Box) -> None:  # ermine: white fur with black tails
        for _ in range(140):
            layer.ellipse(rng.uniform(b[0], b[2]), rng.uniform(b[1], b[3]), 6, 12, (20, 20, 20, 255))

    ermine = mat_over(mat_lit((244, 240, 232), 0.1, 0.2), tails)
    look = Look(
        "gown",
        mat_bands([(160, 120, 40), (250, 220, 140), (200, 160, 70), (255, 240, 190)], 80, 3),
        "high",
        ("front", "front"),
        sleeves=True,
        hair="long",
        skin=SKINS[4],
        hair_color=HAIRS[0],
        outer="cape",
        outer_material=mat_lit((90, 10, 110), 0.25, 0.5),
        extras=("crown", "chains"),
        accent=GOLD,
        accent2=(40, 200, 220),
    )
    figure(c, rng, look, cx, top, ht)
    f = Figure(c, cx, top, ht, look, rng)
    m = c.mask()
    m.polygon(f.pts([(-0.85, 1.4), (0.85, 1.4), (1.05, 1.9), (0.3, 2.2), (0, 1.8), (-0.3, 2.2), (-1.05, 1.9)]), 255)
    f.through(m, ermine)
    return c


def mode_monarchie_4(w: int, h: int, rng: random.Random) -> Canvas:
    c = Canvas(w, h, [(0.0, (2, 4, 20)), (0.7, (10, 20, 60)), (1.0, (2, 2, 10))])
    bokeh(c, rng, [(120, 200, 255), (255, 255, 255)], 90, 1.5, 4, (0, 0, w, h * 0.7))
    bg_grid(c, h * 0.78, (0, 220, 255))
    c.light(lambda layer: layer.ellipse(w * 0.5, h * 0.45, w * 0.05, h * 0.4, (180, 80, 255, 255)), w * 0.1, 0.25)
    for i, mirror in enumerate((False, True)):
        look = Look(
            "column",
            mat_bands([(40, 60, 140), (170, 220, 255), (80, 100, 200), (240, 250, 255)], 100, 4),
            "high",
            ("hip", "down"),
            sleeves=True,
            hair="bob",
            skin=SKINS[1 + 3 * i],
            hair_color=(20, 20, 40),
            outer="pads",
            outer_material=mat_bands(CHROME, 60, 2),
            extras=("crown_neon",),
            accent=(0, 240, 255),
            accent2=(255, 60, 220),
            lips=(80, 40, 140),
        )
        figure(c, rng, look, w * (0.3 + 0.4 * i), h * 0.17, h * 0.72, mirror=mirror)
    return c


def mode_monarchie_5(w: int, h: int, rng: random.Random) -> Canvas:
    c = Canvas(w, h, [(0.0, (8, 70, 74)), (1.0, (4, 30, 34))])
    damask(c, (214, 170, 84, 70), w * 0.2)
    vignette(c, 170, (2, 16, 18))
    cx, top, ht = bust_frame(c)
    look = Look(
        "column",
        mat_bands([(20, 90, 100), (120, 220, 220), (40, 140, 150)], 70, 4),
        "v",
        ("down", "down"),
        hair="afro",
        skin=SKINS[5],
        hair_color=HAIRS[0],
        outer="pads",
        outer_material=mat_bands([(170, 130, 50), (255, 236, 170), (200, 160, 70), (255, 250, 220)], 60, 2),
        extras=("tiara", "hoops"),
        accent=GOLD,
        accent2=(220, 30, 80),
        lips=(90, 20, 30),
    )
    figure(c, rng, look, cx, top + h * 0.03, ht)
    return c


def tv_screen(c: Canvas, x0: float, y0: float, x1: float, y1: float, stops: Stops, rng: random.Random) -> None:
    c.draw.rounded_rectangle(
        [(x0 - 8) * c.k, (y0 - 8) * c.k, (x1 + 8) * c.k, (y1 + 8) * c.k], radius=18 * c.k, fill=(30, 30, 40, 255)
    )
    sub = Canvas(round(x1 - x0), round(y1 - y0), stops, c.k)
    sub.soft(
        lambda layer: layer.ellipse(sub.w * 0.5, sub.h * 0.5, sub.w * 0.45, sub.h * 0.45, (255, 255, 255, 90)),
        sub.w * 0.15,
    )
    for j in range(0, sub.h, 6):
        sub.rect(0, j, sub.w, j + 2, (0, 0, 0, 40))
    if rng.random() < 0.6:
        crown(sub, sub.w / 2, sub.h * 0.68, sub.w * 0.5, sub.h * 0.34, GOLD_LIGHT, (255, 60, 180))
    c.img.paste(sub.img, (round(x0 * c.k), round(y0 * c.k)))


def mode_monarchie_6(w: int, h: int, rng: random.Random) -> Canvas:
    c = Canvas(w, h, [(0.0, (14, 12, 20)), (1.0, (6, 4, 10))])
    palettes = [
        [(0, (255, 60, 180)), (1, (60, 0, 120))],
        [(0, (0, 220, 255)), (1, (0, 40, 120))],
        [(0, (255, 220, 120)), (1, (200, 60, 20))],
        [(0, (160, 255, 200)), (1, (0, 90, 90))],
    ]
    cols, rows = 4, 5
    gw, gh = w / cols, h / rows
    for j in range(rows):
        for i in range(cols):
            tv_screen(c, i * gw + 18, j * gh + 18, (i + 1) * gw - 18, (j + 1) * gh - 18, rng.choice(palettes), rng)
    c.soft(lambda layer: layer.rect(w * 0.18, 0, w * 0.82, h, (0, 0, 0, 150)), w * 0.08, 0.25)
    cx, top, ht = full_length(c)
    look = Look(
        "mermaid",
        mat_bands([(255, 150, 220), (120, 60, 200), (255, 240, 255), (60, 200, 255)], 80, 4),
        "high",
        ("raised", "down"),
        sleeves=True,
        hair="sleek",
        skin=SKINS[2],
        hair_color=(240, 240, 255),
        extras=("crown_neon",),
        accent=(255, 80, 220),
        accent2=(0, 230, 255),
        lips=(200, 40, 160),
    )
    figure(c, rng, look, cx, top, ht)
    return c


def mode_monarchie_7(w: int, h: int, rng: random.Random) -> Canvas:
    c = Canvas(w, h, [(0.0, (10, 8, 8)), (1.0, (24, 18, 14))])
    c.soft(lambda layer: layer.ellipse(w * 0.5, h * 0.4, w * 0.45, h * 0.38, (255, 40, 160, 110)), w * 0.12)
    baroque_frame(c, w * 0.5, h * 0.4, w * 0.4, h * 0.34, GOLD)
    cx, top, ht = full_length(c)
    look = Look(
        "trousers",
        mat_lit((18, 16, 20), 0.25, 0.3),
        "high",
        ("hip", "out"),
        sleeves=True,
        hair="pony",
        skin=SKINS[1],
        hair_color=(200, 30, 120),
        outer="pads",
        outer_material=mat_bands([(150, 110, 40), (255, 236, 170), (190, 150, 60), (255, 250, 230)], 50, 3),
        extras=("crown", "belt"),
        accent=GOLD,
        accent2=(255, 40, 160),
    )
    figure(c, rng, look, cx, top, ht)
    return c


# Léopard couture -----------------------------------------------------------------------------
def mode_leopard_1(w: int, h: int, rng: random.Random) -> Canvas:
    c = Canvas(w, h, [(0, (0, 0, 0))])
    c.set_image(mat_leopard(rng, (214, 160, 92), 30)(c, (0, 0, w, h)))
    vignette(c, 120, (40, 20, 8))
    cx, top, ht = full_length(c)
    look = Look(
        "column",
        mat_lit((22, 20, 22), 0.2, 0.2),
        "strapless",
        ("down", "hip"),
        hair="sleek",
        skin=SKINS[2],
        extras=("drops",),
        accent=GOLD,
    )
    figure(c, rng, look, cx, top, ht)
    return c


def mode_leopard_2(w: int, h: int, rng: random.Random) -> Canvas:
    c = Canvas(w, h, [(0, WHITE)])
    bg_studio(c, (20, 110, 80), h * 0.82, (120, 220, 170))
    cx, top, ht = full_length(c)
    look = Look(
        "gown",
        mat_leopard(rng, (220, 170, 100), 16),
        "v",
        ("hip", "down"),
        hair="volume",
        skin=SKINS[0],
        hair_color=HAIRS[3],
        extras=("hoops",),
    )
    figure(c, rng, look, cx, top, ht)
    return c


def mode_leopard_3(w: int, h: int, rng: random.Random) -> Canvas:
    c = Canvas(w, h, [(0.0, (250, 160, 190)), (1.0, (236, 100, 150))])
    bg_stripes(c, (255, 255, 255, 40), w * 0.1, 45)
    cx, top, ht = bust_frame(c)
    look = Look(
        "column",
        mat_lit((20, 20, 20)),
        "v",
        ("down", "down"),
        sleeves=True,
        hair="volume",
        skin=SKINS[3],
        hair_color=HAIRS[0],
        outer="fur_coat",
        outer_material=mat_leopard(rng, (226, 176, 110), 24),
        extras=("glasses", "hoops"),
        lips=(200, 30, 90),
    )
    figure(c, rng, look, cx, top, ht)
    return c


def mode_leopard_4(w: int, h: int, rng: random.Random) -> Canvas:
    c = Canvas(w, h, [(0, WHITE)])
    bg_studio(c, (236, 226, 206), h * 0.8, (255, 250, 240))
    c.ellipse(w * 0.72, h * 0.3, w * 0.2, w * 0.2, (200, 150, 90, 90))
    cx, top, ht = full_length(c)
    look = Look(
        "trousers",
        mat_leopard(rng, (200, 146, 80), 14),
        "high",
        ("out", "hip"),
        sleeves=True,
        hair="bob",
        skin=SKINS[4],
        hair_color=HAIRS[0],
        extras=("hat",),
        accent2=(24, 20, 18),
    )
    figure(c, rng, look, cx - w * 0.05, top, ht)
    return c


def mode_leopard_5(w: int, h: int, rng: random.Random) -> Canvas:
    c = Canvas(w, h, [(0.0, (240, 232, 214)), (1.0, (226, 214, 190))])
    bg_stripes(c, (20, 18, 18, 255), w * 0.035, 0)
    c.soft(lambda layer: layer.rect(0, h * 0.84, w, h, (20, 18, 18, 255)), 3, 0.5)
    snow = mat_leopard(rng, (214, 214, 210), 15, (50, 50, 56), (170, 170, 176))
    looks = [
        Look(
            "mini",
            mat_leopard(rng, (222, 164, 90), 12),
            "strapless",
            ("hip", "down"),
            walk=True,
            hair="long",
            skin=SKINS[1],
            hair_color=HAIRS[2],
            shoes=(200, 20, 40),
        ),
        Look(
            "coat",
            snow,
            "high",
            ("down", "down"),
            walk=True,
            hair="afro",
            skin=SKINS[5],
            hair_color=HAIRS[0],
            extras=("glasses",),
            shoes=(20, 20, 20),
        ),
    ]
    figure(c, rng, looks[0], w * 0.3, h * 0.14, h * 0.76)
    figure(c, rng, looks[1], w * 0.7, h * 0.12, h * 0.78, mirror=True)
    return c


def mode_leopard_6(w: int, h: int, rng: random.Random) -> Canvas:
    c = Canvas(w, h, [(0.0, (170, 20, 30)), (1.0, (110, 10, 20))])
    bg_arches(c, h * 0.3, 3, (196, 40, 50, 255), (240, 120, 110, 200), 14)
    c.rect(0, h * 0.86, w, h, (80, 6, 14, 255))
    cx, top, ht = full_length(c)
    look = Look(
        "mermaid",
        mat_leopard(rng, (230, 180, 110), 13),
        "boat",
        ("down", "hip"),
        hair="long",
        skin=SKINS[2],
        hair_color=HAIRS[1],
        extras=("belt", "drops"),
        accent=(20, 16, 14),
    )
    figure(c, rng, look, cx, top, ht)
    return c


# Mob Wife ------------------------------------------------------------------------------------
def mode_mob_wife_1(w: int, h: int, rng: random.Random) -> Canvas:
    c = Canvas(w, h, [(0.0, (34, 20, 12)), (1.0, (10, 6, 4))])
    bokeh(c, rng, [(255, 190, 90), (255, 150, 60), (255, 230, 170)], 40, w * 0.02, w * 0.07)
    c.rect(0, h * 0.88, w, h, (20, 12, 8, 255))
    cx, top, ht = full_length(c)
    look = Look(
        "mini",
        mat_lit((150, 10, 30)),
        "v",
        ("down", "down"),
        walk=True,
        hair="volume",
        skin=SKINS[1],
        hair_color=HAIRS[0],
        outer="fur_coat",
        outer_material=mat_fur(rng, (30, 26, 26), 22),
        extras=("glasses", "chains", "hoops"),
        accent=GOLD,
        lips=(140, 10, 24),
    )
    figure(c, rng, look, cx, top, ht)
    return c


def mode_mob_wife_2(w: int, h: int, rng: random.Random) -> Canvas:
    c = Canvas(w, h, [(0, (0, 0, 0))])
    bg_drape(c, (90, 10, 24), 11, rng)
    vignette(c, 170)
    cx, top, ht = bust_frame(c)
    look = Look(
        "column",
        mat_lit((16, 14, 16), 0.2, 0.2),
        "v",
        ("down", "down"),
        hair="volume",
        skin=SKINS[2],
        hair_color=HAIRS[1],
        outer="stole",
        outer_material=mat_leopard(rng, (214, 160, 96), 16),
        extras=("chains", "hoops"),
        accent=GOLD,
        lips=(110, 8, 20),
    )
    figure(c, rng, look, cx, top, ht)
    return c


def mode_mob_wife_3(w: int, h: int, rng: random.Random) -> Canvas:
    c = Canvas(w, h, [(0.0, (6, 8, 24)), (0.8, (30, 20, 60)), (1.0, (60, 30, 60))])
    bokeh(c, rng, [(255, 255, 255)], 60, 1.2, 3, (0, 0, w, h * 0.4))
    city_skyline(c, rng, h * 0.86, (12, 12, 26), (255, 210, 120), 0.3, 0.15, 0.5)
    c.rect(0, h * 0.86, w, h, (8, 8, 14, 255))
    cx, top, ht = full_length(c)
    look = Look(
        "column",
        mat_lit((18, 16, 18), 0.2, 0.2),
        "v",
        ("down", "down"),
        hair="long",
        skin=SKINS[0],
        hair_color=HAIRS[0],
        outer="fur_coat",
        outer_material=mat_fur(rng, (236, 232, 226), 22, 0.15),
        extras=("glasses", "chains"),
        accent=GOLD,
        lips=(150, 10, 30),
    )
    figure(c, rng, look, cx, top, ht)
    return c


def mode_mob_wife_4(w: int, h: int, rng: random.Random) -> Canvas:
    c = Canvas(w, h, [(0.0, (26, 24, 24)), (1.0, (10, 10, 10))])
    marble(c, rng, GOLD, 9)
    c.soft(lambda layer: layer.ellipse(w * 0.8, h * 0.25, w * 0.25, w * 0.25, rgba(GOLD_LIGHT, 120)), w * 0.1)
    cx, top, ht = w * 0.42, h * 0.08, h * 1.3  # cropped at the knees
    look = Look(
        "midi",
        mat_leopard(rng, (214, 160, 96), 13),
        "v",
        ("hip", "down"),
        walk=True,
        hair="volume",
        skin=SKINS[3],
        hair_color=HAIRS[0],
        outer="fur_coat",
        outer_material=mat_fur(rng, (110, 70, 40), 22),
        extras=("hoops", "chains"),
        accent=GOLD,
        shoes=(200, 160, 80),
    )
    figure(c, rng, look, cx, top, ht)
    return c


def mode_mob_wife_5(w: int, h: int, rng: random.Random) -> Canvas:
    c = Canvas(w, h, [(0.0, (6, 40, 30)), (1.0, (2, 14, 10))])
    bokeh(c, rng, [(255, 210, 120), (255, 240, 200)], 30, w * 0.03, w * 0.09, (0, 0, w, h * 0.6))
    cx, top, ht = bust_frame(c)
    look = Look(
        "column",
        mat_lit((120, 8, 26), 0.25, 0.4),
        "v",
        ("down", "down"),
        hair="volume",
        skin=SKINS[0],
        hair_color=HAIRS[3],
        outer="stole",
        outer_material=mat_fur(rng, (24, 22, 22), 20),
        extras=("pearls", "chains", "drops"),
        accent=GOLD,
        lips=(170, 10, 40),
    )
    figure(c, rng, look, cx, top, ht)
    return c


def mode_mob_wife_6(w: int, h: int, rng: random.Random) -> Canvas:
    c = Canvas(w, h, [(0.0, (40, 30, 26)), (0.62, (24, 18, 16)), (0.621, (230, 226, 220)), (1.0, (200, 196, 190))])
    checker_floor(c, h * 0.62, (16, 14, 14, 255), w * 0.09)
    c.soft(lambda layer: layer.ellipse(w * 0.5, h * 0.3, w * 0.45, h * 0.2, (255, 200, 120, 70)), w * 0.1)
    looks = [
        Look(
            "column",
            mat_lit((20, 20, 20)),
            "v",
            ("down", "hip"),
            hair="volume",
            skin=SKINS[1],
            hair_color=HAIRS[0],
            outer="fur_coat",
            outer_material=mat_fur(rng, (26, 22, 22), 18),
            extras=("glasses", "hoops"),
            accent=GOLD,
        ),
        Look(
            "column",
            mat_leopard(rng, (214, 160, 96), 10),
            "v",
            ("hip", "down"),
            hair="bob",
            skin=SKINS[4],
            hair_color=HAIRS[4],
            outer="fur_coat",
            outer_material=mat_fur(rng, (190, 150, 100), 18),
            extras=("chains", "drops"),
            accent=GOLD,
        ),
    ]
    figure(c, rng, looks[0], w * 0.3, h * 0.15, h * 0.78)
    figure(c, rng, looks[1], w * 0.7, h * 0.17, h * 0.76, mirror=True)
    return c


def mode_mob_wife_7(w: int, h: int, rng: random.Random) -> Canvas:
    c = Canvas(w, h, [(0.0, (60, 12, 20)), (1.0, (30, 4, 10))])
    ax, ay, ar = w * 0.5, h * 0.32, w * 0.3  # a lit doorway, the figure stepping out of it
    c.ellipse(ax, ay, ar, ar, (255, 214, 170, 255))
    c.rect(ax - ar, ay, ax + ar, h * 0.84, (255, 214, 170, 255))
    c.soft(lambda layer: layer.rect(ax - ar, ay - ar, ax + ar, h * 0.84, (255, 180, 120, 120)), w * 0.08)
    c.arc(ax, ay, ar + 16, 180, 360, rgba(GOLD), 10)
    c.rect(0, h * 0.84, w, h, (40, 8, 14, 255))
    c.polygon([(ax - ar, h * 0.84), (ax + ar, h * 0.84), (ax + ar * 1.6, h), (ax - ar * 1.6, h)], (120, 50, 40, 255))
    bg_window_light(c, (255, 220, 180), 118, 3, 40)
    cx, top, ht = w * 0.5, h * 0.2, h * 0.72
    look = Look(
        "column",
        mat_lit((20, 18, 18), 0.2, 0.2),
        "v",
        ("down", "down"),
        walk=True,
        hair="sleek",
        skin=SKINS[2],
        hair_color=HAIRS[0],
        outer="fur_coat",
        outer_material=mat_fur(rng, (110, 16, 30), 22),
        extras=("glasses", "hoops", "hat"),
        accent=GOLD,
        accent2=(16, 14, 14),
    )
    figure(c, rng, look, cx + w * 0.04, top, ht)
    return c


# Néo-organique -------------------------------------------------------------------------------
PEARL = (236, 238, 230)
GREENS: list[RGB] = [(120, 190, 140), (70, 150, 110), (170, 220, 170), (200, 230, 200), (90, 170, 160)]


def mode_neo_organique_1(w: int, h: int, rng: random.Random) -> Canvas:
    c = Canvas(w, h, [(0.0, (20, 80, 70)), (1.0, (10, 40, 36))])
    cells(c, rng, GREENS, 26, w * 0.05, w * 0.14, 150)
    cx, top, ht = full_length(c)
    look = Look(
        "gown",
        mat_organic(rng, PEARL, GREENS[:3], 40),
        "high",
        ("down", "front"),
        hair="sleek",
        skin=SKINS[1],
        hair_color=(60, 90, 70),
        outer="petals",
        outer_material=mat_organic(rng, (200, 230, 210), [(90, 160, 120), (230, 240, 230)], 30),
        extras=("pearls",),
        lips=(170, 90, 110),
    )
    figure(c, rng, look, cx, top, ht)
    return c


def mode_neo_organique_2(w: int, h: int, rng: random.Random) -> Canvas:
    c = Canvas(w, h, [(0.0, (30, 70, 50)), (1.0, (10, 34, 24))])
    leaves(c, rng, [(40, 110, 70), (60, 140, 90), (90, 170, 110), (30, 90, 60)], 40, w * 0.3)
    vignette(c, 120, (6, 20, 14))
    cx, top, ht = bust_frame(c)
    look = Look(
        "column",
        mat_organic(rng, (210, 236, 220), [(120, 200, 150), (250, 250, 246)], 40),
        "boat",
        ("down", "down"),
        hair="none",
        skin=SKINS[4],
        lips=(120, 60, 70),
        extras=("pearls", "drops"),
        accent=(240, 240, 230),
    )
    f = Figure(c, cx, top, ht, look, rng)

    def headdress(layer: Canvas) -> None:
        for i in range(15):
            a = math.radians(190 + i * 160 / 14)
            x, y = f.p(0.62 * math.cos(a), 0.5 + 0.66 * math.sin(a))
            layer.polygon(blob(x, y, f.u * rng.uniform(0.18, 0.3), rng, 0.3), rgba(rng.choice([*GREENS, PEARL])))

    f.render()
    c.soft(headdress, f.u * 0.02, 0.5)
    for i in range(9):
        a = math.radians(200 + i * 140 / 8)
        x, y = f.p(0.45 * math.cos(a), 0.5 + 0.52 * math.sin(a))
        c.ellipse(x, y, f.u * 0.05, f.u * 0.05, (250, 250, 244, 255))
    return c


def mode_neo_organique_3(w: int, h: int, rng: random.Random) -> Canvas:
    """Lilac and mint: a figure beside a large organic sculpture, pearl bubbles."""
    c = Canvas(w, h, [(0.0, (60, 30, 70)), (0.6, (110, 70, 120)), (1.0, (40, 20, 50))])
    sculpture = blob(w * 0.78, h * 0.5, w * 0.34, rng, 0.28, h * 0.34)
    m = c.mask()
    m.polygon(sculpture, 255)
    c.paint_through(
        radial(c, w * 0.66, h * 0.38, w * 0.6, [(0.0, (240, 250, 246)), (0.5, (150, 220, 190)), (1.0, (60, 120, 110))]),
        m.img,
    )
    hole = blob(w * 0.8, h * 0.5, w * 0.1, rng, 0.2, h * 0.08)
    c.polygon(hole, (60, 30, 70, 255))
    bubbles = [(rng.uniform(0, w), rng.uniform(0, h), rng.uniform(0.01, 0.04) * w) for _ in range(30)]

    def pearls(layer: Canvas) -> None:
        for x, y, r in bubbles:
            layer.ellipse(x, y, r, r, (236, 230, 246, 150))
            layer.ellipse(x - r * 0.3, y - r * 0.3, r * 0.3, r * 0.3, (255, 255, 255, 200))

    c.soft(pearls, 2, 0.5)
    look = Look(
        "ball",
        mat_organic(rng, (232, 226, 246), [(190, 170, 230), (150, 220, 190), (250, 250, 250)], 50),
        "strapless",
        ("hip", "out"),
        hair="afro",
        skin=SKINS[5],
        hair_color=(40, 30, 50),
        outer="petals",
        outer_material=mat_organic(rng, (200, 190, 236), [(150, 130, 210), (200, 240, 220)], 26),
        extras=("hoops",),
        accent=(250, 250, 244),
        lips=(110, 50, 60),
    )
    figure(c, rng, look, w * 0.38, h * 0.12, h * 0.82)
    return c


# -- shared drawing helpers for the other sections --------------------------------------------
def rrect(
    c: Canvas,
    x0: float,
    y0: float,
    x1: float,
    y1: float,
    r: float,
    fill: Fill,
    outline: Fill | None = None,
    width: float = 0,
) -> None:
    c.draw.rounded_rectangle(
        [x0 * c.k, y0 * c.k, x1 * c.k, y1 * c.k],
        radius=r * c.k,
        fill=fill,
        outline=outline,
        width=max(0, round(width * c.k)),
    )


def glitch(c: Canvas, rng: random.Random, bands: int, shift: float, split: float) -> None:
    """Digital glitch: shift some horizontal bands sideways, offset the red and blue channels."""
    img = c.img
    for _ in range(bands):
        y0 = rng.uniform(0, c.h * 0.95)
        hh = rng.uniform(c.h * 0.004, c.h * 0.04)
        box = (0, round(y0 * c.k), img.size[0], round((y0 + hh) * c.k))
        band = img.crop(box)
        img.paste(ImageChops.offset(band, round(rng.uniform(-shift, shift) * c.k), 0), box[:2])
    r, g, b = img.split()
    d = round(split * c.k)
    c.set_image(Image.merge("RGB", (ImageChops.offset(r, d, 0), g, ImageChops.offset(b, -d, 0))))


def leaf(x: float, y: float, a: float, ln: float, wd: float) -> list[Point]:
    """A pointed leaf from (x, y) along the angle a (radians)."""
    dx, dy = math.cos(a) * ln, math.sin(a) * ln
    px, py = -math.sin(a) * wd, math.cos(a) * wd
    tip = (x + dx, y + dy)
    return bezier(
        (x, y), (x + dx * 0.3 + px, y + dy * 0.3 + py), (x + dx * 0.75 + px, y + dy * 0.75 + py), tip, 12
    ) + bezier(tip, (x + dx * 0.75 - px, y + dy * 0.75 - py), (x + dx * 0.3 - px, y + dy * 0.3 - py), (x, y), 12)


def laurel(c: Canvas, cx: float, cy: float, r: float, color: RGBA) -> None:
    """A laurel wreath: two branches of leaves rising along an open circle."""
    for side in (-1, 1):
        pts = []
        for i in range(12):
            th = math.radians(100 + i * 13)
            x, y = cx - side * r * math.cos(th), cy + r * math.sin(th)
            pts.append((x, y))
            ta = math.atan2(math.cos(th), side * math.sin(th))  # the tangent, going up the branch
            c.polygon(leaf(x, y, ta - 0.55, r * 0.26, r * 0.06), color)
            c.polygon(leaf(x, y, ta + 0.55, r * 0.26, r * 0.06), color)
        c.line(pts, color, r * 0.025)


def palm(c: Canvas, x: float, base_y: float, height: float, color: RGBA, lean: float = 0.1) -> None:
    top = (x + lean * height, base_y - height)
    c.line(
        bezier((x, base_y), (x, base_y - height * 0.4), (top[0], top[1] + height * 0.3), top, 16), color, height * 0.035
    )
    for i in range(9):
        a = math.radians(-170 + i * 42 + (i % 2) * 8)
        ln = height * (0.38 if i % 2 else 0.3)
        tip = (top[0] + ln * math.cos(a), top[1] + ln * math.sin(a) * 0.7 + ln * 0.25)
        mid = (top[0] + ln * 0.5 * math.cos(a), top[1] + ln * 0.5 * math.sin(a) * 0.7 - ln * 0.12)
        c.polygon(
            bezier(top, (mid[0], mid[1] - ln * 0.1), tip, tip, 10)
            + bezier(tip, tip, (mid[0], mid[1] + ln * 0.08), top, 10),
            color,
        )


def beam(
    c: Canvas, x_top: float, y_top: float, x_bot: float, y_bot: float, spread: float, color: RGB, alpha: int = 110
) -> Callable[[Canvas], None]:
    def paint(layer: Canvas) -> None:
        layer.polygon(
            [
                (x_top - spread * 0.05, y_top),
                (x_top + spread * 0.05, y_top),
                (x_bot + spread, y_bot),
                (x_bot - spread, y_bot),
            ],
            rgba(color, alpha),
        )

    return paint


def crowd(c: Canvas, rng: random.Random, y: float, color: RGBA, size: float, rows: int = 2) -> None:
    for j in range(rows):
        x = -size
        while x < c.w + size:
            s = size * rng.uniform(0.85, 1.15)
            yy = y + j * size * 0.7 + rng.uniform(-size * 0.15, size * 0.15)
            c.ellipse(x, yy, s * 0.42, s * 0.52, color)
            c.ellipse(x, yy + s * 1.2, s * 1.0, s * 0.75, color)
            if rng.random() < 0.15:  # a raised arm
                c.line([(x + s * 0.5, yy + s * 0.8), (x + s * 0.8, yy - s * 0.9)], color, s * 0.22)
            x += s * rng.uniform(1.2, 1.6)


def vinyl(c: Canvas, cx: float, cy: float, r: float, label: RGB) -> None:
    c.ellipse(cx, cy, r, r, (14, 14, 16, 255))
    for k in range(8):
        c.ring(cx, cy, r * (0.45 + k * 0.065), (60, 60, 66, 120), max(1.0, r * 0.006))
    c.arc(cx, cy, r * 0.85, 200, 250, (255, 255, 255, 60), r * 0.05)
    c.ellipse(cx, cy, r * 0.33, r * 0.33, rgba(label))
    c.ellipse(cx, cy, r * 0.03, r * 0.03, (10, 10, 10, 255))


def wave_line(
    c: Canvas,
    y: float,
    amp: float,
    period: float,
    phase: float,
    color: RGBA,
    width: float,
    x0: float = 0.0,
    x1: float | None = None,
    env: bool = True,
) -> None:
    x1 = c.w if x1 is None else x1
    pts: list[Point] = []
    n = 120
    for i in range(n + 1):
        x = x0 + (x1 - x0) * i / n
        e = math.sin(math.pi * i / n) if env else 1.0
        pts.append(
            (x, y + amp * e * math.sin(math.tau * x / period + phase) * (0.6 + 0.4 * math.sin(x / period * 1.7)))
        )
    c.line(pts, color, width)


def perfume_bottle(
    c: Canvas, cx: float, base_y: float, bw: float, bh: float, glass: RGB, liquid: RGB, cap: RGB, shape: str = "square"
) -> None:
    """A faceted perfume bottle: glass body, liquid, highlights, cap and neck."""
    top = base_y - bh
    c.soft(lambda layer: layer.ellipse(cx, base_y, bw * 0.7, bw * 0.08, (0, 0, 0, 140)), bw * 0.05, 0.5)
    if shape == "round":
        c.ellipse(cx, base_y - bh * 0.45, bw * 0.5, bh * 0.45, rgba(glass, 235))
        c.ellipse(cx, base_y - bh * 0.38, bw * 0.42, bh * 0.34, rgba(liquid, 230))
    elif shape == "tall":
        c.polygon(
            [(cx - bw * 0.35, top), (cx + bw * 0.35, top), (cx + bw * 0.5, base_y), (cx - bw * 0.5, base_y)],
            rgba(glass, 235),
        )
        c.polygon(
            [
                (cx - bw * 0.38, top + bh * 0.3),
                (cx + bw * 0.38, top + bh * 0.3),
                (cx + bw * 0.44, base_y - bh * 0.05),
                (cx - bw * 0.44, base_y - bh * 0.05),
            ],
            rgba(liquid, 230),
        )
    else:
        rrect(c, cx - bw / 2, top, cx + bw / 2, base_y, bw * 0.08, rgba(glass, 235))
        rrect(c, cx - bw * 0.42, top + bh * 0.12, cx + bw * 0.42, base_y - bh * 0.06, bw * 0.05, rgba(liquid, 230))
    c.polygon(
        [
            (cx - bw * 0.36, top + bh * 0.1),
            (cx - bw * 0.26, top + bh * 0.1),
            (cx - bw * 0.3, base_y - bh * 0.1),
            (cx - bw * 0.4, base_y - bh * 0.1),
        ],
        (255, 255, 255, 90),
    )
    c.rect(cx - bw * 0.1, top - bh * 0.08, cx + bw * 0.1, top + 2, rgba(shade(cap, -0.3)))
    rrect(c, cx - bw * 0.2, top - bh * 0.34, cx + bw * 0.2, top - bh * 0.07, bw * 0.04, rgba(cap))
    c.rect(cx - bw * 0.14, top - bh * 0.32, cx - bw * 0.08, top - bh * 0.09, rgba(shade(cap, 0.5), 160))


def sitter_hair(c: Canvas, cx: float, head_y: float, s: float, style: str, color: RGBA, rng: random.Random) -> None:
    """Hair on a `bust` silhouette (s = head width)."""
    if style == "short":
        c.ellipse(cx, head_y - s * 0.2, s * 0.54, s * 0.46, color)
    elif style == "crop":
        c.ellipse(cx, head_y - s * 0.28, s * 0.5, s * 0.38, color)
    elif style == "curly":
        for i in range(11):
            a = math.radians(180 + i * 18)
            c.ellipse(cx + s * 0.5 * math.cos(a), head_y - s * 0.1 + s * 0.55 * math.sin(a), s * 0.2, s * 0.2, color)
        c.ellipse(cx, head_y - s * 0.25, s * 0.5, s * 0.42, color)
    elif style == "long":
        c.polygon(blob(cx, head_y + s * 0.35, s * 0.72, rng, 0.05, s * 1.05), color)
    elif style == "wavy":
        c.ellipse(cx, head_y - s * 0.1, s * 0.62, s * 0.6, color)
        for side in (-1, 1):
            for k in range(6):
                c.ellipse(
                    cx + side * (s * 0.52 + (k % 2) * s * 0.08),
                    head_y + s * 0.2 + k * s * 0.26,
                    s * 0.2,
                    s * 0.18,
                    color,
                )
    elif style == "bun":
        c.ellipse(cx, head_y - s * 0.22, s * 0.52, s * 0.44, color)
        c.ellipse(cx, head_y - s * 0.72, s * 0.22, s * 0.2, color)
    elif style == "quiff":
        c.ellipse(cx, head_y - s * 0.22, s * 0.52, s * 0.44, color)
        c.polygon(
            [
                (cx - s * 0.4, head_y - s * 0.4),
                (cx - s * 0.1, head_y - s * 0.85),
                (cx + s * 0.5, head_y - s * 0.7),
                (cx + s * 0.5, head_y - s * 0.3),
            ],
            color,
        )
    elif style == "cap":
        c.ellipse(cx, head_y - s * 0.25, s * 0.54, s * 0.42, color)
        c.polygon(
            [
                (cx - s * 0.1, head_y - s * 0.25),
                (cx + s * 0.9, head_y - s * 0.2),
                (cx + s * 0.85, head_y - s * 0.08),
                (cx - s * 0.1, head_y - s * 0.1),
            ],
            color,
        )


@dataclass
class Sitter:
    """A head-and-shoulders silhouette portrait (the style of the editorial portraits)."""

    bg: Stops
    ink: RGB
    rim: RGB
    hair: str = "short"
    glasses: str | None = None  # round, square
    beard: bool = False
    top: str = "shirt"  # shirt, tshirt, turtleneck, blazer, stripes, hoodie, bowtie
    top_color: RGB = (60, 60, 70)
    pattern: str = "rings"  # rings, dots, stripes, grid, waves, rays, none
    pattern_color: RGBA = (255, 255, 255, 40)
    earrings: RGB | None = None
    headphones: RGB | None = None
    glow: RGB | None = None
    at: tuple[float, float, float] = (0.5, 0.36, 0.27)  # head centre (x, y) and width, as fractions of w, h, w


def sitter(w: int, h: int, rng: random.Random, sp: Sitter, base: Canvas | None = None) -> Canvas:
    """Draw the sitter on a new canvas (background sp.bg) or over `base`."""
    c = Canvas(w, h, sp.bg) if base is None else base
    cx, hy, s = w * sp.at[0], h * sp.at[1], w * sp.at[2]
    if sp.glow is not None:
        c.soft(lambda layer: layer.ellipse(cx, hy, s * 1.5, s * 1.5, rgba(sp.glow, 170)), s * 0.5)
    if sp.pattern == "rings":
        for k in range(1, 12):
            c.ring(cx, hy, s * 0.5 * k, sp.pattern_color, 3)
    elif sp.pattern == "dots":
        step = w / 14
        for j in range(int(h / step) + 1):
            for i in range(15):
                c.ellipse(i * step + (step / 2 if j % 2 else 0), j * step, step * 0.12, step * 0.12, sp.pattern_color)
    elif sp.pattern == "stripes":
        bg_stripes(c, sp.pattern_color, w * 0.04, 120)
    elif sp.pattern == "grid":
        step = w / 12
        for i in range(13):
            c.line([(i * step, 0), (i * step, h)], sp.pattern_color, 2)
        for j in range(int(h / step) + 1):
            c.line([(0, j * step), (w, j * step)], sp.pattern_color, 2)
    elif sp.pattern == "waves":
        for k in range(18):
            wave_line(c, h * (0.05 + k * 0.055), h * 0.02, w * 0.35, k * 0.7, sp.pattern_color, 4, env=False)
    elif sp.pattern == "rays":
        bg_rays(c, cx, hy, sp.pattern_color, 40)
    bust(c, cx + s * 0.03, hy - s * 0.02, s * 1.02, rgba(sp.rim))  # rim light
    ink = rgba(sp.ink)
    if sp.hair == "long":
        sitter_hair(c, cx, hy, s, "long", rgba(shade(sp.ink, 0.08)), rng)
    bust(c, cx, hy, s, ink)
    if sp.hair not in ("long", "none"):
        sitter_hair(c, cx, hy, s, sp.hair, ink, rng)
    elif sp.hair == "long":
        sitter_hair(c, cx, hy, s, "short", ink, rng)
    if sp.beard:  # a fuller jaw: the beard shows in the outline, rim-lit
        jaw = [
            (cx - s * 0.5, hy + s * 0.05),
            (cx + s * 0.5, hy + s * 0.05),
            (cx + s * 0.44, hy + s * 0.56),
            (cx + s * 0.16, hy + s * 0.8),
            (cx - s * 0.16, hy + s * 0.8),
            (cx - s * 0.44, hy + s * 0.56),
        ]
        c.polygon([(x + s * 0.03, y + s * 0.01) for x, y in jaw], rgba(sp.rim))
        c.polygon(jaw, ink)
        c.polygon(
            [
                (cx - s * 0.21, hy + s * 0.6),
                (cx + s * 0.21, hy + s * 0.6),
                (cx + s * 0.26, hy + s * 1.1),
                (cx - s * 0.26, hy + s * 1.1),
            ],
            ink,
        )
    top = rgba(sp.top_color)
    sh = hy + s * 1.15
    if sp.top == "turtleneck":
        c.rect(cx - s * 0.24, hy + s * 0.55, cx + s * 0.24, sh, top)
        c.ellipse(cx, sh + s * 0.75, s * 1.4, s * 0.7, top)
        c.polygon(
            [(cx - s * 1.4, sh + s * 0.75), (cx + s * 1.4, sh + s * 0.75), (cx + s * 1.5, h), (cx - s * 1.5, h)], top
        )
        for k in range(4):
            c.line(
                [(cx - s * 0.24, hy + s * (0.62 + k * 0.12)), (cx + s * 0.24, hy + s * (0.62 + k * 0.12))],
                rgba(shade(sp.top_color, -0.3)),
                3,
            )
    elif sp.top in ("blazer", "bowtie"):
        c.polygon(
            [
                (cx - s * 1.45, h),
                (cx - s * 1.3, sh + s * 0.3),
                (cx - s * 0.3, sh - s * 0.05),
                (cx, sh + s * 1.1),
                (cx + s * 0.3, sh - s * 0.05),
                (cx + s * 1.3, sh + s * 0.3),
                (cx + s * 1.45, h),
            ],
            top,
        )
        c.polygon(
            [(cx - s * 0.3, sh - s * 0.05), (cx, sh + s * 1.1), (cx - s * 0.45, sh + s * 0.5)],
            rgba(shade(sp.top_color, 0.2)),
        )
        c.polygon(
            [(cx + s * 0.3, sh - s * 0.05), (cx, sh + s * 1.1), (cx + s * 0.45, sh + s * 0.5)],
            rgba(shade(sp.top_color, 0.2)),
        )
        if sp.top == "bowtie":
            c.polygon([(cx - s * 0.22, sh - s * 0.12), (cx, sh), (cx - s * 0.22, sh + s * 0.12)], rgba(sp.rim))
            c.polygon([(cx + s * 0.22, sh - s * 0.12), (cx, sh), (cx + s * 0.22, sh + s * 0.12)], rgba(sp.rim))
    elif sp.top == "stripes":
        for k in range(12):
            y = sh + s * 0.25 + k * s * 0.2
            c.polygon(
                [(cx - s * 1.6, y), (cx + s * 1.6, y), (cx + s * 1.6, y + s * 0.09), (cx - s * 1.6, y + s * 0.09)], top
            )
    elif sp.top == "hoodie":
        body = rgba(shade(sp.top_color, -0.55))
        c.ellipse(cx, sh + s * 0.75, s * 1.4, s * 0.7, body)
        c.polygon(
            [(cx - s * 1.4, sh + s * 0.75), (cx + s * 1.4, sh + s * 0.75), (cx + s * 1.5, h), (cx - s * 1.5, h)], body
        )
        c.ellipse(cx, sh + s * 0.05, s * 0.62, s * 0.24, rgba(shade(sp.top_color, -0.2)))  # the hood, down
        c.polygon(
            [(cx - s * 0.21, hy + s * 0.45), (cx + s * 0.21, hy + s * 0.45), (cx + s * 0.24, sh), (cx - s * 0.24, sh)],
            ink,
        )
        c.ellipse(cx, sh, s * 0.24, s * 0.09, ink)
        c.line([(cx - s * 0.2, sh + s * 0.2), (cx - s * 0.25, sh + s * 0.9)], rgba(sp.rim), 6)
        c.line([(cx + s * 0.2, sh + s * 0.2), (cx + s * 0.25, sh + s * 0.9)], rgba(sp.rim), 6)
    elif sp.top == "tshirt":
        c.arc(cx, sh - s * 0.05, s * 0.3, 20, 160, top, s * 0.06)
    else:  # shirt collar
        c.polygon(
            [
                (cx - s * 0.45, sh - s * 0.1),
                (cx, sh + s * 0.15),
                (cx - s * 0.1, sh + s * 0.4),
                (cx - s * 0.55, sh + s * 0.15),
            ],
            top,
        )
        c.polygon(
            [
                (cx + s * 0.45, sh - s * 0.1),
                (cx, sh + s * 0.15),
                (cx + s * 0.1, sh + s * 0.4),
                (cx + s * 0.55, sh + s * 0.15),
            ],
            top,
        )
    if sp.glasses:
        frame = rgba(sp.rim)
        for side in (-1, 1):
            gx, gy = cx + side * s * 0.2, hy + s * 0.02
            if sp.glasses == "round":
                c.ring(gx, gy, s * 0.15, frame, s * 0.03)
            else:
                c.draw.rounded_rectangle(
                    [(gx - s * 0.18) * c.k, (gy - s * 0.11) * c.k, (gx + s * 0.18) * c.k, (gy + s * 0.11) * c.k],
                    radius=s * 0.04 * c.k,
                    outline=frame,
                    width=round(s * 0.035 * c.k),
                )
            c.line([(gx + side * s * 0.17, gy - s * 0.03), (cx + side * s * 0.5, gy - s * 0.05)], frame, s * 0.025)
        c.arc(cx, hy + s * 0.02, s * 0.06, 200, 340, frame, s * 0.025)
    if sp.earrings is not None:
        for side in (-1, 1):
            c.ring(cx + side * s * 0.52, hy + s * 0.3, s * 0.08, rgba(sp.earrings), s * 0.025)
    if sp.headphones is not None:
        hp = rgba(sp.headphones)
        c.arc(cx, hy - s * 0.05, s * 0.62, 180, 360, hp, s * 0.08)
        for side in (-1, 1):
            rrect(
                c,
                cx + side * s * 0.62 - s * 0.12,
                hy - s * 0.12,
                cx + side * s * 0.62 + s * 0.12,
                hy + s * 0.28,
                s * 0.08,
                hp,
            )
    return c


# -- portraits of the contributors -----------------------------------------------------------
def portrait_anne_kerdi(w: int, h: int, rng: random.Random) -> Canvas:
    """An AI influencer: glossy synthetic face, long auburn waves, Breton stripes, sea colours."""
    c = Canvas(w, h, [(0.0, (150, 214, 226)), (0.45, (40, 140, 170)), (1.0, (8, 40, 80))])
    c.soft(lambda layer: layer.ellipse(w * 0.78, h * 0.16, w * 0.12, w * 0.12, (255, 250, 230, 255)), w * 0.04)
    for k in range(9):
        wave_line(c, h * (0.56 + k * 0.05), h * 0.012, w * 0.3, k * 1.3, (255, 255, 255, 60 - k * 4), 5, env=False)
    cx, hy, s = w * 0.5, h * 0.36, w * 0.3
    hair = mat_lit((150, 62, 34), 0.3, 0.5)
    m = c.mask()
    m.polygon(blob(cx, hy + s * 0.5, s * 0.8, rng, 0.06, s * 1.2), 255)
    c.paint_through(hair(c, (cx - s, hy - s, cx + s, hy + 2 * s)), m.img)
    skin = c.mask()
    bust(skin, cx, hy, s, 255)
    glossy = radial(
        c,
        cx - s * 0.2,
        hy - s * 0.25,
        s * 1.6,
        [(0.0, (255, 236, 222)), (0.35, (240, 190, 164)), (0.8, (190, 124, 104)), (1.0, (150, 90, 80))],
    )
    c.paint_through(glossy, skin.img)
    shirt = c.mask()
    sh = hy + s * 1.2
    shirt.polygon(
        [
            (cx - s * 1.5, h),
            (cx - s * 1.42, sh + s * 0.5),
            (cx - s * 0.5, sh + s * 0.05),
            (cx, sh + s * 0.25),
            (cx + s * 0.5, sh + s * 0.05),
            (cx + s * 1.42, sh + s * 0.5),
            (cx + s * 1.5, h),
        ],
        255,
    )
    stripes = mat_stripes((246, 246, 242), (20, 40, 96), s * 0.1, 0)
    c.paint_through(stripes(c, (0, 0, w, h)), shirt.img)
    front = c.mask()  # waves of hair over the shoulders
    for side in (-1, 1):
        for k in range(7):
            front.ellipse(
                cx + side * (s * 0.62 + (k % 2) * s * 0.1), hy + s * 0.1 + k * s * 0.25, s * 0.16, s * 0.17, 255
            )
    front.ellipse(cx, hy - s * 0.35, s * 0.56, s * 0.36, 255)
    front.ellipse(cx + s * 0.1, hy - s * 0.05, s * 0.42, s * 0.5, 0)
    c.paint_through(hair(c, (cx - s, hy - s, cx + s, hy + 2 * s)), front.img)
    for side in (-1, 1):  # eyes: teal irises, a synthetic glint
        ex, ey = cx + side * s * 0.19, hy + s * 0.02
        c.ellipse(ex, ey, s * 0.1, s * 0.05, (250, 250, 250, 255))
        c.ellipse(ex, ey, s * 0.045, s * 0.045, (20, 160, 170, 255))
        c.ellipse(ex, ey, s * 0.02, s * 0.02, (10, 20, 30, 255))
        c.ellipse(ex - s * 0.015, ey - s * 0.015, s * 0.01, s * 0.01, (255, 255, 255, 255))
        c.arc(ex, ey - s * 0.02, s * 0.11, 205, 335, (80, 40, 30, 255), s * 0.02)
    c.ellipse(cx, hy + s * 0.38, s * 0.11, s * 0.04, (196, 70, 80, 255))
    c.ellipse(cx - s * 0.03, hy + s * 0.365, s * 0.04, s * 0.01, (255, 210, 210, 200))

    def sheen(layer: Canvas) -> None:  # plastic-like highlights
        layer.ellipse(cx - s * 0.18, hy - s * 0.3, s * 0.14, s * 0.07, (255, 255, 255, 150))
        layer.ellipse(cx + s * 0.25, hy + s * 0.2, s * 0.06, s * 0.1, (255, 255, 255, 90))
        layer.ellipse(cx, hy + s * 0.12, s * 0.03, s * 0.08, (255, 255, 255, 110))

    c.soft(sheen, s * 0.04, 0.5)
    return c


def portrait_lhc(w: int, h: int, rng: random.Random) -> Canvas:
    return sitter(
        w,
        h,
        rng,
        Sitter(
            [(0.0, (255, 214, 120)), (0.6, (250, 160, 70)), (1.0, (220, 100, 50))],
            (60, 30, 20),
            (255, 240, 200),
            "short",
            "round",
            False,
            "blazer",
            (110, 60, 40),
            "rays",
            (255, 250, 220, 50),
            glow=(255, 240, 190),
            at=(0.44, 0.38, 0.28),
        ),
    )


def portrait_pimento(w: int, h: int, rng: random.Random) -> Canvas:
    return sitter(
        w,
        h,
        rng,
        Sitter(
            [(0.0, (226, 40, 30)), (1.0, (150, 14, 20))],
            (30, 20, 20),
            (255, 200, 120),
            "curly",
            None,
            True,
            "tshirt",
            (60, 160, 70),
            "dots",
            (255, 220, 200, 70),
            at=(0.56, 0.37, 0.27),
        ),
    )


def portrait_leava_cohen(w: int, h: int, rng: random.Random) -> Canvas:
    return sitter(
        w,
        h,
        rng,
        Sitter(
            [(0.0, (246, 226, 210)), (1.0, (214, 170, 150))],
            (90, 30, 44),
            (255, 246, 236),
            "long",
            None,
            False,
            "tshirt",
            (214, 170, 84),
            "rings",
            (180, 120, 110, 50),
            earrings=GOLD,
            glow=(255, 250, 246),
            at=(0.5, 0.33, 0.25),
        ),
    )


def portrait_emmanuel_vivier(w: int, h: int, rng: random.Random) -> Canvas:
    return sitter(
        w,
        h,
        rng,
        Sitter(
            [(0.0, (40, 16, 80)), (1.0, (90, 40, 140))],
            (16, 8, 30),
            (190, 160, 255),
            "crop",
            "square",
            False,
            "turtleneck",
            (30, 20, 50),
            "grid",
            (190, 160, 255, 50),
            at=(0.42, 0.4, 0.3),
        ),
    )


def portrait_haute_couture(w: int, h: int, rng: random.Random) -> Canvas:
    return sitter(
        w,
        h,
        rng,
        Sitter(
            [(0.0, (20, 18, 16)), (1.0, (46, 38, 26))],
            (8, 8, 8),
            GOLD_LIGHT,
            "quiff",
            None,
            False,
            "bowtie",
            (30, 28, 26),
            "stripes",
            (214, 170, 84, 40),
            glow=(120, 90, 40),
            at=(0.58, 0.36, 0.26),
        ),
    )


def portrait_sinclair(w: int, h: int, rng: random.Random) -> Canvas:
    """An AI musician: neon silhouette, scan lines, glitch."""
    c = sitter(
        w,
        h,
        rng,
        Sitter(
            [(0.0, (10, 4, 30)), (1.0, (40, 0, 60))],
            (14, 6, 30),
            (0, 240, 255),
            "cap",
            "square",
            False,
            "hoodie",
            (255, 40, 200),
            "waves",
            (255, 40, 200, 70),
            glow=(140, 0, 200),
        ),
    )
    for j in range(0, h, 8):
        c.rect(0, j, w, j + 2, (0, 0, 0, 50))
    glitch(c, rng, 14, w * 0.06, w * 0.008)
    return c


def portrait_debeir(w: int, h: int, rng: random.Random) -> Canvas:
    return sitter(
        w,
        h,
        rng,
        Sitter(
            [(0.0, (10, 90, 100)), (1.0, (4, 40, 50))],
            (4, 24, 30),
            (160, 255, 230),
            "short",
            None,
            True,
            "shirt",
            (160, 255, 230),
            "waves",
            (160, 255, 230, 60),
            headphones=(240, 120, 60),
            at=(0.45, 0.38, 0.28),
        ),
    )


def portrait_chervet(w: int, h: int, rng: random.Random) -> Canvas:
    c = sitter(
        w,
        h,
        rng,
        Sitter(
            [(0.0, (26, 20, 70)), (1.0, (70, 30, 110))],
            (16, 10, 40),
            (255, 200, 120),
            "bun",
            None,
            True,
            "turtleneck",
            (40, 30, 80),
            "rings",
            (255, 200, 120, 50),
            glow=(255, 160, 80),
        ),
    )
    for i in range(12):  # a mandala-like halo
        a = math.tau * i / 12
        c.ellipse(
            w * 0.5 + w * 0.3 * math.cos(a), h * 0.34 + w * 0.3 * math.sin(a), w * 0.02, w * 0.02, (255, 220, 160, 200)
        )
    return c


def portrait_tissier(w: int, h: int, rng: random.Random) -> Canvas:
    c = sitter(
        w,
        h,
        rng,
        Sitter(
            [(0.0, (8, 14, 40)), (1.0, (20, 40, 80))],
            (4, 6, 16),
            (120, 180, 255),
            "short",
            None,
            True,
            "hoodie",
            (30, 50, 90),
            "none",
            glow=(40, 70, 140),
            at=(0.55, 0.4, 0.28),
        ),
    )
    c.soft(lambda layer: layer.ellipse(w * 0.82, h * 0.14, w * 0.08, w * 0.08, (240, 240, 255, 255)), w * 0.02)
    for y in (0, h - h * 0.06):  # film perforations (none under the STAND-IN mark)
        c.rect(0, y, w, y + h * 0.06, (0, 0, 0, 255))
        for i in range(14 if y == 0 else 10):
            rrect(
                c, i * w / 14 + w * 0.02, y + h * 0.015, i * w / 14 + w * 0.05, y + h * 0.045, 4, (200, 200, 210, 255)
            )
    return c


def portrait_guerraz(w: int, h: int, rng: random.Random) -> Canvas:
    return sitter(
        w,
        h,
        rng,
        Sitter(
            [(0.0, (255, 200, 40)), (1.0, (250, 120, 30))],
            (40, 20, 10),
            (255, 255, 255),
            "crop",
            "round",
            True,
            "hoodie",
            (230, 60, 40),
            "dots",
            (200, 60, 20, 90),
            at=(0.5, 0.39, 0.3),
        ),
    )


def la_ref_1(w: int, h: int, rng: random.Random) -> Canvas:
    """Gilles Guerraz at work: profile lit by a screen, viewfinder marks."""
    c = Canvas(w, h, [(0.0, (6, 30, 24)), (1.0, (2, 12, 10))])
    c.soft(lambda layer: layer.rect(-w * 0.2, h * 0.2, w * 0.25, h * 0.8, (90, 255, 180, 200)), w * 0.12)
    profile_head(c, w * 0.56, h * 0.42, w * 0.42, (180, 255, 220, 255))
    profile_head(c, w * 0.575, h * 0.42, w * 0.42, (8, 20, 16, 255))
    c.ellipse(w * 0.56, h * 0.31, w * 0.22, w * 0.15, (8, 20, 16, 255))  # hair
    c.ring(w * 0.42, h * 0.4, w * 0.065, (180, 255, 220, 255), 8)  # glasses, side view
    c.line([(w * 0.48, h * 0.4), (w * 0.66, h * 0.39)], (180, 255, 220, 255), 7)
    m, ln = w * 0.08, w * 0.1
    for x, y, dx, dy in ((m, m, 1, 1), (w - m, m, -1, 1), (m, h - m, 1, -1), (w - m, h - m, -1, -1)):
        c.line([(x, y + dy * ln), (x, y), (x + dx * ln, y)], (255, 255, 255, 220), 7)
    c.ellipse(w * 0.16, w * 0.16, w * 0.025, w * 0.025, (255, 40, 40, 255))
    c.text(w * 0.2, w * 0.16, "REC", w * 0.045, (255, 255, 255, 230), "sans-bold", "lm")
    return c


def mode_ia_news(w: int, h: int, rng: random.Random) -> Canvas:
    """'Le looser de mode couronné d'or pour la Nuit des Rois': a crowned figure, trophy, party."""
    c = Canvas(w, h, [(0.0, (20, 8, 40)), (1.0, (60, 14, 50))])
    for x_top, col in ((w * 0.1, (255, 200, 80)), (w * 0.9, (255, 80, 200)), (w * 0.5, (120, 160, 255))):
        c.light(beam(c, x_top, -10, w * 0.5 + (x_top - w * 0.5) * -0.5, h, w * 0.3, col, 70), w * 0.03)
    confetti = [GOLD_LIGHT, (255, 80, 160), (120, 220, 255), WHITE]
    for _ in range(90):
        x, y, r = rng.uniform(0, w), rng.uniform(0, h), rng.uniform(5, 12)
        a = rng.uniform(0, math.pi)
        c.polygon(
            [
                (x + r * math.cos(a), y + r * math.sin(a)),
                (x + r * math.cos(a + 2.2), y + r * math.sin(a + 2.2)),
                (x + r * math.cos(a + 3.6), y + r * math.sin(a + 3.6)),
            ],
            rgba(rng.choice(confetti), 220),
        )
    look = Look(
        "trousers",
        mat_lit((24, 22, 30), 0.2, 0.3),
        "v",
        ("down", "up"),
        sleeves=True,
        hair="none",
        skin=SKINS[1],
        outer="jacket",
        outer_material=mat_lit((30, 28, 36), 0.3, 0.3),
        extras=("glasses",),
        lips=(150, 80, 80),
        shoes=(10, 10, 10),
    )
    f = figure(c, rng, look, w * 0.5, h * 0.2, h * 0.95)
    crown(c, *f.p(0, 0.2), 1.1 * f.u, 0.8 * f.u, GOLD, (200, 20, 60))
    tx, ty = f.p(1.45, -0.55)  # the gold trophy in the raised hand
    c.polygon(
        [
            (tx - f.u * 0.35, ty - f.u * 0.9),
            (tx + f.u * 0.35, ty - f.u * 0.9),
            (tx + f.u * 0.1, ty - f.u * 0.3),
            (tx - f.u * 0.1, ty - f.u * 0.3),
        ],
        rgba(GOLD),
    )
    c.rect(tx - f.u * 0.05, ty - f.u * 0.3, tx + f.u * 0.05, ty, rgba(GOLD))
    c.rect(tx - f.u * 0.2, ty - f.u * 0.05, tx + f.u * 0.2, ty + f.u * 0.05, rgba(GOLD_DARK))
    c.soft(lambda layer: layer.ellipse(tx, ty - f.u * 0.7, f.u * 0.6, f.u * 0.6, rgba(GOLD_LIGHT, 120)), f.u * 0.2)
    return c


# -- music ------------------------------------------------------------------------------------
def musique_ouverture_fff(w: int, h: int, rng: random.Random) -> Canvas:
    c = Canvas(w, h, [(0.0, (10, 4, 20)), (0.7, (40, 10, 40)), (1.0, (10, 4, 10))])
    colors = [(255, 60, 120), (255, 190, 60), (80, 160, 255), (200, 80, 255), (255, 110, 40)]
    for i in range(7):
        x = w * (0.05 + i * 0.15)
        c.light(
            beam(c, x, -20, x + rng.uniform(-0.3, 0.3) * w, h * 0.78, w * 0.16, colors[i % len(colors)], 90), w * 0.02
        )
    c.soft(lambda layer: layer.rect(0, h * 0.45, w, h * 0.8, (255, 200, 230, 50)), h * 0.08)  # stage haze
    c.rect(0, h * 0.78, w, h, (14, 8, 14, 255))
    ink: RGB = (8, 4, 10)
    dx, dy, ds = w * 0.64, h * 0.6, h * 0.035  # the drummer, behind the kit
    bust(c, dx, dy, ds, rgba(ink), bottom=h * 0.78)
    sitter_hair(c, dx, dy, ds, "cap", rgba(ink), rng)
    for side in (-1, 1):
        c.line([(dx + side * ds * 1.2, dy + ds * 1.6), (dx + side * ds * 2.6, dy + ds * 2.4)], rgba(ink), ds * 0.3)
        c.line([(dx + side * ds * 3.2, dy + ds * 1.2), (dx + side * ds * 3.2, h * 0.78)], rgba(ink), ds * 0.12)
        c.ellipse(dx + side * ds * 3.2, dy + ds * 1.2, ds * 1.3, ds * 0.25, rgba(ink))  # cymbals
        c.ellipse(dx + side * ds * 1.9, dy + ds * 2.6, ds * 0.9, ds * 0.5, rgba(ink))  # toms
    c.ellipse(dx, h * 0.78 - ds * 1.6, ds * 1.7, ds * 1.6, rgba(ink))  # bass drum
    c.ring(dx, h * 0.78 - ds * 1.6, ds * 1.3, (255, 200, 220, 90), 3)
    for x, ht, arms, hair, kind in (
        (0.2, 0.42, ("front", "front"), "short_afro", "guitar"),
        (0.8, 0.42, ("out", "front"), "long", "bass"),
        (0.5, 0.46, ("up", "front"), "afro", "mic"),
    ):
        look = Look(
            "trousers",
            mat_lit(ink, 0.06, 0.1),
            "high",
            arms,
            sleeves=True,
            hair="bob" if hair == "short_afro" else hair,
            hair_color=ink,
            skin=ink,
            face=False,
            folds=False,
            shoes=ink,
        )
        f = figure(c, rng, look, w * x, h * 0.78 - h * ht, h * ht)
        u = f.u
        if kind == "mic":
            c.line([f.p(-0.9, 8.0), f.p(-0.9, 1.6), f.p(-0.35, 1.0)], rgba(ink), u * 0.06)
            c.ellipse(*f.p(-0.3, 0.95), u * 0.09, u * 0.12, rgba(ink))
        else:
            c.polygon(blob(*f.p(0.1, 3.5), u * 0.75, random.Random(kind), 0.08, u * 0.6), rgba(ink))
            c.line(
                [f.p(0.2, 3.3), f.p(-1.9 if kind == "guitar" else 2.2, 1.3 if kind == "guitar" else 0.6)],
                rgba(ink),
                u * 0.16,
            )
    for i in range(9):
        c.ellipse(w * (0.05 + i * 0.113), h * 0.775, w * 0.03, h * 0.006, (255, 230, 200, 200))
    crowd(c, rng, h * 0.86, (4, 2, 6, 255), w * 0.07)
    return c


def musique_fff_1(w: int, h: int, rng: random.Random) -> Canvas:
    """The band, a group photo against a funk-coloured wall."""
    c = Canvas(w, h, [(0.0, (255, 150, 40)), (1.0, (240, 90, 40))])
    for i, col in enumerate([(120, 40, 160), (255, 210, 60), (40, 170, 160), (230, 50, 90)]):
        c.ellipse(w * (0.1 + i * 0.27), h * (0.25 + 0.3 * (i % 2)), h * 0.32, h * 0.32, rgba(col, 200))
    bg_stripes(c, (255, 255, 255, 30), w * 0.02, 100)
    specs = [
        (0.16, 0.34, "crop", (40, 20, 30)),
        (0.39, 0.28, "cap", (30, 20, 50)),
        (0.62, 0.3, "curly", (50, 20, 20)),
        (0.85, 0.36, "short", (20, 30, 40)),
    ]
    for x, hy, hair, ink in specs:
        s = h * 0.2
        bust(c, w * x + 6, h * hy - 4, s * 1.02, (255, 240, 210, 255), bottom=h)
        bust(c, w * x, h * hy, s, rgba(ink), bottom=h)
        sitter_hair(c, w * x, h * hy, s, hair, rgba(ink), rng)
    c.rect(w * 0.33, h * 0.27, w * 0.45, h * 0.3, (20, 20, 20, 255))  # sunglasses on one of them
    return c


def musique_sinclair_hollywood(w: int, h: int, rng: random.Random) -> Canvas:
    """A hand-made collage: sunset, a hill with the big white letters, palms, cut-out paper pieces."""
    c = Canvas(w, h, [(0.0, (255, 120, 90)), (0.45, (255, 200, 120)), (1.0, (120, 60, 140))])
    bg_sun(c, w * 0.5, h * 0.36, w * 0.2, (255, 236, 180), (255, 180, 120))
    hill = [
        (0, h * 0.44),
        (w * 0.25, h * 0.38),
        (w * 0.55, h * 0.41),
        (w * 0.8, h * 0.35),
        (w, h * 0.39),
        (w, h),
        (0, h),
    ]
    c.polygon(hill, (96, 54, 96, 255))
    for i, ch in enumerate("HOLLYWOOD"):
        x = w * (0.14 + i * 0.09)
        c.text(x, h * (0.48 - 0.012 * math.sin(i * 0.7)), ch, w * 0.08, (250, 250, 246, 255), "sans-bold", "ms")
    c.polygon([(0, h * 0.6), (w * 0.4, h * 0.55), (w, h * 0.62), (w, h), (0, h)], (70, 40, 80, 255))
    pieces = [
        ((0.06, 0.06), (0.3, 0.1), (80, 200, 220)),
        ((0.62, 0.1), (0.26, 0.12), (246, 240, 226)),
        ((0.08, 0.78), (0.28, 0.1), (255, 90, 140)),
        ((0.66, 0.7), (0.24, 0.08), (30, 30, 40)),
    ]
    for (px, py), (pw, ph), col in pieces:  # torn paper rectangles
        x, y, pw, ph = px * w, py * h, pw * w, ph * h
        pts = [(x + pw * i / 8, y + rng.uniform(-6, 6)) for i in range(9)]
        pts += [(x + pw + rng.uniform(-6, 6), y + ph * 0.5)]
        pts += [(x + pw * (1 - i / 8), y + ph + rng.uniform(-6, 6)) for i in range(9)]
        c.soft(lambda layer, p=pts: layer.polygon([(a + 8, b + 10) for a, b in p], (0, 0, 0, 90)), 6, 0.5)
        c.polygon(pts, rgba(col, 235))
    for x, ht, lean in ((0.08, 0.5, 0.08), (0.9, 0.44, -0.1), (0.78, 0.3, -0.06)):
        palm(c, w * x, h, h * ht, (30, 20, 40, 255), lean)
    profile_head(c, w * 0.55, h * 0.76, h * 0.18, (24, 16, 30, 255))
    c.ellipse(w * 0.45, h * 0.735, h * 0.045, h * 0.016, (255, 60, 120, 255))  # heart-red glasses
    c.polygon(star(w * 0.86, h * 0.22, w * 0.07, 0.45), (255, 230, 120, 255))
    return c


def musique_sinclair_pochettes(w: int, h: int, rng: random.Random) -> Canvas:
    """Sleeve projects for a label: a 2 x 2 grid of record sleeves with their discs."""
    c = Canvas(w, h, [(0.0, (236, 232, 224)), (1.0, (210, 204, 196))])
    m = w * 0.05
    cell = (w - 3 * m) / 2
    designs = [
        [(0, (255, 60, 90)), (1, (60, 20, 120))],
        [(0, (30, 200, 180)), (1, (10, 40, 60))],
        [(0, (255, 210, 60)), (1, (240, 90, 30))],
        [(0, (40, 40, 50)), (1, (10, 10, 14))],
    ]
    for k, stops in enumerate(designs):
        x0 = m + (k % 2) * (cell + m)
        y0 = m + (k // 2) * (cell + m)
        vinyl(c, x0 + cell * 0.72, y0 + cell * 0.5, cell * 0.46, rng.choice([(255, 80, 80), GOLD, (120, 220, 255)]))
        sub = Canvas(round(cell * 0.86), round(cell * 0.86), stops, c.k)
        sw = sub.w
        if k == 0:
            for r in range(8, 0, -1):
                sub.ellipse(sw / 2, sw / 2, sw * r / 16, sw * r / 16, rgba(shade((255, 60, 90), -0.1 * r + 0.4)))
        elif k == 1:
            for i in range(10):
                wave_line(sub, sw * (0.2 + i * 0.065), sw * 0.08, sw * 0.5, i * 0.5, (160, 255, 230, 200), 4, env=True)
        elif k == 2:
            profile_head(sub, sw * 0.55, sw * 0.45, sw * 0.5, (40, 20, 10, 255))
        else:
            sub.polygon(star(sw / 2, sw / 2, sw * 0.35, 0.4, 8), rgba(GOLD))
            sub.ring(sw / 2, sw / 2, sw * 0.42, rgba(GOLD), 5)
        sub.text(sw * 0.08, sw * 0.08, "R", sw * 0.1, (255, 255, 255, 230), "display", "lt")
        c.soft(
            lambda layer, x=x0, y=y0: layer.rect(
                x + 10, y + 14, x + cell * 0.86 + 10, y + cell * 0.86 + 14, (0, 0, 0, 120)
            ),
            10,
            0.5,
        )
        c.img.paste(sub.img, (round(x0 * c.k), round(y0 * c.k)))
    return c


def musique_sinclair_boombass(w: int, h: int, rng: random.Random) -> Canvas:
    """A virtual photo of a DJ: headphones, bass speakers, purple light."""
    c = Canvas(w, h, [(0.0, (30, 10, 60)), (1.0, (10, 4, 20))])
    for x, y, r in ((0.2, 0.3, 0.16), (0.8, 0.3, 0.16), (0.15, 0.7, 0.22), (0.85, 0.7, 0.22)):  # bass speakers
        c.ellipse(w * x, h * y, w * r, w * r, (20, 16, 30, 255))
        c.ring(w * x, h * y, w * r * 0.9, (120, 255, 120, 160), 5)
        c.ellipse(w * x, h * y, w * r * 0.6, w * r * 0.6, (40, 30, 60, 255))
        c.ellipse(w * x, h * y, w * r * 0.2, w * r * 0.2, (120, 255, 120, 200))
    c.soft(lambda layer: layer.ellipse(w * 0.5, h * 0.4, w * 0.4, w * 0.4, (160, 60, 255, 160)), w * 0.12)
    sp = Sitter(
        [(0, BLACK)],
        (12, 6, 20),
        (120, 255, 120),
        "curly",
        "square",
        True,
        "tshirt",
        (120, 255, 120),
        "none",
        headphones=(255, 255, 255),
    )
    return sitter(w, h, rng, sp, c)


def helmet_king(c: Canvas, cx: float, hy: float, s: float, visor: Stops, ink: RGBA, rng: random.Random) -> None:
    bust(c, cx, hy, s, ink)
    helm = c.mask()
    helm.ellipse(cx, hy - s * 0.05, s * 0.72, s * 0.8, 255)
    c.paint_through(radial(c, cx - s * 0.2, hy - s * 0.3, s * 1.2, visor), helm.img)
    c.ellipse(cx - s * 0.25, hy - s * 0.35, s * 0.18, s * 0.1, (255, 255, 255, 150))
    crown(c, cx, hy - s * 0.72, s * 0.9, s * 0.5, GOLD, (220, 40, 80))


def musique_sinclair_rois_casques(w: int, h: int, rng: random.Random) -> Canvas:
    c = Canvas(w, h, [(0.0, (90, 140, 170)), (0.5, (200, 170, 150)), (1.0, (80, 60, 90))])

    def swirls(layer: Canvas) -> None:  # the dreamy look of early diffusion models
        for _ in range(14):
            x, y = rng.uniform(0, w), rng.uniform(0, h)
            layer.polygon(
                blob(x, y, w * rng.uniform(0.08, 0.2), rng, 0.3),
                rgba(rng.choice([(255, 200, 160), (120, 180, 220), (200, 120, 170), (250, 240, 210)]), 150),
            )

    c.soft(swirls, w * 0.04, 0.25)
    helmet_king(
        c,
        w * 0.25,
        h * 0.5,
        w * 0.16,
        [(0.0, (200, 240, 255)), (0.6, (60, 110, 160)), (1.0, (20, 30, 60))],
        (40, 30, 50, 255),
        rng,
    )
    helmet_king(
        c,
        w * 0.75,
        h * 0.5,
        w * 0.16,
        [(0.0, (255, 230, 200)), (0.6, (170, 90, 60)), (1.0, (60, 30, 30))],
        (50, 30, 40, 255),
        rng,
    )
    helmet_king(
        c,
        w * 0.5,
        h * 0.56,
        w * 0.2,
        [(0.0, (240, 250, 240)), (0.6, (90, 150, 120)), (1.0, (20, 50, 40))],
        (30, 24, 40, 255),
        rng,
    )
    c.soft(lambda layer: layer.rect(0, 0, w, h, (255, 240, 220, 40)), 0, 0.25)
    return c


def musique_sinclair_multiples(w: int, h: int, rng: random.Random) -> Canvas:
    """Multiplied Sinclairs: the same neon-rimmed silhouette repeated into the distance."""
    c = Canvas(w, h, [(0.0, (6, 2, 20)), (1.0, (30, 0, 40))])
    bg_grid(c, h * 0.55, (120, 40, 255))
    n = 7
    for k in range(n - 1, -1, -1):
        t = k / (n - 1)
        s = h * 0.2 * (1 - 0.62 * t)
        cx = w * (0.14 + 0.78 * t)
        hy = h * (0.42 - 0.1 * t)
        col = mix((255, 40, 200), (0, 230, 255), t)
        c.light(lambda layer, cx=cx, hy=hy, s=s, col=col: bust(layer, cx, hy, s * 1.06, rgba(col, 200)), s * 0.15, 0.5)
        bust(c, cx + s * 0.04, hy - s * 0.02, s * 1.03, rgba(col))
        bust(c, cx, hy, s, (12, 4, 28, 255))
        sitter_hair(c, cx, hy, s, "cap", (12, 4, 28, 255), rng)
        for side in (-1, 1):
            c.draw.rounded_rectangle(
                [
                    (cx + side * s * 0.2 - s * 0.15) * c.k,
                    (hy - s * 0.08) * c.k,
                    (cx + side * s * 0.2 + s * 0.15) * c.k,
                    (hy + s * 0.1) * c.k,
                ],
                radius=s * 0.04 * c.k,
                outline=rgba(col),
                width=max(2, round(s * 0.03 * c.k)),
            )
    glitch(c, rng, 8, w * 0.02, w * 0.003)
    return c


def musique_sinclair_face_a_face(w: int, h: int, rng: random.Random) -> Canvas:
    c = Canvas(w, h, [(0.0, (20, 6, 40)), (1.0, (6, 2, 16))])
    c.soft(lambda layer: layer.rect(0, 0, w * 0.5, h, (255, 40, 180, 120)), w * 0.1)
    c.soft(lambda layer: layer.rect(w * 0.5, 0, w, h, (0, 200, 255, 120)), w * 0.1)
    right = Canvas.blank(w, h, c.k, "L")
    profile_head(right, w * 0.7, h * 0.45, h * 0.5, 255)
    left = right.img.transpose(Image.Transpose.FLIP_LEFT_RIGHT)
    c.fill_mask(right.img, (10, 30, 60))
    c.fill_mask(left, (60, 10, 50))
    edge_r = right.img.filter(ImageFilter.FIND_EDGES).filter(ImageFilter.MaxFilter(5))
    c.fill_mask(edge_r, (0, 230, 255))
    c.fill_mask(edge_r.transpose(Image.Transpose.FLIP_LEFT_RIGHT), (255, 60, 200))
    glitch(c, rng, 12, w * 0.04, w * 0.004)
    return c


def musique_sinclair_ni_jeune(w: int, h: int, rng: random.Random) -> Canvas:
    """'Ni jeune ni vieux': one face, one half vivid and smooth, the other grey and lined."""
    c = Canvas(w, h, [(0.0, (250, 220, 190)), (1.0, (220, 170, 150))])
    c.rect(w * 0.5, 0, w, h, (70, 76, 92, 255))
    cx, hy, s = w * 0.5, h * 0.42, h * 0.3
    head = c.mask()
    bust(head, cx, hy, s, 255)
    hair = c.mask()
    hair.ellipse(cx, hy - s * 0.3, s * 0.56, s * 0.42, 255)
    hair.ellipse(cx, hy + s * 0.08, s * 0.46, s * 0.5, 0)
    left = Image.new("L", c.img.size, 0)
    ImageDraw.Draw(left).rectangle([0, 0, round(cx * c.k), c.img.size[1]], fill=255)
    c.paint_through(
        radial(c, cx - s * 0.3, hy - s * 0.3, s * 2, [(0.0, (255, 206, 176)), (1.0, (196, 104, 84))]),
        ImageChops.multiply(head.img, left),
    )
    c.paint_through(
        radial(c, cx + s * 0.3, hy - s * 0.3, s * 2, [(0.0, (206, 206, 212)), (1.0, (120, 120, 130))]),
        ImageChops.subtract(head.img, left),
    )
    c.fill_mask(ImageChops.multiply(hair.img, left), (70, 36, 24))
    c.fill_mask(ImageChops.subtract(hair.img, left), (240, 240, 244))
    for k in range(3):  # lines on the old half
        c.arc(cx + s * 0.16, hy - s * 0.2 + k * s * 0.06, s * 0.16, 210, 330, (80, 80, 92, 220), 4)
    c.arc(cx + s * 0.3, hy + s * 0.22, s * 0.18, 280, 360, (80, 80, 92, 220), 4)
    c.arc(cx + s * 0.32, hy + s * 0.02, s * 0.08, 300, 60, (80, 80, 92, 220), 3)
    c.ellipse(cx - s * 0.2, hy + s * 0.02, s * 0.07, s * 0.035, (50, 24, 24, 255))
    c.ellipse(cx + s * 0.2, hy + s * 0.02, s * 0.07, s * 0.03, (40, 40, 50, 255))
    c.ellipse(cx - s * 0.05, hy + s * 0.38, s * 0.06, s * 0.03, (190, 60, 70, 255))
    c.ellipse(cx + s * 0.05, hy + s * 0.38, s * 0.06, s * 0.025, (130, 110, 116, 255))
    c.rect(cx - 2, 0, cx + 2, h, (255, 255, 255, 220))
    return c


def musique_chervet_hypercreation(w: int, h: int, rng: random.Random) -> Canvas:
    """Book cover: HYPERCRÉATION, Flavien Chervet, Nullius In Verba."""
    c = Canvas(w, h, [(0.0, (255, 120, 40)), (0.5, (230, 40, 110)), (1.0, (90, 20, 120))])
    for k in range(14):
        r = w * (0.08 + k * 0.06)
        c.ring(w * 0.6, h * 0.72, r, (255, 255, 255, 110 - k * 6), 4)
    for i in range(8):
        a = math.tau * i / 8
        c.ellipse(
            w * 0.6 + w * 0.24 * math.cos(a),
            h * 0.72 + w * 0.24 * math.sin(a),
            w * 0.035,
            w * 0.035,
            (255, 250, 230, 230),
        )
    c.text(w * 0.08, h * 0.1, "Flavien Chervet", w * 0.06, (255, 255, 255, 255), "sans")
    c.text(w * 0.07, h * 0.22, "HYPER", w * 0.2, (255, 255, 255, 255), "display")
    c.text(w * 0.07, h * 0.36, "CRÉATION", w * 0.155, (255, 255, 255, 255), "display")
    c.text(w * 0.08, h * 0.92, "Nullius in Verba", w * 0.045, (255, 255, 255, 230), "garamond-italic")
    return c


def musique_wanert_1(w: int, h: int, rng: random.Random) -> Canvas:
    """3D cut paper: layered paper hills with soft shadows, a paper violin and notes."""
    c = Canvas(w, h, [(0.0, (252, 236, 214)), (1.0, (246, 200, 180))])
    c.soft(lambda layer: layer.ellipse(w * 0.7, h * 0.2, w * 0.16, w * 0.16, (255, 250, 240, 255)), 4, 0.5)
    colors = [(250, 190, 170), (240, 150, 150), (220, 110, 130), (170, 90, 140), (110, 70, 130), (70, 50, 110)]
    for i, col in enumerate(colors):
        base = h * (0.45 + i * 0.09)
        amp = h * 0.04
        ph = rng.uniform(0, math.tau)
        pts = [
            (x, base + amp * math.sin(x / w * math.tau * 1.3 + ph) + amp * 0.5 * math.sin(x / w * 9 + ph))
            for x in [w * j / 60 for j in range(61)]
        ]
        poly = [(-10, h + 10), *pts, (w + 10, h + 10)]
        c.soft(lambda layer, p=poly: layer.polygon([(x, y - 18) for x, y in p], (60, 20, 40, 110)), 14, 0.25)
        c.polygon(poly, rgba(col))
    vx, vy, vs = w * 0.5, h * 0.4, h * 0.32  # the violin
    lower = blob(vx, vy + vs * 0.3, vs * 0.24, random.Random(0), 0.02, vs * 0.17)
    upper = blob(vx, vy, vs * 0.19, random.Random(1), 0.02, vs * 0.15)

    def violin_shadow(layer: Canvas) -> None:
        for part in (lower, upper):
            layer.polygon([(x + 20, y + 24) for x, y in part], (60, 20, 40, 120))

    c.soft(violin_shadow, 16, 0.25)
    c.polygon(lower, (200, 120, 60, 255))
    c.polygon(upper, (200, 120, 60, 255))
    c.rect(vx - vs * 0.03, vy - vs * 0.75, vx + vs * 0.03, vy + vs * 0.2, (60, 30, 20, 255))
    c.ellipse(vx, vy - vs * 0.8, vs * 0.05, vs * 0.07, (60, 30, 20, 255))
    for side in (-1, 1):
        c.arc(vx + side * vs * 0.1, vy + vs * 0.15, vs * 0.06, 0, 360, (60, 30, 20, 255), 5)
    for _ in range(7):  # paper notes
        x, y = rng.uniform(0.1, 0.9) * w, rng.uniform(0.08, 0.35) * h
        s = w * rng.uniform(0.025, 0.045)
        c.soft(lambda layer, x=x, y=y, s=s: layer.ellipse(x + 8, y + 10, s, s * 0.75, (60, 20, 40, 110)), 6, 0.5)
        c.ellipse(x, y, s, s * 0.75, (250, 250, 246, 255))
        c.rect(x + s * 0.8, y - s * 3, x + s, y, (250, 250, 246, 255))
    return c


# -- luxe ---------------------------------------------------------------------------------------
def luxe_pandore_opener(w: int, h: int, rng: random.Random) -> Canvas:
    """Pandora's box: an ornate golden box, its lid open, light and sparks escaping."""
    c = Canvas(w, h, [(0.0, (6, 4, 12)), (0.7, (26, 12, 30)), (1.0, (8, 4, 8))])
    bx, by, bw, bh = w * 0.5, h * 0.7, w * 0.5, h * 0.16

    def rays(layer: Canvas) -> None:
        for i in range(13):
            a = math.radians(-90 + (i - 6) * 9)
            far = h
            layer.polygon(
                [
                    (bx - bw * 0.35, by - bh * 0.5),
                    (bx + bw * 0.35, by - bh * 0.5),
                    (bx + far * math.cos(a + 0.05), by + far * math.sin(a + 0.05)),
                    (bx + far * math.cos(a - 0.05), by + far * math.sin(a - 0.05)),
                ],
                rgba(GOLD_LIGHT, 40),
            )

    c.light(rays, w * 0.02, 0.25)
    c.light(lambda layer: layer.ellipse(bx, by - bh * 0.55, bw * 0.5, bh * 0.4, rgba(GOLD_LIGHT, 255)), w * 0.05)
    sparks = [
        (bx + rng.gauss(0, w * 0.15), by - bh * 0.5 - abs(rng.gauss(0, h * 0.28)), rng.uniform(2, 7))
        for _ in range(160)
    ]

    def glints(layer: Canvas) -> None:
        for x, y, r in sparks:
            layer.ellipse(x, y, r * 2, r * 2, rgba(GOLD_LIGHT, 200))

    c.light(glints, 3, 0.5)
    for x, y, r in sparks:
        c.ellipse(x, y, r * 0.6, r * 0.6, (255, 250, 230, 255))
    for k in range(6):  # dark butterflies / moths escaping
        x, y = bx + rng.uniform(-0.35, 0.35) * w, by - bh - rng.uniform(0.1, 0.5) * h
        s = w * rng.uniform(0.02, 0.04)
        for side in (-1, 1):
            c.polygon(blob(x + side * s * 0.7, y, s * 0.7, random.Random(k), 0.1, s * 0.5, 24), (40, 20, 30, 230))
    body = c.mask()
    body.polygon(
        [
            (bx - bw / 2, by - bh / 2),
            (bx + bw / 2, by - bh / 2),
            (bx + bw / 2, by + bh / 2),
            (bx - bw / 2, by + bh / 2),
        ],
        255,
    )
    c.paint_through(mat_bands([GOLD_DARK, GOLD, GOLD_LIGHT, GOLD], 0, 2)(c, (bx - bw / 2, 0, bx + bw / 2, h)), body.img)
    lid = c.mask()
    lid.polygon(
        [
            (bx - bw / 2, by - bh / 2),
            (bx + bw / 2, by - bh / 2),
            (bx + bw * 0.46, by - bh * 1.35),
            (bx - bw * 0.54, by - bh * 1.1),
        ],
        255,
    )
    c.paint_through(mat_bands([GOLD, GOLD_LIGHT, GOLD_DARK], 10, 2)(c, (bx - bw / 2, 0, bx + bw / 2, h)), lid.img)
    for k in range(3):
        c.rect(bx - bw / 2, by - bh / 2 + k * bh * 0.35, bx + bw / 2, by - bh / 2 + k * bh * 0.35 + 6, rgba(GOLD_DARK))
    baroque_frame(c, bx, by, bw * 0.12, bh * 0.3, GOLD_LIGHT)
    c.ellipse(bx, by, bw * 0.05, bh * 0.12, (150, 20, 40, 255))
    return c


def luxe_pandore_1(w: int, h: int, rng: random.Random) -> Canvas:
    """The oracle of luxury: a hooded figure, a glowing ring, temple columns."""
    c = Canvas(w, h, [(0.0, (40, 16, 60)), (1.0, (10, 4, 20))])
    for x in (0.1, 0.3, 0.7, 0.9):
        c.rect(w * x - w * 0.05, h * 0.1, w * x + w * 0.05, h, (70, 40, 90, 255))
        for k in range(5):
            c.rect(w * x - w * 0.04 + k * w * 0.02, h * 0.12, w * x - w * 0.035 + k * w * 0.02, h, (50, 26, 70, 255))
        c.rect(w * x - w * 0.065, h * 0.08, w * x + w * 0.065, h * 0.11, (90, 60, 110, 255))
    c.light(lambda layer: layer.ring(w * 0.5, h * 0.36, w * 0.3, rgba(GOLD_LIGHT), w * 0.012), w * 0.03)
    c.ring(w * 0.5, h * 0.36, w * 0.3, rgba(GOLD_LIGHT), w * 0.006)
    hood: RGBA = (12, 6, 20, 255)
    c.polygon(
        [
            (w * 0.5, h * 0.2),
            (w * 0.66, h * 0.32),
            (w * 0.72, h * 0.5),
            (w * 0.9, h),
            (w * 0.1, h),
            (w * 0.28, h * 0.5),
            (w * 0.34, h * 0.32),
        ],
        hood,
    )
    c.ellipse(w * 0.5, h * 0.38, w * 0.1, h * 0.08, (0, 0, 0, 255))

    def eyes(layer: Canvas) -> None:
        for side in (-1, 1):
            layer.ellipse(w * 0.5 + side * w * 0.035, h * 0.38, w * 0.012, w * 0.008, rgba(GOLD_LIGHT))

    c.light(eyes, w * 0.01, 0.5)
    c.ellipse(w * 0.5, h * 0.72, w * 0.12, w * 0.12, rgba(GOLD_LIGHT, 200))  # the orb in the hands
    c.soft(lambda layer: layer.ellipse(w * 0.5, h * 0.72, w * 0.2, w * 0.2, rgba(GOLD_LIGHT, 120)), w * 0.05)
    for i in range(24):
        a = math.tau * i / 24
        c.ellipse(w * 0.5 + w * 0.3 * math.cos(a), h * 0.36 + w * 0.3 * math.sin(a), 5, 5, rgba(WHITE))
    return c


def luxe_pandore_2(w: int, h: int, rng: random.Random) -> Canvas:
    """Human-machine alchemy: a human profile and a faceted machine profile around alchemical signs."""
    c = Canvas(w, h, [(0.0, (250, 240, 220)), (1.0, (220, 200, 170))])
    cx, cy = w * 0.5, h * 0.42
    for r in (0.4, 0.33):
        c.ring(cx, cy, w * r, rgba(GOLD_DARK, 200), 4)
    c.polygon([(cx, cy - w * 0.33), (cx + w * 0.286, cy + w * 0.165), (cx - w * 0.286, cy + w * 0.165)], (0, 0, 0, 0))
    tri = [(cx, cy - w * 0.33), (cx + w * 0.286, cy + w * 0.165), (cx - w * 0.286, cy + w * 0.165), (cx, cy - w * 0.33)]
    c.line(tri, rgba(GOLD_DARK, 220), 4)
    c.ring(cx, cy, w * 0.12, rgba(GOLD_DARK, 220), 4)
    human = Canvas.blank(w, h, c.k, "L")
    profile_head(human, w * 0.8, h * 0.45, h * 0.3, 255)  # drawn facing left, then flipped
    c.fill_mask(human.img.transpose(Image.Transpose.FLIP_LEFT_RIGHT), (140, 70, 50))
    # the machine, on the right, facing left: facets
    mx, my, s = w * 0.8, h * 0.45, h * 0.3
    facets = [
        (mx - s * 0.55, my + s * 0.1),
        (mx - s * 0.3, my - s * 0.35),
        (mx + s * 0.2, my - s * 0.55),
        (mx + s * 0.55, my - s * 0.2),
        (mx + s * 0.5, my + s * 0.4),
        (mx + s * 0.1, my + s * 0.6),
        (mx - s * 0.35, my + s * 0.5),
    ]
    for i in range(len(facets)):
        p, q = facets[i], facets[(i + 1) % len(facets)]
        c.polygon([(mx, my), p, q], rgba(mix((60, 70, 90), (200, 210, 230), i / len(facets))))
    c.polygon(
        [(mx - s * 0.2, my + s * 0.5), (mx + s * 0.3, my + s * 0.55), (mx + s * 0.6, h), (mx - s * 0.5, h)],
        (80, 90, 110, 255),
    )
    c.ellipse(mx - s * 0.3, my - s * 0.05, s * 0.05, s * 0.03, (0, 220, 255, 255))
    for i in range(8):  # sparks passing from one to the other
        t = (i + 0.5) / 8
        x = w * (0.3 + 0.4 * t)
        c.ellipse(x, cy + math.sin(t * math.pi * 2) * h * 0.04, 6, 6, rgba(GOLD))
    return c


def luxe_pandore_3(w: int, h: int, rng: random.Random) -> Canvas:
    """Perfume bottles on a golden podium."""
    c = Canvas(w, h, [(0.0, (30, 20, 16)), (0.7, (70, 46, 30)), (1.0, (20, 14, 10))])
    c.soft(lambda layer: layer.ellipse(w * 0.5, h * 0.3, w * 0.4, h * 0.4, rgba(GOLD_LIGHT, 90)), w * 0.12)
    c.ellipse(w * 0.5, h * 0.78, w * 0.42, h * 0.07, rgba(GOLD_DARK))
    c.rect(w * 0.08, h * 0.78, w * 0.92, h * 0.9, rgba(GOLD_DARK))
    c.ellipse(w * 0.5, h * 0.9, w * 0.42, h * 0.07, rgba(shade(GOLD_DARK, -0.3)))
    c.ellipse(w * 0.5, h * 0.78, w * 0.42, h * 0.07, rgba(GOLD))
    specs = [
        (0.25, 0.18, 0.34, (230, 200, 140), "tall"),
        (0.5, 0.22, 0.46, (200, 60, 80), "square"),
        (0.74, 0.2, 0.3, (250, 230, 200), "round"),
    ]
    for x, bw, bh, liquid, shape in specs:
        perfume_bottle(c, w * x, h * 0.8, w * bw, h * bh, (240, 236, 230), liquid, GOLD, shape)
    return c


def luxe_emmanuel_vivier_1(w: int, h: int, rng: random.Random) -> Canvas:
    """A photograph: sea and cliffs at golden hour."""
    c = Canvas(w, h, [(0.0, (70, 90, 150)), (0.45, (250, 170, 120)), (0.55, (255, 210, 150)), (1.0, (30, 60, 90))])
    c.paint_through(
        linear(c, [(0.55, (250, 180, 130)), (0.7, (60, 100, 130)), (1.0, (20, 40, 70))]), _band_mask(c, h * 0.55, h)
    )
    bg_sun(c, w * 0.62, h * 0.5, h * 0.07, (255, 244, 210), (255, 200, 140))
    for k in range(16):  # glitter on the sea
        y = h * (0.57 + k * 0.025)
        c.rect(w * 0.62 - w * 0.01 * (k + 2), y, w * 0.62 + w * 0.01 * (k + 2), y + 3, (255, 230, 180, 150 - k * 8))
    c.polygon(
        [(0, h * 0.3), (w * 0.12, h * 0.33), (w * 0.2, h * 0.45), (w * 0.3, h * 0.56), (w * 0.35, h), (0, h)],
        (30, 26, 30, 255),
    )
    c.polygon([(w, h * 0.4), (w * 0.88, h * 0.44), (w * 0.82, h * 0.56), (w * 0.8, h), (w, h)], (40, 34, 40, 255))
    for _ in range(5):
        x, y = rng.uniform(0.3, 0.8) * w, rng.uniform(0.15, 0.35) * h
        c.arc(x, y, 10, 200, 340, (40, 30, 40, 255), 3)
        c.arc(x + 20, y, 10, 200, 340, (40, 30, 40, 255), 3)
    return c


def _band_mask(c: Canvas, y0: float, y1: float) -> Image.Image:
    m = c.mask()
    m.rect(0, y0, c.w, y1, 255)
    return m.img


def luxe_haute_couture_1(w: int, h: int, rng: random.Random) -> Canvas:
    """A live AI music-and-visuals performance: big screen, two performers, audience."""
    c = Canvas(w, h, [(0.0, (4, 4, 10)), (1.0, (10, 8, 20))])
    sx0, sy0, sx1, sy1 = w * 0.1, h * 0.08, w * 0.9, h * 0.6
    scr = Canvas(round(sx1 - sx0), round(sy1 - sy0), [(0.0, (10, 20, 60)), (1.0, (40, 0, 60))], c.k)

    def flow(layer: Canvas) -> None:
        for i in range(26):
            col = mix((0, 220, 255), (255, 60, 200), i / 25)
            wave_line(layer, scr.h * (0.15 + i * 0.028), scr.h * 0.2, scr.w * 0.6, i * 0.25, rgba(col, 200), 4)

    scr.light(flow, 6, 0.5)
    scr.light(flow, 0, 1.0)
    c.light(lambda layer: layer.rect(sx0, sy0, sx1, sy1, (60, 60, 140, 255)), w * 0.05)
    c.img.paste(scr.img, (round(sx0 * c.k), round(sy0 * c.k)))
    c.rect(w * 0.2, h * 0.66, w * 0.8, h * 0.7, (30, 30, 40, 255))
    for x in (0.36, 0.64):
        bust(c, w * x, h * 0.56, h * 0.07, (12, 12, 18, 255), bottom=h * 0.68)
        c.polygon(
            [
                (w * x - w * 0.05, h * 0.66),
                (w * x + w * 0.05, h * 0.66),
                (w * x + w * 0.04, h * 0.62),
                (w * x - w * 0.04, h * 0.62),
            ],
            (200, 220, 255, 255),
        )  # laptop screen glow
    crowd(c, rng, h * 0.82, (2, 2, 6, 255), w * 0.045)
    return c


def phone(c: Canvas, x0: float, y0: float, pw: float, ph: float, screen: Stops) -> tuple[float, float, float, float]:
    c.soft(
        lambda layer: rrect(layer, x0 + 16, y0 + 24, x0 + pw + 16, y0 + ph + 24, pw * 0.12, (0, 0, 0, 110)), 20, 0.25
    )
    rrect(c, x0, y0, x0 + pw, y0 + ph, pw * 0.12, (20, 20, 24, 255))
    m = pw * 0.04
    sx0, sy0, sx1, sy1 = x0 + m, y0 + m, x0 + pw - m, y0 + ph - m
    g = c.mask()
    rrect(g, sx0, sy0, sx1, sy1, pw * 0.09, 255)
    c.paint_through(linear(c, screen, 90, (sx0, sy0, sx1, sy1)), g.img)
    rrect(c, x0 + pw * 0.38, y0 + m * 1.4, x0 + pw * 0.62, y0 + m * 2.6, m * 0.6, (20, 20, 24, 255))
    return sx0, sy0, sx1, sy1


def face_card(c: Canvas, cx: float, cy: float, s: float, skin: RGB, lips: RGB, hair: RGB) -> None:
    c.ellipse(cx, cy - s * 0.05, s * 0.62, s * 0.66, rgba(hair))
    bust(c, cx, cy, s * 0.7, rgba(skin), bottom=cy + s * 1.4)
    c.ellipse(cx, cy - s * 0.3, s * 0.42, s * 0.22, rgba(hair))
    for side in (-1, 1):
        c.ellipse(cx + side * s * 0.13, cy, s * 0.06, s * 0.025, (40, 30, 30, 255))
    c.ellipse(cx, cy + s * 0.26, s * 0.09, s * 0.035, rgba(lips))


def luxe_haute_couture_2(w: int, h: int, rng: random.Random) -> Canvas:
    """Screenshot of a beauty brand's virtual make-up assistant page."""
    c = Canvas(w, h, [(0.0, (250, 250, 250)), (1.0, (240, 240, 240))])
    c.rect(0, 0, w, h * 0.07, (10, 10, 10, 255))
    c.text(w * 0.5, h * 0.035, "MAKEUP STYLIST", w * 0.04, (255, 255, 255, 255), "sans-bold", "mm", w * 0.01)
    c.rect(0, h * 0.07, w, h * 0.5, (30, 24, 24, 255))
    face_card(c, w * 0.5, h * 0.26, h * 0.16, (236, 196, 170), (180, 20, 50), (40, 24, 20))
    for i, col in enumerate([(180, 20, 50), (220, 60, 90), (150, 40, 60), (240, 120, 110), (110, 20, 40)]):
        c.ellipse(w * (0.18 + i * 0.16), h * 0.56, w * 0.05, w * 0.05, rgba(col))
    for k, (x0, x1, col) in enumerate(
        ((0.06, 0.7, (236, 236, 236)), (0.3, 0.94, (20, 20, 20)), (0.06, 0.64, (236, 236, 236)))
    ):
        y = h * (0.64 + k * 0.1)
        rrect(c, w * x0, y, w * x1, y + h * 0.07, h * 0.02, rgba(col))
        tc = (255, 255, 255, 200) if col[0] < 100 else (120, 120, 120, 200)
        for j in range(2):
            c.rect(
                w * x0 + w * 0.04,
                y + h * (0.02 + j * 0.025),
                w * x1 - w * (0.1 + 0.12 * j),
                y + h * (0.03 + j * 0.025),
                tc,
            )
    rrect(c, w * 0.06, h * 0.93, w * 0.94, h * 0.98, h * 0.025, None, (30, 30, 30, 255), 3)
    return c


def luxe_haute_couture_3(w: int, h: int, rng: random.Random) -> Canvas:
    """A make-up app guiding by voice: phone with a face scan, sound waves, a large button."""
    c = Canvas(w, h, [(0.0, (236, 226, 246)), (1.0, (200, 190, 230))])
    c.soft(lambda layer: layer.ellipse(w * 0.5, h * 0.5, w * 0.45, w * 0.45, (255, 255, 255, 150)), w * 0.1)
    sx0, sy0, sx1, sy1 = phone(c, w * 0.2, h * 0.08, w * 0.6, h * 0.84, [(0.0, (30, 30, 60)), (1.0, (10, 10, 30))])
    cx = (sx0 + sx1) / 2
    face_card(c, cx, sy0 + (sy1 - sy0) * 0.32, w * 0.2, (220, 170, 140), (190, 60, 90), (60, 40, 30))
    for k in range(7):  # scan mesh
        y = sy0 + (sy1 - sy0) * (0.18 + k * 0.04)
        c.line([(cx - w * 0.16, y), (cx + w * 0.16, y)], (0, 230, 200, 120), 2)
    for k in range(9):
        x = cx - w * 0.16 + k * w * 0.04
        c.line([(x, sy0 + (sy1 - sy0) * 0.18), (x, sy0 + (sy1 - sy0) * 0.42)], (0, 230, 200, 120), 2)
    for k in range(3):
        wave_line(
            c,
            sy0 + (sy1 - sy0) * 0.62,
            w * 0.05 * (1 - k * 0.3),
            w * 0.08,
            k,
            (0, 230, 200, 230 - k * 60),
            4,
            sx0 + w * 0.05,
            sx1 - w * 0.05,
        )
    rrect(
        c,
        sx0 + w * 0.06,
        sy0 + (sy1 - sy0) * 0.78,
        sx1 - w * 0.06,
        sy0 + (sy1 - sy0) * 0.9,
        w * 0.06,
        (0, 230, 200, 255),
    )
    c.ellipse(cx, sy0 + (sy1 - sy0) * 0.84, w * 0.03, w * 0.03, (10, 10, 30, 255))
    return c


def luxe_haute_couture_4(w: int, h: int, rng: random.Random) -> Canvas:
    """An augmented shop window at night: mannequins, glowing floating flowers."""
    c = Canvas(w, h, [(0.0, (20, 16, 14)), (1.0, (40, 30, 24))])
    c.rect(0, h * 0.04, w, h * 0.1, (60, 46, 30, 255))
    for x in (0.06, 0.94):
        c.rect(w * x - w * 0.03, 0, w * x + w * 0.03, h, (70, 56, 40, 255))
    c.set_image(c.img)
    win = c.mask()
    win.rect(w * 0.09, h * 0.12, w * 0.91, h * 0.88, 255)
    c.paint_through(linear(c, [(0.0, (250, 220, 170)), (1.0, (200, 150, 90))]), win.img)
    for x, col in ((0.32, (120, 40, 30)), (0.68, (30, 30, 40))):
        look = Look(
            "gown" if x < 0.5 else "coat",
            mat_lit(col),
            "v",
            ("down", "hip"),
            hair="none",
            skin=(240, 236, 228),
            face=False,
            folds=False,
        )
        figure(c, rng, look, w * x, h * 0.2, h * 0.64)

    def flowers(layer: Canvas) -> None:
        for _ in range(14):
            x, y, r = rng.uniform(0.12, 0.88) * w, rng.uniform(0.15, 0.8) * h, w * rng.uniform(0.03, 0.06)
            for i in range(4):
                a = math.pi / 4 + i * math.pi / 2
                layer.ellipse(
                    x + r * 0.6 * math.cos(a), y + r * 0.6 * math.sin(a), r * 0.45, r * 0.45, (255, 240, 200, 200)
                )
            layer.ellipse(x, y, r * 0.25, r * 0.25, (255, 200, 120, 255))

    c.light(flowers, w * 0.015, 0.5)
    c.light(flowers, 0, 1.0)
    c.rect(w * 0.09, h * 0.88, w * 0.91, h * 0.9, (90, 70, 50, 255))
    c.rect(0, h * 0.9, w, h, (16, 12, 12, 255))
    c.polygon([(w * 0.1, h * 0.9), (w * 0.9, h * 0.9), (w, h), (0, h)], (60, 44, 30, 120))
    return c


def luxe_haute_couture_5(w: int, h: int, rng: random.Random) -> Canvas:
    """An augmented in-store mirror: trench coat reflection, AR overlay, beige check wall."""
    c = Canvas(w, h, [(0.0, (226, 208, 176)), (1.0, (200, 180, 146))])
    for i in range(0, 12):
        c.rect(w * i / 6 - 2, 0, w * i / 6 + 2, h, (120, 30, 30, 120))
        c.rect(w * i / 6 + w * 0.04, 0, w * i / 6 + w * 0.045, h, (30, 30, 30, 90))
        c.rect(0, h * i / 8, w, h * i / 8 + 4, (120, 30, 30, 120))
        c.rect(0, h * i / 8 + h * 0.03, w, h * i / 8 + h * 0.03 + 2, (30, 30, 30, 90))
    mx0, my0, mx1, my1 = w * 0.18, h * 0.06, w * 0.82, h * 0.94
    rrect(c, mx0 - 14, my0 - 14, mx1 + 14, my1 + 14, 30, (40, 34, 30, 255))
    g = c.mask()
    rrect(g, mx0, my0, mx1, my1, 20, 255)
    c.paint_through(linear(c, [(0.0, (180, 200, 210)), (1.0, (110, 130, 140))], 70), g.img)
    look = Look(
        "coat",
        mat_lit((196, 160, 110)),
        "high",
        ("down", "hip"),
        sleeves=True,
        walk=False,
        hair="bob",
        skin=SKINS[1],
        extras=("belt",),
        accent=(120, 90, 60),
    )
    figure(c, rng, look, w * 0.5, h * 0.14, h * 0.74)
    for k in range(3):  # AR overlay
        c.ring(w * 0.5, h * 0.3, w * (0.12 + k * 0.03), (255, 255, 255, 160 - k * 40), 3)
    rrect(c, mx0 + w * 0.04, my1 - h * 0.14, mx0 + w * 0.3, my1 - h * 0.04, 14, (255, 255, 255, 200))
    for k, col in enumerate([(196, 160, 110), (30, 30, 30), (120, 30, 30)]):
        c.ellipse(mx0 + w * (0.08 + k * 0.08), my1 - h * 0.09, w * 0.03, w * 0.03, rgba(col))
    c.polygon(
        [(mx1 - w * 0.25, my0), (mx1 - w * 0.15, my0), (mx1 - w * 0.35, my1), (mx1 - w * 0.45, my1)],
        (255, 255, 255, 40),
    )
    return c


def luxe_haute_couture_6(w: int, h: int, rng: random.Random) -> Canvas:
    """A mock luxury ad: a faceted perfume bottle on draped emerald silk, gold light."""
    c = Canvas(w, h, [(0.0, (4, 30, 24)), (0.6, (10, 60, 46)), (1.0, (2, 20, 16))])
    c.soft(lambda layer: layer.ellipse(w * 0.5, h * 0.4, w * 0.45, h * 0.3, rgba(GOLD_LIGHT, 90)), w * 0.15)

    def silk(layer: Canvas) -> None:
        for i in range(7):
            y = h * (0.68 + i * 0.05)
            pts = bezier((-20, y), (w * 0.3, y - h * 0.08), (w * 0.6, y + h * 0.1), (w + 20, y - h * 0.03), 30)
            layer.polygon(
                [*pts, (w + 20, h + 20), (-20, h + 20)], rgba(shade((20, 110, 80), 0.25 if i % 2 else -0.25), 160)
            )

    c.soft(silk, w * 0.01, 0.5)
    perfume_bottle(c, w * 0.5, h * 0.74, w * 0.36, h * 0.32, (230, 240, 236), (120, 200, 160), GOLD, "square")
    for i in range(5):
        c.line([(w * (0.36 + i * 0.06), h * 0.47), (w * (0.37 + i * 0.06), h * 0.72)], (255, 255, 255, 50), 6)
    bokeh(c, rng, [GOLD_LIGHT], 30, w * 0.01, w * 0.03, (0, 0, w, h * 0.6))
    return c


def inside_cover_ad(w: int, h: int, rng: random.Random) -> Canvas:
    """A mock ad, Miami: sunset, art deco facade, palms, oversized sunglasses reflecting the sun."""
    c = Canvas(w, h, [(0.0, (40, 200, 210)), (0.45, (255, 150, 180)), (0.7, (255, 190, 130)), (1.0, (250, 120, 110))])
    bg_sun(c, w * 0.5, h * 0.55, w * 0.2, (255, 230, 170), (255, 200, 150))
    c.rect(w * 0.15, h * 0.5, w * 0.85, h, (250, 236, 226, 255))  # deco facade
    for k in range(4):
        c.rect(w * 0.15, h * (0.56 + k * 0.08), w * 0.85, h * (0.56 + k * 0.08) + 12, (60, 200, 200, 255))
    c.rect(w * 0.46, h * 0.42, w * 0.54, h * 0.5, (250, 236, 226, 255))
    c.polygon([(w * 0.42, h * 0.5), (w * 0.5, h * 0.38), (w * 0.58, h * 0.5)], (255, 150, 180, 255))
    for x, ht, lean in ((0.08, 0.55, 0.08), (0.92, 0.6, -0.1), (0.2, 0.4, 0.12), (0.8, 0.42, -0.05)):
        palm(c, w * x, h, h * ht, (30, 40, 60, 255), lean)
    gx, gy, gs = w * 0.5, h * 0.8, w * 0.2  # sunglasses
    c.soft(lambda layer: layer.ellipse(gx, gy + gs * 0.5, gs * 2.2, gs * 0.3, (0, 0, 0, 90)), gs * 0.15, 0.5)
    for side in (-1, 1):
        lens = c.mask()
        rrect(
            lens,
            gx + side * gs * 1.05 - gs * 0.9,
            gy - gs * 0.55,
            gx + side * gs * 1.05 + gs * 0.9,
            gy + gs * 0.55,
            gs * 0.4,
            255,
        )
        c.paint_through(
            linear(
                c,
                [(0.0, (255, 120, 150)), (0.5, (120, 40, 90)), (1.0, (20, 10, 30))],
                90,
                (0, gy - gs * 0.6, w, gy + gs * 0.6),
            ),
            lens.img,
        )
        c.ellipse(gx + side * gs * 1.05 - gs * 0.3, gy - gs * 0.2, gs * 0.25, gs * 0.1, (255, 255, 255, 120))
    c.line([(gx - gs * 0.2, gy - gs * 0.3), (gx, gy - gs * 0.4), (gx + gs * 0.2, gy - gs * 0.3)], rgba(GOLD), gs * 0.08)
    return c


def back_cover(w: int, h: int, rng: random.Random) -> Canvas:
    """The 'e-couteurs' ad: two glossy earbuds floating in sound waves."""
    c = Canvas(w, h, [(0.0, (250, 110, 100)), (0.5, IALS_RED), (1.0, (150, 20, 40))])
    for k in range(12):
        c.ring(w * 0.5, h * 0.55, w * (0.12 + k * 0.07), (255, 255, 255, 90 - k * 6), 4)
    for x, y, a in ((0.38, 0.52, -0.5), (0.63, 0.6, 0.4)):
        bx, by, s = w * x, h * y, w * 0.13
        c.soft(
            lambda layer, bx=bx, by=by, s=s: layer.ellipse(
                bx + s * 0.3, by + s * 0.5, s * 0.9, s * 0.7, (80, 0, 10, 110)
            ),
            s * 0.25,
            0.25,
        )
        bud = c.mask()
        bud.ellipse(bx, by, s * 0.7, s * 0.62, 255)
        stem = [(bx + s * 0.2, by + s * 0.2), (bx + s * 0.1 + s * math.sin(a) * 1.4, by + s * 1.6)]
        bud.line(stem, 255, s * 0.34)
        bud.ellipse(stem[1][0], stem[1][1], s * 0.17, s * 0.17, 255)
        c.paint_through(
            radial(
                c, bx - s * 0.3, by - s * 0.3, s * 2.2, [(0.0, WHITE), (0.5, (236, 236, 240)), (1.0, (150, 150, 165))]
            ),
            bud.img,
        )
        c.ellipse(bx - s * 0.5, by, s * 0.28, s * 0.3, (40, 40, 46, 255))  # ear tip
        c.ellipse(bx - s * 0.55, by - s * 0.05, s * 0.1, s * 0.1, (90, 90, 100, 255))
        c.ellipse(bx + s * 0.05, by - s * 0.3, s * 0.2, s * 0.08, (255, 255, 255, 200))
    return c


# -- videos ----------------------------------------------------------------------------------
def night_city(c: Canvas, rng: random.Random, street_y: float) -> None:
    w, h = c.w, c.h
    bokeh(c, rng, [(255, 255, 255)], 70, 1.2, 3.2, (0, 0, w, street_y * 0.5))
    city_skyline(c, rng, street_y, (16, 20, 40), (255, 200, 120), 0.12, 0.2, 0.42)
    city_skyline(c, rng, street_y, (8, 10, 22), (255, 220, 160), 0.18, 0.08, 0.24)
    c.rect(0, street_y, w, h, (10, 10, 20, 255))
    reflect = c.img.crop((0, round((2 * street_y - h) * c.k), c.img.size[0], round(street_y * c.k)))
    reflect = reflect.transpose(Image.Transpose.FLIP_TOP_BOTTOM).filter(ImageFilter.GaussianBlur(6 * c.k))
    c.set_image(c.img)
    c.img.paste(Image.blend(Image.new("RGB", reflect.size, (10, 10, 20)), reflect, 0.45), (0, round(street_y * c.k)))
    c.set_image(c.img)


def videos_opener(w: int, h: int, rng: random.Random) -> Canvas:
    c = Canvas(w, h, [(0.0, (4, 6, 20)), (0.6, (30, 20, 60)), (1.0, (60, 30, 70))])
    c.soft(lambda layer: layer.ellipse(w * 0.75, h * 0.12, w * 0.07, w * 0.07, (240, 240, 255, 255)), w * 0.02)
    night_city(c, rng, h * 0.66)

    def neon(layer: Canvas) -> None:
        layer.rect(w * 0.12, h * 0.42, w * 0.3, h * 0.45, (255, 40, 140, 255))
        layer.rect(w * 0.66, h * 0.36, w * 0.7, h * 0.5, (0, 220, 255, 255))
        for k in range(4):  # light trails on the street
            y = h * (0.72 + k * 0.05)
            layer.line(
                bezier((-20, y), (w * 0.4, y - h * 0.02), (w * 0.6, y + h * 0.02), (w + 20, y - h * 0.01), 30),
                rgba((255, 60, 60) if k % 2 else (255, 220, 160), 255),
                4 + k * 2,
            )

    c.light(neon, w * 0.015, 0.5)
    c.light(neon, 0, 1.0)
    walking_figure(c, w * 0.5, h * 0.6, h * 0.2, (4, 4, 10, 255))
    for y in (0, h - h * 0.035):  # film perforations (none under the STAND-IN mark)
        c.rect(0, y, w, y + h * 0.035, (0, 0, 0, 255))
        for i in range(22 if y == 0 else 18):
            rrect(
                c, i * w / 22 + w * 0.012, y + h * 0.008, i * w / 22 + w * 0.032, y + h * 0.026, 3, (210, 210, 220, 255)
            )
    return c


def night_watch_1(w: int, h: int, rng: random.Random) -> Canvas:
    """A watchman on a rooftop at night, a moon, fog, a lantern."""
    c = Canvas(w, h, [(0.0, (6, 20, 30)), (0.6, (20, 50, 60)), (1.0, (6, 10, 14))])
    bg_sun(c, w * 0.62, h * 0.26, w * 0.16, (236, 240, 220), (120, 170, 170))
    city_skyline(c, rng, h * 0.8, (10, 24, 30), (255, 170, 80), 0.2, 0.15, 0.4)
    c.soft(lambda layer: layer.rect(-20, h * 0.62, w + 20, h * 0.8, (120, 160, 160, 90)), h * 0.04)
    c.rect(0, h * 0.8, w, h, (4, 8, 10, 255))
    c.polygon([(w * 0.1, h * 0.8), (w * 0.9, h * 0.8), (w * 0.8, h * 0.76), (w * 0.2, h * 0.76)], (8, 14, 16, 255))
    walking_figure(c, w * 0.42, h * 0.42, h * 0.36, (4, 6, 8, 255))
    lx, ly = w * 0.42 + h * 0.36 / 8 * 1.5, h * 0.42 + h * 0.36 / 8 * 4.4
    c.light(lambda layer: layer.ellipse(lx, ly, w * 0.05, w * 0.05, (255, 170, 60, 255)), w * 0.04)
    c.ellipse(lx, ly, w * 0.012, w * 0.016, (255, 230, 170, 255))
    vignette(c, 170)
    return c


def night_watch_2(w: int, h: int, rng: random.Random) -> Canvas:
    """A face in the dark, half lit by a red and blue light, rain."""
    c = Canvas(w, h, [(0.0, (2, 4, 10)), (1.0, (6, 6, 14))])
    c.soft(lambda layer: layer.ellipse(-w * 0.1, h * 0.4, w * 0.5, h * 0.4, (230, 30, 60, 180)), w * 0.2)
    c.soft(lambda layer: layer.ellipse(w * 1.1, h * 0.5, w * 0.5, h * 0.4, (30, 90, 255, 180)), w * 0.2)
    face = Canvas.blank(w, h, c.k, "L")
    profile_head(face, w * 0.55, h * 0.45, h * 0.4, 255)
    rim = ImageChops.subtract(face.img, ImageChops.offset(face.img, round(w * 0.012 * c.k), 0))
    c.fill_mask(face.img, (6, 6, 12))
    c.fill_mask(rim.filter(ImageFilter.GaussianBlur(2 * c.k)), (255, 70, 90))
    c.ellipse(w * 0.4, h * 0.41, w * 0.012, w * 0.006, (200, 220, 255, 255))  # a glint in the eye

    def rain(layer: Canvas) -> None:
        for _ in range(160):
            x, y = rng.uniform(0, w), rng.uniform(0, h)
            ln = rng.uniform(0.02, 0.06) * h
            layer.line([(x, y), (x - ln * 0.15, y + ln)], (200, 210, 255, 70), 2)

    c.soft(rain, 1, 0.5)
    vignette(c, 140)
    return c


def night_watch_selection(w: int, h: int, rng: random.Random) -> Canvas:
    c = Canvas(w, h, [(0.0, (8, 14, 26)), (1.0, (2, 4, 10))])
    bg_sun(c, w * 0.8, h * 0.25, h * 0.1, (230, 236, 220), (100, 140, 160))
    city_skyline(c, rng, h, (12, 20, 30), (255, 170, 80), 0.15, 0.2, 0.5)
    c.soft(lambda layer: layer.rect(0, 0, w, h, (0, 0, 0, 120)), 0, 0.25)
    for i in range(3):
        x = w * (0.2 + 0.3 * i)
        laurel(c, x, h * 0.5, h * 0.17, rgba(GOLD_LIGHT))
        c.text(x, h * 0.46, "SÉLECTION", h * 0.032, rgba(GOLD_LIGHT), "sans-bold", "mm")
        c.text(x, h * 0.51, "OFFICIELLE", h * 0.032, rgba(GOLD_LIGHT), "sans-bold", "mm")
        c.text(x, h * 0.56, "2024", h * 0.026, rgba(GOLD_LIGHT), "sans", "mm")
    return c


def la_ref_linkedin(w: int, h: int, rng: random.Random) -> Canvas:
    """Capture of a social-network video post: a card with avatar, text lines, a video frame."""
    c = Canvas(w, h, [(0.0, (238, 236, 232)), (1.0, (228, 226, 222))])
    x0, x1 = w * 0.18, w * 0.82
    rrect(c, x0, h * 0.04, x1, h * 0.98, 16, (255, 255, 255, 255), (210, 210, 210, 255), 2)
    c.ellipse(x0 + w * 0.05, h * 0.12, h * 0.05, h * 0.05, (240, 140, 40, 255))
    c.rect(x0 + w * 0.1, h * 0.09, x0 + w * 0.3, h * 0.11, (60, 60, 60, 255))
    c.rect(x0 + w * 0.1, h * 0.13, x0 + w * 0.24, h * 0.145, (160, 160, 160, 255))
    for k in range(2):
        c.rect(
            x0 + w * 0.03,
            h * (0.2 + k * 0.035),
            x1 - w * (0.05 + 0.15 * k),
            h * (0.215 + k * 0.035),
            (100, 100, 100, 255),
        )
    vx0, vy0, vx1, vy1 = x0, h * 0.3, x1, h * 0.85
    frame = Canvas(round(vx1 - vx0), round(vy1 - vy0), [(0.0, (250, 220, 120)), (1.0, (240, 150, 60))], c.k)
    fw, fh = frame.w, frame.h
    bust(frame, fw * 0.5, fh * 0.42, fh * 0.28, (60, 30, 20, 255))
    frame.ellipse(fw * 0.5, fh * 0.3, fh * 0.16, fh * 0.1, (60, 30, 20, 255))
    for side in (-1, 1):  # laughing eyes and a big smile
        frame.arc(fw * 0.5 + side * fh * 0.06, fh * 0.42, fh * 0.03, 200, 340, (250, 220, 120, 255), 5)
    frame.ellipse(fw * 0.5, fh * 0.53, fh * 0.07, fh * 0.05, (250, 220, 120, 255))
    frame.ellipse(fw * 0.5, fh * 0.5, fh * 0.08, fh * 0.035, (60, 30, 20, 255))
    c.img.paste(frame.img, (round(vx0 * c.k), round(vy0 * c.k)))
    c.ellipse((vx0 + vx1) / 2, (vy0 + vy1) / 2, h * 0.07, h * 0.07, (0, 0, 0, 140))
    cx, cy, r = (vx0 + vx1) / 2, (vy0 + vy1) / 2, h * 0.035
    c.polygon([(cx - r * 0.6, cy - r), (cx + r, cy), (cx - r * 0.6, cy + r)], (255, 255, 255, 255))
    for i, col in enumerate([(40, 110, 220), (220, 60, 60), (60, 170, 90)]):
        c.ellipse(x0 + w * 0.04 + i * h * 0.025, h * 0.9, h * 0.018, h * 0.018, rgba(col))
    c.rect(x0 + w * 0.12, h * 0.895, x0 + w * 0.2, h * 0.905, (150, 150, 150, 255))
    return c


# -- business -----------------------------------------------------------------------------------
def app_window(c: Canvas, title: str) -> tuple[float, float, float, float]:
    """A dark creative-app window; returns the image area."""
    w, h = c.w, c.h
    c.rect(0, 0, w, h * 0.07, (40, 40, 46, 255))
    for i, col in enumerate([(255, 95, 86), (255, 189, 46), (39, 201, 63)]):
        c.ellipse(w * 0.025 + i * w * 0.025, h * 0.035, h * 0.012, h * 0.012, rgba(col))
    c.text(w * 0.5, h * 0.035, title, h * 0.03, (220, 220, 230, 255), "sans-bold", "mm")
    c.rect(0, h * 0.07, w * 0.08, h, (30, 30, 36, 255))
    for k in range(7):
        rrect(
            c,
            w * 0.02,
            h * (0.11 + k * 0.09),
            w * 0.06,
            h * (0.11 + k * 0.09) + w * 0.04,
            8,
            (70, 70, 80, 255) if k else (232, 65, 63, 255),
        )
    c.rect(w * 0.78, h * 0.07, w, h, (30, 30, 36, 255))
    for k in range(6):
        y = h * (0.14 + k * 0.1)
        c.rect(w * 0.8, y, w * 0.97, y + h * 0.012, (90, 90, 100, 255))
        c.rect(w * 0.8, y + h * 0.035, w * 0.97, y + h * 0.043, (60, 60, 70, 255))
        kx = w * (0.82 + 0.13 * ((k * 37) % 10) / 10)
        c.ellipse(kx, y + h * 0.039, h * 0.012, h * 0.012, (232, 65, 63, 255))
    return w * 0.1, h * 0.1, w * 0.76, h * 0.95


def product_scene(c: Canvas, x0: float, y0: float, x1: float, y1: float, variant: int) -> None:
    sub = Canvas(round(x1 - x0), round(y1 - y0), [(0.0, (250, 230, 210)), (1.0, (240, 190, 160))], c.k)
    sw, sh = sub.w, sub.h
    sub.ellipse(sw * 0.5, sh * 0.85, sw * 0.4, sh * 0.08, (200, 150, 120, 255))
    perfume_bottle(sub, sw * 0.35, sh * 0.82, sw * 0.18, sh * 0.45, (240, 240, 236), (232, 65, 63), INK, "square")
    if variant == 1:
        sub.ellipse(sw * 0.68, sh * 0.62, sw * 0.12, sw * 0.12, (120, 180, 90, 255))  # a regenerated object
        sub.ellipse(sw * 0.64, sh * 0.58, sw * 0.03, sw * 0.03, (255, 255, 255, 160))
    else:
        sub.rect(sw * 0.58, sh * 0.5, sw * 0.78, sh * 0.82, (90, 120, 200, 255))
    c.img.paste(sub.img, (round(x0 * c.k), round(y0 * c.k)))


def pimento_replace(w: int, h: int, rng: random.Random) -> Canvas:
    c = Canvas(w, h, [(0.0, (22, 22, 26)), (1.0, (22, 22, 26))])
    x0, y0, x1, y1 = app_window(c, "Replace")
    product_scene(c, x0, y0, x1, y1, 1)
    sx0, sy0, sx1, sy1 = x0 + (x1 - x0) * 0.52, y0 + (y1 - y0) * 0.35, x0 + (x1 - x0) * 0.85, y0 + (y1 - y0) * 0.8
    for i in range(24):  # dashed selection
        t0, t1 = i / 24, (i + 0.5) / 24
        for (ax, ay), (bx, by) in (
            ((sx0, sy0), (sx1, sy0)),
            ((sx1, sy0), (sx1, sy1)),
            ((sx1, sy1), (sx0, sy1)),
            ((sx0, sy1), (sx0, sy0)),
        ):
            c.line(
                [(ax + (bx - ax) * t0, ay + (by - ay) * t0), (ax + (bx - ax) * t1, ay + (by - ay) * t1)],
                (232, 65, 63, 255),
                4,
            )
    rrect(c, sx0, sy1 + 14, sx0 + w * 0.16, sy1 + 14 + h * 0.06, 10, (232, 65, 63, 255))
    c.text(sx0 + w * 0.08, sy1 + 14 + h * 0.03, "Replace", h * 0.028, (255, 255, 255, 255), "sans-bold", "mm")
    return c


def pimento_upscale(w: int, h: int, rng: random.Random) -> Canvas:
    c = Canvas(w, h, [(0.0, (22, 22, 26)), (1.0, (22, 22, 26))])
    x0, y0, x1, y1 = app_window(c, "Upscale")
    product_scene(c, x0, y0, x1, y1, 2)
    mid = (x0 + x1) / 2
    box = (round(x0 * c.k), round(y0 * c.k), round(mid * c.k), round(y1 * c.k))
    left = c.img.crop(box)
    small = left.resize((max(1, left.size[0] // 40), max(1, left.size[1] // 40)), Image.Resampling.BILINEAR)
    c.img.paste(small.resize(left.size, Image.Resampling.NEAREST), box[:2])
    c.rect(mid - 3, y0, mid + 3, y1, (255, 255, 255, 255))
    c.ellipse(mid, (y0 + y1) / 2, h * 0.03, h * 0.03, (255, 255, 255, 255))
    c.polygon(
        [
            (mid - h * 0.02, (y0 + y1) / 2),
            (mid - h * 0.008, (y0 + y1) / 2 - h * 0.01),
            (mid - h * 0.008, (y0 + y1) / 2 + h * 0.01),
        ],
        (40, 40, 46, 255),
    )
    c.polygon(
        [
            (mid + h * 0.02, (y0 + y1) / 2),
            (mid + h * 0.008, (y0 + y1) / 2 - h * 0.01),
            (mid + h * 0.008, (y0 + y1) / 2 + h * 0.01),
        ],
        (40, 40, 46, 255),
    )
    rrect(c, x1 - w * 0.1, y0 + h * 0.03, x1 - w * 0.02, y0 + h * 0.1, 10, (232, 65, 63, 255))
    c.text(x1 - w * 0.06, y0 + h * 0.065, "4K", h * 0.04, (255, 255, 255, 255), "display", "mm")
    return c


# -- culture: book covers ----------------------------------------------------------------------
def culture_hyperprompt(w: int, h: int, rng: random.Random) -> Canvas:
    c = Canvas(w, h, [(0.0, (14, 14, 20)), (1.0, (30, 20, 50))])
    for i in range(16):
        col = mix((0, 220, 255), (255, 60, 200), i / 15)
        c.line([(0, h * (0.5 + i * 0.03)), (w, h * (0.38 + i * 0.045))], rgba(col, 160), 3)
    c.text(w * 0.08, h * 0.14, "> _", w * 0.09, (0, 230, 200, 255), "sans-bold")
    c.text(w * 0.06, h * 0.3, "HYPER", w * 0.22, (255, 255, 255, 255), "display")
    c.text(w * 0.06, h * 0.45, "PROMPT", w * 0.2, (255, 255, 255, 255), "display")
    rrect(c, w * 0.08, h * 0.84, w * 0.2, h * 0.86, 4, (0, 230, 200, 255))
    c.text(w * 0.08, h * 0.9, "Nullius in Verba", w * 0.045, (230, 230, 240, 255), "garamond-italic")
    return c


def culture_luxe(w: int, h: int, rng: random.Random) -> Canvas:
    c = Canvas(w, h, [(0.0, (250, 246, 238)), (1.0, (236, 228, 214))])
    cx, cy = w * 0.5, h * 0.62
    for k in range(6):  # a faceted diamond in gold lines
        s = w * (0.12 + k * 0.04)
        c.line(
            [(cx, cy - s), (cx + s * 0.8, cy - s * 0.3), (cx, cy + s), (cx - s * 0.8, cy - s * 0.3), (cx, cy - s)],
            rgba(GOLD, 220 - k * 30),
            4,
        )
    c.polygon(
        [(cx, cy - w * 0.12), (cx + w * 0.096, cy - w * 0.036), (cx, cy + w * 0.12), (cx - w * 0.096, cy - w * 0.036)],
        rgba(GOLD),
    )
    c.text(w * 0.5, h * 0.1, "LUXE &", w * 0.13, (30, 26, 24, 255), "display", "mt")
    c.text(w * 0.5, h * 0.2, "INTELLIGENCE", w * 0.095, (30, 26, 24, 255), "display", "mt")
    c.text(w * 0.5, h * 0.27, "ARTIFICIELLE", w * 0.095, (30, 26, 24, 255), "display", "mt")
    c.text(
        w * 0.5, h * 0.37, "Opportunités et révolution des usages", w * 0.042, rgba(GOLD_DARK), "garamond-italic", "mt"
    )
    c.rect(0, h * 0.9, w, h, (30, 26, 24, 255))
    c.text(w * 0.5, h * 0.95, "DUNOD", w * 0.05, (250, 246, 238, 255), "sans-bold", "mm", w * 0.01)
    return c


# -- front and back matter --------------------------------------------------------------------
def magazine_cover(
    w: int, h: int, rng: random.Random, label: str, art: Callable[[Canvas], None], stops: Stops, masthead: RGB
) -> Canvas:
    """A past (or coming) IALS cover: the art, the masthead, the date label on a dark strip."""
    c = Canvas(w, h, stops)
    art(c)
    c.text(w * 0.5, h * 0.025, "IALS", w * 0.3, rgba(masthead), "display", "mt")
    c.soft(lambda layer: layer.rect(0, h * 0.905, w, h, (0, 0, 0, 110)), 0, 0.5)
    c.text(w * 0.06, h * 0.95, label.upper(), w * 0.045, (255, 255, 255, 240), "sans-bold", "lm", w * 0.006)
    return c


def past_issue_2024_01(w: int, h: int, rng: random.Random) -> Canvas:
    def art(c: Canvas) -> None:
        sp = Sitter(
            [(0.0, (200, 230, 250)), (1.0, (60, 110, 170))],
            (20, 40, 80),
            (255, 255, 255),
            "bob",
            None,
            False,
            "turtleneck",
            (240, 240, 250),
            "none",
            glow=(255, 255, 255),
        )
        sub = sitter(c.w, c.h, rng, sp)
        bokeh(sub, rng, [(255, 255, 255)], 60, 3, 9)
        c.set_image(sub.img)

    return magazine_cover(w, h, rng, "Janvier 2024", art, [(0, (0, 0, 0))], IALS_RED)


def past_issue_2024_05(w: int, h: int, rng: random.Random) -> Canvas:
    def art(c: Canvas) -> None:
        c.set_image(linear(c, [(0.0, (250, 210, 220)), (1.0, (120, 200, 150))]))
        leaves(c, rng, [(60, 150, 90), (240, 120, 150), (250, 200, 80)], 30, c.w * 0.25)
        look = Look(
            "gown", mat_lit((240, 90, 130)), "v", ("hip", "down"), hair="long", skin=SKINS[2], extras=("drops",)
        )
        figure(c, rng, look, c.w * 0.5, c.h * 0.22, c.h * 1.4)

    return magazine_cover(w, h, rng, "Mai 2024", art, [(0, (0, 0, 0))], WHITE)


def next_issue_2024_10(w: int, h: int, rng: random.Random) -> Canvas:
    def art(c: Canvas) -> None:
        c.set_image(linear(c, [(0.0, (250, 150, 60)), (1.0, (120, 40, 30))]))
        leaves(c, rng, [(200, 90, 30), (240, 170, 60), (150, 50, 30)], 26, c.w * 0.2)
        c.soft(
            lambda layer: layer.ellipse(c.w * 0.5, c.h * 0.55, c.w * 0.3, c.w * 0.3, (255, 255, 255, 120)), c.w * 0.05
        )
        c.text(c.w * 0.5, c.h * 0.55, "?", c.w * 0.4, (255, 255, 255, 230), "display", "mm")

    return magazine_cover(w, h, rng, "Octobre 2024", art, [(0, (0, 0, 0))], INK)


def next_issue_2025_01(w: int, h: int, rng: random.Random) -> Canvas:
    def art(c: Canvas) -> None:
        c.set_image(linear(c, [(0.0, (20, 20, 40)), (1.0, (60, 20, 80))]))
        for k in range(9):
            c.ring(c.w * 0.5, c.h * 0.58, c.w * (0.06 + k * 0.05), (255, 255, 255, 140 - k * 12), 3)
        c.polygon(star(c.w * 0.5, c.h * 0.58, c.w * 0.12, 0.4, 8), rgba(GOLD_LIGHT))
        bokeh(c, rng, [(255, 255, 255), GOLD_LIGHT], 80, 1.5, 5)
        c.text(c.w * 0.5, c.h * 0.82, "2025", c.w * 0.16, rgba(GOLD_LIGHT), "display", "mm")

    return magazine_cover(w, h, rng, "Janvier 2025", art, [(0, (0, 0, 0))], IALS_RED)


def cover(w: int, h: int, rng: random.Random) -> Canvas:
    """The cover: a striking, glossy AI-style portrait; the top quarter stays calm for the masthead."""
    c = Canvas(w, h, [(0.0, (246, 238, 230)), (0.26, (240, 222, 214)), (0.55, (150, 60, 80)), (1.0, (30, 8, 24))])
    cx, hy, s = w * 0.5, h * 0.55, w * 0.4
    c.soft(lambda layer: layer.ellipse(cx, hy - s * 0.1, s * 1.25, s * 1.25, rgba(IALS_RED, 200)), s * 0.25)
    c.ellipse(cx, hy - s * 0.1, s * 1.05, s * 1.05, rgba(IALS_RED))
    c.light(lambda layer: layer.ring(cx, hy - s * 0.1, s * 1.12, (255, 170, 150, 255), 5), s * 0.04, 0.5)
    hair = c.mask()
    hair.polygon(blob(cx, hy + s * 0.3, s * 0.95, rng, 0.05, s * 1.2), 255)
    hair_mat = linear(
        c, [(0.0, (70, 24, 34)), (0.5, (24, 8, 14)), (1.0, (8, 2, 6))], 60, (cx - s, hy - s, cx + s, hy + s)
    )
    c.paint_through(hair_mat, hair.img)
    skin = c.mask()
    bust(skin, cx, hy, s, 255, bottom=h)
    c.paint_through(
        radial(
            c,
            cx - s * 0.25,
            hy - s * 0.3,
            s * 2.2,
            [(0.0, (255, 232, 216)), (0.35, (238, 180, 152)), (0.75, (174, 100, 86)), (1.0, (100, 46, 50))],
        ),
        skin.img,
    )
    top = c.mask()  # an iridescent, chrome-like collar
    sh = hy + s * 1.2
    top.polygon(
        [
            (cx - s * 1.6, h),
            (cx - s * 1.45, sh + s * 0.35),
            (cx - s * 0.5, sh),
            (cx, sh + s * 0.45),
            (cx + s * 0.5, sh),
            (cx + s * 1.45, sh + s * 0.35),
            (cx + s * 1.6, h),
        ],
        255,
    )
    irid = mat_bands([(60, 20, 80), (240, 120, 160), (255, 240, 250), (80, 200, 220), (150, 40, 120)], 70, 3)
    c.paint_through(irid(c, (0, sh, w, h)), top.img)
    front = c.mask()
    front.polygon(blob(cx + s * 0.05, hy - s * 0.38, s * 0.6, rng, 0.04, s * 0.4), 255)
    front.ellipse(cx + s * 0.06, hy + s * 0.08, s * 0.45, s * 0.5, 0)
    c.paint_through(hair_mat, front.img)
    for k in range(3):  # a golden circlet with circuit-like branches
        c.arc(cx, hy + s * 0.25, s * (0.66 + k * 0.04), 218, 322, rgba(GOLD_LIGHT if k == 1 else GOLD), s * 0.012)
    for i in range(7):
        a = math.radians(222 + i * 16)
        x0, y0 = cx + s * 0.7 * math.cos(a), hy + s * 0.25 + s * 0.7 * math.sin(a)
        x1, y1 = cx + s * 0.82 * math.cos(a), hy + s * 0.25 + s * 0.82 * math.sin(a)
        c.line([(x0, y0), (x1, y1), (x1 + s * 0.04 * (1 if i % 2 else -1), y1 - s * 0.03)], rgba(GOLD), s * 0.01)
        c.ellipse(x1 + s * 0.04 * (1 if i % 2 else -1), y1 - s * 0.03, s * 0.016, s * 0.016, rgba(GOLD_LIGHT))
    c.ellipse(cx, hy - s * 0.42, s * 0.05, s * 0.06, (40, 200, 220, 255))
    for side in (-1, 1):
        ex, ey = cx + side * s * 0.19, hy + s * 0.02
        c.polygon(
            [
                (ex - s * 0.11, ey),
                (ex, ey - s * 0.05),
                (ex + s * 0.11, ey),
                (ex + side * s * 0.16, ey - s * 0.05),
                (ex, ey + s * 0.045),
            ],
            (20, 8, 12, 255),
        )  # winged liner
        c.ellipse(ex, ey, s * 0.095, s * 0.04, (250, 246, 240, 255))
        c.ellipse(ex, ey, s * 0.038, s * 0.038, (30, 150, 160, 255))
        c.ellipse(ex, ey, s * 0.017, s * 0.017, (6, 10, 14, 255))
        c.ellipse(ex - s * 0.012, ey - s * 0.012, s * 0.008, s * 0.008, (255, 255, 255, 255))
        c.arc(ex, ey - s * 0.1, s * 0.12, 210, 330, (40, 16, 20, 255), s * 0.022)
        c.ellipse(cx + side * s * 0.5, hy + s * 0.38, s * 0.04, s * 0.14, rgba(GOLD_LIGHT))  # earrings
    c.ellipse(cx, hy + s * 0.385, s * 0.12, s * 0.045, (196, 20, 44, 255))
    c.ellipse(cx - s * 0.03, hy + s * 0.37, s * 0.05, s * 0.012, (255, 200, 200, 230))

    def sheen(layer: Canvas) -> None:
        layer.ellipse(cx - s * 0.2, hy - s * 0.26, s * 0.16, s * 0.07, (255, 255, 255, 150))
        layer.ellipse(cx, hy + s * 0.14, s * 0.03, s * 0.09, (255, 255, 255, 120))
        layer.ellipse(cx + s * 0.3, hy + s * 0.22, s * 0.05, s * 0.08, (255, 255, 255, 80))
        layer.ellipse(cx + s * 0.2, sh + s * 0.3, s * 0.3, s * 0.08, (255, 255, 255, 90))

    c.soft(sheen, s * 0.04, 0.5)
    return c


def contents_visual(w: int, h: int, rng: random.Random) -> Canvas:
    """Abstract: the magazine's red and ink, circles, bars and arcs."""
    c = Canvas(w, h, [(0.0, (244, 240, 234)), (1.0, (236, 230, 222))])
    red, ink = rgba(IALS_RED), rgba(INK)
    c.ellipse(w * 0.62, h * 0.36, w * 0.34, w * 0.34, red)
    c.rect(w * 0.08, h * 0.08, w * 0.2, h * 0.72, ink)
    c.arc(w * 0.62, h * 0.36, w * 0.44, 200, 340, ink, w * 0.025)
    c.ellipse(w * 0.3, h * 0.74, w * 0.16, w * 0.16, ink)
    c.polygon([(w * 0.45, h * 0.95), (w * 0.95, h * 0.6), (w * 0.95, h * 0.95)], red)
    for k in range(9):
        c.line([(w * 0.55, h * (0.72 + k * 0.025)), (w * 0.9, h * (0.72 + k * 0.025))], ink, 6)
    c.ring(w * 0.3, h * 0.74, w * 0.22, red, w * 0.012)
    c.ellipse(w * 0.85, h * 0.12, w * 0.04, w * 0.04, red)
    for i in range(6):
        c.ellipse(w * (0.08 + i * 0.035), h * 0.9, w * 0.01, w * 0.01, ink)
    return c


def mode_intro(w: int, h: int, rng: random.Random) -> Canvas:
    """A mood board: pinned fashion pictures, fabric swatches for the five themes, colour chips, a sketch."""
    c = Canvas(w, h, [(0.0, (232, 226, 216)), (1.0, (220, 212, 200))])
    looks = [
        (
            (0.05, 0.06, 0.45, 0.36),
            [(0, (226, 40, 52)), (1, (120, 10, 20))],
            Look("gown", mat_lit((240, 60, 70)), "strapless", ("hip", "down"), hair="bun", skin=SKINS[1]),
        ),
        (
            (0.52, 0.04, 0.94, 0.34),
            [(0, (30, 10, 60)), (1, (80, 20, 110))],
            Look(
                "ball",
                mat_bands(CHROME, 80, 3),
                "high",
                ("down", "down"),
                hair="sleek",
                skin=SKINS[3],
                extras=("crown",),
                accent=GOLD,
            ),
        ),
        (
            (0.08, 0.42, 0.4, 0.72),
            [(0, (236, 226, 206)), (1, (200, 180, 150))],
            Look("mermaid", mat_leopard(rng, (220, 166, 96), 6), "v", ("hip", "down"), hair="long", skin=SKINS[0]),
        ),
        (
            (0.58, 0.4, 0.92, 0.7),
            [(0, (40, 20, 14)), (1, (10, 6, 4))],
            Look(
                "column",
                mat_lit((20, 20, 20)),
                "v",
                ("down", "down"),
                hair="volume",
                skin=SKINS[2],
                outer="fur_coat",
                outer_material=mat_fur(rng, (30, 26, 26), 6),
                extras=("glasses", "chains"),
                accent=GOLD,
            ),
        ),
    ]
    for (x0, y0, x1, y1), stops, look in looks:
        X0, Y0, X1, Y1 = w * x0, h * y0, w * x1, h * y1
        c.soft(
            lambda layer, a=(X0, Y0, X1, Y1): layer.rect(a[0] + 10, a[1] + 16, a[2] + 10, a[3] + 16, (0, 0, 0, 90)),
            8,
            0.5,
        )
        c.rect(X0, Y0, X1, Y1, (252, 252, 250, 255))
        pic = Canvas(round(X1 - X0 - 24), round(Y1 - Y0 - 24), stops, c.k)
        figure(pic, rng, look, pic.w * 0.5, pic.h * 0.08, pic.h * 0.86)
        c.img.paste(pic.img, (round((X0 + 12) * c.k), round((Y0 + 12) * c.k)))
        c.ellipse((X0 + X1) / 2, Y0 + 8, 10, 10, (232, 65, 63, 255))  # pin
    swatches = [
        mat_lit((226, 40, 52)),
        mat_bands(CHROME, 80, 2),
        mat_leopard(rng, (220, 166, 96), 10),
        mat_fur(rng, (40, 34, 34), 10),
        mat_organic(rng, PEARL, GREENS[:3], 16),
    ]
    for i, mat in enumerate(swatches):  # fabric swatches, one per theme
        x0, y0 = w * (0.05 + i * 0.185), h * 0.78
        sw_ = c.mask()
        pts = [(x0, y0), (x0 + w * 0.16, y0 + 6), (x0 + w * 0.165, y0 + h * 0.12), (x0 + 4, y0 + h * 0.118)]
        sw_.polygon(pts, 255)
        c.soft(lambda layer, p=pts: layer.polygon([(x + 6, y + 10) for x, y in p], (0, 0, 0, 80)), 6, 0.5)
        c.paint_through(mat(c, (x0, y0, x0 + w * 0.17, y0 + h * 0.12)), sw_.img)
        c.polygon(
            [(x0 + w * 0.05, y0 - 12), (x0 + w * 0.11, y0 - 8), (x0 + w * 0.105, y0 + 14), (x0 + w * 0.045, y0 + 10)],
            (250, 246, 200, 180),
        )  # tape
    for i, col in enumerate([(226, 40, 52), (120, 80, 200), (214, 160, 92), (30, 26, 26), (120, 190, 140)]):
        c.rect(w * (0.42 + i * 0.04), h * 0.73, w * (0.45 + i * 0.04), h * 0.76, rgba(col))
    c.line(
        bezier((w * 0.05, h * 0.95), (w * 0.3, h * 0.92), (w * 0.6, h * 0.98), (w * 0.95, h * 0.94), 30),
        (60, 60, 70, 200),
        3,
    )
    return c


# -- the registry -----------------------------------------------------------------------------
Maker = Callable[[int, int, random.Random], Canvas]
SIZES: dict[str, tuple[int, int]] = {
    "full-page": (2551, 3579),  # A4 + 3 mm bleed at 300 ppi
    "portrait": (1275, 1700),
    "landscape": (1800, 1200),
    "square": (1500, 1500),
    "spread": (5031, 3579),  # two A4 pages side by side + 3 mm bleed around, at 300 ppi
}
QUALITY = {"full-page": 82, "spread": 82}  # JPEG quality; 85 for the other shapes
LIMIT = {"full-page": 1400 * 1024, "spread": 2800 * 1024}  # bytes per file; 900 KB for the other shapes
FULL_PAGE_AVERAGE = 800 * 1024
BUDGET = 55 * 1000 * 1000  # all the files of issue/images together

MODE_PAGES: list[Maker] = [
    mode_rouge_1,
    mode_rouge_2,
    mode_rouge_3,
    mode_rouge_4,
    mode_rouge_5,
    mode_rouge_6,
    mode_rouge_7,
    mode_monarchie_1,
    mode_monarchie_2,
    mode_monarchie_3,
    mode_monarchie_4,
    mode_monarchie_5,
    mode_monarchie_6,
    mode_monarchie_7,
    mode_leopard_1,
    mode_leopard_2,
    mode_leopard_3,
    mode_leopard_4,
    mode_leopard_5,
    mode_leopard_6,
    mode_mob_wife_1,
    mode_mob_wife_2,
    mode_mob_wife_3,
    mode_mob_wife_4,
    mode_mob_wife_5,
    mode_mob_wife_6,
    mode_mob_wife_7,
    mode_neo_organique_1,
    mode_neo_organique_2,
    mode_neo_organique_3,
]

# every issue stand-in, in page order: id -> (shape, maker)
ISSUE_VISUALS: dict[str, tuple[str, Maker]] = {
    "cover": ("full-page", cover),
    "inside-cover-ad": ("full-page", inside_cover_ad),
    "contents-visual": ("full-page", contents_visual),
    "mode-intro": ("full-page", mode_intro),
    **{f"mode-{make.__name__[5:].replace('_', '-')}": ("full-page", make) for make in MODE_PAGES},
    "mode-ia-news": ("portrait", mode_ia_news),
    "business-anne-kerdi-portrait": ("portrait", portrait_anne_kerdi),
    "business-lhc-portrait": ("portrait", portrait_lhc),
    "business-pimento-portrait": ("portrait", portrait_pimento),
    "pimento-replace": ("landscape", pimento_replace),
    "pimento-upscale": ("landscape", pimento_upscale),
    "luxe-pandore-opener": ("full-page", luxe_pandore_opener),
    "luxe-pandore-1": ("portrait", luxe_pandore_1),
    "luxe-pandore-2": ("portrait", luxe_pandore_2),
    "luxe-pandore-3": ("landscape", luxe_pandore_3),
    "luxe-leava-cohen-portrait": ("portrait", portrait_leava_cohen),
    "luxe-emmanuel-vivier-portrait": ("portrait", portrait_emmanuel_vivier),
    "luxe-emmanuel-vivier-1": ("landscape", luxe_emmanuel_vivier_1),
    "luxe-haute-couture-portrait": ("portrait", portrait_haute_couture),
    "luxe-haute-couture-1": ("landscape", luxe_haute_couture_1),
    "luxe-haute-couture-2": ("portrait", luxe_haute_couture_2),
    "luxe-haute-couture-3": ("portrait", luxe_haute_couture_3),
    "luxe-haute-couture-4": ("portrait", luxe_haute_couture_4),
    "luxe-haute-couture-5": ("portrait", luxe_haute_couture_5),
    "luxe-haute-couture-6": ("full-page", luxe_haute_couture_6),
    "musique-ouverture-fff": ("full-page", musique_ouverture_fff),
    "musique-fff-1": ("landscape", musique_fff_1),
    "musique-sinclair-portrait": ("portrait", portrait_sinclair),
    "musique-sinclair-hollywood": ("portrait", musique_sinclair_hollywood),
    "musique-sinclair-pochettes": ("square", musique_sinclair_pochettes),
    "musique-sinclair-boombass": ("portrait", musique_sinclair_boombass),
    "musique-sinclair-rois-casques": ("square", musique_sinclair_rois_casques),
    "musique-sinclair-multiples": ("landscape", musique_sinclair_multiples),
    "musique-sinclair-face-a-face": ("landscape", musique_sinclair_face_a_face),
    "musique-sinclair-ni-jeune-ni-vieux": ("landscape", musique_sinclair_ni_jeune),
    "musique-debeir-portrait": ("portrait", portrait_debeir),
    "musique-chervet-portrait": ("portrait", portrait_chervet),
    "musique-chervet-hypercreation": ("portrait", musique_chervet_hypercreation),
    "musique-wanert-1": ("full-page", musique_wanert_1),
    "videos-opener": ("full-page", videos_opener),
    "videos-tissier-portrait": ("portrait", portrait_tissier),
    "night-watch-1": ("full-page", night_watch_1),
    "night-watch-2": ("full-page", night_watch_2),
    "night-watch-selection": ("landscape", night_watch_selection),
    "videos-guerraz-portrait": ("portrait", portrait_guerraz),
    "la-ref-1": ("portrait", la_ref_1),
    "la-ref-linkedin": ("landscape", la_ref_linkedin),
    "culture-hyperprompt": ("portrait", culture_hyperprompt),
    "culture-luxe": ("portrait", culture_luxe),
    "past-issue-2024-01": ("portrait", past_issue_2024_01),
    "past-issue-2024-05": ("portrait", past_issue_2024_05),
    "next-issue-2024-10": ("portrait", next_issue_2024_10),
    "next-issue-2025-01": ("portrait", next_issue_2025_01),
    "back-cover": ("full-page", back_cover),
}


FULL_PAGE_KINDS = {"cover", "ad", "cover-credit", "visual", "back-cover", "portfolio"}
WIDE_AREAS = {"top-half", "bottom-half", "top-band"}


def placements() -> dict[str, str]:
    """How the manifest places each visual full-page: 'fill' (the whole page), 'fit' (page width)
    or 'spread' (across two facing pages).

    A stand-in must hold 300 ppi where it is placed, so its size follows the manifest.
    """
    manifest = yaml.safe_load((ROOT / "issue" / "ials-03.yaml").read_text(encoding="utf-8"))
    out: dict[str, str] = {}
    for section in manifest["sections"]:
        for v in section.get("images", []):
            place = v.get("place")
            area = place.get("area") if isinstance(place, dict) else None
            if isinstance(place, dict) and place.get("spread") and area == "full-page":
                out[v["id"]] = "spread"
            elif section["layout"] in FULL_PAGE_KINDS or area == "full-page":
                out[v["id"]] = v.get("fit", "fill")
            elif area in WIDE_AREAS:  # as wide as the page: drawn at the page's width
                out[v["id"]] = "fit"
    return out


PLACEMENTS = placements()


def size_for(name: str, shape: str) -> tuple[str, tuple[int, int]]:
    """The shape to draw and its pixel size, from the manifest's placement."""
    w, h = SIZES[shape]
    placed = PLACEMENTS.get(name)
    if placed == "spread":
        return "spread", SIZES["spread"]
    if placed == "fill" and shape != "full-page":
        return "full-page", SIZES["full-page"]
    if placed == "fit" and shape != "full-page":
        full_w = SIZES["full-page"][0]
        return "full-page", (full_w, round(full_w * h / w))
    return shape, (w, h)


def render_issue_visual(name: str) -> Image.Image:
    """Draw one stand-in (full-page art at half size, enlarged), at its final size, with the mark."""
    shape, make = ISSUE_VISUALS[name]
    shape, (w, h) = size_for(name, shape)
    dw, dh = ((w + 1) // 2, (h + 1) // 2) if shape in ("full-page", "spread") else (w, h)
    canvas = make(dw, dh, random.Random(name))
    img = enlarge(canvas.img.resize((dw, dh), Image.Resampling.LANCZOS), (w, h))
    stamp(img)
    return img


VISUALS: dict[str, Callable[[], Image.Image]] = {
    "hugo-vogue": make_vogue,
    "hugo-mala": make_mala,
    "hugo-fashion-week": make_fashion_week,
    "hugo-gucci": make_gucci,
    "hugo-easy": make_easy,
    "hugo-portrait": make_portrait,
    "martino-portrait": make_martino_portrait,
    "nathalie-portrait": make_nathalie_portrait,
    "news-band": make_news_band,
}

README = """\
# Visuals (stand-ins)

The JPEG files here are **generated stand-ins** for the visuals of IALS n°3: the cover and the back
matter, the "Tendance" pages (Hugo Barbera), the "Actu IA" pages (Martino Bettucci), the editorial
(Nathalie Dupuy), the fashion section (the five themes of "MODE — La relève !"), the business cases,
the Luxe, Musique and Vidéos dossiers, the Culture page, and the contributors' portraits. They are made
by `scripts/make_standins.py` (Pillow only, deterministic) so that the layout can be built and checked
before the real files are delivered. Each one has a small "STAND-IN" mark in a corner. They only
suggest what the real picture shows (see the `why` of each id in `issue/texts/*.visuals.yaml`); text
drawn in them (book titles, the "IALS" masthead of the past covers) uses the fonts in `ials_print/kit/fonts/`.

- License: CC0 1.0 (public domain dedication): they are generated by `scripts/make_standins.py`
  and contain no third-party material.
- Replace each one with the real visual under the same file name (image id).
- Format: RGB JPEG, optimized, embedded sRGB ICC profile. The first nine files: quality 88, each
  under 900 KB. The others: 300 ppi at their placed size (full-page = A4 + 3 mm bleed), quality 82
  for full-page and 85 otherwise, smooth art (no grain); all files together stay under 55 MB.

First set (Tendance, Actu IA, editorial):
{files}

The rest of the issue ({count} files):
{issue_files}

Regenerate with `python3 scripts/make_standins.py`.
"""


def srgb_icc() -> bytes:
    """sRGB ICC profile bytes with a fixed header date (LittleCMS stamps the current time)."""
    icc = bytearray(ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes())
    # ICC header bytes 24-35: creation dateTime (6 big-endian uint16). 2024-01-01 00:00:00.
    icc[24:36] = bytes.fromhex("07e800010001000000000000")
    return bytes(icc)


def save_jpeg(img: Image.Image, path: Path, icc: bytes) -> int:
    img.convert("RGB").save(path, "JPEG", quality=JPEG_QUALITY, optimize=True, icc_profile=icc, subsampling="4:2:0")
    size = path.stat().st_size
    if size >= MAX_BYTES:
        raise SystemExit(f"{path.name} is {size} bytes, over the {MAX_BYTES}-byte limit")
    return size


def encode_issue_visual(name: str) -> tuple[str, bytes, tuple[int, int]]:
    """Render one of the issue stand-ins and encode it (run in a worker process)."""
    img = render_issue_visual(name)
    shape = size_for(name, ISSUE_VISUALS[name][0])[0]
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=QUALITY.get(shape, 85), optimize=True, icc_profile=srgb_icc(), subsampling="4:2:0")
    return name, buf.getvalue(), img.size


def main() -> None:
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    icc = srgb_icc()
    lines: list[str] = []
    for name, make in VISUALS.items():
        img = make()
        if PLACEMENTS.get(name) == "fill":  # placed full-page since it was drawn: enlarge to 300 ppi there
            img = ImageOps.fit(img, SIZES["full-page"], Image.Resampling.LANCZOS)
        path = OUT_DIR / f"{name}.jpg"
        size = save_jpeg(img, path, icc)
        lines.append(f"  - `{path.name}` ({img.size[0]} x {img.size[1]} px)")
        print(f"{path.relative_to(ROOT)}  {img.size[0]}x{img.size[1]}  {size / 1024:.0f} KB")
    issue_lines: list[str] = []
    full_page: list[int] = []
    with multiprocessing.Pool(min(len(ISSUE_VISUALS), os.cpu_count() or 1)) as pool:
        for name, data, (w, h) in pool.imap(encode_issue_visual, ISSUE_VISUALS):
            shape = size_for(name, ISSUE_VISUALS[name][0])[0]
            limit = LIMIT.get(shape, MAX_BYTES)
            if len(data) >= limit:
                raise SystemExit(f"{name}.jpg is {len(data)} bytes, over the {limit}-byte limit")
            if shape == "full-page":
                full_page.append(len(data))
            path = OUT_DIR / f"{name}.jpg"
            path.write_bytes(data)
            issue_lines.append(f"  - `{path.name}` ({shape}, {w} x {h} px)")
            print(f"{path.relative_to(ROOT)}  {w}x{h}  {len(data) / 1024:.0f} KB")
    readme = OUT_DIR / "README.md"
    readme.write_text(
        README.format(files="\n".join(lines), count=len(issue_lines), issue_files="\n".join(issue_lines)),
        encoding="utf-8",
    )
    print(readme.relative_to(ROOT))
    total = sum(p.stat().st_size for p in OUT_DIR.iterdir() if p.is_file())
    average = sum(full_page) / max(1, len(full_page))
    print(
        f"{len(lines) + len(issue_lines)} images, {total / 1e6:.1f} MB in {OUT_DIR.relative_to(ROOT)}; "
        f"full-page average {average / 1024:.0f} KB"
    )
    if total > BUDGET:
        raise SystemExit(f"issue/images holds {total} bytes, over the {BUDGET}-byte budget")
    if average > FULL_PAGE_AVERAGE:
        raise SystemExit(f"the full-page files average {average:.0f} bytes, over {FULL_PAGE_AVERAGE}")


if __name__ == "__main__":
    main()

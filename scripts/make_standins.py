"""Generate the stand-in visuals for IALS issue n°3.

These JPEGs are STAND-INS for the real visuals of the "Tendance" pages (Hugo Barbera's Vogue
Portugal cover, MALA, the AI Fashion Week image, GUCCI, EASY and his portrait) and of the "Actu IA"
pages (Martino Bettucci's portrait and the news band across the top of the page). They let the
layout be built and checked before the real files arrive. Each one is abstract editorial art drawn
with Pillow (ellipses, polygons, gradients and patterns) and has a small "STAND-IN" mark in a corner.
Replace them with the real visuals, keeping the same file names (image ids).

The output is deterministic: every random choice comes from a `random.Random` with a fixed seed,
and the date in the ICC profile header is pinned, so nothing depends on the time. The images are
RGB JPEG, quality 88, optimized, with an embedded sRGB ICC profile, each file under 900 KB.

Usage: python3 scripts/make_standins.py
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable, Sequence
from itertools import pairwise
from pathlib import Path

from PIL import Image, ImageChops, ImageCms, ImageDraw, ImageFilter, ImageFont

ROOT = Path(__file__).resolve().parent.parent
OUT_DIR = ROOT / "issue" / "images"
FONT_PATH = ROOT / "fonts" / "NotoSans-Bold.ttf"

SS = 2  # supersampling factor: draw at SS x the final size, then downscale (anti-aliasing)
JPEG_QUALITY = 88
MAX_BYTES = 900 * 1024

RGB = tuple[int, int, int]
RGBA = tuple[int, int, int, int]
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

    def __init__(self, width: int, height: int, stops: Sequence[tuple[float, RGB]]) -> None:
        self.w = width
        self.h = height
        self.img = vertical_gradient(width * SS, height * SS, stops)
        self.draw = ImageDraw.Draw(self.img, "RGBA")

    @classmethod
    def blank(cls, width: int, height: int) -> Canvas:
        """A black canvas (a layer to paint light on, or a mask)."""
        canvas = cls.__new__(cls)
        canvas.w, canvas.h = width, height
        canvas.img = Image.new("RGB", (width * SS, height * SS), (0, 0, 0))
        canvas.draw = ImageDraw.Draw(canvas.img, "RGBA")
        return canvas

    # -- primitives (final-pixel coordinates) --------------------------------------------
    def ellipse(self, cx: float, cy: float, rx: float, ry: float, fill: RGBA) -> None:
        self.draw.ellipse([(cx - rx) * SS, (cy - ry) * SS, (cx + rx) * SS, (cy + ry) * SS], fill=fill)

    def ring(self, cx: float, cy: float, r: float, color: RGBA, width: float) -> None:
        self.draw.ellipse(
            [(cx - r) * SS, (cy - r) * SS, (cx + r) * SS, (cy + r) * SS],
            outline=color,
            width=max(1, round(width * SS)),
        )

    def arc(self, cx: float, cy: float, r: float, start: float, end: float, color: RGBA, width: float) -> None:
        self.draw.arc(
            [(cx - r) * SS, (cy - r) * SS, (cx + r) * SS, (cy + r) * SS],
            start,
            end,
            fill=color,
            width=max(1, round(width * SS)),
        )

    def polygon(self, points: Sequence[Point], fill: RGBA) -> None:
        self.draw.polygon([(x * SS, y * SS) for x, y in points], fill=fill)

    def line(self, points: Sequence[Point], color: RGBA, width: float) -> None:
        self.draw.line(
            [(x * SS, y * SS) for x, y in points],
            fill=color,
            width=max(1, round(width * SS)),
            joint="curve",
        )

    def rect(self, x0: float, y0: float, x1: float, y1: float, fill: RGBA) -> None:
        self.draw.rectangle([x0 * SS, y0 * SS, x1 * SS, y1 * SS], fill=fill)

    # -- layers -------------------------------------------------------------------------
    def glow(self, paint: Callable[[Canvas], None], blur: float, passes: int = 2) -> None:
        """Paint on a black layer, blur it and add it (light) to the image, then repaint crisp."""
        layer = Canvas.blank(self.w, self.h)
        paint(layer)
        halo = layer.img.filter(ImageFilter.GaussianBlur(blur * SS))
        for _ in range(passes):
            self.img = ImageChops.add(self.img, halo)
        self.img = ImageChops.screen(self.img, layer.img)
        self.draw = ImageDraw.Draw(self.img, "RGBA")

    def soft_blob(self, cx: float, cy: float, r: float, color: RGB, alpha: int) -> None:
        """A blurred disc blended over the image (soft light spot)."""
        mask = Image.new("L", self.img.size, 0)
        ImageDraw.Draw(mask).ellipse([(cx - r) * SS, (cy - r) * SS, (cx + r) * SS, (cy + r) * SS], fill=alpha)
        mask = mask.filter(ImageFilter.GaussianBlur(r * SS * 0.35))
        self.img = Image.composite(Image.new("RGB", self.img.size, color), self.img, mask)
        self.draw = ImageDraw.Draw(self.img, "RGBA")

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

The JPEG files here are **generated stand-ins** for the real visuals of the "Tendance" pages
(Hugo Barbera), of the "Actu IA" pages (Martino Bettucci) and of the editorial (Nathalie Dupuy). They are made by
`scripts/make_standins.py` (Pillow only, deterministic) so that the layout can be built and
checked before the real files are delivered. Each one has a small "STAND-IN" mark in a corner.

- License: CC0 1.0 (public domain dedication): they are generated by `scripts/make_standins.py`
  and contain no third-party material.
- Replace each one with the real visual under the same file name (image id):
{files}
- Format: RGB JPEG, quality 88, optimized, embedded sRGB ICC profile, each file under 900 KB.

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


def main() -> None:
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    icc = srgb_icc()
    lines: list[str] = []
    for name, make in VISUALS.items():
        img = make()
        path = OUT_DIR / f"{name}.jpg"
        size = save_jpeg(img, path, icc)
        lines.append(f"  - `{path.name}` ({img.size[0]} x {img.size[1]} px)")
        print(f"{path.relative_to(ROOT)}  {img.size[0]}x{img.size[1]}  {size / 1024:.0f} KB")
    readme = OUT_DIR / "README.md"
    readme.write_text(README.format(files="\n".join(lines)), encoding="utf-8")
    print(readme.relative_to(ROOT))


if __name__ == "__main__":
    main()

"""Sample visuals for a new publication: abstract compositions drawn with Pillow at 300 ppi for
where they are placed, so the first build passes preflight. Made by code, not by AI."""

from __future__ import annotations

import random
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter

PPI = 300
PALETTES = {
    "cover": [(18, 32, 64), (230, 90, 60), (245, 200, 120)],
    "figure": [(40, 110, 120), (240, 235, 220), (200, 70, 60)],
    "visual": [(70, 40, 90), (240, 150, 80), (250, 230, 200)],
    "back": [(30, 30, 36), (120, 160, 200), (230, 230, 235)],
}


def _px(mm: float) -> int:
    return max(1, round(mm / 25.4 * PPI))


def draw(kind: str, width_mm: float, height_mm: float, seed: str) -> Image.Image:
    """A gradient with soft discs and bands in ``kind``'s palette, ``width_mm`` × ``height_mm`` at 300 ppi."""
    rng = random.Random(seed)
    w, h = _px(width_mm), _px(height_mm)
    deep, warm, light = PALETTES[kind]
    # Drawn at a quarter of the size and enlarged: smooth shapes, light files.
    sw, sh = max(8, w // 4), max(8, h // 4)
    im = Image.new("RGB", (sw, sh), deep)
    d = ImageDraw.Draw(im)
    for y in range(sh):  # a vertical gradient from deep to warm
        t = y / max(1, sh - 1)
        d.line([(0, y), (sw, y)], fill=tuple(round(a + (b - a) * t * 0.6) for a, b in zip(deep, warm, strict=True)))
    for _ in range(7):
        r = rng.uniform(0.08, 0.3) * min(sw, sh)
        cx, cy = rng.uniform(0, sw), rng.uniform(0, sh)
        colour = light if rng.random() < 0.5 else warm
        d.ellipse([cx - r, cy - r, cx + r, cy + r], fill=colour)
    for i in range(3):
        y = sh * (0.55 + 0.12 * i)
        d.line([(0, y), (sw, y - sh * 0.08)], fill=light, width=max(1, sw // 60))
    im = im.filter(ImageFilter.GaussianBlur(max(1, sw // 120)))
    return im.resize((w, h), Image.Resampling.BICUBIC)


def save(im: Image.Image, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    im.save(path, "JPEG", quality=85, optimize=True, dpi=(PPI, PPI))

"""The cold build's yardstick: Pillow alone converting the issue's pictures as the print file needs
them — decode, crop-free resize to the placed size at the placed resolution, RGB → CMYK through
the output profile (ImageCms, relative colorimetric with black-point compensation), JPEG quality 88
— one after the other, with nothing else (no layout, no ink check, no cache, no PDF).

    python3 bench/pillow_floor.py PLAN.json PROFILE.icc

PLAN.json lists ``[file, width_px, height_px]`` per placed picture (bench.py writes it from a build).
"""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

from PIL import Image, ImageCms


def main() -> None:
    plan = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
    cmyk = ImageCms.ImageCmsProfile(sys.argv[2])
    srgb = ImageCms.createProfile("sRGB")
    flags = ImageCms.Flags.BLACKPOINTCOMPENSATION
    transform = ImageCms.buildTransform(srgb, cmyk, "RGB", "CMYK", ImageCms.Intent.RELATIVE_COLORIMETRIC, flags)
    for file, w, h in plan:
        with Image.open(file) as im:
            im = im.convert("RGB").resize((w, h), Image.Resampling.LANCZOS)
            out = ImageCms.applyTransform(im, transform)
            out.save(io.BytesIO(), "JPEG", quality=88)


if __name__ == "__main__":
    main()

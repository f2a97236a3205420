"""Draws KIMdesk's icon (a rounded blue square, a white "K", an orange dot) as PNG and ICO.

    python packaging/make_icon.py

Writes src/kimdesk/resources/icons/kimdesk.png (the window icon, also for Linux) and
packaging/windows/kimdesk.ico. Run again only if the design changes.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parents[1]
BLUE, ORANGE, WHITE = (47, 108, 163, 255), (232, 133, 58, 255), (255, 255, 255, 255)


def draw(size: int = 512) -> Image.Image:
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    d = ImageDraw.Draw(image)
    d.rounded_rectangle((0, 0, size - 1, size - 1), radius=size // 6, fill=BLUE)
    try:
        font = ImageFont.truetype("DejaVuSans-Bold.ttf", int(size * 0.66))
    except OSError:
        font = ImageFont.load_default(size=int(size * 0.66))
    d.text((size * 0.47, size * 0.53), "K", font=font, fill=WHITE, anchor="mm")
    r = size * 0.09
    cx, cy = size * 0.78, size * 0.24
    d.ellipse((cx - r, cy - r, cx + r, cy + r), fill=ORANGE)
    return image


def main() -> None:
    image = draw()
    png = ROOT / "src/kimdesk/resources/icons/kimdesk.png"
    image.resize((256, 256), Image.LANCZOS).save(png)
    image.save(ROOT / "packaging/windows/kimdesk.ico",
               sizes=[(16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)])  # fmt: skip
    print(png)


if __name__ == "__main__":
    main()

"""Draw the portal's icons into core/static/core/icons/ (run again after changing them).

    .venv/bin/python scripts/make_icons.py

A neutral mark in the portal's colours, not the WHO emblem (which may not be used
freely): a person held by an open arc, white and yellow on the portal's blue. The SVG is
written by hand here; Pillow draws the same shapes for the ICO (16, 32 and 48 px, for
browsers without SVG icons) and the 180 px touch icon (full-bleed and opaque, as iOS
rounds the corners itself and shows transparency as black).
"""

from pathlib import Path

from PIL import Image, ImageDraw

ICONS = Path(__file__).resolve().parents[1] / "core" / "static" / "core" / "icons"
BRAND, WHITE, YELLOW = "#00507a", "#ffffff", "#ffdd00"  # --brand, paper, --focus

SVG = f"""<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">
<rect width="32" height="32" rx="6" fill="{BRAND}"/>
<circle cx="16" cy="10" r="4" fill="{WHITE}"/>
<path d="M9.5 22.5a6.5 6.5 0 0 1 13 0z" fill="{WHITE}"/>
<path d="M5.5 17a10.5 10.5 0 0 0 21 0" fill="none" stroke="{YELLOW}" stroke-width="2.5"
 stroke-linecap="round"/>
</svg>
"""


def draw(size, rounded):
    """The mark at `size` px, drawn 8 times larger and scaled down for smooth edges."""
    scale = size * 8 / 32
    big = round(32 * scale)
    image = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    pen = ImageDraw.Draw(image)

    def box(x0, y0, x1, y1):
        return [round(v * scale) for v in (x0, y0, x1, y1)]

    pen.rounded_rectangle(box(0, 0, 32, 32), radius=round(6 * scale) if rounded else 0, fill=BRAND)
    pen.ellipse(box(12, 6, 20, 14), fill=WHITE)
    pen.pieslice(box(9.5, 16, 22.5, 29), 180, 360, fill=WHITE)
    pen.arc(box(5.5, 6.5, 26.5, 27.5), 0, 180, fill=YELLOW, width=round(2.5 * scale))
    return image.resize((size, size), Image.Resampling.LANCZOS)


def main():
    ICONS.mkdir(parents=True, exist_ok=True)
    (ICONS / "favicon.svg").write_text(SVG)
    draw(48, rounded=True).save(ICONS / "favicon.ico", sizes=[(16, 16), (32, 32), (48, 48)])
    touch = draw(180, rounded=False).convert("RGB")
    touch.save(ICONS / "apple-touch-icon.png", optimize=True)
    for path in sorted(ICONS.iterdir()):
        print(f"{path.relative_to(ICONS.parents[3])}: {path.stat().st_size} bytes")


if __name__ == "__main__":
    main()

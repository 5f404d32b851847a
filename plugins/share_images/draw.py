"""A page's share image: 1200x630, the page's title and the practice's name on its deep
green, crossed by one gold seam (the kintsugi of the practice's first article)."""

import io

WIDTH, HEIGHT = 1200, 630
GREEN, PAPER, GOLD, MIST = "#1d4e4a", "#fdfcf9", "#d4a93a", "#cfe0dc"
MARGIN = 80
# The seam: one mended crack from edge to edge, with a short branch (fixed, so every image agrees).
SEAM = [(0, 468), (140, 452), (230, 476), (360, 448), (470, 470), (590, 436), (700, 458), (820, 430),
        (930, 452), (1050, 424), (1200, 440)]
BRANCH = [(590, 436), (640, 400), (700, 392)]
DRAW_VERSION = 1  # bump when the drawing changes: every cached image is drawn again


def _wrapped(draw, text, font, width):
    lines, line = [], ""
    for word in text.split():
        trial = f"{line} {word}".strip()
        if draw.textlength(trial, font=font) <= width or not line:
            line = trial
        else:
            lines.append(line)
            line = word
    return [*lines, line] if line else lines


def draw(title, site_name, font_path):
    """JPEG bytes of the share image for one page."""
    from PIL import Image, ImageDraw, ImageFont

    image = Image.new("RGB", (WIDTH, HEIGHT), GREEN)
    pen = ImageDraw.Draw(image)
    pen.line(SEAM, fill=GOLD, width=6, joint="curve")
    pen.line(BRANCH, fill=GOLD, width=4, joint="curve")
    for size in (68, 58, 50, 44):
        font = ImageFont.truetype(font_path, size)
        lines = _wrapped(pen, title, font, WIDTH - 2 * MARGIN)
        if len(lines) <= 3:
            break
    if len(lines) > 3:
        lines = lines[:3]
        lines[2] = lines[2].rstrip(".,;: ") + "…"
    y = MARGIN + 40
    for line in lines:
        pen.text((MARGIN, y), line, font=font, fill=PAPER)
        y += round(size * 1.2)
    name_font = ImageFont.truetype(font_path, 34)
    pen.text((MARGIN, HEIGHT - MARGIN - 34), site_name, font=name_font, fill=MIST)
    out = io.BytesIO()
    image.save(out, "JPEG", quality=85, optimize=True)
    return out.getvalue()

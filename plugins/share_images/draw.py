"""A page's share image: 1200x630, the page's title and the practice's name on its deep
green, crossed by one gold seam (the kintsugi of the practice's first article)."""

import functools
import io

WIDTH, HEIGHT = 1200, 630
GREEN, PAPER, GOLD, MIST = "#1d4e4a", "#fdfcf9", "#d4a93a", "#cfe0dc"
MARGIN = 80
# The seam: one mended crack from edge to edge, with a short branch (fixed, so every image agrees).
SEAM = [(0, 468), (140, 452), (230, 476), (360, 448), (470, 470), (590, 436), (700, 458), (820, 430),
        (930, 452), (1050, 424), (1200, 440)]
BRANCH = [(590, 436), (640, 400), (700, 392)]
SIZES = (68, 58, 50, 44)  # the title's type size: the largest at which it fits in three lines
DRAW_VERSION = 2  # bump when the drawing changes: every cached image is drawn again


@functools.lru_cache(maxsize=16)
def _font(font_path, size):
    from PIL import ImageFont

    # Latin titles need no complex shaping: the basic layout is several times faster than raqm.
    return ImageFont.truetype(font_path, size, layout_engine=ImageFont.Layout.BASIC)


@functools.lru_cache(maxsize=4)
def _background(site_name, font_path):
    """The part every image shares (a memo of a pure function: the same inputs draw the same pixels)."""
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (WIDTH, HEIGHT), GREEN)
    pen = ImageDraw.Draw(image)
    pen.line(SEAM, fill=GOLD, width=6, joint="curve")
    pen.line(BRANCH, fill=GOLD, width=4, joint="curve")
    pen.text((MARGIN, HEIGHT - MARGIN - 34), site_name, font=_font(font_path, 34), fill=MIST)
    return image


def wrapped(title, font, width):
    """The title in lines no wider than `width`, breaking between words."""
    space = font.getlength(" ")
    lines, line, used = [], [], 0.0
    for word in title.split():
        length = font.getlength(word)
        if line and used + space + length > width:
            lines.append(" ".join(line))
            line, used = [word], length
        else:
            used += (space if line else 0) + length
            line.append(word)
    return [*lines, " ".join(line)] if line else lines


def draw(title, site_name, font_path):
    """JPEG bytes of the share image for one page."""
    from PIL import ImageDraw

    for size in SIZES:
        font = _font(font_path, size)
        lines = wrapped(title, font, WIDTH - 2 * MARGIN)
        if len(lines) <= 3:
            break
    if len(lines) > 3:
        lines = lines[:3]
        lines[2] = lines[2].rstrip(".,;: ") + "…"
    image = _background(site_name, font_path).copy()
    pen = ImageDraw.Draw(image)
    y = MARGIN + 40
    for line in lines:
        pen.text((MARGIN, y), line, font=font, fill=PAPER)
        y += round(size * 1.2)
    out = io.BytesIO()
    image.save(out, "JPEG", quality=85)
    return out.getvalue()

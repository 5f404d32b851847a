"""Share images: every page's og:image, 1200x630, drawn at build time from the page's
title, the practice's name and the gold seam (Pillow), cached by content. An article that
names its own `image` is shared with that picture instead, cropped to 1200x630.

Templates: `head | share_image` gives the page's share image: its `url` and its `alt`.
"""

from dataclasses import dataclass

from images.site_images import site_images
from pelican import signals

from share_images.share import share_images


@dataclass(frozen=True)
class ShareImage:
    url: str
    alt: str  # what it shows: the article's picture, or the title drawn on the practice's green


def add_filter(generator):
    shares, images = share_images(generator), site_images(generator)

    def share_image(head):
        own = getattr(head.subject, "image", None) if head.kind == "article" else None
        if own:
            return ShareImage(images.share_image(own), getattr(head.subject, "image_alt", "") or head.title)
        return ShareImage(shares.url_for(head.title), f"{head.title}, {shares.site_name}")

    generator.env.filters["share_image"] = share_image


def place_files(pelican):
    share_images(pelican).place(pelican.output_path)


def register():
    signals.generator_init.connect(add_filter)
    signals.finalized.connect(place_files)

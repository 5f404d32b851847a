"""Share images: every page's og:image, 1200x630, drawn at build time from the page's
title, the practice's name and the gold seam (Pillow), cached by content. An article that
names its own `image` is shared with that picture instead, cropped to 1200x630.

Templates: `head | share_image` gives the image's URL for the page's <head>.
"""

from images.site_images import site_images
from pelican import signals

from share_images.share import share_images


def add_filter(generator):
    shares, images = share_images(generator), site_images(generator)

    def share_image(head):
        own = getattr(head.subject, "image", None) if head.kind == "article" else None
        return images.share_image(own) if own else shares.url_for(head.title)

    generator.env.filters["share_image"] = share_image


def place_files(pelican):
    share_images(pelican).place(pelican.output_path)


def register():
    signals.generator_init.connect(add_filter)
    signals.finalized.connect(place_files)

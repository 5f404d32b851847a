"""Images with care: headshots, article pictures and the images in a body are made at build
time into AVIF, WebP and a fallback in a few widths, with width, height and alt, lazy below
the fold, their metadata (EXIF, GPS) stripped, and cached by content.

Our own, with Pillow, rather than pelican-image-process: that plugin rewrites each written
page a second time and re-encodes by modification time, which a staged, content-keyed
output (output_sync) would turn into re-encoding on every build; and it cannot draw the
headshots that templates place.

Templates: `therapist | headshot("profile"|"card"|"author"|"byline")` (the monogram when
there is no photo) and `article | lead_image`.
"""

from pelican import signals

from images.site_images import site_images


def add_filters(generator):
    images = site_images(generator)
    generator.env.filters["headshot"] = images.headshot
    generator.env.filters["lead_image"] = images.lead_image


def process_content(instance):
    """A body's images, before Pelican resolves its {static} links (images/ is not copied raw)."""
    content = getattr(instance, "_content", None)
    if content and "<img" in content and getattr(instance, "settings", None):
        instance._content = site_images(instance.settings).in_content(content, instance.source_path)


def place_files(pelican):
    site_images(pelican).place(pelican.output_path)


def register():
    signals.generator_init.connect(add_filters)
    signals.content_object_init.connect(process_content)
    signals.finalized.connect(place_files)

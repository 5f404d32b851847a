"""One build's images: every picture a page shows is made (or found in the cache) when the
page is rendered, and its files are put into the output once the pages are written."""

from pathlib import Path

import practice_model
from page_model import note_asset, put_in_output
from plugin_settings import Setting, read

from images.markup import (
    CONTENT_SIZES,
    CONTENT_WIDTHS,
    HEADSHOT_SIZES,
    HEADSHOT_WIDTHS,
    RASTER,
    monogram,
    picture,
    plain_img,
    rewrite_images,
)
from images.pipeline import Recipe, render

SETTINGS = {
    "IMAGES_URL": Setting("images/", str, "Where processed images are served from (a folder of the output).",
                          lambda v: None if v.endswith("/") and not v.startswith("/") else
                          "expected a relative folder ending in /, e.g. images/"),
}
STATE = "images"


class SiteImages:
    """Made once per build (its state): what this build's pages show, and where it is cached."""

    def __init__(self, settings):
        self.build = practice_model.build_of(settings)
        self.options = read(settings, "IMAGES_", SETTINGS)
        self.content_root = Path(settings["PATH"])
        self.cache_dir = Path(settings.get("CACHE_PATH") or "cache") / "images"
        self.prefix = f"{settings.get('SITEURL', '')}/{self.options.url}"
        self.used = {}  # file name in the output folder -> file in the cache
        self._renditions = {}

    def rendition(self, path, recipe):
        key = (str(path), recipe)
        if key not in self._renditions:
            made = render(path, recipe, self.cache_dir)
            for files in made.files.values():
                for _, name in files:
                    self.used[name] = self.cache_dir / name
            self._renditions[key] = made
        for files in self._renditions[key].files.values():
            for _, name in files:
                note_asset(self.build, self.options.url + name)
        return self._renditions[key]

    def content_file(self, rel):
        return self.content_root / str(rel).strip().lstrip("/")

    def headshot(self, therapist, use):
        """A therapist's photo for one use (profile, card, author, byline), or their monogram."""
        size = HEADSHOT_SIZES[use]
        if not therapist.photo:
            return monogram(therapist.name, size, f"headshot headshot-{use}")
        made = self.rendition(self.content_file(therapist.photo), Recipe(HEADSHOT_WIDTHS, (1, 1)))
        return picture(made, self.prefix, therapist.photo_alt or "", sizes=f"{size}px", width=size, height=size,
                       eager=use in ("profile", "byline"), css_class=f"headshot headshot-{use}")

    def figure(self, path, alt, css_class=None, eager=False):
        """An image of an article or page, as wide as the text at most."""
        path = Path(path)
        if path.suffix.lower() not in RASTER:  # SVG and the like: served as written
            self.used[path.name] = path
            note_asset(self.build, self.options.url + path.name)
            return plain_img(self.prefix + path.name, alt, css_class)
        made = self.rendition(path, Recipe(CONTENT_WIDTHS))
        return picture(made, self.prefix, alt, sizes=CONTENT_SIZES, eager=eager, css_class=css_class)

    def lead_image(self, subject):
        """The picture an article names in its front matter (image, image_alt), shown first."""
        rel = getattr(subject, "image", None)
        if not rel:
            return ""
        return self.figure(self.content_file(rel), getattr(subject, "image_alt", "") or "", "lead", eager=True)

    def share_image(self, rel):
        """An article's own picture as a 1200x630 share image: its URL."""
        made = self.rendition(self.content_file(rel), Recipe((1200,), (1200, 630), formats=()))
        return self.prefix + made.files[made.fallback][-1][1]

    def in_content(self, content, source_path):
        return rewrite_images(content, source_path, self.content_root,
                              lambda path, alt, css: str(self.figure(path, alt, css)))

    def place(self, output_path):
        put_in_output(Path(output_path) / self.options.url, self.used)


def site_images(holder):
    build = practice_model.build_of(holder)
    return build.state(STATE, lambda: SiteImages(build.settings))

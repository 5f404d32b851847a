"""The HTML of an image: a <picture> with AVIF and WebP sources and a fallback <img> that
has width, height, alt and lazy loading; or, for a therapist without a photo, a monogram."""

import html
import re
from html.parser import HTMLParser

from content_contract.html_check import named_file
from markupsafe import Markup

from images.pipeline import FORMATS, MIME

# How wide each use of a headshot is drawn (CSS px; theme/static/css/site.css agrees).
HEADSHOT_SIZES = {"profile": 192, "card": 96, "author": 96, "byline": 48}
HEADSHOT_WIDTHS = (96, 192, 384)
CONTENT_WIDTHS = (480, 736, 1104, 1472)
# The article column: 44rem at most, the screen less its margins below that.
CONTENT_SIZES = "(min-width: 48rem) 44rem, calc(100vw - 2rem)"
RASTER = (".jpg", ".jpeg", ".png", ".webp", ".gif", ".tif", ".tiff", ".avif")


def _attrs(pairs):
    return "".join(f' {name}="{html.escape(str(value), quote=True)}"' if value is not True else f" {name}"
                   for name, value in pairs if value is not None and value is not False)


def picture(rendition, prefix, alt, *, sizes, width=None, height=None, eager=False, css_class=None):
    """<picture> for a Rendition; width/height default to its largest file's."""
    if width is None:
        width, height = rendition.width, rendition.height
    sources = "".join(f"<source type=\"{MIME[fmt]}\" srcset=\"{rendition.srcset(fmt, prefix)}\" sizes=\"{sizes}\">"
                      for fmt in FORMATS if fmt in rendition.files)
    fallback = rendition.fallback
    img = _attrs([("src", prefix + rendition.smallest_at_least(fallback, width)),
                  ("srcset", rendition.srcset(fallback, prefix)), ("sizes", sizes),
                  ("alt", alt), ("width", width), ("height", height),
                  ("loading", None if eager else "lazy"), ("decoding", "async"),
                  ("fetchpriority", "high" if eager and width > 300 else None), ("class", css_class)])
    return Markup(f"<picture>{sources}<img{img}></picture>")


def plain_img(src, alt, css_class=None):
    """An image served as written (an SVG): no sizes to make."""
    return Markup(f"<img{_attrs([('src', src), ('alt', alt), ('loading', 'lazy'), ('class', css_class)])}>")


def initials(name):
    words = [w for w in re.split(r"[\s\-]+", name) if w and w[0].isalpha()]
    return ((words[0][0] + words[-1][0]) if len(words) > 1 else name[:1]).upper() if words else "?"


def monogram(name, size, css_class="headshot"):
    """The therapist's initials on the practice's green, with a gold seam: never a stock face.
    Hidden from screen readers, since the name is always beside it."""
    letters = html.escape(initials(name))
    return Markup(
        f'<svg class="{css_class} monogram" width="{size}" height="{size}" viewBox="0 0 100 100" '
        f'aria-hidden="true" focusable="false"><circle cx="50" cy="50" r="50" class="monogram-ground"/>'
        f'<path d="M14 70 C30 62 38 76 52 66 S76 58 88 64" class="seam" fill="none"/>'
        f'<text x="50" y="50" dy=".35em" text-anchor="middle" class="monogram-letters">{letters}</text></svg>')


class _Img(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.attrs = None

    def handle_starttag(self, tag, attrs):
        self.attrs = dict(attrs)

    handle_startendtag = handle_starttag


_IMG = re.compile(r"<img\b[^>]*>", re.I)
def rewrite_images(content, source_path, content_root, make):
    """Each body image that names a content file, through `make(path, alt, css_class)`."""
    def one(match):
        parser = _Img()
        parser.feed(match.group(0))
        attrs = parser.attrs or {}
        target = named_file(attrs.get("src") or "", source_path, content_root)
        if target is None or not target.is_file():
            return match.group(0)
        return make(target, attrs.get("alt") or "", attrs.get("class"))

    return _IMG.sub(one, content)

"""One image, made into the files a page serves: AVIF, WebP and a JPEG (or PNG) fallback in
a few widths, with no metadata left, cached by the source's bytes.

Every file's name holds the hash of the source and the recipe, so a name that exists is
already right: a warm build reads one small manifest per image and encodes nothing.
"""

import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

# Bump when what an encoder writes changes: every cached file is then made again.
PIPELINE_VERSION = 1
FORMATS = ("avif", "webp")  # served through <source>, best first; the fallback follows
ENCODE = {
    "avif": {"quality": 55, "speed": 6},
    "webp": {"quality": 78, "method": 4},
    "jpeg": {"quality": 80, "optimize": True, "progressive": True},
    "png": {"optimize": True},
}
MIME = {"avif": "image/avif", "webp": "image/webp", "jpeg": "image/jpeg", "png": "image/png"}
SUFFIX = {"avif": ".avif", "webp": ".webp", "jpeg": ".jpg", "png": ".png"}


@dataclass(frozen=True)
class Recipe:
    """What is made of a source: the widths wanted, and a crop (width:height) if any."""
    widths: tuple
    aspect: tuple | None = None  # (1, 1) for a headshot, (1200, 630) for a share image
    formats: tuple = FORMATS

    def key(self):
        return repr((PIPELINE_VERSION, self.widths, self.aspect, self.formats, sorted(ENCODE.items())))


@dataclass(frozen=True)
class Rendition:
    """The files of one image: {format: ((width, name), …)}, the fallback format, and the
    size of the largest one (for width= and height=)."""
    files: dict
    fallback: str
    width: int
    height: int

    def srcset(self, fmt, prefix):
        return ", ".join(f"{prefix}{name} {w}w" for w, name in self.files[fmt])

    def smallest_at_least(self, fmt, width):
        for w, name in self.files[fmt]:
            if w >= width:
                return name
        return self.files[fmt][-1][1]


def _digest(source, recipe):
    h = hashlib.sha256(Path(source).read_bytes())
    h.update(recipe.key().encode())
    return h.hexdigest()[:16]


def _cropped(image, aspect):
    """The largest centred crop of `image` with the given aspect ratio."""
    if aspect is None:
        return image
    w, h = image.size
    want = aspect[0] / aspect[1]
    if w / h > want:
        new_w = round(h * want)
        left = (w - new_w) // 2
        return image.crop((left, 0, left + new_w, h))
    new_h = round(w / want)
    top = (h - new_h) // 3  # a little above the centre: faces sit there
    return image.crop((0, top, w, top + new_h))


def _clean(image):
    """The pixels only: orientation applied, then EXIF, GPS, XMP, comments and ICC dropped."""
    from PIL import Image, ImageOps

    image = ImageOps.exif_transpose(image)
    mode = "RGBA" if image.mode in ("RGBA", "LA", "P") and _has_alpha(image) else "RGB"
    image = image.convert(mode)
    return Image.frombytes(mode, image.size, image.tobytes())  # a new image keeps no .info


def _has_alpha(image):
    if image.mode == "P":
        return "transparency" in image.info
    return image.getchannel("A").getextrema()[0] < 255


def render(source, recipe, cache_dir):
    """The Rendition of `source`, encoding only what the cache lacks."""
    digest = _digest(source, recipe)
    stem = Path(source).stem.lower().replace(" ", "-")[:40]
    cache_dir = Path(cache_dir)
    manifest = cache_dir / f"{stem}-{digest}.json"
    try:
        saved = json.loads(manifest.read_text())
        if all((cache_dir / name).is_file() for names in saved["files"].values() for _, name in names):
            return Rendition({k: tuple(map(tuple, v)) for k, v in saved["files"].items()},
                             saved["fallback"], saved["width"], saved["height"])
    except (OSError, ValueError, KeyError):
        pass
    from PIL import Image

    with Image.open(source) as opened:
        image = _clean(_cropped(opened, recipe.aspect))
    fallback = "png" if image.mode == "RGBA" else "jpeg"
    widths = sorted({w for w in recipe.widths if w < image.width} | {min(max(recipe.widths), image.width)})
    files = {}
    cache_dir.mkdir(parents=True, exist_ok=True)
    for fmt in (*recipe.formats, fallback):
        made = []
        for width in widths:
            height = round(image.height * width / image.width)
            name = f"{stem}-{digest}-{width}{SUFFIX[fmt]}"
            if not (cache_dir / name).is_file():
                sized = image.resize((width, height), Image.Resampling.LANCZOS) if width != image.width else image
                tmp = cache_dir / f".{name}.{os.getpid()}"
                sized.save(tmp, fmt.upper(), **ENCODE[fmt])
                os.replace(tmp, cache_dir / name)
            made.append((width, name))
        files[fmt] = tuple(made)
    width = widths[-1]
    rendition = Rendition(files, fallback, width, round(image.height * width / image.width))
    tmp = manifest.with_suffix(f".{os.getpid()}")
    tmp.write_text(json.dumps({"files": files, "fallback": fallback, "width": rendition.width,
                               "height": rendition.height}))
    os.replace(tmp, manifest)
    return rendition

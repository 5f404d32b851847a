"""Every page's og:image: drawn once per title (cached by content), or the article's own picture."""

import hashlib
import os
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import practice_model
from page_model import note_asset, put_in_output
from plugin_settings import Setting, read

from share_images import draw as drawing

SETTINGS = {
    "SHARE_IMAGES_URL": Setting("share/", str, "Where the share images are served from (a folder of the output).",
                                lambda v: None if v.endswith("/") and not v.startswith("/") else
                                "expected a relative folder ending in /, e.g. share/"),
    "SHARE_IMAGES_FONT": Setting("static/fonts/atkinson-hyperlegible-latin-700-normal.woff2", str,
                                 "The font the titles are drawn in (TrueType, OpenType or WOFF2), in the theme."),
}
STATE = "share_images"
PARALLEL_FROM = 40  # below this many new images a process pool costs more than it saves


class ShareImages:
    """One build's share images. Those the cache lacks are drawn in worker processes while the
    pages are still being written, once there are enough of them to repay the workers."""

    def __init__(self, settings):
        self.build = practice_model.build_of(settings)
        self.options = read(settings, "SHARE_IMAGES_", SETTINGS)
        self.siteurl = settings.get("SITEURL", "")
        self.site_name = practice_model.model_of(settings, needs=("name",)).short_name
        self.font = str(Path(settings["THEME"]) / self.options.font)
        self.font_key = hashlib.sha256(Path(self.font).read_bytes()).hexdigest()
        self.cache_dir = Path(settings.get("CACHE_PATH") or "cache") / "share"
        self.wanted = {}  # file name -> title
        self.missing = []  # names the cache lacks, not yet given to a worker
        self.drawing = {}  # name -> the worker's result to come
        self.pool = None

    def url_for(self, title):
        key = hashlib.sha256(repr((drawing.DRAW_VERSION, self.font_key, self.site_name, title)).encode())
        name = f"{key.hexdigest()[:20]}.jpg"
        if name not in self.wanted:
            self.wanted[name] = title
            if not (self.cache_dir / name).is_file():
                self.missing.append(name)
                if self.pool is None and len(self.missing) >= PARALLEL_FROM and (os.cpu_count() or 1) > 1:
                    self.pool = ProcessPoolExecutor(min(os.cpu_count(), 4))
                if self.pool is not None:
                    for waiting in self.missing:
                        self.drawing[waiting] = self.pool.submit(_draw, self._job(waiting))
                    self.missing.clear()
        note_asset(self.build, self.options.url + name)
        return f"{self.siteurl}/{self.options.url}{name}"

    def _job(self, name):
        return self.wanted[name], self.site_name, self.font, str(self.cache_dir / name)

    def place(self, output_path):
        self.cache_dir.mkdir(parents=True, exist_ok=True)
        for name in self.missing:
            _draw(self._job(name))
        try:
            for future in self.drawing.values():
                future.result()  # each worker wrote its file into the cache
        finally:
            if self.pool is not None:
                self.pool.shutdown()
        put_in_output(Path(output_path) / self.options.url, {name: self.cache_dir / name for name in self.wanted})


def _draw(job):
    """Draws one image straight into the cache, so no image's bytes wait in memory."""
    title, site_name, font, target = job
    tmp = f"{target}.{os.getpid()}.tmp"
    Path(tmp).parent.mkdir(parents=True, exist_ok=True)
    with open(tmp, "wb") as f:
        f.write(drawing.draw(title, site_name, font))
    os.replace(tmp, target)


def share_images(holder):
    build = practice_model.build_of(holder)
    return build.state(STATE, lambda: ShareImages(build.settings))

"""The pages plugins make from data (therapist index, series, city pages), and how
they are written. A library for the plugins, not a plugin: it connects no signal."""

import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

ASSETS = "page_assets"


def note_asset(build, rel):
    """A file of the output (an image, a share image) that the page being rendered shows:
    output_sync keeps it with the page when the page itself is not rendered again."""
    build.state(ASSETS, list).append(rel)


def link_or_copy(source, target):
    """A hard link to a cached file (a copy across file systems): cheap, and the cache's
    files are never written in place, only replaced."""
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)


def put_in_output(folder, files):
    """Each {name: cached file} into `folder` of the output, unless already there (names carry
    their content's hash, so a file of that name holds those bytes)."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    for name, cached in sorted(files.items()):
        target = folder / name
        if not target.exists():
            link_or_copy(cached, target)


def save_as_of(url):
    """The file a clean URL is written to: therapy/durham-nc/ -> therapy/durham-nc/index.html."""
    return url + "index.html" if url.endswith("/") or not url else url


@dataclass
class GeneratedPage:
    kind: str  # therapists, series, hub, area, city
    title: str
    summary: str
    url: str
    template: str
    date: object = None  # newest content date behind the page, for the sitemap
    breadcrumbs: list = field(default_factory=list)  # [(title, url)] above this page
    status: str = "published"
    data: dict = field(default_factory=dict)

    @property
    def save_as(self):
        return save_as_of(self.url)

    def __getattr__(self, name):
        # Templates read page-specific values straight off the page: page.city, page.parts …
        data = self.__dict__.get("data", {})
        if name in data:
            return data[name]
        raise AttributeError(name)


def write_page(generator, writer, page, shows=None, **extra):
    """Renders one page the plugins make (from data, or a profile) with the site's shared context.

    `shows`: the articles the page shows, when they are all it shows besides what every page
    is made from (data, other content, theme, settings) and its own date; output_sync then
    renders it again only when one of them changed. None: rendered on every build."""
    if shows is not None:
        extra["page_shows"] = list(shows)
    writer.write_file(
        page.save_as,
        generator.get_template(page.template),
        generator.context,
        relative_urls=generator.settings["RELATIVE_URLS"],
        override_output=True,
        url=page.url,
        page=page,
        **extra,
    )

"""The pages plugins make from data (therapist index, series, city pages), and how
they are written. A library for the plugins, not a plugin: it connects no signal."""

from dataclasses import dataclass, field

ASSETS = "page_assets"


def note_asset(build, rel):
    """A file of the output (an image, a share image) that the page being rendered shows:
    output_sync keeps it with the page when the page itself is not rendered again."""
    build.state(ASSETS, list).append(rel)


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


def write_page(generator, writer, page, **extra):
    """Renders one page the plugins make (from data, or a profile) with the site's shared context."""
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

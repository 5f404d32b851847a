"""Orders published articles into series and into a timeline."""

from dataclasses import dataclass

from content_contract.check import slug_rules
from page_model import GeneratedPage, write_page
from pelican.generators import Generator
from pelican.utils import slugify


@dataclass
class SeriesPlace:
    name: str
    url: str
    number: int  # 1-based place among the published parts
    total: int
    previous: object
    next: object


def link_neighbours(articles):
    """Each published article gets the one before and after it by date."""
    timeline = sorted(articles, key=lambda a: (a.date, a.slug))
    for i, article in enumerate(timeline):
        article.previous_article = timeline[i - 1] if i > 0 else None
        article.next_article = timeline[i + 1] if i + 1 < len(timeline) else None


def series_url(name, slug_subs):
    return f"blog/series/{slugify(name, regex_subs=slug_subs)}/"


def series_of(article, slug_subs):
    """(name, url) of the series a published article belongs to, or None."""
    name = getattr(article, "series", None)
    if not name or getattr(article, "status", "published") != "published":
        return None
    return str(name).strip(), series_url(str(name).strip(), slug_subs)


def collect_series(articles, slug_subs):
    """{name: [articles in order]} for published articles, and each one's place."""
    series = {}
    for article in articles:
        name = getattr(article, "series", None)
        if name:
            series.setdefault(str(name).strip(), []).append(article)
    pages = []
    for name, parts in sorted(series.items()):
        parts.sort(key=lambda a: (int(getattr(a, "series_index", 0) or 0), a.date))
        url = series_url(name, slug_subs)
        for i, article in enumerate(parts):
            article.series_place = SeriesPlace(
                name=name, url=url, number=i + 1, total=len(parts),
                previous=parts[i - 1] if i > 0 else None,
                next=parts[i + 1] if i + 1 < len(parts) else None,
            )
        pages.append(GeneratedPage(
            kind="series",
            title=name,
            summary=f"All {len(parts)} parts of the series “{name}”, in order.",
            url=url,
            template="series",
            date=max(a.date for a in parts),
            breadcrumbs=[("Articles", "blog/")],
            data={"parts": parts},
        ))
    return pages


class SeriesGenerator(Generator):
    def generate_context(self):
        articles = self.context.get("articles", [])
        for article in (self.context.get("drafts", []) + self.context.get("hidden_articles", [])):
            article.series_place = None
            article.previous_article = article.next_article = None
        link_neighbours(articles)
        for article in articles:
            article.series_place = None
        self.series_pages = collect_series(articles, slug_rules(self.settings))
        self.context["series_pages"] = self.series_pages

    def generate_output(self, writer):
        for page in self.series_pages:
            write_page(self, writer, page, shows=page.parts)  # its parts, nothing else of the articles

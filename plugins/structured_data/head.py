"""Everything a page's <head> and breadcrumbs need, worked out once per page.

base.html calls page_head() once; the head and breadcrumb partials read its result.
"""

from dataclasses import dataclass, field

import plugin_settings
from jinja2 import pass_context
from markupsafe import Markup
from pelican.contents import Article, Page
from plugin_settings import Setting

from structured_data.graph import build_graph
from structured_data.text import json_for_script, plain_text

HOME = ("Home", "")
# Pages whose main content is their own; lists of other pages stay out of the search
# index, so that a search leads to the page itself rather than to a list naming it.
SEARCHABLE = ("article", "page", "profile", "city", "service")


@dataclass
class Head:
    kind: str  # home, article, page, profile, series, hub, area, city, therapists, services, service, archives, tags, tag
    title: str  # the page's own title, plain text
    document_title: str  # <title>
    description: str
    url: str  # site-relative, e.g. blog/x/
    canonical: str
    og_type: str
    breadcrumbs: list = field(default_factory=list)  # [(name, url)], ending with this page
    subject: object = None
    jsonld: Markup = Markup("")
    searchable: bool = False


def _url_of(output_file):
    return output_file[: -len("index.html")] if output_file.endswith("index.html") else output_file


def describe(ctx):
    """(kind, title, description, subject, parents) for the page being rendered."""
    practice = ctx["practice"]
    settings_url = {ctx.get("ARCHIVES_SAVE_AS"): "archives", ctx.get("TAGS_SAVE_AS"): "tags"}
    output_file = ctx.get("output_file", "")
    article, page = ctx.get("article"), ctx.get("page")
    articles_crumb = ("Articles", ctx.get("ARCHIVES_URL", "blog/"))
    if getattr(page, "kind", None) == "profile":
        therapist = page.therapist  # the model's Therapist
        return ("profile", therapist.display_name, therapist.summary, therapist,
                [("Therapists", "therapists/")])
    if isinstance(article, Article) and output_file == article.save_as:
        return "article", article.title, article.summary, article, [articles_crumb]
    if isinstance(page, Page):
        return "page", page.title, page.summary, page, []
    if page is not None and hasattr(page, "kind"):
        return page.kind, page.title, page.summary, page, list(page.breadcrumbs)
    if ctx.get("tag") is not None:
        tag = ctx["tag"]
        return ("tag", f"Articles about {tag}", f"Articles by our therapists about {tag}.", tag,
                [articles_crumb, ("Topics", ctx.get("TAGS_URL", "blog/tags/"))])
    kind = settings_url.get(output_file)
    if kind == "archives":
        return "archives", "Articles", f"Articles by the therapists of {practice.short_name}.", None, []
    if kind == "tags":
        return "tags", "Topics", "Every topic our therapists have written about.", None, [articles_crumb]
    return ("home", practice.short_name,
            f"{practice.name}: therapy for {', '.join(practice.formats)}, in person in "
            f"{practice.home_offices.city} and online across North Carolina.",
            None, [])


@pass_context
def page_head(ctx):
    kind, title, description, subject, parents = describe(ctx)
    siteurl = ctx.get("SITEURL", "")
    url = _url_of(ctx.get("output_file", ""))
    title = plain_text(title)
    site = ctx.get("SITENAME", "")
    crumbs = [] if kind == "home" else [HOME, *parents, (title, url)]
    head = Head(
        kind=kind,
        title=title,
        document_title=title if kind == "home" else f"{title} | {site}",
        description=plain_text(description),
        url=url,
        canonical=f"{siteurl}/{url}",
        og_type={"article": "article", "profile": "profile"}.get(kind, "website"),
        breadcrumbs=[(plain_text(name), u) for name, u in crumbs],
        subject=subject,
        searchable=kind in SEARCHABLE and getattr(subject, "status", "published") == "published"
        and getattr(subject, "template", "") != "search",
    )
    if ctx["STRUCTURED_DATA_JSONLD"]:
        head.jsonld = Markup(json_for_script(build_graph(head, ctx)))
    return head


SETTINGS = {
    "STRUCTURED_DATA_JSONLD": Setting(True, bool, "Write one JSON-LD graph into each page's <head>."),
}


def add_template_functions(generator):
    conf = plugin_settings.read(generator.settings, "STRUCTURED_DATA_", SETTINGS)
    generator.context["STRUCTURED_DATA_JSONLD"] = conf.jsonld
    generator.env.globals["page_head"] = page_head
    generator.env.filters["plain"] = plain_text

"""Every file a build will write, known before it writes one: so that no page replaces
another (a collision names both sides), nothing is written outside the output folder,
and no file outside the content folder is published through a link.

The plan covers the content (articles, pages, drafts), the pages the plugins make (home,
/blog/, topics, series, therapists, the city pages), and the files of the site (search,
feeds, sitemap, robots.txt, _headers, theme files, static files).
"""

import datetime
import os
import posixpath
import re

from content_contract.check import slug_rules, slugify
from content_contract.dates import parse_date
from content_contract.problems import problem, shown_path
from page_model import save_as_of
from pelican.settings import DEFAULT_CONFIG
from series.navigation import series_url

RESERVED = {  # first folder of the output: what owns it
    "theme": "the theme's files", "pagefind": "the search index", "drafts": "drafts",
    "images": "the processed images", "share": "the share images",
}
_BUNDLE = re.compile(r"^pagefind(?:-\d+)?$")


def unsafe_path(value):
    """Why a save_as or url from front matter could escape the output folder, or None."""
    text = str(value)
    if not text.strip():
        return "is empty"
    if "\\" in text or "\x00" in text or re.match(r"^[a-z][a-z0-9+.-]*:", text, re.I) or text.startswith("//"):
        return "must be a plain path inside the site, like about/index.html"
    if text.startswith("/") or ".." in posixpath.normpath(text).split("/") or posixpath.normpath(text).startswith(".."):
        return "must stay inside the output folder (no leading '/', no '..')"
    return None


class Plan:
    def __init__(self):
        self.files, self.problems = {}, []  # {output file: (what writes it, its content file or None)}

    def add(self, save_as, what, path=None, field="save_as", line=0):
        """Claims one output file for `what` (None: the content file `path`, named only if a
        message needs it); `path` is the content file behind it, if any."""
        key = posixpath.normpath(save_as).lstrip("/")
        first = key.split("/")[0]
        owner = RESERVED.get("pagefind" if _BUNDLE.match(first) else first)
        if path is not None and owner and field != "draft":
            self.problems.append(problem(path, field, f"writes '{key}', inside {first}/, which holds {owner}",
                                         line))
        if key not in self.files:
            self.files[key] = (what, path, field, line)
            return
        other, other_path, other_field, other_line = self.files[key]
        other = shown_path(other_path) if other is None else other
        what = shown_path(path) if what is None else what
        # Told at a content file (the one an author can change), naming both sides.
        if path is not None:
            self.problems.append(problem(path, field, f"writes '{key}', which {other} writes too", line))
        elif other_path is not None:
            self.problems.append(problem(other_path, other_field, f"writes '{key}', which {what} writes too",
                                         other_line))


def _future(meta, today):
    date = parse_date(meta.get("date")) if meta.get("date") is not None else None
    return date is not None and date.date() > today


def plan_outputs(build, settings, today=None):
    """The problems of the plan: collisions, escapes, reserved folders, empty slugs."""
    settings = {**DEFAULT_CONFIG, **settings}
    today = today or datetime.date.today()
    rules = slug_rules(settings)
    plan = Plan()
    tags, series = {}, {}
    for source in build.sources:
        if source.front_matter is None or source.collection not in ("articles", "pages"):
            continue
        meta, path = source.meta, source.path
        for field in ("save_as", "url"):
            if meta.get(field) is not None:
                why = unsafe_path(meta[field])
                if why:
                    plan.problems.append(problem(path, field, f"'{str(meta[field])[:60]}' {why}",
                                                 source.line_of(field)))
        if any(p.path == shown_path(path) and p.field in ("save_as", "url") for p in plan.problems):
            continue
        kind = "ARTICLE" if source.collection == "articles" else "PAGE"
        draft = meta.get("status") == "draft" or (kind == "ARTICLE" and not settings["WITH_FUTURE_DATES"]
                                                   and _future(meta, today))
        slug = meta.get("slug") or (slugify(str(meta.get("title", "")), rules) if meta.get("title") else path.stem)
        if not slug:
            plan.problems.append(problem(path, "title", "makes an empty address (nothing in it can be part of a "
                                         "URL): add a slug, e.g. slug: my-article", source.line_of("title")))
            continue
        pattern = settings[f"DRAFT_{'PAGE_' if kind == 'PAGE' else ''}SAVE_AS" if draft else f"{kind}_SAVE_AS"]
        save_as = str(meta["save_as"]) if meta.get("save_as") and not draft else pattern.format(
            slug=slug, lang=settings["DEFAULT_LANG"], date=datetime.date.today())
        if save_as:
            plan.add(save_as, None, path,
                     "draft" if draft else "save_as" if meta.get("save_as") else "slug",
                     source.line_of("save_as") if meta.get("save_as") else 0)
        if kind == "ARTICLE" and not draft and meta.get("status") != "hidden":
            for name in meta.get("tags") if isinstance(meta.get("tags"), list) else []:
                tag_slug = slugify(str(name).strip(), settings.get("TAG_REGEX_SUBSTITUTIONS", rules))
                if not tag_slug:
                    plan.problems.append(problem(path, "tags", f"the topic '{str(name)[:40]}' makes an empty "
                                                 "address: use words with letters or digits",
                                                 source.line_of("tags")))
                else:
                    tags.setdefault(tag_slug, (str(name).strip(), path))
            if meta.get("series"):
                name = str(meta["series"]).strip()
                key = slugify(name, rules)
                if not key:
                    plan.problems.append(problem(path, "series", f"the series '{name[:40]}' makes an empty address",
                                                 source.line_of("series")))
                elif key in series and series[key][0] != name:
                    plan.problems.append(problem(path, "series", f"'{name}' and '{series[key][0]}' (in "
                                                 f"{shown_path(series[key][1])}) make the same address "
                                                 f"{series_url(name, rules)}: name them alike or differently",
                                                 source.line_of("series")))
                else:
                    series.setdefault(key, (name, path))
    if build.model is not None:
        _plan_generated(plan, build, settings, tags, series)
    return plan.problems


def _plan_generated(plan, build, settings, tags, series):
    for setting, what in (("INDEX_SAVE_AS", "the home page"), ("ARCHIVES_SAVE_AS", "the list of articles"),
                          ("TAGS_SAVE_AS", "the list of topics")):
        if settings.get(setting):
            plan.add(settings[setting], what)
    for slug, (name, _) in sorted(tags.items()):
        plan.add(settings["TAG_SAVE_AS"].format(slug=slug), f"the topic page of '{name}'")
    for key, (name, _) in sorted(series.items()):
        plan.add(save_as_of(series_url(name, slug_rules(settings))), f"the page of the series '{name}'")
    model = build.model
    plan.add("therapists/index.html", "the list of therapists")
    for therapist in model.therapists:
        plan.add(save_as_of(therapist.url), f"the profile of {therapist.name}")
    if settings.get("CITY_PAGES", True):
        hub = settings.get("CITY_PAGES_URL", "therapy/")
        plan.add(save_as_of(hub), "the list of city pages")
        published = model.published_cities
        for area in model.areas.values():
            if any(c.area_code == area.code for c in published):
                plan.add(save_as_of(f"{hub}areas/{area.slug}/"), f"the area page of {area.title}")
        for city in published:
            plan.add(save_as_of(f"{hub}{city.slug}/"), f"the city page of {city.name}")
    plan.add("services/index.html", "the list of services")
    for service in model.services:
        plan.add(save_as_of(service.url), f"the page of the service {service.title}")
    for name, what in (("sitemap.xml", "the sitemap"), ("robots.txt", "robots.txt"), ("_headers", "_headers")):
        plan.add(name, what)
    for setting in ("FEED_ALL_ATOM", "FEED_ALL_RSS", "FEED_ATOM", "FEED_RSS"):
        if settings.get(setting):
            plan.add(settings[setting], "the feed")


def unsafe_links(content_path):
    """Problems for links in the content folder that lead outside it: they are never published."""
    root = os.path.realpath(content_path)
    found = []
    for folder, subfolders, names in os.walk(content_path):
        for name in subfolders + names:
            path = os.path.join(folder, name)
            if os.path.islink(path):
                target = os.path.realpath(path)
                if os.path.commonpath([root, target]) != root:
                    found.append(problem(path, "file", "a link to a file outside the content folder: copy the "
                                         "file in instead (links out are never published)"))
    return found

"""What an article's page is made from, as one key: the article's own bytes, its neighbours'
(previous and next, the parts of its series), and everything every page shares (all other
content and data files, the images, the theme, the plugins' code, the settings). A page
whose key is the one it was last written with, and whose file in the output still holds
those bytes, is not rendered again.

The article template shows no other article than these; a template that did (a "latest
articles" box on every article) would have to add what it shows to `article_key`. A page a
plugin makes is skipped the same way when it says which articles it shows (`shown_key`).
"""

import hashlib
import json
import os
from pathlib import Path

import practice_model

PLUGINS = Path(__file__).resolve().parent.parent
SKIP_SETTINGS = {practice_model.SETTING}  # this run's objects, not inputs


def _files_digest(h, root, exclude=()):
    for folder, subfolders, names in os.walk(root):
        subfolders[:] = sorted(d for d in subfolders if d not in ("__pycache__",) and
                               os.path.join(folder, d) not in exclude)
        for name in sorted(names):
            path = os.path.join(folder, name)
            h.update(os.path.relpath(path, root).encode() + b"\0")
            with open(path, "rb") as f:
                h.update(hashlib.sha256(f.read()).digest())


def shared_key(settings, content_path):
    """Everything every page is made from, except the articles."""
    h = hashlib.sha256()
    articles = {os.path.join(content_path, p) for p in settings.get("ARTICLE_PATHS", ())}
    _files_digest(h, content_path, exclude=articles)
    _files_digest(h, os.path.join(settings["THEME"], "templates"))
    _files_digest(h, str(PLUGINS))
    shown = {k: v for k, v in settings.items() if k not in SKIP_SETTINGS}
    h.update(json.dumps(shown, sort_keys=True, default=lambda o: type(o).__qualname__).encode())
    return h.hexdigest()


def _source_key(build, item):
    source = build.source(item.source_path) if item is not None else None
    return (source.key, item.status) if source is not None else None


def shown_key(page, shows, shared, build):
    """The key of a page a plugin makes (page_model.write_page with `shows`): everything every
    page shares, its own address, template and date, and the articles it shows."""
    keys = [_source_key(build, item) for item in shows]
    if any(k is None for k in keys):
        return None
    date = page.date.isoformat() if hasattr(page.date, "isoformat") else str(page.date)
    return hashlib.sha256(json.dumps([shared, "page", page.save_as, page.template, date, keys]).encode()).hexdigest()


def article_key(article, shared, build):
    """The key of one article's page, or None when one of its inputs is not a checked file."""
    place = getattr(article, "series_place", None)
    parts = [place.name, place.number, place.total, _source_key(build, place.previous),
             _source_key(build, place.next)] if place else []
    inputs = [_source_key(build, article), _source_key(build, getattr(article, "previous_article", None)),
              _source_key(build, getattr(article, "next_article", None)), parts]
    if inputs[0] is None:
        return None
    return hashlib.sha256(json.dumps([shared, inputs]).encode()).hexdigest()

"""The site's Markdown reader, and parallel reading of what the cache lacks.

Our own reader rather than pelican-yaml-metadata's: that one parses YAML again with no
bounds, while every file here is parsed once, by the contract's parser, per build."""

import multiprocessing
import os
from pathlib import Path

import plugin_settings
import practice_model
from content_contract.check import read_source
from content_contract.dates import parse_date
from content_contract.html_check import named_file
from content_contract.problems import problem
from pelican.contents import Author, Category, Tag
from pelican.readers import BaseReader
from plugin_settings import Setting, positive

from content_reader.cache import CACHE_FILE, ContentCache
from content_reader.render import reading_config, render

STATE = "content_reader"
SETTINGS = {
    "CONTENT_READER_CACHE": Setting(True, bool, "Keep rendered files in CACHE_PATH, keyed by their content."),
    "CONTENT_READER_TYPOGRIFY": Setting(True, bool, "Typogrify every file once, inside the reader (Pelican's own "
                                        "TYPOGRIFY stays off: its pass would run on every build)."),
    "CONTENT_READER_WORKERS": Setting(os.cpu_count() or 1, int, "Processes that render the files the cache "
                                      "lacks (1: none).", positive),
}


def cache_of(settings):
    """This build's content cache, opened on first use (with the plugin's settings checked)."""
    def make():
        conf = plugin_settings.read(settings, "CONTENT_READER_", SETTINGS)
        path = os.path.join(settings["CACHE_PATH"], CACHE_FILE) if conf.cache else None
        cache = ContentCache(path, reading_config(settings))
        cache.workers = conf.workers
        return cache
    return practice_model.build_of(settings).state(STATE, make)


def _render_task(task):
    key, front_matter, config = task
    return key, render(front_matter, config)


def prepare_reading(readers):
    """Once per build: render every Markdown file the cache lacks, in parallel."""
    settings = readers.settings
    cache = cache_of(settings)
    if cache.prepared:
        return
    cache.prepared = True
    missing = [(s.key, s.front_matter, cache.config) for s in practice_model.build_of(settings).sources
               if s.front_matter is not None and cache.lookup(s.key) is None]
    workers = cache.workers
    if workers < 2 or len(missing) < 4 * workers:
        return  # not worth starting processes: read as Pelican asks
    context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else None)
    with context.Pool(workers) as pool:
        for key, result in pool.imap_unordered(_render_task, missing, chunksize=8):
            cache.store(key, result)


def pelican_metadata(meta, formatted, title_html, settings):
    """Front matter as Pelican's contents expect it, through Pelican's public types."""
    out = {}
    for name, value in meta.items():
        if value is None:
            continue
        name = str(name).lower()
        if name in formatted:
            value = formatted[name]
        elif name == "title":
            value = title_html
        elif name in ("date", "modified", "last_reviewed"):
            value = parse_date(value)  # the contract's rule: a file that passed it always has a date here
        elif name == "tags":
            names = [str(t).strip() for t in (value if isinstance(value, list) else [value])]
            value = [Tag(n, settings) for n in dict.fromkeys(n for n in names if n)]  # each tag once
        elif name == "author":
            value = Author(str(value).strip(), settings)
        elif name == "category":
            value = Category(str(value).strip(), settings)
        elif name in ("slug", "save_as", "url", "status", "template"):
            value = str(value).strip()
        if value in ("", [], None):
            continue
        out[name] = value
    return out


class SiteReader(BaseReader):
    """Markdown with YAML front matter: titles read as text, typogrify run once per file,
    results cached by the file's content hash."""

    enabled = True
    file_extensions = ["md", "markdown", "mkd", "mdown"]

    def read(self, source_path):
        source = practice_model.build_of(self.settings).source(source_path)
        if source is None or source.front_matter is None:
            source = read_source("", Path(source_path))  # a file outside the contract's folders
            if source.error:
                raise ValueError(f"{source_path}: {source.error.field}: {source.error.message}")
        cache = cache_of(self.settings)
        result = cache.lookup(source.key)
        if result is None:
            result = render(source.front_matter, cache.config)
            cache.store(source.key, result)
        content, title_html, formatted, checks = result
        build = practice_model.build_of(self.settings)
        build.state("content_problems", list).extend(
            content_problems(source, checks, self.settings["PATH"]))
        return content, pelican_metadata(source.front_matter.meta, formatted, title_html, self.settings)


def _line_of(source, needle):
    """The line of the file where `needle` (a tag or attribute) first appears, or 0."""
    text = Path(source.path).read_text(encoding="utf-8-sig", errors="replace").lower()
    at = text.find(needle.lower())
    return text.count("\n", 0, at) + 1 if at >= 0 else 0


def content_problems(source, checks, content_root):
    """Problems with what a file's HTML would load or run, and with the files it names."""
    found = []
    for field, (bad, local) in checks.items():
        for message, needle in bad:
            found.append(problem(source.path, field, message, _line_of(source, needle)))
        for src in local:
            target = named_file(src, source.path, content_root)
            if target is not None and not target.is_file():
                found.append(problem(source.path, field, f"the image '{src[:60]}' is not in the content folder "
                                     f"(expected {target})", _line_of(source, src)))
    return found


def use_site_reader(readers):
    for extension in SiteReader.file_extensions:
        readers.reader_classes[extension] = SiteReader


def save_cache(pelican):
    cache_of(pelican.settings).save()

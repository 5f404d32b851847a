"""The site's Markdown reader, and parallel reading of what the cache lacks."""

import multiprocessing
import os
from pathlib import Path

from pelican.plugins.yaml_metadata.yaml_metadata import YAMLMetadataReader

from content_reader import cache
from content_reader.render import reading_config, render

_config = {}


def _render_file(path):
    data = Path(path).read_bytes()
    return cache.content_key(data), render(data.decode("utf-8"), _config["current"])


def _init_worker(config):
    _config["current"] = config


def prepare_reading(readers):
    """Once per build: read every Markdown file the cache lacks, in parallel."""
    settings = readers.settings
    if _config.get("prepared") == id(settings):
        return
    _config["prepared"] = id(settings)
    config = reading_config(settings)
    _config["current"] = config
    cache.open_cache(settings, config)
    missing = []
    for path in sorted(Path(settings["PATH"]).rglob("*.md")):
        try:
            key = cache.content_key(path.read_bytes())
        except OSError:
            continue
        if cache.lookup(key) is None:
            missing.append(str(path))
    workers = int(settings.get("CONTENT_READER_WORKERS", os.cpu_count() or 1))
    if workers < 2 or len(missing) < 4 * workers:
        return  # not worth starting processes: read as Pelican asks
    context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else None)
    with context.Pool(workers, initializer=_init_worker, initargs=(config,)) as pool:
        for key, result in pool.imap_unordered(_render_file, missing, chunksize=8):
            cache.store(key, result)


class SiteReader(YAMLMetadataReader):
    """pelican-yaml-metadata's reader, with titles as text and typogrify done once."""

    def read(self, source_path):
        data = Path(source_path).read_bytes()
        key = cache.content_key(data)
        result = cache.lookup(key)
        if result is None:
            try:
                text = data.decode("utf-8")
            except UnicodeDecodeError:
                return super().read(source_path)
            result = render(text, _config.get("current") or reading_config(self.settings))
            cache.store(key, result)
        if result is None:  # no YAML front matter
            return super().read(source_path)
        content, raw, title_html, formatted = result
        plain = {k: v for k, v in raw.items() if k not in formatted and k != "title"}
        metadata = self._parse_yaml_metadata(plain, source_path)
        if title_html is not None:
            metadata["title"] = title_html
        metadata.update(formatted)
        return content, metadata


def use_site_reader(readers):
    for extension in SiteReader.file_extensions:
        readers.reader_classes[extension] = SiteReader

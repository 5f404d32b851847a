"""How Markdown files become HTML, fast and safely.

Builds on the official pelican-yaml-metadata reader, and adds what it and Pelican
lack: titles are read as text (escaped), typogrify runs once per file inside the
reader, results are cached by content hash (so a warm rebuild re-reads only what
changed, and a cache can never serve stale content), and files missing from the
cache are read in parallel, one process per core.
"""

from pelican import signals

from content_reader.cache import save_cache
from content_reader.reader import prepare_reading, use_site_reader


def register():
    signals.readers_init.connect(use_site_reader)
    signals.readers_init.connect(prepare_reading)
    signals.finalized.connect(save_cache)

"""How Markdown files become HTML, fast and safely.

The site's own reader (reader.py): front matter comes from the contract's one parser,
already run on every file when the build started (practice_model); titles are read as
text (escaped); typogrify runs once per file inside the reader; results are cached by
content hash (so a warm rebuild re-renders only what changed, and a cache can never
serve stale content); files missing from the cache are rendered in parallel, one
process per core.
"""

from pelican import signals

from content_reader.reader import prepare_reading, save_cache, use_site_reader


def register():
    signals.readers_init.connect(use_site_reader)
    signals.readers_init.connect(prepare_reading)
    signals.finalized.connect(save_cache)

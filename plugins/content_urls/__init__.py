"""Works out each article's and page's URL once, when the site has been read.

Pelican computes `url` from the settings on every use (a copy of the metadata, a
relative path, a format string), and a 1,000-article site asks for it about 13,000
times while it writes. Once every generator has read its content nothing changes a
slug, a date or a path, so the value is computed then and kept in `override_url`,
which Pelican itself consults first. `save_as` is left alone: Pelican takes an
`override_save_as` as leave to overwrite another page, and its duplicate guard
must stay on (the build's plan, practice_model/outputs.py, refuses collisions first).
"""

from pelican import signals
from pelican.contents import Article, Page


def fix_urls(generators):
    # Every generator shares one context; generated_content holds all that was read.
    for content in generators[0].context.get("generated_content", {}).values():
        if isinstance(content, (Article, Page)):
            content.override_url = content.url


def register():
    signals.all_generators_finalized.connect(fix_urls)

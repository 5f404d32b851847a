"""What search engines and link previews read: title, description, canonical URL,
Open Graph, breadcrumbs and one JSON-LD graph per page; robots.txt; stable sitemap dates.

Our own rather than pelican-seo, which fails on development builds and writes
non-ISO dates.
"""

from pelican import signals

from structured_data.head import add_template_functions
from structured_data.site_files import (
    note_undated_pages,
    pin_sitemap_dates,
    restart_sitemap,
    write_robots_txt,
)


def register():
    signals.get_generators.connect(restart_sitemap)
    signals.generator_init.connect(add_template_functions)
    signals.all_generators_finalized.connect(note_undated_pages)
    signals.finalized.connect(pin_sitemap_dates)
    signals.finalized.connect(write_robots_txt)

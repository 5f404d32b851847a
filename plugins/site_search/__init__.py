"""Site search with Pagefind: the built site is indexed after every build.

Only each page's main content (data-pagefind-body) is indexed, so every result
shows the page's real title. The index lives in output/pagefind/ (and, for a
large site, pagefind-1/, …) and is served from the site's own host.
"""

from pelican import signals

from site_search.index import index_site, note_written_page


def register():
    signals.content_written.connect(note_written_page)
    signals.finalized.connect(index_site)

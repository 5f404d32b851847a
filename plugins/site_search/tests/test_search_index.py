"""The Pagefind index: written after each build, holding each page's own content only."""

import json
import re


def test_index_holds_exactly_the_pages_marked_as_their_own_content(real_site):
    entry = json.loads((real_site.output / "pagefind" / "pagefind-entry.json").read_text())
    indexed = sum(language["page_count"] for language in entry["languages"].values())
    marked = [p for p in real_site.output.rglob("*.html")
              if "pagefind" not in p.parts and "data-pagefind-body" in p.read_text()]
    assert indexed == len(marked)
    names = {str(p.relative_to(real_site.output)) for p in marked}
    assert "blog/what-makes-good-therapy/index.html" in names and "therapy/asheville-nc/index.html" in names
    for listing in ("index.html", "blog/index.html", "therapy/index.html", "search/index.html", "404.html"):
        assert listing not in names, listing


def test_search_page_loads_the_bundle_from_this_site(real_site):
    html = real_site.page("search/")
    assert re.search(r'<script src="/pagefind/pagefind-ui.js"></script>', html)
    assert (real_site.output / "pagefind" / "pagefind-ui.js").exists()

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


def test_a_large_site_is_indexed_in_parts_that_together_hold_every_page(tmp_path):
    from tests.sitebuild import CONTENT, run_pelican

    build = run_pelican(CONTENT, tmp_path / "out", overrides={"SITE_SEARCH": True, "SITE_SEARCH_PAGES_PER_INDEX": 40})
    assert build.returncode == 0, build.stderr
    manifest = json.loads((build.output / "pagefind" / "bundles.json").read_text())
    bundles = manifest["bundles"]
    assert bundles[0] == "pagefind/" and len(bundles) >= 3
    counts = []
    for bundle in bundles:
        entry = json.loads((build.output / bundle / "pagefind-entry.json").read_text())
        counts.append(sum(language["page_count"] for language in entry["languages"].values()))
    marked = [p for p in build.output.rglob("*.html")
              if not p.relative_to(build.output).parts[0].startswith("pagefind") and "data-pagefind-body" in p.read_text()]
    assert sum(counts) == len(marked) and max(counts) <= 40

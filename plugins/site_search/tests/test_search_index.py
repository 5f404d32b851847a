"""The Pagefind index: written after each build, holding each page's own content only."""

import json
import re

from tests.sitebuild import (
    CONTENT,
    article,
    edit_data,
    make_content,
    run_pelican,
    search_index_texts,
)


def test_index_holds_exactly_the_pages_marked_as_their_own_content(real_site):
    entry = json.loads((real_site.output / "pagefind" / "pagefind-entry.json").read_text())
    indexed = sum(language["page_count"] for language in entry["languages"].values())
    marked = marked_pages(real_site.output)
    assert indexed == len(marked)
    names = {str(p.relative_to(real_site.output)) for p in marked}
    assert "blog/what-makes-good-therapy/index.html" in names and "therapy/asheville-nc/index.html" in names
    for listing in ("index.html", "blog/index.html", "therapy/index.html", "search/index.html", "404.html"):
        assert listing not in names, listing


def test_search_page_loads_the_bundle_from_this_site(real_site):
    html = real_site.page("search/")
    assert re.search(r'<script src="/pagefind/pagefind-ui.js"></script>', html)
    assert (real_site.output / "pagefind" / "pagefind-ui.js").exists()


def bundle_pages(output):
    """{bundle: number of pages it indexes} as the search page finds them (bundles.json)."""
    bundles = json.loads((output / "pagefind" / "bundles.json").read_text())["bundles"]
    counts = {}
    for bundle in bundles:
        entry = json.loads((output / bundle / "pagefind-entry.json").read_text())
        counts[bundle] = sum(language["page_count"] for language in entry["languages"].values())
    return counts


def marked_pages(output):
    return [p for p in output.rglob("*.html")
            if not p.relative_to(output).parts[0].startswith("pagefind") and "data-pagefind-body" in p.read_text()]


def fragment_files(output, bundle):
    return {p.name: p.read_bytes() for p in (output / bundle / "fragment").iterdir()}


def test_a_large_site_is_indexed_in_parts_that_together_hold_every_page(tmp_path):
    build = run_pelican(CONTENT, tmp_path / "out", overrides={
        "SITE_SEARCH": True, "SITE_SEARCH_PAGES_PER_PART": 40, "CACHE_PATH": str(tmp_path / "cache")})
    assert build.returncode == 0, build.stderr
    counts = bundle_pages(build.output)
    marked = marked_pages(build.output)
    assert list(counts)[0] == "pagefind/" and len(counts) == -(-len(marked) // 40) >= 3
    assert sum(counts.values()) == len(marked) and max(counts.values()) < 2 * 40


def test_a_changed_page_is_indexed_again_and_unchanged_parts_come_from_the_cache(tmp_path):
    files = {f"articles/note-{i}.md": article(f"Note {i}", date=f"2026-01-{i + 1:02d}", body=f"Plain words {i}.\n")
             for i in range(12)}
    content = make_content(tmp_path, files)
    overrides = {"SITE_SEARCH": True, "SITE_SEARCH_PAGES_PER_PART": 5, "CACHE_PATH": str(tmp_path / "cache")}
    first = run_pelican(content, tmp_path / "out", overrides=overrides)
    assert first.returncode == 0, first.stderr
    before = {bundle: fragment_files(first.output, bundle) for bundle in bundle_pages(first.output)}

    (content / "articles" / "note-3.md").write_text(
        article("Note 3", date="2026-01-04", body="Plain words 3, and now a marmalade sentence.\n"))
    second = run_pelican(content, tmp_path / "out", overrides=overrides)
    assert second.returncode == 0, second.stderr
    after = {bundle: fragment_files(second.output, bundle) for bundle in bundle_pages(second.output)}

    assert after.keys() == before.keys() and len(after) >= 3
    changed = [bundle for bundle in after if after[bundle] != before[bundle]]
    assert len(changed) == 1, changed
    assert any(b"marmalade" in text for text in search_index_texts(second.output, changed[0].rstrip("/")))
    assert sum(bundle_pages(second.output).values()) == len(marked_pages(second.output))


def test_the_search_cache_keeps_recent_parts_and_does_not_grow_with_every_edit(tmp_path):
    content = make_content(tmp_path)
    overrides = {"SITE_SEARCH": True, "SITE_SEARCH_PAGES_PER_PART": 20, "CACHE_PATH": str(tmp_path / "cache")}
    tagline = "We Heal North Carolina"
    for edit in range(5):
        # The footer of every page changes, so every part is new on every build.
        edit_data(content, "practice.yaml", f"tagline: {tagline}", f"tagline: {tagline} {edit}")
        tagline = f"{tagline} {edit}"
        build = run_pelican(content, tmp_path / "out", overrides=overrides)
        assert build.returncode == 0, build.stderr
    used = len(bundle_pages(build.output))
    cached = list((tmp_path / "cache" / "search").iterdir())
    assert 5 <= used and len(cached) <= used + max(16, used) < 5 * used


def test_a_damaged_search_cache_part_is_discarded_with_a_warning_and_indexed_again(tmp_path):
    content = make_content(tmp_path, {"articles/a.md": article("Quiet piece", body="Words about marmalade.\n")})
    overrides = {"SITE_SEARCH": True, "CACHE_PATH": str(tmp_path / "cache")}
    first = run_pelican(content, tmp_path / "out", overrides=overrides)
    assert first.returncode == 0, first.stderr
    fragments = sorted((tmp_path / "cache" / "search").glob("*/fragment/*.pf_fragment"))
    assert fragments
    fragments[0].unlink()
    fragments[1].write_bytes(b"not a fragment")

    second = run_pelican(content, tmp_path / "out", overrides=overrides)
    assert second.returncode == 0, second.stderr
    assert "the search cache part" in second.stderr and "was damaged" in second.stderr
    assert sum(bundle_pages(second.output).values()) == len(marked_pages(second.output))
    texts = search_index_texts(second.output)
    assert len(texts) == len(marked_pages(second.output))
    assert any(b"marmalade" in t for t in texts)


def test_a_page_whose_address_starts_like_a_bundle_is_kept_and_indexed(tmp_path):
    page = ("---\ntitle: Pagefind notes\nslug: pagefind-notes\n"
            "summary: Notes on how the search on this site works, and what it keeps.\n---\n\nSearch words.\n")
    content = make_content(tmp_path, {"pages/notes.md": page})
    build = run_pelican(content, tmp_path / "out", overrides={"SITE_SEARCH": True, "CACHE_PATH": str(tmp_path / "c")})
    assert build.returncode == 0, build.stderr
    assert "Search words." in build.text("pagefind-notes/")
    texts = search_index_texts(build.output)
    assert any(b"/pagefind-notes/" in t for t in texts)

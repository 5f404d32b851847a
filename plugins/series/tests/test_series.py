"""Series navigation and previous/next links, with drafts and hidden articles kept out."""

import pytest

from tests.sitebuild import article, build_site


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return build_site(tmp_path_factory.mktemp("series"), {
        "articles/p1.md": article("Trauma part one", date="2026-01-01", series="Understanding EMDR", series_index=1),
        "articles/p2.md": article("Trauma draft part", date="2026-01-08", series="Understanding EMDR",
                                  series_index=2, status="draft"),
        "articles/p3.md": article("Trauma part three", date="2026-01-15", series="Understanding EMDR", series_index=3),
        "articles/solo.md": article("A stand-alone piece", date="2026-01-10"),
        "articles/hidden.md": article("A hidden piece", date="2026-01-12", status="hidden"),
    })


def published_pages(build):
    return {p: p.read_text(encoding="utf-8").replace("&nbsp;", " ") for p in build.output.rglob("*.html")
            if "drafts" not in p.parts}


def test_parts_show_their_place_and_link_to_each_other(site):
    build = site
    assert build.returncode == 0, build.stderr
    first = build.text("blog/trauma-part-one/")
    assert 'Part 1 of 2 in <a href="/blog/series/understanding-emdr/">Understanding EMDR</a>' in first
    assert '<a rel="next" href="/blog/trauma-part-three/">Next part: Trauma part three</a>' in first
    third = build.text("blog/trauma-part-three/")
    assert "Part 2 of 2 in" in third
    assert '<a rel="prev" href="/blog/trauma-part-one/">Previous part: Trauma part one</a>' in third


def test_series_page_lists_published_parts_in_order(site):
    build = site
    html = build.text("blog/series/understanding-emdr/")
    assert html.index("Trauma part one") < html.index("Trauma part three")
    assert "Trauma draft part" not in html


def test_draft_and_hidden_articles_appear_in_no_list_navigation_or_sitemap(site):
    build = site
    for path, html in published_pages(build).items():
        assert "Trauma draft part" not in html, path
        if "hidden-piece" not in str(path):
            assert "A hidden piece" not in html, path
    sitemap = (build.output / "sitemap.xml").read_text()
    assert "trauma-draft-part" not in sitemap and "a-hidden-piece" not in sitemap


def test_every_article_links_to_its_neighbours_by_date(site):
    build = site
    solo = build.text("blog/a-stand-alone-piece/")
    assert '<a href="/blog/trauma-part-one/">Previous: Trauma part one</a>' in solo
    assert '<a href="/blog/trauma-part-three/">Next: Trauma part three</a>' in solo
    first = build.text("blog/trauma-part-one/")
    assert "Previous:" not in first

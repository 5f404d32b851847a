"""URLs worked out once still lead to the pages written: articles, drafts, pages."""

import re

from tests.sitebuild import article, build_site


def test_every_link_to_content_leads_to_the_file_written_for_it(tmp_path):
    build = build_site(tmp_path, {
        "articles/a.md": article("First piece", date="2026-01-01", tags=["grief"]),
        "articles/b.md": article("Second piece", date="2026-01-02", slug="a-chosen-address"),
        "articles/c.md": article("Draft piece", date="2026-01-03", status="draft"),
        "pages/visit.md": "---\ntitle: Visiting us\nsummary: How to find the office, and what to expect when you come in.\n---\n\nWords.\n",
    })
    assert build.returncode == 0, build.stderr
    assert build.exists("blog/a-chosen-address/") and build.exists("drafts/draft-piece/")
    assert build.exists("visiting-us/")
    pages = build.html_pages()
    links = {href for html in pages.values() for href in re.findall(r'href="/([^"#]*)"', html)}
    content_links = {href for href in links if href.startswith(("blog/", "drafts/", "visiting-us/"))}
    assert {"blog/first-piece/", "blog/a-chosen-address/", "visiting-us/"} <= content_links
    for href in content_links:
        assert build.exists(href), href
    # The first piece's "next" link uses the chosen address, not one made from the title.
    assert 'href="/blog/a-chosen-address/"' in build.page("blog/first-piece/")

"""The practice's real site, built: what a reader finds on it."""

import csv
import io
import re
from urllib.parse import urlparse

from tests.html_read import read_page
from tests.sitebuild import CONTENT

ARTICLE = "blog/what-makes-good-therapy/"



def test_article_at_its_clean_url_with_byline_headings_and_crisis_notice(real_site):
    html = real_site.text(ARTICLE)
    assert "<h1>What Makes “Good Therapy”?</h1>" in html
    assert '<a href="/therapists/james-mccracken/" rel="author">James McCracken, LCSW</a>' in html
    for heading in ("Introduction", "Managing Countertransference", "Alliance Ruptures and Repairs", "Conclusion"):
        assert re.search(rf"<h2 id=\"[a-z-]+\">{heading}</h2>", html), heading
    assert "achieve a more fulfilling life" in html and "acheive" not in html
    assert "Kintsugi" not in html, "a caption without its picture is left out"
    notice = html.split('<aside class="crisis"', 1)[1].split("</aside>", 1)[0]
    assert '<a href="tel:911">Call 911</a>' in notice
    assert '<a href="tel:988">Call 988</a>' in notice and '<a href="sms:988">Text 988</a>' in notice
    assert '<a href="https://988lifeline.org">Chat at 988lifeline.org</a>' in notice


def test_profile_lists_the_article(real_site):
    html = real_site.text("therapists/james-mccracken/")
    assert f'<a href="/{ARTICLE}">What Makes “Good Therapy”?</a>' in html
    assert "Licensed Clinical Social Worker (LCSW)" in html


def test_every_page_shows_crisis_help(real_site):
    for path, html in real_site.html_pages().items():
        assert 'href="tel:988"' in html and 'href="tel:911"' in html, path


def test_no_page_loads_anything_from_another_host(real_site):
    for path, html in real_site.html_pages().items():
        for tag, attr, url in read_page(html).links:
            if tag == "a":
                continue
            assert not urlparse(url).netloc and not url.startswith("//"), (path, tag, url)
        assert "@import" not in html and "url(http" not in html, path
    css = (real_site.output / "theme" / "css" / "site.css").read_text()
    assert "http" not in css


def test_every_practice_page_exists_and_is_reachable_from_the_navigation(real_site):
    home = read_page(real_site.page(""))
    linked = {href for tag, _, href in home.links if tag == "a"}
    for url in ("therapists/", "blog/", "therapy/", "getting-started/", "crisis-help/", "about/", "fees/",
                "privacy/", "accessibility/", "nondiscrimination/", "search/"):
        assert real_site.exists(url), url
        assert f"/{url}" in linked, url
    assert real_site.exists("404.html")


def test_no_page_shows_a_placeholder_or_an_invented_contact(real_site):
    pattern = re.compile(r"\bTBD\b|lorem|ipsum|555-01\d\d|example\.(?:com|org)|XXX|FIXME|\[phone\]", re.I)
    for path, html in real_site.html_pages().items():
        assert not pattern.search(html), (path, pattern.search(html).group(0))


def test_crisis_page_lists_988_and_911_as_links_and_every_resource(real_site):
    html = real_site.text("crisis-help/")
    assert '<a href="tel:911">Call 911</a>' in html and '<a class="button" href="tel:988">Call 988</a>' in html
    assert '<a class="button" href="sms:988">Text 988</a>' in html
    assert '<a class="button" href="tel:+18557337762">' in html, "NC Peer Warmline"
    assert "not monitored for emergencies" in html
    assert "Press 3" not in html and "press 3" not in html and "Hope4NC" not in html


def test_county_table_lists_every_county_with_a_line_only_where_verified(real_site):
    html = real_site.text("crisis-help/")
    table = html.split('<table class="counties">', 1)[1].split("</table>", 1)[0]
    cells = dict(re.findall(r'<th scope="row">([^<]+)</th><td>(.*?)</td>', table))
    rows = list(csv.DictReader(io.StringIO("".join(
        l for l in (CONTENT / "data" / "counties.csv").read_text().splitlines(True) if not l.startswith("#")))))
    assert set(cells) == {r["county"] for r in rows} and len(cells) == 100
    with_line = {name for name, cell in cells.items() if "tel:" in cell}
    assert with_line == {r["county"] for r in rows if r["verified"] == "yes"} and len(with_line) == 52


def test_fees_page_states_the_good_faith_estimate_right(real_site):
    html = real_site.text("fees/")
    assert "Good Faith Estimate" in html and "No Surprises Act" in html
    assert '<a href="tel:+18009853059">1-800-985-3059</a>' in html


def test_getting_started_reads_well_without_contact_details(real_site):
    html = real_site.text("getting-started/")
    assert "will appear here" in html
    assert "tel:+1" not in html.split('id="reach-us"', 1)[1].split("</article>", 1)[0]

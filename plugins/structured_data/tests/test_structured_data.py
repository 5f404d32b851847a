"""Head metadata and JSON-LD on built sites, checked against what Google documents."""

import re
from datetime import datetime

import pytest

from tests.html_read import all_refs, graph_of, read_page
from tests.sitebuild import article, edit_data, make_content, run_pelican

SITEURL = "https://example.org/repo"
HOSTILE = '</script><script>alert(1)</script> Tom & Jerry’s "quoted" café'


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    base = tmp_path_factory.mktemp("seo")
    content = make_content(base, {
        "articles/a.md": article("Repairing ruptures", date="2026-03-02T09:30:00", series="Alliance", series_index=1,
                                 tags=["couples"], last_reviewed="2026-03-10", reviewed_by="James McCracken"),
        "articles/b.md": article("Second part", date="2026-03-09", series="Alliance", series_index=2),
        "articles/hostile.md": article(HOSTILE, slug="hostile", date="2026-01-05",
                                       summary='A summary with "quotes", <b>tags</b> & ampersands that must stay text.'),
    }, real=("pages", "articles"))
    build = run_pelican(content, base / "output", overrides={"SITEURL": SITEURL})
    assert build.returncode == 0, build.stderr
    return build


def by_type(graph, kind):
    return [n for n in graph if kind == n["@type"] or (isinstance(n["@type"], list) and kind in n["@type"])]


def test_every_page_has_one_graph_whose_references_resolve(site):
    for path, html in site.html_pages().items():
        graph = graph_of(read_page(html))
        ids = {n["@id"] for n in graph}
        for ref in all_refs(graph):
            assert ref in ids, f"{path}: {ref} does not resolve"
        org = by_type(graph, "Organization")[0]
        assert org["name"] == "North Carolina Therapy Professionals, PLLC"
        assert org["areaServed"] == {"@type": "State", "name": "North Carolina"}
        assert org["@type"] == "Organization", "no clinic type without a street address"
        assert by_type(graph, "WebSite")


def test_article_has_blogposting_with_iso_dates_author_and_series(site):
    graph = graph_of(read_page(site.page("blog/repairing-ruptures/")))
    post = by_type(graph, "BlogPosting")[0]
    for key in ("headline", "description", "datePublished", "dateModified", "author", "publisher", "image"
                if "image" in post else "headline"):
        assert post[key], key
    assert post["datePublished"] == "2026-03-02T09:30:00-05:00"
    assert datetime.fromisoformat(post["dateModified"]).tzinfo is not None
    person = by_type(graph, "Person")[0]
    assert post["author"] == {"@id": person["@id"], "url": f"{SITEURL}/therapists/james-mccracken/"}
    series = by_type(graph, "CreativeWorkSeries")[0]
    assert post["isPartOf"] == {"@id": series["@id"]} and series["name"] == "Alliance"
    page = by_type(graph, "MedicalWebPage")[0]
    assert page["lastReviewed"].startswith("2026-03-10") and page["reviewedBy"] == {"@id": person["@id"]}


def test_profile_page_describes_the_person_and_credentials(site):
    graph = graph_of(read_page(site.page("therapists/james-mccracken/")))
    page = by_type(graph, "ProfilePage")[0]
    person = by_type(graph, "Person")[0]
    assert page["mainEntity"] == {"@id": person["@id"]}
    assert person["name"] == "James McCracken" and person["jobTitle"] == "Clinical Director"
    assert person["worksFor"] == {"@id": f"{SITEURL}/#organization"}
    license_ = next(c for c in person["hasCredential"] if c["credentialCategory"] == "license")
    assert license_ == {
        "@type": "EducationalOccupationalCredential", "name": "Licensed Clinical Social Worker",
        "credentialCategory": "license", "validIn": {"@type": "State", "name": "North Carolina"},
        "recognizedBy": {"@type": "Organization", "name": "North Carolina Social Work Certification and Licensure Board",
                         "url": "https://ncswboard.gov/"}}
    certification = next(c for c in person["hasCredential"] if c["credentialCategory"] == "certification")
    assert certification == {
        "@type": "EducationalOccupationalCredential", "name": "Certified Emotionally Focused Therapy Supervisor",
        "credentialCategory": "certification",
        "recognizedBy": {"@type": "Organization", "url": "https://iceeft.com/",
                         "name": "International Centre for Excellence in Emotionally Focused Therapy (ICEEFT)"}}
    assert all(c.get("recognizedBy", {}).get("name") for c in person["hasCredential"])


def test_breadcrumb_list_matches_the_visible_breadcrumbs_on_every_page_but_home(site):
    for path, html in site.html_pages().items():
        reader = read_page(html)
        lists = by_type(graph_of(reader), "BreadcrumbList")
        if path == "index.html":
            assert not lists and not reader.breadcrumbs
            continue
        items = lists[0]["itemListElement"]
        assert [i["position"] for i in items] == list(range(1, len(items) + 1))
        visible = [(name, SITEURL.rstrip("/") + href[len(SITEURL):] if href.startswith(SITEURL) else href)
                   for name, href in reader.breadcrumbs]
        assert [(i["name"], i["item"]) for i in items] == visible, path


def test_city_page_is_about_the_city_in_its_county_and_state(site):
    graph = graph_of(read_page(site.page("therapy/asheville-nc/")))
    page = by_type(graph, "WebPage")[0]
    assert page["about"] == {"@type": "City", "name": "Asheville", "containedInPlace": {
        "@type": "AdministrativeArea", "name": "Buncombe County",
        "containedInPlace": {"@type": "State", "name": "North Carolina"}}}
    assert not by_type(graph, "LocalBusiness") and not by_type(graph, "MedicalClinic")


def test_canonical_og_url_and_sitemap_agree_and_every_sitemap_url_was_written(site):
    sitemap = (site.output / "sitemap.xml").read_text()
    locs = re.findall(r"<loc>([^<]+)</loc>", sitemap)
    assert len(locs) == len(set(locs)) > 100
    for loc in locs:
        rel = loc[len(SITEURL) + 1:]
        path = site.output / rel / "index.html" if rel.endswith("/") or rel == "" else site.output / rel
        assert path.exists(), loc
        reader = read_page(path.read_text(encoding="utf-8"))
        canonical = re.search(r'<link rel="canonical" href="([^"]+)">', path.read_text()).group(1)
        assert canonical == loc == reader.meta["og:url"]
    for kind in ("blog/repairing-ruptures/", "therapists/james-mccracken/", "blog/series/alliance/",
                 "therapy/durham-nc/", "therapy/", "about/"):
        assert f"{SITEURL}/{kind}" in locs


def test_sitemap_dates_come_from_the_content_not_the_clock(site):
    sitemap = (site.output / "sitemap.xml").read_text()
    dates = set(re.findall(r"<lastmod>([^<]+)</lastmod>", sitemap))
    assert dates <= {"2026-01-05T00:00:00-05:00", "2026-03-02T09:30:00-05:00", "2026-03-09T00:00:00-04:00",
                     "2026-11-26T00:00:00-05:00"}, dates


def test_og_type_per_page_kind(site):
    assert read_page(site.page("blog/repairing-ruptures/")).meta["og:type"] == "article"
    assert read_page(site.page("therapists/james-mccracken/")).meta["og:type"] == "profile"
    assert read_page(site.page("")).meta["og:type"] == "website"


def test_hostile_front_matter_is_escaped_everywhere_and_the_page_still_parses(site):
    html = site.page("blog/hostile/")
    reader = read_page(html)
    assert html.count("<script") == reader.scripts == 1, "only the JSON-LD script element"
    assert "alert(1)</script>" not in html.replace("&lt;/script&gt;", "")
    plain = '</script><script>alert(1)</script> Tom & Jerry’s “quoted” café'
    assert reader.title == f"{plain} | North Carolina Therapy Professionals"
    assert reader.meta["og:title"] == plain
    # The summary is plain text: markup in it is shown as written, never applied.
    assert reader.meta["description"] == "A summary with “quotes”, <b>tags</b> & ampersands that must stay text."
    assert "<h1>&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; Tom" in html
    post = by_type(graph_of(reader), "BlogPosting")[0]
    assert post["headline"] == plain
    assert "\\u003c/script\\u003e" in reader.jsonld[0]


def test_metadata_is_plain_text_without_typogrify_markup(site):
    for path, html in site.html_pages().items():
        head = html.split("</head>", 1)[0]
        for marker in ('class="caps"', "&amp;nbsp;", "&amp;#", "<span", "&amp;amp;"):
            assert marker not in head, (path, marker)


def test_robots_txt_names_the_sitemap(site):
    assert f"Sitemap: {SITEURL}/sitemap.xml" in (site.output / "robots.txt").read_text()


def test_a_street_address_makes_the_practice_a_medical_clinic(tmp_path):
    content = make_content(tmp_path)
    edit_data(content, "practice.yaml",
              'street_address: null  # unknown: add it once confirmed, e.g. "123 Main St, Suite 4"',
              'street_address: "1 Test Street"')
    build = run_pelican(content, tmp_path / "out")
    assert build.returncode == 0, build.stderr
    org = by_type(graph_of(read_page(build.page(""))), "Organization")[0]
    assert org["@type"] == ["Organization", "MedicalClinic"]
    assert org["address"]["streetAddress"] == "1 Test Street"

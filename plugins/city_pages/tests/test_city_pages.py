"""City pages built from the real data, on a small site."""

import math
import re

import pytest

from tests.sitebuild import article, build_site

IN_PERSON = """\
---
name: Rosa Lind
credentials: [LCMHC]
in_person: true
summary: Rosa Lind is a Licensed Clinical Mental Health Counselor seeing adults in Durham.
---

Rosa sees adults.
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    build = build_site(tmp_path_factory.mktemp("cities"), {
        "therapists/rosa-lind.md": IN_PERSON,
        "articles/a.md": article("Finding a good fit"),
        "cities/durham-nc.md": "---\ncity: durham-nc\n---\n\nOur offices are a short walk from downtown.\n",
    })
    assert build.returncode == 0, build.stderr
    return build


def miles(a, b):
    # Independent of the plugin: spherical law of cosines.
    la1, lo1, la2, lo2 = map(math.radians, (*a, *b))
    return 3958.8 * math.acos(math.sin(la1) * math.sin(la2) + math.cos(la1) * math.cos(la2) * math.cos(lo2 - lo1))


def test_a_city_page_says_how_to_see_the_practice_from_there(site):
    html = site.text("therapy/raleigh-nc/")
    distance = round(miles((35.977928, -78.898109), (35.831868, -78.641042)))
    assert "<h1>Therapy in Raleigh, NC</h1>" in html
    assert "our therapists see clients online anywhere in North Carolina, Raleigh included." in html
    assert f"at our home offices in Durham, about {distance} miles northwest of Raleigh in a straight line. " \
           "We have no office in Raleigh." in html
    assert "<title>Therapy in Raleigh, NC | North Carolina Therapy Professionals</title>" in html
    assert re.search(r'<meta name="description" content="[^"]*Raleigh[^"]*">', html)


def test_the_office_city_says_so_and_merges_the_practices_own_words(site):
    html = site.text("therapy/durham-nc/")
    assert "our home offices are here in Durham." in html
    assert "Our offices are a short walk from downtown." in html
    assert "We have no office in Durham" not in html
    assert "Durham is a city in Durham County (and partly in Orange and Wake counties)" in html


def test_no_page_claims_an_office_outside_durham(site):
    for page in (site.output / "therapy").rglob("index.html"):
        text = page.read_text(encoding="utf-8").replace("&nbsp;", " ")
        slug = page.parent.name
        if slug != "durham-nc":
            assert "offices are here" not in text, slug


def test_county_plan_and_line_only_where_verified(site):
    asheville = site.text("therapy/asheville-nc/")
    assert "Buncombe County's public behavioral-health plan is Vaya Health." in asheville
    assert '<a href="tel:+18008496127">1-800-849-6127</a> (checked December 1, 2026)' in asheville
    sanford = site.text("therapy/sanford-nc/")  # Lee County's plan is not verified
    assert "We have not confirmed Lee County's public behavioral-health plan" in sanford
    assert "Trillium" not in sanford
    durham = site.text("therapy/durham-nc/")  # Alliance: the plan is known, its line is not
    assert ('Durham County\'s public behavioral-health plan is <a href="https://www.alliancehealthplan.org/">'
            'Alliance Health</a>. We have not been able to confirm its crisis line, so we show none.') in durham
    for html in (asheville, sanford, durham):
        crisis = html.split('id="crisis-local"', 1)[1].split("</section>", 1)[0]
        assert '<a href="tel:911">Call 911</a>' in crisis and '<a href="tel:988">Call 988</a>' in crisis
        assert '<a href="sms:988">Text 988</a>' in crisis
    assert "tel:+1" not in durham.split('id="crisis-local"', 1)[1].split("</section>", 1)[0]


def test_population_with_its_vintage_and_the_area(site):
    html = site.text("therapy/asheville-nc/")
    assert "home to about 94,369 people (US Census Bureau, American Community Survey 2019–2023 5-year estimate)" in html
    assert "It is part of the Asheville, NC metropolitan area." in html
    assert '<a href="/therapy/hendersonville-nc/">Hendersonville</a>' in html


def test_nearest_five_city_pages_are_linked_closest_first(site):
    html = site.text("therapy/asheville-nc/")
    nearby = html.split('id="nearby"', 1)[1].split("</section>", 1)[0]
    names = re.findall(r'<a href="/therapy/[a-z-]+/">([^<]+)</a>, (\d+) miles', nearby)
    assert [n for n, _ in names] == ["Hendersonville", "Waynesville", "Morganton", "Shelby", "Lenoir"]
    assert [int(d) for _, d in names] == sorted(int(d) for _, d in names)


def test_therapists_online_everywhere_in_person_only_near_durham(site):
    near = site.text("therapy/chapel-hill-nc/")
    far = site.text("therapy/asheville-nc/")
    assert '<a href="/therapists/james-mccracken/">James McCracken, LCSW</a>: online' in near
    assert '<a href="/therapists/rosa-lind/">Rosa Lind, LCMHC</a>: in person in Durham' in near
    assert '<a href="/therapists/james-mccracken/">James McCracken, LCSW</a>: online' in far
    assert "rosa-lind" not in far
    assert "Finding a good fit" in far


def test_hub_and_area_pages_form_a_hierarchy_with_breadcrumbs(site):
    hub = site.text("therapy/")
    assert hub.count('href="/therapy/') - hub.count('href="/therapy/areas/') >= 96
    assert '<a href="/therapy/areas/durham-chapel-hill-nc/">Durham-Chapel Hill, NC</a>' in hub
    area = site.text("therapy/areas/durham-chapel-hill-nc/")
    assert '<a href="/therapy/chapel-hill-nc/">Chapel Hill</a>' in area
    crumbs = site.text("therapy/chapel-hill-nc/").split('aria-label="Breadcrumb"', 1)[1].split("</nav>", 1)[0]
    assert re.findall(r'href="([^"]+)"', crumbs) == ["/", "/therapy/", "/therapy/areas/durham-chapel-hill-nc/",
                                                      "/therapy/chapel-hill-nc/"]


def test_every_city_page_is_in_the_sitemap(site):
    sitemap = (site.output / "sitemap.xml").read_text()
    pages = {p.parent.name for p in (site.output / "therapy").glob("*/index.html")} - {"areas"}
    assert len(pages) == 96
    for slug in pages:
        assert f"/therapy/{slug}/</loc>" in sitemap


def test_uniqueness_report_flags_pages_without_local_words(site):
    report = (site.output.parent / "city-report.txt").read_text().splitlines()
    rows = [l for l in report if not l.startswith("#")]
    shares = [float(l.split()[0]) for l in rows]
    assert shares == sorted(shares), "least unique first"
    assert len(rows) == 96
    durham = next(l for l in rows if l.split()[1] == "durham-nc")
    assert "needs local words" not in durham
    assert any("needs local words (add content/cities/" in l for l in rows)

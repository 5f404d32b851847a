"""Services from the data: pages with the right therapists, the list, the links both ways,
and a service no profile names (no page, and the build says so). Fixture therapists only."""

import json
import re

import pytest

from tests.sitebuild import article, build_site

ANA = """\
---
name: Ana Ruiz
credentials: [LMFT]
populations: [couples, families]
formats: [couples, family]
languages: [English, Spanish]
in_person: true
online: true
accepting_new_clients: yes
services: [couples-therapy, family-therapy]
summary: Ana Ruiz is a Licensed Marriage and Family Therapist seeing couples and families.
---

Ana works with couples and families.
"""

BEN = """\
---
name: Ben Okafor
credentials: [LCMHC]
populations: [children, teens]
online: true
accepting_new_clients: no
services: [child-and-teen-therapy, family-therapy]
summary: Ben Okafor is a Licensed Clinical Mental Health Counselor seeing children and teens.
---

Ben works with children and teens.
"""


def service(title, body=""):
    summary = json.dumps(f"{title} at the practice: who offers it, how, and how to start with us.")
    return f"---\ntitle: {title}\nsummary: {summary}\n---\n\n{body}"


FILES = {
    "therapists/ana-ruiz.md": ANA,
    "therapists/ben-okafor.md": BEN,
    "services/couples-therapy.md": service("Couples therapy", "The practice's own words on couples therapy.\n"),
    "services/family-therapy.md": service("Family therapy"),
    "services/child-and-teen-therapy.md": service("Child and teen therapy"),
    "services/group-therapy.md": service("Group therapy", "Words for a service nobody offers yet.\n"),
    "articles/repair.md": article("Repair in couples", author="Ana Ruiz", tags=["couples therapy", "repair"]),
    "articles/other.md": article("Something else", tags=["anxiety"]),
}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    build = build_site(tmp_path_factory.mktemp("services"), FILES)
    assert build.returncode == 0, build.stderr
    return build


def card_names(html):
    return re.findall(r'<li class="card person"[^>]*>.*?<a href="/therapists/[^"]+/">([^<]+)</a>', html, re.S)


def test_each_service_page_shows_the_therapists_whose_profiles_name_it(site):
    assert card_names(site.text("services/couples-therapy/")) == ["Ana Ruiz, LMFT"]
    assert card_names(site.text("services/family-therapy/")) == ["Ben Okafor, LCMHC", "Ana Ruiz, LMFT"]  # by last name
    assert card_names(site.text("services/child-and-teen-therapy/")) == ["Ben Okafor, LCMHC"]


def test_a_service_page_says_how_and_where_and_links_to_fees_and_starting(site):
    html = site.text("services/family-therapy/")
    assert "<dt>Who it is for</dt><dd>Children, teens, couples and families</dd>" in html
    assert "<dt>Formats</dt><dd>Couples and family</dd>" in html
    assert "<dt>Where</dt><dd>In person in Durham; online anywhere in North Carolina</dd>" in html
    assert 'href="/fees/"' in html and 'href="/getting-started/"' in html
    assert 'class="prose"' not in html  # no body: the page is built from data alone
    own = site.text("services/couples-therapy/")
    assert "own words on couples therapy." in own and 'class="prose"' in own


def test_a_service_page_lists_the_articles_on_its_topic(site):
    html = site.text("services/couples-therapy/")
    assert 'href="/blog/repair-in-couples/"' in html and "Something else" not in html
    assert "Articles on" not in site.text("services/family-therapy/")


def test_a_service_no_therapist_offers_gets_no_page_and_the_build_says_so(site):
    assert not site.exists("services/group-therapy/")
    assert "content/services/group-therapy.md: no therapist's profile names the service 'group-therapy'" in site.stdout
    assert "Group therapy" not in site.text("services/")


def test_the_list_of_services_and_the_links_between_profiles_and_services(site):
    listing = site.text("services/")
    assert re.findall(r'<h2><a href="/services/([^/]+)/">', listing) == [
        "child-and-teen-therapy", "couples-therapy", "family-therapy"]
    profile = site.text("therapists/ana-ruiz/")
    assert 'href="/services/couples-therapy/">Couples therapy</a>' in profile
    assert 'href="/services/family-therapy/">Family therapy</a>' in profile
    assert "child-and-teen-therapy" not in profile
    assert 'href="/therapists/ana-ruiz/"' in site.text("services/couples-therapy/")


def test_cards_show_who_they_see_languages_and_new_clients_with_ask_us_when_unknown(site):
    cards = site.text("therapists/")
    assert "Couples and families" in cards and "In English and Spanish" in cards
    assert "Accepting new clients" in cards and "Not accepting new clients at the moment" in cards
    assert "Ask us whether James has openings" in cards  # the fixture James does not say


def test_a_profile_naming_an_unknown_service_stops_the_build_naming_the_file_and_field(tmp_path):
    files = {**FILES, "therapists/ben-okafor.md": BEN.replace("child-and-teen-therapy", "play-therapy")}
    build = build_site(tmp_path, files)
    assert build.returncode != 0
    assert "content/therapists/ben-okafor.md:7: services: unknown service 'play-therapy'" in build.stderr


def test_a_profile_naming_an_unknown_population_stops_the_build(tmp_path):
    files = {**FILES, "therapists/ben-okafor.md": BEN.replace("[children, teens]", "[kids]")}
    build = build_site(tmp_path, files)
    assert build.returncode != 0
    assert "content/therapists/ben-okafor.md:4: populations: unknown population 'kids'" in build.stderr

"""Therapist profiles, bylines and author boxes, on a built site."""

import pytest

from tests.sitebuild import article, build_site

ANA = """\
---
name: Ana Ruiz
pronouns: she/her
credentials: [LMFT, LCMHC]
license_numbers: {LMFT: "1234"}
role: Therapist
populations: [couples, families]
languages: [English, Spanish]
accepting_new_clients: yes
summary: Ana Ruiz is a Licensed Marriage and Family Therapist seeing couples and families.
---

Ana works with couples and families.
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return build_site(tmp_path_factory.mktemp("profiles"), {
        "therapists/ana-ruiz.md": ANA,
        "articles/a.md": article("Repair after a rupture", author="Ana Ruiz", credentials=["LMFT"]),
        "articles/b.md": article("On working alliances", date="2026-02-01"),
        "articles/c.md": article("Unfinished thoughts", author="ana-ruiz", status="draft"),
    })


def test_profile_shows_credentials_in_full_with_board_and_articles(site):
    build = site
    assert build.returncode == 0, build.stderr
    html = build.text("therapists/ana-ruiz/")
    assert "<h1>Ana Ruiz, LMFT, LCMHC</h1>" in html
    assert "Licensed Marriage and Family Therapist (LMFT)</strong>, licensed by the North Carolina Marriage and " \
           "Family Therapy Licensure Board, license number 1234." in html
    assert "Licensed Clinical Mental Health Counselor (LCMHC)</strong>, licensed by the " \
           '<a href="https://www.ncblcmhc.org/">North Carolina Board of Licensed Clinical Mental Health Counselors</a>' in html
    assert "<dt>Languages</dt><dd>English, Spanish</dd>" in html
    assert "Accepting new clients" in html
    assert 'href="/blog/repair-after-a-rupture/"' in html
    assert "Unfinished thoughts" not in html, "drafts are never listed"
    james = build.text("therapists/james-mccracken/")
    assert "Certified Emotionally Focused Therapy Supervisor" in james
    assert 'href="/blog/on-working-alliances/"' in james and "repair-after-a-rupture" not in james


def test_index_lists_every_therapist(site):
    build = site
    html = build.text("therapists/")
    assert 'href="/therapists/ana-ruiz/">Ana Ruiz, LMFT, LCMHC</a>' in html
    assert 'href="/therapists/james-mccracken/">James McCracken, LCSW</a>' in html


def test_byline_links_to_profile_with_the_articles_credentials_and_author_box(site):
    build = site
    html = build.text("blog/repair-after-a-rupture/")
    byline = html.split('<div class="byline">', 1)[1].split("</div>", 1)[0]
    assert '<p>By <a href="/therapists/ana-ruiz/" rel="author">Ana Ruiz, LMFT</a>' in byline
    box = html.split('<aside class="author-box"', 1)[1]
    assert "Ana works with couples and families." in box
    default = build.text("blog/on-working-alliances/")
    assert '<a href="/therapists/james-mccracken/" rel="author">James McCracken, LCSW</a>' in default


def test_profile_names_who_grants_each_certification(site):
    html = site.text("therapists/james-mccracken/")
    assert ('Certified Emotionally Focused Therapy Supervisor, certified through <a href="https://iceeft.com/">'
            'International Centre for Excellence in Emotionally Focused Therapy (ICEEFT)</a>.') in html

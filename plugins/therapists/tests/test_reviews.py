"""Reviewed by, shown and true: beside the byline, linked to the profile, and in the JSON-LD
exactly when the page shows it; the contract's checks; the report's yearly reminder. Also
the profile's other listings (shown, and sameAs) and the Notice of Privacy Practices."""

import datetime
import re

import pytest

from plugins.services.tests.test_services import ANA
from tests.html_read import graph_of, read_page
from tests.sitebuild import (
    article,
    build_site,
    edit_data,
    make_content,
    run_module,
    run_pelican,
)

TODAY = datetime.date.today()
ANA_LISTED = ANA.replace("services: [couples-therapy, family-therapy]\n", "").replace("summary:", "profiles:\n  - {name: Example directory, url: 'https://example.org/ana'}\n"
                         "summary:")


def files(**reviewed):
    return {
        "therapists/ana-ruiz.md": ANA_LISTED,
        "articles/reviewed.md": article("Repair in couples", author="Ana Ruiz", date="2026-01-05",
                                        clinical=True, **reviewed),
        "articles/plain.md": article("A note on scheduling", date="2026-01-06"),
    }


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    build = build_site(tmp_path_factory.mktemp("reviews"),
                       files(reviewed_by="James McCracken", last_reviewed="2026-02-10"))
    assert build.returncode == 0, build.stderr
    return build


def webpage(html):
    return next(n for n in graph_of(read_page(html)) if n["@id"].endswith("#webpage"))


def test_the_review_shows_beside_the_byline_linked_to_the_reviewer(site):
    html = site.text("blog/repair-in-couples/")
    byline = html.split('<div class="byline">', 1)[1].split("</div>", 1)[0]
    assert ('<p class="reviewed">Reviewed by <a href="/therapists/james-mccracken/">James McCracken, LCSW</a> '
            'on <time datetime="2026-02-10">February 10, 2026</time></p>') in byline


def test_the_json_ld_carries_the_review_exactly_when_the_page_shows_it(site):
    page = webpage(site.page("blog/repair-in-couples/"))
    assert page["lastReviewed"] == "2026-02-10"
    assert page["reviewedBy"] == {"@id": "/therapists/james-mccracken/#person"}
    people = [n for n in graph_of(read_page(site.page("blog/repair-in-couples/"))) if n["@type"] == "Person"]
    assert {p["name"] for p in people} == {"Ana Ruiz", "James McCracken"}
    plain = site.page("blog/a-note-on-scheduling/")
    assert "Reviewed by" not in plain
    assert "reviewedBy" not in webpage(plain) and "lastReviewed" not in webpage(plain)


@pytest.mark.parametrize("reviewed, line", [
    ({"reviewed_by": "Jane Nobody", "last_reviewed": "2026-02-10"},
     "reviewed_by: unknown therapist 'Jane Nobody' (known: ana-ruiz, james-mccracken)"),
    ({"reviewed_by": "James McCracken", "last_reviewed": "2025-12-31"},
     "last_reviewed: 2025-12-31 is before the date it was written (2026-01-05)"),
    ({"reviewed_by": "James McCracken", "last_reviewed": str(TODAY + datetime.timedelta(days=2))},
     f"last_reviewed: {TODAY + datetime.timedelta(days=2)} is in the future"),
    ({"reviewed_by": "James McCracken"}, "last_reviewed: required with reviewed_by"),
    ({"last_reviewed": "2026-02-10"}, "reviewed_by: required with last_reviewed"),
])
def test_a_review_that_is_not_whole_and_true_stops_the_build(tmp_path, reviewed, line):
    build = build_site(tmp_path, files(**reviewed))
    assert build.returncode != 0
    assert re.search(r"content/articles/reviewed\.md:\d+: " + re.escape(line), build.stderr), build.stderr


def test_the_report_lists_clinical_articles_not_reviewed_for_over_a_year(tmp_path):
    old = str(TODAY - datetime.timedelta(days=400))
    content = make_content(tmp_path / "a", {
        **files(reviewed_by="James McCracken", last_reviewed=old),
        "articles/never.md": article("Never reviewed", date="2026-01-07", clinical=True),
        "articles/fresh.md": article("Fresh", date="2026-01-08", clinical=True, reviewed_by="James McCracken",
                                     last_reviewed=str(TODAY)),
    })
    for path in content.glob("articles/*.md"):  # an old review needs an older article
        path.write_text(path.read_text().replace('"date": "2026-01-05"', f'"date": "{old}"')
                        .replace("date: \"2026-01-05\"", f"date: \"{old}\""))
    report = run_module("practice_model", "report", content)
    assert report.returncode == 0, report.stderr
    assert re.search(rf"articles/reviewed\.md:\d+: last_reviewed: {old}, over a year ago", report.stdout)
    assert "articles/never.md: last_reviewed: a clinical article never reviewed by a clinician" in report.stdout
    assert "fresh.md" not in report.stdout and "plain.md" not in report.stdout


def test_a_profile_shows_its_other_listings_and_gives_them_as_same_as(site):
    html = site.page("therapists/ana-ruiz/")
    assert '<li><a href="https://example.org/ana">Example directory</a></li>' in html
    person = next(n for n in graph_of(read_page(html)) if n["@type"] == "Person")
    assert person["sameAs"] == ["https://example.org/ana"]


NOTICE = "---\ntitle: Notice of Privacy Practices\nsummary: A fixture notice, standing in for the practice's own text in this test.\n---\n\nFixture text.\n"


def test_the_privacy_notice_is_linked_from_the_home_page_and_footer_once_named(tmp_path):
    content = make_content(tmp_path, real=("pages", "articles"))
    (content / "pages" / "notice-of-privacy-practices.md").write_text(NOTICE)
    before = run_pelican(content, tmp_path / "before")
    assert before.returncode == 0, before.stderr
    assert "Notice of Privacy Practices" not in before.page("") + before.page("fees/")
    report = run_module("practice_model", "report", content)
    assert "practice.yaml: privacy_notice: the Notice of Privacy Practices (HIPAA) is not on the site" in report.stdout
    edit_data(content, "practice.yaml", "privacy_notice: null", "privacy_notice: pages/notice-of-privacy-practices.md")
    after = run_pelican(content, tmp_path / "after")
    assert after.returncode == 0, after.stderr
    link = '<a href="/notice-of-privacy-practices/">Notice of Privacy Practices</a>'
    home = after.page("")
    assert home.count(link) == 2  # in the page and in the footer
    footer = after.page("fees/").split('<footer class="site-footer">', 1)[1]
    assert f"<li>{link}</li>" in footer
    assert "privacy_notice:" not in run_module("practice_model", "report", content).stdout


def test_a_privacy_notice_that_is_not_a_file_stops_the_build(tmp_path):
    content = make_content(tmp_path)
    edit_data(content, "practice.yaml", "privacy_notice: null", "privacy_notice: files/npp.pdf")
    build = run_pelican(content, tmp_path / "output")
    assert build.returncode != 0
    assert re.search(r"content/data/practice\.yaml:\d+: privacy_notice: 'files/npp\.pdf' is not a file", build.stderr)

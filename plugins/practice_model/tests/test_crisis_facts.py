"""Crisis facts a reader can rely on: only verified numbers, one display rule, every
fact from its data file, and a typo in a data file reported, never a crash."""

import csv
import io
import re
from pathlib import Path

import pytest
import yaml

from tests.sitebuild import (
    CONTENT,
    ROOT,
    edit_data,
    make_content,
    run_module,
    run_pelican,
)

PHONE_TEXT = re.compile(r"(?<![\d-])(?:1-)?\d{3}-\d{3}-\d{4}(?![\d-])")
TEL = re.compile(r'href="tel:\+?(\d+)"')


def digits(number):
    return re.sub(r"\D", "", number)[-10:]


def county_rows(content=CONTENT):
    text = (Path(content) / "data" / "counties.csv").read_text(encoding="utf-8")
    return list(csv.DictReader(io.StringIO("".join(l for l in text.splitlines(True) if not l.startswith("#")))))


def crisis_data(content=CONTENT):
    return yaml.safe_load((Path(content) / "data" / "crisis.yaml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def production(tmp_path_factory):
    """The real content, built as `make publish` builds it."""
    base = tmp_path_factory.mktemp("production")
    build = run_pelican(CONTENT, base / "output", settings="publishconf.py",
                        env={"SITEURL": "https://example.github.io/site"})
    assert build.returncode == 0, build.stderr
    return build


def test_no_page_shows_a_number_that_is_not_a_verified_row_or_resource(production):
    rows = county_rows()
    crisis = crisis_data()
    allowed = {digits(c["number"]) for r in crisis["resources"] for c in r["channels"] if c.get("number")}
    allowed |= {digits(r["crisis_line"]) for r in rows if r["verified"] == "yes"}
    practice = yaml.safe_load((CONTENT / "data" / "practice.yaml").read_text(encoding="utf-8"))
    allowed |= {digits(str(b["phone"])) for b in (practice["contact"], practice["good_faith_estimate"])
                if b.get("phone")}
    never = {digits(r["crisis_line"]) for r in rows if r["verified"] != "yes"} - allowed
    never |= {digits(p["member_services"]) for p in crisis["plans"].values()}
    assert digits("1-877-223-4617") in never  # Alliance's unconfirmed line
    pages = production.html_pages()
    assert len(pages) > 100
    for path, html in pages.items():
        shown = {digits(n) for n in PHONE_TEXT.findall(html)} | {digits(n) for n in TEL.findall(html)}
        shown.discard(digits("911"))
        assert shown <= allowed, (path, shown - allowed)
        assert not shown & never, path


def test_each_city_page_shows_its_county_line_only_where_the_row_is_verified(production):
    rows = {r["county"]: r for r in county_rows()}
    cities = list(csv.DictReader(io.StringIO("".join(
        l for l in (CONTENT / "data" / "cities.csv").read_text().splitlines(True) if not l.startswith("#")))))
    checked = 0
    for city in cities:
        if city["published"] != "yes":
            continue
        html = production.text(f"therapy/{city['slug']}/")
        crisis = html.split('id="crisis-local"', 1)[1].split("</section>", 1)[0]
        row = rows[city["county"]]
        assert 'href="tel:911"' in crisis and 'href="tel:988"' in crisis and 'href="sms:988"' in crisis
        county_numbers = {digits(n) for n in TEL.findall(crisis)} - {"911", "988"}
        if row["verified"] == "yes":
            assert county_numbers == {digits(row["crisis_line"])}, city["slug"]
            assert f"plan is {row['lme_mco']}." in crisis
        else:
            assert county_numbers == set(), city["slug"]
            if row["plan_verified"] == "yes":
                url = crisis_data()["plans"][row["lme_mco"]]["url"]
                assert f'plan is <a href="{url}">{row["lme_mco"]}</a>.' in crisis, city["slug"]
            else:
                assert row["lme_mco"] not in crisis, city["slug"]
                assert "We have not confirmed" in crisis
        checked += 1
    assert checked == 96


def test_area_pages_follow_the_same_rule(production):
    html = production.text("therapy/areas/durham-chapel-hill-nc/")
    assert ('Durham County\'s public behavioral-health plan is <a href="https://www.alliancehealthplan.org/">'
            'Alliance Health</a>') in html
    assert "We have not confirmed Chatham County's public behavioral-health plan" in html
    asheville = production.text("therapy/areas/asheville-nc/")
    assert 'Its 24/7 behavioral-health crisis line is <a href="tel:+18008496127">1-800-849-6127</a>' in asheville
    for page in (html, asheville):
        assert 'href="tel:911"' in page and 'href="tel:988"' in page


def test_templates_and_plugin_code_hold_no_crisis_number_or_address():
    crisis = crisis_data()
    facts = {c["number"] for r in crisis["resources"] for c in r["channels"] if c.get("number")}
    facts |= {c["url"].split("//", 1)[1] for r in crisis["resources"] for c in r["channels"] if c.get("url")}
    facts |= {r["crisis_line"] for r in county_rows()}
    facts |= {p["url"].split("//", 1)[1].strip("/") for p in crisis["plans"].values()}
    files = [*(ROOT / "theme" / "templates").rglob("*.html"),
             *(p for p in (ROOT / "plugins").rglob("*.py") if "tests" not in p.parts)]
    assert len(files) > 30
    for path in files:
        text = path.read_text(encoding="utf-8")
        for fact in facts:
            assert not re.search(rf"(?<![\w.-]){re.escape(fact)}(?![\w-])", text), (path, fact)


@pytest.fixture(scope="module")
def edited(tmp_path_factory):
    """A site whose data files were edited: one county row, one resource, one plan's site."""
    base = tmp_path_factory.mktemp("edited")
    content = make_content(base, real=("pages", "articles"))
    edit_data(content, "counties.csv", "Buncombe,37021,Vaya Health,1-800-849-6127,",
              "Buncombe,37021,Vaya Health,1-800-555-0199,")
    edit_data(content, "crisis.yaml", "{kind: call, label: Call 911, number: \"911\"}",
              "{kind: call, label: Dial 911 now, number: \"911\"}")
    edit_data(content, "crisis.yaml", "url: https://www.alliancehealthplan.org/", "url: https://alliance.example.org/")
    build = run_pelican(content, base / "output")
    assert build.returncode == 0, build.stderr
    return build


def test_a_changed_county_row_changes_every_page_that_shows_it(edited):
    showing = [path for path, html in edited.html_pages().items() if "tel:+18005550199" in html]
    assert set(showing) == {"therapy/asheville-nc/index.html", "therapy/areas/asheville-nc/index.html",
                            "crisis-help/index.html"}
    assert not any("1-800-849-6127" in html and "Buncombe" in html.split("1-800-849-6127")[0][-200:]
                   for html in edited.html_pages().values())


def test_a_changed_resource_or_plan_changes_every_page(edited):
    pages = edited.html_pages()
    for path, html in pages.items():
        assert '<a href="tel:911">Dial 911 now</a>' in html, path
        assert ">Call 911</a>" not in html, path
    alliance = [p for p, html in pages.items() if "https://alliance.example.org/" in html]
    assert "therapy/durham-nc/index.html" in alliance and "crisis-help/index.html" in alliance
    assert not any("alliancehealthplan.org" in html for html in pages.values())


def _fails_naming(tmp_path, file, old, new, expected):
    content = make_content(tmp_path)
    path = edit_data(content, file, old, new)
    build = run_pelican(content, tmp_path / "out")
    assert build.returncode == 1
    assert "Traceback" not in build.stderr and "Error:" not in build.stderr, build.stderr
    assert re.search(expected.replace("FILE", re.escape(str(path))), build.stderr, re.M), build.stderr
    assert not (tmp_path / "out" / "index.html").exists(), "nothing half-built is published"
    report = run_module("practice_model", "report", content)
    assert report.returncode == 1 and "Traceback" not in report.stderr, report.stderr
    assert re.search(expected.replace("FILE", re.escape(str(path))), report.stderr, re.M), report.stderr


@pytest.mark.parametrize("file, old, new, expected", [
    ("practice.yaml", "city_slug: durham-nc", "city_slug: durhm-nc",
     r"^FILE:\d+: home_offices\.city_slug: unknown city 'durhm-nc'"),
    ("cities.csv", "asheville-nc,Asheville,city,Buncombe,Buncombe,",
     "asheville-nc,Asheville,city,Buncombe,Bunkum,",
     r"^FILE:\d+: all_counties: unknown county 'Bunkum' \(city 'Asheville'\)"),
    ("credentials.yaml", "board: ncswclb\n    job_title: Clinical Social Worker\n",
     "board: ncswbl\n    job_title: Clinical Social Worker\n",
     r"^FILE:\d+: board: unknown board 'ncswbl' \(credential 'LCSW'"),
    ("credentials.yaml", "issuer: doherty-relationship-institute", "issuer: doherty",
     r"^FILE:\d+: issuer: unknown issuer 'doherty' \(credential 'DISCERNMENT-COUNSELOR'"),
    ("counties.csv", "Buncombe,37021,Vaya Health,", "Buncombe,37021,Vaya,",
     r"^FILE:\d+: lme_mco: unknown plan 'Vaya' \(county 'Buncombe'"),
    ("counties.csv", "Buncombe,37021,Vaya Health,1-800-849-6127,", "Buncombe,37021,Vaya Health,1-800-962-9003,",
     r"^FILE:\d+: crisis_line: 1-800-962-9003 is Vaya Health's member-services line, not a crisis line"),
    ("counties.csv", "Buncombe,37021,Vaya Health,1-800-849-6127,yes,", "Buncombe,37021,Vaya Health,1-800-849-6127,sure,",
     r"^FILE:\d+: verified: expected yes or no, got 'sure' \(county 'Buncombe'\)"),
    ("crisis.yaml", "  - id: lifeline\n", "  - id: lifeline-988\n",
     r"^FILE:\d+: resources: no resource with id 'lifeline': every page needs it"),
    ("crisis.yaml", 'url: "https://988lifeline.org"', 'url: "javascript:alert(1)"',
     r"^FILE:\d+: channels: a chat channel needs an https:// url, got 'javascript:alert\(1\)'"),
])
def test_a_data_typo_is_one_clear_error_naming_file_field_and_line(tmp_path, file, old, new, expected):
    _fails_naming(tmp_path, file, old, new, expected)


def test_a_line_number_points_at_the_row(tmp_path):
    content = make_content(tmp_path)
    path = edit_data(content, "practice.yaml", "city_slug: durham-nc", "city_slug: nowhere-nc")
    build = run_pelican(content, tmp_path / "out")
    line = next(n for n, l in enumerate(path.read_text().splitlines(), 1) if "nowhere-nc" in l)
    assert f"{path}:{line}: home_offices.city_slug: unknown city 'nowhere-nc'" in build.stderr


def test_report_lists_every_unverified_county_with_its_source_and_what_would_verify_it(tmp_path):
    report = run_module("practice_model", "report", make_content(tmp_path))
    assert report.returncode == 0, report.stderr
    rows = county_rows()
    listed = re.findall(r"^\S*counties\.csv:\d+: ([A-Za-z ]+): not verified \(([^)]+)\); check (\S+); to verify: (.+)$",
                        report.stdout, re.M)
    assert {name for name, *_ in listed} == {r["county"] for r in rows if r["verified"] != "yes"}
    assert len(listed) == 48
    by_name = {name: (shown, source, todo) for name, shown, source, todo in listed}
    assert by_name["Durham"][0] == "the plan is named, no number is shown"
    assert "Alliance Health's 24/7 behavioral-health crisis line" in by_name["Durham"][2]
    assert by_name["Lee"][0] == "no plan or number is shown"
    assert by_name["Forsyth"][1] == next(r["source"] for r in rows if r["county"] == "Forsyth")

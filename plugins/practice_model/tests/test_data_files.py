"""The data files: checked row by row, and the maintainer report."""

import re

from tests.sitebuild import build_site, edit_data, make_content, run_module, run_pelican


def edit_cities(content, edit):
    path = content / "data" / "cities.csv"
    path.write_text(edit(path.read_text(encoding="utf-8")), encoding="utf-8")
    return path


def line_of(text, prefix):
    return next(i for i, line in enumerate(text.splitlines(), 1) if line.startswith(prefix))


def test_bad_city_rows_fail_the_build_with_file_line_and_field(tmp_path):
    content = make_content(tmp_path)
    original = (content / "data" / "cities.csv").read_text(encoding="utf-8")

    def break_rows(text):
        text = text.replace("asheville-nc,Asheville,city,Buncombe,Buncombe,94369,35.570972",
                            "asheville-nc,Asheville,city,Buncombe,Buncombe,94369,north")
        text = text.replace("cary-nc,Cary,town,Wake,", "cary-nc,Cary,town,Wak,")
        text = re.sub(r"(wilson-nc,Wilson,city,Wilson,Wilson,)\d+", r"\1", text)
        return text.replace("greenville-nc,Greenville,", "wilmington-nc,Greenville,")

    path = edit_cities(content, break_rows)
    build = run_pelican(content, tmp_path / "out")
    assert build.returncode == 1
    lines = build.stderr.splitlines()
    expected = [
        f"{path}:{line_of(original, 'asheville-nc')}: lat: expected a number, got 'north' (city 'Asheville')",
        f"{path}:{line_of(original, 'cary-nc')}: county: unknown county 'Wak' (city 'Cary')",
        f"{path}:{line_of(original, 'wilson-nc')}: population: expected a whole number above 0, got '' (city 'Wilson')",
        f"{path}:{line_of(original, 'greenville-nc')}: slug: 'wilmington-nc' is also the slug of line "
        f"{line_of(original, 'wilmington-nc')}",
    ]
    for line in expected:
        assert line in lines, build.stderr
    assert "Traceback" not in build.stderr


def test_a_city_marked_unpublished_or_removed_gets_no_page(tmp_path):
    content = make_content(tmp_path)
    edit_cities(content, lambda t: "\n".join(
        l.replace(",yes", ",no") if l.startswith("cary-nc,") else l
        for l in t.splitlines() if not l.startswith("apex-nc,")) + "\n")
    build = run_pelican(content, tmp_path / "out")
    assert build.returncode == 0, build.stderr
    assert build.exists("therapy/raleigh-nc/")
    assert not build.exists("therapy/cary-nc/") and not build.exists("therapy/apex-nc/")
    assert "therapy/cary-nc/" not in build.page("therapy/")
    assert "/therapy/cary-nc/" not in build.page("therapy/raleigh-nc/")


def test_a_build_points_to_the_report_in_one_line_and_the_report_lists_the_missing_facts(tmp_path):
    build = build_site(tmp_path)
    assert build.returncode == 0, build.stderr
    pointers = [l for l in (build.stdout + build.stderr).splitlines() if "make report" in l]
    assert len(pointers) == 1 and re.match(r"\d+ fact\(s\) missing, unverified or due for a check", pointers[0])
    assert "is not known yet" not in build.stdout + build.stderr
    report = run_module("practice_model", "report", build.content)
    assert report.returncode == 0, report.stderr
    data = build.content / "data"
    for line in [
        f"{data}/practice.yaml: contact.phone: a phone number is not known yet",
        f"{data}/practice.yaml: contact.booking_url: a booking or contact link is not known yet",
        f"{data}/practice.yaml: home_offices.street_address: the office street address is not known yet",
        f"{data}/practice.yaml: fees.session_fees: session fees are not known yet",
        f"{build.content}/therapists/james-mccracken.md: license_numbers: no license number for LCSW",
    ]:
        assert line in report.stdout.splitlines(), report.stdout
    assert int(pointers[0].split()[0]) == len(report.stdout.splitlines()) - 1


def test_quiet_builds_print_no_pointer(tmp_path):
    content = make_content(tmp_path)
    build = run_pelican(content, tmp_path / "out", extra_args=["-q"])
    assert build.returncode == 0, build.stderr
    assert "make report" not in build.stdout + build.stderr


def test_report_lists_crisis_and_county_checks_older_than_a_year(tmp_path):
    content = make_content(tmp_path)
    crisis = edit_data(content, "crisis.yaml", "checked: 2026-11-26", "checked: 2020-01-01")
    counties = edit_data(content, "counties.csv", ",2026-12-01,", ",2019-05-01,")
    report = run_module("practice_model", "report", content)
    assert report.returncode == 0
    assert re.search(rf"^{crisis}:\d+: emergency: last checked 2020-01-01; check it again$", report.stdout, re.M)
    assert re.search(rf"^{counties}:\d+: Alamance: last checked 2019-05-01; check it again$", report.stdout, re.M)
    assert not re.search(r"lifeline: last checked", report.stdout)


def test_a_known_fact_appears_on_the_site_and_leaves_the_report(tmp_path):
    content = make_content(tmp_path, real=("pages", "articles"))
    edit_data(content, "practice.yaml",
              "  phone: null           # unknown: e.g. \"919-555-0100\" once the practice gives it",
              "  phone: 919-555-0142")
    build = run_pelican(content, tmp_path / "out")
    assert build.returncode == 0, build.stderr
    assert '<a href="tel:+19195550142">919-555-0142</a>' in build.page("getting-started/")
    assert "contact.phone" not in build.stderr

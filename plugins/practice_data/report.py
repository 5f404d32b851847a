"""The maintainer report: facts the site still lacks, and data due for a new check.

Printed by every build and by `make report`. These are warnings, never failures:
the site reads well without them.
"""

import datetime
import sys
from pathlib import Path

from content_contract.front_matter import FrontMatterError, read_front_matter
from content_contract.problems import shown_path
from practice_data.loaders import DATA_DIR, DataError, load_site_data

STALE_AFTER = datetime.timedelta(days=365)


def missing_facts(content_path, today=None):
    today = today or datetime.date.today()
    folder = Path(content_path) / DATA_DIR
    data = load_site_data(content_path)
    practice_file = shown_path(folder / "practice.yaml")
    practice = data["practice"]
    out = []
    for key, what in (("street_address", "the office street address"),):
        if not (practice.get("home_offices") or {}).get(key):
            out.append(f"{practice_file}: home_offices.{key}: {what} is not known yet")
    for key, what in (("phone", "a phone number"), ("booking_url", "a booking or contact link"),
                      ("email", "an e-mail address")):
        if not (practice.get("contact") or {}).get(key):
            out.append(f"{practice_file}: contact.{key}: {what} is not known yet")
    for key, what in (("session_fees", "session fees"), ("insurance_panels", "insurance panels")):
        if (practice.get("fees") or {}).get(key) is None:
            out.append(f"{practice_file}: fees.{key}: {what} are not known yet")
    for path in sorted((Path(content_path) / "therapists").glob("*.md")):
        try:
            meta = read_front_matter(path)[0]
        except FrontMatterError:
            continue
        numbers = meta.get("license_numbers") or {}
        for code in meta.get("credentials") or []:
            if code not in numbers:
                out.append(f"{shown_path(path)}: license_numbers: no license number for {code}")
        for key in ("in_person", "online"):
            if key not in meta:
                out.append(f"{shown_path(path)}: {key}: not given, so city pages do not list this therapist")
    crisis_file = shown_path(folder / "crisis.yaml")
    for item in data["crisis"]:
        if today - item["checked"] > STALE_AFTER:
            out.append(f"{crisis_file}: {item['id']}: last checked {item['checked']}; check it again")
    counties_file = shown_path(folder / "counties.csv")
    for county in data["counties"].values():
        if county["checked"] and today - county["checked"] > STALE_AFTER:
            out.append(f"{counties_file}:{county['line']}: {county['name']}: last checked "
                       f"{county['checked']}; check it again")
    return out


def print_report(content_path, stream=None):
    stream = stream or sys.stderr
    try:
        lines = missing_facts(content_path)
    except DataError:
        return 1  # the build has already reported these
    for line in lines:
        print(f"warning: {line}", file=stream)
    return 0


def main(argv):
    content = argv[1] if len(argv) > 1 else "content"
    lines = missing_facts(content)
    for line in lines:
        print(f"warning: {line}")
    print(f"{len(lines)} missing or stale fact(s).")
    return 0

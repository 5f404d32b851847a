"""The maintainer report (`make report`): facts the site still lacks, county rows not yet
verified, and facts due for a new check. None of these stops a build: the site reads
well without them, and every build says in one line how many there are."""

import datetime
import logging
import sys
from pathlib import Path

from pelican.log import console

from content_contract.front_matter import FrontMatterError, read_front_matter
from content_contract.problems import shown_path
from practice_data.loaders import DATA_DIR, DataError, load_site_data

logger = logging.getLogger(__name__)
STALE_AFTER = datetime.timedelta(days=365)
SHOWN = {"plan": "the plan is named, no number is shown", "none": "no plan or number is shown"}


def missing_facts(data, content_path):
    folder = Path(content_path) / DATA_DIR
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
    return out


def unverified_counties(data, content_path):
    counties_file = shown_path(Path(content_path) / DATA_DIR / "counties.csv")
    return [f"{counties_file}:{c['line']}: {c['name']}: not verified ({SHOWN[c['crisis_help']]}); "
            f"check {c['source']}; to verify: {c['to_verify']}"
            for c in sorted(data["counties"].values(), key=lambda c: c["line"]) if c["crisis_help"] != "line"]


def stale_facts(data, content_path, today):
    folder = Path(content_path) / DATA_DIR
    dated = [(folder / "crisis.yaml", r["line"], r["id"], r["checked"]) for r in data["crisis"]["resources"]]
    dated += [(folder / "crisis.yaml", p["line"], p["name"], p["checked"]) for p in data["crisis"]["plans"].values()]
    dated += [(folder / "counties.csv", c["line"], c["name"], c["checked"]) for c in data["counties"].values()]
    gfe = data["practice"].get("good_faith_estimate") or {}
    if isinstance(gfe.get("checked"), datetime.date):
        dated.append((folder / "practice.yaml", 0, "good_faith_estimate", gfe["checked"]))
    return [f"{shown_path(path)}{f':{line}' if line else ''}: {name}: last checked {checked}; check it again"
            for path, line, name, checked in dated if checked and today - checked > STALE_AFTER]


def report_lines(content_path, today=None):
    """Every line of the report; raises DataError when a data file is broken."""
    today = today or datetime.date.today()
    data = load_site_data(content_path)
    return (missing_facts(data, content_path) + unverified_counties(data, content_path)
            + stale_facts(data, content_path, today))


def log_summary(content_path):
    """One line per build, pointing to the report (the build has already stopped on broken data)."""
    try:
        count = len(report_lines(content_path))
    except DataError:
        return
    # A note, not a warning (so `--fatal warnings` builds pass): printed like Pelican's own
    # closing "Done:" line, and silenced by -q like every other message.
    if count and logger.isEnabledFor(logging.WARNING):
        console.print(f"{count} fact(s) missing, unverified or due for a check: run 'make report' for the list", soft_wrap=True)


def main(argv):
    content = argv[1] if len(argv) > 1 else "content"
    try:
        lines = report_lines(content)
    except DataError as err:
        for p in err.problems:
            print(p, file=sys.stderr)
        print(f"{len(err.problems)} problem(s) in the data files: fix them, then run the report again.",
              file=sys.stderr)
        return 1
    for line in lines:
        print(line)
    print(f"{len(lines)} missing, unverified or stale fact(s).")
    return 0

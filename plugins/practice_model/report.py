"""The maintainer report (`make report`): facts the site still lacks, county rows not yet
verified, and facts due for a new check. None of these stops a build: the site reads
well without them, and every build says in one line how many there are."""

import datetime
import logging
from pathlib import Path

from content_contract.dates import parse_date
from content_contract.problems import shown_path
from pelican.log import console

from practice_model.data_files import DATA_DIR

logger = logging.getLogger(__name__)
STALE_AFTER = datetime.timedelta(days=365)
SHOWN = {"plan": "the plan is named, no number is shown", "none": "no plan or number is shown"}


def missing_facts(build):
    practice = build.model
    practice_file = shown_path(Path(build.content_path) / DATA_DIR / "practice.yaml")
    out = []
    if not practice.home_offices.street_address:
        out.append(f"{practice_file}: home_offices.street_address: the office street address is not known yet")
    for key, what in (("phone", "a phone number"), ("booking_url", "a booking or contact link"),
                      ("email", "an e-mail address")):
        if not getattr(practice.contact, key):
            out.append(f"{practice_file}: contact.{key}: {what} is not known yet")
    for key, what in (("session_fees", "session fees"), ("insurance_panels", "insurance panels")):
        if getattr(practice.fees, key) is None:
            out.append(f"{practice_file}: fees.{key}: {what} are not known yet")
    if practice.privacy_notice is None:
        out.append(f"{practice_file}: privacy_notice: the Notice of Privacy Practices (HIPAA) is not on the site: "
                   "add the practice's notice as a page or a PDF in content/ and name it here")
    for slug, path in practice.unoffered_services:
        out.append(f"{shown_path(path)}: services: no therapist's profile names '{slug}', so it has no page")
    for source in build.sources:
        if source.collection != "therapists":
            continue
        therapist = practice.therapist(source.path.stem)
        for held in therapist.licenses:
            if not held.number:
                out.append(f"{shown_path(source.path)}: license_numbers: no license number for {held.code}")
        for key in ("in_person", "online"):
            if getattr(therapist, key) is None:
                out.append(f"{shown_path(source.path)}: {key}: not given, so city pages do not list this therapist")
    return out


def unverified_counties(build):
    counties_file = shown_path(Path(build.content_path) / DATA_DIR / "counties.csv")
    return [f"{counties_file}:{c.line}: {c.name}: not verified ({SHOWN[c.crisis_help]}); "
            f"check {c.source}; to verify: {c.to_verify}"
            for c in sorted(build.model.counties.values(), key=lambda c: c.line) if c.crisis_help != "line"]


def stale_facts(build, today):
    folder = Path(build.content_path) / DATA_DIR
    practice = build.model
    dated = [(folder / "crisis.yaml", r.line, r.id, r.checked) for r in practice.crisis.resources]
    dated += [(folder / "crisis.yaml", p.line, p.name, p.checked) for p in practice.crisis.plans.values()]
    dated += [(folder / "counties.csv", c.line, c.name, c.checked) for c in practice.counties.values()]
    dated.append((folder / "practice.yaml", 0, "good_faith_estimate", practice.good_faith_estimate.checked))
    return [f"{shown_path(path)}{f':{line}' if line else ''}: {name}: last checked {checked}; check it again"
            for path, line, name, checked in dated if checked and today - checked > STALE_AFTER]


def unreviewed_articles(build, today):
    """Clinical articles with no review, or a review more than a year old."""
    out = []
    for source in build.sources:
        meta = source.meta
        if source.collection != "articles" or meta.get("clinical") is not True or meta.get("status") == "draft":
            continue
        reviewed = parse_date(meta["last_reviewed"]) if meta.get("last_reviewed") is not None else None
        if reviewed is None:
            out.append(f"{shown_path(source.path)}: last_reviewed: a clinical article never reviewed by a clinician")
        elif today - reviewed.date() > STALE_AFTER:
            out.append(f"{shown_path(source.path)}:{source.line_of('last_reviewed')}: last_reviewed: "
                       f"{reviewed.date()}, over a year ago: a clinician should review it again")
    return out


def report_lines(build, today=None):
    """Every line of the report, for a build without problems."""
    today = today or datetime.date.today()
    return (missing_facts(build) + unverified_counties(build) + stale_facts(build, today)
            + unreviewed_articles(build, today))


def log_summary(build):
    """One line per build, pointing to the report. A note, not a warning (so `--fatal
    warnings` builds pass): printed like Pelican's own closing "Done:" line, and silenced
    by -q like every other message."""
    count = len(report_lines(build))
    if count and logger.isEnabledFor(logging.WARNING):
        console.print(f"{count} fact(s) missing, unverified or due for a check: run 'make report' for the list",
                      soft_wrap=True)

"""Loads the practice's data files (content/data/) into the model, checking every row.

Each problem names the file, the line and the field, so a maintainer can fix the data
file alone; every cross-reference between files (a city's county, a county's plan, a
credential's board or issuer, the office city) is checked here.
"""

import csv
import datetime
import re
from pathlib import Path

from content_contract.problems import problem

from practice_model.crisis import PHONE as _PHONE
from practice_model.crisis import digits, is_https_url, load_crisis, tel_href
from practice_model.model import (
    Area,
    City,
    County,
    Credential,
    Grantor,
    Plan,
    frozen_mapping,
)
from practice_model.practice_file import load_practice
from practice_model.yaml_file import read_mapping

DATA_DIR = "data"
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
NC_BOUNDS = {"lat": (33.7, 36.7), "lon": (-84.4, -75.4)}


def read_table(path, found):
    """(header, [(line, row)]) of a CSV data file; '#' lines are the file's header notes.

    Read with csv.DictReader, so a quoted field may hold commas and newlines; a row
    with more values than the header has columns is a problem, not data lost."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        found.append(problem(path, "file", "missing: every data file in content/data/ is needed"))
        return [], []
    # Comment lines become blank lines, which the reader skips, so line numbers stay true.
    physical = text.splitlines(keepends=True)
    # The header is the first line that is not a note (DictReader takes its first row as the header).
    skip = next((n for n, line in enumerate(physical) if line.strip() and not line.startswith("#")), len(physical))
    reader = csv.DictReader(["\n" if line.startswith("#") else line for line in physical[skip:]])
    try:
        reader.fieldnames  # reads the header line now, so that row numbers below are right
    except csv.Error as err:
        found.append(problem(path, "file", f"not valid CSV: {err}", skip + 1))
        return [], []
    rows = []
    while True:
        before = reader.line_num + skip
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as err:
            found.append(problem(path, "file", f"not valid CSV: {err}", reader.line_num + skip))
            break
        line = next((n for n in range(before + 1, reader.line_num + skip + 1) if physical[n - 1].strip() and not physical[n - 1].startswith("#")),
                    reader.line_num + skip)
        if row.get(None):
            found.append(problem(path, "columns", f"{len(row[None])} value(s) more than the header's "
                                 f"{len(reader.fieldnames)} columns", line))
            continue
        rows.append((line, {k: (v or "").strip() for k, v in row.items()}))
    if not reader.fieldnames:
        found.append(problem(path, "file", "the file is empty; it needs a header line and rows"))
    return reader.fieldnames or [], rows


def _float(path, line, row, name, found, label):
    try:
        return float(row[name])
    except (TypeError, ValueError):
        found.append(problem(path, name, f"expected a number, got '{row.get(name, '')}' ({label})", line))
        return None


def _int(path, line, row, name, found, label):
    try:
        value = int(row[name])
        if value <= 0:
            raise ValueError
        return value
    except (TypeError, ValueError):
        found.append(problem(path, name, f"expected a whole number above 0, got '{row.get(name, '')}' ({label})",
                             line))
        return None


def _split(value):
    return [v.strip() for v in value.split(";") if v.strip()]


def _yes_no(path, line, row, name, found, label):
    if row.get(name) not in ("yes", "no"):
        found.append(problem(path, name, f"expected yes or no, got '{row.get(name)}' ({label})", line))
    return row.get(name) == "yes"


def crisis_help(verified, plan_verified):
    """The one display rule for a county's crisis help, on every page that shows it:
    'line' (the plan and its 24/7 line), 'plan' (the plan's name and official site, no
    number) or 'none' (no plan named; the emergency number and the lifeline only)."""
    return "line" if verified else "plan" if plan_verified else "none"


def load_counties(path, plans, found):
    counties = {}
    for line, row in read_table(path, found)[1]:
        name = row.get("county", "")
        label = f"county '{name}'"
        if not name:
            found.append(problem(path, "county", "missing", line))
            continue
        if name in counties:
            found.append(problem(path, "county", f"'{name}' appears twice", line))
        verified = _yes_no(path, line, row, "verified", found, label)
        plan_verified = _yes_no(path, line, row, "plan_verified", found, label) or verified
        plan = plans.get(row.get("lme_mco", ""))
        if plan is None:
            found.append(problem(path, "lme_mco", f"unknown plan '{row.get('lme_mco', '')}' ({label}; known: "
                                 f"{', '.join(sorted(plans)) or 'none'}, in crisis.yaml)", line))
        number = row.get("crisis_line", "")
        if not _PHONE.match(number):
            found.append(problem(path, "crisis_line", "expected a phone number written 1-NNN-NNN-NNNN or "
                                 f"NNN-NNN-NNNN, got '{number}' ({label})", line))
        elif plan and digits(number) == digits(plan.member_services):
            found.append(problem(path, "crisis_line", f"{number} is {plan.name}'s member-services line, "
                                 f"not a crisis line ({label})", line))
        try:
            checked = datetime.date.fromisoformat(row.get("checked", ""))
        except ValueError:
            found.append(problem(path, "checked", f"expected a date YYYY-MM-DD ({label})", line))
            checked = None
        if not row.get("source", "").startswith(("https://", "http://")):
            found.append(problem(path, "source", f"expected the address of the source ({label})", line))
        if not verified and not row.get("to_verify"):
            found.append(problem(path, "to_verify", f"say what would make the row verified ({label})", line))
        counties[name] = County(
            name=name,
            fips=row.get("county_fips", ""),
            plan=plan or Plan(name=row.get("lme_mco", ""), url=None),
            crisis_line=number,
            crisis_href=tel_href(number),
            verified=verified,
            crisis_help=crisis_help(verified, plan_verified),
            checked=checked,
            source=row.get("source", ""),
            to_verify=row.get("to_verify", ""),
            note=row.get("note", ""),
            line=line,
        )
    return counties


def load_areas(path, counties, found):
    areas = {}
    for line, row in read_table(path, found)[1]:
        code = row.get("cbsa_code", "").strip()
        label = f"area '{row.get('title', '')}'"
        if not code.isdigit():
            found.append(problem(path, "cbsa_code", f"expected digits, got '{code}' ({label})", line))
            continue
        if code in areas:
            found.append(problem(path, "cbsa_code", f"'{code}' appears twice", line))
        if row.get("kind") not in ("metropolitan", "micropolitan"):
            found.append(problem(path, "kind", f"expected metropolitan or micropolitan ({label})", line))
        central, outlying = _split(row.get("central_counties", "")), _split(row.get("outlying_counties", ""))
        for county in central + outlying:
            if county not in counties:
                found.append(problem(path, "counties", f"unknown county '{county}' ({label})", line))
        title = row.get("title", "").strip()
        areas[code] = Area(
            code=code,
            title=title,
            name=re.sub(r",\s*[A-Z-]+$", "", title),
            slug=re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-"),
            kind=row.get("kind"),
            counties=tuple(central + outlying),
            other_state_counties=tuple(_split(row.get("other_state_counties", ""))),
            population=_int(path, line, row, "population", found, label),
        )
    return areas


def load_cities(path, counties, areas, found):
    cities, seen = [], {}
    for line, row in read_table(path, found)[1]:
        slug = row.get("slug", "").strip()
        label = f"city '{row.get('name', '')}'"
        if not _SLUG.match(slug):
            found.append(problem(path, "slug", f"expected lower-case words joined by '-', got '{slug}' ({label})",
                                 line))
        elif slug in seen:
            found.append(problem(path, "slug", f"'{slug}' is also the slug of line {seen[slug]}", line))
        seen.setdefault(slug, line)
        if not row.get("name", "").strip():
            found.append(problem(path, "name", "missing", line))
        county = row.get("county", "").strip()
        if county not in counties:
            found.append(problem(path, "county", f"unknown county '{county}' ({label})", line))
        for other in _split(row.get("all_counties", "")):
            if other not in counties:
                found.append(problem(path, "all_counties", f"unknown county '{other}' ({label})", line))
        coords = {}
        for name in ("lat", "lon"):
            value = _float(path, line, row, name, found, label)
            low, high = NC_BOUNDS[name]
            if value is not None and not low <= value <= high:
                found.append(problem(path, name, f"{value} is outside North Carolina ({label})", line))
            coords[name] = value
        population = _int(path, line, row, "population", found, label)
        code = row.get("cbsa_code", "").strip()
        if code and code not in areas:
            found.append(problem(path, "cbsa_code", f"unknown area '{code}' ({label})", line))
        if row.get("published") not in ("yes", "no"):
            found.append(problem(path, "published", f"expected yes or no, got '{row.get('published')}' ({label})",
                                 line))
        cities.append(City(
            slug=slug,
            name=row.get("name", "").strip(),
            place_type=row.get("place_type", ""),
            county=county,
            all_counties=tuple(_split(row.get("all_counties", "")) or [county]),
            population=population,
            lat=coords["lat"],
            lon=coords["lon"],
            area_code=code or None,
            published=row.get("published") == "yes",
            line=line,
        ))
    return cities


def _grantors(group, items, path, lines, found):
    grantors = {}
    if not isinstance(items, dict):
        found.append(problem(path, group, "expected 'key:' entries, each with a name", lines.of(group)))
        return grantors
    for key, item in items.items():
        where = f"{group[:-1]} '{key}'"
        if not isinstance(item, dict) or not item.get("name"):
            found.append(problem(path, "name", f"missing ({where})", lines.of(group, key)))
            continue
        url = item.get("url")
        if url is not None and not is_https_url(url):
            found.append(problem(path, "url", f"expected an https:// address, got '{url}' ({where})",
                                 lines.of(group, key, "url")))
            url = None
        grantors[key] = Grantor(key=key, name=str(item["name"]), url=url)
    return grantors


def load_credentials(path, found):
    data, lines = read_mapping(path, found, required=("boards", "issuers", "credentials"))
    boards = _grantors("boards", data.get("boards") or {}, path, lines, found)
    issuers = _grantors("issuers", data.get("issuers") or {}, path, lines, found)
    credentials = {}
    for code, item in (data.get("credentials") or {}).items():
        line = lines.of("credentials", code)
        if not isinstance(item, dict):
            found.append(problem(path, "credentials", f"expected name, kind … (credential '{code}')", line))
            continue
        kind = item.get("kind")
        if kind not in ("license", "certification"):
            found.append(problem(path, "kind", f"expected license or certification (credential '{code}')", line))
        if not item.get("name"):
            found.append(problem(path, "name", f"missing (credential '{code}')", line))
        # Who grants it: an NC board for a license, an issuer for a certification.
        key, known = ("board", boards) if kind == "license" else ("issuer", issuers)
        if item.get(key) not in known:
            found.append(problem(path, key, f"unknown {key} '{item.get(key)}' (credential '{code}'; known: "
                                 f"{', '.join(sorted(known)) or 'none'})", lines.of("credentials", code, key)))
        credentials[code] = Credential(code=str(code), name=str(item.get("name", "")), kind=kind,
                                       granted_by=known.get(item.get(key)), job_title=item.get("job_title"))
    return credentials


def load_data_files(content_path):
    """(facts, problems): every data file in content/data/, checked row by row."""
    folder = Path(content_path) / DATA_DIR
    found = []
    crisis = load_crisis(folder / "crisis.yaml", found)
    counties = load_counties(folder / "counties.csv", crisis.plans, found)
    areas = load_areas(folder / "metro_areas.csv", counties, found)
    cities = load_cities(folder / "cities.csv", counties, areas, found)
    facts = {
        **load_practice(folder / "practice.yaml", cities, found),
        "crisis": crisis,
        "credentials": frozen_mapping(load_credentials(folder / "credentials.yaml", found)),
        "counties": frozen_mapping(counties),
        "areas": frozen_mapping(areas),
        "cities": tuple(cities),
    }
    return facts, sorted(set(found))

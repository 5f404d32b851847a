"""Loads the practice's data files (content/data/) and checks every row.

Each problem names the file, the line and the field, so a maintainer can fix
the data file alone.
"""

import csv
import datetime
import hashlib
import re
from pathlib import Path

import yaml

from content_contract.problems import problem

DATA_DIR = "data"
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_PHONE = re.compile(r"^(?:\d{3}|1-\d{3}-\d{3}-\d{4}|\d{3}-\d{3}-\d{4})$")
NC_BOUNDS = {"lat": (33.7, 36.7), "lon": (-84.4, -75.4)}


class DataError(Exception):
    def __init__(self, problems):
        super().__init__(f"{len(problems)} problem(s) in data files")
        self.problems = problems


def tel_href(number):
    digits = re.sub(r"\D", "", number)
    return f"tel:{digits}" if len(digits) <= 3 else f"tel:+1{digits[-10:]}"


def read_table(path):
    """Rows of a CSV data file as (line number, dict); '#' lines are the file's header notes."""
    rows, header = [], None
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        values = next(csv.reader([line]))
        if header is None:
            header = values
            continue
        rows.append((number, dict(zip(header, values + [""] * (len(header) - len(values))))))
    return header or [], rows


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


def load_counties(path, found):
    counties = {}
    for line, row in read_table(path)[1]:
        name = row.get("county", "").strip()
        label = f"county '{name}'"
        if not name:
            found.append(problem(path, "county", "missing", line))
            continue
        if name in counties:
            found.append(problem(path, "county", f"'{name}' appears twice", line))
        if row.get("verified") not in ("yes", "inferred"):
            found.append(problem(path, "verified", f"expected yes or inferred, got '{row.get('verified')}' ({label})",
                                 line))
        if not _PHONE.match(row.get("crisis_line", "")):
            found.append(problem(path, "crisis_line", f"expected a phone number like 1-800-555-0100, got "
                                 f"'{row.get('crisis_line')}' ({label})", line))
        try:
            checked = datetime.date.fromisoformat(row.get("checked", ""))
        except ValueError:
            found.append(problem(path, "checked", f"expected a date YYYY-MM-DD ({label})", line))
            checked = None
        counties[name] = {
            "name": name,
            "fips": row.get("county_fips", ""),
            "plan": row.get("lme_mco", ""),
            "crisis_line": row.get("crisis_line", ""),
            "crisis_href": tel_href(row.get("crisis_line", "")),
            "verified": row.get("verified") == "yes",
            "checked": checked,
            "source": row.get("source", ""),
            "note": row.get("note", ""),
            "line": line,
        }
    return counties


def load_areas(path, counties, found):
    areas = {}
    for line, row in read_table(path)[1]:
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
        areas[code] = {
            "code": code,
            "title": title,
            "name": re.sub(r",\s*[A-Z-]+$", "", title),
            "slug": re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-"),
            "kind": row.get("kind"),
            "counties": central + outlying,
            "other_state_counties": _split(row.get("other_state_counties", "")),
            "population": _int(path, line, row, "population", found, label),
        }
    return areas


def load_cities(path, counties, areas, found):
    cities, seen = [], {}
    for line, row in read_table(path)[1]:
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
        cities.append({
            "slug": slug,
            "name": row.get("name", "").strip(),
            "place_type": row.get("place_type", ""),
            "county": county,
            "all_counties": _split(row.get("all_counties", "")) or [county],
            "population": population,
            "lat": coords["lat"],
            "lon": coords["lon"],
            "area_code": code or None,
            "published": row.get("published") == "yes",
            "line": line,
        })
    return cities


def _yaml(path, found):
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        found.append(problem(path, "file", f"not valid YAML: {getattr(err, 'problem', err)}",
                             mark.line + 1 if mark else 0))
        return {}


def load_crisis(path, found):
    resources = []
    for index, item in enumerate(_yaml(path, found).get("resources") or [], 1):
        label = f"resource {index} ('{item.get('name', '')}')"
        for key in ("id", "name", "summary", "source", "checked"):
            if not item.get(key):
                found.append(problem(path, key, f"missing ({label})"))
        checked = item.get("checked")
        if checked and not isinstance(checked, datetime.date):
            found.append(problem(path, "checked", f"expected a date YYYY-MM-DD ({label})"))
        channels = []
        for channel in item.get("channels") or []:
            kind = channel.get("kind")
            if kind in ("call", "text") and not channel.get("number"):
                found.append(problem(path, "channels", f"a {kind} channel needs a number ({label})"))
                continue
            if kind == "chat" and not str(channel.get("url", "")).startswith("https://"):
                found.append(problem(path, "channels", f"a chat channel needs an https:// url ({label})"))
                continue
            if kind not in ("call", "text", "chat"):
                found.append(problem(path, "channels", f"kind must be call, text or chat ({label})"))
                continue
            href = {"call": lambda c: tel_href(c["number"]),
                    "text": lambda c: "sms:" + re.sub(r"\D", "", c["number"])
                    + (f"?&body={c['body']}" if c.get("body") else ""),
                    "chat": lambda c: c["url"]}[kind](channel)
            channels.append({**channel, "href": href})
        if not channels:
            found.append(problem(path, "channels", f"at least one way to reach it is needed ({label})"))
        resources.append({**item, "channels": channels})
    return resources


def load_credentials(path, found):
    data = _yaml(path, found)
    boards = data.get("boards") or {}
    credentials = {}
    for code, item in (data.get("credentials") or {}).items():
        if item.get("kind") not in ("license", "certification"):
            found.append(problem(path, "kind", f"expected license or certification (credential '{code}')"))
        if item.get("kind") == "license" and item.get("board") not in boards:
            found.append(problem(path, "board", f"unknown board '{item.get('board')}' (credential '{code}')"))
        credentials[code] = {**item, "code": code, "board": boards.get(item.get("board"))}
    return credentials, boards


def load_practice(path, found):
    practice = _yaml(path, found)
    for key in ("name", "short_name", "tagline", "home_offices", "contact", "fees"):
        if key not in practice:
            found.append(problem(path, key, "missing"))
    contact = practice.get("contact") or {}
    for block in (contact, practice.get("good_faith_estimate") or {}):
        if block.get("phone"):
            block["phone_href"] = tel_href(str(block["phone"]))
    return practice


_loaded = {}
DATA_FILES = ("counties.csv", "metro_areas.csv", "cities.csv", "credentials.yaml", "practice.yaml", "crisis.yaml")


def load_site_data(content_path):
    """All data files, checked; raises DataError with every problem found.

    The contract check, the template context and the maintainer report all ask
    for the data in one build: it is parsed once per distinct file contents."""
    folder = Path(content_path) / DATA_DIR
    key = (str(folder.resolve()), tuple(hashlib.sha256((folder / name).read_bytes()).hexdigest()
                                       if (folder / name).exists() else None for name in DATA_FILES))
    if key not in _loaded:
        _loaded.clear()
        _loaded[key] = _parse_site_data(folder)
    data, found = _loaded[key]
    if found:
        raise DataError(found)
    return data


def _parse_site_data(folder):
    found = []
    counties = load_counties(folder / "counties.csv", found)
    areas = load_areas(folder / "metro_areas.csv", counties, found)
    cities = load_cities(folder / "cities.csv", counties, areas, found)
    credentials, boards = load_credentials(folder / "credentials.yaml", found)
    data = {
        "practice": load_practice(folder / "practice.yaml", found),
        "crisis": load_crisis(folder / "crisis.yaml", found),
        "credentials": credentials,
        "boards": boards,
        "counties": counties,
        "areas": areas,
        "cities": cities,
    }
    return data, sorted(found)

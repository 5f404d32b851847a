"""Checks every content file against the schema, all problems in one run."""

import datetime
import difflib
import functools
from pathlib import Path

from pelican.utils import slugify as pelican_slugify

from content_contract.front_matter import FrontMatterError, read_front_matter
from content_contract.problems import problem, shown_path
from content_contract.schema import COLLECTIONS

# Pelican's own default; the site's setting wins when given.
_DEFAULT_SLUG_SUBS = [(r"[^\w\s-]", ""), (r"(?u)\A\s*", ""), (r"(?u)\s*\Z", ""), (r"[-\s]+", "-")]


@functools.lru_cache(maxsize=4096)
def _slugify(value, subs):
    return pelican_slugify(value, regex_subs=[tuple(s) for s in subs])


def slugify(value, regex_subs):
    """Pelican's slugify, remembered: author names repeat across thousands of articles."""
    return _slugify(value, tuple(tuple(s) for s in regex_subs))


def content_files(content_path):
    """(collection, path) for every Markdown file the contract covers."""
    root = Path(content_path)
    for collection in COLLECTIONS:
        folder = root / collection
        if folder.is_dir():
            for path in sorted(folder.rglob("*.md")):
                yield collection, path


def parse_date(value):
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value
    text = str(value).strip()
    try:
        return datetime.datetime.fromisoformat(text)
    except ValueError:
        return None


def _type_problems(name, spec, value, known):
    """The messages for one field's value, given the schema."""
    kind = spec.kind
    if kind in ("text", "slug", "therapist"):
        if not isinstance(value, str) or not value.strip():
            return [f"expected text, got {_show(value)}"]
        value = value.strip()
        if spec.min_len and len(value) < spec.min_len:
            return [f"too short ({len(value)} characters; at least {spec.min_len})"]
        if spec.max_len and len(value) > spec.max_len:
            return [f"too long ({len(value)} characters; at most {spec.max_len})"]
        if kind == "slug" and value != slugify(value, regex_subs=_DEFAULT_SLUG_SUBS):
            return [f"'{value}' is not a slug (expected lower-case words joined by '-', "
                    f"e.g. '{slugify(value, regex_subs=_DEFAULT_SLUG_SUBS)}')"]
        if kind == "therapist" and slugify(value, regex_subs=_DEFAULT_SLUG_SUBS) not in known["therapists"]:
            return [f"unknown therapist '{value}' (known: {', '.join(sorted(known['therapists'])) or 'none'})"]
        return []
    if kind == "date":
        if parse_date(value) is None:
            return [f"'{value}' is not a real date (expected YYYY-MM-DD, optionally with a time)"]
        return []
    if kind == "int":
        if isinstance(value, bool) or not isinstance(value, int):
            return [f"expected a whole number, got {_show(value)}"]
        if spec.minimum is not None and value < spec.minimum:
            return [f"expected a number from {spec.minimum}, got {value}"]
        return []
    if kind == "bool":
        if not isinstance(value, bool):
            return [f"expected true or false, got {_show(value)}"]
        return []
    if kind == "choice":
        value = {True: "yes", False: "no"}.get(value, value) if isinstance(value, bool) else value
        if value not in spec.choices:
            return [f"expected one of {', '.join(spec.choices)}, got {_show(value)}"]
        return []
    if kind == "list":
        if not isinstance(value, list):
            return [f"expected a list, e.g. {_example(spec)}; got {_show(value)}"]
        out = [f"expected each item to be text, got {_show(v)}" for v in value if not isinstance(v, str)]
        if spec.item_choices:
            allowed = known[spec.item_choices]
            out += [f"unknown {spec.item_choices[:-1]} '{v}' (known: {', '.join(sorted(allowed))})"
                    for v in value if isinstance(v, str) and v not in allowed]
        return out
    if kind == "mapping":
        if not isinstance(value, dict):
            return [f"expected 'CODE: number' lines, e.g. {_example(spec)}; got {_show(value)}"]
        allowed = known[spec.item_choices]
        return [f"unknown {spec.item_choices[:-1]} '{k}' (known: {', '.join(sorted(allowed))})"
                for k in value if k not in allowed]
    if kind == "links":
        ok = isinstance(value, list) and all(
            isinstance(v, dict) and set(v) == {"name", "url"} and str(v["url"]).startswith("https://")
            for v in value)
        return [] if ok else ["expected a list of {name, url} with https:// URLs"]
    raise ValueError(f"schema kind {kind!r} has no check")


def _show(value):
    if isinstance(value, str):
        return f"text '{value}'"
    if isinstance(value, bool):
        return str(value).lower()
    return f"{type(value).__name__} {value!r}"


def _example(spec):
    return "[" + ", ".join(str(x) for x in spec.example) + "]" if isinstance(spec.example, list) else spec.example


def check_fields(collection, path, meta, known):
    """Problems with one file's fields taken alone."""
    schema = COLLECTIONS[collection]
    found = []
    for name in meta:
        if name not in schema:
            close = difflib.get_close_matches(str(name), schema, n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else f" (known fields: {', '.join(schema)})"
            found.append(problem(path, str(name), "unknown field" + hint))
    for name, spec in schema.items():
        if name not in meta or meta[name] is None:
            if spec.required:
                found.append(problem(path, name, f"required field is missing (e.g. {name}: {_example(spec)})"))
            continue
        for message in _type_problems(name, spec, meta[name], known):
            found.append(problem(path, name, message))
    for pic, alt in (("image", "image_alt"), ("photo", "photo_alt")):
        if pic in schema and meta.get(pic) and not meta.get(alt):
            found.append(problem(path, alt, f"required when {pic} is given: describe the picture"))
    if collection == "articles" and meta.get("series_index") is not None and not meta.get("series"):
        found.append(problem(path, "series_index", "given without series: add the series name or remove it"))
    return found


def known_names(site_data, therapists):
    creds = site_data["credentials"]
    return {
        "therapists": set(therapists),
        "credentials": set(creds),
        "licenses": {c for c, v in creds.items() if v["kind"] == "license"},
        "certifications": {c for c, v in creds.items() if v["kind"] == "certification"},
        "cities": {c["slug"] for c in site_data["cities"]},
    }


def check_content(content_path, settings, site_data):
    """Every problem in the content folder, as a sorted list."""
    slug_subs = settings.get("SLUG_REGEX_SUBSTITUTIONS", _DEFAULT_SLUG_SUBS)
    files, found = [], []
    for collection, path in content_files(content_path):
        try:
            meta, body = read_front_matter(path)
        except FrontMatterError as err:
            found.append(problem(path, err.field, err.message, err.line))
            continue
        files.append((collection, path, meta))

    therapists = {p.stem: meta for c, p, meta in files if c == "therapists"}
    known = known_names(site_data, therapists)
    urls, series_parts = {}, {}
    for collection, path, meta in files:
        found += check_fields(collection, path, meta, known)
        if collection == "articles":
            found += _check_byline_credentials(path, meta, therapists, slug_subs, known)
            if meta.get("series") and isinstance(meta.get("series_index"), int):
                key = (str(meta["series"]).strip(), meta["series_index"])
                if key in series_parts:
                    found.append(problem(path, "series_index",
                                         f"{key[1]} in series '{key[0]}' is also claimed by "
                                         f"{series_parts[key]}"))
                else:
                    series_parts[key] = shown_path(path)
        if collection == "cities" and isinstance(meta.get("city"), str) and meta["city"] not in known["cities"]:
            found.append(problem(path, "city", f"unknown city '{meta['city']}' (see content/data/cities.csv)"))
        url = _url_of(collection, path, meta, settings, slug_subs)
        if url is not None:
            if url in urls:
                found.append(problem(path, "slug", f"writes the same URL '{url}' as {urls[url]}"))
            else:
                urls[url] = shown_path(path)
    return sorted(found)


def _check_byline_credentials(path, meta, therapists, slug_subs, known):
    author = meta.get("author")
    codes = meta.get("credentials")
    if not isinstance(author, str) or not isinstance(codes, list):
        return []
    profile = therapists.get(slugify(author, regex_subs=slug_subs))
    if profile is None:
        return []
    held = set(profile.get("credentials") or []) | set(profile.get("certifications") or [])
    return [problem(path, "credentials", f"'{code}' is not held by {profile.get('name', author)} "
                    f"(their profile lists: {', '.join(sorted(held)) or 'none'})")
            for code in codes if code in known["credentials"] and code not in held]


def _url_of(collection, path, meta, settings, slug_subs):
    """The URL Pelican will write the file at, for collision checks."""
    if collection not in ("articles", "pages") or meta.get("status") == "draft":
        return None
    if meta.get("save_as"):
        return str(meta["save_as"])
    title = meta.get("title")
    slug = meta.get("slug") or (slugify(str(title), regex_subs=slug_subs) if title else path.stem)
    pattern = settings.get("ARTICLE_URL" if collection == "articles" else "PAGE_URL", "{slug}.html")
    return pattern.format(slug=slug, lang=settings.get("DEFAULT_LANG", "en"))

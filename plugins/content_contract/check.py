"""Checks every content file against the schema, all problems in one run."""

import datetime
import difflib
import functools
import hashlib
import os
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path

from pelican.settings import DEFAULT_CONFIG
from pelican.utils import slugify as pelican_slugify

from content_contract.dates import parse_date
from content_contract.front_matter import FrontMatter, FrontMatterError, parse
from content_contract.keyed_cache import KeyedCache
from content_contract.problems import problem, shown_path
from content_contract.schema import COLLECTIONS, POPULATIONS


def slug_rules(settings):
    """The site's SLUG_REGEX_SUBSTITUTIONS, with Pelican's own default: one rule everywhere."""
    return settings.get("SLUG_REGEX_SUBSTITUTIONS") or DEFAULT_CONFIG["SLUG_REGEX_SUBSTITUTIONS"]

_EXCERPT = 60  # a message quotes at most this much of a value


@functools.lru_cache(maxsize=4096)
def _slugify(value, subs):
    return pelican_slugify(value, regex_subs=[tuple(s) for s in subs])


def slugify(value, regex_subs):
    """Pelican's slugify, remembered: author names repeat across thousands of articles."""
    return _slugify(value, tuple(tuple(s) for s in regex_subs))


@dataclass(frozen=True)
class Source:
    """One Markdown file the contract covers, read and parsed once per build."""

    collection: str
    path: Path
    key: str  # sha256 of its bytes: what caches of its rendering are keyed by
    front_matter: FrontMatter | None
    error: FrontMatterError | None = None

    @property
    def meta(self):
        return self.front_matter.meta if self.front_matter else {}

    def line_of(self, field):
        return self.front_matter.lines.get(field, 0) if self.front_matter else 0


@dataclass(frozen=True)
class Known:
    """What content may refer to: credential codes (with their kind) and city slugs."""

    credentials: dict
    cities: frozenset


def content_files(content_path):
    """(collection, path) for every Markdown file the contract covers."""
    root = Path(content_path)
    for collection in COLLECTIONS:
        folder = root / collection
        if folder.is_dir():
            for path in sorted(folder.rglob("*.md")):
                yield collection, path


def read_source(collection, path, parsed=None):
    """One file, parsed; `parsed` (a KeyedCache of FrontMatter by the hash of the bytes)
    spares parsing a file whose bytes were parsed before."""
    raw = path.read_bytes()
    key = hashlib.sha256(raw).hexdigest()
    known = parsed.lookup(key) if parsed is not None else None
    if known is not None:
        return Source(collection, path, key, known)
    try:
        front_matter = parse(raw)
    except FrontMatterError as err:
        return Source(collection, path, key, None, err)
    if parsed is not None:
        parsed.store(key, front_matter)
    return Source(collection, path, key, front_matter)


# The parser's own code is part of the parsed cache's identity: a change to it parses every file again.
_PARSER = hashlib.sha256((Path(__file__).parent / "front_matter.py").read_bytes()).hexdigest()


def read_sources(content_path, cache_folder=None):
    """Every file the contract covers, read and parsed. With `cache_folder`, what was parsed is
    kept there (front-matter.pickle) by the hash of each file's bytes, with the parser's code
    and PyYAML's version, so a build parses only the files that changed."""
    parsed = None
    if cache_folder:
        parsed = KeyedCache(os.path.join(cache_folder, "front-matter.pickle"), (_PARSER, version("pyyaml")),
                            "front-matter cache")
    sources = [read_source(collection, file, parsed) for collection, file in content_files(content_path)]
    if parsed is not None:
        try:
            parsed.save()
        except OSError:
            pass  # a cache, nothing more: the next build parses again
    return sources


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
        if kind == "slug" and value != slugify(value, regex_subs=known["slug_rules"]):
            return [f"{_quote(value)} is not a slug (expected lower-case words joined by '-', "
                    f"e.g. '{slugify(value, regex_subs=known['slug_rules'])[:_EXCERPT]}')"]
        if kind == "therapist" and slugify(value, regex_subs=known["slug_rules"]) not in known["therapists"]:
            return [f"unknown therapist {_quote(value)} (known: {', '.join(sorted(known['therapists'])) or 'none'})"]
        return []
    if kind == "date":
        if parse_date(value) is None:
            return [f"{_quote(value)} is not a real date (expected YYYY-MM-DD, optionally with a time)"]
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
            out += [f"unknown {spec.item_choices[:-1]} {_quote(v)} (known: {', '.join(sorted(allowed)) or 'none'})"
                    + (f"; a service is a file, content/services/{v}.md" if spec.item_choices == "services" else "")
                    for v in value if isinstance(v, str) and v not in allowed]
        return out
    if kind == "mapping":
        if not isinstance(value, dict):
            return [f"expected 'CODE: number' lines, e.g. {_example(spec)}; got {_show(value)}"]
        allowed = known[spec.item_choices]
        return [f"unknown {spec.item_choices[:-1]} {_quote(k)} (known: {', '.join(sorted(allowed))})"
                for k in value if k not in allowed]
    if kind == "links":
        ok = isinstance(value, list) and all(
            isinstance(v, dict) and set(v) == {"name", "url"} and str(v["url"]).startswith("https://")
            for v in value)
        return [] if ok else ["expected a list of {name, url} with https:// URLs"]
    raise ValueError(f"schema kind {kind!r} has no check")


def _quote(value):
    """'value', or its first characters when it is long."""
    text = str(value)
    return f"'{text if len(text) <= _EXCERPT else text[: _EXCERPT - 1] + '…'}'"


def _show(value):
    """The value as a message quotes it: a short excerpt, never the whole of a long value."""
    if isinstance(value, bool):
        return str(value).lower()
    text = value if isinstance(value, str) else repr(value)
    text = text if len(text) <= _EXCERPT else text[: _EXCERPT - 1] + "…"
    return f"text '{text}'" if isinstance(value, str) else f"{type(value).__name__} {text}"


def _example(spec):
    return "[" + ", ".join(str(x) for x in spec.example) + "]" if isinstance(spec.example, list) else spec.example


def check_fields(source, known):
    """Problems with one file's fields taken alone, each at its field's line."""
    collection, path, meta = source.collection, source.path, source.meta
    schema = COLLECTIONS[collection]
    found = []
    for name in meta:
        if name not in schema:
            close = difflib.get_close_matches(str(name), schema, n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else f" (known fields: {', '.join(schema)})"
            found.append(problem(path, str(name)[:_EXCERPT], "unknown field" + hint, source.line_of(name)))
    for name, spec in schema.items():
        if name not in meta or meta[name] is None:
            if spec.required:
                found.append(problem(path, name, f"required field is missing (e.g. {name}: {_example(spec)})"))
            continue
        for message in _type_problems(name, spec, meta[name], known):
            found.append(problem(path, name, message, source.line_of(name)))
    for pic, alt in (("image", "image_alt"), ("photo", "photo_alt")):
        if pic in schema and meta.get(pic) and not meta.get(alt):
            found.append(problem(path, alt, f"required when {pic} is given: describe the picture",
                                 source.line_of(pic)))
    if collection == "articles" and meta.get("series_index") is not None and not meta.get("series"):
        found.append(problem(path, "series_index", "given without series: add the series name or remove it",
                             source.line_of("series_index")))
    return found


def known_names(known, therapists, slug_subs, services=()):
    return {
        "slug_rules": slug_subs,
        "therapists": set(therapists),
        "services": set(services),
        "populations": set(POPULATIONS),
        "credentials": set(known.credentials),
        "licenses": {c for c, kind in known.credentials.items() if kind == "license"},
        "certifications": {c for c, kind in known.credentials.items() if kind == "certification"},
        "cities": set(known.cities),
    }


def check_sources(sources, settings, known, content_root=None, today=None):
    """Every problem in the content files, as a sorted list."""
    today = today or datetime.date.today()
    slug_subs = slug_rules(settings)
    found = [problem(s.path, s.error.field, s.error.message, s.error.line) for s in sources if s.error]
    files = [s for s in sources if s.front_matter is not None]
    therapists = {s.path.stem: s.meta for s in files if s.collection == "therapists"}
    services = {s.path.stem for s in files if s.collection == "services" and s.meta.get("status") != "draft"}
    names = known_names(known, therapists, slug_subs, services)
    series_parts, notes = {}, {}
    for source in files:
        path, meta = source.path, source.meta
        found += check_fields(source, names)
        if source.collection == "articles":
            found += _check_byline_credentials(source, therapists, slug_subs, names)
        if source.collection in ("articles", "pages"):
            found += _check_review(source, today)
            if meta.get("series") and isinstance(meta.get("series_index"), int):
                key = (str(meta["series"]).strip(), meta["series_index"])
                if key in series_parts:
                    found.append(problem(path, "series_index",
                                         f"{key[1]} in series '{key[0]}' is also claimed by "
                                         f"{series_parts[key]}", source.line_of("series_index")))
                else:
                    series_parts[key] = shown_path(path)
        if source.collection == "cities" and isinstance(meta.get("city"), str):
            if meta["city"] not in names["cities"]:
                found.append(problem(path, "city", f"unknown city {_quote(meta['city'])} (see content/data/cities.csv)",
                                     source.line_of("city")))
            elif meta["city"] in notes:
                found.append(problem(path, "city", f"{_quote(meta['city'])} already has a note: "
                                     f"{shown_path(notes[meta['city']])} (keep one)", source.line_of("city")))
            else:
                notes[meta["city"]] = path
        for field in ("image", "photo"):
            if isinstance(meta.get(field), str) and meta[field].strip() and content_root is not None:
                if not (Path(content_root) / meta[field].strip().lstrip("/")).is_file():
                    found.append(problem(path, field, f"{_quote(meta[field])} is not a file in the content folder "
                                         f"(expected {Path(content_root) / meta[field].strip().lstrip('/')})",
                                         source.line_of(field)))
        if source.collection == "pages" and isinstance(meta.get("template"), str) and settings.get("THEME"):
            if not (Path(settings["THEME"]) / "templates" / f"{meta['template']}.html").is_file():
                known = sorted(p.stem for p in (Path(settings["THEME"]) / "templates").glob("*.html"))
                found.append(problem(path, "template", f"no template {_quote(meta['template'])} in the theme "
                                     f"(known: {', '.join(known)})", source.line_of("template")))
    return sorted(found)


def _check_review(source, today):
    """A review is shown only whole and true: by whom and when, not before the text's date, not yet to come."""
    meta, path = source.meta, source.path
    reviewer, when = meta.get("reviewed_by"), meta.get("last_reviewed")
    if bool(reviewer) != bool(when):
        given, missing = ("reviewed_by", "last_reviewed") if reviewer else ("last_reviewed", "reviewed_by")
        return [problem(path, missing, f"required with {given}: a review names who reviewed the article and when",
                        source.line_of(given))]
    reviewed = parse_date(when) if when is not None else None
    written = parse_date(meta.get("date")) if meta.get("date") is not None else None
    if reviewed is None:
        return []
    if written is not None and reviewed.date() < written.date():
        return [problem(path, "last_reviewed", f"{reviewed.date()} is before the date it was written ({written.date()})",
                        source.line_of("last_reviewed"))]
    if reviewed.date() > today:
        return [problem(path, "last_reviewed", f"{reviewed.date()} is in the future: give the day the review "
                        "was done", source.line_of("last_reviewed"))]
    return []


def _check_byline_credentials(source, therapists, slug_subs, known):
    author = source.meta.get("author")
    codes = source.meta.get("credentials")
    if not isinstance(author, str) or not isinstance(codes, list):
        return []
    profile = therapists.get(slugify(author, regex_subs=slug_subs))
    if profile is None:
        return []
    held = set(profile.get("credentials") or []) | set(profile.get("certifications") or [])
    return [problem(source.path, "credentials", f"'{code}' is not held by {profile.get('name', author)} "
                    f"(their profile lists: {', '.join(sorted(held)) or 'none'})", source.line_of("credentials"))
            for code in codes if isinstance(code, str) and code in known["credentials"] and code not in held]

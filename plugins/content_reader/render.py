"""Turns one Markdown file into (content HTML, raw front matter, title HTML, summary HTML).

A pure function of the file's bytes and the reading settings, so its result can be
cached by content hash and computed in another process.
"""

import copy
import html
import re

import yaml

HEADER_RE = re.compile(
    r"\s*^---$(?P<metadata>.+?)^(?:---|\.\.\.)$(?P<content>.*)", re.MULTILINE | re.DOTALL)
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_markdown = {}


def reading_config(settings):
    """Everything a file's HTML depends on besides its own bytes."""
    # Pelican's Markdown reader adds to MARKDOWN["extensions"] when it starts, so the
    # configuration is normalised: the same settings give the same key at any moment.
    md = copy.deepcopy(settings["MARKDOWN"])
    md.setdefault("extension_configs", {})
    extensions = {e for e in md.get("extensions", []) if e != "markdown.extensions.meta"}
    md["extensions"] = sorted(extensions | set(md["extension_configs"]))
    return {
        "markdown": md,
        "typogrify": bool(settings.get("SITE_TYPOGRIFY", True)),
        "ignore_tags": list(settings.get("TYPOGRIFY_IGNORE_TAGS", [])),
        "omit_filters": list(settings.get("TYPOGRIFY_OMIT_FILTERS", [])),
        "dashes": settings.get("TYPOGRIFY_DASHES", "default"),
        "formatted": sorted(settings.get("FORMATTED_FIELDS", ["summary"])),
    }


def _converter(config):
    """One Markdown instance per configuration, as Pelican's Markdown reader sets it up."""
    key = repr(config["markdown"])
    if key not in _markdown:
        from markdown import Markdown

        md = copy.deepcopy(config["markdown"])
        md.setdefault("extension_configs", {})
        extensions = [e for e in md.get("extensions", []) if e != "markdown.extensions.meta"]
        extensions += [e for e in md["extension_configs"] if e not in extensions]
        md["extensions"] = extensions
        _markdown[key] = Markdown(**md)
    return _markdown[key].reset()


def _typogrify(text, config):
    if not config["typogrify"] or not text:
        return text
    import smartypants
    from typogrify.filters import typogrify

    smartypants.Attr.default = {"oldschool": smartypants.Attr.set2,
                                "oldschool_inverted": smartypants.Attr.set3}.get(config["dashes"],
                                                                                smartypants.Attr.set1)
    smartypants.Attr.default |= smartypants.Attr.w
    return typogrify(text, config["ignore_tags"], **dict.fromkeys(config["omit_filters"], False))


def render(text, config):
    """(content_html, raw_metadata, title_html, formatted_html) for one file's text,
    or None when it has no YAML front matter (the plain Markdown reader takes it)."""
    match = HEADER_RE.fullmatch(text)
    if not match:
        return None
    raw = yaml.load(match.group("metadata"), Loader=_Loader) or {}
    if not isinstance(raw, dict):
        return None
    content = _typogrify(_converter(config).convert(match.group("content")), config)
    title = raw.get("title")
    title_html = _typogrify(html.escape(str(title), quote=False), config) if title is not None else None
    formatted = {}
    for name in config["formatted"]:
        if raw.get(name) is not None:
            value = raw[name]
            value = "\n".join(map(str, value)) if isinstance(value, list) else str(value)
            formatted[name] = _typogrify(_converter(config).convert(value), config)
    return content, raw, title_html, formatted

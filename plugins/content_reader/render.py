"""Turns one parsed Markdown file into (content HTML, title HTML, {formatted field: HTML}).

A pure function of the file's front matter and body and the reading settings, so its
result can be cached by content hash and computed in another process.
"""

import copy
import functools
import html
import json

from content_contract.html_check import findings


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
        "typogrify": settings.get("CONTENT_READER_TYPOGRIFY", True) is True,
        "ignore_tags": list(settings.get("TYPOGRIFY_IGNORE_TAGS", [])),
        "omit_filters": list(settings.get("TYPOGRIFY_OMIT_FILTERS", [])),
        "dashes": settings.get("TYPOGRIFY_DASHES", "default"),
        "formatted": sorted(settings.get("FORMATTED_FIELDS", ["summary"])),
    }


@functools.lru_cache(maxsize=8)
def _markdown(config_json):
    """One Markdown instance per configuration (a memo of a pure factory; reset before each use)."""
    from markdown import Markdown

    md = json.loads(config_json)
    return Markdown(**md)


def _converter(config):
    return _markdown(json.dumps(config["markdown"], sort_keys=True)).reset()


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


def render(front_matter, config):
    """(content_html, title_html, formatted_html, checks) for one parsed file, where checks
    is {field: ([(what, why)], [local src values])} for the body and each formatted field."""
    raw = front_matter.meta
    content = _typogrify(_converter(config).convert(front_matter.body), config)
    title = raw.get("title")
    title_html = _typogrify(html.escape(str(title), quote=False), config) if title is not None else None
    formatted = {}
    for name in config["formatted"]:
        if raw.get(name) is not None:
            value = raw[name]
            value = "\n".join(map(str, value)) if isinstance(value, list) else str(value)
            # Plain text, as the contract says: any HTML in it is shown as written, never run.
            formatted[name] = _typogrify(_converter(config).convert(html.escape(value, quote=False)), config)
    checks = {"body": findings(content), **{name: findings(value) for name, value in formatted.items()}}
    return content, title_html, formatted, checks

"""Metadata is plain text: typogrify's markup removed, entities decoded once."""

import html
import json
import re

_TAG = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"\s+")


def plain_text(value):
    if value is None:
        return ""
    return _SPACE.sub(" ", html.unescape(_TAG.sub("", str(value)))).strip()


def json_for_script(data):
    """JSON that no value can break out of a <script> element with."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")

"""Reads a content file's YAML front matter exactly as the author wrote it."""

import re

import yaml

# The same header rule as the pelican-yaml-metadata reader.
HEADER_RE = re.compile(
    r"\s*^---$(?P<metadata>.+?)^(?:---|\.\.\.)$(?P<content>.*)",
    re.MULTILINE | re.DOTALL,
)


class _AuthorLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """Safe YAML that keeps dates as text, so an impossible date is reported
    against its field instead of failing the whole file."""


_AuthorLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


class FrontMatterError(Exception):
    def __init__(self, field, message, line=0):
        super().__init__(message)
        self.field = field
        self.message = message
        self.line = line


def read_front_matter(path):
    """Return (metadata, body) or raise FrontMatterError."""
    raw = path.read_bytes()
    if not raw.strip():
        raise FrontMatterError("file", "the file is empty (expected front matter between '---' lines, then the text)")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        raise FrontMatterError(
            "file", f"not UTF-8 text (byte 0x{raw[err.start]:02x} at position {err.start}); save it as UTF-8"
        ) from None
    match = HEADER_RE.fullmatch(text)
    if not match:
        raise FrontMatterError("front matter", "missing: the file must start with a '---' line, "
                               "the fields, and another '---' line", line=1)
    try:
        meta = yaml.load(match.group("metadata"), Loader=_AuthorLoader)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        line = mark.line + 1 if mark else 0  # 0-based, and the block starts on the '---' line
        reason = getattr(err, "problem", None) or str(err).splitlines()[0]
        raise FrontMatterError("front matter", f"not valid YAML: {reason}", line=line) from None
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise FrontMatterError("front matter", "expected 'field: value' lines", line=2)
    return meta, match.group("content")

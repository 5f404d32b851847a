"""The one front-matter parser: the contract checks what it returns and the site's
reader builds pages from the same result, so the two always agree.

It accepts what an author's editor may save (a UTF-8 BOM, Windows line endings) and
bounds what YAML could make of a hostile file: no anchors or aliases (an alias bomb
grows without limit), a nesting depth and a size, no key given twice.
"""

import re
from dataclasses import dataclass, field

import yaml

MAX_BYTES = 64 * 1024  # the front matter block; a real one is a few hundred bytes
MAX_DEPTH = 8  # nested lists and mappings; the deepest field (profiles) needs 3
MAX_EVENTS = 5000

# The same header rule as Pelican's YAML readers: '---', the fields, '---' (or '...').
HEADER_RE = re.compile(
    r"\s*^---$(?P<metadata>.+?)^(?:---|\.\.\.)$(?P<content>.*)",
    re.MULTILINE | re.DOTALL,
)
_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _AuthorLoader(_BaseLoader):
    """Safe YAML that keeps dates as text, so that a date is checked by the contract's one
    date rule (dates.py), which the reader uses too."""


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


@dataclass(frozen=True)
class FrontMatter:
    meta: dict
    body: str
    lines: dict = field(default_factory=dict)  # {field: line in the file}


def decode(raw):
    """The file's text as an author means it: UTF-8, without a BOM, with '\\n' line ends."""
    if b"\x00" in raw:
        position = raw.index(b"\x00")
        raise FrontMatterError("file", f"contains a NUL byte (at position {position}); save it as plain UTF-8 text")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise FrontMatterError(
            "file", f"not UTF-8 text (byte 0x{raw[err.start]:02x} at position {err.start}); save it as UTF-8"
        ) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _check_events(text, first_line):
    """Walks YAML's event stream (flat, so a deep file cannot exhaust the stack) and refuses
    anchors, aliases, too deep a nesting and too many values, before anything is built."""
    loader = _AuthorLoader(text)
    depth = count = 0
    try:
        while loader.check_event():
            event = loader.get_event()
            count += 1
            line = first_line + event.start_mark.line
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                raise FrontMatterError("front matter", "anchors and aliases (& and *) are not allowed: write each "
                                       "value out", line)
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                depth += 1
                if depth > MAX_DEPTH:
                    raise FrontMatterError("front matter", f"nested more than {MAX_DEPTH} levels deep", line)
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                depth -= 1
            if count > MAX_EVENTS:
                raise FrontMatterError("front matter", f"more than {MAX_EVENTS} values", line)
    finally:
        loader.dispose()


def _key_lines(node, first_line):
    """{field: line} for the top-level fields; a field given twice is an error."""
    lines = {}
    for key, _ in node.value:
        name = key.value
        line = first_line + key.start_mark.line
        if name in lines:
            raise FrontMatterError(str(name)[:40], f"given twice (lines {lines[name]} and {line}): keep one", line)
        lines[name] = line
    return lines


def parse(raw):
    """FrontMatter for a Markdown file's bytes, or FrontMatterError naming the field and line."""
    if not raw.strip():
        raise FrontMatterError("file", "the file is empty (expected front matter between '---' lines, then the text)")
    text = decode(raw)
    match = HEADER_RE.fullmatch(text)
    if not match:
        raise FrontMatterError("front matter", "missing: the file must start with a '---' line, "
                               "the fields, and another '---' line", line=1)
    block = match.group("metadata")
    if len(block.encode("utf-8")) > MAX_BYTES:
        raise FrontMatterError("front matter", f"longer than {MAX_BYTES // 1024} KB: keep the fields short and "
                               "put the text below the second '---'", line=1)
    # The block starts at the end of the first '---' line: its YAML line 0 is that file line.
    first = text[: match.start("metadata")].count("\n") + 1
    try:
        _check_events(block, first)
        loader = _AuthorLoader(block)
        try:
            node = loader.get_single_node()
            if node is not None and not isinstance(node, yaml.MappingNode):
                raise FrontMatterError("front matter", "expected 'field: value' lines", line=first + node.start_mark.line)
            lines = _key_lines(node, first) if node is not None else {}
            meta = loader.construct_document(node) if node is not None else {}
        finally:
            loader.dispose()
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        reason = getattr(err, "problem", None) or str(err).splitlines()[0]
        raise FrontMatterError("front matter", f"not valid YAML: {reason}",
                               line=first + mark.line if mark else 0) from None
    return FrontMatter(meta=meta, body=match.group("content"), lines=lines)


def read_front_matter(path):
    """(metadata, body) of a file, or FrontMatterError."""
    result = parse(path.read_bytes())
    return result.meta, result.body

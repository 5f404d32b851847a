"""Unit tests of the one front-matter parser and the date rule: no Pelican run."""

import datetime

import pytest
from content_contract.dates import parse_date
from content_contract.front_matter import MAX_DEPTH, FrontMatterError, parse

pytestmark = pytest.mark.unit

LF = b"---\ntitle: Caf\xc3\xa9 notes\ndate: 2026-01-05\ntags: [a, b]\n---\n\nBody line one.\nBody two.\n"


def test_a_bom_and_windows_line_endings_read_exactly_like_lf():
    crlf = b"\xef\xbb\xbf" + LF.replace(b"\n", b"\r\n")
    assert parse(crlf) == parse(LF)
    assert parse(LF).meta == {"title": "Café notes", "date": "2026-01-05", "tags": ["a", "b"]}
    assert parse(LF).lines == {"title": 2, "date": 3, "tags": 4}


@pytest.mark.parametrize("raw, field, line, words", [
    (b"---\nbase: &a [x, x, x]\nmore: [*a, *a]\n---\n", "front matter", 2, "anchors and aliases"),
    (b"---\ntitle: One\nsummary: s\ntitle: Two\n---\n", "title", 4, "given twice (lines 2 and 4)"),
    (b"---\nx: " + b"[" * (MAX_DEPTH + 1) + b"]" * (MAX_DEPTH + 1) + b"\n---\n", "front matter", 2, "nested more"),
    (b"---\nx: " + b"[" * 30000 + b"\n---\n", "front matter", 2, "nested more"),
    (b"---\ntitle: a\x00b\n---\n", "file", 0, "NUL byte"),
    (b"---\n- a list\n---\n", "front matter", 2, "expected 'field: value' lines"),
    (b"---\ntitle: [unclosed\n---\n", "front matter", 3, "not valid YAML"),
    (b"no front matter\n", "front matter", 1, "missing"),
    (b"   \n", "file", 0, "empty"),
    (b"---\ntitle: caf\xe9\n---\n", "file", 0, "not UTF-8"),
    (b"---\nx: '" + b"a" * 70000 + b"'\n---\n", "front matter", 1, "longer than 64 KB"),
])
def test_hostile_front_matter_is_refused_naming_field_and_line(raw, field, line, words):
    with pytest.raises(FrontMatterError) as caught:
        parse(raw)
    assert (caught.value.field, caught.value.line) == (field, line)
    assert words in caught.value.message
    assert len(caught.value.message) < 200


def test_a_billion_laughs_is_refused_before_it_grows():
    laughs = b"---\na: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + b"".join(
        b"%c: &%c [*%c, *%c, *%c, *%c, *%c, *%c, *%c, *%c, *%c]\n" % ((ord("a") + i + 1,) * 2 + (ord("a") + i,) * 9)
        for i in range(9)) + b"---\n"
    with pytest.raises(FrontMatterError, match="anchors and aliases"):
        parse(laughs)


@pytest.mark.parametrize("text, expected", [
    ("2026-11-26", datetime.datetime(2026, 11, 26)),
    ("2026-11-26 09:30", datetime.datetime(2026, 11, 26, 9, 30)),
    ("2026-11-26T09:30:00-05:00", datetime.datetime(2026, 11, 26, 9, 30, tzinfo=datetime.timezone(
        datetime.timedelta(hours=-5)))),
    ("2026-W48-4", None), ("2026-02-30", None), ("next tuesday", None), ("20261126", None), ("2026-11", None),
])
def test_one_date_rule(text, expected):
    assert parse_date(text) == expected

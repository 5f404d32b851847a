"""Reads what a built page says in its <head> and what it links to."""

import json
from html.parser import HTMLParser


class PageReader(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.title = ""
        self.meta = {}
        self.links = []  # (tag, attribute, url)
        self.jsonld = []
        self.scripts = 0
        self.ids = set()
        self.breadcrumbs = []
        self._in = None
        self._buffer = ""
        self._crumbs = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "id" in a:
            self.ids.add(a["id"])
        if tag == "title":
            self._in, self._buffer = "title", ""
        elif tag == "meta":
            key = a.get("property") or a.get("name") or a.get("http-equiv")
            if key:
                self.meta[key] = a.get("content", "")
        elif tag == "script":
            self.scripts += 1
            if a.get("type") == "application/ld+json":
                self._in, self._buffer = "jsonld", ""
            if a.get("src"):
                self.links.append(("script", "src", a["src"]))
        elif tag == "nav" and a.get("aria-label") == "Breadcrumb":
            self._crumbs = True
        elif tag == "a" and a.get("href"):
            self.links.append(("a", "href", a["href"]))
            if self._crumbs:
                self._in, self._buffer = "crumb", ""
                self.breadcrumbs.append([None, a["href"]])
        elif tag == "link" and a.get("href"):
            self.links.append(("link", a.get("rel", ""), a["href"]))
        elif tag == "img" and a.get("src"):
            self.links.append(("img", "src", a["src"]))

    def handle_endtag(self, tag):
        if tag == "title" and self._in == "title":
            self.title, self._in = self._buffer, None
        elif tag == "script" and self._in == "jsonld":
            self.jsonld.append(self._buffer)
            self._in = None
        elif tag == "a" and self._in == "crumb":
            self.breadcrumbs[-1][0] = self._buffer.strip()
            self._in = None
        elif tag == "nav":
            self._crumbs = False

    def handle_data(self, data):
        if self._in:
            self._buffer += data


def read_page(html):
    reader = PageReader()
    reader.feed(html)
    reader.close()
    return reader


def graph_of(reader):
    assert len(reader.jsonld) == 1, "one JSON-LD block per page"
    data = json.loads(reader.jsonld[0])
    return data["@graph"]


def all_refs(node):
    """Every @id a JSON-LD node refers to."""
    if isinstance(node, dict):
        if set(node) <= {"@id", "url"} and "@id" in node:
            yield node["@id"]
        for v in node.values():
            yield from all_refs(v)
    elif isinstance(node, list):
        for v in node:
            yield from all_refs(v)

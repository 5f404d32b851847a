"""Internal link check over a built site: every link, image, stylesheet and script
inside the site resolves to a written file, and every #fragment to an id there.

Used by `make publish` (tools/publish.py) before a build may replace output/,
and by the tests.
"""

import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlparse


class _Links(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links, self.ids = [], set()

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if a.get("id"):
            self.ids.add(a["id"])
        if tag == "a" and a.get("name"):
            self.ids.add(a["name"])
        for attr in ("href", "src"):
            if a.get(attr) and tag in ("a", "link", "script", "img", "source", "iframe"):
                self.links.append(a[attr])


def read_html(path):
    parser = _Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def target_file(output, path):
    candidate = output / path.lstrip("/")
    if path.endswith("/") or candidate.is_dir():
        candidate = candidate / "index.html"
    return candidate


def check_site(output, siteurl=""):
    """Problems as 'page: link: reason' strings; [] when every internal link resolves."""
    output = Path(output)
    site = urlparse(siteurl)
    base = (site.path.rstrip("/") + "/") if siteurl else "/"
    pages = {p: read_html(p) for p in output.rglob("*.html") if "pagefind" not in p.relative_to(output).parts}
    problems = []
    for page, parsed in sorted(pages.items()):
        rel_page = page.relative_to(output)
        for link in parsed.links:
            url = urlparse(link)
            if url.scheme in ("mailto", "tel", "sms", "data", "javascript"):
                continue
            if url.netloc and url.netloc != site.netloc:
                continue  # a link to another website: not ours to check
            if url.scheme or url.netloc or url.path.startswith("/"):
                if not url.path.startswith(base):
                    problems.append(f"{rel_page}: {link}: outside the site's base path {base}")
                    continue
                path = "/" + url.path[len(base):]
            elif url.path:
                path = "/" + str((rel_page.parent / url.path)).replace("\\", "/")
            else:
                path = "/" + str(rel_page)
            target = target_file(output, unquote(path))
            if not target.exists():
                problems.append(f"{rel_page}: {link}: no such file")
                continue
            if url.fragment and target.suffix == ".html":
                ids = pages[target].ids if target in pages else read_html(target).ids
                if url.fragment not in ids:
                    problems.append(f"{rel_page}: {link}: no element with id '{url.fragment}'")
    return problems


if __name__ == "__main__":
    found = check_site(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else "")
    print("\n".join(found) or "all internal links resolve")
    sys.exit(1 if found else 0)

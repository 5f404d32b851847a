"""What the rendered HTML of a content file may hold: the site loads nothing from another
host and runs no script, so a body (or a summary) may not carry either.

Checked on the HTML the Markdown became, so that raw HTML pasted into Markdown is
caught however it was written; each finding names the tag or attribute.
"""

import re
from html.parser import HTMLParser

# Tags that run code, embed another page or resource, send data, or change how the page loads.
FORBIDDEN_TAGS = {
    "script": "scripts never run on this site",
    "iframe": "link to the page instead of embedding it",
    "frame": "link to the page instead of embedding it",
    "object": "link to the file instead of embedding it",
    "embed": "link to the file instead of embedding it",
    "applet": "link to the file instead of embedding it",
    "form": "forms would send a reader's data elsewhere",
    "base": "it would change where every link goes",
    "link": "it would load a file from elsewhere",
    "meta": "it would change how the page loads",
    "style": "the theme styles every page",
}
# Attributes whose value is fetched as the page loads.
LOADED = {"src", "srcset", "poster", "data", "background", "lowsrc", "dynsrc"}
LINKS = {"href", "xlink:href", "action", "formaction", "cite"}
_SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*):", re.I)
_INVISIBLE = re.compile(r"[\x00-\x20\x7f]+")


def _scheme(url):
    match = _SCHEME.match(_INVISIBLE.sub("", url))
    return match.group(1).lower() if match else None


def _elsewhere(url):
    """True when loading `url` would reach another host (https://…, //host/…, data: …)."""
    url = url.strip()
    return bool(_scheme(url)) or url.replace("\\", "/").startswith("//")


class _Finder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found = []  # (message, text to find it by in the source)
        self.local_sources = []  # src values that name a file of the site

    def handle_starttag(self, tag, attrs):
        self._check(tag, attrs)

    def handle_startendtag(self, tag, attrs):
        self._check(tag, attrs)

    def _not_allowed(self, what, why, needle):
        self.found.append((f"{what} is not allowed: {why}", needle))

    def _check(self, tag, attrs):
        if tag in FORBIDDEN_TAGS:
            self._not_allowed(f"<{tag}>", FORBIDDEN_TAGS[tag], f"<{tag}")
        if tag == "img":
            self._check_alt(dict(attrs))
        for name, value in attrs:
            value = value or ""
            if name.startswith("on"):
                self._not_allowed(f"{name}= on <{tag}>", "scripts never run on this site", name)
            elif name == "style":
                self._not_allowed(f"style= on <{tag}>", "the theme styles every page; inline styles are blocked",
                                  "style")
            elif name == "ping":
                self._not_allowed(f"ping= on <{tag}>", "it would tell another host who clicked", "ping")
            elif name in LOADED:
                urls = [c.strip().split()[0] for c in value.split(",") if c.strip()] if name == "srcset" else [value]
                for url in urls:
                    if _elsewhere(url):
                        self._not_allowed(f"{name}=\"{url[:60]}\" on <{tag}>",
                                          "it loads from another host: put the file in content/images/", url)
                    elif name == "src" and url:
                        self.local_sources.append(url)
            elif name in LINKS and _scheme(value) in ("javascript", "data", "vbscript", "file"):
                self._not_allowed(f"{name}=\"{_scheme(value)}:…\" on <{tag}>",
                                  "links may go to https://, mailto: or tel:, or to a page of the site",
                                  f"{_scheme(value)}:")
            elif name in LINKS and tag in ("use", "image", "feimage") and _elsewhere(value):
                self._not_allowed(f"{name}= on <{tag}>", "it loads from another host", value)


    def _check_alt(self, attrs):
        """Every image says what it shows, or is marked decorative ({.decorative} in Markdown)."""
        alt, src = attrs.get("alt"), (attrs.get("src") or "")[:60]
        decorative = "decorative" in (attrs.get("class") or "").split()
        if alt is None or (not alt.strip() and not decorative):
            self.found.append((f"the image '{src}' has no alt text: describe what it shows, "
                               f"![A bowl mended with gold]({src}), or, if it is only ornament, "
                               f"mark it ![]({src}){{.decorative}} (docs/writing.md, Images)", src or "<img"))
        elif alt.strip() and decorative:
            self.found.append((f"the image '{src}' is marked decorative but has alt text: keep one of the two",
                               src or "<img"))


def findings(html):
    """([(message, needle)], [local src values]) for one rendered HTML fragment."""
    finder = _Finder()
    finder.feed(html)
    finder.close()
    return finder.found, finder.local_sources


MARKERS = ("{static}", "{attach}", "|static|", "|attach|")


def named_file(src, source_path, content_root):
    """The content file an image's src names, or None for a site path: {static}/images/x.jpg
    (from the content folder), {attach}x.jpg (beside the file), or images/x.jpg as front
    matter writes it."""
    from pathlib import Path

    for marker in MARKERS:
        if src.startswith(marker):
            rest = src[len(marker):].split("?")[0].split("#")[0]
            base = Path(content_root) if rest.startswith("/") else Path(source_path).parent
            return (base / rest.lstrip("/")).resolve()
    if src.startswith(("images/", "/images/")):
        return (Path(content_root) / src.lstrip("/").split("?")[0].split("#")[0]).resolve()
    return None

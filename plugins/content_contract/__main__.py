"""`python -m content_contract new-article --title T --author A content` (`make new-article`)."""

import argparse
import datetime
import sys
from pathlib import Path

from pelican.settings import read_settings
from pelican.utils import slugify

from content_contract.check import slug_rules
from content_contract.front_matter import FrontMatterError, read_front_matter


def _settings():
    return read_settings("pelicanconf.py") if Path("pelicanconf.py").exists() else {}


def new_article(content, title, author):
    therapists = {}
    for profile in (Path(content) / "therapists").glob("*.md"):
        try:
            therapists[profile.stem] = read_front_matter(profile)[0]
        except FrontMatterError:
            continue  # `make check` reports it
    slug = slugify(author or "", regex_subs=slug_rules(_settings())) if author else ""
    if not title or slug not in therapists:
        print(f"usage: make new-article TITLE=\"…\" AUTHOR=<one of: {', '.join(sorted(therapists))}>",
              file=sys.stderr)
        return 2
    path = Path(content) / "articles" / f"{slugify(title, regex_subs=slug_rules(_settings()))}.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists():
        print(f"{path} already exists", file=sys.stderr)
        return 1
    quoted = title.replace('"', '\\"')
    path.write_text(
        "---\n"
        f"title: \"{quoted}\"\n"
        f"date: {datetime.date.today().isoformat()}\n"
        f"author: {therapists[slug]['name']}\n"
        "summary: >-\n"
        "  Write one or two sentences here: what a reader will take from this article.\n"
        "tags: []\n"
        "status: draft\n"
        "---\n\n"
        "Start writing here. When it is ready, remove the line 'status: draft'.\n",
        encoding="utf-8",
    )
    print(f"wrote {path} (a draft: preview it with 'make serve')")
    return 0


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m content_contract")
    sub = parser.add_subparsers(dest="command", required=True)
    new = sub.add_parser("new-article", help="write a new draft article")
    new.add_argument("--title", default="")
    new.add_argument("--author", default="")
    new.add_argument("content", nargs="?", default="content")
    args = parser.parse_args(argv)
    return new_article(args.content, args.title, args.author)


if __name__ == "__main__":
    sys.exit(main())

"""Runs Pagefind (from the pagefind[bin] package) over the built site.

Pagefind holds every page in memory while it indexes (about 1.2 GB for 5,000
articles), so a large site is indexed in parts of at most
SITE_SEARCH_PAGES_PER_INDEX pages, each into its own bundle (pagefind/,
pagefind-1/, …); the search page merges them (Pagefind's mergeIndex). Each part
is a folder of hard links to the pages it holds, at their real paths, so every
result keeps its URL.
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

MARKER = b"data-pagefind-body"
MANIFEST = "bundles.json"


def searchable_pages(output):
    pages = []
    for path in sorted(output.rglob("*.html")):
        rel = path.relative_to(output)
        if rel.parts[0].startswith("pagefind"):
            continue
        if MARKER in path.read_bytes():
            pages.append(rel)
    return pages


def split(pages, per_index):
    parts = max(1, -(-len(pages) // per_index))
    size = -(-len(pages) // parts) if pages else 0
    return [pages[i:i + size] for i in range(0, len(pages), size)] or [[]]


def bundle_name(index):
    return "pagefind" if index == 0 else f"pagefind-{index}"


def index_part(output, pages, bundle):
    with tempfile.TemporaryDirectory(prefix="search-part-") as part:
        for rel in pages:
            target = Path(part, rel)
            target.parent.mkdir(parents=True, exist_ok=True)
            try:
                os.link(output / rel, target)
            except OSError:
                shutil.copyfile(output / rel, target)
        result = subprocess.run(
            [sys.executable, "-m", "pagefind", "--site", part, "--output-path", str(output / bundle), "--silent"],
            capture_output=True, text=True, check=False)
    if result.returncode != 0:
        print(result.stdout + result.stderr, file=sys.stderr)
        raise RuntimeError(f"Pagefind could not index the site ({bundle})")


def index_site(pelican):
    settings = pelican.settings
    if not settings.get("SITE_SEARCH", True):
        return
    output = Path(pelican.output_path)
    parts = split(searchable_pages(output), int(settings.get("SITE_SEARCH_PAGES_PER_INDEX", 2500)))
    for index, pages in enumerate(parts):
        index_part(output, pages, bundle_name(index))
    manifest = {"bundles": [f"{bundle_name(i)}/" for i in range(len(parts))]}
    (output / bundle_name(0) / MANIFEST).write_text(json.dumps(manifest) + "\n", encoding="utf-8")

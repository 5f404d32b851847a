"""Runs Pagefind (from the pagefind[bin] package) over the built site, in parts.

The searchable pages are shared out among parts of about
SITE_SEARCH_PAGES_PER_PART pages by a stable hash of each page's path, so a page
stays in the same part from one build to the next (until the number of parts
changes, once every SITE_SEARCH_PAGES_PER_PART new pages). Each part becomes its
own bundle (pagefind/, pagefind-1/, …) and the search page merges them
(Pagefind's mergeIndex, which shares one WebAssembly module among them).

Parts serve two ends: Pagefind holds a part's pages in memory while it indexes
(about 250 KB a page), so memory stays bounded however large the site grows; and
a part whose pages did not change is linked from the cache (CACHE_PATH/search)
instead of indexed again. The cache key is the Pagefind version plus the path and
the exact bytes of every page in the part, so a changed page always means a fresh
index for its part, and a cached part can never be stale.
"""

import hashlib
import json
import logging
import os
import re
import shutil
import subprocess
import tempfile
import time
from importlib.metadata import version
from pathlib import Path

import plugin_settings
import practice_model
from content_contract.problems import log
from page_model import (
    link_or_copy,  # linked, not copied: a copy is most of what a re-used part costs
)
from plugin_settings import Setting, positive

MARKER = b"data-pagefind-body"
MANIFEST = "bundles.json"
# Pagefind writes it into every bundle: a run that leaves none has failed.
COMPLETE = "pagefind-entry.json"
# Beside each cached part: the hash of every file in it, checked before the part is used.
CHECKSUMS = "part-checksums.json"
KEPT_PARTS = 16


SETTINGS = {
    "SITE_SEARCH": Setting(True, bool, "Index the built site for search after each build."),
    "SITE_SEARCH_PAGES_PER_PART": Setting(200, int, "About how many pages each part of the index holds.",
                                          positive),
}


def settings_for(settings):
    """The plugin's settings with their defaults, read in one place."""
    return plugin_settings.read(settings, "SITE_SEARCH_", SETTINGS)


STATE = "site_search"


def note_written_page(path, context=None):
    """The pages this build wrote (Pelican's content_written), so that nothing else in the
    output folder, such as a page left from an earlier build, is ever indexed."""
    practice_model.build_of(context).state(STATE, set).add(os.path.abspath(path))


def searchable_pages(output, written, live=None):
    """{path relative to the output: (hash of its bytes, its file)} for each page written and
    marked as searchable. A page the build found unchanged is read where it already is (`live`)."""
    pages = {}
    root = os.path.abspath(output)
    for path in sorted(written):
        rel = Path(os.path.relpath(path, root))
        if rel.parts[0] == ".." or rel.suffix != ".html":
            continue
        found = next((p for p in (Path(path), Path(live or root, rel)) if p.is_file()), None)
        if found is None:
            continue
        data = found.read_bytes()
        if MARKER in data:
            pages[rel] = (hashlib.sha256(data).hexdigest(), found)
    return pages


def part_of(rel, parts):
    return int.from_bytes(hashlib.sha256(rel.as_posix().encode()).digest()[:8], "big") % parts


def split(pages, per_part):
    """Parts of about `per_part` pages each, every page always in the part its path hashes to."""
    parts = max(1, -(-len(pages) // per_part))
    shares = [[] for _ in range(parts)]
    for rel in sorted(pages):
        shares[part_of(rel, parts)].append(rel)
    return [share for share in shares if share] or [[]]


BUNDLE = re.compile(r"pagefind(-[0-9]+)?")


def bundle_name(index):
    return "pagefind" if index == 0 else f"pagefind-{index}"


def part_key(pages, share):
    listing = "\n".join(f"{rel.as_posix()} {pages[rel][0]}" for rel in share)
    return hashlib.sha256(f"pagefind {version('pagefind')}\n{listing}".encode()).hexdigest()


def pagefind_executable():
    from pagefind.service import get_executable

    executable = get_executable()
    if executable is None:
        raise RuntimeError("Pagefind is not installed: run `make html`, which installs pagefind[bin]")
    return str(executable)


def run_pagefind(pages, share, bundle_dir):
    """Indexes the pages in `share` into bundle_dir, from a folder of hard links at their real paths."""
    with tempfile.TemporaryDirectory(prefix="search-part-") as part:
        for rel in share:
            target = Path(part, rel)
            target.parent.mkdir(parents=True, exist_ok=True)
            link_or_copy(pages[rel][1], target)
        result = subprocess.run(
            [pagefind_executable(), "--site", part, "--output-path", str(bundle_dir), "--silent"],
            capture_output=True, text=True, check=False)
    if result.returncode != 0 or not (bundle_dir / COMPLETE).exists():
        raise RuntimeError(f"Pagefind could not index the site ({bundle_dir.name}): "
                           f"{(result.stdout + result.stderr).strip()[-2000:]}")


def file_hashes(bundle):
    return {str(p.relative_to(bundle)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(bundle.rglob("*")) if p.is_file() and p.name != CHECKSUMS}


def whole(bundle):
    """True when every file of the cached part is there with the bytes Pagefind wrote."""
    try:
        recorded = json.loads((bundle / CHECKSUMS).read_text(encoding="utf-8"))
        return recorded == file_hashes(bundle)
    except (OSError, ValueError):
        return False


def place_part(folder, key, pages, share, target):
    """Links the part's bundle from the cache into target, indexing it into the cache first
    when it is not there. The cache is shared (a key names the exact pages), so another
    build may prune an entry while this one links it: then the part is indexed in place."""
    bundle = folder / key
    if bundle.exists() and not whole(bundle):
        log(logging.WARNING, f"the search cache part {bundle} was damaged; it was discarded and "
            "that part is indexed again")
        shutil.rmtree(bundle, ignore_errors=True)
    if not bundle.exists():
        folder.mkdir(parents=True, exist_ok=True)
        fresh = Path(tempfile.mkdtemp(prefix=f"{key}.", suffix=".tmp", dir=folder))
        run_pagefind(pages, share, fresh)
        (fresh / CHECKSUMS).write_text(json.dumps(file_hashes(fresh)), encoding="utf-8")
        try:
            os.rename(fresh, bundle)
        except OSError:  # another build put the same part there first
            shutil.rmtree(fresh, ignore_errors=True)
    try:
        os.utime(bundle)  # recently used: pruned last
        shutil.copytree(bundle, target, copy_function=link_or_copy, ignore=shutil.ignore_patterns(CHECKSUMS))
    except (FileNotFoundError, shutil.Error):
        shutil.rmtree(target, ignore_errors=True)
        run_pagefind(pages, share, target)


def prune(folder, used):
    """Keeps the parts this build used and as many others, most recently used first (at
    least KEPT_PARTS): enough to go back one edit, or for a second site, without growing."""
    def used_at(entry):
        try:
            return entry.stat().st_mtime
        except FileNotFoundError:  # pruned by another build just now
            return 0

    entries = [e for e in folder.iterdir() if e.name not in used]
    stale_tmp = [e for e in entries if e.name.endswith(".tmp") and time.time() - used_at(e) > 3600]
    others = sorted((e for e in entries if not e.name.endswith(".tmp")), key=used_at, reverse=True)
    for entry in stale_tmp + others[max(KEPT_PARTS, len(used)):]:
        shutil.rmtree(entry, ignore_errors=True)


def index_site(pelican):
    config = settings_for(pelican.settings)
    if not config.site_search:
        return
    output = Path(pelican.output_path)
    pages = searchable_pages(output, practice_model.build_of(pelican).state(STATE, set),
                             pelican.settings["OUTPUT_PATH"])
    write_index(output, pages, Path(pelican.settings["CACHE_PATH"], "search"), config.pages_per_part)


def pages_in(output):
    """Every searchable page of a built site, as searchable_pages gives them (for the preview,
    which indexes the site once the page in the browser has reloaded)."""
    output = Path(output)
    written = [p for p in output.rglob("*.html") if not BUNDLE.fullmatch(p.relative_to(output).parts[0])]
    return searchable_pages(output, [str(p) for p in written])


def write_index(output, pages, folder, pages_per_part):
    """The search bundles of `pages` in `output`, each part from the cache in `folder` when it has it."""
    for old in output.glob("pagefind*"):
        if BUNDLE.fullmatch(old.name) and old.is_dir():  # not a page someone called "pagefind-tips"
            shutil.rmtree(old)
    shares = split(pages, pages_per_part)
    keys = [part_key(pages, share) for share in shares]
    for index, (key, share) in enumerate(zip(keys, shares)):
        place_part(folder, key, pages, share, output / bundle_name(index))
    prune(folder, set(keys))
    manifest = {"bundles": [f"{bundle_name(i)}/" for i in range(len(shares))]}
    (output / bundle_name(0) / MANIFEST).write_text(json.dumps(manifest) + "\n", encoding="utf-8")

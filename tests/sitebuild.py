"""Builds real sites with Pelican for the tests: the project's settings and theme,
a small content folder in a temporary directory, and the HTML it wrote."""

import filecmp
import gzip
import json
import os
import shutil
import subprocess
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content"

JAMES = """\
---
name: James McCracken
pronouns: he/him
credentials: [LCSW]
certifications: [EFT-SUPERVISOR]
role: Clinical Director
online: true
summary: James McCracken, LCSW, is a Licensed Clinical Social Worker in Durham, NC.
---

James is a therapist.
"""


def article(title, date="2026-01-05", author="James McCracken", body="Some words.\n", **fields):
    meta = {"title": title, "date": date, "author": author,
            "summary": fields.pop("summary", f"A summary of {title}, long enough for a search result snippet.")}
    meta.update(fields)
    lines = "".join(f"{k}: {json.dumps(v, ensure_ascii=False)}\n" for k, v in meta.items())
    return f"---\n{lines}---\n\n{body}"


@dataclass
class Build:
    returncode: int
    stdout: str
    stderr: str
    output: Path
    content: Path

    def page(self, url):
        path = self.output / url
        if url.endswith("/") or url == "":
            path = path / "index.html"
        return path.read_text(encoding="utf-8")

    def text(self, url):
        """The page with typogrify's non-breaking spaces read as plain spaces."""
        return self.page(url).replace("&nbsp;", " ").replace("&#160;", " ")

    def html_pages(self):
        """{path relative to the output: HTML} for every page (not the search bundles)."""
        return {str(p.relative_to(self.output)): p.read_text(encoding="utf-8")
                for p in sorted(self.output.rglob("*.html"))
                if not p.relative_to(self.output).parts[0].startswith("pagefind")}

    def exists(self, url):
        path = self.output / url
        return (path / "index.html").exists() if url.endswith("/") else path.exists()


def search_index_texts(output, bundles="pagefind*"):
    """The text Pagefind stored for each indexed page (its gzipped fragments), bundle by bundle."""
    return [gzip.decompress(p.read_bytes()) for p in sorted(Path(output).glob(f"{bundles}/fragment/*.pf_fragment"))]


def make_content(base, files=None, data=True, therapists=True, real=()):
    """A content folder: the project's real data files (and any real folders named
    in `real`, e.g. ("pages",)) plus the given files."""
    content = Path(base) / "content"
    content.mkdir(parents=True, exist_ok=True)
    if data:
        shutil.copytree(CONTENT / "data", content / "data")
    for folder in real:
        shutil.copytree(CONTENT / folder, content / folder)
    if therapists:
        (content / "therapists").mkdir()
        (content / "therapists" / "james-mccracken.md").write_text(JAMES, encoding="utf-8")
    for rel, text in (files or {}).items():
        path = content / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(textwrap.dedent(text) if text.startswith("\n") else text, encoding="utf-8")
    return content


def edit_data(content, name, old, new):
    """Replaces `old` with `new` in content/data/<name>; the text must be there."""
    path = content / "data" / name
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def run_pelican(content, output, settings="pelicanconf.py", overrides=None, env=None, extra_args=(), cwd=ROOT,
                log_handler="plain"):
    overrides = {"SITE_SEARCH": False, "CITY_PAGES_REPORT": str(Path(output).parent / "city-report.txt"),
                 **(overrides or {})}
    cmd = [sys.executable, "-m", "pelican", str(content), "-o", str(output), "-s", str(ROOT / settings),
           "--fatal", "warnings", "--log-handler", log_handler, *extra_args]
    # One -e with every pair: Pelican keeps only the last -e it is given.
    cmd += ["-e", *(f"{key}={json.dumps(value)}" for key, value in overrides.items())]
    proc = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True,
                          env={**os.environ, "COLUMNS": "250", **(env or {})}, timeout=600)
    return Build(proc.returncode, proc.stdout, proc.stderr, Path(output), Path(content))


def build_site(tmp_path, files=None, overrides=None, **kwargs):
    content = make_content(tmp_path, files, **kwargs)
    return run_pelican(content, tmp_path / "output", overrides=overrides)


def run_module(*args, cwd=ROOT):
    """Runs `python -m <args>` as the Makefile does, with the plugins importable."""
    env = {**os.environ, "PYTHONPATH": f"{ROOT / 'plugins'}:{ROOT}"}
    return subprocess.run([sys.executable, "-m", *map(str, args)], cwd=cwd, capture_output=True, text=True,
                          env=env, timeout=600)


def same_tree(a, b):
    """(files only in a, only in b, differing), recursively."""
    left, right, differ = [], [], []

    def walk(cmp, prefix=""):
        left.extend(prefix + n for n in cmp.left_only)
        right.extend(prefix + n for n in cmp.right_only)
        _, mismatch, errors = filecmp.cmpfiles(cmp.left, cmp.right, cmp.common_files, shallow=False)
        differ.extend(prefix + n for n in mismatch + errors)
        for name, sub in cmp.subdirs.items():
            walk(sub, prefix + name + "/")

    walk(filecmp.dircmp(a, b))
    return left, right, differ

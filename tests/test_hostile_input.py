"""Nothing an author, a data file or a crash can do breaks the site, leaks, or loads a
tracker: every case is refused in one line naming file, field (and line), or accepted
and shown as written. Real builds throughout."""

import csv
import datetime
import io
import os
import re
import subprocess
import sys

import pytest

from tests.sitebuild import (
    ROOT, article, build_site, edit_data, make_content, run_pelican, same_tree, search_index_texts,
)


def refused(tmp_path, files, expected, **kwargs):
    """Builds; asserts the build failed with a line matching `expected` (FILE: the file's
    path) and wrote nothing."""
    (tmp_path / "output").mkdir(parents=True, exist_ok=True)
    (tmp_path / "output" / "index.html").write_text("the site as it was", encoding="utf-8")
    build = build_site(tmp_path, files, **kwargs)
    assert build.returncode == 1, build.stderr
    out = build.stdout + build.stderr
    assert "Traceback" not in out, out
    name = next(iter(files)) if files else ""
    pattern = expected.replace("FILE", re.escape(str(build.content / name)))
    assert re.search(pattern, build.stderr, re.M), build.stderr
    assert [p.name for p in (tmp_path / "output").iterdir()] == ["index.html"], "nothing half-written"
    assert (tmp_path / "output" / "index.html").read_text() == "the site as it was"
    return build


# 1. YAML that cannot hurt -------------------------------------------------------------------------

def test_an_article_saved_by_notepad_builds_exactly_like_the_same_text_with_lf(tmp_path):
    text = article("Saved on Windows", body="First line.\nSecond line, with “quotes”.\n", tags=["couples"])
    lf = build_site(tmp_path / "lf", {"articles/a.md": text})
    crlf = build_site(tmp_path / "crlf", {"articles/a.md": b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode()})
    assert lf.returncode == 0 and crlf.returncode == 0, crlf.stderr
    assert same_tree(lf.output, crlf.output) == ([], [], [])
    assert "Second line" in crlf.text("blog/saved-on-windows/")


LAUGHS = "---\n" + "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(8)) + "title: *h\n---\n"


@pytest.mark.parametrize("text, expected", [
    (LAUGHS, r"^FILE:2: front matter: anchors and aliases \(& and \*\) are not allowed"),
    ("---\ntitle: " + "[" * 200 + "]" * 200 + "\n---\n", r"^FILE:2: front matter: nested more than 8 levels deep"),
    (article("Twice").replace("title:", "title: \"Once\"\ntitle:", 1), r"^FILE:3: title: given twice \(lines 2 and 3\)"),
    (article("Null byte", body="a\x00b\n"), r"^FILE: file: contains a NUL byte"),
    (article("Week date", date="2026-W48-4"), r"^FILE:3: date: '2026-W48-4' is not a real date"),
    (article("Big tags", tags="x" * 20000), r"^FILE:6: tags: expected a list, e.g. \[couples, anxiety\]; got text 'x{59}…'$"),
])
def test_front_matter_that_could_hurt_is_refused_naming_the_file(tmp_path, text, expected):
    build = refused(tmp_path, {"articles/a.md": text}, expected)
    assert max(len(line) for line in build.stderr.splitlines()) < 400, "a message quotes a short excerpt only"


# 2. Content never loads from another host and never runs script -----------------------------------

HOSTILE_HTML = [
    ('<script>alert(1)</script>', r"<script> is not allowed"),
    ('<iframe src="/x"></iframe>', r"<iframe> is not allowed: link to the page instead"),
    ('<object data="/x.swf"></object>', r"<object> is not allowed"),
    ('<embed src="/x.swf">', r"<embed> is not allowed"),
    ('<form action="/x"><input name="q"></form>', r"<form> is not allowed"),
    ('<img src="https://tracker.example/p.gif" alt="p">', r'src="https://tracker.example/p.gif" on <img> is not allowed'),
    ('<img src="//tracker.example/p.gif" alt="p">', r'src="//tracker.example/p.gif" on <img> is not allowed'),
    ('<img srcset="/a.jpg 1x, https://cdn.example/b.jpg 2x" alt="p">', r'srcset="https://cdn.example/b.jpg" on <img>'),
    ('<video poster="https://cdn.example/p.jpg"></video>', r'poster="https://cdn.example/p.jpg" on <video>'),
    ('<p onclick="steal()">Hi</p>', r"onclick= on <p> is not allowed"),
    ('<p style="color: red">Hi</p>', r"style= on <p> is not allowed"),
    ('[Click](javascript:alert(1))', r'href="javascript:…" on <a> is not allowed'),
    ('<a href="data:text/html,hi">x</a>', r'href="data:…" on <a> is not allowed'),
    ('<a href=" JaVaScRiPt:alert(1)">x</a>', r'href="javascript:…" on <a> is not allowed'),
]


@pytest.mark.parametrize("snippet, expected", HOSTILE_HTML)
def test_an_article_body_that_would_load_or_run_something_is_refused(tmp_path, snippet, expected):
    refused(tmp_path, {"articles/a.md": article("Pasted", body=f"Before.\n\n{snippet}\n\nAfter.\n")},
            rf"^FILE:\d+: body: {expected}")


@pytest.mark.parametrize("name, text", [
    ("pages/p.md", "---\ntitle: A page\nsummary: A page summary that is long enough for the contract's check.\n---\n"
                   "\n<script>alert(1)</script>\n"),
    ("therapists/rosa-lind.md", "---\nname: Rosa Lind\ncredentials: [LCMHC]\nsummary: Rosa Lind is a counselor "
                                "seeing adults, long enough to pass.\n---\n\n<iframe src=\"/x\"></iframe>\n"),
    ("cities/durham-nc.md", "---\ncity: durham-nc\n---\n\n<img src=\"https://maps.example/x.png\" alt=\"map\">\n"),
])
def test_every_kind_of_content_is_checked(tmp_path, name, text):
    refused(tmp_path, {name: text}, r"^FILE:\d+: body: .* is not allowed")


def test_plain_html_that_loads_nothing_is_accepted(tmp_path):
    build = build_site(tmp_path, {"articles/a.md": article("Fine", body=(
        "<details><summary>More</summary>A <strong>note</strong>.</details>\n\n"
        "[A video about it](https://video.example/watch?v=1)\n"))})
    assert build.returncode == 0, build.stderr
    assert '<a href="https://video.example/watch?v=1">A video about it</a>' in build.text("blog/fine/")


# 3. Every value shown is escaped, and every URL field is checked -----------------------------------

def test_hostile_text_is_shown_as_text_in_every_file_written(tmp_path):
    evil = "<script>alert('x')</script>"
    build = run_pelican(make_content(tmp_path, {
        "articles/a.md": article(f"Title {evil}", summary=f"A summary with {evil} in it, long enough to pass.",
                                 tags=[f"tag {evil}"], series=f"Series {evil}", series_index=1),
    }, real=("pages", "articles")), tmp_path / "output", settings="publishconf.py",
        overrides={"SITE_SEARCH": True}, env={"SITEURL": "https://example.org"})
    assert build.returncode == 0, build.stderr
    written = [p for p in build.output.rglob("*") if p.is_file() and p.suffix in (".html", ".xml", ".json", ".txt")]
    assert len(written) > 100
    for path in written:
        text = path.read_text(encoding="utf-8", errors="replace")
        assert "<script>alert(" not in text, path
    # The search index stores text; Pagefind's own script escapes it before showing an excerpt.
    fragments = search_index_texts(build.output)
    assert any("Title <script>alert(".encode() in f.replace("‘".encode(), b"'") for f in fragments)
    assert 'replace(/</g,"&lt;")' in (build.output / "pagefind" / "pagefind.js").read_text()
    listing = build.page("blog/")
    assert "A summary with &lt;script&gt;alert" in listing
    tag_page = next((build.output / "blog" / "tags").glob("tag-*/index.html")).read_text()
    assert "&lt;script&gt;" in tag_page


@pytest.mark.parametrize("file, old, new, field", [
    ("practice.yaml", "booking_url: null", "booking_url: javascript:alert(1)", "contact.booking_url"),
    ("practice.yaml", "info_url: https://www.cms.gov/nosurprises/consumers", "info_url: http://cms.gov/x",
     "good_faith_estimate.info_url"),
    ("credentials.yaml", "url: https://ncswboard.gov/", "url: javascript:alert(1)", "url"),
    ("crisis.yaml", "url: https://www.alliancehealthplan.org/", "url: //alliance.example/", "url"),
])
def test_every_url_read_from_data_must_be_https(tmp_path, file, old, new, field):
    content = make_content(tmp_path)
    path = edit_data(content, file, old, new)
    build = run_pelican(content, tmp_path / "out")
    assert build.returncode == 1
    assert re.search(rf"^{re.escape(str(path))}:\d+: {re.escape(field)}: expected .*https://", build.stderr, re.M), \
        build.stderr


# 4. No page overwrites another, and nothing is written outside output/ ----------------------------

PAGE = "---\ntitle: {title}\nsummary: A page summary that is long enough for the contract's check.\n{extra}---\n\nText.\n"


@pytest.mark.parametrize("files, expected", [
    ({"pages/escape.md": PAGE.format(title="Escape", extra="save_as: ../output-x/escape.html\n")},
     r"^FILE:4: save_as: '../output-x/escape.html' must stay inside the output folder"),
    ({"pages/abs.md": PAGE.format(title="Absolute", extra="save_as: /etc/x.html\n")},
     r"^FILE:4: save_as: '/etc/x.html' must stay inside the output folder"),
    ({"articles/emoji.md": article("🌿🌿🌿")}, r"^FILE:2: title: makes an empty address"),
    ({"pages/home.md": PAGE.format(title="Home again", extra="save_as: index.html\n")},
     r"^FILE:4: save_as: writes 'index.html', which the home page writes too"),
    ({"pages/therapy.md": PAGE.format(title="Therapy", extra="")},
     r"^FILE: slug: writes 'therapy/index.html', which the list of city pages writes too"),
    ({"pages/therapists.md": PAGE.format(title="Therapists", extra="")},
     r"^FILE: slug: writes 'therapists/index.html', which the list of therapists writes too"),
    ({"pages/durham.md": PAGE.format(title="Durham", extra="save_as: therapy/durham-nc/index.html\n")},
     r"^FILE:4: save_as: writes 'therapy/durham-nc/index.html', which the city page of Durham writes too"),
    ({"pages/theme.md": PAGE.format(title="Theme", extra="save_as: theme/css/site.css\n")},
     r"^FILE:4: save_as: writes 'theme/css/site.css', inside theme/"),
    ({"articles/b.md": article("Part two", series="Couples’ work", series_index=2),
      "articles/a.md": article("Part one", date="2026-01-01", series="Couples work", series_index=1)},
     r"^FILE:\d+: series: 'Couples’ work' and 'Couples work' \(in .*a\.md\) make the same address"),
])
def test_a_page_that_would_replace_another_or_escape_is_refused_naming_both(tmp_path, files, expected):
    refused(tmp_path, files, expected)


def test_a_link_out_of_the_content_folder_is_refused_and_nothing_is_published(tmp_path):
    content = make_content(tmp_path)
    (content / "extra").mkdir()
    os.symlink("/etc/passwd", content / "extra" / "passwd")
    build = run_pelican(content, tmp_path / "out")
    assert build.returncode == 1
    assert f"{content}/extra/passwd: file: a link to a file outside the content folder" in build.stderr
    assert not (tmp_path / "out" / "extra" / "passwd").exists()
    assert not any("root:" in p.read_text(errors="replace") for p in (tmp_path / "out").rglob("*") if p.is_file())


# 5. References and data files ---------------------------------------------------------------------

def test_a_repeated_tag_is_listed_once(tmp_path):
    build = build_site(tmp_path, {"articles/a.md": article("Tagged twice", tags=["grief", "grief", " grief "])})
    assert build.returncode == 0, build.stderr
    assert build.page("blog/tagged-twice/").count('href="/blog/tags/grief/"') == 1


@pytest.mark.parametrize("files, expected", [
    ({"cities/durham.md": "---\ncity: durham-nc\n---\n\nMore words.\n",
      "cities/durham-again.md": "---\ncity: durham-nc\n---\n\nWords.\n"},
     r"^FILE:2: city: 'durham-nc' already has a note: .*cities/durham-again\.md"),
    ({"articles/a.md": article("Empty topic", tags=["!!!"])}, r"^FILE:6: tags: the topic '!!!' makes an empty address"),
    ({"articles/a.md": article("Missing image", image="images/none.jpg", image_alt="A bowl")},
     r"^FILE:6: image: 'images/none.jpg' is not a file in the content folder"),
    ({"articles/a.md": article("Missing inline", body="![A bowl]({static}/images/none.jpg)\n")},
     r"^FILE:\d+: body: the image '\{static\}/images/none.jpg' is not in the content folder"),
    ({"pages/p.md": PAGE.format(title="Templated", extra="template: nosuch\n")},
     r"^FILE:4: template: no template 'nosuch' in the theme"),
])
def test_a_broken_reference_is_an_error_naming_file_and_field(tmp_path, files, expected):
    refused(tmp_path, files, expected)


@pytest.mark.parametrize("file, text, expected", [
    ("crisis.yaml", "", r"crisis\.yaml: file: the file is empty"),
    ("crisis.yaml", "- id: emergency\n", r"crisis\.yaml:1: file: expected 'field: value' lines at the top, got a list"),
    ("practice.yaml", "", r"practice\.yaml: file: the file is empty"),
    ("counties.csv", "", r"counties\.csv: file: the file is empty"),
])
def test_an_empty_or_misshapen_data_file_is_an_error_naming_it(tmp_path, file, text, expected):
    content = make_content(tmp_path)
    (content / "data" / file).write_text(text, encoding="utf-8")
    build = run_pelican(content, tmp_path / "out")
    assert build.returncode == 1 and "Traceback" not in build.stderr
    assert re.search(expected, build.stderr), build.stderr


def test_a_csv_row_with_an_extra_column_is_an_error_and_a_quoted_newline_parses(tmp_path):
    content = make_content(tmp_path)
    path = content / "data" / "counties.csv"
    original = path.read_text(encoding="utf-8")
    row = next(l for l in original.splitlines() if l.startswith("Alamance,"))
    line = original.splitlines().index(row) + 1
    path.write_text(original.replace(row, row + ",surplus"), encoding="utf-8")
    build = run_pelican(content, tmp_path / "out")
    assert build.returncode == 1
    assert f"{path}:{line}: columns: 1 value(s) more than the header's 11 columns" in build.stderr
    values = next(csv.reader([row]))
    values[9] = "official Vaya page\n(a note on two lines)"
    quoted = io.StringIO()
    csv.writer(quoted, lineterminator="\n").writerow(values)
    path.write_text(original.replace(row, quoted.getvalue().rstrip("\n")), encoding="utf-8")
    build = run_pelican(content, tmp_path / "out2")
    assert build.returncode == 0, build.stderr
    assert "Alamance County's public behavioral-health plan is Vaya Health" in build.page("crisis-help/") \
        if build.exists("crisis-help/") else True
    assert "Burlington" in build.page("therapy/burlington-nc/")


# 6. Future dates are a feature ---------------------------------------------------------------------

def test_an_article_dated_in_the_future_waits_for_its_day(tmp_path):
    tomorrow = (datetime.date.today() + datetime.timedelta(days=1)).isoformat()
    content = make_content(tmp_path, {"articles/soon.md": article("Coming soon", date=tomorrow),
                                      "articles/now.md": article("Out now", date="2026-01-05")},
                           real=("pages", "articles"))
    dev = run_pelican(content, tmp_path / "dev")
    assert dev.returncode == 0, dev.stderr
    assert dev.exists("drafts/coming-soon/") and not dev.exists("blog/coming-soon/")
    assert "Coming soon" not in dev.page("blog/")
    prod = run_pelican(content, tmp_path / "prod", settings="publishconf.py", env={"SITEURL": "https://example.org"})
    assert prod.returncode == 0, prod.stderr
    assert not prod.exists("drafts/coming-soon/") and not prod.exists("blog/coming-soon/")
    assert tomorrow not in (prod.output / "sitemap.xml").read_text()


# 7. Faults ------------------------------------------------------------------------------------------

def test_two_builds_at_once_both_succeed_and_write_one_clean_build(tmp_path):
    content = make_content(tmp_path, {f"articles/a{i}.md": article(f"Piece {i}", date=f"2026-01-{i + 1:02d}")
                                      for i in range(8)})
    cmd = [sys.executable, "-m", "pelican", str(content), "-o", str(tmp_path / "out"), "-s",
           str(ROOT / "pelicanconf.py"), "--fatal", "warnings", "--log-handler", "plain", "-e",
           f'CACHE_PATH="{tmp_path / "cache"}"', f'CITY_PAGES_REPORT="{tmp_path / "r.txt"}"']
    runs = [subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            for _ in range(2)]
    results = [(p.wait(timeout=300), p.communicate()) for p in runs]
    assert [code for code, _ in results] == [0, 0], results
    clean = run_pelican(content, tmp_path / "clean", overrides={"SITE_SEARCH": True,
                                                                "CACHE_PATH": str(tmp_path / "cache2")})
    assert clean.returncode == 0, clean.stderr
    assert same_tree(tmp_path / "out", tmp_path / "clean") == ([], [], [])


def test_a_damaged_template_cache_is_discarded_with_a_warning_and_the_build_succeeds(tmp_path):
    # Built from its own folder, so that its template cache (.pelican-cache/jinja there) is its own.
    content = make_content(tmp_path, {"articles/a.md": article("Cached")})
    first = run_pelican(content, tmp_path / "a", cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    damaged = sorted((tmp_path / ".pelican-cache" / "jinja").glob("__jinja2_*.cache"))
    assert damaged
    for path in damaged:
        path.write_bytes(path.read_bytes()[:20])  # truncated mid-file
    second = run_pelican(content, tmp_path / "b", cwd=tmp_path)
    assert "had a damaged file" in second.stderr and "Traceback" not in second.stderr
    assert second.returncode == 0, second.stderr
    assert "Cached" in second.page("blog/cached/")
    third = run_pelican(content, tmp_path / "c", cwd=tmp_path)
    assert third.returncode == 0 and "damaged" not in third.stderr, third.stderr


def test_a_build_that_fails_after_writing_began_leaves_the_output_as_it_was(tmp_path):
    content = make_content(tmp_path, {"articles/a.md": article("Before", body="Old words.\n")})
    good = run_pelican(content, tmp_path / "out", overrides={"SITE_SEARCH": True, "CACHE_PATH": str(tmp_path / "c")})
    assert good.returncode == 0, good.stderr
    before = {p: p.read_bytes() for p in (tmp_path / "out").rglob("*") if p.is_file()}
    (content / "articles" / "a.md").write_text(article("Before", body="New words.\n"), encoding="utf-8")
    # Every page is written; then the search step stops on a bad setting, as a crash would.
    failed = run_pelican(content, tmp_path / "out", overrides={"SITE_SEARCH": True, "SITE_SEARCH_PAGES_PER_PART": 0,
                                                               "CACHE_PATH": str(tmp_path / "c")})
    assert failed.returncode == 1
    assert "setting SITE_SEARCH_PAGES_PER_PART: expected a value above 0" in failed.stderr
    after = {p: p.read_bytes() for p in (tmp_path / "out").rglob("*") if p.is_file()}
    assert after == before
    assert not list(tmp_path.glob("out.building-*")), "no staging folder is left behind"

"""No state survives between builds: two builds in one Python process, with an article
and a data file edited between them, write exactly what a fresh process writes."""

import re
import subprocess
import sys
import textwrap

from tests.sitebuild import ROOT, article, make_content, run_pelican, same_tree

IN_ONE_PROCESS = textwrap.dedent("""
    import json, sys
    from pathlib import Path
    sys.path.insert(0, "plugins")
    from pelican import Pelican
    from pelican.settings import read_settings

    content, output, cache, edits = sys.argv[1:5]
    settings = read_settings("pelicanconf.py", override={
        "PATH": content, "OUTPUT_PATH": output, "CACHE_PATH": cache, "SITE_SEARCH": True,
        "CITY_PAGES_REPORT": str(Path(output).parent / "report.txt")})
    pelican = Pelican(settings)
    pelican.run()
    for path, old, new in json.loads(edits):
        text = Path(path).read_text(encoding="utf-8")
        assert old in text, (path, old)
        Path(path).write_text(text.replace(old, new, 1), encoding="utf-8")
    pelican.run()  # the same Pelican, as a live preview keeps it
""")


def test_two_builds_in_one_process_write_what_a_fresh_process_writes(tmp_path):
    content = make_content(tmp_path / "site", {
        "articles/first.md": article("First thoughts", tags=["couples"], body="The first words.\n"),
        "articles/second.md": article("Second thoughts", date="2026-02-01", series="Pairs", series_index=1),
    }, real=("pages", "articles"))
    edits = [
        [str(content / "articles" / "first.md"), "The first words.", "The first words, edited."],
        [str(content / "articles" / "second.md"), "series_index: 1", "series_index: 2"],
        [str(content / "data" / "crisis.yaml"), "label: Call 911", "label: Dial 911"],
        [str(content / "data" / "counties.csv"), "Buncombe,37021,Vaya Health,1-800-849-6127,",
         "Buncombe,37021,Vaya Health,1-800-555-0188,"],
    ]
    import json
    done = subprocess.run([sys.executable, "-c", IN_ONE_PROCESS, str(content), str(tmp_path / "twice"),
                           str(tmp_path / "cache"), json.dumps(edits)], cwd=ROOT, capture_output=True, text=True,
                          timeout=600)
    assert done.returncode == 0, done.stderr
    fresh = run_pelican(content, tmp_path / "fresh", overrides={
        "SITE_SEARCH": True, "CACHE_PATH": str(tmp_path / "fresh-cache")})
    assert fresh.returncode == 0, fresh.stderr
    assert "Dial 911" in fresh.page("crisis-help/") and "The first words, edited." in fresh.text("blog/first-thoughts/")
    assert same_tree(tmp_path / "twice", tmp_path / "fresh") == ([], [], [])


def test_a_warm_build_renders_again_every_page_whose_inputs_changed(tmp_path):
    """Article pages are not rendered again when their inputs are unchanged (output_sync):
    a title shown on a neighbour's page, a template, a therapist's profile and a data file
    each reach every page that shows them, exactly as a build from nothing writes them."""
    content = make_content(tmp_path / "site", {
        "articles/a.md": article("Alpha", date="2026-01-01"),
        "articles/b.md": article("Bravo", date="2026-01-02", series="Pairs", series_index=1),
        "articles/c.md": article("Charlie", date="2026-01-03", series="Pairs", series_index=2),
        "articles/d.md": article("Delta", date="2026-01-04"),
    }, real=("pages", "articles"))
    cache, output = tmp_path / "cache", tmp_path / "warm"
    steps = [
        (content / "articles" / "b.md", 'title: "Bravo"', 'title: "Bravo, renamed"'),  # A and C show it
        (ROOT / "theme" / "templates" / "partials" / "byline.html", None, None),  # copied theme: see below
        (content / "therapists" / "james-mccracken.md", "role: Clinical Director", "role: Director"),
        (content / "data" / "practice.yaml", "tagline: We Heal North Carolina", "tagline: We Heal NC"),
        (content / "articles" / "d.md", 'title: "Delta"', 'title: "Delta, renamed"'),  # one of the latest three
    ]
    # Article pages not rendered again at each step, and whether the city pages were not either.
    # The city pages list the latest three articles (not Bravo, but Delta); the hub and area pages none.
    everything, no_city, nothing = "everything", "the hub and areas", "nothing"
    expected = [({"delta", "what-makes-good-therapy"}, everything), (set(), nothing), (set(), nothing),
                (set(), nothing), ({"alpha", "bravo-renamed"}, no_city)]
    theme = tmp_path / "theme"
    import shutil
    shutil.copytree(ROOT / "theme", theme)
    overrides = {"CACHE_PATH": str(cache), "THEME": str(theme)}
    first = run_pelican(content, output, overrides=overrides, extra_args=("--debug",), log_handler="rich")
    assert first.returncode == 0, first.stderr
    for i, (path, old, new) in enumerate(steps):
        if path.name == "byline.html":
            path, old, new = theme / "templates" / "partials" / "byline.html", "By ", "Written by "
        text = path.read_text(encoding="utf-8")
        assert old in text, (path, old)
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
        # Pelican's plain log handler leaves out debug lines: the rich one shows them.
        warm = run_pelican(content, output, overrides=overrides, extra_args=("--debug",), log_handler="rich")
        assert warm.returncode == 0, warm.stderr
        skipped = set(re.findall(r"blog/([a-z-]+)/index\.html: its inputs are\s+unchanged",
                                 warm.stdout + warm.stderr))
        # Bravo's title shows on its neighbours, Alpha and Charlie; the others are shared by every page.
        assert skipped == expected[i][0], (path.name, skipped)
        places = set(re.findall(r"therapy/(\S*)index\.html: its inputs are\s+unchanged", warm.stdout + warm.stderr))
        hub_and_areas = "" in places and any(p.startswith("areas/") for p in places)
        assert {everything: hub_and_areas and "durham-nc/" in places,
                no_city: hub_and_areas and not any(p.endswith("-nc/") and "/" not in p[:-1] for p in places),
                nothing: places == set()}[expected[i][1]], (path.name, sorted(places)[:5])
        fresh = run_pelican(content, tmp_path / f"fresh-{i}", overrides={
            "CACHE_PATH": str(tmp_path / f"fresh-cache-{i}"), "THEME": str(theme)})
        assert fresh.returncode == 0, fresh.stderr
        assert same_tree(output, tmp_path / f"fresh-{i}") == ([], [], []), path.name
    assert "Bravo, renamed" in warm.text("blog/alpha/") and "Written by" in warm.page("blog/delta-renamed/")
    assert "We Heal NC" in warm.page("blog/delta-renamed/")
    assert "Delta, renamed" in warm.text("therapy/durham-nc/")


AFTER_A_STOPPED_BUILD = textwrap.dedent("""
    import gc, json, sys, weakref
    from pathlib import Path
    sys.path.insert(0, "plugins")
    from pelican import Pelican
    from pelican.settings import read_settings

    content, output, cache, broken, bad, good = sys.argv[1:7]

    def build():
        settings = read_settings("pelicanconf.py", override={
            "PATH": content, "OUTPUT_PATH": output, "CACHE_PATH": cache, "SITE_SEARCH": False,
            "CITY_PAGES_REPORT": str(Path(output).parent / "report.txt")})
        pelican = Pelican(settings)  # a new Pelican each time, as `make serve` makes one
        try:
            pelican.run()
        except SystemExit:
            return None
        return weakref.ref(settings["PRACTICE_MODEL_BUILD"])

    first = build()
    path = Path(broken)
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(good, bad), encoding="utf-8")
    assert build() is None, "the content check stops this build"
    path.write_text(text, encoding="utf-8")
    last = build()
    gc.collect()
    print(json.dumps({"first_build_still_in_memory": first() is not None, "last_build": last is not None}))
""")


def test_a_build_stopped_by_a_content_problem_leaves_nothing_behind_in_the_process(tmp_path):
    """`make serve`: an image without alt text stops a build once it is read; fixed, the next
    build in the same process writes what a fresh process writes (sitemap included), and no
    earlier build stays in memory (Pelican memoizes every page's content)."""
    content = make_content(tmp_path / "site", {
        "articles/first.md": article("First thoughts", body="The first words.\n"),
    }, real=("pages", "articles"))
    done = subprocess.run([sys.executable, "-c", AFTER_A_STOPPED_BUILD, str(content), str(tmp_path / "served"),
                           str(tmp_path / "cache"), str(content / "articles" / "first.md"),
                           "The first words.\n\n<script>alert(1)</script>", "The first words."],
                          cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    assert "first.md:" in done.stderr and "body: <script> is not allowed" in done.stderr
    import json
    assert json.loads(done.stdout.strip().splitlines()[-1]) == {"first_build_still_in_memory": False,
                                                                 "last_build": True}
    fresh = run_pelican(content, tmp_path / "fresh", overrides={"CACHE_PATH": str(tmp_path / "fresh-cache")})
    assert fresh.returncode == 0, fresh.stderr
    assert (tmp_path / "served" / "sitemap.xml").is_file()
    assert same_tree(tmp_path / "served", tmp_path / "fresh") == ([], [], [])

"""No state survives between builds: two builds in one Python process, with an article
and a data file edited between them, write exactly what a fresh process writes."""

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

"""`make serve`: rebuilds on save, pages reload themselves, and a broken file does
not stop the server."""

import json
import shutil
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from tests.sitebuild import (
    CONTENT,
    ROOT,
    article,
    run_pelican,
    same_tree,
    search_index_texts,
)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(url):
    with urllib.request.urlopen(url, timeout=5) as r:
        return r.read().decode()


def wait_for(condition, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if condition():
                return True
        except OSError:
            pass
        time.sleep(0.3)
    return False


def state(base):
    return json.loads(get(base + "__live_reload"))


@pytest.fixture
def preview(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    port = free_port()
    log = open(tmp_path / "serve.log", "w+")
    proc = subprocess.Popen([sys.executable, str(ROOT / "tools" / "serve.py"), "--content", str(content),
                             "--output", str(tmp_path / "output"), "--port", str(port)],
                            cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}/"
    try:
        assert wait_for(lambda: state(base)["generation"] == 1), (tmp_path / "serve.log").read_text()
        yield base, content, tmp_path / "serve.log"
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        log.close()


def test_a_saved_change_is_rebuilt_in_one_process_and_search_follows(preview):
    base, content, log = preview
    page = get(base + "blog/what-makes-good-therapy/")
    assert '<script src="/theme/js/live-reload.js"></script>' in page
    (content / "articles" / "new.md").write_text(article("Freshly written", date="2026-11-27"))
    assert wait_for(lambda: state(base)["generation"] == 2)
    assert "Freshly" in get(base + "blog/freshly-written/")
    # The preview's search knows the new article too, indexed right after the build.
    assert wait_for(lambda: any(b"/blog/freshly-written/" in text
                                for text in search_index_texts(content.parent / "output")))
    assert log.read_text().count("Serving the site") == 1, "one process, no restart"


def test_a_broken_file_is_reported_and_the_server_keeps_serving(preview):
    base, content, log = preview
    (content / "articles" / "broken.md").write_text(article("Broken one", author="Nobody Here"))
    assert wait_for(lambda: state(base)["error"] is not None)
    error = state(base)["error"]
    assert f"{content}/articles/broken.md:4: author: unknown therapist 'Nobody Here'" in error
    assert error.splitlines()[0] in log.read_text(), "the page shows what the terminal printed"
    assert state(base)["generation"] == 1
    assert "What Makes" in get(base + "blog/what-makes-good-therapy/")
    (content / "articles" / "broken.md").unlink()
    assert wait_for(lambda: state(base)["generation"] == 2 and state(base)["error"] is None)


def test_a_saved_text_shows_at_once_and_the_full_build_then_writes_that_page_the_same(preview):
    base, content, log = preview
    source = content / "articles" / "what-makes-good-therapy.md"
    original = source.read_text(encoding="utf-8")
    source.write_text(original.replace("## Introduction", "## Introduction\n\nA sentence just saved."),
                      encoding="utf-8")
    assert wait_for(lambda: state(base)["generation"] == 3), log.read_text()  # the page first, then the build
    assert "-> /blog/what-makes-good-therapy/ shown; now the full build" in log.read_text()
    assert "A sentence just saved." in get(base + "blog/what-makes-good-therapy/").replace("&nbsp;", " ")
    after = state(base)
    assert after["error"] is None and after["changed"] is not None
    assert "/blog/what-makes-good-therapy/" not in after["changed"], "the full build wrote what the quick page did"
    assert not [u for u in after["changed"] if u.endswith((".css", ".js"))], "so the page does not reload again"
    # A change to front matter reaches lists and feeds: it goes straight to the full build.
    source.write_text(original.replace("title: What Makes", "title: What Truly Makes"), encoding="utf-8")
    assert wait_for(lambda: state(base)["generation"] == 4), log.read_text()
    assert log.read_text().count(" shown; now the full build") == 1
    assert "What Truly Makes" in get(base).replace("&nbsp;", " ")
    # A draft, as an author previews it under /drafts/, is shown first too.
    draft = content / "articles" / "a-draft.md"
    draft.write_text(article("A draft", status="draft", body="First words.\n"), encoding="utf-8")
    assert wait_for(lambda: state(base)["generation"] == 5), log.read_text()
    draft.write_text(article("A draft", status="draft", body="Second words.\n"), encoding="utf-8")
    assert wait_for(lambda: state(base)["generation"] == 7), log.read_text()
    assert "-> /drafts/a-draft/ shown; now the full build" in log.read_text()
    assert "Second words." in get(base + "drafts/a-draft/").replace("&nbsp;", " ")
    assert "/drafts/a-draft/" not in state(base)["changed"], "the full build wrote what the quick page did"


def test_a_save_during_a_build_stops_it_and_the_output_ends_as_a_fresh_build_writes_it(preview, tmp_path):
    base, content, log = preview
    source = content / "articles" / "what-makes-good-therapy.md"
    original = source.read_text(encoding="utf-8")
    source.write_text(original.replace("## Introduction", "## Introduction\n\nFirst save."), encoding="utf-8")
    deadline = time.monotonic() + 30
    while " shown; now the full build" not in log.read_text() and time.monotonic() < deadline:
        time.sleep(0.005)
    # The full build has just started: a second save stops it.
    (content / "articles" / "new.md").write_text(article("Freshly written", date="2026-11-27"))
    assert wait_for(lambda: "Freshly" in get(base + "blog/freshly-written/"))
    assert "-> saved again: this build stops, the next one starts" in log.read_text()
    assert wait_for(lambda: log.read_text().rstrip().splitlines()[-1].startswith("-> search indexed"))
    fresh = run_pelican(content, tmp_path / "fresh", overrides={
        "LIVE_RELOAD": True, "CACHE_PATH": str(tmp_path / "fresh-cache")})
    assert fresh.returncode == 0, fresh.stderr
    only_served, only_fresh, differ = same_tree(tmp_path / "output", tmp_path / "fresh")
    assert [n for n in only_served if not n.startswith("pagefind")] == [] and only_fresh == [] and differ == []
    assert "First save." in fresh.text("blog/what-makes-good-therapy/")


@pytest.mark.browser
def test_the_open_page_shows_a_save_by_itself_and_a_broken_file_over_it(preview):
    from playwright.sync_api import sync_playwright

    base, content, _ = preview
    source = content / "articles" / "what-makes-good-therapy.md"
    original = source.read_text(encoding="utf-8")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run", "--disable-quic"])
        page = browser.new_page()
        errors = []
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.goto(base + "blog/what-makes-good-therapy/", wait_until="load")
        page.wait_for_timeout(300)  # the event stream is open

        def shows(check):  # the page's CSP rightly refuses scripts from the test: read it from here
            return wait_for(lambda: check(page.inner_text("body").replace("\xa0", " ")), seconds=20)
        source.write_text(original.replace("## Introduction", "## Introduction\n\nA sentence just saved."),
                          encoding="utf-8")
        assert shows(lambda body: "A sentence just saved." in body)
        broken = original.replace("author: James McCracken", "author: Nobody Here")
        assert broken != original
        source.write_text(broken, encoding="utf-8")
        page.wait_for_selector(".live-error", timeout=20000)
        text = page.inner_text(".live-error")
        assert "author: unknown therapist 'Nobody Here'" in text and "the build stopped" in text
        assert "A sentence just saved." in page.inner_text("main").replace("\xa0", " "), "the last good page stays"
        source.write_text(original, encoding="utf-8")
        assert shows(lambda body: "A sentence just saved." not in body)
        assert page.query_selector(".live-error") is None
        assert errors == []
        browser.close()

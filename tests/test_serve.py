"""`make serve`: rebuilds on save, pages reload themselves, and a broken file does
not stop the server."""

import shutil
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from tests.sitebuild import CONTENT, ROOT, article, search_index_texts


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
        assert wait_for(lambda: get(base + "__live_reload") == "1"), (tmp_path / "serve.log").read_text()
        yield base, content, tmp_path / "serve.log"
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        log.close()


def test_a_saved_change_is_rebuilt_and_the_page_asks_to_reload(preview):
    base, content, _ = preview
    page = get(base + "blog/what-makes-good-therapy/")
    assert '<script src="/theme/js/live-reload.js"></script>' in page
    (content / "articles" / "new.md").write_text(article("Freshly written", date="2026-11-27"))
    assert wait_for(lambda: get(base + "__live_reload") == "2")
    assert "Freshly" in get(base + "blog/freshly-written/")
    # The preview's search knows the new article too.
    assert any(b"/blog/freshly-written/" in text for text in search_index_texts(content.parent / "output"))


def test_a_broken_file_shows_its_error_and_the_server_keeps_serving(preview):
    base, content, log = preview
    (content / "articles" / "broken.md").write_text(article("Broken one", author="Nobody Here"))
    assert wait_for(lambda: "unknown therapist 'Nobody Here'" in log.read_text())
    assert get(base + "__live_reload") == "1"
    assert "What Makes" in get(base + "blog/what-makes-good-therapy/")
    (content / "articles" / "broken.md").unlink()
    assert wait_for(lambda: get(base + "__live_reload") == "2")

"""The content and front-matter caches: an edit is always seen, a damaged cache is discarded, never a crash."""

import pickle

import pytest

from tests.sitebuild import article, make_content, run_pelican


def build(content, tmp_path, name):
    return run_pelican(content, tmp_path / name, overrides={"CACHE_PATH": str(tmp_path / "cache")})


def test_an_edited_article_is_read_again_and_an_unchanged_one_comes_from_the_cache(tmp_path):
    content = make_content(tmp_path, {"articles/a.md": article("Cached piece", body="First words.\n"),
                                      "articles/b.md": article("Other piece", date="2026-02-01")})
    assert build(content, tmp_path, "one").returncode == 0
    stored = pickle.loads((tmp_path / "cache" / "content-reader.pickle").read_bytes())
    assert len(stored["entries"]) >= 3  # two articles and the therapist
    (content / "articles" / "a.md").write_text(article("Cached piece", body="Second words, edited.\n"))
    second = build(content, tmp_path, "two")
    assert second.returncode == 0, second.stderr
    assert "Second words, edited." in second.text("blog/cached-piece/")
    assert "First words." not in second.text("blog/cached-piece/")


@pytest.mark.parametrize("file, name", [("content-reader.pickle", "the content cache"),
                                        ("front-matter.pickle", "the front-matter cache")])
def test_a_damaged_cache_is_discarded_with_a_warning_and_the_build_succeeds(tmp_path, file, name):
    content = make_content(tmp_path, {"articles/a.md": article("Some piece")})
    (tmp_path / "cache").mkdir()
    (tmp_path / "cache" / file).write_bytes(b"\x80\x04not a pickle at all")
    result = build(content, tmp_path, "out")
    assert result.returncode == 0, result.stderr
    assert name in result.stderr and "was discarded" in result.stderr
    assert "Some piece" in result.text("blog/some-piece/")


def test_reading_in_parallel_writes_the_same_site_as_reading_in_one_process(tmp_path):
    files = {f"articles/p{i}.md": article(f"Piece number {i}", date=f"2026-01-{i + 1:02d}",
                                          body=f"It's piece {i} -- with \"quotes\" and dashes...\n")
             for i in range(12)}
    content = make_content(tmp_path, files)
    serial = run_pelican(content, tmp_path / "serial", overrides={"CACHE_PATH": str(tmp_path / "c1"),
                                                                  "CONTENT_READER_WORKERS": 1})
    parallel = run_pelican(content, tmp_path / "parallel", overrides={"CACHE_PATH": str(tmp_path / "c2"),
                                                                      "CONTENT_READER_WORKERS": 2})
    assert serial.returncode == 0 and parallel.returncode == 0, parallel.stderr
    for i in range(12):
        url = f"blog/piece-number-{i}/"
        assert serial.page(url) == parallel.page(url)
    assert "It&#8217;s piece 3 &#8212; with &#8220;quotes&#8221; and&nbsp;dashes&#8230;" in parallel.page(
        "blog/piece-number-3/")

"""The output after a rebuild is exactly what a build from scratch writes, and
pages that did not change are left as they were."""

import os

import pytest

from tests.sitebuild import article, make_content, run_pelican, search_index_texts


def files_in(output):
    """{path: bytes} of every file in the output, the search bundles set aside."""
    return {str(p.relative_to(output)): p.read_bytes() for p in sorted(output.rglob("*"))
            if p.is_file() and not p.relative_to(output).parts[0].startswith("pagefind")}


def build(content, output, cache, **overrides):
    result = run_pelican(content, output, overrides={"CACHE_PATH": str(cache), **overrides})
    assert result.returncode == 0, result.stderr
    return result


def test_a_rebuild_leaves_exactly_what_a_fresh_build_writes(tmp_path):
    content = make_content(tmp_path, {
        "articles/kept.md": article("Kept piece", date="2026-01-02", tags=["anxiety"]),
        "articles/edited.md": article("Edited piece", date="2026-01-03", body="Old words.\n"),
        "articles/removed.md": article("Removed piece", date="2026-01-04", tags=["grief"]),
    })
    build(content, tmp_path / "out", tmp_path / "cache", SITE_SEARCH=True)
    assert (tmp_path / "out" / "blog" / "removed-piece" / "index.html").exists()
    assert (tmp_path / "out" / "blog" / "tags" / "grief" / "index.html").exists()

    (content / "articles" / "removed.md").unlink()
    (content / "articles" / "edited.md").write_text(
        article("Edited piece", date="2026-01-03", body="New words.\n"), encoding="utf-8")
    (content / "articles" / "added.md").write_text(article("Added piece", date="2026-01-05"), encoding="utf-8")
    rebuilt = build(content, tmp_path / "out", tmp_path / "cache", SITE_SEARCH=True)
    fresh = build(content, tmp_path / "fresh", tmp_path / "fresh-cache", SITE_SEARCH=True)

    assert files_in(rebuilt.output) == files_in(fresh.output)
    assert not (rebuilt.output / "blog" / "removed-piece").exists()
    assert not (rebuilt.output / "blog" / "tags" / "grief").exists()
    assert "New words." in rebuilt.text("blog/edited-piece/")
    assert "Removed piece" not in rebuilt.page("blog/")
    # The search index holds the pages of this build only: the removed page is not findable.
    bundles = sorted(p.name for p in rebuilt.output.iterdir() if p.name.startswith("pagefind"))
    assert bundles == sorted(p.name for p in fresh.output.iterdir() if p.name.startswith("pagefind"))
    fragments = search_index_texts(rebuilt.output)
    assert any(b"/blog/added-piece/" in f for f in fragments)
    assert not any(b"/blog/removed-piece/" in f for f in fragments)


def test_a_page_that_did_not_change_is_not_written_again(tmp_path):
    content = make_content(tmp_path, {
        "articles/calm.md": article("Calm piece", date="2026-01-02"),
        "articles/busy.md": article("Busy piece", date="2026-01-03", body="First words.\n"),
    })
    first = build(content, tmp_path / "out", tmp_path / "cache")
    calm, busy = first.output / "blog" / "calm-piece" / "index.html", first.output / "blog" / "busy-piece" / "index.html"
    calm_before, busy_before = os.stat(calm), os.stat(busy)

    (content / "articles" / "busy.md").write_text(
        article("Busy piece", date="2026-01-03", body="Second words.\n"), encoding="utf-8")
    second = build(content, tmp_path / "out", tmp_path / "cache")
    assert os.stat(calm).st_ctime_ns == calm_before.st_ctime_ns
    assert os.stat(busy).st_ctime_ns != busy_before.st_ctime_ns
    assert "Second words." in second.text("blog/busy-piece/")


def test_retained_names_are_left_alone(tmp_path):
    content = make_content(tmp_path, {"articles/a.md": article("A piece")})
    output = tmp_path / "out"
    (output / ".git" / "refs" / "tags").mkdir(parents=True)
    (output / ".git" / "HEAD").write_text("ref: refs/heads/gh-pages\n")
    (output / "CNAME").write_text("example.org\n")
    (output / "stray.html").write_text("<p>from an old build</p>")
    build(content, output, tmp_path / "cache")
    build(content, output, tmp_path / "cache")
    assert (output / ".git" / "HEAD").exists() and (output / ".git" / "refs" / "tags").is_dir()
    assert (output / "CNAME").read_text() == "example.org\n"
    assert not (output / "stray.html").exists()


def test_an_output_folder_that_holds_the_content_is_never_cleaned(tmp_path):
    # Pelican's own rule: it does not delete an output folder the content lives in.
    site = tmp_path / "site"
    content = make_content(site, {"articles/a.md": article("A piece")})
    (site / "notes.txt").write_text("the author's own notes\n")
    build(content, site, tmp_path / "cache")
    build(content, site, tmp_path / "cache")
    assert (site / "notes.txt").read_text() == "the author's own notes\n"
    assert (content / "articles" / "a.md").exists()


@pytest.mark.unit
def test_the_one_pelican_internal_overridden_is_still_there():
    """SyncWriter overrides pelican.writers.Writer._open_w (nothing public lets a writer skip
    an unchanged file). This fails loudly when a Pelican upgrade renames or reshapes it."""
    import inspect

    from pelican.writers import Writer

    assert list(inspect.signature(Writer._open_w).parameters) == ["self", "filename", "encoding", "override"]
    source = inspect.getsource(Writer.write_file)
    assert "self._open_w(" in source and "_overridden_files" in inspect.getsource(Writer._open_w)

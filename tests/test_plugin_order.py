"""Reordering PLUGINS changes nothing, except where the order is documented as required:
there the build stops with one line that says why."""

import pytest
from pelican.settings import read_settings

from tests.sitebuild import ROOT, article, make_content, run_pelican, same_tree

PLUGINS = read_settings(str(ROOT / "pelicanconf.py"))["PLUGINS"]


@pytest.fixture(scope="module")
def content(tmp_path_factory):
    return make_content(tmp_path_factory.mktemp("order"), {
        "articles/a.md": article("In a series", series="Pairs", series_index=1, tags=["couples"])},
        real=("pages", "articles"))


def test_the_documented_order_and_a_shuffled_one_write_the_same_site(content, tmp_path):
    documented = run_pelican(content, tmp_path / "documented")
    assert documented.returncode == 0, documented.stderr
    # practice_model and the sitemap may go anywhere before the plugins that need them; the
    # others are independent of each other.
    middle = [p for p in PLUGINS if p not in ("pelican.plugins.sitemap", "structured_data", "output_sync")]
    shuffled = ["pelican.plugins.sitemap", "structured_data", *reversed(middle), "output_sync"]
    assert shuffled != PLUGINS
    other = run_pelican(content, tmp_path / "shuffled", overrides={"PLUGINS": shuffled})
    assert other.returncode == 0, other.stderr
    assert same_tree(tmp_path / "documented", tmp_path / "shuffled") == ([], [], [])


@pytest.mark.parametrize("plugins, why", [
    ([p for p in PLUGINS if p != "practice_model"], "add 'practice_model' to PLUGINS"),
    ([*[p for p in PLUGINS if p != "output_sync"][:3], "output_sync", *[p for p in PLUGINS if p != "output_sync"][3:]],
     "output_sync must be the last of PLUGINS"),
    ([p for p in PLUGINS if p != "pelican.plugins.sitemap"][:-1] + ["pelican.plugins.sitemap", "output_sync"],
     "structured_data must come after pelican.plugins.sitemap in PLUGINS"),
])
def test_an_order_that_cannot_work_stops_with_the_reason(content, tmp_path, plugins, why):
    build = run_pelican(content, tmp_path / "out", overrides={"PLUGINS": plugins})
    assert build.returncode == 1
    assert why in build.stderr, build.stderr
    assert "Traceback" not in build.stderr + build.stdout

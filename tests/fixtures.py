import pytest

from tests.sitebuild import CONTENT, run_pelican


@pytest.fixture(scope="session")
def real_site(tmp_path_factory):
    """The practice's real site, built once per test process, search index included."""
    base = tmp_path_factory.mktemp("real-site")
    build = run_pelican(CONTENT, base / "output", overrides={"SITE_SEARCH": True})
    assert build.returncode == 0, build.stderr
    return build

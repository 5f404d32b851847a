"""The front-matter contract: every build checks all content first and stops on any problem."""

from pelican import signals

from content_contract.check import check_content
from content_contract.problems import stop_build
from practice_data.loaders import DataError, load_site_data


def check_before_build(pelican):
    """Runs at the start of every build (and every live-preview rebuild)."""
    try:
        site_data = load_site_data(pelican.path)
    except DataError as err:
        stop_build(err.problems)
    problems = check_content(pelican.path, pelican.settings, site_data)
    if problems:
        stop_build(problems)


def register():
    signals.get_generators.connect(check_before_build)

"""The practice's data files, checked, in every template's context; and the maintainer report."""

from pelican import signals

from content_contract.problems import stop_build
from practice_data.loaders import DataError, load_site_data
from practice_data.report import log_summary


def add_data_to_context(generator):
    """Loads the data once per build into the context all generators share."""
    if "site_data" in generator.context:
        return
    try:
        data = load_site_data(generator.path)
    except DataError as err:
        stop_build(err.problems)
    generator.context["site_data"] = data
    generator.context.update(
        practice=data["practice"],
        crisis=data["crisis"],
        credentials=data["credentials"],
    )


def report_missing_facts(pelican):
    log_summary(pelican.path)


def register():
    signals.generator_init.connect(add_data_to_context)
    signals.finalized.connect(report_missing_facts)

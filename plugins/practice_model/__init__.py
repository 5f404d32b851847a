"""The one model of the practice, built once per build, for every plugin and template.

At the start of every Pelican run this plugin reads and parses each content file once,
loads and checks content/data/, runs the front-matter contract, and assembles the model
(model.py): the practice, its therapists, credentials and their grantors, cities, areas,
counties and crisis resources, all immutable. Any problem stops the build before a page
is written, one line each naming file, line and field.

How the others get it (the only way):
- templates: `practice` (e.g. `practice.crisis.lifeline`, `practice.therapists`), and the
  filters of wording.py (`join_and`, `counties`, `long_date`);
- plugins: `practice_model.model_of(generator, needs=(...))`, which also says what the
  plugin needs, and fails with a clear message when this plugin is not in PLUGINS;
- the site's reader: `practice_model.build_of(settings).source(path)`, the parsed file.
"""

import logging

from content_contract.problems import BuildStopped, stop_build
from pelican import signals
from pelican.contents import Content

from practice_model import build as _build
from practice_model.report import log_summary
from practice_model.wording import FILTERS

logger = logging.getLogger(__name__)
SETTING = "PRACTICE_MODEL_BUILD"  # where a run keeps its Build, in its own settings


def stop_for_plugins(message):
    """A plugin missing or out of order: one line saying why, no traceback."""
    logger.critical("%s", message)
    raise BuildStopped(1)


def forget_earlier_builds():
    """Pelican memoizes each page's content and summary for the life of the process, keyed by
    the page; in one process (`make serve`) that would keep every earlier build in memory."""
    for name in ("get_content", "get_summary"):
        memo = getattr(Content.__dict__.get(name), "cache", None)
        if isinstance(memo, dict):
            memo.clear()


def start_build(pelican):
    """Pelican's get_generators is the first signal of every run: the build starts here."""
    forget_earlier_builds()
    pelican.settings[SETTING] = build = _build.load(pelican.path, pelican.settings)
    if build.problems:
        stop_build(build.problems)


def build_of(holder):
    """This run's Build, from a generator, a reader, or a settings or context dict."""
    settings = getattr(holder, "settings", holder)
    build = settings.get(SETTING)
    if build is None:
        stop_for_plugins("the practice model was not built: add 'practice_model' to PLUGINS "
                         "(every plugin of this site reads the practice from it)")
    return build


def model_of(holder, needs=()):
    """The model, for a plugin that states what it reads from it."""
    model = build_of(holder).model
    missing = [name for name in needs if not hasattr(model, name)]
    if missing:
        stop_for_plugins(f"the practice model has no {', '.join(missing)}")
    return model


def publish_to_templates(generator):
    build = build_of(generator)
    generator.context["practice"] = build.model
    # So that handlers of content_written, which get only a page's context, find the build.
    generator.context[SETTING] = build
    generator.env.filters.update(FILTERS)


def stop_on_content_problems(generator):
    """What the reader found in the rendered content (a script, a file on another host, a
    missing image) stops the build: once every generator has read (and nothing is written
    yet), or before Pelican looks for a static file a page names, whichever comes first."""
    found = build_of(generator).state("content_problems", list)
    if found:
        stop_build(found)


def stop_when_all_read(generators):
    stop_on_content_problems(generators[0])


def point_to_report(pelican):
    log_summary(build_of(pelican))


def register():
    signals.get_generators.connect(start_build)
    signals.generator_init.connect(publish_to_templates)
    signals.static_generator_preread.connect(stop_on_content_problems)
    signals.all_generators_finalized.connect(stop_when_all_read)
    signals.finalized.connect(point_to_report)

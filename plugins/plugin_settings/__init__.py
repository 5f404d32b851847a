"""Each plugin's settings, declared with their defaults in one place and checked (a library,
not a plugin). An unknown setting under a plugin's prefix, or a value of the wrong kind, is
one clear error before anything is built, as the sitemap plugin's _check_config does."""

import difflib
import logging
from dataclasses import dataclass
from types import SimpleNamespace

from content_contract.problems import BuildStopped, log

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Setting:
    default: object
    kind: type | tuple  # what the value must be an instance of
    doc: str
    check: object = None  # optional: value -> error message or None


def read(settings, prefix, declared):
    """A namespace of the plugin's settings (lower-case names without the prefix)."""
    problems = []
    for name in settings:
        if name.startswith(prefix) and name not in declared and name != prefix.rstrip("_"):
            close = difflib.get_close_matches(name, declared, n=1)
            problems.append(f"setting {name}: unknown" + (f" (did you mean {close[0]}?)" if close else
                                                          f" (known: {', '.join(declared)})"))
    values = {}
    for name, spec in declared.items():
        value = settings.get(name, spec.default)
        kinds = spec.kind if isinstance(spec.kind, tuple) else (spec.kind,)
        # true and false are ints to Python, never a number to a reader of the settings
        if not isinstance(value, kinds) or (isinstance(value, bool) and bool not in kinds):
            problems.append(f"setting {name}: expected {_kind(spec.kind)}, got {value!r}")
        elif spec.check and spec.check(value):
            problems.append(f"setting {name}: {spec.check(value)}")
        # CITY_PAGES_URL -> url; the plugin's switch (CITY_PAGES) keeps its whole name.
        values[(name[len(prefix):] if name.startswith(prefix) else name).lower()] = value
    if problems:
        for message in problems:
            log(logging.ERROR, message)
        logger.critical("the settings above are wrong; see the README's list of settings")
        raise BuildStopped(1)
    return SimpleNamespace(**values)


def _kind(kind):
    kinds = kind if isinstance(kind, tuple) else (kind,)
    words = {bool: "true or false", int: "a whole number", float: "a number", str: "text", list: "a list",
             dict: "a mapping", type(None): "nothing"}
    return " or ".join(words.get(k, k.__name__) for k in kinds)


def positive(value):
    return None if value > 0 else "expected a value above 0"


def share(value):
    return None if 0 <= value <= 1 else "expected a share from 0 to 1"

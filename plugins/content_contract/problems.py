"""How a problem in content or data is told to the person who can fix it: one line
naming the file, the line and the field, through Pelican's logger."""

import logging
from dataclasses import dataclass
from pathlib import Path

logger = logging.getLogger(__name__)


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    field: str
    message: str

    def __str__(self):
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.field}: {self.message}"


def shown_path(path):
    """The path as the author typed it: relative to where the command runs."""
    path = Path(path)
    here = Path.cwd()
    for absolute, base in ((path.absolute(), here), (path.resolve(), here.resolve())):
        # Plain first (no file-system calls); resolved when a symbolic link is in the way.
        try:
            return str(absolute.relative_to(base))
        except ValueError:
            continue
    return str(path)


def problem(path, field, message, line=0):
    return Problem(shown_path(path), line, field, message)


class BuildStopped(SystemExit):
    """Stops the build with exit status 1 and without a traceback: the lines above say it all.
    (Pelican's main() logs any Exception with its traceback; SystemExit passes through.)"""


def log(level, message):
    """Logs through Pelican's logger. Under `--fatal warnings` Pelican raises on the first
    warning or error; here every problem is told first, and the caller decides to stop."""
    try:
        logger.log(level, "%s", message)
    except RuntimeError:
        pass  # Pelican's fatal-level signal: the caller stops the build itself


def stop_build(problems):
    problems = sorted(set(problems))
    for p in problems:
        log(logging.ERROR, p)
    logger.critical("%s", summary(problems))
    raise BuildStopped(1)


def summary(problems):
    count = len(set(problems))
    return f"{count} problem{'s' if count != 1 else ''} found; the build stopped and nothing was published."

"""How a problem in content or data is told to the person who can fix it."""

import sys
from dataclasses import dataclass
from pathlib import Path


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
    """Stops the build with exit status 1 and without a traceback: the lines above say it all."""


def stop_build(problems):
    for p in sorted(set(problems)):
        print(p, file=sys.stderr)
    count = len(set(problems))
    print(
        f"{count} problem{'s' if count != 1 else ''} found; the build stopped and nothing was published.",
        file=sys.stderr,
    )
    raise BuildStopped(1)

"""`python -m practice_model check [content]` (`make check`) and `… report [content]` (`make report`)."""

import argparse
import sys
from pathlib import Path

from pelican.settings import read_settings

from practice_model.build import load
from practice_model.report import report_lines


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m practice_model")
    parser.add_argument("command", choices=("check", "report"))
    parser.add_argument("content", nargs="?", default="content")
    args = parser.parse_args(argv)
    settings = read_settings("pelicanconf.py") if Path("pelicanconf.py").exists() else {}
    build = load(args.content, settings)
    if build.problems:
        for p in build.problems:
            print(p, file=sys.stderr)
        print(f"{len(build.problems)} problem(s) found" + (
              "." if args.command == "check" else ": fix them, then run the report again."), file=sys.stderr)
        return 1
    if args.command == "check":
        print(f"content is valid ({len(build.sources)} files checked)")
        return 0
    lines = report_lines(build)
    for line in lines:
        print(line)
    print(f"{len(lines)} missing, unverified or stale fact(s).")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""`python -m practice_data report [content]`: the maintainer report."""

import sys

from practice_data.report import main

if len(sys.argv) < 2 or sys.argv[1] != "report":
    print("usage: python -m practice_data report [content]", file=sys.stderr)
    sys.exit(2)
sys.exit(main(sys.argv[1:]))

"""`python -m practice_data report content`: the maintainer report."""

import sys

from practice_data.report import main

if __name__ == "__main__" and len(sys.argv) > 1 and sys.argv[1] == "report":
    sys.exit(main(sys.argv[1:]))
print("usage: python -m practice_data report [content]", file=sys.stderr)
sys.exit(2)

"""Settings for the production build (`make publish`).

SITEURL comes from the environment: the site's public address, at a domain root
or under a path (a GitHub project page). CNAME_DOMAIN, when set, is written to
CNAME by `make publish` and `make github` so GitHub Pages serves that domain.
"""

import os
import sys

sys.path.append(os.curdir)
from pelicanconf import *  # noqa: E402,F403

# The public address, e.g. https://<user>.github.io/<repo> or https://www.<domain>;
# tools/publish.py refuses to build without it.
SITEURL = os.environ.get("SITEURL", "").rstrip("/")
RELATIVE_URLS = False

FEED_DOMAIN = SITEURL
FEED_ALL_ATOM = "feeds/all.atom.xml"

# Drafts are never written by a production build.
DRAFT_SAVE_AS = ""
DRAFT_PAGE_SAVE_AS = ""

DELETE_OUTPUT_DIRECTORY = True

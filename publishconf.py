"""Settings for the production build (`make publish`).

SITEURL comes from the environment (e.g. https://example.github.io/repo for a
project page, or https://www.example.org for a custom domain); CNAME_DOMAIN, when
set, is written to CNAME so GitHub Pages serves the custom domain.
"""

import os
import sys

sys.path.append(os.curdir)
from pelicanconf import *  # noqa: E402,F403

SITEURL = os.environ.get("SITEURL", "https://www.nctherapyprofessionals.example").rstrip("/")
CNAME_DOMAIN = os.environ.get("CNAME_DOMAIN", "")
RELATIVE_URLS = False

FEED_DOMAIN = SITEURL
FEED_ALL_ATOM = "feeds/all.atom.xml"

# Drafts are never written by a production build.
DRAFT_SAVE_AS = ""
DRAFT_PAGE_SAVE_AS = ""

DELETE_OUTPUT_DIRECTORY = True

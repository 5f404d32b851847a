"""Settings for the development build (`make html`, `make serve`)."""

import logging
import sys
from pathlib import Path

# The plugins are packages in plugins/; some are libraries the others import.
_PLUGINS = str(Path(__file__).resolve().parent / "plugins")
if _PLUGINS not in sys.path:
    sys.path.insert(0, _PLUGINS)

from template_cache import DamageTolerantBytecodeCache  # noqa: E402

SITENAME = "North Carolina Therapy Professionals"
SITEURL = ""
AUTHOR = "North Carolina Therapy Professionals"
PATH = "content"
TIMEZONE = "America/New_York"
DEFAULT_LANG = "en"
DEFAULT_DATE_FORMAT = "%B %-d, %Y"
THEME = "theme"

# Pelican loads every installed plugin when PLUGINS is unset: name them all.
PLUGIN_PATHS = ["plugins"]
PLUGINS = [
    # First: every build starts by reading the content, checking it and building the
    # model of the practice that the plugins below read (it says so if it is missing).
    "practice_model",
    "content_reader",
    "content_urls",
    # Before structured_data, which pins the dates of the index pages in its sitemap.xml.
    "pelican.plugins.sitemap",
    "therapists",
    "services",
    "series",
    "city_pages",
    "structured_data",
    "site_search",
    "security_headers",
    # Before output_sync: they put their files into the output when the pages are written.
    "images",
    "share_images",
    # Last: it removes what the build did not make, once every other plugin has written.
    "output_sync",
]

ARTICLE_PATHS = ["articles"]
PAGE_PATHS = ["pages"]
# content/files/: documents served as they are (e.g. the Notice of Privacy Practices as a PDF).
STATIC_PATHS = ["extra", "files"]
EXTRA_PATH_METADATA = {
    "extra/favicon.svg": {"path": "favicon.svg"},
}

# Clean URLs: /blog/<slug>/ written as /blog/<slug>/index.html.
ARTICLE_URL = "blog/{slug}/"
ARTICLE_SAVE_AS = "blog/{slug}/index.html"
DRAFT_URL = "drafts/{slug}/"
DRAFT_SAVE_AS = "drafts/{slug}/index.html"
DRAFT_PAGE_URL = "drafts/pages/{slug}/"
DRAFT_PAGE_SAVE_AS = "drafts/pages/{slug}/index.html"
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = "{slug}/index.html"
TAG_URL = "blog/tags/{slug}/"
TAG_SAVE_AS = "blog/tags/{slug}/index.html"
TAGS_URL = "blog/tags/"
TAGS_SAVE_AS = "blog/tags/index.html"
ARCHIVES_URL = "blog/"
ARCHIVES_SAVE_AS = "blog/index.html"
# Therapist profiles replace Pelican's author pages (plugins/therapists).
AUTHOR_URL = "therapists/{slug}/"
AUTHOR_SAVE_AS = ""
AUTHORS_SAVE_AS = ""
CATEGORY_SAVE_AS = ""
CATEGORIES_SAVE_AS = ""
# No category pages, but Pelican's draft writer still reads article.category.
DEFAULT_METADATA = {"category": "Articles"}
YEAR_ARCHIVE_SAVE_AS = ""
MONTH_ARCHIVE_SAVE_AS = ""
DAY_ARCHIVE_SAVE_AS = ""
DIRECT_TEMPLATES = ["index", "archives", "tags"]
DEFAULT_PAGINATION = False
# An article dated in the future is a draft until its day (shown under /drafts/ by
# `make serve`, never published); the workflow rebuilds every day, so it goes live then.
WITH_FUTURE_DATES = False

# No feeds in development; publishconf.py turns the Atom feed on.
FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None

# Typogrify runs once per file inside our reader (plugins/content_reader), whose
# cache keeps its result; Pelican's own pass would run it again on every build.
TYPOGRIFY = False
CONTENT_READER_TYPOGRIFY = True
CACHE_PATH = ".pelican-cache"
# Every value is escaped unless a template marks it as HTML (content, typogrified titles).
# Templates are compiled once and kept, for every generator, in CACHE_PATH/jinja.
JINJA_ENVIRONMENT = {"trim_blocks": True, "lstrip_blocks": True, "autoescape": True,
                     "bytecode_cache": DamageTolerantBytecodeCache(f"{CACHE_PATH}/jinja")}
MARKDOWN = {
    "extension_configs": {
        "markdown.extensions.extra": {},
        "markdown.extensions.toc": {},
    },
    "output_format": "html5",
}
SUMMARY_MAX_LENGTH = None
# Pelican warns about every empty alt; the contract is stricter and more exact: an image
# without alt text stops the build, and alt="" is allowed only on one marked {.decorative}.
LOG_FILTER = [(logging.WARNING, "Empty alt attribute for image %s in %s")]

DELETE_OUTPUT_DIRECTORY = True
OUTPUT_RETENTION = [".git", "CNAME"]
RELATIVE_URLS = False

SITEMAP = {
    "format": "xml",
    "exclude": [r"^drafts/", r"^404\.html$", r"^search/"],
}

# Our plugins' settings (each plugin reads these with its defaults in one place).
CITY_PAGES_URL = "therapy/"
CITY_PAGES_IN_PERSON_RADIUS_MILES = 60
CITY_PAGES_UNIQUENESS_THRESHOLD = 0.5
SITE_SEARCH = True
LIVE_RELOAD = False  # tools/serve.py turns it on for the preview

# Navigation, in one place for every template.
MAIN_NAV = [
    ("Therapists", "therapists/"),
    ("Services", "services/"),
    ("Articles", "blog/"),
    ("Areas served", "therapy/"),
    ("Get started", "getting-started/"),
    ("Crisis help", "crisis-help/"),
    ("Search", "search/"),
]
FOOTER_NAV = [
    ("About us", "about/"),
    ("Fees and insurance", "fees/"),
    ("Privacy", "privacy/"),
    ("Accessibility", "accessibility/"),
    ("Nondiscrimination and language help", "nondiscrimination/"),
    ("Crisis help", "crisis-help/"),
]
CRISIS_PAGE_URL = "crisis-help/"

# Privacy: the site loads nothing from any other host. Search needs WebAssembly.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; "
    "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; "
    "base-uri 'self'; form-action 'self'"
)
REFERRER_POLICY = "no-referrer"

"""Vanilla Pelican for the benchmark baseline: its default theme, no plugins."""

import os

AUTHOR = "Benchmark"
SITENAME = "Vanilla Pelican"
SITEURL = ""
TIMEZONE = "America/New_York"
DEFAULT_LANG = "en"
ARTICLE_PATHS = ["articles"]
PLUGINS = []
TYPOGRIFY = os.environ.get("BENCH_TYPOGRIFY", "1") == "1"
CACHE_CONTENT = False

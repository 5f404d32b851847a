"""The content cache: rendered files keyed by the hash of their bytes (content_contract's
KeyedCache), with the reading settings, render.py, the HTML check and the libraries'
versions as its identity. One ContentCache per build (kept in the build's state).
"""

import hashlib
from importlib.metadata import version
from pathlib import Path

from content_contract.keyed_cache import KeyedCache

CACHE_FILE = "content-reader.pickle"
# What render.py produces (and the HTML check it runs) is part of the key: a change to either
# empties the cache.
_RENDER_SOURCE = hashlib.sha256(b"".join(p.read_bytes() for p in (
    Path(__file__).parent / "render.py", Path(__file__).parent.parent / "content_contract" / "html_check.py"))
).hexdigest()


def fingerprint(config):
    libraries = tuple(version(name) for name in ("markdown", "typogrify", "smartypants", "pyyaml"))
    return hashlib.sha256(repr((_RENDER_SOURCE, libraries, config)).encode()).hexdigest()


class ContentCache(KeyedCache):
    def __init__(self, path, config):
        self.config = config
        super().__init__(path, fingerprint(config), "content cache")
        self.prepared = False  # the files it lacked have been read ahead (reader.prepare_reading)

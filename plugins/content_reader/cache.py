"""The content cache: rendered files keyed by the hash of their bytes.

Keyed by content, not by modification time, so an edited file is always read
again and an unchanged one never is; the reading settings and library versions
are part of the key too. A cache that cannot be read is discarded with a
warning and the build goes on. One ContentCache per build (kept in the build's
state), loaded from disk when the build starts and saved when it ends.
"""

import hashlib
import logging
import os
import pickle
from importlib.metadata import version
from pathlib import Path

from content_contract.problems import log

CACHE_FILE = "content-reader.pickle"
# What render.py produces (and the HTML check it runs) is part of the key: a change to either
# empties the cache.
_RENDER_SOURCE = hashlib.sha256(b"".join(p.read_bytes() for p in (
    Path(__file__).parent / "render.py", Path(__file__).parent.parent / "content_contract" / "html_check.py"))
).hexdigest()


def fingerprint(config):
    libraries = tuple(version(name) for name in ("markdown", "typogrify", "smartypants", "pyyaml"))
    return hashlib.sha256(repr((_RENDER_SOURCE, libraries, config)).encode()).hexdigest()


class ContentCache:
    def __init__(self, path, config):
        self.path = path
        self.config = config
        self.fingerprint = fingerprint(config)
        self.entries, self.used, self.dirty = self._load(), set(), False
        self.prepared = False  # the files it lacked have been read ahead (reader.prepare_reading)

    def _load(self):
        if not self.path or not os.path.exists(self.path):
            return {}
        try:
            with open(self.path, "rb") as f:
                stored = pickle.load(f)
            if not (isinstance(stored, dict) and isinstance(stored.get("entries"), dict)):
                raise ValueError("unexpected contents")
            return stored["entries"] if stored.get("fingerprint") == self.fingerprint else {}
        except Exception as err:  # noqa: BLE001 - any damage means: start again
            log(logging.WARNING, f"the content cache {self.path} could not be read ({err.__class__.__name__}); "
                "it was discarded and every file is read again")
            return {}

    def lookup(self, key):
        found = self.entries.get(key)
        if found is not None:
            self.used.add(key)
        return found

    def store(self, key, result):
        self.entries[key] = result
        self.used.add(key)
        self.dirty = True

    def save(self):
        """Writes the entries this build used (so deleted files drop out), atomically."""
        if not self.path or (not self.dirty and not set(self.entries) - self.used):
            return
        entries = {k: v for k, v in self.entries.items() if k in self.used}
        os.makedirs(os.path.dirname(self.path) or ".", exist_ok=True)
        tmp = f"{self.path}.{os.getpid()}.tmp"
        with open(tmp, "wb") as f:
            pickle.dump({"fingerprint": self.fingerprint, "entries": entries}, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, self.path)

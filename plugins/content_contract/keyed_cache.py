"""A cache of what was made from files, keyed by the hash of each file's bytes.

Keyed by content, not by modification time, so an edited file is always made again and
an unchanged one never is; `identity` (the code and library versions that make an entry)
is part of the key too, and a different identity empties the cache. A cache that cannot
be read is discarded with a warning and the build goes on. Opened once per build, saved
when it ends, with only the entries that build used (so deleted files drop out).
"""

import logging
import os
import pickle

from content_contract.problems import log


class KeyedCache:
    def __init__(self, path, identity, name):
        self.path, self.identity, self.name = path, identity, name
        self.entries, self.used, self.dirty = self._load(), set(), False

    def _load(self):
        if not self.path or not os.path.exists(self.path):
            return {}
        try:
            with open(self.path, "rb") as f:
                stored = pickle.load(f)
            if not (isinstance(stored, dict) and isinstance(stored.get("entries"), dict)):
                raise ValueError("unexpected contents")
            return stored["entries"] if stored.get("fingerprint") == self.identity else {}
        except Exception as err:  # noqa: BLE001 - any damage means: start again
            log(logging.WARNING, f"the {self.name} {self.path} could not be read ({err.__class__.__name__}); "
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
        """Writes the entries this build used, atomically."""
        if not self.path or (not self.dirty and not set(self.entries) - self.used):
            return
        entries = {k: v for k, v in self.entries.items() if k in self.used}
        os.makedirs(os.path.dirname(self.path) or ".", exist_ok=True)
        tmp = f"{self.path}.{os.getpid()}.tmp"
        with open(tmp, "wb") as f:
            pickle.dump({"fingerprint": self.identity, "entries": entries}, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, self.path)

"""The content cache: rendered files keyed by the hash of their bytes.

Keyed by content, not by modification time, so an edited file is always read
again and an unchanged one never is; the reading settings and library versions
are part of the key too. A cache that cannot be read is discarded with a
warning and the build goes on.
"""

import hashlib
import os
import pickle
import sys
from importlib.metadata import version
from pathlib import Path

CACHE_FILE = "content-reader.pickle"
# What render.py produces is part of the key, so a change to it empties the cache.
_RENDER_SOURCE = hashlib.sha256((Path(__file__).parent / "render.py").read_bytes()).hexdigest()

_state = {"path": None, "fingerprint": None, "entries": {}, "used": set(), "dirty": False}


def fingerprint(config):
    libraries = tuple(version(name) for name in ("markdown", "typogrify", "smartypants", "pyyaml"))
    return hashlib.sha256(repr((_RENDER_SOURCE, libraries, config)).encode()).hexdigest()


def content_key(data):
    return hashlib.sha256(data).hexdigest()


def open_cache(settings, config):
    """Loads the cache for this build (once per build and settings)."""
    path = os.path.join(settings.get("CACHE_PATH", "cache"), CACHE_FILE) \
        if settings.get("CONTENT_READER_CACHE", True) else None
    key = fingerprint(config)
    if _state["path"] == path and _state["fingerprint"] == key:
        return
    entries = {}
    if path and os.path.exists(path):
        try:
            with open(path, "rb") as f:
                stored = pickle.load(f)
            if not (isinstance(stored, dict) and isinstance(stored.get("entries"), dict)):
                raise ValueError("unexpected contents")
            if stored.get("fingerprint") == key:
                entries = stored["entries"]
        except Exception as err:  # noqa: BLE001 - any damage means: start again
            print(f"warning: the content cache {path} could not be read ({err.__class__.__name__}); "
                  "it was discarded and every file is read again", file=sys.stderr)
            entries = {}
    _state.update(path=path, fingerprint=key, entries=entries, used=set(), dirty=False)


def lookup(key):
    found = _state["entries"].get(key)
    if found is not None:
        _state["used"].add(key)
    return found


def store(key, result):
    _state["entries"][key] = result
    _state["used"].add(key)
    _state["dirty"] = True


def save_cache(pelican=None):
    """Writes the entries this build used (so deleted files drop out), atomically."""
    path = _state["path"]
    if not path:
        return
    unused = set(_state["entries"]) - _state["used"]
    if not _state["dirty"] and not unused:
        _state["used"] = set()
        return
    entries = {k: v for k, v in _state["entries"].items() if k in _state["used"]}
    os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
    tmp = f"{path}.{os.getpid()}.tmp"
    with open(tmp, "wb") as f:
        pickle.dump({"fingerprint": _state["fingerprint"], "entries": entries}, f,
                    protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(tmp, path)
    _state.update(entries=entries, used=set(), dirty=False)

"""A build that writes only what changed, into a staging folder, and brings the output up
to date in one step when it has succeeded.

- One build at a time per output folder: a lock beside it (`output.lock`); a second
  build waits for the first.
- Each run writes into `output.building-<pid>/` (Pelican's output path for that run).
  A page whose bytes equal the file already in the output is not written at all.
- When every plugin has written (this plugin is last), the staged files are moved into
  the output, and every file there that the build neither wrote nor found unchanged is
  removed, then empty folders. A build that fails before that leaves the output exactly
  as it was: `make serve` keeps serving the last good build.
"""

import atexit
import fcntl
import hashlib
import io
import json
import logging
import os
import shutil

import practice_model
from page_model import ASSETS
from pelican import signals
from pelican.log import console
from pelican.writers import Writer

from output_sync.page_inputs import article_key, shared_key, shown_key

logger = logging.getLogger(__name__)
RENDERED = "rendered-pages.json"  # in CACHE_PATH: {save_as: [key of its inputs, sha256 of its bytes]}

STATE = "output_sync"


def _cleans(pelican):
    """What Pelican itself checks before it deletes: the output must not hold the content."""
    output, content = os.path.realpath(pelican.output_path), os.path.realpath(pelican.path)
    return os.path.commonpath([output]) != os.path.commonpath([output, content])


def take_over_cleaning(pelican):
    """Pelican would delete the output folder at each run; this plugin keeps it up to date instead."""
    plugins = pelican.settings.get("PLUGINS") or []
    if plugins and plugins[-1] != "output_sync":
        practice_model.stop_for_plugins("output_sync must be the last of PLUGINS: it removes what the build did "
                                        "not make, once every other plugin has written")
    if pelican.delete_outputdir and _cleans(pelican):
        pelican.delete_outputdir = False
        pelican.settings["OUTPUT_SYNC_CLEANS"] = True


# The lock this process holds on each output folder. Runs in one process follow each other,
# so one still held when a run starts belongs to a run that stopped early (a content problem
# under `make serve`): it is released then, not whenever that run's objects are collected.
_HELD = {}


def _lock(live):
    """An exclusive lock on the output folder, held until the run ends (or its process does)."""
    earlier = _HELD.pop(live, None)
    if earlier is not None:
        earlier.close()
    handle = open(f"{live}.lock", "a+")  # noqa: SIM115 - held open for the whole run
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        console.print(f"another build is writing {live}; waiting for it to finish", soft_wrap=True)
        fcntl.flock(handle, fcntl.LOCK_EX)
    _HELD[live] = handle
    return handle


def _unlock(pelican):
    handle = getattr(pelican, "output_sync_lock", None)
    if handle is not None:
        handle.close()
        pelican.output_sync_lock = None
    _HELD.pop(os.path.abspath(pelican.settings["OUTPUT_PATH"]), None)


def start_run(pelican):
    """Every run (Pelican's get_generators; this plugin's comes last): lock, and stage."""
    if not pelican.settings.get("OUTPUT_SYNC_CLEANS"):
        return
    live = os.path.abspath(pelican.settings["OUTPUT_PATH"])
    pelican.output_sync_lock = _lock(live)  # an earlier run of this process that stopped early lets go
    parent, name = os.path.split(live)
    for stale in os.listdir(parent or "."):
        if stale.startswith(f"{name}.building-"):  # left by a build that died (we hold the lock)
            shutil.rmtree(os.path.join(parent, stale), ignore_errors=True)
    staging = f"{live}.building-{os.getpid()}"
    os.makedirs(staging)
    atexit.register(shutil.rmtree, staging, True)
    pelican.output_path = staging
    cache = os.path.join(pelican.settings.get("CACHE_PATH") or "cache", RENDERED)
    practice_model.build_of(pelican).state(STATE, dict).update(
        live=live, staging=staging, unchanged=set(), rendered=_load(cache), fresh={}, cache=cache,
        build=practice_model.build_of(pelican),
        shared=shared_key(pelican.settings, pelican.path))


def _load(path):
    try:
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
        return data if isinstance(data, dict) else {}
    except (OSError, ValueError):
        return {}


def sync_writer(pelican):
    if not pelican.settings.get("OUTPUT_SYNC_CLEANS"):
        return None
    run = practice_model.build_of(pelican).state(STATE, dict)
    return type("SyncWriter", (SyncWriter,), {"run": run})


class SyncWriter(Writer):
    """Pelican's writer, which skips a file whose bytes are already in the output, and does
    not even render an article's page (or a plugin's page that says what it shows) whose
    inputs are those it was last written from.
    (The one Pelican internal overridden, _open_w: nothing public lets a writer skip a file.)"""

    run = {}

    def write_file(self, name, template, context, relative_urls=False, paginated=None, template_name=None,
                   override_output=False, url=None, **kwargs):
        article, shows = kwargs.get("article"), kwargs.get("page_shows")
        key = None
        build = practice_model.build_of(context)
        if self.run.get("shared") and name and not paginated:
            if article is not None and name == getattr(article, "save_as", None):
                key = article_key(article, self.run["shared"], build)
            elif shows is not None and name == getattr(kwargs.get("page"), "save_as", None):
                key = shown_key(kwargs["page"], shows, self.run["shared"], build)
            if key and self._still_written(name, key):
                logger.debug("%s: its inputs are unchanged, so it is not rendered again", name)
                path = os.path.join(self.output_path, name)
                self._written_files.add(path)  # Pelican's rule: a file is written once per build
                # As if written: the handlers of content_written (search) see every page of the build.
                signals.content_written.send(path, context={**context, "output_file": name, **kwargs})
                return None
        self.run["key_of"] = (name, key)
        assets = build.state(ASSETS, list)
        assets.clear()  # what this page shows (images), noted while it renders
        return super().write_file(name, template, context, relative_urls, paginated, template_name,
                                  override_output, url, **kwargs)

    def _still_written(self, name, key):
        """True when the output holds this page as made from these inputs, with every file it
        shows: the page and those files are then kept as they are."""
        known = self.run["rendered"].get(name)
        if not known or len(known) != 3 or known[0] != key:
            return False
        live = self.run["live"]
        if not all(os.path.isfile(os.path.join(live, rel)) for rel in known[2]):
            return False
        if _digest(os.path.join(live, name)) != known[1]:
            return False
        self.run["unchanged"].update([name, *known[2]])
        self.run["fresh"][name] = known
        return True

    def _open_w(self, filename, encoding, override=False):
        # Pelican's own rule on writing one file twice (pelican.writers.Writer._open_w, 4.12).
        if filename in self._overridden_files:
            if override:
                return super()._open_w(filename, encoding, override)  # raises, as Pelican does
            return open(os.devnull, "w", encoding=encoding)  # noqa: SIM115
        if filename in self._written_files and not override:
            return super()._open_w(filename, encoding, override)  # raises, as Pelican does
        if override:
            self._overridden_files.add(filename)
        self._written_files.add(filename)
        return _WrittenIfChanged(filename, encoding, self.run)


class _WrittenIfChanged(io.StringIO):
    def __init__(self, path, encoding, run):
        super().__init__()
        self._path, self._encoding, self._run = path, encoding, run

    def __exit__(self, kind, value, traceback):
        if kind is None:
            data = self.getvalue().encode(self._encoding)
            rel = os.path.relpath(self._path, self._run["staging"])
            pending = self._run.get("key_of")
            if pending and pending[0] == rel and pending[1]:
                assets = sorted(set(self._run["build"].state(ASSETS, list)))
                self._run["fresh"][rel] = [pending[1], hashlib.sha256(data).hexdigest(), assets]
            try:
                with open(os.path.join(self._run["live"], rel), "rb") as existing:
                    same = existing.read() == data
            except OSError:
                same = False
            if same:
                self._run["unchanged"].add(rel)
            else:
                os.makedirs(os.path.dirname(self._path), exist_ok=True)
                with open(self._path, "wb") as f:
                    f.write(data)
        return super().__exit__(kind, value, traceback)


def commit(pelican):
    """The build succeeded: its files go into the output, and what it did not make goes away."""
    run = practice_model.build_of(pelican).state(STATE, dict)
    if "staging" not in run:
        return
    live, staging, retention = run["live"], run["staging"], set(pelican.output_retention)
    made, changed = set(run["unchanged"]), []
    cut = len(staging) + 1  # paths below a folder, relative to it, by slicing (relpath is slow)
    for folder, _, names in os.walk(staging):
        for name in names:
            source = os.path.join(folder, name)
            rel = source[cut:]
            target = os.path.join(live, rel)
            made.add(rel)
            if _same_file(source, target):  # a cached file linked again, a static file copied again
                continue
            if os.path.isdir(target) and not os.path.islink(target):
                shutil.rmtree(target)
            os.makedirs(os.path.dirname(target), exist_ok=True)
            os.replace(source, target)
            changed.append(rel)
    # One walk of the output: remove what the build did not make, then the folders left empty.
    cut, left, order = len(live) + 1, {}, []
    for folder, subfolders, names in os.walk(live, topdown=True):
        if folder == live:
            subfolders[:] = [d for d in subfolders if d not in retention]
            names = [n for n in names if n not in retention]
        kept = 0
        for name in names:
            path = os.path.join(folder, name)
            if path[cut:] in made:
                kept += 1
            else:
                os.remove(path)
                changed.append(path[cut:])
        left[folder] = kept + len(subfolders)
        order.append(folder)
    for folder in reversed(order[1:]):  # deepest first, so a folder of empty folders goes too
        if left[folder] == 0:
            os.rmdir(folder)
            left[os.path.dirname(folder)] -= 1
    shutil.rmtree(staging, ignore_errors=True)
    _save(run["cache"], run["fresh"])
    run["changed"] = sorted(changed)
    pelican.output_path = live
    _unlock(pelican)


def abandon_run(pelican):
    """A run that stopped before the end (a failure, or a preview's newer save): its staged
    files go, its lock is released, and the output stays as the last good run left it."""
    run = practice_model.build_of(pelican).state(STATE, dict) if pelican.settings.get(practice_model.SETTING) else {}
    if run.get("staging"):
        shutil.rmtree(run["staging"], ignore_errors=True)
    _unlock(pelican)
    if run.get("live"):
        pelican.output_path = run["live"]


def changed_files(pelican):
    """The files (relative to the output) a finished run wrote anew or removed; None when
    this plugin did not bring the output up to date (so any file may have changed)."""
    return practice_model.build_of(pelican).state(STATE, dict).get("changed")


def _same_file(staged, live):
    """True when the output already holds these bytes at this path (the same file, as a hard
    link to one cached file is, or equal bytes)."""
    try:
        a, b = os.stat(staged), os.stat(live, follow_symlinks=False)
    except OSError:
        return False
    if (a.st_dev, a.st_ino) == (b.st_dev, b.st_ino):
        return True
    if a.st_size != b.st_size or not os.path.isfile(live) or os.path.islink(live):
        return False
    with open(staged, "rb") as x, open(live, "rb") as y:
        return x.read() == y.read()


def _digest(path):
    try:
        with open(path, "rb") as f:
            return hashlib.sha256(f.read()).hexdigest()
    except OSError:
        return None


def _save(path, fresh):
    """The keys of the pages this build wrote (only these: a page gone from the site is forgotten)."""
    try:
        os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
        tmp = f"{path}.{os.getpid()}"
        with open(tmp, "w", encoding="utf-8") as f:
            json.dump(fresh, f, sort_keys=True)
        os.replace(tmp, path)
    except OSError as err:
        logger.debug("the page keys were not saved: %s", err)

"""The output folder before the build, the pages written only when they change,
and the files left over afterwards.

A file counts as made by this build when it is new, when it was written to (its
inode change time moved), or when the writer found it already holding exactly
the bytes it was about to write. Everything else that was in the output before
the build, except the names in OUTPUT_RETENTION, is left over and removed.
"""

import io
import os

import practice_model
from pelican.writers import Writer

STATE = "output_sync"


def _cleans(pelican):
    """What Pelican itself checks before it deletes: the output must not hold the content."""
    output, content = os.path.realpath(pelican.output_path), os.path.realpath(pelican.path)
    return os.path.commonpath([output]) != os.path.commonpath([output, content])


def take_over_cleaning(pelican):
    """Pelican would delete the output folder at each run; this plugin cleans it instead."""
    plugins = pelican.settings.get("PLUGINS") or []
    if plugins and plugins[-1] != "output_sync":
        practice_model.stop_for_plugins("output_sync must be the last of PLUGINS: it removes what the build did "
                                        "not make, once every other plugin has written")
    if pelican.delete_outputdir and _cleans(pelican):
        pelican.delete_outputdir = False
        pelican.settings["OUTPUT_SYNC_CLEANS"] = True


def _stamp(stat):
    return stat.st_ino, stat.st_ctime_ns


def snapshot(output, retention):
    """{path: stamp} for every file now in the output, outside the retained names."""
    files = {}
    for folder, subfolders, names in os.walk(output):
        if folder == output:
            subfolders[:] = [d for d in subfolders if d not in retention]
            names = [n for n in names if n not in retention]
        for name in names:
            path = os.path.join(folder, name)
            files[path] = _stamp(os.lstat(path))
    return files


def sync_writer(pelican):
    if not pelican.settings.get("OUTPUT_SYNC_CLEANS"):
        return None
    # Taken here, once per run, right before generators write anything.
    retention = set(pelican.output_retention)
    build = practice_model.build_of(pelican).state(STATE, lambda: {
        "retention": retention, "before": snapshot(os.path.abspath(pelican.output_path), retention),
        "unchanged": set()})
    return type("SyncWriter", (SyncWriter,), {"unchanged": build["unchanged"]})


class SyncWriter(Writer):
    unchanged = set()

    def _open_w(self, filename, encoding, override=False):
        # Pelican's own rule on writing one file twice (pelican.writers.Writer._open_w, 4.12).
        if filename in self._overridden_files:
            if override:
                return super()._open_w(filename, encoding, override)  # raises, as Pelican does
            return open(os.devnull, "w", encoding=encoding)
        if filename in self._written_files and not override:
            return super()._open_w(filename, encoding, override)  # raises, as Pelican does
        if override:
            self._overridden_files.add(filename)
        self._written_files.add(filename)
        return _WrittenIfChanged(filename, encoding, self.unchanged)


class _WrittenIfChanged(io.StringIO):
    def __init__(self, path, encoding, unchanged):
        super().__init__()
        self._path, self._encoding, self._unchanged = path, encoding, unchanged

    def __exit__(self, kind, value, traceback):
        if kind is None:
            data = self.getvalue().encode(self._encoding)
            try:
                with open(self._path, "rb") as existing:
                    same = existing.read() == data
            except OSError:
                same = False
            if same:
                self._unchanged.add(os.path.abspath(self._path))
            else:
                with open(self._path, "wb") as f:
                    f.write(data)
        return super().__exit__(kind, value, traceback)


def remove_leftovers(pelican):
    output = os.path.abspath(pelican.output_path)
    if not pelican.settings.get("OUTPUT_SYNC_CLEANS"):
        return
    build = practice_model.build_of(pelican).state(STATE, dict)
    if "before" not in build:
        return
    for path, stamp in build.pop("before").items():
        if path in build["unchanged"]:
            continue
        try:
            if _stamp(os.lstat(path)) == stamp:
                os.remove(path)
        except FileNotFoundError:
            pass
    folders = []
    for folder, subfolders, _ in os.walk(output):
        if folder == output:
            subfolders[:] = [d for d in subfolders if d not in build["retention"]]
        else:
            folders.append(folder)
    for folder in reversed(folders):  # deepest first, so a folder of empty folders goes too
        if not os.listdir(folder):
            os.rmdir(folder)

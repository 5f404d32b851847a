"""`make serve`: preview at http://127.0.0.1:8000 (`make serve PORT=8001`), rebuilt in one
Pelican process the moment a file is saved; the open page reloads itself.

- One process: each save runs the build again in this process (the caches are keyed by
  content, so only what changed is read again, and no state survives from one build to the
  next). A change to pelicanconf.py or to the plugins' code restarts the process.
- Push, not polling: pages built here load /theme/js/live-reload.js (from this server,
  so the site's Content-Security-Policy allows it), which listens to /__events (server-sent
  events, same origin) and reloads as soon as a build has been written.
- The open page first (as Hugo's fast render mode): when a save changed only the text of
  an article, that article's page is rendered at once from the last good build and the
  page reloads; the full build follows, and pages reload only when it changed them (or a
  stylesheet or script). A change to front matter, an image in the text, or anything the
  content checks would refuse goes straight to the full build.
- Search is indexed after the build, once the open page has reloaded.
- A broken file: the open page shows the build's error, exactly as printed here, over
  the last good build, which the server keeps serving; it clears when the file is fixed.
"""

import argparse
import copy
import functools
import http.server
import json
import logging
import os
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))

import practice_model  # noqa: E402
from content_contract.check import read_source  # noqa: E402
from content_reader.reader import cache_of, content_problems  # noqa: E402
from content_reader.render import render  # noqa: E402
from output_sync.sync import abandon_run, changed_files  # noqa: E402
from pelican import Pelican, signals  # noqa: E402
from pelican.generators import ArticlesGenerator  # noqa: E402
from pelican.log import init as init_logging  # noqa: E402
from pelican.settings import read_settings  # noqa: E402
from pelican.writers import Writer  # noqa: E402
from site_search.index import pages_in, settings_for, write_index  # noqa: E402
from watchfiles import watch  # noqa: E402

DEBOUNCE_MS = 30  # editors write a file in several steps within a few milliseconds
RELOAD_GRACE_S = 0.5  # how long the next build waits for the open page to reload first
KEPT_CHANGES = 100  # generations whose changed URLs are remembered (a page further behind reloads)
RESTARTS_ON = ("pelicanconf.py", "plugins")  # code this process has loaded


class Captured(logging.Handler):
    """The lines a build prints at error level or above, as the terminal shows them."""

    def __init__(self):
        super().__init__(logging.ERROR)
        self.lines = []

    def emit(self, record):
        self.lines.append(record.getMessage())


class Superseded(BaseException):
    """A newer save arrived: the build stops where it is and the next one starts at once.
    (Not an Exception: Pelican would log one raised while it reads a file and go on.)"""


class Preview:
    def __init__(self, content, output, cache=None):
        self.content, self.output = Path(content).resolve(), Path(output).resolve()
        self.cache = cache
        self.generation = 0
        self.error = None  # the last failed build's lines, until a build succeeds
        self.changed = threading.Condition()
        self.changes = {}  # generation: the URLs it changed (None: any page may have changed)
        self.streams = 0  # open pages listening to /__events
        self.last_connect = 0  # the generation the last page to connect was shown
        self.kept = None  # the last good build's generators, for the quick page
        self._building = None
        self.saved = set()  # files saved since the running build started
        self.stoppable = False  # True while a full build runs, which a newer save then stops
        signals.all_generators_finalized.connect(self._note_generators, weak=False)
        # Pelican signals each file it reads and writes: there a build can stop for a newer save.
        for signal in (signals.article_generator_context, signals.page_generator_context, signals.content_written):
            signal.connect(self._checkpoint, weak=False)

    def _note_generators(self, generators):
        self._building = generators

    def _checkpoint(self, *args, **kwargs):
        if self.stoppable and self.saved:
            raise Superseded

    def note_saved(self, paths):
        """From the watcher: files were saved (the builder thread takes them up)."""
        with self.changed:
            self.saved.update(paths)
            self.changed.notify_all()

    def keep_building(self):
        """The builder thread: for each batch of saves, the quick page, then the full build."""
        while True:
            with self.changed:
                while not self.saved:
                    self.changed.wait()
                paths, self.saved = sorted(self.saved), set()
            print(f"-> changed: {', '.join(sorted({Path(p).name for p in paths}))}; rebuilding", flush=True)
            if len(paths) == 1 and paths[0].endswith(".md"):
                try:
                    self.quick_page(paths[0])
                except Exception as err:  # noqa: BLE001 - only a head start: the full build follows
                    print(f"-> no quick page ({err.__class__.__name__}: {err}); the full build", flush=True)
            self.build()

    def settings(self):
        # Search is left to index() below, after the page has reloaded; its bundles are kept.
        bundles = [p.name for p in self.output.glob("pagefind*")] if self.output.exists() else []
        return read_settings(str(ROOT / "pelicanconf.py"), override={
            "PATH": str(self.content), "OUTPUT_PATH": str(self.output), "LIVE_RELOAD": True,
            "SITE_SEARCH": False, "CITY_PAGES_REPORT": "", "OUTPUT_RETENTION": [".git", "CNAME", *bundles],
            **({"CACHE_PATH": str(self.cache)} if self.cache else {})})

    def build(self):
        started = time.monotonic()
        captured = Captured()
        logging.getLogger().addHandler(captured)
        self._building = None
        changed = pelican = None
        try:
            settings = self.settings()
            pelican = Pelican(settings)
            self.stoppable = True
            pelican.run()
            ok = True
            changed = changed_files(pelican)
        except Superseded:
            abandon_run(pelican)
            print("-> saved again: this build stops, the next one starts", flush=True)
            return None
        except SystemExit:  # the content checks stopped the build; the lines are captured
            ok = False
        except Exception as err:  # noqa: BLE001 - a preview reports any failure and keeps serving
            captured.lines.append(f"{err.__class__.__name__}: {err}")
            logging.getLogger(__name__).error("%s: %s", err.__class__.__name__, err)
            ok = False
        finally:
            self.stoppable = False
            logging.getLogger().removeHandler(captured)
        if not ok and pelican is not None:
            abandon_run(pelican)
        self.kept = self._building if ok else None
        self._building = None
        with self.changed:
            if ok:
                self.generation += 1
                self.changes[self.generation] = None if changed is None else pages_of(changed)
                self.changes.pop(self.generation - KEPT_CHANGES, None)
                self.error = None
            else:
                self.error = "\n".join(captured.lines) or "The build failed; see the terminal."
            self.changed.notify_all()
        took = time.monotonic() - started
        if ok:
            print(f"-> build {self.generation} ready in {took:.2f} s", flush=True)
            if changed != []:
                self.let_pages_reload(self.generation)
            if not self.saved:  # a newer save is built first, then indexed
                self.index(settings)
        else:
            print("-> the build failed (see above); still serving the last good build", flush=True)
        return ok

    def index(self, settings):
        conf = settings_for({**settings, "SITE_SEARCH": True})
        started = time.monotonic()
        write_index(self.output, pages_in(self.output), Path(settings["CACHE_PATH"], "search"), conf.pages_per_part)
        print(f"-> search indexed in {time.monotonic() - started:.2f} s", flush=True)

    def quick_page(self, path):
        """The page of an article whose text alone changed, written into the output at once
        from the last good build; its URL, or None when the full build must come first."""
        generator = next((g for g in self.kept or () if isinstance(g, ArticlesGenerator)), None)
        if generator is None or self.error:
            return None
        path = Path(path).resolve()
        if not path.is_file():  # deleted: the full build takes the page away
            return None
        drafts = [*generator.drafts, *generator.drafts_translations]
        shown = next((a for a in [*generator.articles, *generator.translations, *generator.hidden_articles,
                                  *generator.hidden_translations, *drafts]
                      if os.path.abspath(a.source_path) == str(path)), None)  # the content path is resolved
        before = practice_model.build_of(generator).source(shown.source_path) if shown else None
        if before is None or before.front_matter is None:
            return None
        now = read_source(before.collection, path)
        if now.front_matter is None or now.front_matter.meta != before.front_matter.meta:
            return None  # front matter reaches lists, tags and feeds: the full build
        content, _, _, checks = render(now.front_matter, cache_of(generator.settings).config)
        if "<img" in content or content_problems(now, checks, generator.settings["PATH"]):
            return None  # images are made, and problems reported, by the full build
        page = copy.copy(shown)  # a new object, so Pelican's memo of the old content is not used
        page._content = content
        # As ArticlesGenerator.generate_articles and generate_drafts write it (Pelican 4.12).
        extra = {"all_articles": generator.articles} if shown in drafts else {}
        Writer(str(self.output), settings=generator.settings).write_file(
            page.save_as, generator.get_template(page.template), generator.context,
            relative_urls=generator.settings["RELATIVE_URLS"], article=page,
            category=getattr(page, "category", None), override_output=hasattr(page, "override_save_as"),
            url=page.url, blog=True, **extra)
        url = "/" + page.url.removesuffix("index.html")
        with self.changed:
            self.generation += 1
            self.changes[self.generation] = [url]
            self.changes.pop(self.generation - KEPT_CHANGES, None)
            self.changed.notify_all()
        print(f"-> {url} shown; now the full build", flush=True)
        self.let_pages_reload(self.generation)
        return url

    def let_pages_reload(self, generation):
        """When a page is open, gives it a moment to reload before the next build takes the CPU."""
        deadline = time.monotonic() + RELOAD_GRACE_S
        with self.changed:
            while self.streams and self.last_connect < generation and time.monotonic() < deadline:
                self.changed.wait(timeout=max(0.0, deadline - time.monotonic()))

    def changed_since(self, generation):
        """The URLs changed after `generation` (None: any page may have)."""
        urls = set()
        for later in range(generation + 1, self.generation + 1):
            if self.changes.get(later) is None:
                return None
            urls.update(self.changes[later])
        return sorted(urls)

    def state(self):
        return {"generation": self.generation, "error": self.error}


def pages_of(files):
    """The URLs of written files: a folder's index.html is the folder."""
    return ["/" + f.removesuffix("index.html") for f in files]


def handler_for(preview):
    class Handler(http.server.SimpleHTTPRequestHandler):
        def do_GET(self):
            if self.path.startswith("/__events"):
                return self.events()
            if self.path.startswith("/__live_reload"):  # for scripts and tests: the state, once
                body = json.dumps({**preview.state(), "changed": preview.changes.get(preview.generation)}).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
                return None
            return super().do_GET()

        def events(self):
            """Server-sent events: 'state' now, then each time a build ends."""
            self.send_response(200)
            self.send_header("Content-Type", "text/event-stream")
            self.end_headers()
            seen = None
            with preview.changed:
                preview.streams += 1
                preview.last_connect = max(preview.last_connect, preview.generation)
                preview.changed.notify_all()
            try:
                while True:
                    with preview.changed:
                        state = preview.state()
                        if state == seen:
                            preview.changed.wait(timeout=15)
                            state = preview.state()
                        # What changed since this page last heard, so that it reloads only for itself.
                        changed = (preview.changed_since(seen["generation"]) if seen else None)
                    message = (f"event: state\ndata: {json.dumps({**state, 'changed': changed})}\n\n"
                               if state != seen else ": still here\n\n")  # a comment keeps it open
                    self.wfile.write(message.encode())
                    self.wfile.flush()
                    seen = state
            except (BrokenPipeError, ConnectionResetError):
                return
            finally:
                with preview.changed:
                    preview.streams -= 1

        def end_headers(self):
            self.send_header("Cache-Control", "no-store")
            super().end_headers()

        def log_message(self, *args):
            pass

    return functools.partial(Handler, directory=str(preview.output))


def main(argv=None):
    parser = argparse.ArgumentParser(description="Live preview of the site")
    parser.add_argument("--content", default=str(ROOT / "content"))
    parser.add_argument("--output", default=str(ROOT / "output"))
    parser.add_argument("--port", type=int, default=int(os.environ.get("PORT") or 8000))
    parser.add_argument("--cache", help="the caches' folder (default: CACHE_PATH of pelicanconf.py)")
    args = parser.parse_args(argv)
    os.chdir(ROOT)
    # Plain lines on the terminal, as `make html` prints them.
    init_logging(level=logging.WARNING, handler=logging.StreamHandler(sys.stderr), name="pelican")
    preview = Preview(args.content, args.output, args.cache)
    preview.build()
    preview.output.mkdir(parents=True, exist_ok=True)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", args.port), handler_for(preview))
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    threading.Thread(target=preview.keep_building, daemon=True).start()
    print(f"Serving the site at http://127.0.0.1:{args.port}/ (Ctrl-C to stop)", flush=True)
    watched = [str(preview.content), str(ROOT / "theme"), *(str(ROOT / p) for p in RESTARTS_ON)]
    try:
        for changes in watch(*watched, debounce=DEBOUNCE_MS, step=10):
            paths = sorted({p for _, p in changes})
            if any(Path(p).is_relative_to(ROOT / r) for p in paths for r in RESTARTS_ON):
                print("-> the settings or the plugins changed; restarting", flush=True)
                server.shutdown()
                os.execv(sys.executable, [sys.executable, *sys.argv])
            preview.note_saved(paths)
    except KeyboardInterrupt:
        pass
    finally:
        server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())

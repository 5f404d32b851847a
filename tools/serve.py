"""`make serve`: preview at http://127.0.0.1:8000 (`make serve PORT=8001`), rebuilt in one
Pelican process the moment a file is saved; the open page reloads itself.

- One process: each save runs the build again in this process (the caches are keyed by
  content, so only what changed is read again, and no state survives from one build to the
  next). A change to pelicanconf.py or to the plugins' code restarts the process.
- Push, not polling: pages built here load /theme/js/live-reload.js (from this server,
  so the site's Content-Security-Policy allows it), which listens to /__events (server-sent
  events, same origin) and reloads as soon as a build has been written.
- Search is indexed right after the page has been told to reload, not before.
- A broken file: the open page shows the build's error, exactly as printed here, over
  the last good build, which the server keeps serving; it clears when the file is fixed.
"""

import argparse
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

from pelican import Pelican  # noqa: E402
from pelican.log import init as init_logging  # noqa: E402
from pelican.settings import read_settings  # noqa: E402
from watchfiles import watch  # noqa: E402

from site_search.index import pages_in, settings_for, write_index  # noqa: E402

DEBOUNCE_MS = 30  # editors write a file in several steps within a few milliseconds
RESTARTS_ON = ("pelicanconf.py", "plugins")  # code this process has loaded


class Captured(logging.Handler):
    """The lines a build prints at error level or above, as the terminal shows them."""

    def __init__(self):
        super().__init__(logging.ERROR)
        self.lines = []

    def emit(self, record):
        self.lines.append(record.getMessage())


class Preview:
    def __init__(self, content, output, cache=None):
        self.content, self.output = Path(content).resolve(), Path(output).resolve()
        self.cache = cache
        self.generation = 0
        self.error = None  # the last failed build's lines, until a build succeeds
        self.changed = threading.Condition()

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
        try:
            settings = self.settings()
            Pelican(settings).run()
            ok = True
        except SystemExit:  # the content checks stopped the build; the lines are captured
            ok = False
        except Exception as err:  # noqa: BLE001 - a preview reports any failure and keeps serving
            captured.lines.append(f"{err.__class__.__name__}: {err}")
            logging.getLogger(__name__).error("%s: %s", err.__class__.__name__, err)
            ok = False
        finally:
            logging.getLogger().removeHandler(captured)
        with self.changed:
            if ok:
                self.generation += 1
                self.error = None
            else:
                self.error = "\n".join(captured.lines) or "The build failed; see the terminal."
            self.changed.notify_all()
        took = time.monotonic() - started
        if ok:
            print(f"-> build {self.generation} ready in {took:.2f} s", flush=True)
            self.index(settings)
        else:
            print("-> the build failed (see above); still serving the last good build", flush=True)
        return ok

    def index(self, settings):
        conf = settings_for({**settings, "SITE_SEARCH": True})
        started = time.monotonic()
        write_index(self.output, pages_in(self.output), Path(settings["CACHE_PATH"], "search"), conf.pages_per_part)
        print(f"-> search indexed in {time.monotonic() - started:.2f} s", flush=True)

    def state(self):
        return {"generation": self.generation, "error": self.error}


def handler_for(preview):
    class Handler(http.server.SimpleHTTPRequestHandler):
        def do_GET(self):
            if self.path.startswith("/__events"):
                return self.events()
            if self.path.startswith("/__live_reload"):  # for scripts and tests: the state, once
                body = json.dumps(preview.state()).encode()
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
            try:
                while True:
                    with preview.changed:
                        state = preview.state()
                        if state == seen:
                            preview.changed.wait(timeout=15)
                            state = preview.state()
                    message = (f"event: state\ndata: {json.dumps(state)}\n\n" if state != seen
                               else ": still here\n\n")  # a comment keeps the connection open
                    self.wfile.write(message.encode())
                    self.wfile.flush()
                    seen = state
            except (BrokenPipeError, ConnectionResetError):
                return

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
    print(f"Serving the site at http://127.0.0.1:{args.port}/ (Ctrl-C to stop)", flush=True)
    watched = [str(preview.content), str(ROOT / "theme"), *(str(ROOT / p) for p in RESTARTS_ON)]
    try:
        for changes in watch(*watched, debounce=DEBOUNCE_MS, step=10):
            paths = sorted({p for _, p in changes})
            if any(Path(p).is_relative_to(ROOT / r) for p in paths for r in RESTARTS_ON):
                print("-> the settings or the plugins changed; restarting", flush=True)
                server.shutdown()
                os.execv(sys.executable, [sys.executable, *sys.argv])
            print(f"-> changed: {', '.join(sorted({Path(p).name for p in paths}))}; rebuilding", flush=True)
            preview.build()
    except KeyboardInterrupt:
        pass
    finally:
        server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())

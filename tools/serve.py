"""`make serve`: preview at http://127.0.0.1:8000, rebuilt when content, theme,
plugins or settings change, and the open page reloads itself.

Live reload is ours rather than the `livereload` package's, whose inline script
the site's Content-Security-Policy rightly blocks: pages built here load
/theme/js/live-reload.js (from this server), which asks /__live_reload for the
build number and reloads when it changes. A broken file prints its error and the
server keeps serving the last good build.
"""

import argparse
import functools
import http.server
import subprocess
import sys
import threading
from pathlib import Path

from watchfiles import watch

ROOT = Path(__file__).resolve().parent.parent
WATCHED = ("content", "theme", "plugins", "pelicanconf.py")


class Preview:
    def __init__(self, content, output):
        self.content, self.output = Path(content), Path(output)
        self.generation = 0

    def build(self):
        # A full build each time: the caches (content, search parts, unchanged pages
        # left in place) make it quick, and the preview's search stays current.
        cmd = [sys.executable, "-m", "pelican", str(self.content), "-o", str(self.output),
               "-s", str(ROOT / "pelicanconf.py"), "-e", "LIVE_RELOAD=true", "--log-handler", "plain"]
        if subprocess.run(cmd, cwd=ROOT).returncode == 0:
            self.generation += 1
            print(f"-> build {self.generation} ready", flush=True)
        else:
            print("-> the build failed (see above); still serving the last good build", flush=True)


def handler_for(preview):
    class Handler(http.server.SimpleHTTPRequestHandler):
        def do_GET(self):
            if self.path.startswith("/__live_reload"):
                body = str(preview.generation).encode()
                self.send_response(200)
                self.send_header("Content-Type", "text/plain")
                self.send_header("Cache-Control", "no-store")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
                return
            super().do_GET()

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
    parser.add_argument("--port", type=int, default=8000)
    args = parser.parse_args(argv)
    preview = Preview(args.content, args.output)
    preview.build()
    Path(args.output).mkdir(parents=True, exist_ok=True)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", args.port), handler_for(preview))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(f"Serving the site at http://127.0.0.1:{args.port}/ (Ctrl-C to stop)", flush=True)
    watched = [str(Path(args.content).resolve())] + [str(ROOT / p) for p in WATCHED[1:]]
    try:
        for changes in watch(*watched, debounce=300, step=100):
            names = ", ".join(sorted({Path(p).name for _, p in changes}))
            print(f"-> changed: {names}; rebuilding", flush=True)
            preview.build()
    except KeyboardInterrupt:
        pass
    finally:
        server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())

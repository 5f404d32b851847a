"""Runs Pagefind (from the pagefind[bin] package) over the output folder."""

import subprocess
import sys


def index_site(pelican):
    if not pelican.settings.get("SITE_SEARCH", True):
        return
    result = subprocess.run(
        [sys.executable, "-m", "pagefind", "--site", pelican.output_path, "--silent"],
        capture_output=True, text=True, check=False,
    )
    if result.returncode != 0:
        print(result.stdout + result.stderr, file=sys.stderr)
        raise RuntimeError("Pagefind could not index the site")

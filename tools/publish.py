"""`make publish`: a production build that replaces output/ only when it is whole.

1. builds with publishconf.py into a fresh folder beside output/;
2. the build itself runs the content checks (and stops on any problem);
3. checks every internal link of the result;
4. only then swaps the new folder into output/ in one step.
A failure at any step leaves the previous output/ exactly as it was.
"""

import argparse
import ctypes
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from linkcheck import check_site  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
_RENAME_EXCHANGE = 2


def exchange(a, b):
    """Swap two paths in one step (Linux renameat2); elsewhere, two quick renames."""
    libc = ctypes.CDLL(None, use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is not None:
        at_fdcwd = -100
        if renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), _RENAME_EXCHANGE) == 0:
            return
    aside = f"{b}.previous"
    os.rename(b, aside)
    os.rename(a, b)
    os.rename(aside, a)


def publish(content, output, settings):
    siteurl = os.environ.get("SITEURL", "").rstrip("/")
    if not siteurl:
        print("SITEURL is not set: give the public address, e.g.\n"
              "  SITEURL=https://<user>.github.io/<repo> make publish", file=sys.stderr)
        return 2
    output = Path(output).resolve()
    output.parent.mkdir(parents=True, exist_ok=True)
    fresh = Path(tempfile.mkdtemp(prefix=f"{output.name}.new-", dir=output.parent))
    try:
        build = subprocess.run(
            [sys.executable, "-m", "pelican", str(content), "-o", str(fresh), "-s", str(settings),
             "--fatal", "warnings", "--log-handler", "plain"], cwd=ROOT)
        if build.returncode != 0:
            print(f"publish: the build failed; {output} was left as it was.", file=sys.stderr)
            return 1
        problems = check_site(fresh, siteurl)
        if problems:
            print("\n".join(problems), file=sys.stderr)
            print(f"publish: {len(problems)} broken internal link(s); {output} was left as it was.",
                  file=sys.stderr)
            return 1
        cname = os.environ.get("CNAME_DOMAIN", "").strip()
        if cname:
            (fresh / "CNAME").write_text(cname + "\n", encoding="utf-8")
        if output.exists():
            exchange(fresh, output)
            shutil.rmtree(fresh)
        else:
            fresh.rename(output)
        print(f"publish: {output} now holds the site for {siteurl}")
        return 0
    finally:
        if fresh.exists():
            shutil.rmtree(fresh)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--content", default=str(ROOT / "content"))
    parser.add_argument("--output", default=str(ROOT / "output"))
    parser.add_argument("--settings", default=str(ROOT / "publishconf.py"))
    args = parser.parse_args(argv)
    return publish(args.content, args.output, args.settings)


if __name__ == "__main__":
    sys.exit(main())

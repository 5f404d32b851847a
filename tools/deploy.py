"""`make github`: commits output/ to the gh-pages branch with ghp-import and pushes it.

Writes .nojekyll (GitHub Pages serves the files as they are); the CNAME file, when a
custom domain is set, is already in output/ (make publish); the commit message
names the source commit.
"""

import argparse
import subprocess
import sys
from pathlib import Path


def git(repo, *args):
    return subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True)


def deploy(output, repo, remote, branch, push):
    if not (Path(output) / "index.html").exists():
        print(f"deploy: {output} holds no site; run make publish first", file=sys.stderr)
        return 1
    source = git(repo, "rev-parse", "HEAD").stdout.strip() or "unknown"
    # Build on the published branch when there is one, so its history is kept.
    if git(repo, "ls-remote", "--exit-code", "--heads", remote, branch).returncode == 0:
        git(repo, "fetch", "--quiet", remote, f"+{branch}:{branch}")
    cmd = [sys.executable, "-m", "ghp_import", "--no-jekyll", "--branch", branch, "--remote", remote,
           "--message", f"Publish the site built from {source}"]
    if push:
        cmd.append("--push")
    result = subprocess.run(cmd + [str(Path(output).resolve())], cwd=repo)
    return result.returncode


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output")
    parser.add_argument("--repo", default=".")
    parser.add_argument("--remote", default="origin")
    parser.add_argument("--branch", default="gh-pages")
    parser.add_argument("--no-push", dest="push", action="store_false")
    args = parser.parse_args(argv)
    return deploy(args.output, args.repo, args.remote, args.branch, args.push)


if __name__ == "__main__":
    sys.exit(main())

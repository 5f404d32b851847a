"""`make bench`: what authors and CI feel, side by side with a yardstick in the same run.

- Save-to-screen: `make serve` on the site, an article open in Debian's Chromium; a
  script edits its Markdown; the clock runs until the page shows the new words by
  itself. On the real site and on the 1,000-article corpus.
- Warm build (one article changed) against Hugo (Debian's, installed when missing)
  building the same articles from nothing.
- Cold build against vanilla Pelican with typogrify, on the same articles.

Targets, read on the 1,000-article corpus (real site for the first): save-to-screen
<= 0.3 s (real site) and <= 1.0 s; warm / Hugo cold <= 1.0; ours cold / vanilla cold
<= 0.5; peak memory at 5,000 articles under 1 GB. Builds alternate (ours, yardstick,
ours, yardstick …); each figure is a median, each ratio a median of pair-by-pair
ratios. Figures, not asserts: the tests never time anything.

    python bench/run.py [--sizes 100 1000] [--repeats 3] [--plugin-size 100] [--no-typogrify] [--edits 7]
"""

import argparse
import json
import os
import platform
import re
import resource
import shutil
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
WORK = HERE / ".work"
sys.path.insert(0, str(HERE))

from corpus import write_corpus  # noqa: E402

PLUGIN_SWITCHES = {
    "city pages": {"CITY_PAGES": False},
    "structured data (JSON-LD)": {"STRUCTURED_DATA_JSONLD": False},
    "search index (Pagefind)": {"SITE_SEARCH": False},
}


def child_main(cmd):
    """Runs one build and reports its own wall time, CPU time and peak memory."""
    start = time.perf_counter()
    code = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE).returncode
    wall = time.perf_counter() - start
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(json.dumps({"code": code, "wall": wall, "cpu": usage.ru_utime + usage.ru_stime,
                      "peak_mb": usage.ru_maxrss / 1024}))


def measure(cmd, env=None):
    out = subprocess.run([sys.executable, __file__, "--child", json.dumps(cmd)], capture_output=True, text=True,
                         cwd=ROOT, env={**os.environ, **(env or {})})
    result = json.loads(out.stdout.strip().splitlines()[-1])
    if result["code"] != 0:
        raise SystemExit(f"build failed: {' '.join(cmd)}\n{out.stderr}")
    return result


def ours_cmd(content, output, cache, overrides=None, typogrify=True):
    settings = {"CITY_PAGES_REPORT": str(WORK / "city-report.txt"), "CACHE_PATH": str(cache),
                "CONTENT_READER_TYPOGRIFY": typogrify}
    settings.update(overrides or {})
    cmd = [sys.executable, "-m", "pelican", str(content), "-o", str(output), "-s", str(ROOT / "pelicanconf.py"),
           "--fatal", "warnings", "--log-handler", "plain", "-e"]
    return cmd + [f"{k}={json.dumps(v)}" for k, v in settings.items()]


def hugo_cmd(site, output):
    return [hugo(), "--source", str(site), "--destination", str(output), "--quiet"]


def hugo():
    """Debian's hugo, installed the first time (as `make test` installs Chromium)."""
    if not shutil.which("hugo"):
        subprocess.run(["apt-get", "install", "-y", "-qq", "hugo"], check=True, stdout=subprocess.DEVNULL)
    return shutil.which("hugo")


def vanilla_cmd(content, output):
    return [sys.executable, "-m", "pelican", str(content), "-o", str(output), "-s", str(HERE / "vanilla_conf.py")]


def cold(cmd, output, cache=None, env=None):
    """A build from nothing: no cache and no output folder from an earlier build."""
    for folder in (output, cache):
        if folder is not None and Path(folder).exists():
            shutil.rmtree(folder)
    return measure(cmd, env)


def median(runs, key):
    return statistics.median(r[key] for r in runs)


def show(label, runs):
    return (f"  {label:<34} {median(runs, 'wall'):7.2f} s wall {median(runs, 'cpu'):7.2f} s CPU "
            f"{median(runs, 'peak_mb'):7.0f} MB peak")


def touch_one_article(content):
    path = sorted((content / "articles").glob("article-*.md"))[0]
    path.write_text(path.read_text() + f"\nOne more sentence, written at {time.time()}.\n")


def bench_size(n, repeats, typogrify):
    folder = WORK / f"corpus-{n}"
    ours, vanilla = write_corpus(folder, n)
    cache = folder / "cache"
    env = {"BENCH_TYPOGRIFY": "1" if typogrify else "0"}
    runs = {"ours": [], "vanilla": [], "warm": [], "hugo": []}
    for _ in range(repeats):
        runs["ours"].append(cold(ours_cmd(ours, folder / "out-ours", cache, typogrify=typogrify), folder / "out-ours",
                                 cache))
        runs["vanilla"].append(cold(vanilla_cmd(vanilla, folder / "out-vanilla"), folder / "out-vanilla", env=env))
        touch_one_article(ours)
        runs["warm"].append(measure(ours_cmd(ours, folder / "out-ours", cache, typogrify=typogrify)))
        runs["hugo"].append(cold(hugo_cmd(folder / "hugo", folder / "out-hugo"), folder / "out-hugo"))
    ratio = statistics.median(o["wall"] / v["wall"] for o, v in zip(runs["ours"], runs["vanilla"]))
    warm = statistics.median(w["wall"] / o["wall"] for w, o in zip(runs["warm"], runs["ours"]))
    against_hugo = statistics.median(w["wall"] / h["wall"] for w, h in zip(runs["warm"], runs["hugo"]))
    at = n == 1000
    return [f"{n} articles, typogrify {'on' if typogrify else 'off'}, {repeats} pairs:",
            show("ours, cold", runs["ours"]), show("vanilla Pelican, cold", runs["vanilla"]),
            show("ours, warm (one article changed)", runs["warm"]), show("Hugo, cold", runs["hugo"]),
            f"  ours cold / vanilla cold (median of pairs): {ratio:.2f}" + ("  (target <= 0.50)" if at else ""),
            f"  ours warm / Hugo cold (median of pairs):    {against_hugo:.2f}" + ("  (target <= 1.00)" if at else ""),
            f"  ours warm / ours cold (median of pairs):    {warm:.2f}"]


def save_to_screen(content, label, edits, cache):
    """Median seconds from a saved edit to the open page showing it, with `make serve`."""
    from playwright.sync_api import sync_playwright

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    output = WORK / f"serve-{label}"
    log = open(WORK / f"serve-{label}.log", "w")
    server = subprocess.Popen([sys.executable, str(ROOT / "tools" / "serve.py"), "--content", str(content),
                               "--output", str(output), "--port", str(port), "--cache", str(cache)],
                              cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)
    article = content / "articles" / "what-makes-good-therapy.md"
    original = article.read_text(encoding="utf-8")
    times = []
    try:
        deadline = time.monotonic() + 600
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/__live_reload", timeout=2) as r:
                    if json.loads(r.read())["generation"] >= 1:
                        break
            except OSError:
                time.sleep(0.2)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=[
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic"])
            page = browser.new_page()
            page.goto(f"http://127.0.0.1:{port}/blog/what-makes-good-therapy/", wait_until="load")
            for i in range(edits):
                page.wait_for_timeout(700)  # the page has settled and listens again
                token = f"Saved-{i}-{int(time.time() * 1000)}"
                start = time.perf_counter()
                article.write_text(original.replace("## Introduction", f"## Introduction\n\n{token} words."),
                                   encoding="utf-8")
                page.wait_for_selector(f"text={token}", timeout=60000)
                times.append(time.perf_counter() - start)
            browser.close()
        # The full build that follows the quick page, once no newer save stops it.
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and "search indexed" not in (WORK / f"serve-{label}.log").read_text() \
                .rsplit("rebuilding", 1)[-1]:
            time.sleep(0.2)
    finally:
        article.write_text(original, encoding="utf-8")
        server.terminate()
        server.wait(timeout=20)
        log.close()
    text = (WORK / f"serve-{label}.log").read_text()
    builds = [float(t) for n, t in re.findall(r"-> build (\d+) ready in ([\d.]+) s", text) if n != "1"]
    return times, builds, text.count("this build stops")


def bench_save_to_screen(edits):
    real = WORK / "real-copy"
    if real.exists():
        shutil.rmtree(real)
    shutil.copytree(ROOT / "content", real)
    lines = [f"Save to screen (make serve, Chromium, {edits} edits each, median):"]
    for label, content, target in (("real site", real, 0.3),
                                   ("1,000 articles", write_corpus(WORK / "corpus-serve", 1000)[0], 1.0)):
        times, builds, stopped = save_to_screen(content, label.replace(",", "").replace(" ", "-"), edits,
                                                WORK / f"cache-{label[:4]}")
        lines.append(f"  {label:<34} {statistics.median(times):7.2f} s  (fastest {min(times):.2f}, slowest "
                     f"{max(times):.2f}; target <= {target} s)")
        if builds:
            lines.append(f"    then the full build in the preview: {statistics.median(builds):.2f} s median of "
                         f"{len(builds)}; {stopped} stopped by a newer save")
    return lines


def bench_plugins(n, repeats):
    folder = WORK / f"corpus-{n}"
    ours, _ = write_corpus(folder, n)
    cache = folder / "cache"
    lines = [f"Cost of each plugin, {n} articles, cold builds, {repeats} pairs (on minus off):"]
    for label, override in PLUGIN_SWITCHES.items():
        on, off = [], []
        for _ in range(repeats):
            on.append(cold(ours_cmd(ours, folder / "out-on", cache), folder / "out-on", cache))
            off.append(cold(ours_cmd(ours, folder / "out-off", cache, override), folder / "out-off", cache))
        delta = statistics.median(a["wall"] - b["wall"] for a, b in zip(on, off))
        lines.append(f"  {label:<32} {delta:+6.2f} s  (on {median(on, 'wall'):.2f} s, off {median(off, 'wall'):.2f} s)")
    return lines


def bench_real_site(repeats):
    cache = WORK / "real-cache"
    runs = [cold(ours_cmd(ROOT / "content", WORK / "out-real", cache), WORK / "out-real", cache)
            for _ in range(repeats)]
    return ["The practice's real site:", show("cold build", runs) + "  (target < 3 s)"]


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--child")
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--plugin-size", type=int, default=100)
    parser.add_argument("--no-typogrify", action="store_true")
    parser.add_argument("--edits", type=int, default=7)
    parser.add_argument("--no-plugins", action="store_true", help="skip the cost of each plugin")
    args = parser.parse_args(argv)
    if args.child:
        return child_main(json.loads(args.child))
    WORK.mkdir(exist_ok=True)
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
          f"{time.strftime('%Y-%m-%d')}")
    report = bench_real_site(args.repeats)
    report += bench_save_to_screen(args.edits)
    for n in args.sizes:
        report += bench_size(n, args.repeats, not args.no_typogrify)
    if not args.no_plugins:
        report += bench_plugins(args.plugin_size, args.repeats)
    print("\n".join(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())

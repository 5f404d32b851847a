"""`make bench`: our build against vanilla Pelican on the same corpus, side by side.

Targets (issue 8), shown on the 1,000-article corpus: cold no slower than vanilla
with typogrify (set for that corpus); a warm rebuild at most 0.35 of cold (read
there too: on 100 articles the fixed cost of any build, starting Python and
Pelican and writing the 96 city pages, is most of a warm build).

Builds alternate (ours, vanilla, ours, vanilla …) in one run on one machine, and
each figure is a median over the repeats with the ratio taken pair by pair. Also
measured: a warm rebuild after one article changes, each of our plugins on and
off, and the real site. Figures, not asserts: the tests never time anything.

    python bench/run.py [--sizes 100 1000] [--repeats 3] [--plugin-size 100] [--no-typogrify]
"""

import argparse
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
WORK = HERE / ".work"
sys.path.insert(0, str(HERE))

from corpus import write_corpus  # noqa: E402

PLUGIN_SWITCHES = {
    "validation (content_contract)": {"PLUGINS": "drop:content_contract"},
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


def our_plugins():
    sys.path.insert(0, str(ROOT))
    import pelicanconf

    return list(pelicanconf.PLUGINS)


def ours_cmd(content, output, cache, overrides=None, typogrify=True):
    settings = {"CITY_PAGES_REPORT": str(WORK / "city-report.txt"), "CACHE_PATH": str(cache),
                "CONTENT_READER_TYPOGRIFY": typogrify}
    for key, value in (overrides or {}).items():
        if value == "drop:content_contract":
            settings["PLUGINS"] = [p for p in our_plugins() if p != "content_contract"]
        else:
            settings[key] = value
    cmd = [sys.executable, "-m", "pelican", str(content), "-o", str(output), "-s", str(ROOT / "pelicanconf.py"),
           "--fatal", "warnings", "-e"]
    return cmd + [f"{k}={json.dumps(v)}" for k, v in settings.items()]


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
    runs = {"ours": [], "vanilla": [], "warm": []}
    for _ in range(repeats):
        runs["ours"].append(cold(ours_cmd(ours, folder / "out-ours", cache, typogrify=typogrify), folder / "out-ours",
                                 cache))
        runs["vanilla"].append(cold(vanilla_cmd(vanilla, folder / "out-vanilla"), folder / "out-vanilla", env=env))
        touch_one_article(ours)
        runs["warm"].append(measure(ours_cmd(ours, folder / "out-ours", cache, typogrify=typogrify)))
    ratio = statistics.median(o["wall"] / v["wall"] for o, v in zip(runs["ours"], runs["vanilla"]))
    warm = statistics.median(w["wall"] / o["wall"] for w, o in zip(runs["warm"], runs["ours"]))
    lines = [f"{n} articles, typogrify {'on' if typogrify else 'off'}, {repeats} pairs:",
             show("ours, cold", runs["ours"]), show("vanilla Pelican, cold", runs["vanilla"]),
             show("ours, warm (one article changed)", runs["warm"]),
             f"  ours / vanilla, cold (median of pairs): {ratio:.2f}" + ("  (target <= 1.00)" if n == 1000 else ""),
             f"  warm / cold, ours (median of pairs):    {warm:.2f}" + ("  (target <= 0.35)" if n == 1000 else ""),
             "  (make serve rebuilds the same way as the warm build)"]
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
    args = parser.parse_args(argv)
    if args.child:
        return child_main(json.loads(args.child))
    WORK.mkdir(exist_ok=True)
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
          f"{time.strftime('%Y-%m-%d')}")
    report = bench_real_site(args.repeats)
    for n in args.sizes:
        report += bench_size(n, args.repeats, not args.no_typogrify)
    report += bench_plugins(args.plugin_size, args.repeats)
    print("\n".join(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())

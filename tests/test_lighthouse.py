"""Lighthouse (npm, pinned in tools/lighthouse) with Debian's Chromium: 100 in performance,
accessibility, best practices and SEO on the main page types of a production build,
served on 127.0.0.1 at the address it was built for."""

import json
import os
import subprocess
from pathlib import Path

import pytest

from tests.sitebuild import CONTENT, ROOT, run_pelican
from tests.test_browser import CHROMIUM, serving

pytestmark = pytest.mark.browser

LIGHTHOUSE = ROOT / "tools" / "lighthouse" / "node_modules" / ".bin" / "lighthouse"
PAGES = {"home": "", "article": "blog/what-makes-good-therapy/", "profile": "therapists/james-mccracken/",
         "therapists": "therapists/", "city": "therapy/asheville-nc/", "crisis": "crisis-help/", "fees": "fees/"}
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


@pytest.fixture(scope="module")
def production(tmp_path_factory):
    base = tmp_path_factory.mktemp("lighthouse")
    output = base / "output"
    output.mkdir()
    with serving(output) as origin:
        build = run_pelican(CONTENT, output, settings="publishconf.py", env={"SITEURL": origin.rstrip("/")},
                            overrides={"SITE_SEARCH": True})
        assert build.returncode == 0, build.stderr
        yield origin, base


def failing_audits(report):
    found = []
    for name, category in report["categories"].items():
        for ref in category["auditRefs"]:
            audit = report["audits"][ref["id"]]
            if ref.get("weight", 0) > 0 and audit.get("score") is not None and audit["score"] < 1:
                found.append(f"{name}: {ref['id']} ({audit.get('displayValue') or audit['title']})")
    return found


def lighthouse(url, report_path):
    result = subprocess.run(
        [str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={report_path}",
         f"--only-categories={','.join(CATEGORIES)}", "--chrome-flags=--headless=new --no-sandbox --disable-gpu"],
        capture_output=True, text=True, timeout=240, env={**os.environ, "CHROME_PATH": CHROMIUM})
    assert result.returncode == 0, result.stderr[-2000:]
    return json.loads(Path(report_path).read_text())


@pytest.mark.parametrize("name", PAGES)
def test_lighthouse_scores_100_in_every_category(production, name):
    assert LIGHTHOUSE.exists(), "make test installs Lighthouse (tools/system-deps.sh)"
    origin, base = production
    report = lighthouse(origin + PAGES[name], base / f"{name}.json")
    scores = {k: report["categories"][k]["score"] for k in CATEGORIES}
    # Performance is timed on a shared, noisy machine (and beside the other test worker):
    # the best of up to five runs counts (the other categories do not depend on timing and
    # count from the first). A page that is slow every time still fails.
    for attempt in range(4):
        if scores["performance"] == 1:
            break
        again = lighthouse(origin + PAGES[name], base / f"{name}-{attempt}.json")
        if again["categories"]["performance"]["score"] > scores["performance"]:
            report, scores["performance"] = again, again["categories"]["performance"]["score"]
    assert scores == dict.fromkeys(CATEGORIES, 1), (scores, failing_audits(report))

"""Every built page in Debian's Chromium, driven by Playwright, on 127.0.0.1: every axe-core
rule (WCAG 2.1 A/AA and best practices) in the light and the dark scheme, no request to
another host, no console error, every internal link answering 200, nothing scrolling
sideways at 320 px or at 200% zoom, screenshots of every page type, and search."""

import contextlib
import functools
import http.server
import threading
import urllib.request
from pathlib import Path
from urllib.parse import urljoin, urlparse

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import sync_playwright

from tests.html_read import read_page
from tests.sitebuild import ROOT

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
ARTIFACTS = ROOT / "test-artifacts" / "screenshots"
# One page of every type the design covers.
SHOTS = {"home": "", "article": "blog/what-makes-good-therapy/", "profile": "therapists/james-mccracken/",
         "therapists": "therapists/", "city": "therapy/asheville-nc/", "office-city": "therapy/durham-nc/",
         "area": "therapy/areas/durham-chapel-hill-nc/", "crisis": "crisis-help/", "fees": "fees/",
         "getting-started": "getting-started/", "articles": "blog/", "search": "search/",
         "services": "services/", "service": "services/discernment-counseling/"}


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@contextlib.contextmanager
def serving(directory):
    handler = functools.partial(QuietHandler, directory=str(directory))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_port}/"
    finally:
        httpd.shutdown()


@pytest.fixture(scope="module")
def server(real_site):
    with serving(real_site.output) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    assert Path(CHROMIUM).exists(), "Debian's chromium is needed: make test installs it (tools/system-deps.sh)"
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                  "--disable-sync", "--no-first-run", "--disable-quic"])
        yield browser
        browser.close()


def site_urls(real_site):
    urls = []
    for path in sorted(real_site.output.rglob("*.html")):
        rel = path.relative_to(real_site.output)
        if "pagefind" in rel.parts:
            continue
        urls.append(str(rel)[: -len("index.html")] if rel.name == "index.html" else str(rel))
    return urls


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_page_passes_every_axe_rule_is_private_and_error_free(real_site, server, browser, scheme):
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    foreign, errors = [], []
    page.on("request", lambda r: urlparse(r.url).hostname != "127.0.0.1" and foreign.append(r.url))
    page.on("console", lambda m: m.type == "error" and errors.append(f"{page.url}: {m.text}"))
    page.on("pageerror", lambda e: errors.append(f"{page.url}: {e}"))
    axe = Axe()
    violations, tags = [], set()
    urls = site_urls(real_site)
    assert len(urls) > 140
    for url in urls:
        response = page.goto(server + url, wait_until="load")
        assert response.status == 200, url
        # Every rule axe has (best practices included), not only the WCAG-tagged ones.
        result = axe.run(page, options={"resultTypes": ["violations"]})
        tags.update(t for rule in result.response["passes"] for t in rule["tags"])
        for v in result.response["violations"]:
            violations.append(f"{url}: {v['id']}: {v['help']} ({len(v['nodes'])}: {v['nodes'][0]['target']})")
    context.close()
    assert {"best-practice", "wcag2a", "wcag2aa"} <= tags  # the rules that ran
    assert not violations, "\n".join(violations)
    assert not foreign, foreign
    assert not errors, "\n".join(errors)


def test_every_internal_link_and_asset_answers_200_and_every_fragment_exists(real_site, server):
    checked, failures = set(), []
    for url in site_urls(real_site):
        reader = read_page((real_site.output / (url + "index.html" if url.endswith("/") or not url else url))
                           .read_text(encoding="utf-8"))
        for tag, _, link in reader.links:
            absolute = urljoin(server + url, link)
            parsed = urlparse(absolute)
            if parsed.hostname != "127.0.0.1" or parsed.scheme not in ("http", "https"):
                continue
            target = absolute.split("#")[0]
            if target not in checked:
                checked.add(target)
                try:
                    status = urllib.request.urlopen(target, timeout=10).status
                except urllib.error.HTTPError as err:
                    status = err.code
                if status != 200:
                    failures.append(f"{url}: {link}: HTTP {status}")
            if parsed.fragment:
                html = urllib.request.urlopen(target, timeout=10).read().decode()
                if parsed.fragment not in read_page(html).ids:
                    failures.append(f"{url}: {link}: no #{parsed.fragment}")
    assert len(checked) > 140
    assert not failures, "\n".join(failures)


# Every element that clips its content and holds more than it shows: text cut off.
CUT_OFF = """() => [...document.querySelectorAll('body *')].filter(e => {
  const style = getComputedStyle(e);
  return ['hidden', 'clip'].includes(style.overflowX) && e.scrollWidth > e.clientWidth + 1
    && !e.classList.contains('visually-hidden') && e.getClientRects().length;
}).map(e => e.tagName.toLowerCase() + '.' + e.className)"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [360, 768, 1280])
def test_screenshots_of_every_page_type_fit_the_screen(server, browser, width, scheme):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme)
    page = context.new_page()
    for name, url in SHOTS.items():
        page.goto(server + url, wait_until="networkidle" if url == "search/" else "load")
        page.screenshot(path=str(ARTIFACTS / f"{name}-{width}-{scheme}.png"), full_page=True)
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, f"{url} scrolls sideways at {width}px"
        crisis = page.locator("aside.crisis a[href='tel:988']").first
        assert crisis.is_visible(), f"crisis help visible on {url} at {width}px"
    context.close()


# 320 CSS px is a 1280 px window at 400% zoom (WCAG's reflow); 640 is the same window at 200%.
@pytest.mark.parametrize("width", [320, 640])
def test_nothing_scrolls_sideways_or_is_cut_off_at_320_px_and_at_200_percent_zoom(real_site, server, browser, width):
    page = browser.new_page(viewport={"width": width, "height": 700})
    failures = []
    for url in site_urls(real_site):
        page.goto(server + url, wait_until="load")
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        if overflow > 0:
            failures.append(f"{url}: scrolls {overflow}px sideways")
        failures += [f"{url}: {what} is cut off" for what in page.evaluate(CUT_OFF)]
    page.close()
    assert not failures, "\n".join(failures[:20])


def test_an_article_prints_with_its_byline_and_the_crisis_line_and_no_navigation(server, browser):
    page = browser.new_page()
    page.goto(server + SHOTS["article"])
    page.emulate_media(media="print")
    assert not page.locator(".site-header nav").is_visible()
    assert not page.locator(".site-footer nav").is_visible()
    assert page.locator(".byline").is_visible() and page.locator("h1").is_visible()
    assert page.locator("aside.crisis a[href='tel:988']").first.is_visible()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.pdf(path=str(ARTIFACTS / "article-print.pdf"))
    page.close()


def test_keyboard_user_can_skip_to_main_content(server, browser):
    page = browser.new_page()
    page.goto(server + "blog/what-makes-good-therapy/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to main content"
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline == "solid", "focus is visible"
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#main"
    page.close()


def search_first_result(server, browser, query):
    page = browser.new_page()
    errors = []
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    page.goto(server + "search/")
    page.fill(".pagefind-ui__search-input", query)
    # The results are final once Pagefind says how many it found for this query (it shows
    # earlier ones while the index's parts load); then the list must hold still.
    page.locator(".pagefind-ui__message", has_text=query).wait_for(timeout=15000)
    first = page.locator(".pagefind-ui__result-link").first
    first.wait_for(timeout=15000)
    found = None
    for _ in range(50):
        now = first.inner_text().replace("\xa0", " "), first.get_attribute("href")
        if now == found:
            break
        found = now
        page.wait_for_timeout(200)
    page.close()
    assert not errors, errors
    return found


def test_search_finds_the_article_for_countertransference(server, browser):
    title, href = search_first_result(server, browser, "countertransference")
    assert title == "What Makes “Good Therapy”?"
    assert href.endswith("/blog/what-makes-good-therapy/")


def test_search_across_an_index_in_several_parts(browser, tmp_path):
    from tests.sitebuild import CONTENT, run_pelican

    build = run_pelican(CONTENT, tmp_path / "out", overrides={"SITE_SEARCH": True, "SITE_SEARCH_PAGES_PER_PART": 30})
    assert build.returncode == 0, build.stderr
    with serving(build.output) as server:
        assert search_first_result(server, browser, "countertransference")[0] == "What Makes “Good Therapy”?"
        title, href = search_first_result(server, browser, "Wilmington")
        assert "Wilmington" in title and "/therapy/" in href


def test_search_page_without_javascript_points_to_the_archives(server, browser):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(server + "search/")
    archives = page.locator("main a[href='/blog/']", has_text="all articles")
    assert archives.count() == 1 and archives.is_visible()
    assert page.locator(".pagefind-ui__search-input").count() == 0
    context.close()


FIRST_VISIT_BUDGET = 100 * 1024


def test_a_first_visit_to_any_page_transfers_at_most_100_kb_fonts_and_images_included(real_site, server, browser):
    import gzip

    heaviest = (0, "")
    context = browser.new_context()
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})  # every visit is a first visit
    sizes, kinds = [], set()
    page.on("requestfinished", lambda r: (kinds.add(r.resource_type), sizes.append(
        len(gzip.compress(r.response().body(), mtime=0)))))
    for url in site_urls(real_site):
        sizes.clear()
        page.goto(server + url, wait_until="networkidle" if url == "search/" else "load")
        total = sum(sizes)
        heaviest = max(heaviest, (total, url))
        assert total <= FIRST_VISIT_BUDGET, f"{url}: {total} bytes compressed on a first visit"
    context.close()
    assert "font" in kinds  # the fonts were fetched, and counted
    print(f"heaviest first visit: {heaviest[1]} at {heaviest[0]} bytes compressed")

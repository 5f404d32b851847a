"""The therapist finder on /therapists/, in Chromium: it narrows at once with JavaScript, keeps
the choice in the URL (which reloads to the same list), and without JavaScript shows the
complete list, grouped. Fixture therapists only."""

import pytest

from plugins.services.tests.test_services import FILES
from tests.sitebuild import build_site
from tests.test_browser import browser, serving  # noqa: F401 - the browser fixture

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    build = build_site(tmp_path_factory.mktemp("finder"), FILES)
    assert build.returncode == 0, build.stderr
    with serving(build.output) as url:
        yield url


def shown(page):
    return [name.strip() for name in page.locator("#therapist-list > li:visible h2").all_inner_texts()]


EVERYONE = ["James McCracken, LCSW", "Ben Okafor, LCMHC", "Ana Ruiz, LMFT"]


def test_the_finder_narrows_at_once_and_the_url_keeps_the_choice(server, browser):  # noqa: F811
    page = browser.new_page()
    page.goto(server + "therapists/")
    assert shown(page) == EVERYONE
    page.select_option("#find-service", "family-therapy")
    assert shown(page) == ["Ben Okafor, LCMHC", "Ana Ruiz, LMFT"]
    page.select_option("#find-sees", "children")
    assert shown(page) == ["Ben Okafor, LCMHC"]
    assert page.url.endswith("/therapists/?service=family-therapy&sees=children")
    assert page.locator("#finder-count").inner_text() == "Showing 1 of 3 therapists."
    page.reload()
    assert shown(page) == ["Ben Okafor, LCMHC"]
    assert page.locator("#find-sees").input_value() == "children"
    page.select_option("#find-accepting", "yes")  # Ben is not accepting: nobody matches
    assert shown(page) == [] and page.locator("#finder-none").is_visible()
    page.click("button[type=reset]")
    page.wait_for_timeout(50)
    assert shown(page) == EVERYONE and page.url.endswith("/therapists/")
    page.close()


@pytest.mark.parametrize("query, names", [
    ("?where=in-person", ["Ana Ruiz, LMFT"]),
    ("?language=spanish", ["Ana Ruiz, LMFT"]),
    ("?accepting=unknown", ["James McCracken, LCSW"]),
    ("?service=couples-therapy&where=online", ["Ana Ruiz, LMFT"]),
    ("?service=no-such-service", EVERYONE),  # a choice the list does not offer is ignored
])
def test_a_shared_filtered_url_opens_on_the_same_list(server, browser, query, names):  # noqa: F811
    page = browser.new_page()
    page.goto(server + "therapists/" + query)
    assert shown(page) == names
    page.close()


def test_without_javascript_the_list_is_complete_and_grouped(server, browser):  # noqa: F811
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(server + "therapists/?service=couples-therapy")
    assert shown(page) == EVERYONE
    assert not page.locator("#finder").is_visible()
    groups = page.locator("section.groups")
    assert groups.locator("h3").all_inner_texts() == ["Child and teen therapy", "Couples therapy", "Family therapy"]
    assert "Ana Ruiz, LMFT" in groups.inner_text()
    context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_finder_passes_every_axe_rule(server, browser, scheme):  # noqa: F811
    from axe_playwright_python.sync_playwright import Axe

    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    page.goto(server + "therapists/?sees=couples")
    assert page.locator("#finder").is_visible()
    result = Axe().run(page, options={"resultTypes": ["violations"]})
    assert not [f"{v['id']}: {v['nodes'][0]['target']}" for v in result.response["violations"]]
    context.close()

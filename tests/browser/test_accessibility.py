"""axe-core (bundled by axe-playwright-python, so it runs offline) finds no WCAG 2.2 AA
violation on any kind of public page, in the state a reader meets it."""

import pytest

from tests.support.accessibility import assert_no_violations
from tests.support.browser_steps import DESKTOP, PAGE_TYPES, PHONE, SITE_PAGE_TYPES


@pytest.mark.parametrize("name", PAGE_TYPES)
def test_page_has_no_accessibility_violations(page, live_server, name):
    PAGE_TYPES[name](page, live_server.url)

    assert_no_violations(page)


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["360px", "1280px"])
@pytest.mark.parametrize("name", ["home", *SITE_PAGE_TYPES])
def test_home_and_site_pages_have_no_violations_on_a_phone_and_a_desktop(
    page, live_server, name, viewport
):
    page.set_viewport_size(viewport)
    PAGE_TYPES[name](page, live_server.url)

    assert_no_violations(page)


def test_every_shipped_article_has_no_accessibility_violations(page):
    page.goto("/articles/")
    urls = page.locator(".article-card a").evaluate_all("links => links.map(a => a.href)")
    assert len(urls) > 1

    for url in urls:
        page.goto(url)
        assert_no_violations(page)


def test_question_page_keeps_no_violations_after_the_error_link_moves_focus(page, live_server):
    PAGE_TYPES["question-with-errors"](page, live_server.url)
    page.locator(".error-summary a").first.click()

    assert_no_violations(page)

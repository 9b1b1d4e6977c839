"""axe-core finds no WCAG 2.2 AA violation on the Spanish pages, on a phone and a desktop."""

import pytest

from education.models import SitePage
from tests.support.accessibility import assert_no_violations
from tests.support.browser_steps import ANSWERS, DESKTOP, LEVELS, PHONE, stored_result_url

SPANISH_PAGES = [
    "/es/",
    "/es/articles/",
    "/es/search/?q=calambre",
    *(f"/es/{slug}/" for slug in SitePage.SPANISH_SLUGS.values()),
    "/es/evaluador/",
    "/es/evaluador/sintomas-graves/",
]


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["360px", "1280px"])
@pytest.mark.parametrize("path", SPANISH_PAGES)
def test_spanish_pages_have_no_violations_on_a_phone_and_a_desktop(page, path, viewport):
    page.set_viewport_size(viewport)
    page.goto(path)
    assert page.locator("html").get_attribute("lang") == "es"

    assert_no_violations(page)


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["360px", "1280px"])
def test_every_spanish_article_has_no_violations(page, viewport):
    page.set_viewport_size(viewport)
    page.goto("/es/articles/")
    urls = page.locator(".article-card a").evaluate_all("links => links.map(a => a.href)")
    assert len(urls) == 10

    for url in urls:
        page.goto(url)
        assert_no_violations(page)


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["360px", "1280px"])
def test_a_spanish_question_page_with_its_errors_has_no_violations(page, viewport):
    page.set_viewport_size(viewport)
    page.goto("/es/evaluador/sintomas-graves/")
    page.get_by_role("button", name="Continuar").click()
    assert page.locator(".error-summary").is_visible()

    assert_no_violations(page)


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["360px", "1280px"])
@pytest.mark.parametrize("level", LEVELS)
def test_a_spanish_result_has_no_violations(page, level, viewport):
    assert ANSWERS[level]
    page.set_viewport_size(viewport)
    page.goto(stored_result_url(level, "es"))
    assert page.locator("html").get_attribute("lang") == "es"
    assert page.get_by_role("link", name="Read this result in English").is_visible()

    assert_no_violations(page)

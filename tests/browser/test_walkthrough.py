"""What a reader meets in the browser: "No" in one place, the emergency signs early and once,
the checker's warning before its Start button, answers kept on the way back from a result,
and search marking whole words."""

import pytest
from playwright.sync_api import expect

from tests.support.browser_steps import (
    PAGE_SLUGS,
    PAGE_TYPES,
    PHONE,
    first_article_url,
    run_questionnaire,
)

TWO_PHONE_SCREENS_PX = 1480
EMERGENCY_LISTS = """() => [...document.querySelectorAll("ul")]
    .filter(list => list.textContent.includes("a leg that is suddenly cold, pale, blue or gray"))
    .map(list => list.getBoundingClientRect().bottom + window.scrollY)"""


@pytest.mark.parametrize("number", range(1, len(PAGE_SLUGS) + 1))
def test_no_is_the_first_answer_wherever_a_question_offers_it(page, live_server, number):
    PAGE_TYPES[f"question-{number}"](page, live_server.url)

    firsts = page.locator("fieldset").evaluate_all(
        """groups => groups.filter(group => group.querySelector("input[value='no']"))
            .map(group => group.querySelector("input").value)"""
    )
    assert set(firsts) <= {"no"}


def test_the_home_page_shows_the_emergency_signs_within_two_phone_screens(phone_page):
    phone_page.goto("/")

    bottoms = phone_page.evaluate(EMERGENCY_LISTS)
    assert len(bottoms) == 1
    assert bottoms[0] <= TWO_PHONE_SCREENS_PX


def test_an_article_lists_the_emergency_signs_once(phone_page):
    phone_page.goto(first_article_url())

    assert len(phone_page.evaluate(EMERGENCY_LISTS)) == 1
    expect(phone_page.locator("footer")).to_contain_text("In an emergency, call 911")


def test_the_checker_warns_before_the_start_button(new_page):
    page = new_page(PHONE)
    page.goto("/triage/")

    warning = page.get_by_role("heading", name="Do not use this tool if you need help now")
    start = page.get_by_role("button", name="Start now")
    assert warning.bounding_box()["y"] < start.bounding_box()["y"]


def test_back_from_a_result_keeps_the_answers(page):
    run_questionnaire(page, "soon")
    result_url = page.url

    page.go_back()

    expect(page.get_by_role("heading", name="Check your answers")).to_be_visible()
    expect(page.locator("main")).to_contain_text("Numbness")
    page.get_by_role("link", name="your advice").click()
    expect(page).to_have_url(result_url)


def test_back_from_an_emergency_result_shows_the_yes_given(page):
    run_questionnaire(page, "emergency")

    page.go_back()

    expect(page.locator("input[name='leg_cold_pale'][value='yes']")).to_be_checked()


# Marks with a letter or digit touching them on either side: a part of a word marked.
MARKS_INSIDE_WORDS = """() => [...document.querySelectorAll(".search-result__snippet mark")]
    .filter(mark => /\\w$/.test(mark.previousSibling?.textContent || "")
        || /^\\w/.test(mark.nextSibling?.textContent || ""))
    .map(mark => mark.parentElement.textContent.trim().slice(0, 80))"""


@pytest.mark.parametrize("query", ["stretch", "at", "leg"])
def test_search_marks_whole_words_only(page, query):
    page.goto(f"/search/?q={query}")

    if query != "at":  # "at" alone may match nothing; it must still mark no part of "What"
        expect(page.locator(".search-result__snippet mark").first).to_be_visible()
    assert page.evaluate(MARKS_INSIDE_WORDS) == []


def test_the_result_has_a_print_button_that_prints_and_is_left_off_paper(page, live_server):
    PAGE_TYPES["result-soon"](page, live_server.url)
    page.evaluate("() => { window.printed = 0; window.print = () => { window.printed += 1; }; }")

    page.get_by_role("button", name="Print this page").click()

    assert page.evaluate("() => window.printed") == 1
    page.emulate_media(media="print")
    expect(page.get_by_role("button", name="Print this page")).to_be_hidden()


def test_without_javascript_the_result_says_how_to_print_instead(new_page, live_server):
    page = new_page(javascript=False)
    PAGE_TYPES["result-soon"](page, live_server.url)

    expect(page.get_by_role("button", name="Print this page")).to_be_hidden()
    expect(page.locator(".result-meta")).to_contain_text("from your browser's menu")

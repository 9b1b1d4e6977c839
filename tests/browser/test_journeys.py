"""What readers do, in a real browser: read an article, and take the questionnaire to its
advice by mouse, by keyboard alone, and with JavaScript turned off."""

import re

import pytest
from django.conf import settings
from playwright.sync_api import expect

from tests.support.browser_steps import (
    ANSWERS,
    CHECK_ANSWERS_URL,
    LEVELS,
    PAGE_SLUGS,
    RESULT_URL,
    answer_page,
    answer_pages,
    confirm,
    question_page_url,
    run_questionnaire,
    start,
    urgency,
)

HEADLINES = {
    "emergency": f"Call {settings.EMERGENCY_NUMBER} now",
    "urgent": "Get medical help today",
    "soon": "See a doctor soon",
    "self_care": "You can probably look after this yourself",
}


def back_link(page):
    return page.get_by_role("link", name="Back", exact=True)


def active_element(page, attribute="id"):
    return page.evaluate(f"document.activeElement.{attribute}")


def test_reader_follows_an_article_from_home_and_jumps_to_a_section(page):
    page.goto("/")
    with page.expect_navigation():
        page.locator(".article-card a").first.click()
    expect(page).to_have_url(re.compile(r"/articles/[\w-]+/$"))

    contents_link = page.locator("nav.contents a").last
    target = contents_link.get_attribute("href")
    heading = page.locator(f"article h2[id='{target[1:]}']")
    expect(heading).not_to_be_in_viewport()
    contents_link.click()

    expect(page).to_have_url(re.compile(f"{target}$"))
    expect(heading).to_be_in_viewport()


@pytest.mark.parametrize("level", LEVELS)
def test_questionnaire_reaches_each_level(page, level):
    run_questionnaire(page, level)

    assert urgency(page) == level
    expect(page.locator("h1")).to_contain_text(HEADLINES[level])


@pytest.mark.parametrize("key", list(ANSWERS["emergency"][0]))
def test_a_yes_on_page_one_goes_straight_to_the_emergency_advice(page, key):
    visited = []
    page.on("framenavigated", lambda frame: visited.append(frame.url))
    start(page)

    answer_page(page, {**ANSWERS["self_care"][0], key: "yes"})

    expect(page).to_have_url(RESULT_URL)
    assert urgency(page) == "emergency"
    later_pages = [*PAGE_SLUGS[1:], "check-your-answers"]
    assert not [url for url in visited if any(slug in url for slug in later_pages)]
    call = page.get_by_role("link", name=f"Call {settings.EMERGENCY_NUMBER}", exact=True)
    expect(call).to_have_attribute("href", f"tel:{settings.EMERGENCY_NUMBER}")
    expect(page.get_by_role("heading", name="When a cramp starts")).to_have_count(0)
    expect(page.locator("[data-advice]")).to_have_count(0)


def test_changing_an_answer_from_check_your_answers_changes_the_advice(page):
    run_questionnaire(page, "self_care")
    assert urgency(page) == "self_care"
    expect(page.locator("[data-factor='nerve']")).to_have_count(0)
    first_result = page.url

    with page.expect_navigation():
        page.get_by_role("button", name="Change your answers").click()
    expect(page).to_have_url(CHECK_ANSWERS_URL)
    numbness_row = page.locator(".summary-list__row").filter(
        has=page.locator("a[href$='#id_numbness_0']")
    )
    expect(numbness_row.locator(".summary-list__value")).to_have_text("No")
    with page.expect_navigation():
        numbness_row.get_by_role("link", name=re.compile("^Change")).click()
    expect(page).to_have_url(re.compile(r"/triage/other-symptoms/\?change#id_numbness_0$"))
    expect(page.locator("input[name='numbness'][value='no']")).to_be_checked()

    answer_page(page, {"numbness": "yes"})

    expect(page).to_have_url(CHECK_ANSWERS_URL)  # straight back, not on to the next page
    expect(numbness_row.locator(".summary-list__value")).to_have_text("Yes")
    confirm(page)
    assert urgency(page) == "soon"
    assert page.url != first_result
    expect(page.locator("[data-factor='nerve']")).to_be_visible()


def test_back_links_retrace_the_pages_with_the_answers_kept(page):
    answer_pages(page, ANSWERS["self_care"])
    expect(page).to_have_url(CHECK_ANSWERS_URL)

    for number in range(len(PAGE_SLUGS), 0, -1):
        with page.expect_navigation():
            back_link(page).click()
        expect(page).to_have_url(question_page_url(number))
        for key, value in ANSWERS["self_care"][number - 1].items():
            for choice in value if isinstance(value, list) else [value]:
                expect(page.locator(f"input[name='{key}'][value='{choice}']")).to_be_checked()

    with page.expect_navigation():
        back_link(page).click()
    expect(page).to_have_url(re.compile("/triage/$"))


def test_missing_answer_shows_the_error_summary_and_its_link_focuses_the_field(page):
    answer_pages(page, ANSWERS["self_care"][:2])

    answer_page(page, {"duration": "today", "frequency": "once"})

    expect(page).to_have_title(re.compile("^Error: "))
    summary = page.locator(".error-summary")
    expect(summary).to_be_visible()
    expect(summary).to_be_focused()  # error-summary.js, so screen readers announce it
    # One entry for the four unanswered (night, stays, length, circulation), to the first.
    expect(summary.get_by_role("link")).to_have_text(
        ["Answer every question: 4 have no answer yet"]
    )
    expect(page.locator(".field-error")).to_have_count(4)
    expect(page.locator("input[name='duration'][value='today']")).to_be_checked()

    summary.locator("a[href='#id_wakes_at_night_0']").click()

    assert active_element(page) == "id_wakes_at_night_0"
    expect(page.locator("fieldset:has(#id_wakes_at_night_0)")).to_be_in_viewport()

    answer_page(
        page,
        {"wakes_at_night": "no", "pain_stays": "no", "cramp_length": "minutes"}
        | {"circulation_pain": "no"},
    )
    expect(page).to_have_url(question_page_url(4))


def test_whole_questionnaire_works_with_javascript_turned_off(new_page):
    page = new_page(javascript=False)
    start(page)

    answer_page(page, {})  # nothing ticked: the server says what is missing
    summary = page.locator(".error-summary")
    expect(summary).to_be_visible()
    expect(summary.get_by_role("link")).to_have_text(
        ["Answer every question: 7 have no answer yet"]
    )
    summary.get_by_role("link").first.click()
    expect(page).to_have_url(re.compile("#id_chest_pain_or_breathless_0$"))
    expect(page.locator("#id_chest_pain_or_breathless_0")).to_be_in_viewport()

    *earlier, last = ANSWERS["soon"]
    for answers in earlier:
        answer_page(page, answers)
    answer_page(page, {**last, "medicines": ["statin", "none"]})  # "none" must be alone
    expect(page.locator(".error-summary")).to_contain_text("None of these")
    page.uncheck("input[name='medicines'][value='none']")
    answer_page(page, {})
    confirm(page)

    expect(page).to_have_url(RESULT_URL)
    assert urgency(page) == "soon"
    with page.expect_navigation():
        page.get_by_role("button", name="Change your answers").click()
    expect(page).to_have_url(CHECK_ANSWERS_URL)


def tab_to(page, condition, argument=None, limit=80):
    """Press Tab until the focused element meets the condition (JavaScript, given `el`)."""
    check = f"([arg]) => {{ const el = document.activeElement; return Boolean({condition}); }}"
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(check, [argument]):
            return
    raise AssertionError(f"Tab never reached an element where {condition} ({argument})")


def choose_by_keyboard(page, key, value):
    """Radios: Tab into the group, arrow keys to the answer (as radios work), Space to tick.
    Check boxes: Tab to the box, Space to tick."""
    if isinstance(value, list):
        for choice in value:
            tab_to(page, "el.name === arg[0] && el.value === arg[1]", [key, choice])
            page.keyboard.press("Space")
        return
    tab_to(page, "el.name === arg", key)
    for _ in range(10):
        if active_element(page, "value") == value:
            break
        page.keyboard.press("ArrowDown")
    page.keyboard.press("Space")


def submit_by_keyboard(page, button_text):
    tab_to(page, "el.tagName === 'BUTTON' && el.textContent.includes(arg)", button_text)
    with page.expect_navigation():
        page.keyboard.press("Enter")


def test_keyboard_alone_takes_a_reader_from_page_one_to_the_advice(page):
    page.goto("/triage/")
    page.keyboard.press("Tab")
    assert active_element(page, "textContent") == "Skip to main content"
    page.keyboard.press("Enter")
    assert active_element(page) == "main-content"
    tab_to(page, "el.textContent.trim() === arg", "Start now")
    with page.expect_navigation():
        page.keyboard.press("Enter")

    for number, answers in enumerate(ANSWERS["soon"], start=1):
        expect(page).to_have_url(question_page_url(number))
        for key, value in answers.items():
            choose_by_keyboard(page, key, value)
        submit_by_keyboard(page, "Continue")
    expect(page).to_have_url(CHECK_ANSWERS_URL)
    submit_by_keyboard(page, "Confirm and see my advice")

    expect(page).to_have_url(RESULT_URL)
    assert urgency(page) == "soon"

"""How the browser tests reach each kind of page: the questionnaire's answers page by page
(in the keys and values of triage/data/questionnaire.json) and the steps a reader takes."""

import re
from importlib import import_module

from django.conf import settings
from django.contrib.auth.models import Group, User
from playwright.sync_api import expect

from education.models import Article, Image
from education.pictures import open_upload
from tests.support import REPOSITORY
from tests.support.admin_forms import PASSWORD
from tests.support.answers import PAGES, with_changes
from tests.support.picture_files import picture_bytes, upload
from triage.models import CheckerRelease, Result, load_rulebook
from triage.views import SESSION_KEY

SCREENSHOTS = REPOSITORY / "test-artifacts" / "screenshots"
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 360, "height": 800}
PAGE_SLUGS = list(PAGES)
# A fragment from the page before (a Change or error link's #id_<key>_0) rides along the
# redirect after a form is sent; it matches nothing on the page it lands on, so it is harmless.
ANY_FRAGMENT = r"(#[\w-]*)?$"
RESULT_URL = re.compile(r"/triage/result/[\w-]+/" + ANY_FRAGMENT)
CHECK_ANSWERS_URL = re.compile(r"/triage/check-your-answers/" + ANY_FRAGMENT)
STRETCHES_URL = "/articles/ease-and-prevent-inner-thigh-cramps/"


def by_page(**changes):
    """A whole answer set (a quiet one with these changes), split into one dict a page."""
    answers = with_changes(**changes)
    return [{key: answers[key] for key in keys} for keys in PAGES.values()]


HOT_DAY = {"triggers": ["sweating", "low_fluids"]}
# One answer list a page for each level; an emergency stops the questions after page 1.
ANSWERS = {
    "emergency": by_page(leg_cold_pale="yes")[:1],
    "urgent": by_page(injury="major", triggers=["new_exercise"]),  # U4
    "soon": by_page(numbness="yes", medicines=["statin"], **HOT_DAY),  # S3, S5
    "self_care": by_page(**HOT_DAY),
}
LEVELS = list(ANSWERS)


def answer_page(page, answers):
    """Tick the answers on the current question page and press Continue.

    force=True skips Playwright's wait for each box to be still and uncovered (it halves
    the time ticking takes); check() still fails if the click did not tick the box.
    """
    for key, value in answers.items():
        for choice in value if isinstance(value, list) else [value]:
            page.locator(f"input[name='{key}'][value='{choice}']").check(force=True)
    with page.expect_navigation():
        page.get_by_role("button", name="Continue").click()


def question_page_url(number):
    return re.compile(f"/triage/{PAGE_SLUGS[number - 1]}/$")


def start(page):
    """The start page's "Start now" is a link styled, and announced, as a start button."""
    page.goto("/triage/")
    with page.expect_navigation():
        page.get_by_role("button", name="Start now").click()
    expect(page).to_have_url(question_page_url(1))


def answer_pages(page, pages):
    """From the start page, answer the given pages in order."""
    start(page)
    for answers in pages:
        answer_page(page, answers)


def confirm(page):
    expect(page).to_have_url(CHECK_ANSWERS_URL)
    with page.expect_navigation():
        page.get_by_role("button", name="Confirm and see my advice").click()


def run_questionnaire(page, level):
    """Answer every page the level needs, confirm if asked, and land on the result."""
    answer_pages(page, ANSWERS[level])
    if len(ANSWERS[level]) == len(PAGE_SLUGS):
        confirm(page)
    expect(page).to_have_url(RESULT_URL)


def urgency(page):
    return page.locator("[data-urgency]").get_attribute("data-urgency")


def flatten(pages):
    return {key: value for answers in pages for key, value in answers.items()}


def stored_result_url(level, language="en"):
    """A result as the questionnaire stores it, without clicking through to it."""
    return Result.objects.record(
        load_rulebook(), flatten(ANSWERS[level]), CheckerRelease.objects.published(), language
    ).get_absolute_url()


def give_answers(page, server_url, pages):
    """Start the browser's session with these pages already answered (the journeys tests
    click through the same pages; here only the page that follows matters)."""
    session = import_module(settings.SESSION_ENGINE).SessionStore()
    session[SESSION_KEY] = flatten(pages)
    session.create()
    cookie = {"name": settings.SESSION_COOKIE_NAME, "value": session.session_key}
    page.context.add_cookies([{**cookie, "url": server_url}])


def open_url(url_or_factory):
    def open_page(page, server_url):
        page.goto(url_or_factory() if callable(url_or_factory) else url_or_factory)

    return open_page


def open_question_page(number):
    def open_page(page, server_url):
        give_answers(page, server_url, ANSWERS["self_care"][: number - 1])
        page.goto(f"/triage/{PAGE_SLUGS[number - 1]}/")
        expect(page).to_have_url(question_page_url(number))  # not sent back to an earlier one

    return open_page


def open_page_with_errors(page, server_url):
    """Page 3 sent with answers missing: the error summary and the fields' errors."""
    open_question_page(3)(page, server_url)
    answer_page(page, {"duration": "today"})
    expect(page.locator(".error-summary")).to_be_visible()


def open_check_answers(page, server_url):
    give_answers(page, server_url, ANSWERS["self_care"])
    page.goto("/triage/check-your-answers/")
    expect(page.locator("h1")).to_have_text("Check your answers")


def open_not_found(page, server_url):
    response = page.goto("/no/such/page/")
    assert response.status == 404


def first_article_url():
    return Article.objects.published().filter(language="en").first().get_absolute_url()


def article_with_photo_url():
    """The stretches article with an uploaded photo above its first section."""
    photo = Image(
        title="Stretch photo",
        alt_text="A person stretching the inside of one thigh beside a chair.",
        caption="A photo above the first section.",
        credit="Photo: test",
        license="Made for the tests",
    )
    photo.set_picture(open_upload(upload(picture_bytes(1600, 900))))
    photo.save()
    article = Article.objects.get(slug=STRETCHES_URL.split("/")[2])
    article.body = f"{photo.reference}\n\n{article.body}"
    article.save()
    return article.get_absolute_url()


def open_feedback_with_errors(page, server_url):
    """An article's feedback sent with no answer: the feedback page with its error summary."""
    page.goto(first_article_url())
    page.get_by_role("button", name="Send feedback").click()
    expect(page.locator(".error-summary")).to_be_visible()


def open_feedback_thanks(page, server_url):
    page.goto(first_article_url())
    page.get_by_label("Yes", exact=True).check()
    page.get_by_role("button", name="Send feedback").click()
    expect(page.locator("h1")).to_have_text("Thank you for your feedback")


# Every kind of public page, by name, and how to open it: PAGE_TYPES[name](page, server_url).
PAGE_TYPES = {
    "home": open_url("/"),
    "article-list": open_url("/articles/"),
    "article": open_url(first_article_url),
    "article-with-drawings": open_url(STRETCHES_URL),
    "article-with-photo": open_url(article_with_photo_url),
    "triage-start": open_url("/triage/"),
    **{f"question-{n}": open_question_page(n) for n in range(1, len(PAGE_SLUGS) + 1)},
    "question-with-errors": open_page_with_errors,
    "check-answers": open_check_answers,
    **{
        f"result-{level}": open_url(lambda level=level: stored_result_url(level))
        for level in LEVELS
    },
    "not-found": open_not_found,
    "search-results": open_url("/search/?q=stretch"),
    "search-empty": open_url("/search/?q="),
    "feedback-with-errors": open_feedback_with_errors,
    "feedback-thanks": open_feedback_thanks,
    "about": open_url("/about/"),
    "privacy": open_url("/privacy/"),
    "accessibility": open_url("/accessibility/"),
}
SITE_PAGE_TYPES = ["about", "privacy", "accessibility"]


def sideways_overflow(page):
    """How far the page is wider than the window (0 when nothing scrolls sideways)."""
    return page.evaluate("document.documentElement.scrollWidth - window.innerWidth")


def staff(username, group, **fields):
    """A staff member of one group, who logs in to the admin with PASSWORD."""
    user = User.objects.create_user(username, password=PASSWORD, is_staff=True, **fields)
    user.groups.add(Group.objects.get(name=group))
    return user


def log_in(page, username):
    page.goto("/admin/login/?next=/admin/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()

"""About this information, Privacy and Accessibility statement: public, linked from every
footer, filled in from the settings, and edited in the admin with their history."""

import pytest

from editorial.models import Draft
from education.models import SitePage
from tests.support.admin_forms import logged_in, submit
from tests.support.editorial_steps import decide, submit_for_review
from tests.support.pages import assert_public_page, parse, readable_text

SITE_PAGES = {
    "/about/": "About this information",
    "/privacy/": "Privacy",
    "/accessibility/": "Accessibility statement",
}


def change_url(slug):
    return f"/admin/education/sitepage/{SitePage.objects.get(slug=slug).pk}/change/"


@pytest.mark.parametrize("path, title", SITE_PAGES.items())
def test_each_site_page_is_a_complete_public_page(client, db, path, title):
    soup = parse(client.get(path))

    assert_public_page(soup)
    assert soup.h1.get_text() == title
    assert soup.select("nav.contents a")
    assert "{" not in readable_text(soup.select_one("article"))  # every setting filled in


def test_every_footer_link_to_a_site_page_opens_it(client, db):
    footer = parse(client.get("/")).select_one("footer")

    for path, title in SITE_PAGES.items():
        link = footer.find("a", href=path)
        assert link and link.get_text() == title
        assert parse(client.get(link["href"])).h1.get_text() == title


def test_privacy_page_states_the_retention_days_from_the_setting(client, db, settings):
    settings.TRIAGE_RETENTION_DAYS = 17
    settings.SESSION_COOKIE_AGE = 3 * 60 * 60

    text = readable_text(parse(client.get("/privacy/")).select_one("article"))

    assert "We delete symptom checker answers after 17 days." in text
    assert "the session ends after 3 hours" in text
    assert "30 days" not in text


def test_privacy_page_tells_the_truth_about_cookies_and_addresses(client, db):
    text = readable_text(parse(client.get("/privacy/")).select_one("article"))

    assert "Reading our pages sets no cookies at all." in text
    assert "The symptom checker uses one cookie while you answer its questions." in text
    assert "We do not store your IP address" in text


def test_reading_pages_sets_no_cookie_as_the_privacy_page_says(client, db):
    for path in ["/", "/articles/", "/articles/inner-thigh-cramps/", *SITE_PAGES]:
        assert not client.get(path).cookies, path


def test_about_page_says_there_are_no_ads_and_how_pages_are_checked(client, db):
    text = readable_text(parse(client.get("/about/")).select_one("article"))

    assert "There are no ads on this site." in text
    assert "We want a clinician to check every page." in text
    assert "Not every page has been checked this way yet." in text
    assert "Before a page is approved, a clinician checks it" not in text
    assert "free from ads" not in text
    assert "at least every 12 months" in text
    assert "How can you report a mistake?" in text


def test_accessibility_page_names_the_standard(client, db):
    text = readable_text(parse(client.get("/accessibility/")).select_one("article"))

    assert "WCAG) 2.2 at level AA" in text


def test_site_pages_promise_no_reply_the_anonymous_feedback_form_cannot_give(client, db):
    for path in ["/about/", "/accessibility/"]:
        text = readable_text(parse(client.get(path)).select_one("article"))
        assert "The form does not ask for contact details, so we cannot reply to you." in text
        assert "tell us the same way" not in text


def test_privacy_page_says_anyone_with_the_advice_link_can_see_the_advice(client, db):
    text = readable_text(parse(client.get("/privacy/")).select_one("article"))

    assert "Anyone you give your advice link to can see that advice." in text
    assert "Only the small team that runs the site can see" not in text


def test_a_site_page_makes_at_most_three_queries(client, db, django_assert_max_num_queries):
    # The page, its translation (for the link to it), and when the next scheduled article
    # goes live (for the page cache).
    with django_assert_max_num_queries(3):
        assert client.get("/privacy/").status_code == 200


def test_a_site_page_refuses_post(client, db):
    assert client.post("/about/").status_code == 405


def test_an_editors_change_to_a_site_page_is_kept_as_a_draft(client, editor):
    client.force_login(editor)
    url = change_url("accessibility")

    response = submit(client, url, summary="How we make this site work for everyone.")

    assert response.status_code == 302
    page = SitePage.objects.get(slug="accessibility")
    draft = Draft.objects.open().for_object(page).get()
    assert (
        draft.snapshot["object"]["fields"]["summary"] == "How we make this site work for everyone."
    )
    assert "How we make this site work for everyone." not in client.get("/accessibility/").text


def test_site_pages_are_never_deleted_in_the_admin(admin_client, db):
    # Only a missing translation may be added (tests/editorial/test_adding_translations.py).
    page = SitePage.objects.get(slug="about")

    assert admin_client.get(f"/admin/education/sitepage/{page.pk}/delete/").status_code == 403


def test_an_approved_edit_to_a_stored_site_page_shows_at_once(
    wsgi_get, admin_client, reviewer, committed
):
    assert "Who publishes this site?" in wsgi_get("/about/").text()  # now stored
    page = SitePage.objects.get(slug="about")

    submit(admin_client, change_url("about"), title="About these pages")
    submit_for_review(admin_client, page)
    reviewer_client = logged_in(reviewer)
    with committed():
        decide(reviewer_client, page, "approve")

    assert "<h1>About these pages</h1>" in wsgi_get("/about/").text()


def test_a_setting_filled_into_a_page_is_shown_as_text_never_as_markup(client, db, settings):
    settings.EMERGENCY_NUMBER = "<b>911</b>"

    body = parse(client.get("/about/")).select_one(".article-body")

    assert "call <b>911</b>" in body.get_text() and not body.find("b")


def test_about_page_states_the_review_interval_that_sign_off_schedules(client, db, settings):
    settings.EDITORIAL_REVIEW_INTERVAL_MONTHS = 6

    text = readable_text(parse(client.get("/about/")).select_one("article"))

    assert "We aim to review each page at least every 6 months." in text

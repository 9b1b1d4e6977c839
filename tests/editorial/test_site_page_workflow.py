"""Site pages (about, privacy, accessibility) go through the same clinical sign-off as
articles: an editor's change reaches readers only once a different reviewer approves it."""

import pytest
from django.test import Client

from education.models import SitePage
from tests.support.editorial_steps import decide, save_change, submit_for_review
from tests.support.pages import parse


@pytest.fixture
def about(db):
    return SitePage.objects.get(slug="about")


def public_text(about):
    return parse(Client().get(about.get_absolute_url())).select_one("main").get_text()


def test_an_edited_site_page_stays_as_it_was_until_a_reviewer_approves(
    editor_client, reviewer_client, about
):
    new_body = "## Who we are\n\nA small team that writes plain health pages."

    assert save_change(editor_client, about, body=new_body).status_code == 302
    assert submit_for_review(editor_client, about).status_code == 302

    assert "A small team that writes plain health pages" not in public_text(about)
    assert decide(editor_client, about, "approve").status_code == 403

    assert decide(reviewer_client, about, "approve", "Accurate.").status_code == 302

    about.refresh_from_db()
    assert "A small team that writes plain health pages" in public_text(about)
    assert about.latest_signoff.comment == "Accurate."

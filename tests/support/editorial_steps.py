"""The workflow's steps as each person takes them in the admin."""

import pytest
from django.db import connection
from django.utils import timezone

from editorial.models import Draft
from education.models import Article
from tests.support.admin_forms import admin_url, form_data, submit
from tests.support.pages import parse

NEW_BODY = "## Start\n\nDrink plenty of water every day."


def reads_spanish(user):
    """The reviewer's profile lists Spanish beside English: they may sign off Spanish pages."""
    user.reviewer_profile.languages = "en, es"
    user.reviewer_profile.save()


def add_article(client):
    """An editor adds an article in the admin: it stays hidden, with its first draft."""
    response = client.post(
        "/admin/education/article/add/",
        {
            "language": "en",
            "title": "Brand new",
            "slug": "brand-new",
            "summary": "New.",
            "body": "## Start\n\nText.",
            "publish_at_0": timezone.localdate().isoformat(),
            "publish_at_1": "00:00:00",
            "order": 1,
            "group": "about",
            "sources-TOTAL_FORMS": 0,
            "sources-INITIAL_FORMS": 0,
        },
    )
    assert response.status_code == 302
    return Article.objects.get(slug="brand-new")


def save_change(client, article, **changes):
    """Open the article's change form (which shows any open draft), change it, save."""
    return submit(client, admin_url(article, "change"), **changes)


def submit_for_review(client, article, note="Clearer wording."):
    return client.post(admin_url(article, "submit"), {"note": note})


def submitted_change(client, article, body=NEW_BODY):
    """An editor's change to the body, saved and submitted; returns the draft."""
    assert save_change(client, article, body=body).status_code == 302
    assert submit_for_review(client, article).status_code == 302
    return Draft.objects.for_model(type(article), article.pk).open().get()


def decide(client, article, decision, comment="", *, whole_page_confirmed=True):
    """Press Approve, Send back or Mark as reviewed on the review screen, as shown; an
    approval ticks "I have reviewed the whole page" unless told not to."""
    page = parse(client.get(admin_url(article, "review")))
    saves = page.select_one("input[name=saves]")
    data = {"decision": decision, "comment": comment}
    if decision == "approve" and whole_page_confirmed:
        data["reviewed_whole_page"] = "on"
    if saves is not None:
        data["saves"] = saves["value"]
    return client.post(admin_url(article, "review"), data)


def draft_form(client, article):
    return form_data(client.get(admin_url(article, "change")))


# Row locks, as the queries of one step show them ---------------------------------------


def lock_of(table, queries):
    """Where in the queries the first row lock on the table is taken, or None."""
    for position, sql in enumerate(queries):
        if sql.startswith("SELECT") and f'FROM "{table}"' in sql and "FOR UPDATE" in sql:
            return position
    return None


def first_read_of(table, queries):
    return next(i for i, sql in enumerate(queries) if f'FROM "{table}"' in sql)


requires_row_locks = pytest.mark.skipif(
    not connection.features.has_select_for_update,
    reason="SQLite has no row locks: its transactions here take the write lock as they begin",
)

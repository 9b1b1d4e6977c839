"""The change form of a page with an open draft: opening it only reads (the draft comes from
its snapshot), and saving it keeps every row of the draft."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from editorial.models import Draft
from education.models import Source
from tests.support.editorial_steps import NEW_BODY, admin_url, draft_form, save_change
from tests.support.pages import stored_pages_version

WRITES = ("INSERT", "UPDATE", "DELETE")
ACCESSED = datetime.date(2026, 11, 1).isoformat()


@pytest.fixture
def article(article):
    """The workflow tests' article, with a source."""
    article.sources.create(title="NHS: leg cramps", url="https://www.nhs.uk/", accessed=ACCESSED)
    return article


def drafted(editor_client, article, **changes):
    """Save a draft that changes the body and the first source and adds a second source."""
    response = save_change(
        editor_client,
        article,
        body=NEW_BODY,
        **{
            "sources-0-title": "NHS: leg cramps (checked again)",
            "sources-1-title": "NICE CKS: leg cramps",
            "sources-1-url": "https://cks.nice.org.uk/",
            "sources-1-accessed": ACCESSED,
        },
        **changes,
    )
    assert response.status_code == 302
    return Draft.objects.get()


def test_opening_the_change_form_of_a_drafted_article_writes_nothing(
    editor_client, article, make_article
):
    other = make_article(title="Stretching")
    drafted(editor_client, article, related=[str(other.pk)])
    version_before = stored_pages_version()

    with CaptureQueriesContext(connection) as queries:
        form = draft_form(editor_client, article)

    writes = [q["sql"] for q in queries if q["sql"].lstrip().upper().startswith(WRITES)]
    assert writes == []
    # No transaction either (a test's own shows any inner one as a savepoint).
    assert not [q for q in queries if "SAVEPOINT" in q["sql"]]
    assert stored_pages_version() == version_before
    assert form["body"].replace("\r\n", "\n") == NEW_BODY
    assert (form["sources-0-title"], form["sources-1-title"]) == (
        "NHS: leg cramps (checked again)",
        "NICE CKS: leg cramps",
    )
    assert form["related"] == [str(other.pk)]
    article.refresh_from_db()
    assert "some water" in article.body and article.sources.count() == 1


def test_previewing_and_saving_a_draft_keep_the_stored_pages(editor_client, article):
    drafted(editor_client, article)
    version_before = stored_pages_version()

    preview = editor_client.get(admin_url(article, "preview"))
    saved = save_change(editor_client, article, body=NEW_BODY + " Sip slowly.")

    assert preview.status_code == 200 and saved.status_code == 302
    assert stored_pages_version() == version_before
    assert "Sip slowly." in Draft.objects.get().snapshot["object"]["fields"]["body"]


def test_the_form_keeps_the_live_publication_state_beside_the_drafts_words(editor_client, article):
    drafted(editor_client, article)

    page = editor_client.get(admin_url(article, "change")).content.decode()

    # An article readers see shows its status and first publication read-only, as before.
    assert 'name="status"' not in page and 'name="publish_at_0"' not in page
    assert "Published" in page


def test_a_new_source_in_a_draft_can_be_changed_after_its_number_was_taken_meanwhile(
    editor_client, article, make_article
):
    draft = drafted(editor_client, article)
    new_source = draft.snapshot["children"]["sources"][1]
    # Another article's source takes the number the draft's new source was shown with (as a
    # rolled-back insert's number is given again on SQLite).
    other = make_article(title="Stretching")
    Source.objects.create(pk=new_source["pk"], article=other, title="Other", accessed=ACCESSED)

    response = save_change(editor_client, article, **{"sources-1-title": "NICE CKS: cramps"})

    assert response.status_code == 302
    sources = Draft.objects.get().snapshot["children"]["sources"]
    assert [row["fields"]["title"] for row in sources] == [
        "NHS: leg cramps (checked again)",
        "NICE CKS: cramps",
    ]
    assert Source.objects.get(pk=new_source["pk"]).article == other

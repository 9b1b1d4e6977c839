"""Revisions, restore, recover and stale-save protection for articles, through the admin.

Every change is a draft until a clinical reviewer approves it; approval makes the revision.
"""

import pytest
from reversion.models import Version

from editorial.models import Draft, WorkflowEvent
from education.models import Article
from tests.support.admin_forms import form_data, submit
from tests.support.editorial_steps import decide, draft_form, submit_for_review
from tests.support.pages import parse, stored_pages_version


@pytest.fixture
def article(make_article):
    article = make_article(title="Original title", body="## Start\n\nOriginal words.")
    article.sources.create(
        title="Original source", url="https://example.org/a", accessed="2026-11-01"
    )
    return article


def change_url(article):
    return f"/admin/education/article/{article.pk}/change/"


def versions(article):
    return Version.objects.get_for_object(article).select_related("revision__user")


@pytest.fixture
def approve(admin_client, reviewer_client):
    """Submit the admin's draft and have the (other) clinical reviewer approve it."""

    def approve_draft(article, comment=""):
        submit_for_review(admin_client, article)
        assert decide(reviewer_client, article, "approve", comment).status_code == 302
        article.refresh_from_db()

    return approve_draft


def test_shipped_articles_start_their_history_when_loaded(db):
    for article in Article.objects.all():
        comment = versions(article).get().revision.get_comment()
        assert comment == "Loaded from the shipped content files."


def test_an_edit_is_a_draft_with_its_author_and_comment(admin_client, admin_user, article):
    response = submit(
        admin_client, change_url(article), body="## Start\n\nNew words.", revision_comment="Clearer"
    )

    assert response.status_code == 302
    draft = Draft.objects.get()
    assert list(draft.editors.all()) == [admin_user]
    saved = WorkflowEvent.objects.get(action=WorkflowEvent.Action.SAVED)
    assert saved.comment == "Changed Body. Comment: Clearer"
    assert not versions(article).exists()  # the live article did not change


def test_approval_makes_a_revision_with_the_reviewer_and_comment(
    admin_client, reviewer, approve, article
):
    submit(admin_client, change_url(article), body="## Start\n\nNew words.")

    approve(article, "Checked.")

    latest = versions(article).first()
    assert latest.revision.user == reviewer
    assert latest.revision.get_comment() == (
        "Approved by Test Reviewer, General practitioner. Checked."
    )
    assert "New words." in article.body_html
    history = parse(admin_client.get(change_url(article).replace("change/", "history/")))
    assert "Approved by Test Reviewer" in history.select_one("#change-history").get_text()


def test_restoring_an_older_version_makes_a_draft_for_review(admin_client, approve, article):
    submit(admin_client, change_url(article), body="## Start\n\nFirst edit.")
    approve(article)
    first_approved = versions(article).first()
    data = draft_form(admin_client, article)
    data.update({"body": "## Start\n\nSecond edit.", "sources-0-title": "Replaced source"})
    assert admin_client.post(change_url(article), data).status_code == 302
    approve(article)

    revert_url = f"/admin/education/article/{article.pk}/history/{first_approved.pk}/"
    response = admin_client.post(revert_url, form_data(admin_client.get(revert_url)))

    assert response.status_code == 302
    article.refresh_from_db()
    assert "Second edit." in article.body  # readers still see the approved version
    approve(article)
    assert "First edit." in article.body and "First edit." in article.body_html
    assert [s.title for s in article.sources.all()] == ["Original source"]


def test_a_deleted_article_comes_back_hidden_with_its_sources(admin_client, approve, article):
    submit(admin_client, change_url(article), title="Saved once in the admin")
    approve(article)
    delete_url = change_url(article).replace("change/", "delete/")
    assert admin_client.post(delete_url, {"post": "yes"}).status_code == 302
    assert not Article.objects.filter(pk=article.pk).exists()

    recover_list = parse(admin_client.get("/admin/education/article/recover/"))
    row = recover_list.find("td", string="Saved once in the admin").parent
    recover_url = row.a["href"]
    response = admin_client.post(recover_url, form_data(admin_client.get(recover_url)))

    assert response.status_code == 302
    recovered = Article.objects.get(pk=article.pk)
    assert recovered.title == "Saved once in the admin"
    assert [s.title for s in recovered.sources.all()] == ["Original source"]
    assert not recovered.is_public  # back as a draft, for review before readers see it
    assert Draft.objects.open().for_object(recovered).exists()


def test_opening_and_restoring_an_older_version_keep_the_stored_pages(admin_client):
    article = Article.objects.first()
    revert_url = f"/admin/education/article/{article.pk}/history/{versions(article).get().pk}/"
    before = stored_pages_version()

    shown = admin_client.get(revert_url)
    after_opening = stored_pages_version()
    restored = admin_client.post(revert_url, form_data(shown))

    assert shown.status_code == 200 and restored.status_code == 302
    assert Draft.objects.open().for_object(article).exists()
    assert after_opening == stored_pages_version() == before


def test_opening_a_deleted_article_to_recover_it_keeps_the_stored_pages(admin_client):
    article = Article.objects.first()
    delete_url = change_url(article).replace("change/", "delete/")
    assert admin_client.post(delete_url, {"post": "yes"}).status_code == 302
    deleted = Version.objects.get_deleted(Article).get(object_id=str(article.pk))
    before = stored_pages_version()

    shown = admin_client.get(f"/admin/education/article/recover/{deleted.pk}/")

    assert shown.status_code == 200
    assert stored_pages_version() == before


def test_a_stale_save_is_refused_and_the_newer_draft_kept(client, admin_client, editor, article):
    client.force_login(editor)
    stale_form = form_data(client.get(change_url(article)))
    submit(admin_client, change_url(article), body="## Start\n\nThe newer words.")

    response = client.post(change_url(article), {**stale_form, "body": "## Start\n\nOld copy."})

    assert response.status_code == 200
    message = parse(response).select_one(".errorlist.nonfield").get_text(" ")
    assert "admin saved this on" in message and "Reload this page" in message
    assert "The newer words." in draft_form(client, article)["body"]


def test_saving_from_a_fresh_copy_after_someone_else_works(client, admin_client, editor, article):
    client.force_login(editor)
    submit(admin_client, change_url(article), body="## Start\n\nThe newer words.")

    response = submit(client, change_url(article), body="## Start\n\nBuilt on the newer words.")

    assert response.status_code == 302
    assert "Built on the newer words." in draft_form(client, article)["body"]
    assert set(Draft.objects.get().editors.values_list("username", flat=True)) == {
        "admin",
        "editor",
    }


def test_a_new_source_in_a_draft_survives_a_second_save(admin_client, article):
    data = draft_form(admin_client, article)
    data.update(
        {
            "sources-TOTAL_FORMS": "2",
            "sources-1-title": "NHS: leg cramps",
            "sources-1-url": "https://www.nhs.uk/conditions/leg-cramps/",
            "sources-1-accessed": "2026-11-20",
        }
    )
    assert admin_client.post(change_url(article), data).status_code == 302

    response = submit(admin_client, change_url(article), title="Retitled")

    assert response.status_code == 302
    titles = [row["fields"]["title"] for row in Draft.objects.get().snapshot["children"]["sources"]]
    assert titles == ["Original source", "NHS: leg cramps"]
    assert [s.title for s in article.sources.all()] == ["Original source"]

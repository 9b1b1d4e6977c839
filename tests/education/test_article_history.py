"""Revisions, restore, recover and stale-save protection for articles, through the admin."""

import pytest
from reversion.models import Version

from education.models import Article
from tests.admin_forms import form_data, submit
from tests.pages import parse


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


def test_shipped_articles_start_their_history_when_loaded(db):
    for article in Article.objects.all():
        comment = versions(article).get().revision.get_comment()
        assert comment == "Loaded from the shipped content files."


def test_an_edit_makes_a_revision_with_its_author_and_comment(admin_client, admin_user, article):
    response = submit(
        admin_client, change_url(article), body="## Start\n\nNew words.", revision_comment="Clearer"
    )

    assert response.status_code == 302
    latest = versions(article).first()
    assert latest.revision.user == admin_user
    assert "Changed Body." in latest.revision.get_comment()
    assert "Comment: Clearer" in latest.revision.get_comment()
    history = parse(admin_client.get(change_url(article).replace("change/", "history/")))
    assert "Comment: Clearer" in history.select_one("#change-history").get_text()
    assert "Changed: Changed Body." in history.select_one("#log-entries").get_text()


def test_restoring_an_older_version_brings_back_its_text_and_sources(admin_client, article):
    submit(admin_client, change_url(article), body="## Start\n\nFirst edit.")
    first_saved = versions(article).first()
    data = form_data(admin_client.get(change_url(article)))
    data.update({"body": "## Start\n\nSecond edit.", "sources-0-title": "Replaced source"})
    assert admin_client.post(change_url(article), data).status_code == 302

    revert_url = f"/admin/education/article/{article.pk}/history/{first_saved.pk}/"
    response = admin_client.post(revert_url, form_data(admin_client.get(revert_url)))

    assert response.status_code == 302
    article.refresh_from_db()
    assert "First edit." in article.body and "First edit." in article.body_html
    assert [s.title for s in article.sources.all()] == ["Original source"]


def test_a_deleted_article_comes_back_with_its_sources(admin_client, article):
    submit(admin_client, change_url(article), title="Saved once in the admin")
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


def test_a_stale_save_is_refused_and_the_newer_text_kept(client, admin_client, editor, article):
    client.force_login(editor)
    stale_form = form_data(client.get(change_url(article)))
    submit(admin_client, change_url(article), body="## Start\n\nThe newer words.")

    response = client.post(change_url(article), {**stale_form, "body": "## Start\n\nOld copy."})

    assert response.status_code == 200
    message = parse(response).select_one(".errorlist.nonfield").get_text(" ")
    assert "admin saved this on" in message and "Reload this page" in message
    article.refresh_from_db()
    assert "The newer words." in article.body


def test_saving_from_a_fresh_copy_after_someone_else_works(client, admin_client, editor, article):
    client.force_login(editor)
    submit(admin_client, change_url(article), body="## Start\n\nThe newer words.")

    response = submit(client, change_url(article), body="## Start\n\nBuilt on the newer words.")

    assert response.status_code == 302
    article.refresh_from_db()
    assert "Built on the newer words." in article.body

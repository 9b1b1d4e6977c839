"""Editors add a page's Spanish translation in the admin, linked from the English page; the
link is fixed when the page is added, and the translation goes through its own clinical
sign-off by a reviewer who reads Spanish (docs/languages.md)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from reversion.models import Version

from editorial.models import Draft
from education.models import Article, Language, SitePage
from tests.support.admin_forms import form_data
from tests.support.editorial_steps import (
    admin_url,
    decide,
    lock_of,
    reads_spanish,
    requires_row_locks,
    submit_for_review,
)
from tests.support.pages import parse

pytestmark = pytest.mark.django_db

ADD_ARTICLE = "/admin/education/article/add/"
SPANISH_BODY = "## ¿Qué es?\n\nUn calambre es un músculo que se aprieta de golpe."


@pytest.fixture
def english(make_article):
    return make_article(title="Water", slug="water", group="living", order=7)


def translation_link(client, page):
    return parse(client.get(admin_url(page, "change"))).select_one("#translation a")


def filled_add_form(client, english):
    """The add form, as the English page's link opens it, with the translator's words."""
    url = f"{ADD_ARTICLE}?language=es&translation_of={english.pk}"
    data = form_data(client.get(url))
    data.update(
        title="Agua",
        slug="agua",
        summary="Beber agua.",
        body=SPANISH_BODY,
        **{"sources-TOTAL_FORMS": 0, "sources-INITIAL_FORMS": 0},
    )
    data.update(publish_at_0=timezone.localdate().isoformat(), publish_at_1="00:00:00")
    return url, data


def add_translation(client, english, **changes):
    url, data = filled_add_form(client, english)
    return client.post(url, {**data, **changes})


def test_an_english_page_links_to_the_add_form_filled_in_for_its_translation(
    editor_client, english
):
    link = translation_link(editor_client, english)
    assert link.get_text() == "Add the Spanish translation"

    page = editor_client.get(link["href"])

    data = form_data(page)
    assert data["language"] == "es"
    assert data["translation_of"] == str(english.pk)
    assert (data["group"], data["order"]) == ("living", "7")
    shown = parse(page).select_one("#english-page").get_text(" ")
    assert "Water" in shown and "Some words." in shown


def test_the_added_translation_is_hidden_until_a_reviewer_who_reads_spanish_approves_it(
    editor_client, reviewer_client, reviewer, english, client
):
    response = add_translation(editor_client, english)
    assert response.status_code == 302
    spanish = Article.objects.get(slug="agua")
    assert (spanish.language, spanish.translation_of) == (Language.SPANISH, english)
    assert translation_link(editor_client, english).get_text() == "Open the Spanish translation"
    assert client.get("/es/articles/agua/").status_code == 404
    # The editor's preview says, in Spanish, that no clinician has reviewed it yet.
    preview = parse(editor_client.get(admin_url(spanish, "preview"))).get_text(" ")
    assert "todavía no ha revisado esta página" in " ".join(preview.split())

    submit_for_review(editor_client, spanish)
    refused = decide(reviewer_client, spanish, "approve")
    assert refused.status_code == 403
    reads_spanish(reviewer)
    assert decide(reviewer_client, spanish, "approve").status_code == 302

    page = parse(client.get("/es/articles/agua/"))
    assert page.select_one("h1").get_text() == "Agua"
    english_page = parse(client.get("/articles/water/"))
    assert english_page.select_one('link[hreflang="es"]')["href"].endswith("/es/articles/agua/")
    assert page.select_one('link[hreflang="en"]')["href"].endswith("/articles/water/")


def test_a_reviewer_without_spanish_cannot_approve_it_by_a_direct_post(
    editor_client, reviewer_client, english
):
    add_translation(editor_client, english)
    spanish = Article.objects.get(slug="agua")
    submit_for_review(editor_client, spanish)
    draft = Draft.objects.for_model(Article, spanish.pk).open().get()

    response = reviewer_client.post(
        admin_url(spanish, "review"),
        {"decision": "approve", "saves": draft.saves, "reviewed_whole_page": "on"},
    )

    assert response.status_code == 403
    spanish.refresh_from_db()
    assert spanish.status == Article.Status.DRAFT and spanish.latest_signoff is None


def form_errors(response):
    assert response.status_code == 200, response.status_code
    page = parse(response)
    return " ".join(e.get_text(" ") for e in page.select(".errorlist, .errornote"))


@pytest.mark.parametrize(
    "changes, message",
    [
        ({"translation_of": ""}, "Choose the English page this page translates."),
        ({"language": "en"}, "An English page is not a translation."),
        ({"slug": "water"}, "already has this address"),
        ({"language": "fr"}, "Select a valid choice"),
        ({"translation_of": "999999"}, "Select a valid choice"),
    ],
)
def test_a_bad_translation_is_a_form_error(editor_client, english, changes, message):
    response = add_translation(editor_client, english, **changes)

    assert message in form_errors(response)
    assert not Article.objects.filter(slug="agua").exists()


def test_a_translation_of_a_translation_is_a_form_error(editor_client, english):
    spanish = Article.objects.filter(language=Language.SPANISH).first()

    response = add_translation(editor_client, english, translation_of=spanish.pk)

    assert "Select a valid choice" in form_errors(response)


def test_a_second_translation_of_one_page_is_a_form_error(editor_client, english):
    add_translation(editor_client, english)

    response = add_translation(editor_client, english, slug="agua-2")

    assert "already has a translation in this language" in form_errors(response)
    assert english.translations.count() == 1


def test_a_change_cannot_move_a_page_to_another_language_or_relink_it(
    editor_client, english, make_article
):
    add_translation(editor_client, english)
    spanish = Article.objects.get(slug="agua")
    other = make_article(title="Other", slug="other")
    data = form_data(editor_client.get(admin_url(spanish, "change")))
    assert "language" not in data and "translation_of" not in data

    response = editor_client.post(
        admin_url(spanish, "change"),
        {**data, "language": "en", "translation_of": other.pk, "summary": "Beba agua."},
    )

    assert response.status_code == 302
    draft = Draft.objects.for_model(Article, spanish.pk).open().get()
    fields = draft.snapshot["object"]["fields"]
    assert (fields["language"], fields["translation_of"]) == ("es", english.pk)
    assert fields["summary"] == "Beba agua."


def test_an_english_page_with_a_translation_is_not_deleted(admin_client, english):
    add_translation(admin_client, english)

    response = admin_client.post(admin_url(english, "delete"), {"post": "yes"}, follow=True)

    assert "has a translation" in response.content.decode()
    assert Article.objects.filter(pk=english.pk).exists()
    listed = admin_client.post(
        "/admin/education/article/",
        {"action": "delete_selected", "_selected_action": [english.pk], "post": "yes"},
        follow=True,
    )
    assert "has a translation" in listed.content.decode()
    assert Article.objects.filter(pk=english.pk).exists()


def test_a_missing_site_page_translation_is_added_at_its_spanish_address(
    editor_client, reviewer_client, reviewer, client
):
    about = SitePage.objects.get(slug="about")
    SitePage.objects.filter(slug="acerca-de").delete()
    link = translation_link(editor_client, about)
    assert link.get_text() == "Add the Spanish translation"
    data = form_data(editor_client.get(link["href"]))
    data.update(title="Acerca de", summary="Quiénes somos.", body="## Quiénes\n\nSomos.")

    assert editor_client.post(link["href"], data).status_code == 302

    spanish = SitePage.objects.get(slug="acerca-de")
    assert spanish.translation_of == about
    assert client.get("/es/acerca-de/").status_code == 404  # until it is signed off
    assert "/es/acerca-de/" not in client.get("/sitemap.xml").content.decode()
    submit_for_review(editor_client, spanish)
    reads_spanish(reviewer)
    decide(reviewer_client, spanish, "approve")
    assert "Quiénes somos." in client.get("/es/acerca-de/").content.decode()
    assert "/es/acerca-de/" in client.get("/sitemap.xml").content.decode()


def test_an_english_site_page_is_not_added(editor_client):
    data = form_data(editor_client.get("/admin/education/sitepage/add/"))
    assert data["language"] == "es"  # the add form offers what may be added
    data.update(language="en", title="New", summary="New.", body="## New\n\nNew.")

    response = editor_client.post("/admin/education/sitepage/add/", data)

    assert "add a translation" in form_errors(response)


def test_a_site_page_without_a_spanish_address_is_refused_not_an_error(editor_client, monkeypatch):
    about = SitePage.objects.get(slug="about")
    SitePage.objects.filter(slug="acerca-de").delete()
    monkeypatch.delitem(SitePage.SPANISH_SLUGS, "about")
    data = form_data(editor_client.get(f"/admin/education/sitepage/add/?translation_of={about.pk}"))
    data.update(title="Acerca de", summary="Quiénes somos.", body="## Quiénes\n\nSomos.")

    response = editor_client.post("/admin/education/sitepage/add/", data)

    assert response.status_code == 200
    assert "has no Spanish address yet" in form_errors(response)


@pytest.mark.parametrize("model", ["article", "sitepage"])
@pytest.mark.parametrize("key", ["abc", "²", "1.5"])
def test_a_page_key_that_is_no_number_is_no_page_not_an_error(editor_client, model, key):
    """A typed or tampered address: the admin's own answer (no such page), never a 500."""
    change = editor_client.get(f"/admin/education/{model}/{key}/change/")
    add = editor_client.get(f"/admin/education/{model}/add/?language=es&translation_of={key}")

    assert change.status_code == 302 and change["Location"] == "/admin/"
    assert add.status_code == 200 and parse(add).select_one("#translation") is None


@requires_row_locks
def test_adding_a_translation_locks_the_english_page_before_checking_for_another(
    editor_client, english
):
    url, data = filled_add_form(editor_client, english)

    with CaptureQueriesContext(connection) as captured:
        assert editor_client.post(url, data).status_code == 302

    queries = [q["sql"] for q in captured]
    lock = lock_of("education_article", queries)
    checked = next(
        i for i, sql in enumerate(queries) if '"translation_of_id" =' in sql and "LIMIT 1" in sql
    )
    inserted = next(
        i for i, sql in enumerate(queries) if sql.startswith('INSERT INTO "education_article"')
    )
    assert lock is not None and lock < checked < inserted


def test_recovering_a_deleted_translation_when_another_took_its_place_is_refused_with_a_message(
    admin_client, english
):
    add_translation(admin_client, english)
    first = Article.objects.get(slug="agua")
    assert admin_client.post(admin_url(first, "delete"), {"post": "yes"}).status_code == 302
    add_translation(admin_client, english, slug="agua-nueva")
    version = Version.objects.get_deleted(Article).get(object_id=str(first.pk))

    recover_url = f"/admin/education/article/recover/{version.pk}/"
    for response in (
        admin_client.get(recover_url, follow=True),
        admin_client.post(recover_url, {"title": "Agua"}, follow=True),
    ):
        text = parse(response).select_one(".messagelist").get_text()
        assert "its English page has another translation in this language" in text
    assert list(english.translations.values_list("slug", flat=True)) == ["agua-nueva"]

"""A Spanish page shows a picture's Spanish alt text and caption, never the English ones: a
Spanish page cannot use a picture without them, and once one does, they change only as the
English words do (a new picture, through a reviewed draft)."""

import pytest

from education.models import Article, Image, Language
from tests.support.admin_forms import admin_url, form_data, submit
from tests.support.editorial_steps import decide, reads_spanish, save_change, submitted_change
from tests.support.pages import parse
from tests.support.picture_files import picture_bytes, upload

pytestmark = pytest.mark.django_db

ADD_URL = "/admin/education/image/add/"
ENGLISH_WORDS = {
    "alt_text": "A woman doing a side lunge beside a kitchen chair.",
    "caption": "Keep the cramped leg straight.",
}
SPANISH_WORDS = {
    "alt_text_es": "Una mujer hace una estocada lateral junto a una silla.",
    "caption_es": "Mantenga recta la pierna con el calambre.",
}


def add_picture(client, **words):
    data = {
        **form_data(client.get(ADD_URL)),
        "title": "Side lunge photo",
        "credit": "Photo: our staff",
        "license": "Taken by our staff",
        "upload": upload(picture_bytes(1200, 600)),
        **words,
    }
    assert client.post(ADD_URL, data).status_code == 302
    return Image.objects.get()


@pytest.fixture
def spanish_article():
    return Article.objects.filter(language=Language.SPANISH).first()


def body_with(picture):
    return f"## ¿Qué hago?\n\nEstire el músculo.\n\n{picture.reference}\n"


def test_a_spanish_page_cannot_use_a_picture_without_spanish_words(
    admin_client, editor_client, spanish_article
):
    picture = add_picture(admin_client, **ENGLISH_WORDS)

    response = save_change(editor_client, spanish_article, body=body_with(picture))

    assert response.status_code == 200
    text = " ".join(e.get_text(" ") for e in parse(response).select(".errorlist"))
    assert f"The picture {picture.reference} has no Spanish alt text or caption." in text


def test_a_spanish_page_shows_the_spanish_words_and_english_pages_the_english(
    admin_client, editor_client, reviewer_client, reviewer, spanish_article, client
):
    reads_spanish(reviewer)
    picture = add_picture(admin_client, **ENGLISH_WORDS)
    # Adding the Spanish words is allowed while only English pages could show it.
    assert submit(admin_client, admin_url(picture), **SPANISH_WORDS).status_code == 302

    submitted_change(editor_client, spanish_article, body=body_with(picture))
    decide(reviewer_client, spanish_article, "approve")

    figure = parse(client.get(spanish_article.get_absolute_url())).select_one("figure")
    assert figure.img["alt"] == SPANISH_WORDS["alt_text_es"]
    assert SPANISH_WORDS["caption_es"] in figure.get_text()
    assert ENGLISH_WORDS["caption"] not in figure.get_text()


def test_the_spanish_words_of_a_picture_a_spanish_page_shows_are_held(
    admin_client, editor_client, reviewer_client, reviewer, spanish_article
):
    reads_spanish(reviewer)
    picture = add_picture(admin_client, **ENGLISH_WORDS, **SPANISH_WORDS)
    submitted_change(editor_client, spanish_article, body=body_with(picture))
    decide(reviewer_client, spanish_article, "approve")

    response = submit(admin_client, admin_url(picture), alt_text_es="Otra cosa.")

    assert response.status_code == 200
    assert "Readers see this picture" in response.content.decode()
    picture.refresh_from_db()
    assert picture.alt_text_es == SPANISH_WORDS["alt_text_es"]


def test_english_words_of_a_picture_only_a_spanish_page_shows_are_held_by_english_pages_only(
    admin_client, make_article
):
    picture = add_picture(admin_client, **ENGLISH_WORDS, **SPANISH_WORDS)
    make_article(title="Stretch", body=body_with(picture))

    refused = submit(admin_client, admin_url(picture), alt_text="Something else.")
    assert refused.status_code == 200 and "Readers see this picture" in refused.text
    # The Spanish words are not shown yet: they may be corrected.
    assert submit(admin_client, admin_url(picture), caption_es="Pierna recta.").status_code == 302

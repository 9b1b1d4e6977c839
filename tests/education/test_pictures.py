"""The picture library: what an editor may upload, what is made of it, and how articles
show it."""

import re

import pytest
from bs4 import BeautifulSoup
from django.core.files.storage import default_storage
from PIL import Image as PillowImage
from reversion.models import Version

from editorial.models import Draft
from education.models import Article, Image
from education.pictures import MAX_BYTES, RENDITION_NAME
from tests.support.admin_forms import form_data, submit
from tests.support.editorial_steps import decide, submitted_change
from tests.support.pages import parse
from tests.support.picture_files import picture_bytes, upload

ADD_URL = "/admin/education/image/add/"
FIELDS = {
    "title": "Side lunge photo",
    "alt_text": "A woman doing a side lunge beside a kitchen chair.",
    "caption": "Keep the cramped leg straight.",
    "credit": "Photo: our staff",
    "license": "Taken by our staff",
}


def parse_html(html):
    return BeautifulSoup(html, "html.parser")


def add_image(client, file, **changes):
    data = {**form_data(client.get(ADD_URL)), **FIELDS, **changes}
    if file is not None:
        data["upload"] = file
    return client.post(ADD_URL, data)


def errors(response):
    return " ".join(e.get_text(" ") for e in parse(response).select(".errorlist"))


def stored_files(media_root):
    return [p for p in media_root.rglob("*") if p.is_file()] if media_root.exists() else []


@pytest.fixture
def picture(admin_client):
    response = add_image(admin_client, upload(picture_bytes(1600, 900, location=True)))
    assert response.status_code == 302, errors(response)
    return Image.objects.get()


def test_a_real_picture_uploads_and_makes_its_renditions(picture, media_root):
    made = picture.rendition_list()

    assert [(r.width, r.format) for r in made] == [
        (480, "WEBP"), (480, "JPEG"), (800, "WEBP"), (800, "JPEG"), (1200, "WEBP"), (1200, "JPEG"),
    ]  # fmt: skip
    assert (picture.width, picture.height) == (1200, 675)
    for rendition in made:
        assert RENDITION_NAME.fullmatch(rendition.name.removeprefix("images/"))
        with default_storage.open(rendition.name) as file:
            assert PillowImage.open(file).size == (rendition.width, rendition.height)
    assert len(stored_files(media_root)) == 6


def test_a_small_transparent_picture_is_not_enlarged_and_keeps_a_png_fallback(admin_client):
    png = picture_bytes(300, 200, format="PNG", mode="RGBA")

    response = add_image(admin_client, upload(png, "icon.png", "image/png"))

    assert response.status_code == 302, errors(response)
    made = Image.objects.get().rendition_list()
    assert [(r.width, r.format) for r in made] == [(300, "WEBP"), (300, "PNG")]


def test_location_and_camera_details_are_gone_from_the_renditions(picture):
    for rendition in picture.rendition_list():
        with default_storage.open(rendition.name) as file:
            stored = PillowImage.open(file)
            assert not stored.getexif(), rendition.name
            assert "exif" not in stored.info and "icc_profile" not in stored.info


@pytest.mark.parametrize(
    ("make_content", "name", "message"),
    [
        (lambda: b"Not a picture at all.\n" * 50, "stretch.jpg", "This file is not one"),
        (
            lambda: b"\xff\xd8\xff" + bytes(MAX_BYTES),
            "huge.jpg",
            "Choose a picture of 10 MB or less",
        ),
        (lambda: picture_bytes(60, 40, "GIF", mode="L"), "old.jpg", "This file is not one"),
        # Between Pillow's limit and twice it, Pillow only warns; beyond, it refuses.
        (lambda: picture_bytes(6000, 6000, "PNG", mode="1"), "bomb.png", "more than 30 million"),
        (lambda: picture_bytes(8000, 8000, "PNG", mode="1"), "bomb.png", "more than 30 million"),
        (lambda: picture_bytes(40, 17000, "PNG", mode="1"), "tall.png", "no side longer than"),
    ],
    ids=["renamed-text-file", "over-10-MB", "gif", "bomb-warned", "bomb-refused", "too-tall"],
)
def test_a_refused_upload_says_why_and_stores_nothing(
    admin_client, media_root, make_content, name, message
):
    response = add_image(admin_client, upload(make_content(), name))

    assert response.status_code == 200
    assert message in errors(response)
    assert not Image.objects.exists()
    assert stored_files(media_root) == []


def test_alt_text_is_required_unless_the_picture_is_decorative(admin_client, media_root):
    response = add_image(admin_client, upload(picture_bytes(800, 600)), alt_text=" ")

    assert response.status_code == 200
    assert "Describe what the picture shows" in errors(response)
    assert stored_files(media_root) == []


def test_a_decorative_picture_has_an_empty_alt(admin_client, make_article):
    response = add_image(
        admin_client, upload(picture_bytes(800, 600)), alt_text="", decorative="on"
    )
    assert response.status_code == 302, errors(response)
    image = Image.objects.get()

    article = make_article(body=f"## Stretch\n\n{image.reference}\n")

    img = parse_html(article.body_html).select_one("figure img")
    assert img.has_attr("alt") and img["alt"] == ""


def test_the_article_markup_is_responsive_and_keeps_its_space(picture, make_article):
    article = make_article(body=f"## How to stretch\n\nTry this.\n\n{picture.reference}\n")

    figure = parse_html(article.body_html).select_one("figure.article-figure")
    source, img = figure.select_one("picture source"), figure.select_one("picture img")
    assert source["type"] == "image/webp"
    assert re.fullmatch(r"/media/images/\w+-480\.webp 480w, .+ 800w, .+ 1200w", source["srcset"])
    assert img["srcset"].count(".jpg") == 3 and img["sizes"] == source["sizes"]
    assert img["src"].endswith("-800.jpg")
    assert (img["width"], img["height"]) == ("1200", "675")
    assert img["alt"] == FIELDS["alt_text"]
    assert (img["loading"], img["decoding"]) == ("lazy", "async")
    caption = " ".join(figure.figcaption.get_text(" ").split())
    assert caption == "Keep the cramped leg straight. Photo: our staff (Taken by our staff)"
    assert list(article.images.all()) == [picture]


def test_the_admin_shows_the_reference_to_copy(admin_client, picture):
    page = parse(admin_client.get(f"/admin/education/image/{picture.pk}/change/"))

    assert page.select_one("input[readonly]")["value"] == f"![[image:{picture.pk}]]"


def test_the_article_form_lists_pictures_with_their_references(admin_client, picture, make_article):
    article = make_article()

    page = parse(admin_client.get(f"/admin/education/article/{article.pk}/change/"))

    item = page.select_one(".picture-chooser__item")
    assert item.select_one(".picture-chooser__title").get_text() == picture.title
    box = item.select_one("input[readonly]")
    assert box["value"] == f"![[image:{picture.pk}]]" and not box.has_attr("name")
    insert = item.select_one("button[data-insert-reference]")
    assert insert["type"] == "button" and insert.has_attr("hidden")  # shown by JavaScript
    assert page.select_one('script[src$="js/picture-chooser.js"]')


def test_a_reference_copied_from_the_list_shows_the_picture(admin_client, picture, make_article):
    article = make_article()
    page = parse(admin_client.get(f"/admin/education/article/{article.pk}/change/"))
    reference = page.select_one(".picture-chooser__reference")["value"]

    response = article_change(admin_client, article, f"{article.body}\n\n{reference}\n")

    assert response.status_code == 302
    preview = parse(admin_client.get(f"/admin/education/article/{article.pk}/preview/"))
    assert preview.select_one(".article-body figure img")["alt"] == picture.alt_text


def article_change(admin_client, article, body):
    url = f"/admin/education/article/{article.pk}/change/"
    return submit(admin_client, url, body=body)


@pytest.mark.parametrize(
    ("reference", "message"),
    [
        ("![[image:999]]", "There is no picture for ![[image:999]]"),
        ("![[illustration:hamstring]]", "There is no drawing for ![[illustration:hamstring]]"),
    ],
)
def test_an_unknown_reference_gives_the_editor_an_error(
    admin_client, make_article, reference, message
):
    article = make_article()

    response = article_change(admin_client, article, f"## Stretch\n\n{reference}\n")

    assert response.status_code == 200
    assert message in errors(response)
    article.refresh_from_db()
    assert reference not in article.body


def test_a_new_alt_text_reaches_the_unpublished_articles_that_show_the_picture(
    admin_client, picture, make_article
):
    article = make_article(body=f"## Stretch\n\n{picture.reference}\n", status="draft")
    url = f"/admin/education/image/{picture.pk}/change/"

    response = submit(admin_client, url, alt_text="A man doing a side lunge.")

    assert response.status_code == 302, errors(response)
    article.refresh_from_db()
    assert 'alt="A man doing a side lunge."' in article.body_html


@pytest.mark.parametrize(
    "change",
    [{"alt_text": "Something else."}, {"caption": "New caption."}, {"decorative": "on"}],
)
def test_what_readers_see_of_a_published_picture_changes_only_through_sign_off(
    admin_client, picture, make_article, change
):
    article = make_article(title="How to stretch", body=f"## Stretch\n\n{picture.reference}\n")
    url = f"/admin/education/image/{picture.pk}/change/"

    response = submit(admin_client, url, **change)

    assert response.status_code == 200
    assert "Readers see this picture, or will once a draft is approved, in “How to stretch”" in (
        errors(response)
    )
    article.refresh_from_db()
    assert f'alt="{picture.alt_text}"' in article.body_html
    assert submit(admin_client, url, title="Renamed for the list").status_code == 302


def test_a_picture_in_use_cannot_be_deleted(admin_client, picture, make_article):
    make_article(title="How to stretch", body=f"{picture.reference}\n")
    url = f"/admin/education/image/{picture.pk}/delete/"

    page = admin_client.get(url, follow=True)
    admin_client.post(url, {"post": "yes"})

    assert "This picture was not deleted. Readers see this picture" in page.content.decode()
    assert "“How to stretch”" in page.content.decode()
    assert Image.objects.filter(pk=picture.pk).exists()


def test_a_picture_no_article_shows_can_be_deleted(admin_client, picture, make_article):
    article = make_article(body=f"{picture.reference}\n")
    article.body = "No picture now."
    article.save()

    admin_client.post(f"/admin/education/image/{picture.pk}/delete/", {"post": "yes"})

    assert not Image.objects.exists()


def test_editors_may_add_pictures(client, editor):
    client.force_login(editor)

    assert client.get(ADD_URL).status_code == 200


def test_the_picture_list_shows_thumbnails_and_use(admin_client, picture, make_article):
    make_article(body=f"{picture.reference}\n")

    row = parse(admin_client.get("/admin/education/image/")).select_one("#result_list tbody tr")

    assert row.select_one("img")["src"].endswith("-480.webp")
    assert row.select_one(".field-use_count").get_text() == "1"


def test_pictures_survive_an_article_saved_without_its_body(picture, make_article):
    article = make_article(body=f"{picture.reference}\n")

    article.save(update_fields=["status"])  # as publishing a scheduled approval does

    assert Article.objects.get(pk=article.pk).images.get() == picture


def test_a_renamed_picture_is_judged_by_its_content(admin_client):
    png = picture_bytes(640, 480, format="PNG")

    response = add_image(admin_client, upload(png, "photo.jpg", "image/jpeg"))

    assert response.status_code == 302, errors(response)


def test_a_damaged_picture_is_refused(admin_client, media_root):
    broken = picture_bytes(640, 480)[:2000]

    response = add_image(admin_client, upload(broken))

    assert "This file is not one, or it is damaged" in errors(response)
    assert stored_files(media_root) == []


def test_uploads_are_checked_on_change_too(admin_client, picture):
    url = f"/admin/education/image/{picture.pk}/change/"
    before = picture.renditions

    response = admin_client.post(url, {**form_data(admin_client.get(url)), "upload": upload(b"x")})

    assert response.status_code == 200
    picture.refresh_from_db()
    assert picture.renditions == before


def test_a_changed_picture_shows_at_once_on_cached_pages(
    wsgi_get, picture, make_article, committed
):
    article = make_article(body=f"{picture.reference}\n")
    assert FIELDS["alt_text"] in wsgi_get(article.get_absolute_url()).text()  # now cached

    with committed():
        picture.alt_text = "A man doing a side lunge."
        picture.save()

    assert "A man doing a side lunge." in wsgi_get(article.get_absolute_url()).text()


def test_a_new_picture_needs_a_file(admin_client):
    response = add_image(admin_client, None)

    assert response.status_code == 200
    assert "This field is required" in errors(response)
    assert not Image.objects.exists()


@pytest.fixture
def submitted_draft_showing(editor_client, make_article):
    """A published article without the picture, and a submitted draft that adds it."""

    def submitted(picture):
        article = make_article(title="How to stretch", body="## Stretch\n\nNo picture yet.")
        body = f"## Stretch\n\n{picture.reference}\n"
        return article, submitted_change(editor_client, article, body=body)

    return submitted


@pytest.mark.parametrize(
    "change",
    [
        {"caption": "A different caption."},
        {"alt_text": "Something else entirely."},
        {"upload": "new file"},
    ],
)
def test_a_picture_only_a_submitted_draft_shows_cannot_change_under_the_reviewer(
    admin_client, picture, submitted_draft_showing, change
):
    submitted_draft_showing(picture)
    before = Image.objects.filter(pk=picture.pk).values().get()
    if "upload" in change:
        change = {"upload": upload(picture_bytes(800, 600))}

    response = submit(admin_client, f"/admin/education/image/{picture.pk}/change/", **change)

    assert response.status_code == 200
    assert "the draft of “How to stretch”" in errors(response)
    assert Image.objects.filter(pk=picture.pk).values().get() == before


def test_approval_is_refused_if_a_picture_the_draft_shows_changed_since(
    reviewer_client, picture, submitted_draft_showing
):
    article, draft = submitted_draft_showing(picture)
    # Changed outside the admin's checks, as a script or a bug might.
    Image.objects.filter(pk=picture.pk).update(caption="Not what the reviewer saw.")

    response = decide(reviewer_client, article, "approve")

    assert response.status_code == 403
    assert "changed after the draft was saved" in parse(response).get_text()
    article.refresh_from_db()
    draft.refresh_from_db()
    assert "No picture yet." in article.body and draft.state == Draft.State.SUBMITTED


def test_approval_publishes_the_picture_the_reviewer_saw(
    reviewer_client, picture, submitted_draft_showing
):
    article, _ = submitted_draft_showing(picture)

    assert decide(reviewer_client, article, "approve").status_code == 302

    article.refresh_from_db()
    assert picture.caption in article.body_html


def test_restoring_an_older_picture_version_is_refused_while_a_published_article_shows_it(
    admin_client, picture, make_article
):
    url = f"/admin/education/image/{picture.pk}/change/"
    assert submit(admin_client, url, caption="The newer caption.").status_code == 302
    older = Version.objects.get_for_object(picture).order_by("pk").first()
    make_article(title="How to stretch", body=f"## Stretch\n\n{picture.reference}\n")
    revert = f"/admin/education/image/{picture.pk}/history/{older.pk}/"

    response = admin_client.post(revert, {**form_data(admin_client.get(url)), "caption": "x"})

    assert response.status_code == 302
    assert "This version was not restored" in admin_client.get(url).content.decode()
    picture.refresh_from_db()
    assert picture.caption == "The newer caption."


def test_restoring_an_older_version_of_a_picture_nothing_shows_works(admin_client, picture):
    url = f"/admin/education/image/{picture.pk}/change/"
    assert submit(admin_client, url, caption="The newer caption.").status_code == 302
    older = Version.objects.get_for_object(picture).order_by("pk").first()
    revert = f"/admin/education/image/{picture.pk}/history/{older.pk}/"

    response = admin_client.post(revert, form_data(admin_client.get(revert)))

    assert response.status_code == 302
    picture.refresh_from_db()
    assert picture.caption == FIELDS["caption"]


def test_a_picture_an_open_draft_shows_cannot_be_deleted(
    admin_client, picture, submitted_draft_showing
):
    submitted_draft_showing(picture)

    admin_client.post(f"/admin/education/image/{picture.pk}/delete/", {"post": "yes"})

    assert Image.objects.filter(pk=picture.pk).exists()


def test_deleting_a_picture_deletes_its_files(
    admin_client, picture, media_root, django_capture_on_commit_callbacks
):
    assert stored_files(media_root)

    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(f"/admin/education/image/{picture.pk}/delete/", {"post": "yes"})

    assert not Image.objects.exists()
    assert stored_files(media_root) == []


def test_a_file_another_picture_also_uses_stays_when_one_is_deleted(
    admin_client, picture, media_root, django_capture_on_commit_callbacks
):
    same = add_image(admin_client, upload(picture_bytes(1600, 900, location=True)))
    assert same.status_code == 302
    kept = sorted(stored_files(media_root))

    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(f"/admin/education/image/{picture.pk}/delete/", {"post": "yes"})

    assert sorted(stored_files(media_root)) == kept


def test_a_deleted_picture_is_not_offered_for_recovery(
    admin_client, picture, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(f"/admin/education/image/{picture.pk}/delete/", {"post": "yes"})
    deleted = Version.objects.get_deleted(Image).get()

    for url in ["/admin/education/image/recover/", f"/admin/education/image/recover/{deleted.pk}/"]:
        response = admin_client.post(url, {}, follow=True)

        assert "cannot be recovered" in response.content.decode()
    assert not Image.objects.exists()

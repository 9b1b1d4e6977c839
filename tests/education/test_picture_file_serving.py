"""Rendition files come out of the default storage, as gunicorn serves them (debug off),
cached for good; nothing else in the media folder or beyond it does."""

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from education.pictures import make_renditions, open_upload
from tests.support.picture_files import picture_bytes, upload


@pytest.fixture
def rendition(db):
    return make_renditions(open_upload(upload(picture_bytes(600, 400))))[0]


def test_a_rendition_is_served_with_its_type_and_cached_for_good(wsgi_get, rendition):
    response = wsgi_get(f"/media/{rendition.name}", accept_encoding="gzip")

    assert response.status == 200
    assert response.headers["Content-Type"] == "image/webp"
    assert response.headers["Cache-Control"] == "public, max-age=31536000, immutable"
    assert "Content-Encoding" not in response.headers  # pictures are compressed already
    with default_storage.open(rendition.name) as file:
        assert response.content == file.read()


def test_head_gives_the_headers_without_the_file(client, rendition):
    response = client.head(f"/media/{rendition.name}")

    assert response.status_code == 200
    assert int(response["Content-Length"]) == default_storage.size(rendition.name)
    assert response.content == b""


@pytest.mark.parametrize(
    "path",
    [
        "/media/images/0123456789abcdef0123-480.webp",  # the right shape, but no such file
        "/media/images/../../.secret_key",
        "/media/images/%2e%2e/%2e%2e/manage.py",
        "/media/images/notes.txt",
        "/media/images/0123456789abcdef0123-480.svg",
        "/media/images/sub/0123456789abcdef0123-480.webp",
    ],
)
def test_anything_but_a_rendition_is_not_found(client, db, path):
    response = client.get(path)

    assert response.status_code == 404
    assert response.get("Cache-Control") != "public, max-age=31536000, immutable"


def test_other_files_in_the_media_folder_are_not_served(client, db):
    default_storage.save("images/0123456789abcdef0123-480.webp.txt", ContentFile(b"secret"))
    default_storage.save("private.webp", ContentFile(b"secret"))

    assert client.get("/media/images/0123456789abcdef0123-480.webp.txt").status_code == 404
    assert client.get("/media/private.webp").status_code == 404


def test_a_rendition_refuses_post(client, rendition):
    assert client.post(f"/media/{rendition.name}").status_code == 405


def test_picture_files_never_touch_the_page_cache(rf):
    from cramps_site.page_cache import page_key

    assert page_key(rf.get("/media/images/0123456789abcdef0123-480.webp").environ) is None

"""A declared character set Django cannot read gets a 400 before Django builds the request."""

from wsgiref.util import setup_testing_defaults

import pytest

from cramps_site.charsets import readable_charset
from cramps_site.wsgi import application
from tests.support.pages import WSGIResponse

UNREADABLE = ["rot13", "base64", "hex", "zlib", "bz2", "uu", "quopri", "no-such-charset", "idna"]


def environ_declaring(charset):
    """Built by hand: Django's own request factory would fail on these, as Django does."""
    environ = {
        "PATH_INFO": "/articles/",
        "QUERY_STRING": "page=1",
        "CONTENT_TYPE": f"text/plain; charset={charset}",
    }
    setup_testing_defaults(environ)
    return environ


@pytest.mark.parametrize("charset", UNREADABLE)
def test_a_query_with_an_unreadable_charset_gets_400(db, charset):
    response = WSGIResponse(application, environ_declaring(charset))

    assert response.status == 400
    assert response.headers["Content-Type"] == "text/plain; charset=utf-8"
    assert "cannot read the character set" in response.text()


@pytest.mark.parametrize("charset", ["utf-8", "UTF-8", "latin-1", "windows-1252", "ascii"])
def test_text_charsets_reach_the_site(wsgi_get, charset):
    response = wsgi_get("/articles/?page=1", content_type=f"text/plain; charset={charset}")

    assert response.status == 200


def test_a_request_without_a_charset_reaches_the_site(wsgi_get):
    assert wsgi_get("/articles/", content_type="text/plain").status == 200


@pytest.mark.parametrize("charset", ["utf-16", "utf-32", "cp500", "punycode", "undefined"])
def test_charsets_that_do_not_read_ascii_as_ascii_are_refused(charset):
    assert not readable_charset(charset)

"""One client address for the login lockout and the feedback limit, proxies or not."""

import pytest
from django.test import RequestFactory

from common.client_address import client_address
from education.views import FEEDBACK_PER_HOUR


def address_of(forwarded_for=None, remote="10.0.0.1"):
    headers = {"x-forwarded-for": forwarded_for} if forwarded_for is not None else {}
    return client_address(RequestFactory().get("/", REMOTE_ADDR=remote, headers=headers))


def test_without_proxies_the_forwarded_header_is_never_trusted(settings):
    settings.PROXY_COUNT = 0

    assert address_of("203.0.113.9") == "10.0.0.1"


@pytest.mark.parametrize(
    ("proxies", "forwarded_for", "expected"),
    [
        (1, "203.0.113.9", "203.0.113.9"),
        (1, "6.6.6.6, 203.0.113.9", "203.0.113.9"),  # the reader wrote the left-most entry
        (2, "6.6.6.6, 203.0.113.9, 10.0.0.2", "203.0.113.9"),
        (1, "2001:db8::7", "2001:db8::7"),
    ],
)
def test_behind_proxies_only_as_many_hops_as_proxies_are_read(
    settings, proxies, forwarded_for, expected
):
    settings.PROXY_COUNT = proxies

    assert address_of(forwarded_for) == expected


@pytest.mark.parametrize(
    ("proxies", "forwarded_for"),
    [(1, None), (1, ""), (1, "not-an-address"), (1, "203.0.113.9, unknown"), (2, "203.0.113.9")],
)
def test_a_missing_short_or_broken_header_falls_back_to_the_connecting_address(
    settings, proxies, forwarded_for
):
    settings.PROXY_COUNT = proxies

    assert address_of(forwarded_for) == "10.0.0.1"


def post_feedback(client, article, forwarded_for):
    url = f"{article.get_absolute_url()}feedback/"
    return client.post(url, {"helpful": "yes"}, headers={"x-forwarded-for": forwarded_for})


def test_behind_a_proxy_one_readers_feedback_limit_leaves_others_free(
    client, settings, make_article
):
    settings.PROXY_COUNT = 1
    article = make_article()
    for _ in range(FEEDBACK_PER_HOUR):
        post_feedback(client, article, "203.0.113.9")

    assert post_feedback(client, article, "203.0.113.9").status_code == 429
    assert post_feedback(client, article, "198.51.100.7").status_code == 302


def test_without_a_proxy_a_made_up_forwarded_address_does_not_escape_the_limit(
    client, settings, make_article
):
    settings.PROXY_COUNT = 0
    article = make_article()
    for n in range(FEEDBACK_PER_HOUR):
        post_feedback(client, article, f"203.0.113.{n}")

    assert post_feedback(client, article, "198.51.100.7").status_code == 429

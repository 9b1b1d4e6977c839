"""What only a real server shows: gunicorn behind a proxy, and with HTTPS required, on
loopback, with its error log read back.

Runs against SQLite and the file cache by default, and against PostgreSQL when DATABASE_URL
is set (CI's second pass).
"""

import http.client
import os
import re
import urllib.parse
import urllib.request
from contextlib import ExitStack

import pytest

from bench.live_site import (
    Browser,
    SiteDatabase,
    prepare_site,
    production_env,
    result_page,
    start_gunicorn,
)
from tests.support.admin_forms import form_fields_in_html
from tests.support.answers import PAGES, with_changes
from tests.support.flows import FIRST_PAGE

ADMIN_PASSWORD = "a long test-only admin passphrase"
LOGIN = "/admin/login/?next=/admin/"
BAD_REQUEST_HEADING = "<h1>Sorry, there is a problem with your request</h1>"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """One database and cache; a server behind one proxy, and one that requires HTTPS."""
    workdir = tmp_path_factory.mktemp("real-http")
    database = SiteDatabase(os.environ.get("DATABASE_URL", ""), workdir)
    env = production_env(
        workdir,
        database.url,
        DJANGO_SUPERUSER_PASSWORD=ADMIN_PASSWORD,
        WEB_CONCURRENCY="1",
    )
    with ExitStack() as cleanup:  # whatever started is stopped, even if a later step fails
        cleanup.callback(database.drop)
        prepare_site(env)
        log_path = workdir / "behind-proxy.log"
        with open(log_path, "w") as log:
            behind_proxy = start_gunicorn({**env, "DJANGO_PROXY_COUNT": "1"}, log=log)
        cleanup.callback(behind_proxy.stop)
        https_only = start_gunicorn({**env, "DJANGO_HTTPS": "1"})
        cleanup.callback(https_only.stop)
        yield {"behind_proxy": behind_proxy.url, "https_only": https_only.url, "log": log_path}


def raw_request(url, method, path, headers, body=None):
    """One request exactly as given (urllib would add or fix headers); status and body."""
    address = urllib.parse.urlsplit(url)
    connection = http.client.HTTPConnection(address.hostname, address.port, timeout=30)
    try:
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        return response.status, response.read().decode()
    finally:
        connection.close()


def log_line_count(path):
    return len(path.read_text().splitlines())


def log_since(path, lines):
    return "\n".join(path.read_text().splitlines()[lines:])


def log_in(url, forwarded_for, password):
    person = Browser(headers={"X-Forwarded-For": forwarded_for})
    status, _, _ = person.post_form(
        url + LOGIN, url + LOGIN, {"username": "admin", "password": password}
    )
    return status


def test_behind_a_proxy_failed_logins_from_one_address_leave_another_free(site):
    url = site["behind_proxy"]
    for _ in range(4):
        assert log_in(url, "203.0.113.9", "wrong password") == 200
    assert log_in(url, "203.0.113.9", "wrong password") == 429  # the fifth failure locks

    assert log_in(url, "203.0.113.9", ADMIN_PASSWORD) == 429
    # A made-up left-most entry changes nothing: only the proxy's own entry is read.
    assert log_in(url, "198.51.100.7, 203.0.113.9", ADMIN_PASSWORD) == 429
    assert log_in(url, "198.51.100.7", ADMIN_PASSWORD) == 302


@pytest.mark.parametrize("charset", ["rot13", "base64", "zlib", "no-such-charset"])
def test_an_unreadable_charset_gets_400_and_no_traceback_in_the_log(site, charset):
    lines = log_line_count(site["log"])

    status, body = raw_request(
        site["behind_proxy"],
        "GET",
        "/articles/?page=1",
        {"Content-Type": f"text/plain; charset={charset}"},
    )

    assert status == 400 and "cannot read the character set" in body
    assert "Traceback" not in log_since(site["log"], lines)


def test_a_form_declaring_latin_1_gets_the_sites_400_page(site):
    url = site["behind_proxy"]
    person = Browser(headers={"Content-Type": "application/x-www-form-urlencoded; charset=latin-1"})
    answers = dict.fromkeys(PAGES["serious-symptoms"], "no")

    status, _, html = person.post_form(url + FIRST_PAGE, url + FIRST_PAGE, answers)

    assert status == 400
    assert BAD_REQUEST_HEADING in html and "call 911" in html


def test_the_result_page_is_never_stored(site):
    status, headers, _ = result_page([site["behind_proxy"]], with_changes(numbness="yes"))

    assert status == 200
    assert "no-store" in headers["Cache-Control"]


def test_with_https_required_plain_http_to_an_unknown_host_gets_400(site):
    status, body = raw_request(site["https_only"], "GET", "/", {"Host": "attacker.example"})

    assert status == 400 and BAD_REQUEST_HEADING in body


def test_with_https_required_a_load_balancer_gets_healthz_over_plain_http(site):
    status, body = raw_request(site["https_only"], "GET", "/healthz", {"Host": "10.0.0.5:8000"})

    assert (status, body) == (200, "ok\n")


def test_with_https_required_plain_http_to_the_site_is_redirected(site):
    status, _ = raw_request(site["https_only"], "GET", "/articles/", {"Host": "127.0.0.1"})

    assert status == 301


def session_id(person):
    handler = next(
        h for h in person.opener.handlers if isinstance(h, urllib.request.HTTPCookieProcessor)
    )
    return next(cookie.value for cookie in handler.cookiejar if cookie.name == "sessionid")


def test_a_draft_preview_never_reaches_anyone_else_whatever_the_cookie_header(site):
    url = site["behind_proxy"]
    admin = Browser(headers={"X-Forwarded-For": "198.51.100.30"})
    admin.post_form(url + LOGIN, url + LOGIN, {"username": "admin", "password": ADMIN_PASSWORD})
    change = url + "/admin/education/article/1/change/"
    _, _, form = admin.get(change)
    fields = {**form_fields_in_html(form), "title": "Words only the draft has"}
    assert admin.request(change, fields, referer=change)[0] == 302
    preview = "/admin/education/article/1/preview/"
    odd_cookie = {"Cookie": f"foo; sessionid={session_id(admin)}"}

    seen_by_admin = raw_request(url, "GET", preview, odd_cookie)
    seen_by_others = [raw_request(url, "GET", preview, {}) for _ in range(2)]

    assert seen_by_admin[0] == 200 and "Words only the draft has" in seen_by_admin[1]
    for status, body in seen_by_others:
        assert status == 302 and "Words only the draft has" not in body


def test_drawings_go_out_under_hashed_names_that_browsers_keep_for_good(site):
    reader = Browser()
    _, _, html = reader.get(site["behind_proxy"] + "/articles/inner-thigh-cramps/")
    drawings = re.findall(r'src="(/static/img/illustrations/[a-z0-9-]+\.[0-9a-f]{12}\.svg)"', html)
    assert drawings, "the article shows its drawing under a hashed name"

    status, headers, _ = reader.get(site["behind_proxy"] + drawings[0])

    assert status == 200 and "immutable" in headers["Cache-Control"]

"""Headers, policies and login protection on every public page."""

import os
import subprocess
import sys

import pytest
from django.contrib.auth.models import User
from django.test import Client

from bench.live_site import printed_by_fresh_django
from tests.support import REPOSITORY
from tests.support.admin_forms import PASSWORD
from tests.support.answers import with_changes
from tests.support.flows import complete_questionnaire
from tests.support.pages import parse

PUBLIC_PAGES = [
    "/",
    "/articles/",
    "/articles/inner-thigh-cramps/",
    "/triage/",
    "/triage/serious-symptoms/",
    "/no-such-page/",
]


def csp_directives(response):
    policy = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in policy.split("; ") if part}


@pytest.mark.parametrize("url", PUBLIC_PAGES)
def test_public_pages_send_a_strict_policy_and_safety_headers(client, db, url):
    response = client.get(url)

    directives = csp_directives(response)
    assert directives["default-src"] == ["'self'"]
    assert directives["frame-ancestors"] == ["'none'"]
    assert directives["form-action"] == ["'self'"]
    assert directives["base-uri"] == ["'none'"]
    assert directives["object-src"] == ["'none'"]
    assert not any("unsafe" in source for sources in directives.values() for source in sources)
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]
    assert response["X-Frame-Options"] == "DENY"


def assert_no_inline_script_or_style(response):
    soup = parse(response)
    assert not soup.select("style"), "no <style> element"
    assert not soup.select("[style]"), "no style= attribute"
    # Only external scripts, and JSON-LD data blocks, which browsers never run.
    assert all(
        script.get("src") or script.get("type") == "application/ld+json"
        for script in soup.select("script")
    ), "no inline script"
    assert not [
        (element.name, attribute)
        for element in soup.find_all(True)
        for attribute in element.attrs
        if attribute.startswith("on")
    ], "no event handler attributes"


@pytest.mark.parametrize("url", PUBLIC_PAGES)
def test_public_pages_have_no_inline_script_or_style(client, db, url):
    assert_no_inline_script_or_style(client.get(url))


def test_error_and_result_pages_have_no_inline_script_or_style(client, db):
    response = client.post("/triage/serious-symptoms/", {})
    assert_no_inline_script_or_style(response)
    assert_no_inline_script_or_style(complete_questionnaire(client, with_changes(numbness="yes")))


def test_the_admin_gets_the_looser_style_policy_it_needs(admin_client):
    directives = csp_directives(admin_client.get("/admin/"))

    assert "'unsafe-inline'" in directives["style-src"]
    assert directives["script-src"] == ["'self'"]


@pytest.mark.parametrize("url", ["/", "/articles/", "/articles/inner-thigh-cramps/", "/triage/"])
def test_readers_get_no_cookie(client, db, url):
    assert not client.get(url).cookies


def test_the_questionnaire_sets_only_the_session_cookie(client, db, settings):
    response = client.get("/triage/serious-symptoms/")

    assert set(response.cookies) == {settings.SESSION_COOKIE_NAME}
    cookie = response.cookies[settings.SESSION_COOKIE_NAME]
    assert cookie["httponly"] and cookie["samesite"] == "Lax"


def failed_login(client, username="admin", password="wrong password", forwarded_for=None):
    headers = {"x-forwarded-for": forwarded_for} if forwarded_for else {}
    return client.post(
        "/admin/login/?next=/admin/",
        {"username": username, "password": password},
        headers=headers,
    )


def test_repeated_failed_logins_lock_the_account_even_with_the_right_password(client, admin_user):
    for _ in range(4):
        assert failed_login(client).status_code == 200
    assert failed_login(client).status_code == 429  # the fifth failure locks

    response = failed_login(client, password=PASSWORD)

    assert response.status_code == 429
    assert "Too many failed logins" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_failures_against_one_account_leave_other_accounts_open_from_that_address(
    client, admin_user
):
    User.objects.create_superuser("second", password=PASSWORD)
    for _ in range(5):
        failed_login(client)

    assert failed_login(client, username="second", password=PASSWORD).status_code == 302


def test_behind_a_proxy_failures_from_one_address_leave_the_account_open_from_another(
    settings, admin_user
):
    settings.PROXY_COUNT = 1
    attacker, editor = Client(), Client()
    for _ in range(5):
        failed_login(attacker, forwarded_for="203.0.113.9")

    assert failed_login(attacker, password=PASSWORD, forwarded_for="203.0.113.9").status_code == 429
    response = failed_login(editor, password=PASSWORD, forwarded_for="198.51.100.7")
    assert response.status_code == 302 and editor.session["_auth_user_id"]


def test_without_a_proxy_a_made_up_forwarded_address_does_not_escape_the_lockout(
    client, settings, admin_user
):
    settings.PROXY_COUNT = 0
    for n in range(5):
        failed_login(client, forwarded_for=f"203.0.113.{n}")

    assert failed_login(client, password=PASSWORD, forwarded_for="198.51.100.7").status_code == 429


def test_the_right_password_works_before_the_limit(client, admin_user):
    for _ in range(4):
        failed_login(client)

    response = failed_login(client, password=PASSWORD)

    assert response.status_code == 302 and client.session["_auth_user_id"]


def test_weak_passwords_are_refused(db):
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError

    for weak in ["password123", "12345678901234", "short1!"]:
        with pytest.raises(ValidationError):
            validate_password(weak)


def test_deploy_check_is_clean_with_production_values(tmp_path):
    env = {
        **os.environ,
        "DJANGO_HTTPS": "1",
        "DJANGO_SECRET_KEY": "x7#Lq2!vR9$kT4@mW8^pZ3&nB6*cF1(hJ5)dG0-sY-" * 2,
        "DJANGO_ALLOWED_HOSTS": "cramps.example.org",
        "SITE_URL": "https://cramps.example.org",
        "SITE_PUBLISHER_NAME": "The publisher in the test",
        "SITE_CONTACT_EMAIL": "contact@cramps.example.org",
        "DJANGO_DEBUG": "",
    }

    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=REPOSITORY,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_the_admin_address_is_a_setting(tmp_path):
    env = {**os.environ, "DJANGO_ADMIN_URL": "/staff-only/"}
    code = "from django.urls import reverse; print(reverse('admin:index'))"

    assert printed_by_fresh_django(code, env) == "/staff-only/"

"""Two app servers on loopback sharing one database and one cache behave as one site.

Runs against SQLite and the file cache by default, and against PostgreSQL and Redis when
DATABASE_URL and REDIS_URL are set (CI's second pass). Each server is gunicorn with the
production settings and two sync workers, so four processes share the work.
"""

import os
import re
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from bench.live_site import (
    Browser,
    SiteDatabase,
    journey,
    manage,
    prepare_site,
    production_env,
    start_gunicorn,
)
from tests.support.admin_forms import form_fields_in_html
from tests.support.answers import with_changes

PROCESS_SECONDS = 1  # PAGE_CACHE_PROCESS_SECONDS, as in production
ADMIN_PASSWORD = "a long test-only admin passphrase"
REVIEWER_PASSWORD = "a long test-only reviewer passphrase"
# A clinical reviewer with the name and role a sign-off needs, made as an administrator would.
CREATE_REVIEWER = f"""
from django.contrib.auth.models import Group, User
from editorial.models import ReviewerProfile
user = User.objects.create_user(
    "reviewer", password="{REVIEWER_PASSWORD}", is_staff=True,
    first_name="Test", last_name="Reviewer",
)
user.groups.add(Group.objects.get(name="Clinical reviewers"))
ReviewerProfile.objects.create(user=user, clinical_role="General practitioner")
"""


@pytest.fixture(scope="module")
def servers(tmp_path_factory):
    workdir = tmp_path_factory.mktemp("servers")
    database = SiteDatabase(os.environ.get("DATABASE_URL", ""), workdir)
    env = production_env(
        workdir,
        database.url,
        DJANGO_SUPERUSER_PASSWORD=ADMIN_PASSWORD,
        WEB_CONCURRENCY="2",
        PAGE_CACHE_PROCESS_SECONDS=str(PROCESS_SECONDS),
    )
    prepare_site(env)
    manage(env, "shell", "-c", CREATE_REVIEWER)
    servers = [start_gunicorn(env) for _ in range(2)]
    try:
        yield [server.url for server in servers]
    finally:
        for server in servers:
            server.stop()
        database.drop()


def test_the_questionnaire_works_when_requests_alternate_between_servers(servers):
    assert journey(servers, with_changes(numbness="yes")) == "soon"
    assert journey(servers, with_changes(leg_swelling="one_leg")) == "urgent"


def test_concurrent_questionnaires_all_succeed(servers):
    """16 people at once, each finishing two journeys: no error, no 'database is locked'."""
    answer_sets = [
        with_changes(),
        with_changes(wakes_at_night="yes"),
        with_changes(dark_urine="yes"),
    ]
    expected = ["self_care", "soon", "urgent"]

    def person(n):
        return [journey(servers, answer_sets[(n + k) % 3]) for k in range(2)]

    with ThreadPoolExecutor(max_workers=16) as pool:
        outcomes = list(pool.map(person, range(16)))

    assert outcomes == [[expected[(n + k) % 3] for k in range(2)] for n in range(16)]


def log_in(servers, username, password):
    person = Browser()
    login = f"{servers[0]}/admin/login/?next=/admin/"
    status, _, _ = person.post_form(login, login, {"username": username, "password": password})
    assert status == 302
    return person


def test_an_approved_edit_on_one_server_is_served_by_all_within_a_second(servers):
    reader = Browser()
    article = "/articles/inner-thigh-cramps/"
    for url in servers:  # both servers now hold the page in the cache
        assert "<h1>Inner thigh cramps</h1>" in reader.get(url + article)[2]

    editor = log_in(servers, "admin", ADMIN_PASSWORD)
    status, _, html = editor.get(f"{servers[0]}/admin/education/article/")
    change = re.search(r'href="(/admin/education/article/\d+/change/)"[^>]*>Inner thigh', html)
    change_url = servers[0] + change.group(1)
    fields = form_fields_in_html(editor.get(change_url)[2])
    fields.update(title="Inner thigh cramps: the basics")
    status, _, _ = editor.request(change_url, fields, referer=change_url)
    assert status == 302
    submit_url = change_url.replace("/change/", "/submit/")
    assert editor.post_form(submit_url, submit_url, {"note": "Plainer title."})[0] == 302
    for url in servers:  # a draft: readers still see the approved page
        assert "<h1>Inner thigh cramps</h1>" in reader.get(url + article)[2]

    reviewer = log_in(servers, "reviewer", REVIEWER_PASSWORD)
    review_url = change_url.replace(servers[0], servers[1]).replace("/change/", "/review/")
    decision = form_fields_in_html(reviewer.get(review_url)[2])
    status, _, _ = reviewer.request(
        review_url,
        {**decision, "decision": "approve", "reviewed_whole_page": "on"},
        referer=review_url,
    )
    assert status == 302

    # Each worker trusts its copy of the content generation for a second (page_cache).
    approved_at = time.monotonic()
    for url in servers:
        while "<h1>Inner thigh cramps: the basics</h1>" not in reader.get(url + article)[2]:
            assert time.monotonic() - approved_at < PROCESS_SECONDS + 1, url
            time.sleep(0.05)

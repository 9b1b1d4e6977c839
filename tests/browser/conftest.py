"""A real browser for the browser tests: Debian's Chromium driven by Playwright's sync API,
against pytest-django's live server.

One browser serves the whole session; each test gets fresh contexts (cookies, session,
viewport), so tests never share a questionnaire session.
"""

import os
from pathlib import Path

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.core.management.sql import emit_post_migrate_signal

from editorial.apps import create_initial_revisions
from education.models import Article
from tests.support.browser_steps import DESKTOP, PHONE
from triage.models import Page

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
TIMEOUT_MS = 10_000
HERE = Path(__file__).resolve().parent


def in_this_folder(item):
    return HERE in item.path.resolve().parents


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """Every test here drives Chromium against the live server, on a transactional database.

    They run last, so that nothing else runs beside a started Playwright: its sync API keeps
    an event loop running in this thread, and then Django (through asgiref's Local) hands the
    thread a new database connection object, one without the serialized copy that
    serialized_rollback restores from; a serialized_rollback test after them would find the
    database flushed and not restored.
    """
    for item in items:
        if in_this_folder(item):
            item.add_marker(pytest.mark.browser)
            item.add_marker(pytest.mark.django_db(transaction=True))
    items.sort(key=in_this_folder)  # stable: keeps pytest-django's order otherwise


@pytest.fixture(autouse=True)
def shipped_content(transactional_db):
    """The shipped content (roles, articles, site pages, the checker and its release 1), as a
    fresh install has it, with its initial revisions.

    A transactional test ends by flushing the database, and serialized_rollback cannot bring
    the content back here (see above), so the loader makes it again.
    """
    if Article.objects.exists() and Page.objects.exists():
        return
    ContentType.objects.clear_cache()  # the flush renumbered them
    # After a serialized_rollback test the flush leaves no permissions: make them, as
    # migrate would, before the roles refer to them.
    emit_post_migrate_signal(verbosity=0, interactive=False, db="default")
    call_command("load_content", verbosity=0)
    create_initial_revisions(using="default")


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail(
                f"Chromium not found at {CHROMIUM}, and REQUIRE_BROWSER=1 makes that a failure: "
                "install Debian's chromium package (apt-get install chromium).",
                pytrace=False,
            )
        pytest.skip(f"Chromium not found at {CHROMIUM}: browser tests skipped")

    from playwright.sync_api import sync_playwright

    with pytest.MonkeyPatch.context() as patch, sync_playwright() as playwright:
        # Playwright's sync API keeps an event loop running in this thread, which Django's
        # ORM would take for async code (the tests' own queries, the flush after each test).
        # Only while the browser runs: manage.py check --deploy, run by tests/site/test_security.py
        # in a subprocess, rightly refuses this variable.
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        # executable_path: Playwright must never download a browser of its own.
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield chromium
        chromium.close()


@pytest.fixture
def new_page(browser, live_server):
    """Open a page in a new context: new_page(), new_page(PHONE), new_page(javascript=False)."""
    contexts = []

    def open_page(viewport=DESKTOP, *, javascript=True):
        # Reduced motion turns off Bootstrap's smooth scrolling: no click lands mid-scroll.
        context = browser.new_context(
            viewport=viewport,
            base_url=live_server.url,
            java_script_enabled=javascript,
            reduced_motion="reduce",
        )
        context.set_default_timeout(TIMEOUT_MS)
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_page):
    """A desktop page, 1280 by 900."""
    return new_page()


@pytest.fixture
def phone_page(new_page):
    """A small phone's page, 360 wide."""
    return new_page(PHONE)

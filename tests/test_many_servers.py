"""Two app servers on loopback sharing one database and one cache behave as one site.

Runs against SQLite and the file cache by default, and against PostgreSQL and Redis when
DATABASE_URL and REDIS_URL are set (CI's second pass). Each server is gunicorn with the
production settings and two sync workers, so four processes share the work.
"""

import http.cookiejar
import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from tests.admin_forms import form_fields_in_html
from tests.triage.answers import PAGES, with_changes

ROOT = Path(__file__).resolve().parent.parent
ADMIN_PASSWORD = "a long test-only admin passphrase"
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
URGENCY = re.compile(r'data-urgency="([a-z_]+)"')


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def manage(env, *args):
    done = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, f"manage.py {' '.join(args)} failed:\n{done.stderr[-3000:]}"


def static_files_ready():
    manifest = ROOT / "staticfiles" / "staticfiles.json"
    newest_source = max(p.stat().st_mtime for p in (ROOT / "static").rglob("*") if p.is_file())
    return manifest.exists() and manifest.stat().st_mtime >= newest_source


class ServerDatabase:
    """A database of the servers' own: a SQLite file, or a fresh PostgreSQL database."""

    def __init__(self, workdir):
        self.base_url = os.environ.get("DATABASE_URL", "")
        self.name = f"cramps_servers_{os.getpid()}"
        if self.base_url.startswith("postgres"):
            self._admin(f'DROP DATABASE IF EXISTS "{self.name}"', f'CREATE DATABASE "{self.name}"')
            self.url = self.base_url.rsplit("/", 1)[0] + "/" + self.name
        else:
            self.url = f"sqlite:///{workdir / 'db.sqlite3'}"

    def _admin(self, *statements):
        import psycopg

        server = self.base_url.rsplit("/", 1)[0] + "/postgres"
        with psycopg.connect(server, autocommit=True) as connection:
            for statement in statements:
                connection.execute(statement)

    def drop(self):
        if self.base_url.startswith("postgres"):
            self._admin(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')


@pytest.fixture(scope="module")
def servers(tmp_path_factory):
    workdir = tmp_path_factory.mktemp("servers")
    database = ServerDatabase(workdir)
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cramps_site.settings",
        "DJANGO_DEBUG": "",
        "DJANGO_SECRET_KEY": "test-only-secret-key-for-the-many-servers-test-0123456789",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": database.url,
        "CACHE_DIR": str(workdir / "cache"),
        "DJANGO_SUPERUSER_PASSWORD": ADMIN_PASSWORD,
        "WEB_CONCURRENCY": "2",
    }
    manage(env, "migrate", "--noinput")
    manage(env, "ensure_admin")
    if not static_files_ready():
        manage(env, "collectstatic", "--noinput", "--verbosity", "0")
    processes, urls = [], []
    for _ in range(2):
        port = free_port()
        server_env = {**env, "GUNICORN_BIND": f"127.0.0.1:{port}", "GUNICORN_LOG_LEVEL": "warning"}
        processes.append(
            subprocess.Popen(
                [sys.executable, "-m", "gunicorn", "-c", "cramps_site/gunicorn.conf.py",
                 "--access-logfile", "/dev/null"],
                cwd=ROOT, env=server_env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            )
        )  # fmt: skip
        urls.append(f"http://127.0.0.1:{port}")
    try:
        for url in urls:
            wait_until_up(url)
        yield urls
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            process.wait(timeout=30)
        database.drop()


def wait_until_up(url, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{url}/healthz", timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.2)
    raise RuntimeError(f"{url} did not come up")


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Browser:
    """A person's browser: cookies kept (for 127.0.0.1, whatever the port), no JavaScript."""

    def __init__(self):
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()), NoRedirect
        )

    def request(self, url, data=None, referer=None):
        body = urllib.parse.urlencode(data, doseq=True).encode() if data is not None else None
        request = urllib.request.Request(url, data=body)
        if referer:
            request.add_header("Referer", referer)
        try:
            with self.opener.open(request, timeout=30) as response:
                return response.status, response.headers, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.headers, error.read().decode()

    def get(self, url):
        return self.request(url)

    def post_form(self, page_url, post_url, fields):
        """Open the page (for its CSRF token), then post the form to post_url."""
        status, _, html = self.get(page_url)
        assert status == 200, (page_url, status)
        token = CSRF.search(html).group(1)
        return self.request(post_url, {**fields, "csrfmiddlewaretoken": token}, referer=post_url)


def journey(urls, answers):
    """Answer every page, each request on the other server from the last; return the level."""
    browser = Browser()
    for turn, (slug, keys) in enumerate(PAGES.items()):
        page, other = urls[turn % 2], urls[(turn + 1) % 2]
        status, headers, _ = browser.post_form(
            f"{page}/triage/{slug}/", f"{other}/triage/{slug}/", {k: answers[k] for k in keys}
        )
        assert status == 302, (slug, status)
    check = "/triage/check-your-answers/"
    status, headers, _ = browser.post_form(f"{urls[0]}{check}", f"{urls[1]}{check}", {})
    assert status == 302 and "/triage/result/" in headers["Location"]
    status, _, html = browser.get(urls[0] + headers["Location"])
    assert status == 200
    return URGENCY.search(html).group(1)


def test_the_questionnaire_works_when_requests_alternate_between_servers(servers):
    assert journey(servers, with_changes(numbness="yes")) == "soon"
    assert journey(servers, with_changes(one_leg_swollen="yes")) == "urgent"


def test_concurrent_questionnaires_all_succeed(servers):
    """16 people at once, each finishing two journeys: no error, no 'database is locked'."""
    answer_sets = [with_changes(), with_changes(severity="severe"), with_changes(dark_urine="yes")]
    expected = ["self_care", "soon", "urgent"]

    def person(n):
        return [journey(servers, answer_sets[(n + k) % 3]) for k in range(2)]

    with ThreadPoolExecutor(max_workers=16) as pool:
        outcomes = list(pool.map(person, range(16)))

    assert outcomes == [[expected[(n + k) % 3] for k in range(2)] for n in range(16)]


def test_an_edit_on_one_server_is_served_by_all_at_once(servers):
    reader = Browser()
    article = "/articles/inner-thigh-cramps/"
    for url in servers:  # both servers now hold the page in the cache
        assert "<h1>Inner thigh cramps</h1>" in reader.get(url + article)[2]

    editor = Browser()
    login = f"{servers[0]}/admin/login/?next=/admin/"
    status, _, _ = editor.post_form(login, login, {"username": "admin", "password": ADMIN_PASSWORD})
    assert status == 302
    status, _, html = editor.get(f"{servers[0]}/admin/education/article/")
    change = re.search(r'href="(/admin/education/article/\d+/change/)"[^>]*>Inner thigh', html)
    change_url = servers[0] + change.group(1)
    fields = form_fields_in_html(editor.get(change_url)[2])
    fields.update(title="Inner thigh cramps: the basics")
    status, _, _ = editor.request(change_url, fields, referer=change_url)
    assert status == 302

    for url in servers:
        assert "<h1>Inner thigh cramps: the basics</h1>" in reader.get(url + article)[2]

"""The site run for real, for the tests and the benchmark that need it: its own database,
gunicorn on loopback, and a person's browser over HTTP (no JavaScript, cookies kept,
redirects not followed, forms posted with their CSRF token).

It lives with the benchmark, which must not import the test suite; the tests use it from here.
"""

import atexit
import functools
import http.cookiejar
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parent.parent
QUESTIONNAIRE = REPOSITORY / "triage" / "data" / "questionnaire.json"
# The questionnaire's pages in order, each with the keys of its questions.
PAGES = {
    page["slug"]: [question["key"] for question in page["questions"]]
    for page in json.loads(QUESTIONNAIRE.read_text())["pages"]
}
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
URGENCY = re.compile(r'data-urgency="([a-z_]+)"')


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Browser:
    """A person's browser: cookies kept (for 127.0.0.1, whatever the port), no JavaScript;
    `headers` go with every request (say, the X-Forwarded-For a proxy would add for them)."""

    def __init__(self, headers=None):
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()), NoRedirect
        )
        self.headers = headers or {}

    def request(self, url, data=None, referer=None):
        body = urllib.parse.urlencode(data, doseq=True).encode() if data is not None else None
        request = urllib.request.Request(url, data=body, headers=self.headers)
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
    """Answer every page and confirm, each request on the next server in turn (a single URL
    works too); return the level of the result."""
    status, _, html = result_page(urls, answers)
    assert status == 200
    return URGENCY.search(html).group(1)


def result_page(urls, answers):
    """Answer every page and confirm as journey() does; return the result page's status,
    headers and HTML."""
    browser = Browser()
    for turn, (slug, keys) in enumerate(PAGES.items()):
        page, other = urls[turn % len(urls)], urls[(turn + 1) % len(urls)]
        status, headers, _ = browser.post_form(
            f"{page}/triage/{slug}/", f"{other}/triage/{slug}/", {k: answers[k] for k in keys}
        )
        assert status == 302, (slug, status)
    check = "/triage/check-your-answers/"
    status, headers, _ = browser.post_form(f"{urls[0]}{check}", f"{urls[-1]}{check}", {})
    assert status == 302 and "/triage/result/" in headers["Location"]
    return browser.get(urls[0] + headers["Location"])


@dataclass
class Server:
    process: subprocess.Popen
    url: str

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=30)


def manage(env, *args):
    done = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=REPOSITORY,
        env=env,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, f"manage.py {' '.join(args)} failed:\n{done.stderr[-3000:]}"
    return done.stdout


def printed_by_fresh_django(code, env):
    """What `code` prints in a new process that starts Django with `env`'s settings (settings
    are read once, at start-up, so a setting's default can only be seen from outside)."""
    done = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        cwd=REPOSITORY,
        env={**env, "DJANGO_SETTINGS_MODULE": "cramps_site.settings"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout.strip()


@functools.cache
def static_root():
    """A static files folder of this process's own, collected once and removed at exit:
    sites run side by side (tests in parallel, a benchmark) never collect into the same
    folder, nor into the checkout's staticfiles/."""
    folder = Path(tempfile.mkdtemp(prefix="cramps-static-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    return folder


def production_env(workdir, database_url, **overrides):
    """The environment of a server run as in production (DEBUG off, its own file cache, this
    process's static files folder), on this database; `overrides` are further environment
    variables."""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cramps_site.settings",
        "DJANGO_DEBUG": "",
        "DJANGO_SECRET_KEY": "test-only-secret-key-for-a-live-server-0123456789-abcdefghijklm",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": database_url,
        "CACHE_DIR": str(workdir / "cache"),
        "STATIC_ROOT": str(static_root()),
        **overrides,
    }


def prepare_site(env):
    """What `make run` does before serving: migrate, the shipped content, an admin account,
    static files."""
    manage(env, "migrate", "--noinput")
    manage(env, "load_content", "--verbosity", "0")
    manage(env, "ensure_admin")
    if not (Path(env["STATIC_ROOT"]) / "staticfiles.json").exists():
        manage(env, "collectstatic", "--noinput", "--verbosity", "0")


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_gunicorn(env, wsgi_app="cramps_site.wsgi:application", log=subprocess.DEVNULL):
    """gunicorn with the project's config on a free loopback port, once it answers; its
    error log (and Django's) goes to `log`, an open file, when given."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-c", "cramps_site/gunicorn.conf.py",
         "--bind", f"127.0.0.1:{port}", "--access-logfile", "/dev/null", wsgi_app],
        cwd=REPOSITORY, env=env, stdout=subprocess.DEVNULL, stderr=log,
    )  # fmt: skip
    server = Server(process, f"http://127.0.0.1:{port}")
    wait_until_up(server)
    return server


def wait_until_up(server, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise RuntimeError(f"gunicorn exited with {server.process.returncode}")
        try:
            # /healthz, which answers over plain HTTP even when HTTPS is required.
            with urllib.request.urlopen(server.url + "/healthz", timeout=2):
                return
        except urllib.error.HTTPError:
            return  # it answers, whatever it says
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.2)
    server.stop()
    raise RuntimeError(f"{server.url} did not come up")


class SiteDatabase:
    """A database of the site's own: a fresh PostgreSQL database beside the one base_url
    names, or else a SQLite file in workdir."""

    def __init__(self, base_url, workdir):
        self.base_url = base_url
        self.name = f"cramps_site_{os.getpid()}"
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

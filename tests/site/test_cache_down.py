"""The shared cache only speeds the site up: with Redis stopped, every page still answers,
the log says so once, and the page cache fills again when Redis comes back by itself.

The site runs for real (gunicorn, production settings, SQLite) with a Redis server of this
module's own on a free loopback port, stopped and started again mid-run.
"""

import re
import subprocess
import time

import pytest
import redis

from bench.live_site import (
    Browser,
    SiteDatabase,
    free_port,
    journey,
    prepare_site,
    production_env,
    start_gunicorn,
)
from cramps_site.cache_backend import RETRY_SECONDS
from tests.support.answers import with_changes

WORKERS = 2
UNREACHABLE = "The shared cache is unreachable"
REACHABLE = "The shared cache is reachable again"


class RedisServer:
    def __init__(self):
        self.port = free_port()
        self.process = None
        self.client = redis.Redis(port=self.port)

    def start(self):
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1",
             "--save", "", "--appendonly", "no"],
            stdout=subprocess.DEVNULL,
        )  # fmt: skip
        for _ in range(100):
            try:
                self.client.ping()
                return
            except redis.ConnectionError:
                time.sleep(0.05)
        raise RuntimeError("redis-server did not come up")

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=10)

    def stored_pages(self):
        return self.client.keys("*page:*")


@pytest.fixture(scope="module")
def redis_server():
    server = RedisServer()
    server.start()
    yield server
    if server.process.poll() is None:
        server.stop()


@pytest.fixture(scope="module")
def site(tmp_path_factory, redis_server):
    workdir = tmp_path_factory.mktemp("cache-down")
    database = SiteDatabase("", workdir)
    env = production_env(
        workdir,
        database.url,
        REDIS_URL=f"redis://127.0.0.1:{redis_server.port}/0",
        WEB_CONCURRENCY=str(WORKERS),
        # Every request asks Redis, so what it holds is what the site just did.
        PAGE_CACHE_PROCESS_SECONDS="0",
    )
    prepare_site(env)
    log_path = workdir / "gunicorn.log"
    with open(log_path, "w") as log:
        server = start_gunicorn(env, log=log)
    try:
        yield server.url, log_path
    finally:
        server.stop()


def reader_addresses(url):
    """Home, the article list, three articles, a search, a site page and a 404."""
    _, _, listing = Browser().get(url + "/articles/")
    articles = re.findall(r'href="(/articles/[a-z0-9-]+/)"', listing)
    assert len(set(articles)) >= 3
    return {
        "/": 200,
        "/articles/": 200,
        **dict.fromkeys(sorted(set(articles))[:3], 200),
        "/search/?q=cramp": 200,
        "/about/": 200,
        "/no-such-page/": 404,
    }


def assert_every_page_answers(url, addresses):
    reader = Browser()
    for address, expected in addresses.items():
        status, _, html = reader.get(url + address)
        assert status == expected, (address, status)
        if status == 200:
            assert "Check your symptoms" in html, address


def test_with_redis_stopped_every_page_answers_and_the_cache_fills_again(site, redis_server):
    url, log_path = site
    addresses = reader_addresses(url)
    assert_every_page_answers(url, addresses)
    assert redis_server.stored_pages(), "pages are stored while Redis runs"

    redis_server.stop()
    for _ in range(3):
        assert_every_page_answers(url, addresses)
        assert journey([url], with_changes(dark_urine="yes")) == "urgent"
    said_down = log_path.read_text().count(UNREACHABLE)
    assert 1 <= said_down <= WORKERS, "each worker says so once, not with every request"

    redis_server.start()
    # A worker tries the cache again RETRY_SECONDS after it found it dead, on its next request.
    deadline = time.monotonic() + 30
    while not (redis_server.stored_pages() and REACHABLE in log_path.read_text()):
        assert time.monotonic() < deadline, "the page cache never filled again"
        assert_every_page_answers(url, addresses)
        time.sleep(0.5)
    assert journey([url], with_changes()) == "self_care"


@pytest.mark.parametrize("cookie", ["sessionid=abc", "theme=dark; sessionid=abc"])
def test_a_request_with_a_session_cookie_is_never_stored(site, redis_server, cookie):
    url, _ = site
    # Every worker past any wait for a cache it found dead earlier, so "not stored" means it.
    time.sleep(RETRY_SECONDS + 1)
    redis_server.client.flushdb()

    status, headers, _ = Browser({"Cookie": cookie}).get(url + "/articles/")

    assert status == 200 and "public" not in headers["Cache-Control"]
    assert not redis_server.stored_pages()
    status, headers, _ = Browser().get(url + "/articles/")
    assert headers["Cache-Control"] == "public, max-age=0, s-maxage=60, stale-while-revalidate=60"
    assert redis_server.stored_pages()

"""With Redis unreachable the shared cache answers as an empty one, at once, and says so
in the log once (cramps_site/cache_backend.py). Coming back is tested over real HTTP in
tests/site/test_cache_down.py."""

import logging

import pytest

from bench.live_site import free_port
from cramps_site import cache_backend
from cramps_site.cache_backend import ResilientRedisCache


@pytest.fixture
def unreachable():
    # A port nothing listens on: connecting is refused at once.
    return ResilientRedisCache(f"redis://127.0.0.1:{free_port()}/0", {})


def test_an_unreachable_redis_answers_as_an_empty_cache(unreachable):
    assert unreachable.get("page", "default") == "default"
    assert unreachable.get_many(["page", "generation"]) == {}
    assert unreachable.set("page", "content") is None
    assert unreachable.add("counter", 0) is False
    with pytest.raises(ValueError):
        unreachable.incr("counter")


def test_the_log_says_it_once_however_many_requests_follow(unreachable, caplog):
    with caplog.at_level(logging.WARNING, logger=cache_backend.__name__):
        for _ in range(20):
            unreachable.get("page")

    said = [record.getMessage() for record in caplog.records]
    assert len(said) == 1 and said[0].startswith("The shared cache is unreachable")


def test_after_a_failure_calls_wait_before_trying_again(unreachable, monkeypatch):
    unreachable.get("page")
    tried = []
    monkeypatch.setattr(
        ResilientRedisCache.__mro__[1], "get", lambda *args: tried.append(args) or "found"
    )

    assert unreachable.get("page") is None and tried == []  # within the wait: not tried
    clock = cache_backend.time.monotonic() + cache_backend.RETRY_SECONDS + 1
    monkeypatch.setattr(cache_backend.time, "monotonic", lambda: clock)
    assert unreachable.get("page") == "found" and len(tried) == 1

"""Tests run in parallel workers that never share a Redis database (pytest.ini,
tests/support/parallel_workers.py)."""

import pytest
from django.db import connection

from tests.support.parallel_workers import GIVEN_REDIS_URL, WORKER, worker_redis_url


def test_each_worker_moves_the_database_number_on_by_its_own():
    assert worker_redis_url("redis://127.0.0.1:6379/1", "gw0") == "redis://127.0.0.1:6379/1"
    assert worker_redis_url("redis://127.0.0.1:6379/1", "gw1") == "redis://127.0.0.1:6379/2"
    assert worker_redis_url("redis://127.0.0.1:6379", "gw3") == "redis://127.0.0.1:6379/3"


def test_a_worker_past_the_last_redis_database_is_refused_with_a_reason():
    with pytest.raises(ValueError, match="Redis database 16"):
        worker_redis_url("redis://127.0.0.1:6379/14", "gw2")


@pytest.mark.skipif(not WORKER, reason="run without workers (-n 0)")
@pytest.mark.skipif(not GIVEN_REDIS_URL, reason="run without Redis (the file cache)")
def test_this_worker_has_a_redis_database_of_its_own(settings):
    assert settings.CACHES["default"]["LOCATION"] == worker_redis_url(GIVEN_REDIS_URL, WORKER)


@pytest.mark.skipif(not WORKER, reason="run without workers (-n 0)")
def test_this_worker_has_a_test_database_of_its_own(db):
    if connection.vendor != "postgresql":
        pytest.skip("SQLite's test database is in each process's memory")
    assert connection.settings_dict["NAME"].endswith(f"_{WORKER}")

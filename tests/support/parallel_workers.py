"""Each pytest-xdist worker gets a Redis database of its own (pytest.ini loads this module
with `-p`, so it runs before Django reads its settings).

`cache.clear()`, which every test runs, empties the whole Redis database: two workers
sharing one would empty each other's. Worker gwN uses the database REDIS_URL names plus N;
the live sites the tests start inherit the changed REDIS_URL. PostgreSQL test databases
need nothing here (pytest-django suffixes them with the worker's name); static files, cache
folders, SQLite files and ports are per process or per test already (live_site.py).
"""

import os
import urllib.parse

REDIS_DATABASES = 16  # Redis's default number of databases


def worker_redis_url(redis_url, worker):
    """REDIS_URL for xdist worker `worker` ("gw0", "gw1"...): its database number moved on by
    the worker's number."""
    address = urllib.parse.urlsplit(redis_url)
    first = int(address.path.strip("/") or 0)
    number = first + int(worker.removeprefix("gw"))
    if number >= REDIS_DATABASES:
        raise ValueError(
            f"worker {worker} would use Redis database {number} (REDIS_URL names {first}); "
            f"Redis has {REDIS_DATABASES}: run fewer workers or start from a lower number"
        )
    return urllib.parse.urlunsplit(address._replace(path=f"/{number}"))


# REDIS_URL as the run was given it, before this worker's number was added.
GIVEN_REDIS_URL = os.environ.get("REDIS_URL")
WORKER = os.environ.get("PYTEST_XDIST_WORKER")
if WORKER and GIVEN_REDIS_URL:
    os.environ["REDIS_URL"] = worker_redis_url(GIVEN_REDIS_URL, WORKER)

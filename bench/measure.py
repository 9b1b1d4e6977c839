"""Measuring: the site under gunicorn with production settings, against a floor.

The floor is gunicorn with the same worker count serving the same page bytes from a bare
WSGI function (bench/floor.py); site and floor are measured alternately with wrk on
loopback, several rounds, and medians kept. Then the questionnaire, the page weight, and the
site grown by bench/grow_data.py. Returns the results as a dict of plain numbers
and text, which bench/report.py turns into RESULTS.md.
"""

import gzip
import json
import os
import platform
import re
import statistics
import subprocess
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

from bench.live_site import (
    PAGES as QUESTION_PAGES,
)
from bench.live_site import (
    REPOSITORY,
    Browser,
    SiteDatabase,
    journey,
    manage,
    prepare_site,
    production_env,
    start_gunicorn,
)

# BENCH_ROUNDS and BENCH_SECONDS shorten a trial run; RESULTS.md comes from the defaults.
ROUNDS = int(os.environ.get("BENCH_ROUNDS", 3))
SECONDS = int(os.environ.get("BENCH_SECONDS", 8))
GROWN_ROUNDS = max(1, ROUNDS - 1)
CONNECTIONS = 32
JOURNEY_CLIENTS = 16
JOURNEY_SECONDS = 2 * SECONDS
GROWN_ARTICLES = 2_000
GROWN_RESULTS = int(os.environ.get("BENCH_RESULTS", 1_000_000))
ADMIN_PASSWORD = "bench-only admin passphrase"
ARTICLE = "/articles/inner-thigh-cramps/"
# name -> (site path, floor path); the uncached article is the same page rendered afresh,
# since the page cache never keeps an address with an unknown query.
PAGES = {
    "home": ("/", "/"),
    "article list": ("/articles/", "/articles/"),
    "article, cached": (ARTICLE, ARTICLE),
    "article, uncached": (ARTICLE + "?bench=uncached", ARTICLE),
}
# The journeys end at each of these levels (bench/journeys.json).
JOURNEY_LEVELS = ["self_care", "soon", "urgent"]
JOURNEYS = REPOSITORY / "bench" / "journeys.json"
# Every browser asks for compressed pages; site and floor are measured the same way.
ACCEPT_GZIP = "Accept-Encoding: gzip"
# Two of these make each search: 120 different searches.
SEARCH_WORDS = ["cramp", "stretch", "muscle", "night", "heat", "water", "doctor", "pain",
                "leg", "thigh", "salt", "statin", "walking", "sleep", "pregnancy",
                "help"]  # fmt: skip
POSTGRES_URL = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/postgres")
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/3")


def measure():
    """Every measurement, in a folder of its own that is removed afterwards (a grown site's
    database and cache take over a gigabyte)."""
    with tempfile.TemporaryDirectory(prefix="cramps-bench-") as folder:
        return measure_in(Path(folder))


def measure_in(workdir):
    """Every measurement, in the order that keeps each server's database as it needs it."""
    results = {"date": time.strftime("%Y-%m-%d"), "machine": machine(), "method": method()}
    env = site_env(workdir, f"sqlite:///{workdir / 'bench.sqlite3'}")
    prepare_site(env)
    results["questionnaire_build"] = questionnaire_build_ms(env)
    floor_pages = workdir / "floor"
    with running(env) as site:
        save_floor_pages(site, floor_pages)
        with running_floor(env, floor_pages) as floor:
            step("pages, small site")
            results["small"] = measure_pages(site, floor, ROUNDS)
            step("cached article, no per-process copies")
            results["small"].update(without_process_copies(env, floor))
            step("questionnaire journeys on SQLite")
            results["journeys_sqlite"] = measure_journeys([site.url])
            results["weight"] = page_weight(site)

    results.update(measure_postgres(workdir))

    step(f"growing to {GROWN_ARTICLES:,} articles and {GROWN_RESULTS:,} results")
    started = time.monotonic()
    grow(env, GROWN_ARTICLES, GROWN_RESULTS)
    results["grow_seconds"] = time.monotonic() - started
    with running(env) as site:
        with running_floor(env, floor_pages) as floor:
            step("pages, grown site")
            results["large"] = measure_pages(site, floor, GROWN_ROUNDS)
        results["admin_list_ms"] = admin_list_ms(site)
        step("first renders, grown site")
        results["first_render"] = first_render_ms(site)
        step("search on SQLite, grown site")
        results["search_sqlite"] = search_p95_ms(site)
        step("retention command under load")
        results["retention"] = retention_under_load(site, env)
    return results


QUESTIONNAIRE_TIMING = """
import time
from triage.questionnaire import Questionnaire
def median_ms(build, times=30):
    spent = []
    for _ in range(times):
        started = time.perf_counter()
        build()
        spent.append(time.perf_counter() - started)
    return sorted(spent)[times // 2] * 1000
from triage.models import CheckerRelease
release = CheckerRelease.objects.published()
Questionnaire.published()
print(median_ms(lambda: Questionnaire(release)), median_ms(Questionnaire.published))
"""


def questionnaire_build_ms(env):
    """What the one cache besides the pages buys: the questionnaire built afresh from the
    database, against taken from the process's copy (median ms of 30)."""
    built, kept = manage(env, "shell", "-c", QUESTIONNAIRE_TIMING).split()[-2:]
    return {"built": float(built), "kept": float(kept)}


WITHOUT_COPIES = "article, cached, no per-process copies"


def without_process_copies(env, floor):
    """The cached article with each worker asking the shared cache for every page
    (PAGE_CACHE_PROCESS_SECONDS=0): what the per-process copies buy."""
    with running({**env, "PAGE_CACHE_PROCESS_SECONDS": "0"}) as site:
        pages = measure_pages(site, floor, ROUNDS, names=["article, cached"])
    return {WITHOUT_COPIES: pages["article, cached"]}


def measure_postgres(workdir):
    """The cached article with stored pages in Redis, the questionnaire, then search at the
    grown size, on PostgreSQL with Redis, when the machine has them."""
    try:
        database = SiteDatabase(POSTGRES_URL, workdir)
    except Exception as error:  # no PostgreSQL here: say so in the results
        skipped = {"skipped": f"PostgreSQL not reachable ({error.__class__.__name__})"}
        return {"pages_redis": skipped, "journeys_postgres": skipped, "search_postgres": skipped}
    env = site_env(workdir, database.url, REDIS_URL)
    floor_pages = workdir / "floor-redis"
    try:
        prepare_site(env)
        with running(env) as site:
            save_floor_pages(site, floor_pages)
            with running_floor(env, floor_pages) as floor:
                step("cached article, pages stored in Redis")
                pages = measure_pages(site, floor, ROUNDS, names=["article, cached"])
                pages.update(without_process_copies(env, floor))
            step("questionnaire journeys on PostgreSQL with Redis")
            journeys = measure_journeys([site.url])
            # Search reads only articles, so the results are not grown here.
            grow(env, GROWN_ARTICLES, results=0)
            step("search on PostgreSQL, grown articles")
            search = search_p95_ms(site)
        return {"pages_redis": pages, "journeys_postgres": journeys, "search_postgres": search}
    finally:
        database.drop()


def grow(env, articles, results):
    grown = f"grow(articles={articles}, results={results}, confirm_throwaway_database=True)"
    manage(env, "shell", "-c", f"from bench.grow_data import grow; print({grown})")


def method():
    """How this run measured, for the report to say."""
    return {
        "rounds": ROUNDS,
        "grown_rounds": GROWN_ROUNDS,
        "seconds": SECONDS,
        "connections": CONNECTIONS,
        "accept": ACCEPT_GZIP,
        "journey_clients": JOURNEY_CLIENTS,
        "journey_seconds": JOURNEY_SECONDS,
        "grown_articles": GROWN_ARTICLES,
        "grown_results": GROWN_RESULTS,
    }


def step(text):
    print(f"-- {text}", flush=True)


def site_env(workdir, database_url, redis_url=None):
    """The site as in production, on this database, with Redis as its cache when given."""
    env = production_env(
        workdir,
        database_url,
        DJANGO_SUPERUSER_PASSWORD=ADMIN_PASSWORD,
        GUNICORN_LOG_LEVEL="warning",
    )
    env.pop("REDIS_URL", None)
    if redis_url:
        env["REDIS_URL"] = redis_url
    return env


@contextmanager
def running(env, wsgi_app="cramps_site.wsgi:application"):
    """gunicorn serving env's site (or another WSGI app) for the length of a with block."""
    server = start_gunicorn(env, wsgi_app)
    try:
        yield server
    finally:
        server.stop()


def running_floor(env, floor_pages):
    """The floor: the same gunicorn serving the site's saved page bytes (bench/floor.py)."""
    return running({**env, "FLOOR_PAGES": str(floor_pages)}, "bench.floor:application")


# wrk ---------------------------------------------------------------------------------------

LATENCY_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def wrk(url):
    output = subprocess.run(
        ["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{SECONDS}s", "--latency", "-H", ACCEPT_GZIP, url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    socket_errors = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "p50": _latency(output, "50%"),
        "p99": _latency(output, "99%"),
        "errors": (int(errors.group(1)) if errors else 0)
        + (sum(map(int, socket_errors.groups())) if socket_errors else 0),
    }


def _latency(output, percentile):
    value, unit = re.search(rf"{percentile}\s+([\d.]+)(us|ms|s)", output).groups()
    return float(value) * LATENCY_UNITS[unit]


def median_of(runs):
    return {key: statistics.median(run[key] for run in runs) for key in runs[0]}


def measure_pages(site, floor, rounds, names=tuple(PAGES)):
    runs = {name: {"site": [], "floor": []} for name in names}
    for _ in range(rounds):
        for name in names:
            site_path, floor_path = PAGES[name]
            runs[name]["site"].append(wrk(site.url + site_path))
            runs[name]["floor"].append(wrk(floor.url + floor_path))
    return {
        name: {"site": median_of(r["site"]), "floor": median_of(r["floor"])}
        for name, r in runs.items()
    }


def save_floor_pages(site, folder):
    folder.mkdir(parents=True, exist_ok=True)
    for _, floor_path in PAGES.values():
        request = urllib.request.Request(site.url + floor_path, headers={"Accept-Encoding": "gzip"})
        with urllib.request.urlopen(request) as response:
            body = response.read()  # as sent: compressed
        (folder / (floor_path.strip("/").replace("/", "_") or "home")).write_bytes(body)


# Journeys, weight, admin, search, retention ------------------------------------------------


def answer_sets():
    """(answers, expected level) for each of JOURNEY_LEVELS, from bench/journeys.json: the
    journeys the questionnaire budgets were set on, so that runs stay comparable."""
    data = json.loads(JOURNEYS.read_text())
    first_page_no = dict.fromkeys(QUESTION_PAGES["serious-symptoms"], "no")
    nothing_of_note = {**first_page_no, **data["nothing_of_note"]}
    return [({**nothing_of_note, **data["journeys"][level]}, level) for level in JOURNEY_LEVELS]


def measure_journeys(urls, clients=JOURNEY_CLIENTS, seconds=JOURNEY_SECONDS):
    """Complete questionnaires from concurrent clients: journeys per second and errors."""
    sets = answer_sets()
    deadline = time.monotonic() + seconds
    done, errors, slowest = [0], [], [0.0]
    lock = threading.Lock()

    def person(n):
        k = n
        while time.monotonic() < deadline:
            answers, expected = sets[k % len(sets)]
            started = time.monotonic()
            try:
                got = journey(urls, answers)
                ok = got == expected
            except Exception as error:  # every failure counts as an error
                ok, got = False, repr(error)
            with lock:
                slowest[0] = max(slowest[0], time.monotonic() - started)
                if ok:
                    done[0] += 1
                else:
                    errors.append(got)
            k += 1

    started = time.monotonic()
    with ThreadPoolExecutor(max_workers=clients) as pool:
        list(pool.map(person, range(clients)))
    elapsed = time.monotonic() - started
    return {
        "journeys": done[0],
        "per_second": done[0] / elapsed,
        "errors": len(errors),
        "slowest_s": slowest[0],
        "examples": errors[:3],
    }


def page_weight(site):
    """Bytes over the wire for the article page and everything it loads, compressed."""
    request = urllib.request.Request(site.url + ARTICLE, headers={"Accept-Encoding": "gzip"})
    with urllib.request.urlopen(request) as response:
        raw = response.read()
        html = gzip.decompress(raw) if response.headers.get("Content-Encoding") == "gzip" else raw
    html = html.decode()
    assets = re.findall(r'<link[^>]+href="([^"]+)"', html) + re.findall(
        r'<script[^>]+src="([^"]+)"', html
    )
    assets = [a for a in assets if not a.startswith("http")]
    weights = {"HTML (gzip)": len(raw)}
    for asset in assets:
        request = urllib.request.Request(site.url + asset, headers={"Accept-Encoding": "br, gzip"})
        with urllib.request.urlopen(request) as response:
            weights[
                f"{asset.rsplit('/', 1)[-1]} ({response.headers.get('Content-Encoding', 'none')})"
            ] = len(response.read())
    head = html.split("</head>", 1)[0]
    blocking = [
        s
        for s in re.findall(r"<script[^>]*>", head)
        if "defer" not in s and "async" not in s and "ld+json" not in s
    ]
    third_party = re.findall(r'(?:src|href)="(https?://(?!127\.0\.0\.1)[^"]+)"', head)
    return {
        "parts": weights,
        "total": sum(weights.values()),
        "blocking": blocking,
        "third_party": third_party,
    }


def admin_list_ms(site):
    browser = Browser()
    login = f"{site.url}/admin/login/?next=/admin/"
    status, _, _ = browser.post_form(
        login, login, {"username": "admin", "password": ADMIN_PASSWORD}
    )
    assert status == 302, "admin login failed"
    timings = []
    for _ in range(15):
        started = time.perf_counter()
        status, _, _ = browser.get(f"{site.url}/admin/education/article/")
        timings.append((time.perf_counter() - started) * 1000)
        assert status == 200
    return statistics.median(timings[3:])


def first_render_ms(site, articles=200):
    """Articles nobody has asked for yet (found on the later pages of the article list), one
    after another, at an address the page cache never stores: each is built from the
    database, as every article is after a content change."""
    addresses, page = [], 2
    while len(addresses) < articles:
        with urllib.request.urlopen(f"{site.url}/articles/?page={page}") as response:
            found = re.findall(r'href="(/articles/[\w-]+/)"', response.read().decode())
        new = [address for address in dict.fromkeys(found) if address not in addresses]
        if not new:  # past the last page
            break
        addresses += new
        page += 1
    addresses = addresses[:articles]
    timings = timed_gets(f"{site.url}{address}?bench=first" for address in addresses)
    percentiles = statistics.quantiles(timings, n=20)
    return {"p50": statistics.median(timings), "p95": percentiles[-1], "articles": len(addresses)}


def search_p95_ms(site):
    """Distinct searches one after another, so each is a miss of the results cache."""
    queries = [f"{a} {b}" for i, a in enumerate(SEARCH_WORDS) for b in SEARCH_WORDS[i + 1 :]]
    timings = timed_gets(f"{site.url}/search/?q={urllib.parse.quote(query)}" for query in queries)
    return {"p95": statistics.quantiles(timings, n=20)[-1], "queries": len(queries)}


def timed_gets(urls):
    """Each address fetched in turn, one at a time; how long each took, in ms."""
    timings = []
    for url in urls:
        started = time.perf_counter()
        with urllib.request.urlopen(url) as response:
            response.read()
        timings.append((time.perf_counter() - started) * 1000)
    return timings


# The grown results are spread over TRIAGE_RETENTION_DAYS (30 by default): keeping 29 days
# deletes about a day of them.
RETENTION_DAYS = 29
RETENTION_CLIENTS = 8


def retention_under_load(site, env):
    """Delete a day of results while people submit; count the writers' errors."""
    outcome = {"days": RETENTION_DAYS, "clients": RETENTION_CLIENTS}

    def purge():
        started = time.monotonic()
        days = str(RETENTION_DAYS)
        outcome["output"] = manage(env, "purge_results", "--days", days).strip()
        outcome["seconds"] = time.monotonic() - started

    purger = threading.Thread(target=purge)
    purger.start()
    writers = measure_journeys([site.url], clients=RETENTION_CLIENTS, seconds=10)
    purger.join()
    return {**outcome, "writers": writers}


# The machine -------------------------------------------------------------------------------


def version_of(command):
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=10)
        return (done.stdout or done.stderr).strip().splitlines()[0]
    except (OSError, IndexError, subprocess.TimeoutExpired):
        return "not found"


def machine():
    import sqlite3

    import django
    import gunicorn

    return {
        "cores": os.cpu_count(),
        "python": platform.python_version(),
        "django": django.get_version(),
        "gunicorn": gunicorn.__version__,
        "wrk": version_of(["wrk", "--version"]),
        "sqlite": sqlite3.sqlite_version,
        "postgresql": version_of(["psql", "--version"]),
        "platform": platform.platform(),
    }

"""The benchmark: the site under gunicorn with production settings, against a floor.

`make bench` runs it. The floor is gunicorn with the same worker count serving the same page
bytes from a bare WSGI function (bench/floor.py); site and floor are measured alternately
with wrk on loopback, several rounds, and medians reported. Writes bench/RESULTS.md.
"""

import gzip
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
from pathlib import Path

from tests.support import REPOSITORY
from tests.support.answers import with_changes
from tests.support.live_site import (
    Browser,
    SiteDatabase,
    journey,
    manage,
    prepare_site,
    start_gunicorn,
)

# BENCH_ROUNDS and BENCH_SECONDS shorten a trial run; RESULTS.md comes from the defaults.
ROUNDS = int(os.environ.get("BENCH_ROUNDS", 3))
SECONDS = int(os.environ.get("BENCH_SECONDS", 8))
CONNECTIONS = 32
JOURNEY_CLIENTS = 16
JOURNEY_SECONDS = 2 * SECONDS
RESULTS = os.environ.get("BENCH_RESULTS", "1000000")
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
ANSWER_SETS = [
    (with_changes(), "self_care"),
    (with_changes(severity="severe"), "soon"),
    (with_changes(dark_urine="yes"), "urgent"),
]
OUT = REPOSITORY / "bench" / "out"
# Every browser asks for compressed pages; site and floor are measured the same way.
ACCEPT_GZIP = "Accept-Encoding: gzip"


def site_env(workdir, database_url, redis_url=None):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cramps_site.settings",
        "DJANGO_DEBUG": "",
        "DJANGO_SECRET_KEY": "bench-only-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": database_url,
        "CACHE_DIR": str(workdir / "cache"),
        "DJANGO_SUPERUSER_PASSWORD": ADMIN_PASSWORD,
        "GUNICORN_LOG_LEVEL": "warning",
    }
    env.pop("REDIS_URL", None)
    if redis_url:
        env["REDIS_URL"] = redis_url
    return env


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


def measure_pages(site, floor, rounds=ROUNDS):
    runs = {name: {"site": [], "floor": []} for name in PAGES}
    for _ in range(rounds):
        for name, (site_path, floor_path) in PAGES.items():
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


# Journeys, weight, growth ------------------------------------------------------------------


def measure_journeys(urls, clients=JOURNEY_CLIENTS, seconds=JOURNEY_SECONDS):
    """Complete questionnaires from concurrent clients: journeys per second and errors."""
    deadline = time.monotonic() + seconds
    done, errors, slowest = [0], [], [0.0]
    lock = threading.Lock()

    def person(n):
        k = n
        while time.monotonic() < deadline:
            answers, expected = ANSWER_SETS[k % len(ANSWER_SETS)]
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


SEARCH_WORDS = [
    "cramp",
    "stretch",
    "muscle",
    "night",
    "heat",
    "water",
    "doctor",
    "pain",
    "leg",
    "thigh",
    "salt",
    "statin",
    "walking",
    "sleep",
    "pregnancy",
    "help",
]


def search_p95_ms(site):
    """Distinct searches one after another, so each is a miss of the results cache."""
    queries = [f"{a} {b}" for i, a in enumerate(SEARCH_WORDS) for b in SEARCH_WORDS[i + 1 :]]
    timings = []
    for query in queries:
        url = f"{site.url}/search/?q={urllib.parse.quote(query)}"
        started = time.perf_counter()
        with urllib.request.urlopen(url) as response:
            response.read()
        timings.append((time.perf_counter() - started) * 1000)
    return {"p95": statistics.quantiles(timings, n=20)[-1], "queries": len(queries)}


def retention_under_load(site, env):
    """Delete a day of results while people submit; count the writers' errors."""
    outcome = {}

    def purge():
        started = time.monotonic()
        outcome["output"] = manage(env, "purge_results", "--days", "29").strip()
        outcome["seconds"] = time.monotonic() - started

    purger = threading.Thread(target=purge)
    purger.start()
    writers = measure_journeys([site.url], clients=8, seconds=10)
    purger.join()
    return {**outcome, "writers": writers}


# The run ------------------------------------------------------------------------------------


def run():
    OUT.mkdir(parents=True, exist_ok=True)
    workdir = Path(tempfile.mkdtemp(prefix="cramps-bench-"))
    report = {"machine": machine()}
    env = site_env(workdir, f"sqlite:///{workdir / 'bench.sqlite3'}")
    prepare_site(env)

    site = start_gunicorn(env)
    try:
        save_floor_pages(site, workdir / "floor")
        floor = start_gunicorn(
            {**env, "FLOOR_PAGES": str(workdir / "floor")}, "bench.floor:application"
        )
        try:
            step("pages, small site")
            report["small"] = measure_pages(site, floor)
            step("questionnaire journeys on SQLite")
            report["journeys_sqlite"] = measure_journeys([site.url])
            report["weight"] = page_weight(site)
        finally:
            floor.stop()
    finally:
        site.stop()

    report["journeys_postgres"] = postgres_journeys(workdir)

    step("growing to 2,000 articles and 1,000,000 results")
    started = time.monotonic()
    manage(env, "grow_bench_data", "--confirm-throwaway-database", "--results", RESULTS)
    report["grow_seconds"] = time.monotonic() - started
    site = start_gunicorn(env)
    try:
        floor = start_gunicorn(
            {**env, "FLOOR_PAGES": str(workdir / "floor")}, "bench.floor:application"
        )
        try:
            step("pages, grown site")
            report["large"] = measure_pages(site, floor, rounds=max(1, ROUNDS - 1))
        finally:
            floor.stop()
        report["admin_list_ms"] = admin_list_ms(site)
        step("search, grown site")
        report["search"] = search_p95_ms(site)
        step("retention command under load")
        report["retention"] = retention_under_load(site, env)
    finally:
        site.stop()
    (REPOSITORY / "bench" / "RESULTS.md").write_text(render(report))
    print((REPOSITORY / "bench" / "RESULTS.md").read_text())


def step(text):
    print(f"-- {text}", flush=True)


def postgres_journeys(workdir):
    """The same journeys against PostgreSQL and Redis, when the machine has them."""
    base = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/postgres")
    try:
        database = SiteDatabase(base, workdir)
    except Exception as error:  # no PostgreSQL here: say so in the results
        return {"skipped": f"PostgreSQL not reachable ({error.__class__.__name__})"}
    env = site_env(
        workdir, database.url, os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/3")
    )
    try:
        prepare_site(env)
        site = start_gunicorn(env)
        try:
            step("questionnaire journeys on PostgreSQL with Redis")
            return measure_journeys([site.url])
        finally:
            site.stop()
    finally:
        database.drop()


def version_of(command):
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=10)
        return (done.stdout or done.stderr).strip().splitlines()[0]
    except (OSError, IndexError, subprocess.TimeoutExpired):
        return "not found"


def machine():
    import django
    import gunicorn

    return {
        "cores": os.cpu_count(),
        "python": platform.python_version(),
        "django": django.get_version(),
        "gunicorn": gunicorn.__version__,
        "wrk": version_of(["wrk", "--version"]),
        "sqlite": __import__("sqlite3").sqlite_version,
        "postgresql": version_of(["psql", "--version"]),
        "platform": platform.platform(),
    }


# The report ---------------------------------------------------------------------------------

KB = 1024


def render(report):
    small, large = report["small"], report["large"]
    cached = small["article, cached"]
    ratio = cached["site"]["rps"] / cached["floor"]["rps"]
    weight = report["weight"]
    sqlite, postgres = report["journeys_sqlite"], report["journeys_postgres"]
    retention = report["retention"]
    growth_ok = all(
        large[name]["site"]["rps"] * 1.5 >= small[name]["site"]["rps"]
        and large[name]["site"]["p50"] <= 1.5 * max(small[name]["site"]["p50"], 1.0)
        for name in ("article list", "article, cached", "article, uncached")
    )
    cached_p99, cached_errors = cached["site"]["p99"], int(cached["site"]["errors"])
    total, blocking, third = weight["total"], weight["blocking"], weight["third_party"]
    postgres_errors = postgres.get("errors", postgres.get("skipped"))
    admin_ms, writer_errors = report["admin_list_ms"], retention["writers"]["errors"]
    search_p95 = report["search"]["p95"]
    budget = [
        ("Cached article: at least 0.8 of the floor's throughput", f"{ratio:.2f}", ratio >= 0.8),
        ("Cached article: p99 at most 15 ms at 32 connections", f"{cached_p99:.1f} ms",
         cached_p99 <= 15),
        ("Cached article: zero errors", cached_errors, cached_errors == 0),
        ("Uncached article at most 4 queries; cached none", "pinned in tests", True),
        ("Article page and all it loads at most 20 KB", f"{total / KB:.1f} KB", total <= 20 * KB),
        ("No render-blocking script, no third-party request",
         f"{len(blocking)} blocking, {len(third)} third-party", not blocking and not third),
        ("Questionnaire, 16 clients, SQLite: zero errors", sqlite["errors"],
         sqlite["errors"] == 0),
        ("Questionnaire, 16 clients, PostgreSQL: zero errors", postgres_errors,
         postgres_errors == 0),
        ("Grown site: list and article pages within 1.5x of small", "growth table", growth_ok),
        ("Grown site: admin article list under 200 ms", f"{admin_ms:.0f} ms", admin_ms < 200),
        ("Grown site, SQLite: search p95 at most 50 ms", f"{search_p95:.1f} ms",
         search_p95 <= 50),
        ("Retention deletes a day without locking out writers", f"{writer_errors} writer errors",
         writer_errors == 0),
    ]  # fmt: skip
    m = report["machine"]
    lines = [
        "# Benchmark results",
        "",
        f"Written by `make bench` (bench/bench.py) on {time.strftime('%Y-%m-%d')}. Site and floor",
        "were measured alternately in the same run; numbers are medians over the rounds. Absolute",
        "numbers move between machines and runs; the ratios to the floor move much less.",
        "",
        "## Machine",
        "",
        "| cores | Python | Django | gunicorn | SQLite | PostgreSQL | wrk |",
        "|---|---|---|---|---|---|---|",
        "| "
        + " | ".join(str(m[k]) for k in ("cores", "python", "django", "gunicorn"))
        + " | "
        + " | ".join(str(m[k]) for k in ("sqlite", "postgresql", "wrk"))
        + " |",
        "",
        f"Platform: {m['platform']}.",
        "",
        "## How it was measured",
        "",
        "- **Site**: `gunicorn -c cramps_site/gunicorn.conf.py` (sync workers, 2 per core), debug",
        "  off, whitenoise, the file page cache, SQLite in WAL mode, a fresh database with the",
        "  shipped content.",
        "- **Floor**: the same gunicorn config and worker count serving the same page bytes from",
        "  a ten-line WSGI function (`bench/floor.py`).",
        f"- **Load**: `wrk -t2 -c{CONNECTIONS} -d{SECONDS}s --latency -H '{ACCEPT_GZIP}'` on",
        "  127.0.0.1 (compressed pages, as every browser asks for them; the floor sends the",
        "  same compressed bytes),",
        f"  {ROUNDS} rounds ({max(1, ROUNDS - 1)} on the grown site), site and floor alternating.",
        "  wrk and both servers share this machine's cores, so latency includes queueing.",
        "- **Uncached article**: the same address with an unknown query string, which the page",
        "  cache never stores, so every request renders the page and queries the database.",
        f"- **Questionnaire**: {JOURNEY_CLIENTS} concurrent clients for {JOURNEY_SECONDS} s, each",
        "  journey every page to a stored result, with its CSRF token, as a browser without",
        "  JavaScript would; the clients run on the same 2 cores as the site.",
        "",
        "## Budget",
        "",
        "| budget | measured | met |",
        "|---|---|---|",
        *[f"| {name} | {value} | {'yes' if ok else '**no**'} |" for name, value, ok in budget],
        "",
        "## Pages, small site (the shipped articles)",
        "",
        *page_table(small),
        "",
        "## Questionnaire",
        "",
        "| database | journeys/s | journeys | errors | slowest journey |",
        "|---|---|---|---|---|",
        journey_row("SQLite, file cache", sqlite),
        journey_row("PostgreSQL, Redis", postgres),
        "",
        "## Article page weight over the wire",
        "",
        "| part | bytes |",
        "|---|---|",
        *[f"| {part} | {size:,} |" for part, size in weight["parts"].items()],
        f"| **total** | **{weight['total']:,}** ({weight['total'] / KB:.1f} KB) |",
        "",
        "## Growth: 2,000 published articles and 1,000,000 stored results",
        "",
        f"Growing the database took {report['grow_seconds']:.0f} s.",
        "",
        *page_table(large, small),
        "",
        f"Admin article list (100 a page, logged in): median {report['admin_list_ms']:.0f} ms.",
        "",
        f"Search: {report['search']['queries']} different two-word searches one after another",
        f"(each a miss of the results cache): p95 {search_p95:.1f} ms.",
        "",
        f'Retention: `purge_results --days 29` said "{retention["output"]}" in',
        f"{retention['seconds']:.1f} s, while 8 clients completed",
        f"{retention['writers']['journeys']} journeys with {retention['writers']['errors']} errors",
        f"(slowest journey {retention['writers']['slowest_s']:.2f} s).",
        "",
        "## Query counts",
        "",
        "Pinned in tests rather than measured here: an uncached article page makes at most 4",
        "queries (`tests/education/test_article_detail.py`), a cached one none",
        "(`tests/education/test_page_cache.py`), the home page 2 and the list 3.",
        "",
    ]
    return "\n".join(lines)


def page_table(pages, baseline=None):
    head = (
        "| page | req/s | floor req/s | ratio to floor | p50 ms | p99 ms | floor p99 ms | errors |"
    )
    rule = "|---|---|---|---|---|---|---|---|"
    if baseline:
        head, rule = head + " req/s vs small |", rule + "---|"
    rows = [head, rule]
    for name, runs in pages.items():
        site, floor = runs["site"], runs["floor"]
        ratio = site["rps"] / floor["rps"]
        row = (
            f"| {name} | {site['rps']:,.0f} | {floor['rps']:,.0f} | {ratio:.2f}"
            f" | {site['p50']:.2f} | {site['p99']:.2f} | {floor['p99']:.2f}"
            f" | {int(site['errors'])} |"
        )
        if baseline:
            row += f" {site['rps'] / baseline[name]['site']['rps']:.2f} |"
        rows.append(row)
    return rows


def journey_row(label, result):
    if "skipped" in result:
        return f"| {label} | - | - | {result['skipped']} | - |"
    return (
        f"| {label} | {result['per_second']:.1f} | {result['journeys']} | {result['errors']} |"
        f" {result['slowest_s']:.2f} s |"
    )


if __name__ == "__main__":
    run()

"""Reporting: the results of bench/measure.py, held against bench/budgets.json, as Markdown.

Each budget names a metric (one of METRICS, worked out from the results here), a comparison
and a limit, so a target changes in the data file, not in this code. Runs no server:
`python -m bench.report` rewrites bench/RESULTS.md from the last saved results.
"""

import json
import operator
import sys
from dataclasses import dataclass
from pathlib import Path

BENCH = Path(__file__).resolve().parent
BUDGETS = BENCH / "budgets.json"
RESULTS_JSON = BENCH / "out" / "results.json"
RESULTS_MD = BENCH / "RESULTS.md"
KB = 1024
COMPARISONS = {">=": operator.ge, "<=": operator.le, "<": operator.lt}
LIMIT_WORDS = {">=": "at least", "<=": "at most", "<": "under"}
GROWTH_PAGES = ("article list", "article, cached", "article, uncached")
# A page's p50 grows against at least this, so a sub-millisecond one may double harmlessly.
GROWTH_P50_FLOOR_MS = 1.0


class BudgetError(ValueError):
    """A budget in bench/budgets.json that cannot be evaluated."""


# Metrics -----------------------------------------------------------------------------------


def _journeys(results, database, key):
    journeys = results[f"journeys_{database}"]
    return None if "skipped" in journeys else journeys[key]


def _search(results, database):
    search = results[f"search_{database}"]
    return None if "skipped" in search else search["p95"]


def _growth_throughput(results):
    small, large = results["small"], results["large"]
    return max(small[n]["site"]["rps"] / large[n]["site"]["rps"] for n in GROWTH_PAGES)


def _growth_p50(results):
    small, large = results["small"], results["large"]
    return max(
        large[n]["site"]["p50"] / max(small[n]["site"]["p50"], GROWTH_P50_FLOOR_MS)
        for n in GROWTH_PAGES
    )


def questionnaire_cache_lines(timing):
    """The one cache besides the pages, with and without it (if measured)."""
    if timing is None:
        return []
    return [
        "Each questionnaire page takes the questionnaire (pages, questions, rules) from its",
        "process's copy, kept per release number and language: median"
        f" {timing['kept']:.2f} ms, against {timing['built']:.1f} ms to build it from the",
        "database, as every page of every journey would without that copy.",
        "",
    ]


def _cached(results):
    return results["small"]["article, cached"]


def _on_redis(read):
    """A figure of the cached article with stored pages in Redis, or None if not measured."""

    def metric(results):
        pages = results.get("pages_redis", {"skipped": "not measured"})
        return None if "skipped" in pages else read(pages["article, cached"])

    return metric


# metric key -> how to read it from the results; None when it was not measured.
METRICS = {
    "cached_article_floor_ratio": lambda r: _cached(r)["site"]["rps"] / _cached(r)["floor"]["rps"],
    "cached_article_p99_ms": lambda r: _cached(r)["site"]["p99"],
    "cached_article_errors": lambda r: _cached(r)["site"]["errors"],
    "cached_article_floor_ratio_redis": _on_redis(lambda p: p["site"]["rps"] / p["floor"]["rps"]),
    "cached_article_p99_ms_redis": _on_redis(lambda p: p["site"]["p99"]),
    "cached_article_errors_redis": _on_redis(lambda p: p["site"]["errors"]),
    "uncached_article_p50_ms": lambda r: r["small"]["article, uncached"]["site"]["p50"],
    "page_weight_kb": lambda r: r["weight"]["total"] / KB,
    "render_blocking_scripts": lambda r: len(r["weight"]["blocking"]),
    "third_party_requests": lambda r: len(r["weight"]["third_party"]),
    "journeys_per_second_sqlite": lambda r: _journeys(r, "sqlite", "per_second"),
    "journey_errors_sqlite": lambda r: _journeys(r, "sqlite", "errors"),
    "journeys_per_second_postgres": lambda r: _journeys(r, "postgres", "per_second"),
    "journey_errors_postgres": lambda r: _journeys(r, "postgres", "errors"),
    "growth_throughput_slowdown": _growth_throughput,
    "growth_p50_slowdown": _growth_p50,
    "admin_list_ms": lambda r: r["admin_list_ms"],
    "search_p95_ms_sqlite": lambda r: _search(r, "sqlite"),
    "search_p95_ms_postgres": lambda r: _search(r, "postgres"),
    "retention_writer_errors": lambda r: r["retention"]["writers"]["errors"],
}


# Budgets -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class BudgetLine:
    name: str
    limit: str
    measured: str
    met: bool | None  # None: not measured on this machine, or pinned in tests instead
    source: str

    @property
    def verdict(self):
        if self.met is None:
            return "in tests" if self.measured.startswith("pinned") else "**not measured**"
        return "yes" if self.met else "**no**"


def load_budgets(path=BUDGETS):
    budgets = json.loads(Path(path).read_text())
    for budget in budgets:
        check_budget(budget)
    return budgets


def check_budget(budget):
    name = budget.get("name", "a budget without a name")
    if "pinned_in" in budget:
        return
    if budget.get("metric") not in METRICS:
        raise BudgetError(f"{name}: unknown metric {budget.get('metric')!r}")
    if budget.get("comparison") not in COMPARISONS:
        raise BudgetError(
            f"{name}: comparison must be one of {', '.join(COMPARISONS)}, "
            f"not {budget.get('comparison')!r}"
        )
    missing = [key for key in ("limit", "unit", "decimals", "source") if key not in budget]
    if missing:
        raise BudgetError(f"{name}: no {', '.join(missing)}")


def evaluate(budgets, results):
    return [budget_line(budget, results) for budget in budgets]


def budget_line(budget, results):
    name, source = budget["name"], budget["source"]
    if "pinned_in" in budget:
        return BudgetLine(name, "-", f"pinned in {budget['pinned_in']}", None, source)
    value = METRICS[budget["metric"]](results)
    limit = limit_text(budget)
    if value is None:
        return BudgetLine(name, limit, "not measured", None, source)
    met = COMPARISONS[budget["comparison"]](value, budget["limit"])
    return BudgetLine(name, limit, quantity(value, budget), met, source)


def quantity(value, budget):
    return f"{value:,.{budget['decimals']}f} {budget['unit']}"


def limit_text(budget):
    if budget["comparison"] == "<=" and budget["limit"] == 0:
        return f"no {budget['unit']}"
    return f"{LIMIT_WORDS[budget['comparison']]} {quantity(budget['limit'], budget)}"


# The report --------------------------------------------------------------------------------


def render(results, budgets):
    method = results["method"]
    return "\n".join(
        [
            "# Benchmark results",
            "",
            f"Written by `make bench` (bench/measure.py, bench/report.py) on {results['date']}.",
            "Site and floor were measured alternately in the same run; numbers are medians over",
            "the rounds. Absolute numbers move between machines and runs; the ratios to the floor",
            "move much less. The budgets are in bench/budgets.json.",
            "",
            *machine_section(results["machine"]),
            *method_section(method),
            "## Budget",
            "",
            "| budget | limit | measured | met | limit from |",
            "|---|---|---|---|---|",
            *[
                f"| {line.name} | {line.limit} | {line.measured} | {line.verdict} | {line.source} |"
                for line in evaluate(budgets, results)
            ],
            "",
            "## Pages, small site (the shipped articles)",
            "",
            *page_table(results["small"]),
            "",
            *redis_pages_section(results.get("pages_redis")),
            "## Questionnaire",
            "",
            "| database | journeys/s | journeys | errors | slowest journey |",
            "|---|---|---|---|---|",
            journey_row("SQLite, file cache", results["journeys_sqlite"]),
            journey_row("PostgreSQL, Redis", results["journeys_postgres"]),
            "",
            *questionnaire_cache_lines(results.get("questionnaire_build")),
            *weight_section(results["weight"]),
            *growth_section(results, method),
            "## Query counts",
            "",
            "Pinned in tests rather than measured here: an article page the page cache does not",
            "hold makes at most 4 queries (`tests/education/test_article_detail.py`), a stored",
            "one none (`tests/education/test_page_cache.py`); a questionnaire page part-way",
            "through a journey makes one (the session), the first page two (and the published",
            "release's number), and a result page three or four (the result, and the articles",
            "its drawings and advice blocks link to; `tests/triage/`).",
            "",
        ]
    )


def machine_section(machine):
    columns = ("cores", "python", "django", "gunicorn", "sqlite", "postgresql", "wrk")
    return [
        "## Machine",
        "",
        "| cores | Python | Django | gunicorn | SQLite | PostgreSQL | wrk |",
        "|---|---|---|---|---|---|---|",
        "| " + " | ".join(str(machine[key]) for key in columns) + " |",
        "",
        f"Platform: {machine['platform']}.",
        "",
    ]


def method_section(method):
    return [
        "## How it was measured",
        "",
        "- **Site**: `gunicorn -c cramps_site/gunicorn.conf.py` (sync workers, 2 per core), debug",
        "  off, whitenoise, the file page cache, SQLite in WAL mode, a fresh database with the",
        "  shipped content.",
        "- **Floor**: the same gunicorn config and worker count serving the same page bytes from",
        "  a ten-line WSGI function (`bench/floor.py`).",
        f"- **Load**: `wrk -t2 -c{method['connections']} -d{method['seconds']}s --latency"
        f" -H '{method['accept']}'` on",
        "  127.0.0.1 (compressed pages, as every browser asks for them; the floor sends the",
        "  same compressed bytes),",
        f"  {method['rounds']} rounds ({method['grown_rounds']} on the grown site), site and"
        " floor alternating.",
        "  wrk and both servers share this machine's cores, so latency includes queueing.",
        "- **Uncached article**: the same address with an unknown query string, which the page",
        "  cache never stores, so every request renders the page from the database.",
        "- **No per-process copies**: the cached article again with",
        "  `PAGE_CACHE_PROCESS_SECONDS=0`, each worker reading the shared cache (files, or",
        "  Redis) for every page: the row beside it shows what the copies buy.",
        f"- **Questionnaire**: {method['journey_clients']} concurrent clients for"
        f" {method['journey_seconds']} s, each",
        "  journey every page to a stored result, with its CSRF token, as a browser without",
        "  JavaScript would, on the answers of bench/journeys.json (ending at self-care, soon",
        "  and urgent); the clients run on the same cores as the site.",
        "- **Grown site**: `bench/grow_data.py` adds made-up published articles and",
        "  stored results to the SQLite database; on PostgreSQL only the articles, for search.",
        "",
    ]


def weight_section(weight):
    return [
        "## Article page weight over the wire",
        "",
        "| part | bytes |",
        "|---|---|",
        *[f"| {part} | {size:,} |" for part, size in weight["parts"].items()],
        f"| **total** | **{weight['total']:,}** ({weight['total'] / KB:.1f} KB) |",
        "",
    ]


def growth_section(results, method):
    retention = results["retention"]
    writers = retention["writers"]
    return [
        f"## Growth: {method['grown_articles']:,} published articles and"
        f" {method['grown_results']:,} stored results",
        "",
        f"Growing the SQLite database took {results['grow_seconds']:.0f} s.",
        "",
        *page_table(results["large"], results["small"]),
        "",
        f"Admin article list (100 a page, logged in): median {results['admin_list_ms']:.0f} ms.",
        "",
        *first_render_lines(results.get("first_render")),
        "Search: different two-word searches one after another (nothing cached),",
        f"with {method['grown_articles']:,} published articles:",
        "",
        "| database | index | searches | p95 |",
        "|---|---|---|---|",
        search_row("SQLite", "FTS5 table", results["search_sqlite"]),
        search_row("PostgreSQL, Redis", "tsvector column, GIN index", results["search_postgres"]),
        "",
        f'Retention: `purge_results --days {retention["days"]}` said "{retention["output"]}" in',
        f"{retention['seconds']:.1f} s, while {retention['clients']} clients completed",
        f"{writers['journeys']} journeys with {writers['errors']} errors",
        f"(slowest journey {writers['slowest_s']:.2f} s).",
        "",
    ]


def redis_pages_section(pages):
    if pages is None or "skipped" in pages:
        return []
    return [
        "## Pages stored in Redis (PostgreSQL), small site",
        "",
        *page_table(pages),
        "",
    ]


def first_render_lines(first_render):
    """The render from the database that every article gets once after each content change
    (and once a minute while readers ask for it)."""
    if first_render is None:
        return []
    return [
        f"First render: {first_render['articles']} articles nobody had asked for, one request",
        "at a time, each built from the database as after a content change: p50",
        f"{first_render['p50']:.1f} ms, p95 {first_render['p95']:.1f} ms.",
        "",
    ]


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


def search_row(label, index, result):
    if "skipped" in result:
        return f"| {label} | {index} | - | {result['skipped']} |"
    return f"| {label} | {index} | {result['queries']} | {result['p95']:.1f} ms |"


def write(results, budgets=None, path=RESULTS_MD):
    text = render(results, budgets if budgets is not None else load_budgets())
    Path(path).write_text(text)
    return text


if __name__ == "__main__":
    source = Path(sys.argv[1]) if len(sys.argv) > 1 else RESULTS_JSON
    print(write(json.loads(source.read_text())))

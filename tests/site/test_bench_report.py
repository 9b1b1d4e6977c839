"""bench/report.py: the results held against bench/budgets.json, from made-up figures; no
server runs here."""

import json

import pytest

from bench import report


def pages(rps, p50=5.0, p99=10.0, floor_rps=1000.0):
    def page(site_rps):
        return {
            "site": {"rps": site_rps, "p50": p50, "p99": p99, "errors": 0},
            "floor": {"rps": floor_rps, "p50": 4.0, "p99": 8.0, "errors": 0},
        }

    return {name: page(value) for name, value in rps.items()}


def made_up_results(**changes):
    journeys = {"journeys": 100, "per_second": 31.0, "errors": 0, "slowest_s": 0.5, "examples": []}
    small = {"home": 950.0, "article list": 940.0, "article, cached": 900.0}
    results = {
        "date": "2026-01-02",
        "machine": {"cores": 2, "python": "3.11", "django": "5.2", "gunicorn": "23",
                    "sqlite": "3.40", "postgresql": "15", "wrk": "4.1", "platform": "Linux"},
        "method": {"rounds": 1, "grown_rounds": 1, "seconds": 2, "connections": 32,
                   "accept": "Accept-Encoding: gzip", "journey_clients": 16,
                   "journey_seconds": 4, "grown_articles": 2000, "grown_results": 1000},
        "small": {**pages(small), **pages({"article, uncached": 300.0}, p50=30.0)},
        "large": {**pages(small), **pages({"article, uncached": 290.0}, p50=31.0)},
        "journeys_sqlite": journeys,
        "journeys_postgres": {**journeys, "per_second": 23.0},
        "pages_redis": pages({"article, cached": 5000.0}, p99=12.0),
        "weight": {"parts": {"HTML (gzip)": 5000, "site.css (br)": 2000}, "total": 7000,
                   "blocking": [], "third_party": []},
        "grow_seconds": 3.0,
        "admin_list_ms": 70.0,
        "first_render": {"p50": 9.5, "p95": 14.25, "articles": 200},
        "search_sqlite": {"p95": 20.0, "queries": 120},
        "search_postgres": {"p95": 12.0, "queries": 120},
        "retention": {"days": 29, "clients": 8, "seconds": 0.5,
                      "output": "Deleted 3 results older than 29 days.",
                      "writers": {**journeys, "journeys": 40}},
    }  # fmt: skip
    results.update(changes)
    return results


def budget_rows(markdown):
    """{budget name: (limit, measured, met)} from the report's budget table."""
    section = markdown.split("## Budget\n", 1)[1].split("\n## ", 1)[0]
    rows = [line.strip("|").split(" | ") for line in section.splitlines() if line.startswith("| ")]
    return {name.strip(): (limit, measured, met) for name, limit, measured, met, _ in rows[1:]}


def test_every_budget_names_a_metric_the_report_knows():
    budgets = report.load_budgets()

    lines = report.evaluate(budgets, made_up_results())

    assert len(lines) == len(budgets) > 10
    assert all(line.met is not None or line.measured.startswith("pinned") for line in lines)


def test_a_met_and_an_unmet_budget_line():
    results = made_up_results(search_postgres={"p95": 75.0, "queries": 120})

    rows = budget_rows(report.render(results, report.load_budgets()))

    assert rows["Grown site, SQLite: search p95"] == ("at most 50.0 ms", "20.0 ms", "yes")
    assert rows["Grown site, PostgreSQL: search p95"] == ("at most 50.0 ms", "75.0 ms", "**no**")


def test_the_questionnaire_is_held_to_twice_its_baseline():
    results = made_up_results(journeys_sqlite={**made_up_results()["journeys_sqlite"],
                                               "per_second": 29.9})  # fmt: skip

    rows = budget_rows(report.render(results, report.load_budgets()))

    assert rows["Questionnaire, SQLite: throughput"] == (
        "at least 30.0 journeys/s",
        "29.9 journeys/s",
        "**no**",
    )
    assert rows["Questionnaire, PostgreSQL with Redis: throughput"][2] == "yes"


def test_a_ratio_to_the_floor_is_worked_out_from_the_pages():
    results = made_up_results()
    results["small"]["article, cached"]["site"]["rps"] = 700.0  # floor 1000

    rows = budget_rows(report.render(results, report.load_budgets()))

    assert rows["Cached article: throughput against the floor"][1:] == (
        "0.70 x the floor",
        "**no**",
    )


def test_the_grown_site_is_held_to_its_worst_page():
    results = made_up_results()
    results["large"]["article list"]["site"]["rps"] = 500.0  # 940 on the small site

    rows = budget_rows(report.render(results, report.load_budgets()))

    slowdown = "Grown site: list and article req/s, small over grown, worst page"
    assert rows[slowdown][1:] == ("1.88 x", "**no**")


def test_the_cached_article_is_held_to_the_floor_with_pages_in_redis_too():
    results = made_up_results()
    results["pages_redis"]["article, cached"]["site"]["rps"] = 700.0  # floor 1000

    markdown = report.render(results, report.load_budgets())

    rows = budget_rows(markdown)
    assert rows["Cached article, pages in Redis: throughput against the floor"][1:] == (
        "0.70 x the floor",
        "**no**",
    )
    assert rows["Cached article, pages in Redis: p99 at 32 connections"][1:] == ("12.0 ms", "yes")
    assert "## Pages stored in Redis (PostgreSQL), small site" in markdown


def test_the_first_render_from_the_database_is_reported():
    markdown = report.render(made_up_results(), report.load_budgets())

    assert "First render: 200 articles nobody had asked for" in markdown
    assert "p50\n9.5 ms, p95 14.2 ms." in markdown


def test_the_questionnaire_copy_is_reported_with_and_without_it():
    timing = {"built": 15.94, "kept": 0.02}

    markdown = report.render(made_up_results(questionnaire_build=timing), report.load_budgets())

    assert "median 0.02 ms, against 15.9 ms to build it from the" in markdown


def test_postgresql_missing_shows_as_not_measured_and_both_search_figures_are_listed():
    skipped = {"skipped": "PostgreSQL not reachable (OperationalError)"}
    results = made_up_results(
        journeys_postgres=skipped, search_postgres=skipped, pages_redis=skipped
    )

    markdown = report.render(results, report.load_budgets())

    rows = budget_rows(markdown)
    assert rows["Grown site, PostgreSQL: search p95"][1:] == ("not measured", "**not measured**")
    redis_ratio = "Cached article, pages in Redis: throughput against the floor"
    assert rows[redis_ratio][1:] == ("not measured", "**not measured**")
    assert "## Pages stored in Redis" not in markdown
    assert "| SQLite | FTS5 table | 120 | 20.0 ms |" in markdown
    assert "| PostgreSQL, Redis | tsvector column, GIN index | - | PostgreSQL not reachable" in (
        markdown
    )


def test_a_zero_limit_reads_as_none_allowed():
    rows = budget_rows(report.render(made_up_results(), report.load_budgets()))

    assert rows["Cached article: errors"] == ("no errors", "0 errors", "yes")


@pytest.mark.parametrize(
    "budget, message",
    [
        ({"name": "X", "metric": "no_such_metric"}, "unknown metric 'no_such_metric'"),
        ({"name": "X", "metric": "admin_list_ms", "comparison": "=>"}, "comparison must be"),
        ({"name": "X", "metric": "admin_list_ms", "comparison": "<"}, "no limit, unit"),
    ],
)
def test_a_budget_that_cannot_be_evaluated_is_refused_with_its_name(tmp_path, budget, message):
    path = tmp_path / "budgets.json"
    path.write_text(json.dumps([budget]))

    with pytest.raises(report.BudgetError, match=message):
        report.load_budgets(path)


def test_the_saved_results_become_results_md(tmp_path):
    path = tmp_path / "RESULTS.md"

    report.write(made_up_results(), path=path)

    assert path.read_text().startswith("# Benchmark results\n")
    assert "on 2026-01-02" in path.read_text()

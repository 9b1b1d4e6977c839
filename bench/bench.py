"""The benchmark: measure (bench/measure.py), keep the results as JSON under bench/out/, and
report them against the budgets (bench/report.py) in bench/RESULTS.md. `make bench` runs it.
"""

import json

from bench import measure, report


def run():
    budgets = report.load_budgets()  # a mistake in budgets.json shows before the long run
    results = measure.measure()
    report.RESULTS_JSON.parent.mkdir(parents=True, exist_ok=True)
    report.RESULTS_JSON.write_text(json.dumps(results, indent=2))
    print(report.write(results, budgets))


if __name__ == "__main__":
    run()

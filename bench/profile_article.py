"""Where the time of an uncached article goes: the page built afresh (an address the page
cache never keeps) through Django's test client, on a throwaway copy of the site with the
production settings, under cProfile.

    .venv/bin/python -m bench.profile_article [requests] [rows]

prints the function calls per request (the same from run to run on the same code, unlike
seconds on a busy machine), the milliseconds per request with and without the profiler,
and the `rows` functions taking the most time with what they call.
"""

import subprocess
import sys
import tempfile
from pathlib import Path

from bench.live_site import REPOSITORY, prepare_site
from bench.measure import PAGES, site_env

# The address make bench measures as the uncached article.
ARTICLE = PAGES["article, uncached"][0]

MEASURE = """
import cProfile, pstats, sys, time
import django
django.setup()
from django.test import Client
client = Client(HTTP_HOST="127.0.0.1")
def fetch(times):
    for _ in range(times):
        assert client.get({url!r}).status_code == 200
fetch(20)  # templates compiled, connections open
started = time.perf_counter()
fetch({requests})
print(f"ms per request: {{(time.perf_counter() - started) / {requests} * 1000:.2f}}")
profile = cProfile.Profile()
profile.runcall(fetch, {requests})
stats = pstats.Stats(profile)
print(f"function calls per request: {{stats.total_calls / {requests}:,.0f}}")
print(f"ms per request, profiled: {{stats.total_tt / {requests} * 1000:.2f}}")
stats.sort_stats("cumulative").print_stats({rows})
"""


def main(requests=200, rows=40):
    with tempfile.TemporaryDirectory(prefix="cramps-profile-") as folder:
        workdir = Path(folder)
        env = site_env(workdir, f"sqlite:///{workdir / 'profile.sqlite3'}")
        prepare_site(env)
        code = MEASURE.format(url=ARTICLE, requests=requests, rows=rows)
        subprocess.run(
            [sys.executable, "-c", code],
            cwd=REPOSITORY,
            env={**env, "DJANGO_SETTINGS_MODULE": "cramps_site.settings"},
            check=True,
        )


if __name__ == "__main__":
    main(*map(int, sys.argv[1:3]))

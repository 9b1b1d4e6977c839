"""The cached article under load just after its stored copy has expired: the moment every
worker would rebuild it at once unless one rebuilds while the others serve it as it was
(stale-while-revalidate, cramps_site/page_cache.py).

    .venv/bin/python -m bench.expired_page [rounds]

starts the site as `make bench` does (file cache, production settings), then runs wrk on the
article once back to back and then `rounds` times, each after a pause longer than the page's
one-minute lifetime, printing req/s, p50 and p99 for each. Run it on an earlier commit to
compare.
"""

import sys
import tempfile
import time
from pathlib import Path

from bench.live_site import prepare_site
from bench.measure import ARTICLE, running, site_env, wrk

# Longer than the page's s-maxage (education/caching.py), shorter than it plus the rebuild
# seconds, so each round starts on an expired page that is still stored.
PAUSE_SECONDS = 62


def main(rounds=3):
    with tempfile.TemporaryDirectory(prefix="cramps-expired-") as folder:
        workdir = Path(folder)
        env = site_env(workdir, f"sqlite:///{workdir / 'bench.sqlite3'}")
        prepare_site(env)
        with running(env) as site:
            url = site.url + ARTICLE
            wrk(url)  # stored, and every worker warm
            report("back to back", wrk(url))
            for _ in range(rounds):
                time.sleep(PAUSE_SECONDS)
                report(f"after {PAUSE_SECONDS} s", wrk(url))


def report(when, figures):
    print(
        f"{when:>14}: {figures['rps']:,.0f} req/s, p50 {figures['p50']:.1f} ms, "
        f"p99 {figures['p99']:.1f} ms, {figures['errors']} errors",
        flush=True,
    )


if __name__ == "__main__":
    main(*map(int, sys.argv[1:2]))

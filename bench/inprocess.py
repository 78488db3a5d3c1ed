"""Render pages in-process with Django's test client and count their SQL queries.

    python -m bench.inprocess '{"home": "/", "sheet": "/fiches-pratiques/..."}'

Prints {name: {"status", "queries", "ms"}} as JSON. The process is set up as a gunicorn
worker is, by the WSGI module (URLs loaded, templates compiled, what is loaded frozen out
of the garbage collector's sight). Each page is rendered WARM_UP times to warm up (image
renditions, Wagtail's cached site roots, the plans of its statements), then REPEATS times,
each with a query string of its own, so that a full-page cache, if any, misses: the
queries are those of an uncached render, the time that of a worker that has served the
page before."""

import json
import statistics
import sys
import time
import uuid

from bench import env

# A median of nine: three renders left one noisy one weighing on the figure.
REPEATS = 9
SLOW_SECONDS = 2.0  # one render that slow is measure enough
# Renders of each page before measuring, as a worker serves them all day: its connection
# (kept 60 s) keeps the plan of a statement only from its eighth run: prepared at its third
# (cms/settings/base.py), then planned again five times before PostgreSQL settles on a
# generic plan.
WARM_UP = 8
# Query strings of this run: the page cache may hold those of an earlier one.
RUN = uuid.uuid4().hex[:8]


def bust(path, number):
    return f"{path}{'&' if '?' in path else '?'}_bench=inprocess-{RUN}-{number}"


def measure(paths):
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(raise_request_exception=False)  # a page in error is a status, not a crash
    results = {}
    number = 0
    for name, path in paths.items():
        status = client.get(path).status_code
        if status != 200:
            results[name] = {"status": status}
            continue
        for _ in range(WARM_UP - 1):
            number += 1
            client.get(bust(path, number))
        timings, queries = [], None
        for _ in range(REPEATS):
            number += 1
            with CaptureQueriesContext(connection) as captured:
                started = time.perf_counter()
                status = client.get(bust(path, number)).status_code
                timings.append((time.perf_counter() - started) * 1000)
            queries = len(captured) if queries is None else queries
            if timings[-1] > SLOW_SECONDS * 1000:
                break
        results[name] = {"status": status, "queries": queries, "ms": statistics.median(timings)}
    return results


if __name__ == "__main__":
    env.setup_django()
    import cms.wsgi  # noqa: F401 (sets the process up as gunicorn's workers)

    print(json.dumps(measure(json.loads(sys.argv[1]))))

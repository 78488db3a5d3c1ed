"""`make loadtest`: 32 visitors for 60 s against gunicorn on PostgreSQL with the demo content,
all on 127.0.0.1; fails (exit status 1) on any error and prints requests/second and
p50/p95/p99.

    python -m bench.loadtest

Visitors read pages (most requests), search the library and the site, and type in the
search box (suggestions), with a short pause between requests. The database is
`rnbp_loadtest` (LOADTEST_DATABASE), created, migrated and given the demo content when
missing; the production settings are those of `make bench`, with the search rate limit off
(SEARCH_RATE_LIMIT=0: every visitor shares one address). Settings: LOADTEST_USERS (32),
LOADTEST_SECONDS (60); REDIS_URL, when set, is the cache of the gunicorn workers."""

import os

# Before bench.env reads it: the load test has a database of its own.
os.environ["BENCH_DATABASE"] = os.environ.get("LOADTEST_DATABASE", "rnbp_loadtest")
os.environ["SEARCH_RATE_LIMIT"] = "0"

import random  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402

import gevent  # noqa: E402
from locust import HttpUser, between, task  # noqa: E402
from locust.env import Environment  # noqa: E402

from bench import env  # noqa: E402
from bench.run import HOST, STATIC_PATH, Server, page_type_urls, run  # noqa: E402
from bench.seed import database_exists, recreate_database  # noqa: E402

USERS = int(os.environ.get("LOADTEST_USERS", "32"))
SECONDS = float(os.environ.get("LOADTEST_SECONDS", "60"))
SEARCHES = ["budget", "vote", "école", "jeunes", "projets", "quartier", "inclusion"]
PREFIXES = ["bu", "bud", "budg", "vo", "vot", "éco", "jeu", "pro"]


class Visitor(HttpUser):
    """A visitor of the public site; `pages` is set from the database before the run."""

    wait_time = between(0.2, 1.0)
    pages = {}

    def visit(self, page_type):
        urls = self.pages.get(page_type)
        if urls:
            self.client.get(random.choice(urls), name=page_type)

    @task(10)
    def home(self):
        self.visit("home")

    @task(3)
    def english_home(self):
        self.client.get("/en/", name="home (English)")

    @task(4)
    def news_index(self):
        self.visit("news index")

    @task(8)
    def news_page(self):
        self.visit("news page")

    @task(5)
    def directory(self):
        self.visit("directory")

    @task(8)
    def profile(self):
        self.visit("profile")

    @task(3)
    def charter(self):
        self.visit("charter")

    @task(5)
    def library(self):
        self.visit("library")

    @task(10)
    def sheet(self):
        self.visit("sheet")

    @task(4)
    def stylesheet(self):
        self.client.get(STATIC_PATH, name="static file")

    @task(3)
    def library_search(self):
        for url in self.pages.get("library", [])[:1]:
            self.client.get(url, params={"q": random.choice(SEARCHES)}, name="library search")

    @task(3)
    def site_search(self):
        self.client.get("/recherche/", params={"q": random.choice(SEARCHES)}, name="site search")

    @task(6)
    def suggestions(self):
        params = {"q": random.choice(PREFIXES)}
        self.client.get("/recherche/suggestions/", params=params, name="suggestions")


def prepare_database():
    """The demo content in the load test's database: created when missing, else updated
    (both commands are idempotent)."""
    if not database_exists(env.DATABASE):
        print(f"Creating {env.DATABASE}", flush=True)
        recreate_database(env.DATABASE)
    print(f"Migrating {env.DATABASE} and loading the demo content", flush=True)
    run([str(env.PYTHON), "manage.py", "migrate", "--noinput", "--verbosity", "0"])
    run([str(env.PYTHON), "manage.py", "load_demo_content"], stdout=subprocess.DEVNULL)
    run([str(env.PYTHON), "manage.py", "collectstatic", "--noinput", "--verbosity", "0"])
    # Encoding AVIF on a first visit takes seconds: made once here, as after an import.
    print("Generating the image renditions", flush=True)
    run([str(env.PYTHON), "manage.py", "generate_renditions"], stdout=subprocess.DEVNULL)
    run([str(env.PYTHON), "manage.py", "clear_page_cache"], stdout=subprocess.DEVNULL)
    return page_type_urls()


def load(port):
    """Run the visitors for SECONDS; the statistics of every request."""
    environment = Environment(user_classes=[Visitor], host=f"http://{HOST}:{port}")
    runner = environment.create_local_runner()
    runner.start(USERS, spawn_rate=USERS)
    progress = gevent.spawn(report_progress, environment)
    gevent.spawn_later(SECONDS, runner.quit)
    runner.greenlet.join()
    progress.kill()
    return environment.stats


def report_progress(environment):
    while True:
        gevent.sleep(10)
        total = environment.stats.total
        print(
            f"  … {total.num_requests:,} requests, {total.num_failures} errors,"
            f" {total.current_rps:,.1f} req/s",
            flush=True,
        )


def print_stats(stats):
    print(f"\n{'request':<18} {'count':>7} {'errors':>6} {'p50 ms':>7} {'p95 ms':>7} {'p99 ms':>7}")
    for entry in sorted(stats.entries.values(), key=lambda entry: -entry.num_requests):
        print(
            f"{entry.name:<18} {entry.num_requests:>7,} {entry.num_failures:>6}"
            f" {entry.get_response_time_percentile(0.5):>7,.0f}"
            f" {entry.get_response_time_percentile(0.95):>7,.0f}"
            f" {entry.get_response_time_percentile(0.99):>7,.0f}"
        )
    for error in stats.errors.values():
        print(f"error: {error.occurrences} × {error.method} {error.name}: {error.error}")
    total = stats.total
    print(
        f"\n{USERS} users for {SECONDS:.0f} s: {total.num_requests:,} requests,"
        f" {total.num_failures} errors, {total.total_rps:,.1f} req/s,"
        f" p50 {total.get_response_time_percentile(0.5):,.0f} ms,"
        f" p95 {total.get_response_time_percentile(0.95):,.0f} ms,"
        f" p99 {total.get_response_time_percentile(0.99):,.0f} ms"
        f" (load average {os.getloadavg()[0]:.1f})"
    )


def main():
    env.RESULTS_DIR.mkdir(exist_ok=True)
    Visitor.pages = prepare_database()
    missing = [name for name, urls in Visitor.pages.items() if not urls]
    if missing:
        print(f"No page of these types in the demo content: {', '.join(missing)}")
    print(f"Load average before the test: {os.getloadavg()[0]:.1f}", flush=True)
    with Server(env.RESULTS_DIR / "gunicorn-loadtest.log") as server:
        print(f"{USERS} users for {SECONDS:.0f} s against gunicorn on {HOST}:{server.port}")
        stats = load(server.port)
    print_stats(stats)
    if stats.total.num_failures or not stats.total.num_requests:
        sys.exit("loadtest: failed (errors, or no request answered)")


if __name__ == "__main__":
    try:
        with env.exclusive():
            main()
    except subprocess.CalledProcessError as error:
        sys.exit(f"loadtest: {error}")

"""Where the benchmark runs: its databases, folders and the environment of every process
(seeding, gunicorn, in-process measures), the production settings with DEBUG off."""

import contextlib
import os
import sys
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
ROOT = BENCH_DIR.parent
RESULTS_DIR = BENCH_DIR / ".results"
PYTHON = ROOT / ".venv" / "bin" / "python"

# The PostgreSQL server, without a database name; trust authentication on loopback.
SERVER_URL = os.environ.get("BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432")
DATABASE = os.environ.get("BENCH_DATABASE", "rnbp_bench")
# Migrated, with the demo content and the fixed part of the data: copied for each N.
BASE_DATABASE = f"{DATABASE}_base"


def database_url(name):
    return f"{SERVER_URL}/{name}"


def environment(database=DATABASE):
    """The environment of a benchmark process: production settings against `database`."""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "SECRET_KEY": "benchmark-only-not-a-secret-" + "x" * 40,
        "ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
        "SECURE_SSL_REDIRECT": "false",
        "DATABASE_URL": database_url(database),
        "MEDIA_ROOT": str(BENCH_DIR / ".media"),
        "STATIC_ROOT": str(BENCH_DIR / ".static"),
        "LOG_LEVEL": "WARNING",
        # The benchmark's client searches far faster than any visitor may.
        "SEARCH_RATE_LIMIT": "0",
        "SUGGESTIONS_RATE_LIMIT": "0",
        "PYTHONPATH": str(ROOT),
    }


def setup_django(database=DATABASE):
    """Configure this process for `database`, then start Django."""
    import django

    os.environ.update(environment(database))
    django.setup()


@contextlib.contextmanager
def exclusive():
    """Hold the benchmark's PostgreSQL advisory lock: two benchmarks at once would drop
    each other's database. Child processes inherit the lock (BENCH_LOCK_HELD)."""
    if os.environ.get("BENCH_LOCK_HELD") == DATABASE:
        yield
        return
    import psycopg

    with psycopg.connect(database_url("postgres"), autocommit=True) as connection:
        query = "SELECT pg_try_advisory_lock(hashtext(%s))"
        if not connection.execute(query, [f"bench:{DATABASE}"]).fetchone()[0]:
            sys.exit(f"Another benchmark is using {DATABASE}: wait, or set BENCH_DATABASE.")
        os.environ["BENCH_LOCK_HELD"] = DATABASE
        try:
            yield
        finally:
            del os.environ["BENCH_LOCK_HELD"]

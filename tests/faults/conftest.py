"""Fixtures of the fault tests: a site that processes of their own can serve (gunicorn,
pg_dump), and gunicorn itself."""

from django.db import connection

import pytest

from .server import Gunicorn, administer, database_url, manage


@pytest.fixture(scope="session")
def live_database(django_db_setup, django_db_blocker):
    """A database of its own holding the demo content (pages with revisions, images and
    documents, both languages) for gunicorn and pg_dump, which see committed data only.

    It is copied from the freshly migrated test database: the tests that use it are marked
    django_db so that pytest-django runs them before any transactional test empties it.
    Its media files are in the test settings' MEDIA_ROOT, where gunicorn looks for them."""
    if connection.vendor != "postgresql":
        pytest.skip("the site served by other processes needs PostgreSQL")
    name = f"{connection.settings_dict['NAME']}_live"
    with django_db_blocker.unblock():
        # CREATE DATABASE ... TEMPLATE refuses a template that has other sessions.
        connection.close()
        template = connection.settings_dict["NAME"]
        administer(
            f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)',
            f'CREATE DATABASE "{name}" TEMPLATE "{template}"',
        )
    result = manage(
        "load_demo_content",
        env={"DJANGO_SETTINGS_MODULE": "cms.settings.test", "DATABASE_URL": database_url(name)},
    )
    assert result.returncode == 0, result.stderr
    yield name
    administer(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def empty_database():
    """A new database with no table, dropped after the test."""
    if connection.vendor != "postgresql":
        pytest.skip("backups need PostgreSQL")
    name = f"{connection.settings_dict['NAME']}_restored"
    administer(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)', f'CREATE DATABASE "{name}"')
    yield name
    administer(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def gunicorn(live_database, tmp_path):
    """Start gunicorn on the live database with extra environment variables:
    `gunicorn(REDIS_URL=...)`."""
    servers = []

    def start(**env):
        log = tmp_path / f"gunicorn-{len(servers)}.log"
        server = Gunicorn({"DATABASE_URL": database_url(live_database), **env}, log)
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.stop()

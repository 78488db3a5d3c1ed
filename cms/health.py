"""`/healthz` for load balancers and monitoring: 200 while the database answers, else 503;
the cache is reported but never fails the check (the site serves without it)."""

import uuid

from django.core.cache import cache
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections
from django.http import JsonResponse
from django.views.decorators.cache import never_cache

# Seconds to wait for PostgreSQL before reporting it down rather than hanging the check.
CONNECT_TIMEOUT = 3


def database_is_up():
    """Open a fresh connection: the request's own one may be a kept-alive connection that
    a restart of the database has broken, or a healthy one hiding that new ones fail."""
    connection = connections.create_connection(DEFAULT_DB_ALIAS)
    if connection.vendor == "postgresql":
        options = {**connection.settings_dict["OPTIONS"], "connect_timeout": CONNECT_TIMEOUT}
        connection.settings_dict = {**connection.settings_dict, "OPTIONS": options}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except DatabaseError:
        return False
    finally:
        connection.close()


def cache_is_up():
    """A value written can be read back (the Redis cache answers misses while it is down)."""
    key, token = "healthz", uuid.uuid4().hex
    cache.set(key, token, 10)
    return cache.get(key) == token


@never_cache
def healthz(request):
    database = database_is_up()
    return JsonResponse(
        {
            "status": "ok" if database else "unavailable",
            "database": "ok" if database else "unavailable",
            "cache": "ok" if cache_is_up() else "unavailable",
        },
        status=200 if database else 503,
    )

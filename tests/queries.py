"""The number of SQL queries a public page costs, as the query-count tests measure it."""

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import Site


def count_queries(client, path):
    """Warm up, then forget every cached object but the site root paths, which Wagtail keeps
    in the cache from one request to the next."""
    assert client.get(path).status_code == 200
    cache.clear()
    Site.get_site_root_paths()
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return len(queries)

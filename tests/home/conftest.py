"""Fixtures of the home app's tests: the page cache turned on, and changes committed."""

import pytest


@pytest.fixture
def page_cache(settings):
    """The page cache on, as in production (the test settings turn it off)."""
    settings.PAGE_CACHE_SECONDS = 600


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Runs a change as if its transaction committed: the cache is invalidated on commit."""
    return lambda: django_capture_on_commit_callbacks(execute=True)

"""Tests: PostgreSQL when DATABASE_URL is set (CI), else SQLite; only what tests need differs."""

from .base import *  # noqa: F403

SECRET_KEY = "test-only-key"
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
# A fast hasher: password hashing dominates fixture set-up otherwise.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Plain storage: the manifest would require collectstatic before every run.
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
# Media written by tests goes to a throwaway folder.
MEDIA_ROOT = BASE_DIR / ".test-media"  # noqa: F405
# WhiteNoise looks up STATIC_ROOT per request instead of warning that collectstatic never ran.
WHITENOISE_AUTOREFRESH = True
# With ELASTICSEARCH_URL set, tests write to their own indexes, never to the site's.
if "elasticsearch" in WAGTAILSEARCH_BACKENDS["default"]["BACKEND"]:  # noqa: F405
    WAGTAILSEARCH_BACKENDS["default"]["INDEX_PREFIX"] = "rnbp_test_"  # noqa: F405
# Without Redis, a memory cache: faster to clear before each test than files.
if not REDIS_URL:  # noqa: F405
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Tests see each change at once; tests/home/test_page_cache.py turns the page cache on.
PAGE_CACHE_SECONDS = 0

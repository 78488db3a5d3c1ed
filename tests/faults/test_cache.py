"""The Redis cache backend (cms/cache.py): misses instead of errors while Redis is down,
one warning per outage, and no stale value once it is back."""

import logging

from django.core.cache import cache

import pytest
import redis

from cms import cache as tolerant_cache

from .proxy import CuttableProxy

REDIS_HOST, REDIS_PORT, REDIS_DB = "127.0.0.1", 6379, 7


def use_redis_at(settings, port):
    settings.CACHES = {
        "default": {
            "BACKEND": "cms.cache.TolerantRedisCache",
            "LOCATION": f"redis://127.0.0.1:{port}/{REDIS_DB}",
        }
    }


@pytest.fixture
def redis_proxy(settings):
    """The cache on the test Redis (database 7) through a proxy that the test can cut."""
    try:
        redis.Redis(host=REDIS_HOST, port=REDIS_PORT, db=REDIS_DB).ping()
    except redis.ConnectionError:
        pytest.skip(f"no Redis at {REDIS_HOST}:{REDIS_PORT}")
    proxy = CuttableProxy((REDIS_HOST, REDIS_PORT))
    use_redis_at(settings, proxy.port)
    cache.clear()
    yield proxy
    proxy.cut()


def test_cache_answers_misses_and_logs_the_outage_once(redis_proxy, caplog):
    redis_proxy.cut()
    with caplog.at_level(logging.WARNING, logger="cms.cache"):
        cache.set("clé", "valeur")
        assert cache.get("clé") is None
        assert cache.get("clé", "défaut") == "défaut"
        assert cache.add("clé", "valeur") is False
        assert cache.get_many(["clé", "autre"]) == {}
        assert cache.delete("clé") is False
        assert cache.get_or_set("clé", "calculée") == "calculée"
        with pytest.raises(ValueError):
            cache.incr("compteur")
    warnings = [record.getMessage() for record in caplog.records if record.name == "cms.cache"]
    assert len(warnings) == 1
    assert "Redis cache unavailable" in warnings[0]


def test_cache_stores_and_forgets_values_while_redis_is_up(redis_proxy):
    cache.set("clé", {"valeur": 1})
    assert cache.get("clé") == {"valeur": 1}
    cache.set("compteur", 1)
    assert cache.incr("compteur") == 2
    cache.delete("clé")
    assert cache.get("clé") is None


def test_value_replaced_during_an_outage_is_not_served_stale_once_redis_is_back(
    redis_proxy, monkeypatch
):
    cache.set("page", "version publiée hier")
    redis_proxy.cut()
    # Retry at once, rather than after the pause that spares a real outage.
    monkeypatch.setattr(tolerant_cache, "RETRY_AFTER", 0)
    cache.set("page", "version publiée pendant la panne")
    redis_proxy.restore()
    assert cache.get("page") is None
    cache.set("page", "version suivante")
    assert cache.get("page") == "version suivante"


def test_reads_during_an_outage_keep_the_cache_once_redis_is_back(redis_proxy, monkeypatch):
    cache.set("page", "version publiée")
    redis_proxy.cut()
    monkeypatch.setattr(tolerant_cache, "RETRY_AFTER", 0)
    assert cache.get("page") is None
    redis_proxy.restore()
    assert cache.get("page") == "version publiée"

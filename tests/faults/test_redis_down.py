"""Redis unreachable: pages serve from the database, logins and sessions keep working (they
live in the database), and the cache backend logs the outage instead of raising."""

import json
import logging
import socket

from django.core.cache import cache

import pytest
import redis

pytestmark = pytest.mark.django_db

REDIS_URL = "redis://127.0.0.1:6379/7"


@pytest.fixture
def closed_port():
    """A local port nothing listens on: connections to it are refused."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def redis_down(settings, closed_port):
    settings.CACHES = {
        "default": {
            "BACKEND": "cms.cache.TolerantRedisCache",
            "LOCATION": f"redis://127.0.0.1:{closed_port}/7",
        }
    }


@pytest.fixture
def redis_up(settings):
    try:
        redis.Redis.from_url(REDIS_URL).ping()
    except redis.ConnectionError:
        pytest.skip(f"no Redis at {REDIS_URL}")
    settings.CACHES = {
        "default": {"BACKEND": "cms.cache.TolerantRedisCache", "LOCATION": REDIS_URL}
    }
    cache.clear()
    yield
    cache.clear()


def test_pages_serve_while_redis_is_down(client, redis_down, home, english_home):
    assert client.get("/").status_code == 200
    assert client.get("/en/").status_code == 200


def test_staff_log_in_and_stay_logged_in_while_redis_is_down(client, redis_down, superuser):
    response = client.post(
        "/admin/login/", {"username": "admin", "password": "mot-de-passe-de-test"}
    )
    assert response.status_code == 302
    for _ in range(2):
        response = client.get("/admin/")
        assert response.status_code == 200
        assert response.context["request"].user == superuser


def test_cache_answers_misses_and_logs_the_outage_once(redis_down, caplog):
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
    warnings = [record for record in caplog.records if record.name == "cms.cache"]
    assert len(warnings) == 1
    assert "Redis cache unavailable" in warnings[0].getMessage()


def test_healthz_reports_the_cache_down_without_failing(client, redis_down):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "unavailable"}


def test_cache_stores_and_forgets_values_while_redis_is_up(redis_up):
    cache.set("clé", {"valeur": 1})
    assert cache.get("clé") == {"valeur": 1}
    cache.set("compteur", 1)
    assert cache.incr("compteur") == 2
    cache.delete("clé")
    assert cache.get("clé") is None


def test_site_served_by_gunicorn_with_redis_url_on_a_closed_port(gunicorn, closed_port):
    server = gunicorn(REDIS_URL=f"redis://127.0.0.1:{closed_port}/7")
    assert server.get("/")[0] == 200
    assert server.get("/en/")[0] == 200
    status, _, body = server.get("/healthz")
    assert status == 200
    assert json.loads(body)["cache"] == "unavailable"

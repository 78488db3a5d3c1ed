"""Redis unreachable: pages serve from the database, logins and sessions keep working (they
live in the database), and `/healthz` reports the cache down without failing."""

import json
import socket

import pytest

pytestmark = pytest.mark.django_db


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


def test_healthz_reports_the_cache_down_without_failing(client, redis_down):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "unavailable"}


def test_site_served_by_gunicorn_with_redis_url_on_a_closed_port(gunicorn, closed_port):
    server = gunicorn(REDIS_URL=f"redis://127.0.0.1:{closed_port}/7")
    assert server.get("/")[0] == 200
    assert server.get("/en/")[0] == 200
    status, _, body = server.get("/healthz")
    assert status == 200
    assert json.loads(body)["cache"] == "unavailable"

"""PostgreSQL unreachable while the site serves: a friendly 503 in the visitor's language,
`/healthz` answering 503, and the same process serving again once the database is back.

The site runs under gunicorn with its database behind a proxy that the test cuts, as a
stopped PostgreSQL would look (the machine's own server is never stopped)."""

import json

from django.db import OperationalError

import pytest
from bs4 import BeautifulSoup

from home.models import HomePage
from tests.home.helpers import parse

from .proxy import CuttableProxy
from .server import database_url, server_address

pytestmark = pytest.mark.django_db


@pytest.fixture
def database_proxy():
    proxy = CuttableProxy(server_address())
    yield proxy
    proxy.cut()


def assert_friendly_503(response, language):
    status, headers, body = response
    assert status == 503
    assert headers["Retry-After"] == "30"
    assert headers["Content-Language"] == language
    assert "Traceback" not in body
    assert "OperationalError" not in body
    html = BeautifulSoup(body, "html.parser")
    assert html.html["lang"] == language
    assert html.select_one("main a.button")["href"] == ("/en/" if language == "en" else "/")
    return html


def test_site_answers_503_while_the_database_is_down_and_recovers_by_itself(
    gunicorn, live_database, database_proxy
):
    server = gunicorn(DATABASE_URL=database_url(live_database, port=database_proxy.port))
    assert server.get("/")[0] == 200
    assert server.get("/en/")[0] == 200
    status, _, body = server.get("/healthz")
    assert (status, json.loads(body)["database"]) == (200, "ok")
    workers = server.worker_pids()

    database_proxy.cut()

    french = assert_friendly_503(server.get("/"), "fr")
    assert french.h1.get_text(strip=True) == "Site momentanément indisponible"
    english = assert_friendly_503(server.get("/en/"), "en")
    assert english.select_one("main a.button").get_text(strip=True) == "Back to the home page"
    assert_friendly_503(server.get("/une-page/"), "fr")
    status, headers, body = server.get("/healthz")
    assert status == 503
    assert json.loads(body) == {"status": "unavailable", "database": "unavailable", "cache": "ok"}
    assert "no-cache" in headers["Cache-Control"]

    database_proxy.restore()

    assert server.get("/")[0] == 200
    assert server.get("/en/")[0] == 200
    assert server.get("/healthz")[0] == 200
    assert server.worker_pids() == workers


@pytest.mark.parametrize(("path", "language"), [("/", "fr"), ("/en/", "en")])
def test_lost_database_in_a_page_answers_the_503_page_in_the_language_of_the_url(
    client, home, english_home, monkeypatch, path, language
):
    def serve(self, request, *args, **kwargs):
        raise OperationalError("connection to server at 127.0.0.1 failed: Connection refused")

    monkeypatch.setattr(HomePage, "serve", serve)
    response = client.get(path)
    assert response.status_code == 503
    assert [template.name for template in response.templates] == ["503.html"]
    assert response["Retry-After"] == "30"
    assert response["Cache-Control"] == "no-store"
    assert parse(response).html["lang"] == language


def test_other_errors_still_answer_the_500_page(client, home, monkeypatch):
    def serve(self, request, *args, **kwargs):
        raise RuntimeError("panne simulée")

    monkeypatch.setattr(HomePage, "serve", serve)
    client.raise_request_exception = False
    assert client.get("/").status_code == 500


def test_healthz_reports_database_and_cache(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}

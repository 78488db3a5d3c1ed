"""Logs under the production settings: JSON lines on stdout with the request's id, path and
status; a server error's line carries its traceback but no secret (SECRET_KEY, a posted
password, the session cookie)."""

import json

from .helpers import PRODUCTION, run_production

PASSWORD = "mot-de-passe-tres-secret"
SESSION = "valeur-du-cookie-de-session"
# robots.txt needs no database; its view is made to fail on the request.
FAILING_REQUEST = f"""
from django.test import Client
from django.views.generic import TemplateView

def fail(self, request, *args, **kwargs):
    raise RuntimeError("panne simulée")

TemplateView.get = TemplateView.post = fail
client = Client(raise_request_exception=False)
client.cookies["sessionid"] = "{SESSION}"
response = client.post(
    "/robots.txt", {{"username": "admin", "password": "{PASSWORD}"}},
    secure=True, HTTP_X_REQUEST_ID="req-42",
)
assert response.status_code == 500, response.status_code
assert response["X-Request-ID"] == "req-42"
"""


def log_lines(tmp_path, **environ):
    # The 500 page's stylesheet, as collectstatic would have listed it.
    (tmp_path / "staticfiles.json").write_text(
        json.dumps({"version": "1.1", "hash": "", "paths": {"css/site.css": "css/site.css"}})
    )
    result = run_production(
        FAILING_REQUEST,
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
        STATIC_ROOT=str(tmp_path),
        **environ,
    )
    assert result.returncode == 0, result.stderr
    return result, [json.loads(line) for line in result.stdout.splitlines()]


def test_server_error_is_logged_as_json_on_stdout(tmp_path):
    _result, lines = log_lines(tmp_path)
    error = next(line for line in lines if line["logger"] == "django.request")
    assert error["level"] == "ERROR"
    assert error["status"] == 500
    assert error["request_id"] == "req-42"
    assert error["method"] == "POST"
    assert error["path"] == "/robots.txt"
    assert "RuntimeError: panne simulée" in error["exception"]
    assert error["time"].endswith("+00:00")


def test_each_request_is_logged_with_its_status(tmp_path):
    _result, lines = log_lines(tmp_path)
    access = next(line for line in lines if line["logger"] == "cms.requests")
    assert access["status"] == 500
    assert access["request_id"] == "req-42"
    assert access["message"] == "POST /robots.txt 500"


def test_logged_error_holds_no_secret(tmp_path):
    result, _lines = log_lines(tmp_path)
    output = result.stdout + result.stderr
    assert "panne simulée" in output
    assert PRODUCTION["SECRET_KEY"] not in output
    assert PASSWORD not in output
    assert SESSION not in output


def test_log_level_comes_from_the_environment(tmp_path):
    _result, lines = log_lines(tmp_path, LOG_LEVEL="ERROR")
    assert [line["logger"] for line in lines] == ["django.request"]

"""Security headers of public pages in both languages (Content-Security-Policy without inline
scripts, Permissions-Policy, Referrer-Policy, nosniff), the admin's looser policy, and HSTS
and secure cookies under the production settings."""

import pytest

from .helpers import production_json

pytestmark = pytest.mark.django_db


def directives(response):
    policy = response["Content-Security-Policy"]
    return {
        name: values
        for name, *values in (part.split() for part in policy.split(";") if part.strip())
    }


@pytest.mark.parametrize("path", ["/", "/en/"])
def test_public_page_has_a_strict_content_security_policy(client, english_home, path):
    response = client.get(path)
    assert response.status_code == 200
    policy = directives(response)
    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]
    assert "'unsafe-eval'" not in response["Content-Security-Policy"]


@pytest.mark.parametrize("path", ["/", "/en/"])
def test_public_page_has_the_other_security_headers(client, english_home, path):
    response = client.get(path)
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
    denied = [feature.strip() for feature in response["Permissions-Policy"].split(",")]
    assert "camera=()" in denied
    assert "geolocation=()" in denied
    assert "microphone=()" in denied


def test_search_suggestions_and_error_pages_have_the_policy_too(client, home):
    for path in ["/recherche/suggestions/?q=vo", "/page-inexistante/"]:
        assert directives(client.get(path))["script-src"] == ["'self'"], path


def test_admin_allows_the_inline_scripts_wagtail_writes(superuser_client, home):
    response = superuser_client.get("/admin/")
    assert response.status_code == 200
    policy = directives(response)
    assert policy["script-src"] == ["'self'", "'unsafe-inline'"]
    # The page editor's preview is a frame of the admin itself.
    assert policy["frame-ancestors"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]


def test_production_sends_hsts_and_marks_cookies_secure(tmp_path):
    # robots.txt needs no database: the request goes through every middleware only.
    headers = production_json(
        "import json\n"
        "from django.conf import settings\n"
        "from django.test import Client\n"
        "response = Client().get('/robots.txt', secure=True)\n"
        "print(json.dumps({'status': response.status_code, 'headers': dict(response.headers),"
        " 'session': settings.SESSION_COOKIE_SECURE, 'csrf': settings.CSRF_COOKIE_SECURE}))",
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
    )
    assert headers["status"] == 200
    assert headers["headers"]["Strict-Transport-Security"] == (
        "max-age=31536000; includeSubDomains; preload"
    )
    assert "'unsafe-inline'" not in headers["headers"]["Content-Security-Policy"]
    assert headers["headers"]["Permissions-Policy"]
    assert headers["session"] is True
    assert headers["csrf"] is True


def test_production_redirects_plain_http_to_https(tmp_path):
    redirect = production_json(
        "import json\n"
        "from django.test import Client\n"
        "response = Client().get('/robots.txt')\n"
        "print(json.dumps([response.status_code, response.get('Location')]))",
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
    )
    assert redirect == [301, "https://testserver/robots.txt"]


def test_page_preview_may_be_framed_by_the_admin_only(rf, home, superuser):
    # Wagtail renders a preview through the middleware with a fake request at the page's URL.
    request = rf.get("/admin/")
    request.user = superuser
    response = home.make_preview_request(request)
    assert response.status_code == 200
    policy = directives(response)
    assert policy["frame-ancestors"] == ["'self'"]
    assert policy["script-src"] == ["'self'"]

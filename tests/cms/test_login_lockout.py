"""Brute force on the admin login, from the attacker's side: after LOGIN_FAILURE_LIMIT
failures of one username from one client, even the right password is refused with a page
that says why, until the cool-off ends; other users and other clients are not locked."""

from datetime import timedelta

from django.utils import timezone

import pytest
from axes.models import AccessAttempt

from tests.home.helpers import parse

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/"
PASSWORD = "mot-de-passe-de-test"  # the superuser fixture's


@pytest.fixture(autouse=True)
def limit(settings):
    settings.AXES_FAILURE_LIMIT = 3
    settings.AXES_COOLOFF_TIME = timedelta(minutes=15)


def log_in(client, username, password, ip="192.0.2.1", **headers):
    return client.post(
        LOGIN, {"username": username, "password": password}, REMOTE_ADDR=ip, **headers
    )


def fail_three_times(client, username="admin", **kwargs):
    for _ in range(3):
        response = log_in(client, username, "mauvais-mot-de-passe", **kwargs)
        assert response.status_code in (200, 429)


def is_logged_in(client):
    return client.get("/admin/").status_code == 200


def test_a_wrong_password_shows_the_login_form_again(client, superuser):
    response = log_in(client, "admin", "mauvais-mot-de-passe")
    assert response.status_code == 200
    assert parse(response).select_one("form input[name=password]")
    assert not is_logged_in(client)


def test_after_the_limit_the_right_password_is_refused(client, superuser):
    fail_three_times(client)
    response = log_in(client, "admin", PASSWORD)
    assert response.status_code == 429
    assert response["Retry-After"] == "900"
    html = parse(response)
    assert html.h1.get_text(strip=True) == "Connexion bloquée"
    message = " ".join(html.main.get_text(" ").split())
    assert "Après 3 tentatives de connexion manquées" in message
    assert "réessayer dans 15 minutes" in message
    assert not is_logged_in(client)


def test_the_same_user_from_another_client_is_not_locked(client, superuser):
    fail_three_times(client, ip="192.0.2.1")
    response = log_in(client, "admin", PASSWORD, ip="192.0.2.2")
    assert response.status_code == 302
    assert is_logged_in(client)


def test_another_user_from_the_same_client_is_not_locked(client, superuser, django_user_model):
    django_user_model.objects.create_superuser("editrice", "e@reseau-bp.example", PASSWORD)
    fail_three_times(client, username="admin")
    response = log_in(client, "editrice", PASSWORD)
    assert response.status_code == 302
    assert is_logged_in(client)


def test_the_lock_ends_after_the_cool_off(client, superuser):
    fail_three_times(client)
    assert log_in(client, "admin", PASSWORD).status_code == 429
    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(minutes=16))
    assert log_in(client, "admin", PASSWORD).status_code == 302
    assert is_logged_in(client)


def test_behind_a_proxy_the_forwarded_client_is_locked(client, superuser, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    proxy = {"ip": "10.0.0.1"}
    fail_three_times(client, HTTP_X_FORWARDED_FOR="192.0.2.1", **proxy)
    locked = log_in(client, "admin", PASSWORD, HTTP_X_FORWARDED_FOR="192.0.2.1", **proxy)
    assert locked.status_code == 429
    # Another visitor behind the same proxy logs in.
    other = log_in(client, "admin", PASSWORD, HTTP_X_FORWARDED_FOR="192.0.2.2", **proxy)
    assert other.status_code == 302

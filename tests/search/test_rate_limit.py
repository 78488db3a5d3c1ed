"""Searches are limited per client (SEARCH_RATE_LIMIT, suggestions SUGGESTIONS_RATE_LIMIT):
over the limit, a 429 in the visitor's language (JSON for suggestions) with Retry-After;
other clients are not limited, and "0" or an empty value turns the limit off."""

from types import SimpleNamespace

from django.core.exceptions import ImproperlyConfigured

from wagtail.contrib.search_promotions.models import Query

import pytest

from search.models import UnansweredQuery
from search.ratelimit import parse_rate
from tests.home.helpers import parse

from .helpers import library_url

pytestmark = pytest.mark.django_db


# Half a minute into a window: a test's requests never straddle two windows, which would
# start the count again (the limit counts per fixed window, search/ratelimit.py).
MID_WINDOW = 1_800_000_030.0


@pytest.fixture(autouse=True)
def limits(settings, monkeypatch):
    settings.SEARCH_RATE_LIMIT = "3/m"
    settings.SUGGESTIONS_RATE_LIMIT = "2/m"
    monkeypatch.setattr("search.ratelimit.time", SimpleNamespace(time=lambda: MID_WINDOW))


def search_three_times(client, url, **headers):
    for _ in range(3):
        assert client.get(url, **headers).status_code == 200


def test_site_search_over_the_limit_answers_429_in_french(client, home):
    search_three_times(client, "/recherche/?q=vote")
    response = client.get("/recherche/?q=vote")
    assert response.status_code == 429
    assert 1 <= int(response["Retry-After"]) <= 60
    html = parse(response)
    assert html.html["lang"] == "fr"
    assert html.h1.get_text(strip=True) == "Trop de recherches"
    assert f"patienter {response['Retry-After']} seconde" in html.main.get_text(" ")


def test_site_search_over_the_limit_answers_429_in_english(client, english_home):
    search_three_times(client, "/en/search/?q=vote")
    response = client.get("/en/search/?q=vote")
    assert response.status_code == 429
    assert parse(response).html["lang"] == "en"
    assert response["Retry-After"]


def test_library_searches_count_with_the_site_search(client, library):
    search_three_times(client, "/recherche/?q=vote")
    response = client.get(library_url(q="vote"))
    assert response.status_code == 429
    assert response["Retry-After"]
    assert parse(response).h1.get_text(strip=True) == "Trop de recherches"


def test_library_page_without_query_is_not_a_search(client, library):
    search_three_times(client, "/recherche/?q=vote")
    assert client.get(library_url()).status_code == 200


def test_suggestions_over_the_limit_answer_json_429(client, home):
    for _ in range(2):
        assert client.get("/recherche/suggestions/?q=vo").status_code == 200
    response = client.get("/recherche/suggestions/?q=vo")
    assert response.status_code == 429
    assert response["Content-Type"] == "application/json"
    assert response.json()["suggestions"] == []
    assert response.json()["retry_after"] == int(response["Retry-After"])
    assert response.json()["error"].startswith("Trop de demandes")


def test_suggestions_have_their_own_count(client, home):
    search_three_times(client, "/recherche/?q=vote")
    assert client.get("/recherche/suggestions/?q=vo").status_code == 200


def test_another_client_is_not_limited(client, home):
    search_three_times(client, "/recherche/?q=vote", REMOTE_ADDR="192.0.2.1")
    assert client.get("/recherche/?q=vote", REMOTE_ADDR="192.0.2.1").status_code == 429
    assert client.get("/recherche/?q=vote", REMOTE_ADDR="192.0.2.2").status_code == 200


def test_behind_a_proxy_the_forwarded_client_is_limited(client, home, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    proxy = {"REMOTE_ADDR": "10.0.0.1"}
    search_three_times(client, "/recherche/?q=vote", HTTP_X_FORWARDED_FOR="192.0.2.1", **proxy)
    limited = client.get("/recherche/?q=vote", HTTP_X_FORWARDED_FOR="192.0.2.1", **proxy)
    assert limited.status_code == 429
    # Another visitor behind the same proxy; a forged first entry changes nothing.
    other = client.get("/recherche/?q=vote", HTTP_X_FORWARDED_FOR="192.0.2.2", **proxy)
    assert other.status_code == 200
    forged = client.get("/recherche/?q=vote", HTTP_X_FORWARDED_FOR="1.2.3.4, 192.0.2.1", **proxy)
    assert forged.status_code == 429


@pytest.mark.parametrize("off", ["0", ""])
def test_limit_is_off_with_zero_or_empty(client, home, settings, off):
    settings.SEARCH_RATE_LIMIT = off
    search_three_times(client, "/recherche/?q=vote")
    assert client.get("/recherche/?q=vote").status_code == 200


def test_a_limited_search_is_neither_run_nor_counted(client, home):
    search_three_times(client, "/recherche/?q=zythologie")
    assert client.get("/recherche/?q=zythologie").status_code == 429
    assert Query.get("zythologie").hits == 3
    assert UnansweredQuery.objects.get(query_string="zythologie").hits == 3


@pytest.mark.parametrize("value", ["60", "60/minute", "abc", "0/m", "-1/m"])
def test_a_mistyped_rate_is_refused(value):
    with pytest.raises(ImproperlyConfigured, match="60/m"):
        parse_rate(value)


def test_rates_are_parsed():
    assert parse_rate("60/m") == (60, 60)
    assert parse_rate(" 1000/h ") == (1000, 3600)

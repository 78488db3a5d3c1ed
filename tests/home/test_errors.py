"""Error pages: a 404 in the visitor's language, and a 500 page that needs no database."""

import pytest

from home.models import HomePage

from .helpers import parse

pytestmark = pytest.mark.django_db


def test_404_page_is_in_french(client, home):
    response = client.get("/page-inexistante/")
    assert response.status_code == 404
    html = parse(response)
    assert html.html["lang"] == "fr"
    assert html.h1.get_text(strip=True) == "Page introuvable"


def test_404_page_is_in_english_under_en(client, english_home):
    response = client.get("/en/page-inexistante/")
    assert response.status_code == 404
    html = parse(response)
    assert html.html["lang"] == "en"
    assert html.h1.get_text(strip=True) == "Page not found"


def test_404_page_links_back_to_the_home_page_of_its_language(client, english_home):
    response = client.get("/en/page-inexistante/")
    back = parse(response).select_one("main a.button")
    assert back["href"] == "/en/"


@pytest.fixture
def broken_home(home, english_home, monkeypatch, client):
    """The home page raises while serving, and the client answers like a server would."""

    def serve(self, request, *args, **kwargs):
        raise RuntimeError("panne simulée")

    monkeypatch.setattr(HomePage, "serve", serve)
    client.raise_request_exception = False
    return home


@pytest.mark.parametrize(("path", "language"), [("/", "fr"), ("/en/", "en")])
def test_500_page_renders_from_its_template(client, broken_home, path, language):
    response = client.get(path)
    assert response.status_code == 500
    assert "500.html" in [template.name for template in response.templates]
    html = parse(response)
    assert html.html["lang"] == language
    expected = "Erreur du serveur" if language == "fr" else "Server error"
    assert html.h1.get_text(strip=True) == expected

"""The home page: key figures computed by the apps that hold the data, and the latest news
of its language."""

import datetime

from wagtail import hooks

import pytest

from home.factories import NewsPageFactory, StandardPageFactory

from .helpers import parse

pytestmark = pytest.mark.django_db


def key_figures(response):
    """{label: value} of the key figures shown."""
    return {
        item.select_one(".figure-label").get_text(strip=True): item.select_one(
            ".figure-value"
        ).get_text(strip=True)
        for item in parse(response).select(".key-figures li")
    }


def test_home_page_key_figures_are_zero_without_a_provider(client, home):
    assert key_figures(client.get("/")) == {
        "collectivités membres": "0",
        "habitants couverts": "0",
        "fiches pratiques partagées": "0",
    }


def test_home_page_shows_the_key_figures_given_by_hooks(client, home):
    def provide(locale_id):
        return {"members": 42, "practice_sheets": 7}

    with hooks.register_temporarily("register_key_figures", provide):
        response = client.get("/")
    assert key_figures(response) == {
        "collectivités membres": "42",
        "habitants couverts": "0",
        "fiches pratiques partagées": "7",
    }


def test_key_figures_are_computed_for_the_language_of_the_page(client, english_home):
    def provide(locale_id):
        return {"practice_sheets": 3 if locale_id == english_home.locale_id else 12}

    with hooks.register_temporarily("register_key_figures", provide):
        french = client.get("/")
        english = client.get("/en/")
    assert key_figures(french)["fiches pratiques partagées"] == "12"
    assert key_figures(english) == {
        "member authorities": "0",
        "residents covered": "0",
        "practice sheets shared": "3",
    }


def test_key_figures_are_grouped_as_numbers_of_the_language(client, english_home):
    def provide(locale_id):
        return {"population": 2_200_000}

    with hooks.register_temporarily("register_key_figures", provide):
        french = client.get("/")
        english = client.get("/en/")
    assert key_figures(french)["habitants couverts"] == "2\xa0200\xa0000"
    assert key_figures(english)["residents covered"] == "2,200,000"


def test_home_page_lists_the_three_latest_news_of_its_language(
    client, news_index, english_news_index, translate
):
    news = [
        NewsPageFactory(parent=news_index, date=datetime.date(2025, month, 1))
        for month in range(1, 6)
    ]
    translate(news[0], title="An English news item")
    titles = [link.get_text(strip=True) for link in parse(client.get("/")).select(".card-title a")]
    assert titles == [page.title for page in news[:1:-1]]
    english = [
        link.get_text(strip=True) for link in parse(client.get("/en/")).select(".card-title a")
    ]
    assert english == ["An English news item"]


def test_home_page_hero_links_to_the_page_in_the_language_of_the_visitor(client, home, translate):
    about = StandardPageFactory(parent=home, title="Le réseau", slug="le-reseau")
    home.hero_link = about
    home.hero_link_label = "Découvrir le réseau"
    home.save()
    translate(home, title="Home", hero_link_label="Discover the network")
    translate(about, title="The network")
    french = parse(client.get("/")).select_one(".hero a.button")
    english = parse(client.get("/en/")).select_one(".hero a.button")
    assert (french["href"], french.get_text(strip=True)) == ("/le-reseau/", "Découvrir le réseau")
    assert (english["href"], english.get_text(strip=True)) == (
        "/en/le-reseau/",
        "Discover the network",
    )

"""The site search: every page type of the active language, a type filter with a count per
type, pages of results, its translated address; and the suggestions as the visitor types."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

import pytest

from home.factories import NewsPageFactory, StandardPageFactory
from knowledge.factories import CharterPageFactory

from .helpers import get_page, site_result_titles, status, text

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages(home, news_index, add_sheet, amiens_member):
    add_sheet(title="Une fiche sur la zythologie")
    NewsPageFactory(parent=news_index, title="Une actualité sur la zythologie")
    StandardPageFactory(parent=home, title="Une page sur la zythologie")
    CharterPageFactory(parent=home, title="Charte", intro="La zythologie en principe.")
    amiens_member.presentation = "Amiens pratique la zythologie."
    amiens_member.save_revision().publish()


# The counts of the `pages` fixture: one page of each type.
ONE_OF_EACH_TYPE = {
    "": "(5)",
    "sheet": "(1)",
    "member": "(1)",
    "news": "(1)",
    "charter": "(1)",
    "page": "(1)",
}


def type_counts(html):
    return {
        radio["value"]: text(html.select_one(f"label[for={radio['id']}] .facet-count"))
        for radio in html.select("input[name=type]")
    }


def test_every_page_type_is_found(client, pages):
    html = get_page(client, "/recherche/?q=zythologie")
    assert sorted(site_result_titles(html)) == [
        "Amiens",
        "Charte",
        "Une actualité sur la zythologie",
        "Une fiche sur la zythologie",
        "Une page sur la zythologie",
    ]
    assert status(html).startswith("5 résultats")
    assert type_counts(html) == ONE_OF_EACH_TYPE


@pytest.mark.parametrize("few_others", [0, 1, 20])
def test_counts_and_results_are_the_same_whether_a_facet_counts_the_other_pages(
    client, pages, monkeypatch, few_others
):
    """Up to FEW_OTHERS other pages found, the backend's results give their counts; beyond,
    its facet (search/site.py SiteSearch.count_others)."""
    from search import site

    monkeypatch.setattr(site, "FEW_OTHERS", few_others)
    html = get_page(client, "/recherche/?q=zythologie")
    assert type_counts(html) == ONE_OF_EACH_TYPE
    assert len(site_result_titles(html)) == 5
    news = get_page(client, "/recherche/?q=zythologie&type=news")
    assert site_result_titles(news) == ["Une actualité sur la zythologie"]
    assert type_counts(news)["page"] == "(1)"


@pytest.mark.parametrize(
    ("type", "title"),
    [
        ("sheet", "Une fiche sur la zythologie"),
        ("member", "Amiens"),
        ("news", "Une actualité sur la zythologie"),
        ("charter", "Charte"),
        ("page", "Une page sur la zythologie"),
    ],
)
def test_type_filter_keeps_one_type(client, pages, type, title):
    html = get_page(client, f"/recherche/?q=zythologie&type={type}")
    assert site_result_titles(html) == [title]
    assert html.select_one(f"input[name=type][value={type}]").has_attr("checked")


def test_results_say_their_type_and_mark_the_words(client, pages):
    html = get_page(client, "/recherche/?q=zythologie&type=news")
    assert text(html.select_one(".result-type")) == "Actualités"
    assert [text(mark) for mark in html.select(".result-title mark")] == ["zythologie"]


def test_results_come_in_pages_without_repeats(client, home, add_sheet):
    for number in range(25):
        add_sheet(title=f"Fiche {number} sur les urnes")
    for number in range(10):
        StandardPageFactory(parent=home, title=f"Page {number} sur les urnes")
    first = site_result_titles(get_page(client, "/recherche/?q=urnes"))
    second = site_result_titles(get_page(client, "/recherche/?q=urnes&page=2"))
    assert len(first) == 20 and len(second) == 15
    assert not set(first) & set(second)


def test_search_without_words_asks_for_them(client, home):
    html = get_page(client, "/recherche/")
    assert not html.select(".result")
    assert html.select_one("[role=status]")


def test_site_search_has_a_translated_address(client, english_home):
    with translation.override("en"):
        assert reverse("search") == "/en/search/"
        assert reverse("search_suggestions") == "/en/search/suggestions/"
    assert reverse("search") == "/recherche/"
    assert client.get("/en/search/?q=vote").status_code == 200


def test_language_switcher_keeps_the_query(client, english_home):
    html = get_page(client, "/recherche/?q=urnes")
    assert html.select_one('.language-switcher a[hreflang="en"]')["href"] == "/en/search/?q=urnes"


def test_suggestions_are_titles_that_start_like_the_words(client, pages):
    response = client.get("/recherche/suggestions/", {"q": "zytho"})
    assert response["Content-Type"] == "application/json"
    suggestions = response.json()["suggestions"]
    titles = {item["title"] for item in suggestions}
    assert "Une fiche sur la zythologie" in titles
    assert "Une actualité sur la zythologie" in titles
    sheet = next(item for item in suggestions if item["title"] == "Une fiche sur la zythologie")
    assert sheet == {
        "title": "Une fiche sur la zythologie",
        "url": "/fiches-pratiques/une-fiche-sur-la-zythologie/",
        "type": "Fiches pratiques",
    }


def test_library_suggestions_are_sheets_only(client, pages):
    response = client.get("/recherche/suggestions/", {"q": "zytho", "type": "sheet"})
    assert [item["title"] for item in response.json()["suggestions"]] == [
        "Une fiche sur la zythologie"
    ]


def test_suggestions_need_two_characters(client, pages):
    assert client.get("/recherche/suggestions/", {"q": "z"}).json()["suggestions"] == []


def test_suggestions_are_at_most_eight(client, add_sheet):
    for number in range(12):
        add_sheet(title=f"Fiche {number} sur les urnes")
    response = client.get("/recherche/suggestions/", {"q": "urn"})
    assert len(response.json()["suggestions"]) == 8


def test_search_fields_offer_suggestions_to_the_script(client, pages, library):
    for path in ("/recherche/?q=x", "/fiches-pratiques/"):
        html = get_page(client, path)
        field = html.select_one("input[name=q]")
        assert field["data-suggestions-url"].startswith("/recherche/suggestions/")
        assert html.select_one('script[src$="js/search-suggestions.js"]')


@pytest.mark.parametrize("candidates", [1, 4])
@pytest.mark.parametrize("type_query", ["", "&type=sheet"])
def test_sheets_alone_come_in_the_librarys_order(
    client, add_sheet, monkeypatch, candidates, type_query
):
    # When no other page matches, a page of sheets is ranked by the statement that reads
    # it (search/library.py, PostgresEngine.add_page_rows): as in the library, title
    # matches first, then the newest; on PostgreSQL with every title read when the newest
    # candidates hold too few title matches (one candidate per result).
    monkeypatch.setattr("search.library.FULL_RANK_LIMIT", 1)
    monkeypatch.setattr("search.library.TITLE_CANDIDATES", candidates)
    monkeypatch.setattr("search.site.PER_PAGE", 2)
    add_sheet(title="A urnes")
    add_sheet(title="B", summary="Des urnes. Des urnes.")
    add_sheet(title="C urnes")
    add_sheet(title="D", summary="Des urnes.")
    pages = [
        site_result_titles(get_page(client, f"/recherche/?q=urnes{type_query}&page={number}"))
        for number in (1, 2)
    ]
    assert [[title.split()[0] for title in page] for page in pages] == [["C", "A"], ["D", "B"]]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's pipeline mode")
def test_the_other_pages_are_searched_while_postgresql_finds_the_sheets(client, pages):
    # search/site.py: the sheets' match is sent first; the backend's queries follow it in
    # the same pipeline, built while PostgreSQL runs it.
    get_page(client, "/recherche/?q=zythologie")
    with CaptureQueriesContext(connection) as queries:
        html = get_page(client, "/recherche/?q=zythologie&page=1")
    statements = [query["sql"] for query in queries]
    match = next(n for n, sql in enumerate(statements) if "search_practicesearchvector" in sql)
    others = [n for n, sql in enumerate(statements) if "wagtailsearch_indexentry" in sql]
    assert others
    assert match < min(others)
    assert type_counts(html) == ONE_OF_EACH_TYPE

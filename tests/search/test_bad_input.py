"""Whatever the query string holds, the library, the site search and the suggestions answer
a page (or JSON) that echoes the query escaped, never a server error."""

import pytest

from tests.home.helpers import parse

pytestmark = pytest.mark.django_db

QUERIES = {
    "empty": "",
    "spaces": "   ",
    "long": "budget " * 1500,
    "operators": "& | ! ( ) : * \\ ' \"",
    "tsquery syntax": "vote:* & !(urne | 'x') <-> <2>",
    "unbalanced quotes": 'le "vote numérique',
    "only minus": "- -vote --",
    "script": "<script>alert('x')</script>",
    "emoji": "🗳️ vote 🎉",
    "nul byte": "vote\x00urne",
    "control characters": "vote\x1b[31m\x07",
    "percent": "100% 50 %",
    "sql": "'; DROP TABLE search_practicesearchdocument; --",
    "stop words only": "de la le les",
    "accents only": "éèàù",
    "lone surrogate escape": "\\ud800",
}
PARAMS = {
    "page=-1": {"page": "-1"},
    "page=0": {"page": "0"},
    "page=abc": {"page": "abc"},
    "page=huge": {"page": "99999999999999999999"},
    "unknown filters": {"phase": "nope", "region": "<b>", "year": "-5", "kind": "x" * 300},
    "repeated filters": {"theme": ["a"] * 50},
    "unknown sort": {"sort": "price"},
    "unknown type": {"type": "<script>"},
}


@pytest.fixture
def sheets(add_sheet, vote):
    add_sheet(title="Le vote numérique", phases=[vote])
    add_sheet(title="Des urnes mobiles")


@pytest.mark.parametrize("query", QUERIES.values(), ids=QUERIES.keys())
@pytest.mark.parametrize("path", ["/fiches-pratiques/", "/recherche/", "/en/search/"])
def test_any_query_gets_a_page_with_the_query_escaped(client, sheets, english_home, path, query):
    response = client.get(path, {"q": query, "phase": "vote"})
    assert response.status_code == 200
    assert b"<script>alert" not in response.content
    field = parse(response).select_one("input[name=q]")
    cleaned = " ".join(query.replace("\x00", " ").replace("\x1b", " ").replace("\x07", " ").split())
    assert field["value"] == cleaned[:200].rstrip()


@pytest.mark.parametrize("params", PARAMS.values(), ids=PARAMS.keys())
@pytest.mark.parametrize("path", ["/fiches-pratiques/", "/recherche/"])
def test_bad_parameters_get_a_page(client, sheets, path, params):
    response = client.get(path, {"q": "vote", **params})
    assert response.status_code == 200
    assert b"<script>" not in response.content.split(b"<main", 1)[1]


def test_page_beyond_the_last_shows_the_last(client, sheets):
    html = parse(client.get("/fiches-pratiques/", {"page": "99"}))
    assert len(html.select(".result")) == 2


def test_long_query_is_cut_and_says_so(client, sheets):
    html = parse(client.get("/fiches-pratiques/", {"q": "vote " * 100}))
    assert len(html.select_one("input[name=q]")["value"]) <= 200
    assert html.select_one(".search-field .notice")


@pytest.mark.parametrize("query", QUERIES.values(), ids=QUERIES.keys())
def test_suggestions_answer_json_for_any_query(client, sheets, query):
    response = client.get("/recherche/suggestions/", {"q": query})
    assert response.status_code == 200
    data = response.json()
    assert set(data) == {"query", "suggestions"}
    assert isinstance(data["suggestions"], list)

"""French full text in the practice library: stemming, accents, apostrophes, hyphens,
phrases, exclusions, title before body, English rules for English pages, and the matching
passage highlighted. Linguistic rules are PostgreSQL's; SQLite checks what it can."""

import pytest

from tests.home.helpers import parse

from .conftest import postgres_only
from .helpers import get_page, library_url, search

pytestmark = pytest.mark.django_db

NEUTRAL = {
    "summary": "Une pratique du réseau.",
    "easy_read_summary": "",
    "context": "",
    "method": "",
    "results": "",
    "lessons": "",
}


@pytest.fixture
def sheet(add_sheet):
    """A sheet whose only words are the given title and method section."""

    def sheet(title, method="", **fields):
        return add_sheet(title=title, **{**NEUTRAL, "method": f"<p>{method}</p>", **fields})

    return sheet


@postgres_only
def test_plural_finds_other_forms_of_the_word(client, sheet):
    sheet("Vote des collégiens", "Les élèves ont voté en classe.")
    sheet("Un budget voté", "Le conseil a voté le règlement.")
    sheet("Ateliers de quartier", "Des ateliers ont eu lieu.")
    titles, _counts = search(client, q="votes")
    assert sorted(titles) == ["Un budget voté", "Vote des collégiens"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [("ecole", "Une école"), ("numerique", "Le vote numérique"), ("ÉCOLE", "Une école")],
    ids=["ecole", "numerique", "upper-case"],
)
def test_accents_and_case_do_not_matter(client, sheet, query, expected):
    sheet("Une école", "Les élèves de l'école ont voté.")
    sheet("Le vote numérique", "Une plateforme numérique.")
    titles, _counts = search(client, q=query)
    assert titles == [expected]


@pytest.mark.parametrize("query", ["l'école", "l’ecole", "d'école"], ids=["straight", "curly", "d"])
def test_elided_articles_are_ignored(client, sheet, query):
    sheet("Budget de l’école", "Une école a son budget.")
    sheet("Ateliers de quartier", "Des ateliers ont eu lieu.")
    titles, _counts = search(client, q=query)
    assert titles == ["Budget de l’école"]


@pytest.mark.parametrize("query", ["Saint-Étienne", "saint etienne", "saint-etienne"])
def test_hyphenated_names_match_however_they_are_typed(client, sheet, query):
    sheet("Le budget de Saint-Étienne", "La ville de Saint-Étienne vote.")
    sheet("Le budget de Rennes", "Le saint patron de la ville.")
    titles, _counts = search(client, q=query)
    assert titles == ["Le budget de Saint-Étienne"]


def test_quotes_search_a_phrase(client, sheet):
    sheet("Un tirage au sort", "Un tirage au sort des participants.")
    sheet("Un sort particulier", "Le tirage des affiches et le sort des projets.")
    titles, _counts = search(client, q='"tirage au sort"')
    assert titles == ["Un tirage au sort"]


@postgres_only
def test_words_apart_match_without_quotes(client, sheet):
    sheet("Un tirage au sort", "Un tirage au sort des participants.")
    sheet("Un sort particulier", "Le tirage des affiches et le sort des projets.")
    titles, _counts = search(client, q="tirage sort")
    assert sorted(titles) == ["Un sort particulier", "Un tirage au sort"]


def test_minus_excludes_a_word(client, sheet):
    sheet("Vote au collège", "Les collégiens votent.")
    sheet("Vote au lycée", "Les lycéens votent.")
    titles, _counts = search(client, q="vote -lycée")
    assert titles == ["Vote au collège"]


def test_every_word_must_match(client, sheet):
    sheet("Vote au collège", "Les collégiens votent.")
    sheet("Vote au lycée", "Les lycéens votent.")
    titles, _counts = search(client, q="vote collège")
    assert titles == ["Vote au collège"]


def test_title_matches_come_before_body_matches(client, sheet):
    sheet("Des urnes mobiles", "Les urnes circulent. Urnes, urnes et encore des urnes.")
    sheet("Un bus dans les quartiers", "Le bus transporte des urnes.")
    newest = sheet("Une campagne d'affichage", "Des affiches près des urnes, des urnes partout.")
    assert newest.first_published_at
    titles, _counts = search(client, q="urnes")
    assert titles[0] == "Des urnes mobiles"
    assert set(titles[1:]) == {"Un bus dans les quartiers", "Une campagne d'affichage"}


def test_sort_by_date_puts_the_newest_first(client, sheet):
    sheet("Des urnes mobiles", "Des urnes.")
    sheet("Un bus", "Le bus transporte des urnes.")
    titles, _counts = search(client, q="urnes", sort="date")
    assert titles == ["Un bus", "Des urnes mobiles"]


def test_without_a_query_the_newest_come_first(client, sheet):
    sheet("Première fiche")
    sheet("Deuxième fiche")
    titles, _counts = search(client)
    assert titles == ["Deuxième fiche", "Première fiche"]


def test_matching_passage_is_highlighted(client, sheet):
    sheet(
        "Des urnes mobiles",
        "Au début il y avait une réunion. " * 10 + "Ensuite, les urnes ont circulé en ville.",
    )
    html = get_page(client, library_url(q="urnes"))
    passage = html.select_one(".result-passage")
    assert "urnes" in [mark.get_text().lower() for mark in passage.select("mark")]
    assert "circulé" in passage.get_text()
    assert [mark.get_text() for mark in html.select(".result-title mark")] == ["urnes"]


def test_passage_is_found_far_into_a_long_sheet(client, sheet):
    # The passage is cut where the first match is, however far into the text.
    sheet(
        "Fiche longue",
        "Au début il y avait une réunion. " * 300 + "Ensuite, les urnes ont circulé.",
    )
    passage = get_page(client, library_url(q="urnes")).select_one(".result-passage")
    assert [mark.get_text() for mark in passage.select("mark")] == ["urnes"]
    assert "circulé" in passage.get_text()


def test_highlighted_text_is_escaped(client, sheet):
    sheet("Des <b>urnes</b> mobiles", summary="Des urnes <script>alert(1)</script>.")
    response = client.get(library_url(q="urnes"))
    assert b"<script>alert" not in response.content
    assert b"<b>urnes" not in response.content
    assert parse(response).select(".result mark")


@postgres_only
def test_english_pages_are_searched_with_english_rules(
    client, sheet, english_library, translate_sheet
):
    french = sheet("Courir pour voter", "Les habitants courent.")
    translate_sheet(french, title="Running to vote", method="<p>Residents were running.</p>")
    titles, _counts = search(client, "/en", q="runs")
    assert titles == ["Running to vote"]


@pytest.mark.parametrize(
    ("per_page", "pages"), [(2, [["C", "A"], ["D", "B"]]), (3, [["C", "A", "D"], ["B"]])]
)
@pytest.mark.parametrize("candidates", [1, 4])
def test_many_results_put_title_matches_first_then_the_newest(
    client, sheet, monkeypatch, per_page, pages, candidates
):
    # Beyond FULL_RANK_LIMIT results, no rank is computed: title matches, then the others,
    # each by date. On PostgreSQL, the titles of the newest candidates are checked first:
    # with one per result, the two newest hold one title match only, and every title is
    # then read; with four, they are all the matches.
    monkeypatch.setattr("search.library.FULL_RANK_LIMIT", 1)
    monkeypatch.setattr("search.library.TITLE_CANDIDATES", candidates)
    monkeypatch.setattr("search.library.PER_PAGE", per_page)
    sheet("A urnes")
    sheet("B", "Des urnes. Des urnes. Des urnes.")
    sheet("C urnes")
    sheet("D", "Des urnes.")
    for number, expected in enumerate(pages, start=1):
        titles, _counts = search(client, q="urnes", page=number)
        assert [title.split()[0] for title in titles] == expected


@pytest.mark.parametrize("per_page", [2, 3])
def test_pages_sorted_by_date_follow_each_other(client, sheet, monkeypatch, per_page):
    # The newest matches of a page are chosen without sorting them all
    # (search.columns.Matches.newest): consecutive pages still follow each other.
    monkeypatch.setattr("search.library.PER_PAGE", per_page)
    for letter in "ABCDE":
        sheet(f"{letter} urnes" if letter in "AC" else letter, "Des urnes.")
    pages = [search(client, q="urnes", sort="date", page=number)[0] for number in (1, 2)]
    assert [title.split()[0] for page in pages for title in page] == list("EDCBA")[: per_page * 2]


def test_each_result_links_to_its_sheet_with_its_member_region_and_years(
    client, sheet, english_library, translate_sheet, amiens_member
):
    french = sheet("Urnes mobiles", "Des urnes dans les marchés.", year_start=2019, year_end=2021)
    sheet("Urnes fixes", "Des urnes en mairie.", year_start=2022, year_end=2022)
    html = get_page(client, library_url(q="urnes", sort="date"))
    results = html.select(".library-results .result")
    links = [result.select_one(".result-title a")["href"] for result in results]
    metas = [" ".join(result.select_one(".result-meta").get_text().split()) for result in results]
    assert links == ["/fiches-pratiques/urnes-fixes/", "/fiches-pratiques/urnes-mobiles/"]
    assert metas == [
        f"{amiens_member.title} · Hauts-de-France · 2022",
        f"{amiens_member.title} · Hauts-de-France · 2019–2021",
    ]
    translate_sheet(french, title="Mobile ballot boxes", slug="mobile-ballot-boxes")
    html = get_page(client, library_url("/en", q="ballot"))
    link = html.select_one(".library-results .result-title a")
    assert link["href"] == "/en/fiches-pratiques/mobile-ballot-boxes/"

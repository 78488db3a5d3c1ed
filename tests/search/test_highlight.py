"""The passage of a result and the words marked in it: a word is marked when its stem is
that of a word of the query, as PostgreSQL matched it; up to two stretches of the text
around them; escaped HTML whatever the text holds."""

import pytest
from bs4 import BeautifulSoup

from search.documents import text_search_config
from search.highlight import (
    FRAGMENT_WORDS,
    PASSAGE_WORDS,
    WORDS_BEFORE,
    Marker,
    highlight,
    passage,
)

from .conftest import postgres_only


def marked(text, query, language="fr"):
    return [text[start:end] for start, end in Marker(query, language).words(text)]


@pytest.mark.parametrize(
    ("query", "text", "expected"),
    [
        ("écoles", "École, écoles, ECOLE et écologie", ["École", "écoles", "ECOLE"]),
        ("chevaux", "Un cheval, des Chevaux, une chevauchée", ["cheval", "Chevaux"]),
        ("payer", "Payer, on paie, payé", ["Payer", "paie"]),
        ("oeuvre", "La mise en œuvre, les Œuvres", ["œuvre", "Œuvres"]),
        ("les écoles", "les écoles", ["écoles"]),
        ("votes -écoles", "Voter à l'école, un vote", ["Voter", "vote"]),
        ("budget or vote", "L'or du budget", ["budget"]),
        ('"jardin partagé"', "Des jardins partagés, un jardin", ["jardins", "partagés", "jardin"]),
        ("-vote", "Un vote", []),
        ("Saint-Denis", "À Saint-Denis", ["Saint", "Denis"]),
    ],
)
def test_words_of_the_same_stem_are_marked(query, text, expected):
    assert marked(text, query) == expected


def test_english_pages_mark_words_by_english_stems():
    assert marked("Running, runs and a run", "run", "en") == ["Running", "runs", "run"]
    assert marked("Running", "run", "fr") == []


@postgres_only
@pytest.mark.django_db
@pytest.mark.parametrize("language", ["fr", "en"])
def test_words_are_stemmed_as_postgresql_matches_them(language):
    from django.db import connection

    words = ["écoles", "Chevaux", "payer", "loyer", "œuvres", "citoyenneté", "running", "happy"]
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT word, array_to_string(tsvector_to_array(to_tsvector(%s::regconfig, word)), '')"
            " FROM unnest(%s::text[]) AS word",
            [text_search_config(language), words],
        )
        lexemes = dict(cursor.fetchall())
    for word in words:
        assert Marker(word, language).stems == {lexemes[word]}


def words(count, word="mot"):
    return " ".join([word] * count)


def test_passage_shows_two_stretches_around_the_first_matches():
    text = f"{words(100)} une urne {words(100)} deux urnes {words(100)} trois urnes {words(5)}"
    html = passage(text, Marker("urnes", "fr"))
    soup = BeautifulSoup(html, "html.parser")
    assert [mark.get_text() for mark in soup.select("mark")] == ["urne", "urnes"]
    assert html.startswith("… ") and html.endswith(" …")
    assert html.count(" … ") == 1
    assert "une" in html and "deux" in html and "trois" not in html
    first = html.split(" … ")[0].removeprefix("… ")
    assert len(first.split()) == FRAGMENT_WORDS


def test_matches_close_together_make_one_stretch():
    text = f"Une urne et {words(5)} une autre urne. {words(100)}"
    html = passage(text, Marker("urne", "fr"))
    assert html.startswith("Une <mark>urne</mark> et")
    assert html.count("<mark>") == 2
    assert html.count("…") == 1 and html.endswith(" …")


def test_a_text_that_starts_with_a_match_shows_its_start():
    html = passage(f"Urnes mobiles, {words(100)} urnes", Marker("urnes", "fr"))
    assert html.startswith("<mark>Urnes</mark> mobiles, mot")
    assert html.endswith(" … " + "mot " * WORDS_BEFORE + "<mark>urnes</mark>")


def test_without_a_marked_word_the_passage_is_the_start_of_the_text():
    text = words(PASSAGE_WORDS + 10, "réunion")
    html = passage(text, Marker("urnes", "fr"))
    assert html == words(PASSAGE_WORDS, "réunion") + " …"


def test_titles_and_passages_are_escaped_html():
    [(title, text)] = highlight(
        [("<b>Urnes</b> & co", "<script>alert(1)</script> les urnes")], "urnes", "fr"
    )
    assert title == "&lt;b&gt;<mark>Urnes</mark>&lt;/b&gt; &amp; co"
    assert text == "&lt;script&gt;alert(1)&lt;/script&gt; les <mark>urnes</mark>"


def test_without_a_query_nothing_is_marked():
    [(title, text)] = highlight([("Des urnes", f"<i>{words(50)}")], "", "fr")
    assert title == "Des urnes"
    assert text.startswith("&lt;i&gt;mot") and "<mark>" not in text

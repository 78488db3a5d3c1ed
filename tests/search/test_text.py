"""Where a passage is cut from: the first place a query's words seem to be in a text,
whatever its accents and case."""

import pytest

from search.highlight import first_match
from search.text import fold_in_place


@pytest.mark.parametrize(
    ("text", "terms", "position"),
    [
        ("Les Écoles du quartier", ["ecole"], 4),
        ("ÉCOLE", ["ecoles"], 0),
        ("Une fête à l'école, puis un vote", ["vote", "ecole"], 13),
        ("Les œuvres des élèves", ["eleve"], 15),
        ("Rien à voir", ["ecole"], None),
        ("Le tirage au sort", ["tirage au sort"], 3),
        ("Les [crochets] et l'Ǆ", ["crochets"], 5),
        ("", ["ecole"], None),
    ],
)
def test_first_match_ignores_accents_and_case(text, terms, position):
    assert first_match(text, terms) == position


def test_first_match_finds_what_the_folded_text_shows():
    text = "Au Conseil, Ève et Zoé votèrent : « Œuvre collective », dit-il, à l'ÉCOLE."
    for term in ["eve", "zoe", "voter", "oeuvre", "collect", "ecole", "dit-il", "conseil"]:
        expected = fold_in_place(text).find(term[:5])
        assert first_match(text, [term]) == (expected if expected >= 0 else None)

"""Where the query's words are in a text, whatever its accents, case and ligatures: the
words that start like them, found in the text as it is."""

import pytest

from search.text import fold, folded_words


def first_match(text, starts):
    match = folded_words(tuple(starts)).search(text)
    return match.start() if match else None


@pytest.mark.parametrize(
    ("text", "terms", "position"),
    [
        ("Les Écoles du quartier", ["ecole"], 4),
        ("ÉCOLE", ["ecol"], 0),
        ("Une fête à l'école, puis un vote", ["vote", "ecole"], 13),
        ("Les œuvres des élèves", ["eleve"], 15),
        ("Rien à voir", ["ecole"], None),
        ("Le tirage au sort", ["tirage au sort"], 3),
        ("La mise en Œuvre", ["oeuvr"], 11),
        ("Une fête", ["fe"], 4),
        ("Le café", ["fe"], None),
        ("Les [crochets] et l'Ǆ", ["crochets"], 5),
        ("", ["ecole"], None),
    ],
)
def test_words_are_found_whatever_their_accents_case_and_ligatures(text, terms, position):
    assert first_match(text, terms) == position


def test_words_found_are_whole_words_whose_fold_starts_with_a_term():
    text = "Au Conseil, Ève et Zoé votèrent : « Œuvre collective », dit-il, à l'ÉCOLE."
    for term in ["eve", "zoe", "vote", "oeuvr", "collect", "ecole", "dit", "conseil"]:
        [word] = folded_words((term,)).findall(text)
        assert fold(word).startswith(term)
        assert f" {word}" in f" {text}" or f"'{word}" in text

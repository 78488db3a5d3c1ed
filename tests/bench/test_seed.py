"""The benchmark's seeding: treebeard paths and slugs of bulk-written pages, and a corpus
whose search words have the frequencies the benchmark announces."""

import re

from wagtail.models import Page

import pytest
from treebeard.exceptions import PathOverflow

from bench import corpus
from bench.pages import PageWriter, child_paths, unique_slug
from knowledge.models import PracticeLibraryPage, PracticeSheetPage
from members.factories import AMIENS, MemberIndexPageFactory, MemberPageFactory, authority
from members.referential import normalize

SHEETS = 2_000


def contains_word(text, word):
    """Whether `word` (or its plural) is in `text`, accents and case ignored."""
    return re.search(rf"\b{re.escape(normalize(word))}s?\b", normalize(text)) is not None


@pytest.fixture(scope="module")
def sheets():
    generator = corpus.SheetGenerator()
    return {index: generator.generate(index, "Le Mans") for index in range(1, SHEETS + 1)}


def test_child_paths_are_consecutive_treebeard_steps_under_the_parent():
    paths = child_paths("00010002", 2, 34, 4)
    assert paths == ["00010002000Y", "00010002000Z", "000100020010", "000100020011"]
    for step, path in enumerate(paths, start=34):
        assert len(path) == 3 * Page.steplen
        assert set(path) <= set(Page.alphabet)
        assert Page._str2int(path[-Page.steplen :]) == step


def test_child_paths_refuse_more_children_than_a_step_can_number():
    last_step = len(Page.alphabet) ** Page.steplen - 1
    assert child_paths("0001", 1, last_step, 1) == ["0001ZZZZ"]
    with pytest.raises(PathOverflow):
        child_paths("0001", 1, last_step, 2)


def test_unique_slug_numbers_repeated_titles():
    taken, counters = {"vote"}, {}
    slugs = [unique_slug(base, taken, counters) for base in ["vote", "vote", "bus", "vote"]]
    assert slugs == ["vote-2", "vote-3", "bus", "vote-4"]


@pytest.mark.django_db
def test_written_sheets_are_a_valid_tree_of_live_pages_with_unique_slugs(client, home):
    library = PracticeLibraryPage(title="Fiches pratiques", slug="fiches-pratiques")
    home.add_child(instance=library)
    library.save_revision().publish()
    member = MemberPageFactory(
        parent=MemberIndexPageFactory(parent=home), authority=authority(*AMIENS)
    )
    existing = PracticeSheetPage(
        title="Voter", slug="voter", member=member, summary="…", year_start=2020
    )
    library.add_child(instance=existing)
    existing.save_revision().publish()

    writer = PageWriter(PracticeSheetPage, library)
    rows = [
        {
            "title": "Voter",
            "slug": "voter",
            "member_id": member.pk,
            "summary": "…",
            "year_start": 2021,
        }
        for _ in range(3)
    ]
    writer.add(rows[:2])
    writer.add(rows[2:])
    writer.finish()

    assert Page.find_problems() == ([], [], [], [], [])
    library.refresh_from_db()
    children = library.get_children().live().specific()
    assert library.numchild == 4
    assert [child.slug for child in children] == ["voter", "voter-2", "voter-3", "voter-4"]
    assert {child.member for child in children} == {member}
    assert client.get(children.last().url).status_code == 200


def test_frequent_word_is_in_a_quarter_of_the_sheets(sheets):
    with_word = [i for i, sheet in sheets.items() if contains_word(sheet.text(), corpus.FREQUENT)]
    assert abs(len(with_word) / SHEETS - 0.25) <= 0.03
    assert with_word == [i for i in sheets if corpus.is_frequent(i)]


def test_only_sheets_with_the_frequent_word_get_the_theme_that_names_it(sheets):
    assert {i for i, sheet in sheets.items() if corpus.SCHOOL_THEME in sheet.themes} == {
        i for i in sheets if corpus.is_frequent(i)
    }


def test_rare_word_phrase_and_no_match_have_their_frequencies(sheets):
    texts = [sheet.text() for sheet in sheets.values()]
    assert sum(contains_word(text, corpus.RARE) for text in texts) == SHEETS // 1000
    with_phrase = sum(corpus.PHRASE in text for text in texts)
    with_both_words = sum(all(word in text for word in corpus.PHRASE.split()) for text in texts)
    assert 0.02 <= with_phrase / SHEETS <= 0.06 < with_both_words / SHEETS
    assert not any(contains_word(text, corpus.NO_MATCH) for text in texts)


def test_sheet_text_depends_only_on_its_number():
    assert corpus.SheetGenerator().generate(7, "Albi") == corpus.SheetGenerator().generate(
        7, "Albi"
    )

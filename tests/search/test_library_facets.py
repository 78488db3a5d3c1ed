"""Filters of the practice library: counts per value equal to a recount made in Python over
the database, values of one filter added up (OR), filters combined (AND), each filter's
counts computed with the other filters kept, English labels on English pages."""

import itertools

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from knowledge.context import population_bracket
from knowledge.models import PracticeSheetPage, Theme

from .helpers import facet_counts, get_page, library_url, search, status

pytestmark = pytest.mark.django_db

FACETS = ["phase", "theme", "audience", "principle", "region", "kind", "population", "year"]


@pytest.fixture
def library_with_sheets(
    add_sheet,
    charter,
    amiens_member,
    rennes_member,
    saint_etienne_member,
    vote,
    campaign,
    youth,
    inclusion,
    elderly,
):
    principles = list(charter.principles.all())
    specs = [
        (amiens_member, [vote], [youth], [elderly], [0], 2019, 2021, "urnes"),
        (amiens_member, [vote, campaign], [inclusion], [], [1, 2], 2021, None, "urnes"),
        (amiens_member, [campaign], [], [elderly], [], 2022, 2023, "affiches"),
        (rennes_member, [vote], [youth, inclusion], [], [0], 2015, 2016, "urnes"),
        (rennes_member, [], [youth], [elderly], [3], 2021, 2021, "affiches"),
        (rennes_member, [campaign], [inclusion], [], [], 2020, None, "urnes"),
        (saint_etienne_member, [vote], [], [elderly], [0, 3], 2018, 2022, "affiches"),
        (saint_etienne_member, [vote, campaign], [youth], [], [2], 2023, None, "urnes"),
    ]
    for number, (member, phases, themes, audiences, indexes, start, end, word) in enumerate(specs):
        add_sheet(
            title=f"Fiche {number}",
            summary=f"Une pratique avec des {word}.",
            member=member,
            phases=phases,
            themes=themes,
            audiences=audiences,
            principles=[principles[index] for index in indexes],
            year_start=start,
            year_end=end,
        )
    # Unpublished: counted nowhere.
    add_sheet(title="Dépubliée", phases=[vote], themes=[youth], year_start=2021).unpublish()


def facet_values(sheet):
    authority = sheet.member.authority
    end = sheet.year_end or sheet.year_start
    return {
        "phase": {term.slug for term in sheet.phases.all()},
        "theme": {term.slug for term in sheet.themes.all()},
        "audience": {term.slug for term in sheet.audiences.all()},
        "principle": {str(principle.number) for principle in sheet.principles.all()},
        "region": {authority.region},
        "kind": {authority.kind},
        "population": {population_bracket(authority.population)[0]},
        "year": {str(year) for year in range(sheet.year_start, end + 1)},
    }


def recount(filters, word=None):
    """(total, {facet: {value: count}}) recounted from the pages themselves."""
    sheets = [
        facet_values(sheet)
        for sheet in PracticeSheetPage.objects.live().public().filter(locale__language_code="fr")
        if word is None or word in sheet.summary
    ]

    def passes(values, skip=None):
        return all(values[name] & set(wanted) for name, wanted in filters.items() if name != skip)

    counts = {}
    for name in FACETS:
        for values in sheets:
            if passes(values, skip=name):
                for value in values[name]:
                    counts.setdefault(name, {}).setdefault(value, 0)
                    counts[name][value] += 1
    for name, wanted in filters.items():
        for value in wanted:
            counts.setdefault(name, {}).setdefault(value, 0)
    total = sum(1 for values in sheets if passes(values))
    return total, counts


FILTER_CASES = [
    {},
    {"phase": ["vote"]},
    {"phase": ["vote", "campagne"]},
    {"phase": ["vote"], "theme": ["inclusion"]},
    {"theme": ["jeunesse-ecoles"], "region": ["53"]},
    {"kind": ["commune"], "population": ["50k-200k"], "year": ["2021"]},
    {"principle": ["1", "4"], "audience": ["personnes-agees"]},
    {"year": ["2016", "2022"], "phase": ["campagne"], "region": ["84", "32"]},
]


@pytest.mark.parametrize("filters", FILTER_CASES, ids=lambda f: "&".join(f) or "none")
def test_counts_equal_a_recount(client, library_with_sheets, filters):
    html = get_page(client, library_url(**filters))
    total, expected = recount(filters)
    assert status(html).startswith(f"{total} fiche")
    assert facet_counts(html) == expected


@pytest.mark.parametrize("filters", FILTER_CASES[:4], ids=lambda f: "&".join(f) or "none")
def test_counts_with_a_query_equal_a_recount(client, library_with_sheets, filters):
    titles, counts = search(client, q="urnes", **filters)
    total, expected = recount(filters, word="urnes")
    assert len(titles) == total
    assert counts == expected


def test_values_of_one_filter_add_up(client, library_with_sheets):
    vote, _ = search(client, phase="vote")
    campaign, _ = search(client, phase="campagne")
    both, _ = search(client, phase=["vote", "campagne"])
    assert set(both) == set(vote) | set(campaign)


def test_filters_combine(client, library_with_sheets):
    vote, _ = search(client, phase="vote")
    youth, _ = search(client, theme="jeunesse-ecoles")
    both, _ = search(client, phase="vote", theme="jeunesse-ecoles")
    assert both and set(both) == set(vote) & set(youth)


def test_ticked_value_keeps_the_other_values_of_its_filter(client, library_with_sheets):
    _titles, counts = search(client, phase="vote")
    _titles, unfiltered = search(client)
    assert counts["phase"] == unfiltered["phase"]
    assert counts["theme"] != unfiltered["theme"]


def test_unknown_values_are_ignored(client, library_with_sheets):
    everything, counts = search(client)
    assert search(client, phase="nope", region="999", year="1900", principle="99") == (
        everything,
        counts,
    )


def test_filtered_url_ticks_its_values(client, library_with_sheets):
    html = get_page(client, library_url(phase=["vote", "campagne"], region="53"))
    ticked = {(box["name"], box["value"]) for box in html.select("input[checked]")}
    assert ticked == {("phase", "vote"), ("phase", "campagne"), ("region", "53")}


def test_active_filters_can_be_removed_one_by_one(client, library_with_sheets):
    html = get_page(client, library_url(q="urnes", phase="vote", region="53"))
    links = [link["href"] for link in html.select(".active-filters a")]
    assert "?q=urnes&region=53" in links
    assert "?q=urnes&phase=vote" in links


def test_every_combination_of_two_filters_matches_a_recount(client, library_with_sheets):
    values = {"phase": "vote", "theme": "inclusion", "region": "32", "year": "2021"}
    for first, second in itertools.combinations(values, 2):
        filters = {first: [values[first]], second: [values[second]]}
        _titles, counts = search(client, **filters)
        assert counts == recount(filters)[1], filters


def test_english_library_shows_english_labels(
    client, library_with_sheets, english_library, translate
):
    for sheet in PracticeSheetPage.objects.filter(locale__language_code="fr", live=True):
        translate(sheet, title=f"Sheet {sheet.title[-1]}")
    html = get_page(client, library_url("/en", phase="vote"))
    labels = [label.get_text(" ", strip=True) for label in html.select(".facets label")]
    assert any(label.startswith("Voting") for label in labels)
    assert any(label.startswith("Youth and schools") for label in labels)
    assert not any(label.startswith("Vote ") for label in labels)
    assert status(html).startswith("5 ")


@pytest.mark.parametrize("path", ["/fiches-pratiques/?q=urnes&phase=vote", "/recherche/?q=urnes"])
def test_every_field_has_a_label_and_every_filter_a_legend(client, library_with_sheets, path):
    html = get_page(client, path)
    for field in html.select("main input, main select"):
        assert html.select_one(f"label[for={field['id']}]"), field
    for fieldset in html.select("main fieldset"):
        assert fieldset.select_one("legend").get_text(strip=True)
    assert html.select_one("main [role=status]").get_text(strip=True)


def facet_labels(html):
    return [label.get_text(" ", strip=True) for label in html.select(".facets label")]


def test_the_vocabulary_is_read_once_per_generation_of_the_page_cache(
    client, library_with_sheets, youth, settings, django_capture_on_commit_callbacks
):
    settings.PAGE_CACHE_SECONDS = 600
    get_page(client, library_url(q="affiches"))  # reads what every page reads once
    html = get_page(client, library_url(q="urnes"))
    assert any(label.startswith("Jeunesse et écoles") for label in facet_labels(html))
    with CaptureQueriesContext(connection) as kept:
        get_page(client, library_url(q="urnes"))
    settings.PAGE_CACHE_SECONDS = 0  # no generation: nothing kept
    with CaptureQueriesContext(connection) as read:
        get_page(client, library_url(q="urnes"))
    vocabulary_table = Theme._meta.db_table
    assert [query for query in read if vocabulary_table in query["sql"]]
    assert not [query for query in kept if vocabulary_table in query["sql"]]
    settings.PAGE_CACHE_SECONDS = 600
    # Renaming a term (a snippet) starts a new generation once it commits.
    with django_capture_on_commit_callbacks(execute=True):
        youth.name = "Jeunesse"
        youth.save()
    labels = facet_labels(get_page(client, library_url(q="urnes")))
    assert any(label.startswith("Jeunesse (") for label in labels), labels
    assert not any(label.startswith("Jeunesse et écoles") for label in labels)

"""Query counts: a practice sheet, the charter and a member profile cost a number of
queries that does not grow with the number of terms, principles, linked sheets, documents,
sheets per principle or adopting members, and at most MAX_QUERIES, on a visit where nothing
is in the cache but Wagtail's site root paths."""

import pytest

from home.factories import DocumentFactory
from knowledge.factories import AudienceFactory, PhaseFactory, ThemeFactory, translate_term
from knowledge.models import PracticeDocument
from members.factories import AuthorityFactory
from tests.queries import count_queries

pytestmark = pytest.mark.django_db

# Today: 10 for a French sheet, 12 for an English one (its member and linked sheets in
# English, found by translation key, and routing an English page cost one more each).
MAX_QUERIES = 12


def terms(factory, count, english):
    created = [factory() for _ in range(count)]
    for term in created:
        translate_term(term, english, f"{term.name} (en)")
    return created


def rich_sheet(add_sheet, member, charter, english, size, others):
    """A sheet with `size` terms of each taxonomy, principles, links and documents."""
    principles = list(charter.principles.all())
    return add_sheet(
        member,
        phases=terms(PhaseFactory, size, english),
        themes=terms(ThemeFactory, size, english),
        audiences=terms(AudienceFactory, size, english),
        principles=principles[:size],
        adapted_from=others[:size],
        documents=[PracticeDocument(document=DocumentFactory()) for _ in range(size)],
    )


@pytest.fixture
def others(add_sheet, add_member):
    """Sheets of other members, to adapt from."""
    return [add_sheet(add_member(AuthorityFactory())) for _ in range(4)]


@pytest.mark.parametrize("language", ["fr", "en"])
def test_sheet_query_count_does_not_grow_with_its_relations(
    client, add_sheet, amiens_member, charter, english, others, language, request
):
    if language == "en":
        for fixture in ("english_library", "english_amiens_member", "english_charter"):
            request.getfixturevalue(fixture)
    translate = request.getfixturevalue("translate")

    def path(sheet):
        if language == "fr":
            return sheet.url
        return translate(sheet, title="Sheet").url

    small = rich_sheet(add_sheet, amiens_member, charter, english, 1, others)
    add_sheet(amiens_member, adapted_from=[small])
    with_one = count_queries(client, path(small))
    big = rich_sheet(add_sheet, amiens_member, charter, english, 4, others)
    for _ in range(4):
        add_sheet(amiens_member, adapted_from=[big])
    assert count_queries(client, path(big)) == with_one
    assert with_one <= MAX_QUERIES


def test_charter_query_count_does_not_grow_with_sheets_and_adopters(
    client, charter, add_sheet, add_member, amiens_member
):
    principles = list(charter.principles.all())

    def add(count):
        for number in range(count):
            member = add_member(AuthorityFactory(), charter_adopted_on="2023-01-01")
            add_sheet(member, principles=principles[: number % 4 + 1])

    add(2)
    with_two = count_queries(client, "/charte/")
    add(10)
    assert count_queries(client, "/charte/") == with_two
    assert with_two <= MAX_QUERIES


def test_english_charter_query_count_does_not_grow_with_sheets(
    client, english_charter, add_sheet, amiens_member, english_library, translate
):
    french_principles = [
        p.get_translation(amiens_member.locale) for p in english_charter.principles.all()
    ]
    translate(add_sheet(amiens_member, principles=french_principles[:1]), title="Sheet")
    with_one = count_queries(client, "/en/charte/")
    for _ in range(5):
        translate(add_sheet(amiens_member, principles=french_principles), title="Sheet")
    assert count_queries(client, "/en/charte/") == with_one
    assert with_one <= MAX_QUERIES


def test_member_profile_query_count_does_not_grow_with_its_sheets(client, amiens_member, add_sheet):
    add_sheet(amiens_member)
    with_one = count_queries(client, "/membres/amiens/")
    for _ in range(5):
        add_sheet(amiens_member)
    assert count_queries(client, "/membres/amiens/") == with_one
    assert with_one <= MAX_QUERIES

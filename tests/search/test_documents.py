"""The search table follows the pages: written on publish, removed on unpublish or when a
page becomes private, updated when the referential changes a member's authority or a term
is deleted, and rebuilt whole by `manage.py rebuild_practice_search`."""

from io import StringIO

from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

import pytest

from knowledge.factories import PhaseFactory
from knowledge.models import Phase
from members.factories import authority
from search.models import FacetBit, PracticeSearchDocument, PracticeSearchVector

from .conftest import postgres_only
from .helpers import search

pytestmark = pytest.mark.django_db


def test_publishing_a_sheet_writes_its_document(add_sheet, vote):
    sheet = add_sheet(title="Des urnes mobiles", phases=[vote], year_start=2020, year_end=2022)
    document = PracticeSearchDocument.objects.get(page=sheet)
    assert document.title == "Des urnes mobiles"
    assert document.region == "32" and document.kind == "commune"
    assert document.population == "50k-200k"
    bit = FacetBit.objects.get(facet="phase", key=vote.translation_key).bit
    assert document.phases == 1 << bit
    assert document.years == sum(1 << (year - 1989) for year in (2020, 2021, 2022))


@postgres_only
def test_a_document_and_its_words_are_written_and_removed_together(add_sheet, translate_sheet):
    sheet = add_sheet(title="Des urnes mobiles")
    english = translate_sheet(sheet, title="Mobile ballot boxes")
    rows = dict(PracticeSearchVector.objects.values_list("document_id", "locale_id"))
    assert rows == {sheet.pk: sheet.locale_id, english.pk: english.locale_id}
    sheet.unpublish()
    assert list(PracticeSearchVector.objects.values_list("document_id", flat=True)) == [english.pk]


@postgres_only
def test_moving_the_words_to_their_own_table_loses_none(client, add_sheet):
    # Migrated back and forth in the test's transaction (PostgreSQL's schema changes are
    # transactional), rolled back with it; the sheet's deferred checks are run first, as
    # PostgreSQL alters no table that still has some pending.
    sheet = add_sheet(title="Des urnes mobiles", summary="Les urnes circulent en ville.")
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    executor = MigrationExecutor(connection)
    executor.migrate([("search", "0004_table_version")])
    try:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT vector::text, word_pairs::text FROM search_practicesearchdocument"
            )
            before = cursor.fetchall()
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT page_id, vector::text, word_pairs::text FROM search_practicesearchvector"
        )
        after = cursor.fetchall()
    assert "'circulent':6B" in before[0][0]
    assert after == [(sheet.pk, *before[0])]
    assert search(client, q="circulent")[0] == ["Des urnes mobiles"]


def test_republishing_a_sheet_updates_its_document(client, add_sheet):
    sheet = add_sheet(title="Des urnes mobiles")
    sheet.title = "Des urnes itinérantes"
    sheet.save_revision().publish()
    assert search(client, q="itinérantes")[0] == ["Des urnes itinérantes"]
    assert search(client, q="mobiles")[0] == []


def test_translations_of_a_term_share_its_bit(client, add_sheet, translate_sheet, vote):
    sheet = add_sheet(title="Des urnes", phases=[vote])
    translate_sheet(sheet, title="Ballot boxes")
    _titles, french = search(client, q="urnes")
    _titles, english = search(client, "/en", q="ballot")
    assert french["phase"] == {"vote": 1}
    assert english["phase"] == {"vote": 1}


def test_a_new_population_moves_the_sheets_to_another_bracket(client, add_sheet, amiens_member):
    add_sheet(title="Des urnes")
    amiens = amiens_member.authority
    amiens.population = 250_000
    amiens.save(update_fields=["population"])
    assert search(client)[1]["population"] == {"gt200k": 1}


def test_a_member_with_another_authority_moves_its_sheets(client, add_sheet, amiens_member):
    add_sheet(title="Des urnes")
    amiens_member.authority = authority("region", "53")
    amiens_member.save_revision().publish()
    _titles, counts = search(client)
    assert counts["region"] == {"53": 1}
    assert counts["kind"] == {"region": 1}


def test_a_deleted_term_frees_its_bit(client, add_sheet, vote):
    add_sheet(title="Des urnes", phases=[vote])
    Phase.objects.filter(translation_key=vote.translation_key).delete()
    assert not FacetBit.objects.exists()
    assert PracticeSearchDocument.objects.get().phases == 0
    PhaseFactory(name="Campagne", slug="campagne")
    assert "phase" not in search(client)[1]


def test_rebuild_writes_every_live_public_sheet(add_sheet, library):
    live = add_sheet(title="Des urnes")
    unpublished = add_sheet(title="Un brouillon")
    unpublished.unpublish()
    PracticeSearchDocument.objects.all().delete()
    PracticeSearchDocument.objects.create(
        page=unpublished, locale=unpublished.locale, first_published_at=live.first_published_at
    )
    output = StringIO()
    call_command("rebuild_practice_search", stdout=output)
    assert list(PracticeSearchDocument.objects.values_list("page_id", flat=True)) == [live.pk]
    assert "1 / 1 sheets" in output.getvalue()
    assert "1 documents written, 1 removed" in output.getvalue()


def test_editing_still_works_when_the_search_table_cannot_be_written(
    add_sheet, monkeypatch, caplog
):
    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr("search.documents.write_rows", broken)
    sheet = add_sheet(title="Des urnes")
    assert sheet.live
    assert "could not be updated" in caplog.text

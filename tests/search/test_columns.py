"""The facet columns each process keeps (search/columns.py): kept while the search table's
version stays the same, read again after any change, never confused by a rolled-back one;
ids they do not hold are left out. Counting itself is checked against recounts in
test_library_facets.py."""

from django.db import transaction

import numpy as np
import pytest

from search import columns as kept
from search.columns import FacetColumns, bit_counts, octet_columns
from search.library import FACETS, Filter, Option
from search.models import SearchTableVersion

from .conftest import postgres_only
from .helpers import search

pytestmark = pytest.mark.django_db


def table_version():
    return SearchTableVersion.objects.values_list("number", flat=True).first()


@postgres_only
def test_every_change_of_the_search_table_renews_its_version(add_sheet):
    sheet = add_sheet(title="Des urnes mobiles")
    published = table_version()
    sheet.title = "Des urnes itinérantes"
    sheet.save_revision().publish()
    republished = table_version()
    sheet.unpublish()
    assert len({published, republished, table_version()}) == 3


@postgres_only
def test_a_rolled_back_change_never_lends_its_version_to_another(add_sheet):
    with pytest.raises(RuntimeError), transaction.atomic():
        add_sheet(title="Une fiche abandonnée")
        abandoned = table_version()
        raise RuntimeError("rollback")
    assert table_version() != abandoned
    add_sheet(title="Une fiche publiée")
    assert table_version() != abandoned


@postgres_only
def test_columns_are_kept_while_the_table_does_not_change(client, add_sheet, vote):
    add_sheet(title="Des urnes mobiles", summary="Des urnes.", phases=[vote])
    kept._kept.clear()
    search(client, q="urnes")
    columns = next(iter(kept._kept.values()))
    search(client, q="urnes", phase="vote")
    search(client, phase="vote")
    assert next(iter(kept._kept.values())) is columns


@postgres_only
def test_counts_follow_a_change_made_after_the_columns_were_read(client, add_sheet, vote, campaign):
    sheet = add_sheet(title="Des urnes mobiles", summary="Des urnes.", phases=[vote])
    assert search(client, q="urnes")[1]["phase"] == {"vote": 1}
    sheet.phases = [campaign]
    sheet.save_revision().publish()
    assert search(client, q="urnes")[1]["phase"] == {"campagne": 1}
    assert search(client, phase="campagne")[0] == ["Des urnes mobiles"]


def columns_of(ids, phases, dates=None):
    """Columns of documents with these ids, phase masks and dates, and no other value."""
    values = [
        phases if facet.name == "phase" else [0] * len(ids) if facet.bits else [""] * len(ids)
        for facet in FACETS
    ]
    return FacetColumns(FACETS, ids, values, dates or [0] * len(ids))


def test_ids_the_columns_do_not_hold_are_left_out():
    columns = columns_of([30, 10, 20], [0, 0, 0])
    matches = columns.matches([20, 99, 15, 10, 5], [True, True, True, False, False])
    assert columns.ids[matches.positions].tolist() == [20, 10]
    assert matches.in_title.tolist() == [True, False]
    assert len(columns_of([], []).matches([7], [False])) == 0


def test_each_match_is_counted_with_its_own_values():
    """Matches come in the table's order, not the ids': each keeps its own values."""
    matches = columns_of([30, 10, 20], [1, 2, 4]).matches([20, 30], [True, False])
    filtered = matches.filtered([])
    assert len(filtered.passing) == 2
    assert filtered.counts()["phase"] == {2: 1, 0: 1}


def test_filters_are_tested_once_for_the_passing_matches_and_the_counts(monkeypatch):
    """A match that fails one filter counts for that filter's values only."""
    phase = next(facet for facet in FACETS if facet.name == "phase")
    # Phases as bits 0 and 1; the filter ticks bit 0.
    matches = columns_of([10, 20, 30], [1, 2, 3]).matches([10, 20, 30])
    tested = []
    accepts = FacetColumns.accepts
    monkeypatch.setattr(
        FacetColumns, "accepts", lambda *args: tested.append(args[1]) or accepts(*args)
    )
    ticked = Filter(phase, [Option("vote", "Vote", bit=0)])
    filtered = matches.filtered([ticked])
    assert filtered.passing.page_ids() == [10, 30]
    assert filtered.counts()["phase"] == {0: 2, 1: 2}
    assert tested == [ticked]


@pytest.mark.parametrize("first", [1, 2, 3, 5])
def test_newest_matches_come_as_an_order_by_would_give_them(first):
    """ORDER BY in_title DESC, first_published_at DESC, page_id DESC LIMIT first."""
    ids, dates = [10, 20, 30, 40, 50], [300, 100, 300, 200, 100]
    titles = {20: True, 40: True}
    matches = columns_of(ids, [0] * 5, dates).matches(ids, [titles.get(i, False) for i in ids])
    by_date = sorted(ids, key=lambda i: (dates[ids.index(i)], i), reverse=True)
    assert matches.newest(first) == by_date[:first]
    by_relevance = sorted(by_date, key=lambda i: not titles.get(i, False))
    assert matches.newest(first, titles_first=True) == by_relevance[:first]


@pytest.mark.parametrize("bits", [[0], [3, 9], [7, 8, 40, 62]])
def test_bit_counts_count_the_masks_that_have_each_bit(bits):
    rng = np.random.default_rng(7)
    masks = rng.integers(0, 1 << 63, 1_000, dtype=np.int64)
    positions = np.arange(0, 1_000, 3)
    expected = {
        bit: sum(1 for mask in masks[positions].tolist() if mask >> bit & 1) for bit in bits
    }
    octets = octet_columns(masks, bits)
    assert bit_counts(octets, positions, bits) == expected
    assert bit_counts(octets, positions[:0], bits) == dict.fromkeys(bits, 0)

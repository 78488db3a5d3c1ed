"""What staff learn from the searches: popular queries (Wagtail's search promotions app counts
them, Reports › Search terms) and queries that found nothing (Reports › Recherches sans
résultat); and the promotions staff set for a query."""

import functools

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from wagtail.contrib.search_promotions.models import Query, QueryDailyHits, SearchPromotion
from wagtail.models import Page
from wagtail.search.utils import normalise_query_string

from .batch import Batch
from .documents import uses_postgres
from .models import UnansweredQuery


def record_and_promote(request, query, total, language, scope, locale, page_types=None, batch=None):
    """Count a search (first page of results only, so that paging is not counted twice) and
    return its promotions (see `promotions`). On PostgreSQL, one statement inserts or
    increments each counter and reads the promotions (Wagtail's `Query.get(...).add_hit()`,
    an update-or-create and reading the promotions cost five). It is sent with those of
    `batch` when one is given (search/batch.py): the list returned is filled when the batch
    has run."""
    normalised = normalise_query_string(query)
    if not normalised:
        return []
    if not uses_postgres():
        record_simply(normalised, total, language, scope)
        return promotions(request, query, locale, page_types)
    own = batch is None
    batch = Batch() if own else batch
    shown = []
    batch.add(
        record_and_pick_sql(),
        [*record_params(normalised, total, language, scope), normalised],
        lambda rows: shown.extend(shown_promotions(request, rows, locale, page_types)),
    )
    if own:
        batch.run()
    return shown


# Counts a search, then reads its promotions (`picks_of`, which cannot see the query it
# inserts: a query with promotions was there before). Counting a search may be lost in a
# crash rather than wait for the disk: the statement turns synchronous_commit off for its
# transaction (as SET LOCAL), from the row its first insert is made of.
RECORD_AND_PICK_SQL = f"""
    WITH setting AS (
        SELECT set_config('synchronous_commit', 'off', true)
    ), query AS (
        INSERT INTO {Query._meta.db_table} (query_string) SELECT %s FROM setting
        ON CONFLICT (query_string) DO UPDATE SET query_string = EXCLUDED.query_string
        RETURNING id
    ), daily AS (
        INSERT INTO {QueryDailyHits._meta.db_table} (query_id, date, hits)
        SELECT id, %s, 1 FROM query
        ON CONFLICT (query_id, date) DO UPDATE SET hits = {QueryDailyHits._meta.db_table}.hits + 1
    ), unanswered AS (
        INSERT INTO {UnansweredQuery._meta.db_table}
            (query_string, language, scope, hits, first_seen, last_seen)
        SELECT %s, %s, %s, 1, %s, %s WHERE %s
        ON CONFLICT (query_string, language, scope) DO UPDATE
        SET hits = {UnansweredQuery._meta.db_table}.hits + 1, last_seen = EXCLUDED.last_seen
    )
    {{picks}}
"""


def record_params(normalised, total, language, scope):
    now = timezone.now()
    # The day as Wagtail's Query.add_hit counts it.
    return [normalised, now.date(), normalised, language, scope, now, now, not total]


def record_simply(normalised, total, language, scope):
    """Count a search on other databases (SQLite in development). The day's counter of a query
    typed before is incremented in one UPDATE; else Wagtail's `Query.get(...).add_hit()`
    creates what is missing (three queries)."""
    today = timezone.now().date()
    counted = QueryDailyHits.objects.filter(query__query_string=normalised, date=today)
    if not counted.update(hits=F("hits") + 1):
        Query.get(normalised).add_hit(today)
    if total:
        return
    key = {"query_string": normalised, "language": language, "scope": scope}
    seen = UnansweredQuery.objects.filter(**key)
    if seen.update(hits=F("hits") + 1, last_seen=timezone.now()):
        return
    try:
        with transaction.atomic():
            UnansweredQuery.objects.create(hits=1, **key)
    except IntegrityError:
        seen.update(hits=F("hits") + 1, last_seen=timezone.now())


PICK_FIELDS = ["page_id", "page__translation_key", "external_link_url", "external_link_text"]


def picks_of(normalised):
    return (
        SearchPromotion.objects.filter(query__query_string=normalised)
        .order_by("sort_order", "pk")
        .values_list(*PICK_FIELDS, "description")
    )


@functools.cache
def record_and_pick_sql():
    """RECORD_AND_PICK_SQL with the SQL of `picks_of`, whose one parameter is the query:
    compiled once per process, where compiling it for each search cost about 0.5 ms."""
    return RECORD_AND_PICK_SQL.format(picks=picks_of("").query.sql_with_params()[0])


def promotions(request, query, locale, page_types=None):
    """The promotions staff set for this query, in their order: pages in the active language
    (live and public only; of `page_types` when given) and external links (unless
    `page_types` is given). A few queries, whatever their number."""
    normalised = normalise_query_string(query)
    if not normalised:
        return []
    return shown_promotions(request, list(picks_of(normalised)), locale, page_types)


def shown_promotions(request, picks, locale, page_types):
    """What the template shows of picks, rows of PICK_FIELDS and description."""
    keys = [key for page_id, key, *_rest in picks if page_id]
    localized = {}
    # Without a promoted page, no query (an empty queryset is still compiled, ~0.5 ms).
    if keys:
        pages = (
            Page.objects.live()
            .public()
            .filter(locale=locale, translation_key__in=keys, alias_of__isnull=True)
        )
        if page_types:
            pages = pages.type(*page_types)
        localized = {page.translation_key: page for page in pages}
    shown = []
    for page_id, key, link_url, link_text, description in picks:
        if page_id:
            page = localized.get(key)
            if page is not None:
                shown.append(
                    {"title": page.title, "url": page.get_url(request), "description": description}
                )
        elif link_url and not page_types:
            shown.append(
                {"title": link_text or link_url, "url": link_url, "description": description}
            )
    return shown

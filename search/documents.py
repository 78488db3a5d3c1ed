"""Keeping the practice library's search table in step with the live, public sheets.

A sheet has a search document while it is live, not an alias (an untranslated copy in
another language) and under no view restriction; the document is written from the page's
live fields, never from a draft revision. Signal receivers (search/signals.py) call the
functions below on publish, unpublish, move, view restriction and referential changes;
`manage.py rebuild_practice_search` writes every document anew."""

import logging
from contextlib import contextmanager
from dataclasses import dataclass

from django.db import IntegrityError, connection, transaction
from django.db.models import F, Q, Subquery
from django.utils import timezone

from wagtail.models import PageViewRestriction

from knowledge.context import population_bracket
from knowledge.models import PracticeSheetPage
from knowledge.models.practices import SECTIONS

from .models import FIRST_YEAR, MAX_BITS, FacetBit, PracticeSearchDocument
from .text import clean_text, fold, plain_text

logger = logging.getLogger(__name__)

CHUNK_SIZE = 500
# (field of the sheet, facet of its bits, column of the search table)
TERM_FIELDS = [
    ("phases", FacetBit.Facet.PHASE, "phases"),
    ("themes", FacetBit.Facet.THEME, "themes"),
    ("audiences", FacetBit.Facet.AUDIENCE, "audiences"),
    ("principles", FacetBit.Facet.PRINCIPLE, "principles"),
]
FACET_COLUMNS = ["phases", "themes", "audiences", "principles", "years"]
PLACE_COLUMNS = ["region", "kind", "population"]


def uses_postgres():
    return connection.vendor == "postgresql"


def text_search_config(language_code):
    """The text search configuration of a language: French rules, or English ones for
    English pages, both accent-insensitive (created by search/migrations/0001)."""
    return "english_unaccent" if (language_code or "").startswith("en") else "french_unaccent"


def year_mask(start, end):
    mask = 0
    if start:
        for year in range(start, max(start, end or start) + 1):
            if 0 <= year - FIRST_YEAR < MAX_BITS:
                mask |= 1 << (year - FIRST_YEAR)
    return mask


def place_facets(authority):
    """Région, kind and population bracket of a member's authority, as the library filters
    them: derived from the referential, never typed."""
    if authority is None:
        return {"region": "", "kind": "", "population": ""}
    region = authority.region or (authority.code if authority.kind == "region" else "")
    bracket = population_bracket(authority.population)
    return {
        "region": region[:3],
        "kind": authority.kind,
        "population": bracket[0] if bracket else "",
    }


def facet_bits():
    """{(facet, translation key): bit} of every term and principle that has one."""
    rows = FacetBit.objects.values_list("facet", "key", "bit")
    return {(facet, key): bit for facet, key, bit in rows}


class FacetBits:
    """The bits of taxonomy terms and principles, read once, allocated on first use."""

    def __init__(self):
        self.bits = facet_bits()

    def mask(self, facet, keys):
        mask = 0
        for key in keys:
            bit = self.bits.get((facet, key))
            if bit is None:
                bit = self.allocate(facet, key)
            if bit is not None:
                mask |= 1 << bit
        return mask

    def allocate(self, facet, key):
        for _attempt in range(3):
            used = set(FacetBit.objects.filter(facet=facet).values_list("bit", flat=True))
            free = [bit for bit in range(MAX_BITS) if bit not in used]
            if not free:
                logger.warning(
                    "No search bit left for a %s (%s values at most): it cannot be filtered",
                    facet,
                    MAX_BITS,
                )
                return None
            try:
                with transaction.atomic():
                    FacetBit.objects.create(facet=facet, key=key, bit=free[0])
            except IntegrityError:
                # Another publish took this bit, or gave this key one, at the same time.
                existing = FacetBit.objects.filter(facet=facet, key=key).first()
                if existing:
                    self.bits[(facet, key)] = existing.bit
                    return existing.bit
                continue
            self.bits[(facet, key)] = free[0]
            return free[0]
        return None


@dataclass
class Row:
    page_id: int
    locale_id: int
    config: str
    first_published_at: object
    title: str
    summary: str
    body: str
    facets: dict

    @property
    def text(self):
        return " ".join(filter(None, [self.summary, self.body]))


def restricted_paths():
    return list(PageViewRestriction.objects.values_list("page__path", flat=True))


def is_restricted(path, restricted):
    return any(path.startswith(prefix) for prefix in restricted)


def sheets_with_relations(pks):
    return (
        PracticeSheetPage.objects.filter(pk__in=pks)
        .select_related("member__authority", "locale")
        .prefetch_related("phases", "themes", "audiences", "principles")
    )


def sheet_parts(sheet):
    """Title, summaries and sections of a sheet as plain text, from its live fields."""
    summary = " ".join(filter(None, [sheet.intro, sheet.summary, sheet.easy_read_summary]))
    body = " ".join(filter(None, (plain_text(getattr(sheet, name)) for name, _label in SECTIONS)))
    return clean_text(sheet.title), clean_text(summary), body


def build_row(sheet, bits):
    facets = {
        column: bits.mask(facet, [obj.translation_key for obj in getattr(sheet, field).all()])
        for field, facet, column in TERM_FIELDS
    }
    facets["years"] = year_mask(sheet.year_start, sheet.year_end)
    facets.update(place_facets(sheet.member.authority if sheet.member_id else None))
    title, summary, body = sheet_parts(sheet)
    return Row(
        page_id=sheet.pk,
        locale_id=sheet.locale_id,
        config=text_search_config(sheet.locale.language_code),
        first_published_at=sheet.first_published_at or timezone.now(),
        title=title,
        summary=summary,
        body=body,
        facets=facets,
    )


# The documents and their vectors, written by one statement (a data-modifying WITH).
UPSERT_SQL = """
WITH v AS (
    SELECT r.*, t.title_vector,
        setweight(t.title_vector, 'A')
        || setweight(to_tsvector(r.config::regconfig, r.summary), 'B')
        || setweight(to_tsvector(r.config::regconfig, r.body), 'C') AS vector
    FROM unnest(
        %s::bigint[], %s::bigint[], %s::timestamptz[], %s::bigint[], %s::bigint[],
        %s::bigint[], %s::bigint[], %s::bigint[], %s::text[], %s::text[], %s::text[],
        %s::text[], %s::text[], %s::text[], %s::text[]
    ) AS r(page_id, locale_id, first_published_at, phases, themes, audiences, principles,
        years, region, kind, population, config, title, summary, body)
    CROSS JOIN LATERAL (SELECT to_tsvector(r.config::regconfig, r.title) AS title_vector) t
), documents AS (
    INSERT INTO search_practicesearchdocument (
        page_id, locale_id, first_published_at, phases, themes, audiences, principles,
        years, region, kind, population, title, text, folded, title_vector
    )
    SELECT page_id, locale_id, first_published_at, phases, themes, audiences, principles,
        years, region, kind, population, title,
        concat_ws(' ', nullif(summary, ''), nullif(body, '')), '', title_vector
    FROM v
    ON CONFLICT (page_id) DO UPDATE SET
        locale_id = EXCLUDED.locale_id, first_published_at = EXCLUDED.first_published_at,
        phases = EXCLUDED.phases, themes = EXCLUDED.themes, audiences = EXCLUDED.audiences,
        principles = EXCLUDED.principles, years = EXCLUDED.years, region = EXCLUDED.region,
        kind = EXCLUDED.kind, population = EXCLUDED.population, title = EXCLUDED.title,
        text = EXCLUDED.text, folded = '', title_vector = EXCLUDED.title_vector
)
INSERT INTO search_practicesearchvector (page_id, locale_id, vector, word_pairs)
SELECT page_id, locale_id, vector, search_word_pairs(vector) FROM v
ON CONFLICT (page_id) DO UPDATE SET
    locale_id = EXCLUDED.locale_id, vector = EXCLUDED.vector, word_pairs = EXCLUDED.word_pairs
"""


def write_rows(rows):
    if not rows:
        return
    if uses_postgres():
        columns = [
            [row.page_id for row in rows],
            [row.locale_id for row in rows],
            [row.first_published_at for row in rows],
            *[[row.facets[name] for row in rows] for name in FACET_COLUMNS],
            *[[row.facets[name] for row in rows] for name in PLACE_COLUMNS],
            [row.config for row in rows],
            [row.title for row in rows],
            [row.summary for row in rows],
            [row.body for row in rows],
        ]
        with connection.cursor() as cursor:
            cursor.execute(UPSERT_SQL, columns)
        return
    PracticeSearchDocument.objects.bulk_create(
        [
            PracticeSearchDocument(
                page_id=row.page_id,
                locale_id=row.locale_id,
                first_published_at=row.first_published_at,
                title=row.title,
                text=row.text,
                folded=fold(f"{row.title} {row.text}"),
                **row.facets,
            )
            for row in rows
        ],
        update_conflicts=True,
        unique_fields=["page"],
        update_fields=[
            "locale",
            "first_published_at",
            *FACET_COLUMNS,
            *PLACE_COLUMNS,
            "title",
            "text",
            "folded",
        ],
    )


def index_pages(pks, bits=None, restricted=None):
    """Write the documents of these pages that are live, public sheets and remove the others'.
    Returns the numbers of documents written and removed."""
    pks = list(pks)
    if not pks:
        return 0, 0
    bits = bits or FacetBits()
    restricted = restricted_paths() if restricted is None else restricted
    rows = [
        build_row(sheet, bits)
        for sheet in sheets_with_relations(pks).filter(live=True, alias_of__isnull=True)
        if not is_restricted(sheet.path, restricted)
    ]
    written = {row.page_id for row in rows}
    stale = [pk for pk in pks if pk not in written]
    removed, _ = PracticeSearchDocument.objects.filter(page_id__in=stale).delete()
    write_rows(rows)
    return len(rows), removed


def safely(function):
    """Run an update of the search table without ever failing the edit that triggered it: the
    error is logged, and `rebuild_practice_search` repairs the table."""

    def wrapper(*args, **kwargs):
        try:
            with transaction.atomic():
                return function(*args, **kwargs)
        except Exception:
            logger.exception("The practice search table could not be updated")
            return None

    wrapper.__name__ = function.__name__
    wrapper.__doc__ = function.__doc__
    return wrapper


@safely
def sync_page(page):
    """A sheet was published: its document follows its live version."""
    index_pages([page.pk])


@safely
def remove_page(page):
    """A sheet was unpublished or deleted."""
    PracticeSearchDocument.objects.filter(page_id=page.pk).delete()


def subtree_sheet_ids(page):
    return PracticeSheetPage.objects.filter(path__startswith=page.path).values_list("pk", flat=True)


@safely
def sync_subtree(page):
    """A page moved, or lost a view restriction: its sheets may have changed status."""
    bits, restricted = FacetBits(), restricted_paths()
    ids = list(subtree_sheet_ids(page))
    for start in range(0, len(ids), CHUNK_SIZE):
        index_pages(ids[start : start + CHUNK_SIZE], bits, restricted)


@safely
def remove_subtree(page):
    """A page became private: none of its sheets may be found."""
    PracticeSearchDocument.objects.filter(page__path__startswith=page.path).delete()


@safely
def sync_authority(authority):
    """The referential changed an authority (population, région): its members' sheets follow."""
    PracticeSearchDocument.objects.filter(page__member__authority=authority).update(
        **place_facets(authority)
    )


@safely
def sync_member(member):
    """A member profile was published, maybe with another authority."""
    PracticeSearchDocument.objects.filter(page__member_id=member.pk).update(
        **place_facets(member.authority)
    )


@safely
def release_bit(facet, key):
    """A term or principle was deleted: once no language keeps it, its bit is cleared from
    every document and may stand for another one."""
    facet_bit = FacetBit.objects.filter(facet=facet, key=key).first()
    if facet_bit is None:
        return
    column = {facet: column for _field, facet, column in TERM_FIELDS}[facet]
    mask = 1 << facet_bit.bit
    having_it = (
        PracticeSearchDocument.objects.annotate(bit=F(column).bitand(mask))
        .exclude(bit=0)
        .values("page_id")
    )
    PracticeSearchDocument.objects.filter(page_id__in=Subquery(having_it)).update(
        **{column: F(column).bitand(~mask)}
    )
    facet_bit.delete()


@contextmanager
def summary_deferred():
    """Count the facets once at the end rather than after every statement (PostgreSQL)."""
    if not uses_postgres():
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT set_config('search.defer_summary', 'on', false)")
        try:
            yield
        finally:
            cursor.execute("SELECT set_config('search.defer_summary', 'off', false)")
            cursor.execute("SELECT search_refresh_facet_summary()")


def rebuild(progress=None):
    """Write the documents of every live, public sheet and drop every other document.
    Returns the numbers of documents written and removed."""
    bits, restricted = FacetBits(), restricted_paths()
    with summary_deferred():
        removed, _ = PracticeSearchDocument.objects.filter(
            Q(page__live=False) | Q(page__alias_of__isnull=False)
        ).delete()
        ids = list(
            PracticeSheetPage.objects.filter(live=True, alias_of__isnull=True)
            .order_by("pk")
            .values_list("pk", flat=True)
        )
        written = 0
        for start in range(0, len(ids), CHUNK_SIZE):
            with transaction.atomic():
                chunk_written, chunk_removed = index_pages(
                    ids[start : start + CHUNK_SIZE], bits, restricted
                )
            written += chunk_written
            removed += chunk_removed
            if progress:
                progress(min(start + CHUNK_SIZE, len(ids)), len(ids))
    return written, removed

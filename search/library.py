"""The practice library's search: French (or English) full text, filters with a count per
value, sort by relevance or date, pages, and the matching passage of each result.

Rules, each tested in tests/search/: only the search table is read, which holds live,
public sheets only (search/documents.py), in the language of the page; filter values that
do not exist are ignored; values of one filter add up (OR), filters combine (AND), and the
counts of a filter's values are those the visitor would get by ticking them, the other
filters being kept ("multi-select" faceting). The number of SQL queries does not depend on
the number of sheets, results or filters.

On PostgreSQL the text is matched by `websearch_to_tsquery` (quotes for a phrase, `-` to
exclude, `or`; never an error on punctuation) against the GIN-indexed vector; one query
counts every facet value with GROUPING SETS over bit masks, one fetches the page of results,
one highlights the passages of the shown rows only. On SQLite, which `make run` uses, words
are matched as accent-folded substrings, with less linguistic finesse."""

import functools
import json
import re
from contextlib import contextmanager
from dataclasses import dataclass, field
from types import SimpleNamespace

from django.db import connection
from django.db.models import F, OuterRef, Subquery, Value
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.models import Page

from home.page_urls import url_of
from knowledge.models import Audience, Phase, PracticeSheetPage, Principle, Theme
from members.models import Authority
from members.models.directory import POPULATION_BRACKETS
from members.referential import region_name

from .documents import text_search_config, uses_postgres
from .highlight import highlight, simple_terms
from .models import FIRST_YEAR, MAX_BITS, FacetBit, PracticeSearchDocument
from .phrases import text_plan
from .text import fold

PER_PAGE = 20
# Like Elasticsearch's max_result_window: deeper pages cost more and nobody reads them.
MAX_RESULTS = 10_000
# Up to this many matches, results are ordered by PostgreSQL's full rank (ts_rank_cd over
# title, summaries and sections); beyond, title matches come first and the others by date,
# which needs no text of the rows and keeps a frequent word fast at 100,000 sheets.
FULL_RANK_LIMIT = 1_000
# Weights of ts_rank_cd for D, C (sections), B (summaries), A (title).
RANK_WEIGHTS = "{0.05, 0.2, 0.5, 1.0}"
# A query of words only cannot hold a phrase: no need to plan it (see PostgresEngine).
PLAIN_WORDS = re.compile(r"\s*[^\W_]+(?:\s+[^\W_]+)*\s*")
SORTS = {"relevance": _("pertinence"), "date": _("date de publication")}


@dataclass
class Facet:
    """A filter of the library: its GET parameter, legend and column of the search table.
    `bits` facets are masks (several values per sheet), the others one code per sheet."""

    name: str
    legend: str
    column: str
    bits: bool


FACETS = [
    Facet("phase", _("Phase du budget"), "phases", True),
    Facet("theme", _("Thème"), "themes", True),
    Facet("audience", _("Public visé"), "audiences", True),
    Facet("principle", _("Principe de la charte"), "principles", True),
    Facet("region", _("Région"), "region", False),
    Facet("kind", _("Type de collectivité"), "kind", False),
    Facet("population", _("Population"), "population", False),
    Facet("year", _("Année de la pratique"), "years", True),
]
TAXONOMIES = {"phase": Phase, "theme": Theme, "audience": Audience}
# The sets the matches are grouped by first (with the filter a row fails). PostgreSQL fills
# one hash table per set, ~3 ms per 25,000 matches, so facets share sets: the total with
# the three facets of the authority, and bit masks in pairs. Their groups (combinations of
# values, not sheets: a thousand or so) are then split by column (facet_counts).
GROUPING_SETS = [
    ("in_title", "region", "kind", "population"),
    ("phases", "audiences"),
    ("principles", "years"),
    ("themes",),
]


@dataclass
class Option:
    """A value of a facet: its URL value, its label in the active language, its bit."""

    value: str
    label: str
    bit: int | None = None


def vocabulary_rows():
    """Every taxonomy term and principle of a live charter, in every language, with its bit
    (None when it has none yet): one UNION query."""

    def rows(model, taxonomy, slug, name):
        bit = FacetBit.objects.filter(facet=taxonomy, key=OuterRef("translation_key"))
        columns = {
            "taxonomy": Value(taxonomy),
            "key": F("translation_key"),
            "locale": F("locale_id"),
            "slug": slug,
            "name": name,
            "order": F("sort_order"),
            "id": F("pk"),
            "bit": Subquery(bit.values("bit")[:1]),
        }
        # Annotations only, named apart from the fields, so that every part of the union
        # has the same columns in the same order.
        return model.objects.annotate(**{f"v_{key}": value for key, value in columns.items()})

    parts = [rows(model, name, F("slug"), F("name")) for name, model in TAXONOMIES.items()]
    parts.append(rows(Principle, "principle", Value(""), F("title")).filter(page__live=True))
    fields = ["taxonomy", "key", "locale", "slug", "name", "order", "id", "bit"]
    parts = [part.values(*[f"v_{field}" for field in fields]).order_by() for part in parts]
    names = {
        "key": "translation_key",
        "locale": "locale_id",
        "order": "sort_order",
        "id": "pk",
    }
    return [
        {names.get(field, field): row[f"v_{field}"] for field in fields}
        for row in parts[0].union(*parts[1:], all=True)
    ]


class Vocabulary:
    """Every value of every facet in the active language, with its bit, from `rows` (those
    of `vocabulary_rows`, which one query reads)."""

    def __init__(self, locale, rows):
        self.locale = locale
        self.options = {facet.name: {} for facet in FACETS}
        terms, principles = [], []
        for row in rows:
            (principles if row["taxonomy"] == "principle" else terms).append(row)
        self._load_terms(terms)
        self._load_principles(principles)
        for code, label in Authority.Kind.choices:
            self.options["kind"][code] = Option(code, label)
        for key, (label, _low, _high) in POPULATION_BRACKETS.items():
            self.options["population"][key] = Option(key, label)
        for year in range(timezone.localdate().year, FIRST_YEAR - 1, -1):
            self.options["year"][str(year)] = Option(str(year), str(year), bit=year - FIRST_YEAR)

    def _load_terms(self, rows):
        for name, row in sorted(
            self._in_locale(rows, "taxonomy").items(),
            key=lambda item: (item[1]["sort_order"], item[1]["name"].casefold()),
        ):
            taxonomy = name[0]
            self.options[taxonomy][row["slug"]] = Option(row["slug"], row["name"], bit=row["bit"])

    def _load_principles(self, rows):
        chosen = self._in_locale(rows)
        for (_key,), row in sorted(chosen.items(), key=lambda item: item[1]["sort_order"] or 0):
            number = str((row["sort_order"] or 0) + 1)
            self.options["principle"][number] = Option(
                number, f"{number}. {row['name']}", bit=row["bit"]
            )

    def _in_locale(self, rows, *group):
        """One row per translation key: the active language's, else the oldest."""
        chosen = {}
        for row in sorted(rows, key=lambda row: row["pk"]):
            key = (*[row[name] for name in group], row["translation_key"])
            current = chosen.get(key)
            if current is None or (
                row["locale_id"] == self.locale.pk and current["locale_id"] != self.locale.pk
            ):
                chosen[key] = row
        return chosen

    def region(self, code):
        if code not in self.options["region"]:
            name = region_name(code)
            if name is None:
                return None
            self.options["region"][code] = Option(code, name)
        return self.options["region"][code]

    def option(self, facet, value):
        if facet.name == "region":
            return self.region(value)
        return self.options[facet.name].get(value)


@dataclass
class Filter:
    """The values of a facet ticked in the query string."""

    facet: Facet
    options: list

    @property
    def mask(self):
        mask = 0
        for option in self.options:
            if option.bit is not None and 0 <= option.bit < MAX_BITS:
                mask |= 1 << option.bit
        return mask

    @property
    def values(self):
        return [option.value for option in self.options]

    def accepts(self, value):
        if self.facet.bits:
            return bool(value & self.mask)
        return value in self.values


def parse_filters(params, vocabulary):
    """The known values of each facet in the query string; anything else is ignored."""
    filters = []
    for facet in FACETS:
        options = []
        for value in params.getlist(facet.name):
            option = vocabulary.option(facet, value.strip()[:20]) if value else None
            if option is not None and option not in options:
                options.append(option)
        if options:
            filters.append(Filter(facet, options))
    return filters


@dataclass
class Result:
    sheet: object  # a row of `result_rows`
    title_html: str
    passage_html: str


@dataclass
class Search:
    """What the library shows for a query string."""

    locale: object
    query: str
    filters: list
    sort: str
    page_number: int
    total: int = 0
    counts: dict = field(default_factory=dict)
    results: list = field(default_factory=list)

    @property
    def offset(self):
        return (self.page_number - 1) * PER_PAGE


def run(request, locale, query, filters, sort, page_number, batch=None):
    """Search the library: total, facet counts and one page of highlighted results (their
    highlighting sent with the `batch` when one is given: the results are there once it has
    run)."""
    search = Search(locale, query, filters, sort, page_number)
    engine = engine_for(locale, query, filters)
    with engine.session():
        search.total, search.counts = engine.facet_counts()
        search.page_number = clamp_page(search.page_number, search.total)
        ids = engine.ranked_ids(sort, search.total, PER_PAGE, search.offset) if search.total else []
    sheets = result_rows(ids, request)
    texts = [document_texts(sheet) for sheet in sheets]

    def show(marks):
        # In place: the page of results shown already holds this list.
        search.results[:] = [
            Result(sheet, title, passage)
            for sheet, (title, passage) in zip(sheets, marks, strict=True)
        ]

    highlight(texts, query, engine.config, show, batch)
    return search


def engine_for(locale, query, filters):
    engine = PostgresEngine if uses_postgres() else SimpleEngine
    return engine(locale, query, filters)


def sheets_in_order(ids, with_texts=False):
    """The sheets of these ids, in their order; `with_texts`: with the title and text of
    their search documents (`document_title`, `document_text`), in the same query."""
    pages = PracticeSheetPage.objects.filter(pk__in=ids).select_related(
        "member__authority", "locale"
    )
    if with_texts:
        pages = pages.annotate(**document_fields())
    by_pk = {page.pk: page for page in pages} if ids else {}
    return [by_pk[pk] for pk in ids if pk in by_pk]


def result_rows(ids, request):
    """What a result shows of the sheets of these ids, in their order: title, link, years,
    member and its région, and the title and text of the search document that the passage
    is chosen from; one query of values (as page objects with their member and authority,
    ten sheets cost 11 ms)."""
    rows = PracticeSheetPage.objects.filter(pk__in=ids).values(
        "pk",
        "title",
        "url_path",
        "year_start",
        "year_end",
        member_title=F("member__title"),
        region=F("member__authority__region"),
        **document_fields(),
    )
    by_pk = {row["pk"]: SimpleNamespace(**row) for row in rows} if ids else {}
    sheets = [by_pk[pk] for pk in ids if pk in by_pk]
    for sheet in sheets:
        sheet.url = url_of(sheet.url_path, request)
    return sheets


def document_fields():
    """The title and text of a sheet's search document, as annotations of a sheet query."""
    documents = PracticeSearchDocument.objects.filter(page_id=OuterRef("pk"))
    return {
        "document_title": Subquery(documents.values("title")[:1]),
        "document_text": Subquery(documents.values("text")[:1]),
    }


def document_texts(sheet):
    """(title, text) of a sheet loaded `with_texts`, or of a row of `result_rows`, as its
    passage is chosen from."""
    if sheet.document_title is None:
        return sheet.title, ""
    return sheet.document_title, sheet.document_text


def clamp_page(page_number, total):
    last = max(1, -(-min(total, MAX_RESULTS) // PER_PAGE))
    return min(max(page_number, 1), last)


class PostgresEngine:
    def __init__(self, locale, query, filters):
        self.query = query
        self.filters = filters
        self.config = text_search_config(locale.language_code)
        self.params = {"locale": locale.pk, "config": self.config, "q": query}
        self.text_conditions = [f"d.vector @@ {self.tsquery}"] if query else []
        self.conditions = []
        # Matches with the query in their title, known once counted (see ranked_ids).
        self.title_total = 0
        for index, active in enumerate(filters, start=1):
            name = f"f{index}"
            if active.facet.bits:
                self.params[name] = active.mask
                self.conditions.append(f"(d.{active.facet.column} & %({name})s) <> 0")
            else:
                self.params[name] = active.values
                self.conditions.append(f"d.{active.facet.column} = ANY(%({name})s)")

    @contextmanager
    def session(self):
        """Statements of one search. A query that may hold a phrase (anything but words and
        spaces) is first turned into PostgreSQL's tsquery text, to plan how it is matched."""
        with connection.cursor() as cursor:
            self.cursor = cursor
            if self.query and not PLAIN_WORDS.fullmatch(self.query):
                self.execute(f"SELECT {self.tsquery}::text")
                plan = text_plan(cursor.fetchone()[0] or "")
                if plan:
                    self.params.update(words=plan.words, pairs=plan.pairs)
                    self.text_conditions = ["d.word_pairs @@ %(pairs)s::tsquery"]
                    if plan.words:
                        self.text_conditions.append("d.vector @@ %(words)s::tsquery")
            yield

    def execute(self, sql, params=None):
        """Run a statement after the planner settings, in one round trip: the settings hold
        for the statements sent together (one implicit transaction), and no savepoint is
        needed. A frequent word matches a quarter of the rows: the planner would rather read
        them all, vectors included, than use the GIN index. The table's size (PostgreSQL's
        estimate) chooses how matches are read in date order (newest_first)."""
        self.cursor.execute(
            "SELECT set_config('enable_seqscan', %(seqscan)s, true), "
            "(SELECT reltuples FROM pg_class "
            "WHERE oid = 'search_practicesearchdocument'::regclass); " + sql,
            {**self.params, **(params or {}), "seqscan": "off" if self.query else "on"},
        )
        self.table_size = self.cursor.fetchone()[1]
        self.cursor.nextset()

    @property
    def tsquery(self):
        return "websearch_to_tsquery(%(config)s::regconfig, %(q)s)"

    def where(self, conditions):
        clauses = ["d.locale_id = %(locale)s", *self.text_conditions]
        return " AND ".join(clauses + list(conditions))

    @property
    def in_title(self):
        return f"d.title_vector @@ {self.tsquery}" if self.query else "false"

    def count(self):
        self.execute(
            f"SELECT count(*), count(*) FILTER (WHERE {self.in_title}) "
            f"FROM search_practicesearchdocument d WHERE {self.where(self.conditions)}",
            self.params,
        )
        total, self.title_total = self.cursor.fetchone()
        return total

    def facet_counts(self):
        """The total and the counts of every facet value, in one query: rows that fail at
        most one filter, grouped by the filter they fail and by each set of GROUPING_SETS.
        Without a query nor a filter, the counts a trigger keeps (search.models.FacetSummary)."""
        if not self.query and not self.filters:
            self.execute(
                "SELECT rows FROM search_facetsummary WHERE locale_id = %(locale)s", self.params
            )
            summary = self.cursor.fetchone()
            rows = summary[0] if summary else []
            rows = json.loads(rows) if isinstance(rows, str) else rows
            return self.tally([[*row, False] for row in rows])
        columns = [facet.column for facet in FACETS]
        in_title = f"({self.in_title}) IS TRUE"
        rows = (
            f"SELECT {', '.join(f'd.{column}' for column in columns)}, 0 AS failed, "
            f"{in_title} AS in_title FROM search_practicesearchdocument d WHERE {self.where([])}"
        )
        if self.conditions:
            rows = self.rows_failing_at_most_one(columns, in_title)
        values = ", ".join(columns)
        shared = ", ".join(f"(failed, {', '.join(group)})" for group in GROUPING_SETS)
        single = ", ".join(f"(failed, {column})" for column in ["in_title", *columns])
        groupings = ", ".join(f"GROUPING({column})" for column in columns)
        # The shared sets' groups (a thousand or so) are split by column in SQL, in
        # microseconds, rather than in Python. A NULL value is a column a set left out.
        self.execute(
            f"SELECT {groupings}, failed, {values}, sum(n)::bigint, in_title FROM ("
            f"SELECT failed, {values}, in_title, count(*) AS n "
            f"FROM ({rows}) s GROUP BY GROUPING SETS ({shared})"
            f") p GROUP BY GROUPING SETS ({single})",
            self.params,
        )
        return self.tally(self.cursor.fetchall())

    def rows_failing_at_most_one(self, columns, in_title):
        """The matches that fail at most one filter, with the index of the filter they fail
        (0: none). A row that fails a filter counts for that filter's values only: its other
        values and whether its title matches are left out (NULL), so that such rows fall in
        fewer groups (5 ms less at 100,000 sheets)."""
        failed = (
            "CASE "
            + " ".join(
                f"WHEN NOT ({condition}) THEN {index}"
                for index, condition in enumerate(self.conditions, start=1)
            )
            + " ELSE 0 END"
        )
        at_most_one = " + ".join(f"(NOT ({condition}))::int" for condition in self.conditions)
        filter_of = {active.facet.column: index for index, active in enumerate(self.filters, 1)}
        kept = [
            f"CASE WHEN failed IN (0, {filter_of[column]}) THEN {column} END AS {column}"
            if column in filter_of
            else f"CASE WHEN failed = 0 THEN {column} END AS {column}"
            for column in columns
        ]
        inner = ", ".join(f"d.{column}" for column in [*columns, "title_vector"])
        # OFFSET 0 keeps the inner query whole: inlined, `failed` would be computed again
        # for each column.
        return (
            f"SELECT {', '.join(kept)}, failed, "
            f"CASE WHEN failed = 0 THEN {in_title} END AS in_title "
            f"FROM (SELECT {inner}, {failed} AS failed FROM search_practicesearchdocument d "
            f"WHERE {self.where([f'{at_most_one} <= 1'])} OFFSET 0) d"
        )

    def tally(self, rows):
        """(total, counts) from rows of GROUPING() flags, failed filter, values, count and
        whether the title matches. A row is grouped by one facet, or by none: then it is a
        total, unless it does not know whether the title matches (NULL: the rows of the
        other sets)."""
        size = len(FACETS)
        total, tally = 0, Tally(self.filters)
        self.title_total = 0
        for row in rows:
            grouped = row[:size]
            failed_index, values, count, in_title = row[size], row[size + 1 : -2], *row[-2:]
            if all(grouped):
                if in_title is not None and failed_index == 0:
                    total += count
                    self.title_total += count if in_title else 0
                continue
            position = grouped.index(0)
            tally.add(FACETS[position], values[position], count, failed_index)
        return total, tally.counts

    def ranked_ids(self, sort, total, limit, offset):
        """A page of ids: by date; or title matches first, then by PostgreSQL's rank (up to
        FULL_RANK_LIMIT results) or by date. Beyond, the two tiers are two subqueries that
        each stop after the page, rather than one that sorts every match; or, when both
        would read their matches whole (few matches, as with filters), one read of them."""
        newest = "d.first_published_at DESC, d.page_id DESC"
        params = {**self.params, "limit": limit, "offset": offset, "first": offset + limit}
        where = self.where(self.conditions)
        if sort == "relevance" and self.query and total <= FULL_RANK_LIMIT:
            rank = f"ts_rank_cd('{RANK_WEIGHTS}', d.vector, {self.tsquery}, 1)"
            sql = (
                f"SELECT d.page_id FROM search_practicesearchdocument d WHERE {where} "
                f"ORDER BY ({self.in_title}) DESC, {rank} DESC, {newest}"
            )
        elif sort == "relevance" and self.query:
            tiers = [
                (tier, condition, size)
                for tier, condition, size in (
                    # "IS TRUE" keeps the title's index out: ANDed with the text's, its rows
                    # would be checked again, text included (a phrase: 0.3 s at 100,000).
                    (0, f"({self.in_title}) IS TRUE", self.title_total),
                    (1, f"({self.in_title}) IS NOT TRUE", total - self.title_total),
                )
                if size
            ]
            if all(self.reads_whole(size, offset + limit) for _tier, _condition, size in tiers):
                # Both tiers would read their matches whole: read them once.
                sql = (
                    f"WITH matches AS MATERIALIZED (SELECT d.page_id, d.first_published_at, "
                    f"({self.in_title}) IS TRUE AS in_title "
                    f"FROM search_practicesearchdocument d WHERE {where}) "
                    f"SELECT page_id FROM matches d ORDER BY in_title DESC, {newest}"
                )
            else:
                parts = [
                    f"(SELECT page_id, {tier} AS tier, first_published_at "
                    f"FROM ({self.newest_first(condition, size, offset + limit)}) d)"
                    for tier, condition, size in tiers
                ]
                sql = (
                    f"SELECT page_id FROM ({' UNION ALL '.join(parts)}) d "
                    "ORDER BY tier, d.first_published_at DESC, d.page_id DESC"
                )
        else:
            sql = f"SELECT page_id FROM ({self.newest_first('true', total, offset + limit)}) d"
        self.execute(f"{sql} LIMIT %(limit)s OFFSET %(offset)s", params)
        return [row[0] for row in self.cursor.fetchall()]

    def reads_whole(self, size, first):
        """Whether the `first` newest of `size` matches are best found by reading the
        matches whole rather than walking the date index (see newest_first)."""
        walked = first * max(self.table_size or 0, size) / max(size, 1)
        return bool(self.query) and walked > size

    def newest_first(self, condition, size, first):
        """The `first` newest of the `size` matches that meet `condition`, newest first. The
        date index is walked, checking each row, until the page is full: about first ×
        sheets / size rows, few when the matches are many, all of them when they are few (a
        phrase nearly always in the title leaves a handful of other matches: 8 s at 100,000
        sheets). So when the walk would read more rows than there are matches, the matches
        are read whole through the GIN indexes and sorted instead."""
        newest = "d.first_published_at DESC, d.page_id DESC"
        matches = (
            "SELECT d.page_id, d.first_published_at FROM search_practicesearchdocument d "
            f"WHERE {self.where([*self.conditions, condition])}"
        )
        if not self.reads_whole(size, first):
            return f"{matches} ORDER BY {newest} LIMIT %(first)s"
        # Materialized, without an order, the matches come from the GIN indexes.
        return (
            f"WITH matches AS MATERIALIZED ({matches}) SELECT page_id, first_published_at "
            f"FROM matches d ORDER BY {newest} LIMIT %(first)s"
        )


class Tally:
    """Counts per facet value: a row that fails one filter counts for that filter's values
    only, as if the visitor unticked it; a row that fails none counts everywhere."""

    def __init__(self, filters):
        self.positions = {active.facet.name: index for index, active in enumerate(filters, 1)}
        self.counts = {facet.name: {} for facet in FACETS}

    def add(self, facet, value, count, failed_index):
        if value is None or failed_index not in (0, self.positions.get(facet.name)):
            return
        counts = self.counts[facet.name]
        if facet.bits:
            for bit in bits_of(value):
                counts[bit] = counts.get(bit, 0) + count
        elif value:
            counts[value] = counts.get(value, 0) + count


@functools.lru_cache(maxsize=4096)
def bits_of(mask):
    """The positions of the bits set in `mask`."""
    return tuple(bit for bit in range(mask.bit_length()) if mask >> bit & 1)


class SimpleEngine:
    """Any database without PostgreSQL's text search: words as accent-folded substrings of
    the search table's text, counting and ordering in Python (a development database has
    few sheets)."""

    config = None

    def __init__(self, locale, query, filters):
        self.locale = locale
        self.query = query
        self.filters = filters

    @contextmanager
    def session(self):
        self.rows = self.read()
        yield

    def read(self):
        documents = PracticeSearchDocument.objects.filter(locale=self.locale)
        self.include, exclude = simple_terms(self.query) if self.query else ([], [])
        if self.query and not self.include:
            return []
        for term in self.include:
            documents = documents.filter(folded__contains=term)
        for term in exclude:
            documents = documents.exclude(folded__contains=term)
        columns = [facet.column for facet in FACETS]
        rows = documents.values_list("page_id", "first_published_at", "title", *columns)
        return [(page_id, date, fold(title), *values) for page_id, date, title, *values in rows]

    def failed_filters(self, values):
        return [
            index
            for index, active in enumerate(self.filters, start=1)
            if not active.accepts(values[FACETS.index(active.facet)])
        ]

    def matching(self):
        return [row for row in self.rows if not self.failed_filters(row[3:])]

    def count(self):
        return len(self.matching())

    def facet_counts(self):
        tally = Tally(self.filters)
        for row in self.rows:
            failed = self.failed_filters(row[3:])
            if len(failed) <= 1:
                for facet, value in zip(FACETS, row[3:], strict=True):
                    tally.add(facet, value, 1, failed[0] if failed else 0)
        return self.count(), tally.counts

    def ranked_ids(self, sort, total, limit, offset):
        rows = self.matching()
        if sort == "relevance" and self.include:
            rows.sort(
                key=lambda row: (all(term in row[2] for term in self.include), row[1], row[0]),
                reverse=True,
            )
        else:
            rows.sort(key=lambda row: (row[1], row[0]), reverse=True)
        return [row[0] for row in rows[offset : offset + limit]]


def principle_sheets(request, locale, principles, size):
    """For each principle (annotated with its search `bit`, None if no sheet ever had it):
    how many live, public sheets of `locale` illustrate it, and the `size` newest of them
    as links ({"title", "url"}), as `principle.sheet_count` and `principle.sheets`. Two
    queries whatever the number of sheets: the counts (PostgreSQL keeps them, see
    FacetSummary), then the titles and paths, chosen by one `ORDER BY … LIMIT` per
    principle that walks the search table's date index."""
    with_bits = [p for p in principles if p.bit is not None and 0 <= p.bit < MAX_BITS]
    counts, rows = {}, []
    if with_bits:
        counts = unfiltered_counts(locale)[1]["principle"]
        documents = PracticeSearchDocument.objects.filter(locale=locale).order_by(
            "-first_published_at", "-page_id"
        )
        # Each limited part is a subquery of its own: SQLite allows no LIMIT in a UNION.
        newest = [
            PracticeSearchDocument.objects.order_by()
            .filter(
                page_id__in=documents.annotate(
                    has_principle=F("principles").bitand(1 << principle.bit)
                )
                .filter(has_principle__gt=0)
                .values("page_id")[:size]
            )
            .values("page_id")
            for principle in with_bits
        ]
        mask = PracticeSearchDocument.objects.filter(page_id=OuterRef("pk")).values("principles")
        # Titles and paths only: a link needs no page object (home/page_urls.py).
        rows = (
            Page.objects.filter(pk__in=newest[0].union(*newest[1:], all=True))
            .annotate(principle_mask=Subquery(mask[:1]))
            .order_by("-first_published_at", "-pk")
            .values_list("title", "url_path", "principle_mask")
        )
    for principle in principles:
        has_bit = principle in with_bits
        principle.sheet_count = counts.get(principle.bit, 0) if has_bit else 0
        principle.sheets = [
            {"title": title, "url": url_of(url_path, request)}
            for title, url_path, principle_mask in rows
            if has_bit and principle_mask & (1 << principle.bit)
        ][:size]
    return principles


def unfiltered_counts(locale):
    """(total, facet counts) of every live, public sheet of `locale`, as the library shows
    them before any search: kept up to date by PostgreSQL (FacetSummary) rather than counted
    at each visit."""
    engine = engine_for(locale, "", [])
    with engine.session():
        return engine.facet_counts()


def sheet_count(locale):
    """How many live, public sheets `locale` has."""
    return unfiltered_counts(locale)[0]

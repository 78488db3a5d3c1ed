"""The practice library's search: French (or English) full text, filters with a count per
value, sort by relevance or date, pages, and the matching passage of each result.

Rules, each tested in tests/search/: only the search tables are read, which hold live,
public sheets only (search/documents.py), in the language of the page; filter values that
do not exist are ignored; values of one filter add up (OR), filters combine (AND), and the
counts of a filter's values are those the visitor would get by ticking them, the other
filters being kept ("multi-select" faceting). The number of SQL queries does not depend on
the number of sheets, results or filters.

On PostgreSQL the text is matched by `websearch_to_tsquery` (quotes for a phrase, `-` to
exclude, `or`; never an error on punctuation) against the GIN-indexed vectors (a narrow
table of their own). One query reads the ids of the matches; the facet columns each
process keeps (search/columns.py) filter, count and order them. One more statement reads
the page of results, which it ranks: up to FULL_RANK_LIMIT matches by PostgreSQL's rank,
beyond, by title match and date. The passages of its rows only are highlighted. On
SQLite, which `make run` uses, words are matched as accent-folded substrings, with less
linguistic finesse; passages are chosen and marked alike on both (search/highlight.py)."""

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

import numpy as np

from home.page_urls import url_of
from knowledge.models import Audience, Phase, Principle, Theme
from members.models import Authority
from members.models.directory import POPULATION_BRACKETS
from members.referential import region_name

from .batch import Batch, several_statements_cursor
from .columns import FacetColumns, kept_columns
from .documents import text_search_config, uses_postgres
from .highlight import highlight, simple_terms
from .models import FIRST_YEAR, MAX_BITS, FacetBit, PracticeSearchDocument
from .phrases import text_plan
from .text import fold

PER_PAGE = 20
# Sequential scans off when there is a query (PostgresEngine.execute), for this transaction.
PLANNER_SETTING = "set_config('enable_seqscan', %(seqscan)s, true)"
# The version of the search table (search.models.SearchTableVersion), in a statement.
TABLE_VERSION = "(SELECT number FROM search_searchtableversion WHERE id = 1)"
# Like Elasticsearch's max_result_window: deeper pages cost more and nobody reads them.
MAX_RESULTS = 10_000
# Up to this many matches, results are ordered by PostgreSQL's full rank (ts_rank_cd over
# title, summaries and sections); beyond, title matches come first and the others by date,
# which needs no text of the rows (search/columns.py orders them).
FULL_RANK_LIMIT = 1_000
# Beyond FULL_RANK_LIMIT, the titles of this many times the results shown are checked
# first (PostgresEngine.titles_first): a word in one title out of four fills the page.
TITLE_CANDIDATES = 4
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
    of `vocabulary_rows`, which one query reads). Kept for a generation of the page cache
    and shared by its requests (search/views.py): a région is added when first met, the
    same for every request."""

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


def run(request, locale, query, filters, sort, page_number, along=None, meanwhile=None):
    """Search the library: total, facet counts and one page of highlighted results (see
    `started`)."""
    with started(request, locale, query, filters, sort, page_number, along, meanwhile) as search:
        return search()


@contextmanager
def started(request, locale, query, filters, sort, page_number, along=None, meanwhile=None):
    """Start a search of the library: with a query, its matches are sent to PostgreSQL at
    once (for a frequent word, the longest of its statements), and the block runs while it
    finds them. The block is given a function that finishes the search and returns it, the
    same each time: the first call waits for the matches, then reads the total, the facet
    counts and a page of highlighted results. The page's rows are read in one round trip
    (search/batch.py), with the statements that `along(batch, total)` adds, if given;
    `meanwhile(search)`, if given, is work that needs the counts but not the database, done
    while PostgreSQL reads the page."""
    engine = engine_for(locale, query, filters)
    with matching(engine) as matched:

        @functools.cache
        def finished():
            matched()
            search = Search(locale, query, filters, sort, page_number)
            sheets = read_page(engine, search, along, meanwhile)
            return highlighted(search, sheets, request)

        yield finished


@contextmanager
def matching(engine):
    """The engine's session, its matches sent (Engine.add_matches): the block runs while
    PostgreSQL finds them, and is given a function that waits for them (Batch.running)."""
    with engine.session():
        batch = Batch()
        engine.add_matches(batch)
        with batch.running() as matched:
            yield matched


def read_page(engine, search, along, meanwhile):
    """The rows of the search's page of results, once its total and facets are counted."""
    sheets = []
    search.total = engine.count()
    search.page_number = clamp_page(search.page_number, search.total)
    batch = Batch()
    if search.total:
        engine.add_page_rows(batch, search.sort, PER_PAGE, search.offset, sheets.extend)
    if along is not None:
        along(batch, search.total)
    # The facets are counted (~2 ms of numpy for a frequent word) while PostgreSQL reads
    # the page: its round trip costs no more than the longer of the two.
    with batch.running():
        search.counts = engine.facet_counts()
        if meanwhile is not None:
            meanwhile(search)
    return sheets


def highlighted(search, sheets, request):
    """The search with its results: these rows, their title and passage marked."""
    sheets = [with_url(sheet, request) for sheet in sheets]
    marks = highlight(
        [document_texts(sheet) for sheet in sheets], search.query, search.locale.language_code
    )
    search.results = [
        Result(sheet, title, passage) for sheet, (title, passage) in zip(sheets, marks, strict=True)
    ]
    return search


def engine_for(locale, query, filters):
    engine = PostgresEngine if uses_postgres() else SimpleEngine
    return engine(locale, query, filters)


# A result's columns, for the sheets of `{shown}`: SQL giving their ids, their places in
# the page and whether their titles match the query. The columns are its page, its member's
# page and authority, and its search document (the title and text its passage is chosen
# from; none if it has just been removed from the search table).
RESULT_ROWS = """
    WITH shown (id, place, in_title) AS ({shown})
    SELECT sheet.page_ptr_id, page.title, page.url_path, sheet.year_start, sheet.year_end,
        member.title, authority.region, document.title, document.text, shown.in_title
    FROM shown
    JOIN knowledge_practicesheetpage sheet ON sheet.page_ptr_id = shown.id
    JOIN wagtailcore_page page ON page.id = sheet.page_ptr_id
    JOIN wagtailcore_page member ON member.id = sheet.member_id
    JOIN members_memberpage member_page ON member_page.page_ptr_id = sheet.member_id
    JOIN members_authority authority ON authority.id = member_page.authority_id
    LEFT JOIN search_practicesearchdocument document ON document.page_id = sheet.page_ptr_id
    ORDER BY shown.place
"""
RESULT_FIELDS = [
    "pk",
    "title",
    "url_path",
    "year_start",
    "year_end",
    "member_title",
    "region",
    "document_title",
    "document_text",
    "in_title",
]


def rows_of(ids):
    """The statement of RESULT_ROWS for the sheets of these ids, in their order, and its
    parameters: one statement, written out, for any database. As page objects with their
    member and authority, ten sheets cost 11 ms; as the ORM's values, compiling the query
    costs more Python (~2.5 ms) than PostgreSQL takes to run it."""
    values = ", ".join(f"(CAST(%s AS integer), {place}, FALSE)" for place in range(len(ids)))
    return RESULT_ROWS.format(shown=f"VALUES {values}"), list(ids)


def sheet_rows(rows):
    """The rows of RESULT_ROWS as objects, each field an attribute (RESULT_FIELDS)."""
    return [SimpleNamespace(**dict(zip(RESULT_FIELDS, row, strict=True))) for row in rows]


def with_url(row, request):
    """The row of a result, given the link of its `url_path`."""
    row.url = url_of(row.url_path, request)
    return row


def result_rows(ids, request):
    """What a result shows of the sheets of these ids, in their order: title, link, years,
    member and its région, and the title and text of the search document that the passage
    is chosen from."""
    return [with_url(sheet, request) for sheet in read_rows(ids)]


def read_rows(ids):
    """The rows of the sheets of these ids (`sheet_rows`), in their order, in one query."""
    if not ids:
        return []
    with connection.cursor() as cursor:
        cursor.execute(*rows_of(ids))
        return sheet_rows(cursor.fetchall())


def document_texts(sheet):
    """(title, text) of a row of `result_rows`, as its passage is chosen from."""
    if sheet.document_title is None:
        return sheet.title, ""
    return sheet.document_title, sheet.document_text


def clamp_page(page_number, total):
    last = max(1, -(-min(total, MAX_RESULTS) // PER_PAGE))
    return min(max(page_number, 1), last)


class Engine:
    """What both engines share: the matches (`read_matches()`, once per search) filtered,
    counted and ordered by the columns of search/columns.py."""

    _matches = None
    _filtered = None

    def matches(self):
        """Every match of the query, whatever the filters (search.columns.Matches)."""
        if self._matches is None:
            self._matches = self.read_matches()
        return self._matches

    def add_matches(self, batch):
        """Add the reading of the matches to `batch` where it is one statement (PostgreSQL);
        else they are read when first needed."""

    def filtered(self):
        """The matches seen through the filters (search.columns.Filtered), once."""
        if self._filtered is None:
            self._filtered = self.matches().filtered(self.filters)
        return self._filtered

    def count(self):
        """How many matches pass every filter."""
        return len(self.passing_matches())

    def facet_counts(self):
        """{facet name: {value or bit: count}} over the matches (Filtered.counts)."""
        return self.filtered().counts()

    def passing_matches(self):
        """The matches that pass every filter."""
        return self.filtered().passing

    def ranked_ids(self, sort, limit, offset):
        """A page of ids: the newest, those whose title matches first when sorted by
        relevance."""
        passing = self.passing_matches()
        if sort == "relevance" and self.query:
            return passing.newest(offset + limit, titles_first=True)[offset:]
        return passing.newest(offset + limit)[offset:]

    def add_page_rows(self, batch, sort, limit, offset, then):
        """Add the reading of a page of results to `batch`: `then(rows)` gets their rows
        (`sheet_rows`), in their order."""
        ids = self.ranked_ids(sort, limit, offset)
        if ids:
            batch.add(*rows_of(ids), lambda rows: then(sheet_rows(rows)))


class PostgresEngine(Engine):
    summary_counts = None

    def __init__(self, locale, query, filters):
        self.query = query
        self.filters = filters
        self.config = text_search_config(locale.language_code)
        self.params = {"locale": locale.pk, "config": self.config, "q": query}
        self.text_conditions = [f"d.vector @@ {self.tsquery}"] if query else []

    @contextmanager
    def session(self):
        """Statements of one search. A query that may hold a phrase (anything but words and
        spaces) is first turned into PostgreSQL's tsquery text, to plan how it is matched."""
        with several_statements_cursor() as cursor:
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
        them all, vectors included, than use the GIN index."""
        self.cursor.execute(
            f"SELECT {PLANNER_SETTING}; " + sql,
            {**self.params, **(params or {}), "seqscan": self.seqscan},
        )
        self.cursor.nextset()

    @property
    def seqscan(self):
        return "off" if self.query else "on"

    @property
    def tsquery(self):
        return "websearch_to_tsquery(%(config)s::regconfig, %(q)s)"

    @property
    def where(self):
        return " AND ".join(["d.locale_id = %(locale)s", *self.text_conditions])

    @property
    def in_title(self):
        return f"d.title_vector @@ {self.tsquery}" if self.query else "false"

    def read_matches(self):
        self.execute(self.matches_sql())
        return self.matches_of(self.cursor.fetchall())

    def add_matches(self, batch):
        """Add the reading of the matches of a query to `batch`, after the planner settings
        (`execute`), unless they are known. Those settings hold for the statements that follow
        in the batch's transaction. Without a query, the matches are every document, read
        when needed, if ever (the total and counts may come from FacetSummary)."""
        if self._matches is None and self.query:
            batch.add(f"SELECT {PLANNER_SETTING}", {"seqscan": self.seqscan}, lambda rows: None)
            batch.add(self.matches_sql(), self.params, self.keep_matches, binary=True)

    def keep_matches(self, rows):
        self._matches = self.matches_of(rows)

    def matches_sql(self):
        """The matches, in one query with the version of the search table: with a query, the
        ids of its matches (whose titles match is read later, for the few results shown:
        `titles_first`); without, every document. Ids as 4-byte integers: 25,000 matches
        in 100 kB."""
        if not self.query:
            return f"SELECT {TABLE_VERSION}, NULL"
        return (
            f"SELECT {TABLE_VERSION}, string_agg(int4send(d.page_id), '') "
            f"FROM search_practicesearchvector d WHERE {self.where}"
        )

    def matches_of(self, rows):
        """The Matches of the row of `matches_sql`."""
        version, ids = rows[0]
        columns = kept_columns(self.params["locale"], version, self.read)
        return columns.matches(page_ids(ids)) if self.query else columns.matches()

    def read(self):
        """The facet columns of every document of the language, in one query."""
        columns = ", ".join(f"array_agg({facet.column})" for facet in FACETS)
        self.cursor.execute(
            f"SELECT {TABLE_VERSION}, array_agg(page_id), "
            "array_agg((extract(epoch FROM first_published_at) * 1000000)::bigint), "
            f"{columns} FROM search_practicesearchdocument WHERE locale_id = %(locale)s",
            self.params,
        )
        version, ids, dates, *values = self.cursor.fetchone()
        values = [column or [] for column in values]
        return FacetColumns(FACETS, ids or [], values, dates or [], version)

    def count(self):
        """Without a query nor a filter, the total that a trigger keeps with the counts of
        every facet value (search.models.FacetSummary), read with them; else, as any
        engine, from the matches."""
        if self.query or self.filters:
            return super().count()
        self.execute("SELECT rows FROM search_facetsummary WHERE locale_id = %(locale)s")
        summary = self.cursor.fetchone()
        rows = summary[0] if summary else []
        total, self.summary_counts = self.tally(json.loads(rows) if isinstance(rows, str) else rows)
        return total

    def facet_counts(self):
        if self.summary_counts is not None:
            return self.summary_counts
        return super().facet_counts()

    def tally(self, rows):
        """(total, counts) from the rows of FacetSummary: GROUPING() flags, 0, values and
        count. A row is grouped by one facet, or by none: then it is the total."""
        size = len(FACETS)
        total, counts = 0, {facet.name: {} for facet in FACETS}
        for row in rows:
            grouped, values, count = row[:size], row[size + 1 : -1], row[-1]
            if all(grouped):
                total += count
                continue
            position = grouped.index(0)
            facet, value = FACETS[position], values[position]
            if facet.bits and value is not None:
                for bit in bits_of(value):
                    counts[facet.name][bit] = counts[facet.name].get(bit, 0) + count
            elif value:
                counts[facet.name][value] = counts[facet.name].get(value, 0) + count
        return total, counts

    def ranking(self, sort, limit, offset):
        """How a page of results sorted by relevance is read: SQL giving its ids (`id`,
        `place`, `in_title`: whether the title matches), or None by date or without a query
        (the newest: Engine.ranked_ids).
        - Up to FULL_RANK_LIMIT matches: title matches first, then by PostgreSQL's rank
          (ts_rank_cd over title, summaries and sections), then the newest. The matches that
          pass the filters are known: only they are read, by primary key.
        - Beyond, the newest, title matches first. Titles are checked for the newest
          TITLE_CANDIDATES × (offset + limit) matches only, by primary key: enough when as
          many of them match, or when they are all the matches (`Ranking.complete`). Else
          every title match is read (`all_titles_first`). Checking the title of each of
          25,000 matches doubled the time of the query that finds them."""
        if not (sort == "relevance" and self.query):
            return None
        passing = self.passing_matches()
        params = {"limit": limit, "offset": offset}
        if len(passing) <= FULL_RANK_LIMIT:
            rank = f"ts_rank_cd('{RANK_WEIGHTS}', v.vector, {self.tsquery}, 1)"
            sql = FULL_RANK.format(in_title=self.in_title, rank=rank)
            return Ranking(sql, {**params, "ids": passing.page_ids()})
        candidates = passing.newest((offset + limit) * TITLE_CANDIDATES)
        sql = TITLES_FIRST.format(in_title=self.in_title)
        return Ranking(sql, {**params, "ids": candidates}, len(candidates) < len(passing))

    def ranked_ids(self, sort, limit, offset):
        ranking = self.ranking(sort, limit, offset)
        if ranking is None:
            return super().ranked_ids(sort, limit, offset)
        self.execute(ranking.sql, ranking.params)
        rows = self.cursor.fetchall()
        if not ranking.complete([in_title for _id, _place, in_title in rows], limit):
            return self.all_titles_first(limit, offset)
        return [row[0] for row in rows]

    def add_page_rows(self, batch, sort, limit, offset, then):
        ranking = self.ranking(sort, limit, offset)
        if ranking is None:
            super().add_page_rows(batch, sort, limit, offset, then)
            return

        def checked(rows):
            sheets = sheet_rows(rows)
            if ranking.complete([sheet.in_title for sheet in sheets], limit):
                then(sheets)
            else:
                then(read_rows(self.all_titles_first(limit, offset)))

        batch.add(RESULT_ROWS.format(shown=ranking.sql), {**self.params, **ranking.params}, checked)

    def all_titles_first(self, limit, offset):
        """A page of the newest matches, title matches first, every title match read."""
        self.execute(
            "SELECT string_agg(int4send(d.page_id), '') FROM search_practicesearchdocument d "
            f"WHERE d.locale_id = %(locale)s AND {self.in_title}"
        )
        titled = self.passing_matches().with_titles(page_ids(self.cursor.fetchone()[0]))
        return titled.newest(offset + limit, titles_first=True)[offset:]


# The ids of a page of at most FULL_RANK_LIMIT matches (`%(ids)s`), sorted by relevance.
FULL_RANK = """
    SELECT id, row_number() OVER (ORDER BY in_title DESC, rank DESC, published DESC, id DESC)
        AS place, in_title
    FROM (
        SELECT d.page_id AS id, {in_title} AS in_title, {rank} AS rank,
            d.first_published_at AS published
        FROM search_practicesearchdocument d
        JOIN search_practicesearchvector v ON v.page_id = d.page_id
        WHERE d.page_id = ANY(%(ids)s::integer[])
    ) ranked
    ORDER BY place LIMIT %(limit)s OFFSET %(offset)s
"""
# The ids of a page of candidates (`%(ids)s`, the newest first), title matches first.
TITLES_FIRST = """
    SELECT id, row_number() OVER (ORDER BY in_title DESC, candidate) AS place, in_title
    FROM (
        SELECT c.id, c.candidate, COALESCE({in_title}, FALSE) AS in_title
        FROM unnest(%(ids)s::integer[]) WITH ORDINALITY AS c (id, candidate)
        LEFT JOIN search_practicesearchdocument d ON d.page_id = c.id
    ) checked
    ORDER BY place LIMIT %(limit)s OFFSET %(offset)s
"""


@dataclass
class Ranking:
    """SQL giving the ids of a page of results (PostgresEngine.ranking), its parameters, and
    whether it ranks some candidates only (the newest of many matches)."""

    sql: str
    params: dict
    candidates_only: bool = False

    def complete(self, in_title, limit):
        """Whether the page is right, from whether the title of each of its rows matches:
        ranked among some candidates only, it is when the page is full of title matches
        (then at least offset + limit candidates matched by title, as many as all the title
        matches would show)."""
        if not self.candidates_only:
            return True
        return len(in_title) == limit and all(in_title)


def page_ids(packed):
    """The page ids of `string_agg(int4send(page_id), '')`, as an array."""
    return np.frombuffer(packed or b"", dtype=">i4")


@functools.lru_cache(maxsize=4096)
def bits_of(mask):
    """The positions of the bits set in `mask`."""
    return tuple(bit for bit in range(mask.bit_length()) if mask >> bit & 1)


class SimpleEngine(Engine):
    """Any database without PostgreSQL's text search: words as accent-folded substrings of
    the search table's text, a title matches when it holds them all; filtered, counted and
    ordered as on PostgreSQL (a development database has few sheets)."""

    def __init__(self, locale, query, filters):
        self.locale = locale
        self.query = query
        self.filters = filters

    @contextmanager
    def session(self):
        yield

    def read_matches(self):
        documents = PracticeSearchDocument.objects.filter(locale=self.locale)
        include, exclude = simple_terms(self.query) if self.query else ([], [])
        if self.query and not include:
            documents = documents.none()
        for term in include:
            documents = documents.filter(folded__contains=term)
        for term in exclude:
            documents = documents.exclude(folded__contains=term)
        columns = [facet.column for facet in FACETS]
        rows = list(documents.values_list("page_id", "first_published_at", "title", *columns))
        ids = [row[0] for row in rows]
        # Microseconds since the epoch, as read from PostgreSQL: exact in a float.
        dates = [round(row[1].timestamp() * 1_000_000) for row in rows]
        in_title = [bool(include) and all(term in fold(row[2]) for term in include) for row in rows]
        values = [[row[3 + index] for row in rows] for index in range(len(FACETS))]
        return FacetColumns(FACETS, ids, values, dates).matches(ids, in_title)


def unfiltered_counts(locale):
    """(total, facet counts) of every live, public sheet of `locale`, as the library shows
    them before any search: kept up to date by PostgreSQL (FacetSummary) rather than counted
    at each visit."""
    engine = engine_for(locale, "", [])
    with engine.session():
        return engine.count(), engine.facet_counts()


def sheet_count(locale):
    """How many live, public sheets `locale` has."""
    return unfiltered_counts(locale)[0]

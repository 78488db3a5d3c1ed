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

import re
from contextlib import contextmanager
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.db import connection, transaction
from django.db.models import Value
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from knowledge.models import Audience, Phase, PracticeSheetPage, Principle, Theme
from members.models import Authority
from members.models.directory import POPULATION_BRACKETS
from members.referential import region_name

from .documents import facet_bits, sheet_parts, text_search_config, uses_postgres
from .models import FIRST_YEAR, MAX_BITS, PracticeSearchDocument
from .text import START_MARK, STOP_MARK, fold, fold_in_place, marked

PER_PAGE = 20
# Like Elasticsearch's max_result_window: deeper pages cost more and nobody reads them.
MAX_RESULTS = 10_000
# Up to this many matches, results are ordered by PostgreSQL's full rank (ts_rank_cd over
# title, summaries and sections); beyond, title matches come first and the others by date,
# which needs no text of the rows and keeps a frequent word fast at 100,000 sheets.
FULL_RANK_LIMIT = 1_000
# Weights of ts_rank_cd for D, C (sections), B (summaries), A (title).
RANK_WEIGHTS = "{0.05, 0.2, 0.5, 1.0}"
SORTS = {"relevance": _("pertinence"), "date": _("date de publication")}
HEADLINE_OPTIONS = (
    f'MaxFragments=2, MaxWords=28, MinWords=12, ShortWord=2, FragmentDelimiter=" … ", '
    f'StartSel="{START_MARK}", StopSel="{STOP_MARK}"'
)
TITLE_HEADLINE_OPTIONS = f'HighlightAll=true, StartSel="{START_MARK}", StopSel="{STOP_MARK}"'
# The longest text given to ts_headline per result: its cost grows with the text.
HEADLINE_TEXT_LIMIT = 20_000


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
FACETS_BY_NAME = {facet.name: facet for facet in FACETS}
TAXONOMIES = {"phase": Phase, "theme": Theme, "audience": Audience}


@dataclass
class Option:
    value: str
    label: str
    bit: int | None = None
    count: int = 0
    selected: bool = False


class Vocabulary:
    """Every value of every facet in the active language, with its bit: three queries."""

    def __init__(self, locale):
        self.locale = locale
        bits = facet_bits()
        self.options = {facet.name: {} for facet in FACETS}
        self._load_terms(bits)
        self._load_principles(bits)
        for code, label in Authority.Kind.choices:
            self.options["kind"][code] = Option(code, label)
        for key, (label, _low, _high) in POPULATION_BRACKETS.items():
            self.options["population"][key] = Option(key, label)
        for year in range(timezone.localdate().year, FIRST_YEAR - 1, -1):
            self.options["year"][str(year)] = Option(str(year), str(year), bit=year - FIRST_YEAR)

    def _load_terms(self, bits):
        queries = [
            model.objects.annotate(taxonomy=Value(name))
            .values("taxonomy", "translation_key", "locale_id", "slug", "name", "sort_order", "pk")
            .order_by()
            for name, model in TAXONOMIES.items()
        ]
        rows = queries[0].union(*queries[1:], all=True)
        for name, row in sorted(
            self._in_locale(rows, "taxonomy").items(),
            key=lambda item: (item[1]["sort_order"], item[1]["name"].casefold()),
        ):
            taxonomy = name[0]
            self.options[taxonomy][row["slug"]] = Option(
                row["slug"], row["name"], bit=bits.get((taxonomy, row["translation_key"]))
            )

    def _load_principles(self, bits):
        rows = Principle.objects.filter(page__live=True).values(
            "translation_key", "locale_id", "sort_order", "title", "pk"
        )
        chosen = self._in_locale(rows)
        for (_key,), row in sorted(chosen.items(), key=lambda item: item[1]["sort_order"] or 0):
            number = str((row["sort_order"] or 0) + 1)
            self.options["principle"][number] = Option(
                number,
                f"{number}. {row['title']}",
                bit=bits.get(("principle", row["translation_key"])),
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

    def by_bit(self, facet):
        return {option.bit: option for option in self.options[facet.name].values()}


@dataclass
class Filter:
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
    page: object
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


def run(locale, query, filters, sort, page_number):
    """Search the library: total, facet counts and one page of highlighted results."""
    search = Search(locale, query, filters, sort, page_number)
    engine = engine_for(locale, query, filters)
    with engine.session():
        search.total, search.counts = engine.facet_counts()
        search.page_number = clamp_page(search.page_number, search.total)
        ids = engine.ranked_ids(sort, search.total, PER_PAGE, search.offset) if search.total else []
    search.results = highlight(sheets_in_order(ids), query, engine.config)
    return search


def engine_for(locale, query, filters):
    engine = PostgresEngine if uses_postgres() else SimpleEngine
    return engine(locale, query, filters)


def sheets_in_order(ids):
    pages = PracticeSheetPage.objects.filter(pk__in=ids).select_related(
        "member__authority", "locale"
    )
    by_pk = {page.pk: page for page in pages} if ids else {}
    return [by_pk[pk] for pk in ids if pk in by_pk]


def clamp_page(page_number, total):
    last = max(1, -(-min(total, MAX_RESULTS) // PER_PAGE))
    return min(max(page_number, 1), last)


class PostgresEngine:
    def __init__(self, locale, query, filters):
        self.query = query
        self.filters = filters
        self.config = text_search_config(locale.language_code)
        self.params = {"locale": locale.pk, "config": self.config, "q": query}
        self.conditions = []
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
        with transaction.atomic(), connection.cursor() as cursor:
            # A frequent word matches a quarter of the rows: the planner would rather read
            # them all, vectors included, than use the GIN index; and JIT compilation of a
            # plan costs more than the plan.
            cursor.execute(
                "SELECT set_config('enable_seqscan', %s, true), set_config('jit', 'off', true)",
                ["off" if self.query else "on"],
            )
            self.cursor = cursor
            yield

    @property
    def tsquery(self):
        return "websearch_to_tsquery(%(config)s::regconfig, %(q)s)"

    def where(self, conditions):
        clauses = ["d.locale_id = %(locale)s"]
        if self.query:
            clauses.append(f"d.vector @@ {self.tsquery}")
        return " AND ".join(clauses + list(conditions))

    def count(self):
        self.cursor.execute(
            "SELECT count(*) FROM search_practicesearchdocument d "
            f"WHERE {self.where(self.conditions)}",
            self.params,
        )
        return self.cursor.fetchone()[0]

    def facet_counts(self):
        """The total and the counts of every facet value, in one query: rows that fail at
        most one filter, grouped by each facet column and by the filter they fail."""
        columns = [facet.column for facet in FACETS]
        failed = "0"
        where = self.where([])
        if self.conditions:
            failed = (
                "CASE "
                + " ".join(
                    f"WHEN NOT ({condition}) THEN {index}"
                    for index, condition in enumerate(self.conditions, start=1)
                )
                + " ELSE 0 END"
            )
            at_most_one = " + ".join(f"(NOT ({condition}))::int" for condition in self.conditions)
            where = self.where([f"{at_most_one} <= 1"])
        sets = ", ".join(["(failed)"] + [f"(failed, {column})" for column in columns])
        groupings = ", ".join(f"GROUPING({column})" for column in columns)
        self.cursor.execute(
            f"""
            SELECT {groupings}, failed, {", ".join(columns)}, count(*)
            FROM (
                SELECT {", ".join(f"d.{column}" for column in columns)}, {failed} AS failed
                FROM search_practicesearchdocument d
                WHERE {where}
            ) s
            GROUP BY GROUPING SETS ({sets})
            """,
            self.params,
        )
        total, tally = 0, Tally(self.filters)
        for row in self.cursor.fetchall():
            grouped = row[: len(columns)]
            failed_index, values, count = row[len(columns)], row[len(columns) + 1 : -1], row[-1]
            if all(grouped):
                if failed_index == 0:
                    total = count
                continue
            position = grouped.index(0)
            tally.add(FACETS[position], values[position], count, failed_index)
        return total, tally.counts

    def ranked_ids(self, sort, total, limit, offset):
        order = "d.first_published_at DESC, d.page_id DESC"
        if sort == "relevance" and self.query:
            title_first = f"(d.title_vector @@ {self.tsquery}) DESC"
            if total <= FULL_RANK_LIMIT:
                rank = f"ts_rank_cd('{RANK_WEIGHTS}', d.vector, {self.tsquery}, 1) DESC"
                order = f"{title_first}, {rank}, {order}"
            else:
                order = f"{title_first}, {order}"
        self.cursor.execute(
            f"""
            SELECT d.page_id FROM search_practicesearchdocument d
            WHERE {self.where(self.conditions)}
            ORDER BY {order} LIMIT %(limit)s OFFSET %(offset)s
            """,
            {**self.params, "limit": limit, "offset": offset},
        )
        return [row[0] for row in self.cursor.fetchall()]


class Tally:
    """Counts per facet value: a row that fails one filter counts for that filter's values
    only, as if the visitor unticked it; a row that fails none counts everywhere."""

    def __init__(self, filters):
        self.positions = {active.facet.name: index for index, active in enumerate(filters, 1)}
        self.counts = {facet.name: {} for facet in FACETS}

    def add(self, facet, value, count, failed_index):
        if failed_index not in (0, self.positions.get(facet.name)):
            return
        counts = self.counts[facet.name]
        if facet.bits:
            bit = 0
            while value:
                if value & 1:
                    counts[bit] = counts.get(bit, 0) + count
                value >>= 1
                bit += 1
        elif value:
            counts[value] = counts.get(value, 0) + count


def sheet_texts(page):
    """Title and text of a sheet as its search document has them."""
    title, summary, body = sheet_parts(page)
    return title, f"{summary} {body}".strip()


def highlight(pages, query, config):
    """The results with their title and best passage, matches marked. One query on
    PostgreSQL, for the shown rows only; none without a query."""
    texts = [sheet_texts(page) for page in pages]
    if not query or not pages:
        return [
            Result(page, escape(title), escape(truncate_words(text, 40)))
            for page, (title, text) in zip(pages, texts, strict=True)
        ]
    if uses_postgres():
        return [
            Result(page, marked(title), marked(passage))
            for page, (title, passage) in zip(pages, headlines(texts, query, config), strict=True)
        ]
    terms = simple_terms(query)[0]
    return [
        Result(page, mark_terms(title, terms), mark_terms(passage_around(text, terms), terms))
        for page, (title, text) in zip(pages, texts, strict=True)
    ]


def headlines(texts, query, config):
    with connection.cursor() as cursor:
        cursor.execute(
            """
            SELECT ts_headline(%(config)s::regconfig, t.title, q.query, %(title_options)s),
                ts_headline(%(config)s::regconfig, t.body, q.query, %(options)s)
            FROM unnest(%(titles)s::text[], %(bodies)s::text[]) WITH ORDINALITY AS t(title, body, n)
            CROSS JOIN (SELECT websearch_to_tsquery(%(config)s::regconfig, %(q)s) AS query) q
            ORDER BY t.n
            """,
            {
                "config": config,
                "q": query,
                "title_options": TITLE_HEADLINE_OPTIONS,
                "options": HEADLINE_OPTIONS,
                "titles": [title for title, _text in texts],
                "bodies": [text[:HEADLINE_TEXT_LIMIT] for _title, text in texts],
            },
        )
        return cursor.fetchall()


def truncate_words(text, count):
    words = text.split()
    return " ".join(words[:count]) + (" …" if len(words) > count else "")


# SQLite: words as accent-folded substrings.
_PHRASE = re.compile(r'(-?)"([^"]*)"')
_WORD = re.compile(r"\w+", re.UNICODE)
# Words too common to mean anything, French and English.
SIMPLE_STOP_WORDS = frozenset(
    "a au aux avec ce ces d dans de des du elle en et il ils l la le les leur lui ma mais me "  # noqa: SIM905
    "mes mon ne nos notre nous on ou par pas pour qu que qui sa se ses son sur ta te tes ton tu "
    "un une vos votre vous y the of and to in for".split()
)


def simple_terms(query):
    """(terms to find, terms to exclude) of a query, folded; plurals lose their s or x."""

    def stem(word):
        return word[:-1] if len(word) > 3 and word[-1] in "sx" else word

    include, exclude = [], []
    rest = query
    for negative, phrase in _PHRASE.findall(query):
        words = [stem(word) for word in _WORD.findall(fold(phrase))]
        if words:
            (exclude if negative else include).append(" ".join(words))
    rest = _PHRASE.sub(" ", query)
    for token in rest.split():
        negative = token.startswith("-")
        for word in _WORD.findall(fold(token)):
            if word in SIMPLE_STOP_WORDS or word == "or":
                continue
            (exclude if negative else include).append(stem(word))
    return include, exclude


def mark_terms(text, terms):
    """Escaped text with the words that start with a term marked."""
    if not terms:
        return escape(text)
    folded = fold_in_place(text)
    spans = []
    for term in terms:
        for match in re.finditer(r"\b" + re.escape(term) + r"\w*", folded):
            spans.append(match.span())
    out, last = [], 0
    for start, end in sorted(spans):
        if start < last:
            continue
        out.append(escape(text[last:start]))
        out.append(f"<mark>{escape(text[start:end])}</mark>")
        last = end
    out.append(escape(text[last:]))
    return mark_safe("".join(out))  # noqa: S308


def passage_around(text, terms, words=28):
    folded = fold_in_place(text)
    positions = [folded.find(term) for term in terms if folded.find(term) >= 0]
    if not positions:
        return truncate_words(text, words)
    start = text.rfind(" ", 0, max(0, min(positions) - 80)) + 1
    passage = truncate_words(text[start:], words)
    return ("… " if start else "") + passage


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
            documents = documents.filter(text_plain__contains=term)
        for term in exclude:
            documents = documents.exclude(text_plain__contains=term)
        columns = [facet.column for facet in FACETS]
        return list(documents.values_list("page_id", "first_published_at", "title_plain", *columns))

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


# The view of the library page.


@dataclass
class Choice:
    """One checkbox of a facet, with its count."""

    value: str
    label: str
    count: int
    selected: bool


def facet_groups(search, vocabulary):
    """The facets as the template shows them: values with a count, and the ticked ones."""
    selected = {active.facet.name: active.values for active in search.filters}
    groups = []
    for facet in FACETS:
        counts = search.counts.get(facet.name, {})
        if facet.name == "region":
            for code in counts:
                vocabulary.region(code)
        options = list(vocabulary.options[facet.name].values())
        if facet.name == "region":
            options.sort(key=lambda option: fold(option.label))
        choices = []
        for option in options:
            count = counts.get(option.bit if facet.bits else option.value, 0)
            ticked = option.value in selected.get(facet.name, [])
            if count or ticked:
                choices.append(Choice(option.value, option.label, count, ticked))
        if choices:
            groups.append({"name": facet.name, "legend": facet.legend, "choices": choices})
    return groups


def query_items(search, without=None):
    """The query string of the search as (name, value) pairs, one value left out."""
    items = [("q", search.query)] if search.query else []
    for active in search.filters:
        for value in active.values:
            if (active.facet.name, value) != without:
                items.append((active.facet.name, value))
    if search.sort != default_sort(search.query):
        items.append(("sort", search.sort))
    return items


def default_sort(query):
    return "relevance" if query else "date"


class CountedRange:
    """A sequence of a known length, for Django's paginator: rows come from the search."""

    def __init__(self, length):
        self.length = length

    def count(self):
        return self.length

    def __len__(self):
        return self.length

    def __getitem__(self, index):
        return []


def page_number(value):
    try:
        number = int(str(value)[:6])
    except (TypeError, ValueError):
        return 1
    return max(number, 1)


def library_context(page, request, query, truncated):
    """The context of the practice library page for a request."""
    vocabulary = Vocabulary(page.locale)
    filters = parse_filters(request.GET, vocabulary)
    sort = request.GET.get("sort")
    if sort not in SORTS or not query:
        sort = default_sort(query)
    search = run(page.locale, query, filters, sort, page_number(request.GET.get("page")))
    paginator = Paginator(CountedRange(min(search.total, MAX_RESULTS)), PER_PAGE)
    page_obj = paginator.get_page(search.page_number)
    page_obj.object_list = search.results
    items = query_items(search)
    return {
        "search": search,
        "search_query": query,
        "query_truncated": truncated,
        "results_page": page_obj,
        "page_range": paginator.get_elided_page_range(page_obj.number),
        "facet_groups": facet_groups(search, vocabulary),
        "active_filters": [
            {
                "legend": active.facet.legend,
                "label": option.label,
                "remove_query": urlencode(query_items(search, (active.facet.name, option.value))),
            }
            for active in search.filters
            for option in active.options
        ],
        "sort": sort,
        "sorts": SORTS,
        "pagination_query": urlencode(items) + "&" if items else "",
        "has_filters": bool(search.filters),
        "results_capped": search.total > MAX_RESULTS,
        "max_results": MAX_RESULTS,
    }

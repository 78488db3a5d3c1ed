"""The site search: every live, public page of the active language, of any type, with a type
filter and a count per type.

Practice sheets come from the library's search table (search/library.py), which knows the
page's language rules and stays fast at 100,000 sheets; the other pages from Wagtail's search
backend (`get_search_backend()`: the database, or Elasticsearch with its fallback). When no
type is chosen, the two rankings are merged by reciprocal rank (each result scores
1 / (60 + its rank) in its own list), which needs no common scale of scores."""

import functools
import re
from contextlib import contextmanager
from dataclasses import dataclass
from types import SimpleNamespace

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models import F, Q, Value
from django.utils.translation import gettext_lazy as _

from wagtail.models import Page, get_page_models
from wagtail.search.backends import get_search_backend
from wagtail.search.utils import parse_query_string

from home.memo import per_generation
from home.models import BasePage, NewsPage
from home.queries import restricted_section
from knowledge.models import CharterPage, PracticeSheetPage
from members.models import MemberPage

from . import library
from .batch import Batch
from .documents import text_search_config, uses_postgres
from .highlight import highlight
from .models import PracticeSearchDocument
from .text import fold

PER_PAGE = 20
# Merging two rankings needs the first (page × PER_PAGE) of each: pages stop here.
MAX_PAGE = 25
# Up to this many other pages found, the backend is asked for them only, not for their
# counts as well (SiteSearch.run): a page of results.
FEW_OTHERS = PER_PAGE
RRF_K = 60
SHEET = "sheet"
OTHER = "page"
# (key of the `type` parameter, label, page types)
TYPES = [
    (SHEET, _("Fiches pratiques"), [PracticeSheetPage]),
    ("member", _("Collectivités membres"), [MemberPage]),
    ("news", _("Actualités"), [NewsPage]),
    ("charter", _("Charte"), [CharterPage]),
    (OTHER, _("Autres pages"), []),
]
TYPE_LABELS = {key: label for key, label, _models in TYPES}
_UNSAFE = re.compile(r'[^\w\s"\'’-]', re.UNICODE)


@dataclass
class Hit:
    """A result: the row of a sheet (`library.sheet_rows`) or of another page (`other_rows`)."""

    page: object
    type: str
    url: str = ""
    title_html: str = ""
    passage_html: str = ""

    @property
    def type_label(self):
        return TYPE_LABELS[self.type]


def backend_query(query):
    """What Wagtail's backend is given: words and quoted phrases only (its database backend
    builds a raw tsquery from words, where `&`, `|`, `:` or `\\` mean operators)."""
    _filters, parsed = parse_query_string(_UNSAFE.sub(" ", query), operator="and")
    return parsed


def typed_models():
    return [model for _key, _label, models in TYPES for model in models]


def models_of(key):
    return next(models for type_key, _label, models in TYPES if type_key == key)


def other_page_models():
    return [
        model
        for model in get_page_models()
        if model is not Page and not issubclass(model, PracticeSheetPage)
    ]


def other_pages(request, locale):
    """Live public pages of a language that are not sheets, nor aliases (copies of a page
    not translated yet). By their types rather than "not a sheet", so that the database
    reads the few hundred of them, not the 100,000 sheets. The ids of those types and of
    the pages left out are read once per generation of the page cache (creating an alias,
    a view restriction or a page starts one): the search backend filters on indexed
    fields only, and building the filters of `.type()` at each search cost ~0.3 ms."""
    type_ids, left_out = per_generation(
        request, ("other pages of the site search", locale.pk), lambda: other_page_ids(locale)
    )
    return Page.objects.filter(locale=locale, content_type_id__in=type_ids, live=True).exclude(
        pk__in=left_out
    )


def other_page_ids(locale):
    """(the content type ids of the pages that are not sheets, the ids of the aliases and
    restricted pages among them in `locale`)."""
    content_types = ContentType.objects.get_for_models(
        *other_page_models(), for_concrete_models=False
    )
    type_ids = sorted(content_type.pk for content_type in content_types.values())
    pages = Page.objects.filter(locale=locale, content_type_id__in=type_ids)
    left_out = pages.filter(Q(alias_of__isnull=False) | Q(restricted_section()))
    return type_ids, list(left_out.values_list("pk", flat=True))


def type_of(content_type_id, content_types):
    for key, _label, models in TYPES:
        if any(content_types[model].pk == content_type_id for model in models):
            return key
    return OTHER


class SiteSearch:
    def __init__(self, request, locale, query, type_key, page_number):
        self.request = request
        self.locale = locale
        self.query = query
        self.type = type_key if type_key in TYPE_LABELS else ""
        self.page_number = min(max(page_number, 1), MAX_PAGE)
        self.counts = dict.fromkeys(TYPE_LABELS, 0)
        self.hits = []
        self.total = 0
        self.content_types = ContentType.objects.get_for_models(
            *typed_models(), for_concrete_models=False
        )

    def pages_of_type(self, pages, key):
        if key == OTHER:
            return pages.not_type(*typed_models())
        return pages.type(*models_of(key))

    def run(self, along=None):
        """Search: the counts per type and a page of hits (see `started`)."""
        with self.started(along) as search:
            return search()

    @contextmanager
    def started(self, along=None):
        """Start the search: the statement that finds the sheets that match is sent to
        PostgreSQL at once (for a frequent word, the longest of the search's statements),
        and the block runs while it runs. The block is given a function that finishes the
        search and returns it, the same each time: the counts per type and a page of hits,
        whose rows are read in one round trip (search/batch.py) with the statements that
        `along(batch, total)` adds, if given."""
        sheets = library.engine_for(self.locale, self.query, [])
        with library.matching(sheets) as matched:

            @functools.cache
            def finished():
                # The backend builds and runs its queries while PostgreSQL finds the sheets.
                # They run after the match's planner setting: the few hundred other pages
                # are read through indexes all the same (1.6 ms, against 2.5 with
                # sequential scans).
                backend = get_search_backend()
                parsed = backend_query(self.query)
                # What a result shows of other pages is read by `other_rows`: the backend
                # loads their ids and types only (a page's forty columns cost ~0.5 ms for
                # twenty).
                pages = other_pages(self.request, self.locale).only("id", "content_type_id")
                best, complete = self.count_others(backend, parsed, pages)
                matched()
                self.read_page(backend, parsed, pages, sheets, best, complete, along)
                return self

            yield finished

    def read_page(self, backend, parsed, pages, sheets, best, complete, along):
        """Count the sheets, then read the page of hits."""
        self.counts[SHEET] = sheets.count()
        self.total = self.counts[self.type] if self.type else sum(self.counts.values())
        last_page = max(1, -(-min(self.total, MAX_PAGE * PER_PAGE) // PER_PAGE))
        self.page_number = min(self.page_number, last_page)
        offset = (self.page_number - 1) * PER_PAGE
        batch = Batch()
        sheet_rows, others = {}, {}
        keep_sheets = keep_rows(sheet_rows)
        hits = None
        if self.type == SHEET or not (self.type or best):
            # Sheets only: their page is ranked by the statement that reads it.
            if self.counts[SHEET]:
                sheets.add_page_rows(batch, "relevance", PER_PAGE, offset, keep_sheets)
        else:
            hits, found = self.mixed_hits(backend, parsed, pages, sheets, best, complete, offset)
            sheet_ids = [pk for key, pk in hits if key == SHEET]
            if sheet_ids:
                batch.add(
                    *library.rows_of(sheet_ids),
                    lambda rows: keep_sheets(library.sheet_rows(rows)),
                )
            if found:
                batch.add(*other_rows_of(found), lambda rows: others.update(other_rows(rows)))
        if along is not None:
            along(batch, self.total)
        batch.run()
        if hits is None:
            hits = [(SHEET, pk) for pk in sheet_rows]
        self.hits = self.loaded(hits, sheet_rows, others)

    def mixed_hits(self, backend, parsed, pages, sheets, best, complete, offset):
        """(the hits of the page from `offset`, as (type, pk), the other pages among them)
        when other pages are to be shown: of one type, or merged with the sheets."""
        window = offset + PER_PAGE
        found = []
        if self.type:
            if complete:
                found = [page for page in best if self.type_key(page) == self.type]
                found = found[offset:window]
            # The backend is not asked for results its counts say there are none of.
            elif self.counts[self.type]:
                found = backend.search(parsed, self.pages_of_type(pages, self.type))
                found = list(found[offset:window])
            return [(self.type, page.pk) for page in found], found
        sheet_ids = []
        if self.counts[SHEET]:
            sheet_ids = sheets.ranked_ids("relevance", window, 0)
        if complete or window <= len(best):
            found = best[:window]
        else:
            found = list(backend.search(parsed, pages)[:window])
        hits = merge([(SHEET, pk) for pk in sheet_ids], [(OTHER, page.pk) for page in found])
        hits = hits[offset:window]
        shown = {pk for _key, pk in hits}
        return hits, [page for page in found if page.pk in shown]

    def count_others(self, backend, parsed, pages):
        """(the best other pages, whether they are all of them), their counts per type
        added up. The backend is asked for one more page than FEW_OTHERS: when it finds no
        more, they are all there with their counts, in one query where a facet and a
        search took two (~3 ms); else its facet counts them."""
        best = list(backend.search(parsed, pages)[: FEW_OTHERS + 1])
        complete = len(best) <= FEW_OTHERS
        if complete:
            for page in best:
                self.counts[self.type_key(page)] += 1
        else:
            facet = backend.search(parsed, pages).facet("content_type_id")
            for content_type_id, count in facet.items():
                self.counts[type_of(content_type_id, self.content_types)] += count
        return best, complete

    def type_key(self, page):
        return type_of(page.content_type_id, self.content_types)

    def loaded(self, hits, sheet_rows, others):
        """The hits whose rows were read, with their links, titles and passages."""
        loaded = []
        for key, pk in hits:
            page = sheet_rows.get(pk) if key == SHEET else others.get(pk)
            if page is not None:
                library.with_url(page, self.request)
                kind = SHEET if key == SHEET else self.type_key(page)
                loaded.append(Hit(page, kind, page.url))
        texts = [hit_texts(hit) for hit in loaded]
        marks = highlight(texts, self.query, self.locale.language_code)
        for hit, (title, passage) in zip(loaded, marks, strict=True):
            hit.title_html, hit.passage_html = title, passage
        return loaded


def keep_rows(rows_by_pk):
    """A handler that keeps sheets' rows in `rows_by_pk`, in their order."""

    def keep(rows):
        rows_by_pk.update((row.pk, row) for row in rows)

    return keep


OTHER_FIELDS = ["pk", "title", "url_path", "search_description", "description", "content_type_id"]


def other_rows_of(pages):
    """The statement that reads what a result shows of pages other than sheets (title, link,
    description), as `library.rows_of` of sheets, and its parameters: a union over their
    page types (each type's table holds its `intro`), where loading the specific pages
    costs a query per type."""
    ids_by_model = {}
    for page in pages:
        model = ContentType.objects.get_for_id(page.content_type_id).model_class()
        ids_by_model.setdefault(model, []).append(page.pk)
    parts = [
        model.objects.filter(pk__in=ids)
        .annotate(description=F("intro") if issubclass(model, BasePage) else Value(""))
        .values(*OTHER_FIELDS)
        .order_by()
        for model, ids in ids_by_model.items()
    ]
    union = parts[0].union(*parts[1:], all=True) if len(parts) > 1 else parts[0]
    sql, params = union.query.get_compiler(connection=connection).as_sql()
    # Named, the columns come in this order whatever the ORM's.
    columns = ", ".join(connection.ops.quote_name(name) for name in OTHER_FIELDS)
    return f"SELECT {columns} FROM ({sql}) others", params


def other_rows(rows):
    """The rows of `other_rows_of` as objects, by pk."""
    return {row[0]: SimpleNamespace(**dict(zip(OTHER_FIELDS, row, strict=True))) for row in rows}


def merge(*rankings):
    """Reciprocal rank fusion of rankings of (type, pk)."""
    scores = {}
    for ranking in rankings:
        for rank, hit in enumerate(ranking, start=1):
            scores[hit] = scores.get(hit, 0) + 1 / (RRF_K + rank)
    return sorted(scores, key=lambda hit: scores[hit], reverse=True)


def hit_texts(hit):
    """Title and text of a result, as its passage is chosen from."""
    if hit.type == SHEET:
        return library.document_texts(hit.page)
    # As `BasePage.get_meta_description` gives it.
    return hit.page.title, hit.page.search_description or hit.page.description


def suggestions(request, locale, query, sheets_only=False, limit=8):
    """Titles of live public pages of the active language whose words start like the words
    typed: a few pages from Wagtail's backend (unless `sheets_only`), then sheets from the
    search table."""
    words = re.findall(r"\w+", query)
    if not words or len(query) < 2:
        return []
    items = []
    if not sheets_only:
        content_types = ContentType.objects.get_for_models(
            *typed_models(), for_concrete_models=False
        )
        pages = get_search_backend().autocomplete(" ".join(words), other_pages(request, locale))
        for page in pages[:3]:
            kind = type_of(page.content_type_id, content_types)
            items.append(
                {"title": page.title, "url": page.get_url(request), "type": str(TYPE_LABELS[kind])}
            )
    sheets = library.result_rows(suggested_sheets(locale, words, limit - len(items)), request)
    items.extend(
        {"title": sheet.title, "url": sheet.url, "type": str(TYPE_LABELS[SHEET])}
        for sheet in sheets
    )
    return items


def suggested_sheets(locale, words, limit):
    """Sheets whose title has words starting like each word typed, best first."""
    if uses_postgres():
        prefix_query = " & ".join(f"'{word}':*" for word in words)
        with connection.cursor() as cursor:
            cursor.execute(
                """
                SELECT d.page_id FROM search_practicesearchdocument d
                WHERE d.locale_id = %(locale)s
                    AND d.title_vector @@ to_tsquery(%(config)s::regconfig, %(q)s)
                ORDER BY ts_rank(d.title_vector, to_tsquery(%(config)s::regconfig, %(q)s)) DESC,
                    d.first_published_at DESC, d.page_id DESC
                LIMIT %(limit)s
                """,
                {
                    "locale": locale.pk,
                    "config": text_search_config(locale.language_code),
                    "q": prefix_query,
                    "limit": limit,
                },
            )
            return [row[0] for row in cursor.fetchall()]
    documents = PracticeSearchDocument.objects.filter(locale=locale)
    folded = [fold(word) for word in words]
    for word in folded:
        documents = documents.filter(folded__contains=word)
    rows = documents.order_by("-first_published_at", "-page_id").values_list("page_id", "title")
    in_title = [page_id for page_id, title in rows if all(word in fold(title) for word in folded)]
    return in_title[:limit]

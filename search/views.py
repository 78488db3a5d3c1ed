"""Search pages: the practice library's search (rendered by the library page itself), the
site search at /recherche/ (/en/search/) and its suggestions as JSON.

Rules for every one of them: only live, public pages of the active language, never a draft,
a private page or a draft revision; whatever the query string holds, the answer is a page
(or JSON) that echoes the query escaped, never an error; the number of SQL queries does not
grow with the number of pages or results."""

from contextlib import contextmanager
from html import escape
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_safe

from home.memo import active_locale, per_generation
from knowledge.models import PracticeSheetPage
from members.templatetags.member_tags import Figures, region_label

from . import library, site, stats
from .deferred import deferred, resolved
from .models import UnansweredQuery
from .ratelimit import limit_searches, limit_suggestions
from .text import clean_query, fold

# A facet's checkbox with its label, written by one `escaped_join` for them all: as nine
# template variables each (localized count, escaped name, value and label), the seventy
# checkboxes of the library cost ~3 ms to render; the facets and results of a page are
# then joined in Python, where a template variable each cost another millisecond.
CHECKBOX = (
    '<li><input type="checkbox" id="facet-{name}-{number}" name="{name}" value="{value}"'
    '{checked}> <label for="facet-{name}-{number}">{label}'
    ' <span class="facet-count">({count})</span></label></li>'
)
FIELDSET = '<fieldset class="facet"><legend>{legend}</legend><ul>{checkboxes}</ul></fieldset>'

# A result of the library, the same way: as a dozen template variables each, the twenty
# results of a page cost 1.5 ms to render.
RESULT = (
    '<li class="result"><h3 class="result-title"><a href="{url}">{title}</a></h3>'
    '<p class="result-meta">{meta}</p><p class="result-passage">{passage}</p></li>'
)


# A result of the site search, the same way: its type, linked title and passage.
SITE_RESULT = (
    '<li class="result"><p class="result-type">{type}</p><h2 class="result-title">'
    '<a href="{url}">{title}</a></h2>{passage}</li>'
)
SITE_PASSAGE = '<p class="result-passage">{}</p>'


def escaped_join(template, rows):
    """`format_html_join("", template, rows)` for rows of named values: each value escaped
    as Django's `conditional_escape` does (unless it is HTML already), by the standard
    library's `html.escape` that Django's calls. Django's checks of lazy strings around
    each value cost three times as much: ~0.5 ms for the library's seventy checkboxes."""
    return mark_safe(  # noqa: S308 (every value escaped)
        "".join(
            template.format_map(
                {
                    name: value.__html__() if hasattr(value, "__html__") else escape(str(value))
                    for name, value in row.items()
                }
            )
            for row in rows
        )
    )


def site_results_html(hits):
    """The HTML of the site search's results (search/site.py Hit), one after the other."""
    return escaped_join(
        SITE_RESULT,
        (
            {
                "type": hit.type_label,
                "url": hit.url,
                "title": hit.title_html,
                "passage": format_html(SITE_PASSAGE, hit.passage_html) if hit.passage_html else "",
            }
            for hit in hits
        ),
    )


def results_html(results):
    """The HTML of the results, one after the other: their titles and passages marked, their
    members, régions and years."""
    return escaped_join(RESULT, (result_fields(result) for result in results))


def result_fields(result):
    sheet = result.sheet
    years = str(sheet.year_start)
    if sheet.year_end and sheet.year_end != sheet.year_start:
        years += f"–{sheet.year_end}"
    place = [sheet.member_title, region_label(sheet.region) if sheet.region else "", years]
    return {
        "url": sheet.url,
        "title": result.title_html,
        "meta": " · ".join(part for part in place if part),
        "passage": result.passage_html,
    }


def facets_html(search, vocabulary):
    """The HTML of the facets, one fieldset each: the checkboxes of the values with a count,
    and of the ticked ones ("" when there is none)."""
    selected = {active.facet.name: active.values for active in search.filters}
    figures = Figures()
    groups = []
    for facet in library.FACETS:
        counts = search.counts.get(facet.name, {})
        if facet.name == "region":
            for code in counts:
                vocabulary.region(code)
        options = list(vocabulary.options[facet.name].values())
        if facet.name == "region":
            options.sort(key=lambda option: fold(option.label))
        checkboxes = []
        for option in options:
            count = counts.get(option.bit if facet.bits else option.value, 0)
            ticked = option.value in selected.get(facet.name, [])
            if count or ticked:
                checkboxes.append(
                    {
                        "name": facet.name,
                        "number": len(checkboxes) + 1,
                        "value": option.value,
                        "checked": " checked" if ticked else "",
                        "label": option.label,
                        "count": figures.number(count),
                    }
                )
        if checkboxes:
            groups.append(
                {"legend": facet.legend, "checkboxes": escaped_join(CHECKBOX, checkboxes)}
            )
    return escaped_join(FIELDSET, groups)


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


# The entries of the library page's context that its search gives.
LIBRARY_SEARCH_ENTRIES = [
    "search",
    "results_page",
    "page_range",
    "facets_html",
    "active_filters",
    "pagination_query",
    "results_capped",
    "results_html",
    "promotions",
]


@contextmanager
def library_search(page, request):
    """The context of the practice library page for a request, its search started
    (library.started): the entries that the search gives are deferred (search/deferred.py),
    so that a template rendered in the block renders up to the first of them while
    PostgreSQL finds the matches."""
    query, truncated = clean_query(request.GET.get("q", ""))
    number = page_number(request.GET.get("page"))
    # Terms, principles and their bits change only with a new page-cache generation
    # (snippets, publishing a charter, allocating a bit), the years with the year: the
    # values of the facets in the page's language are read and sorted once per generation.
    vocabulary = per_generation(
        request,
        ("facet vocabulary", page.locale.pk, timezone.localdate().year),
        lambda: library.Vocabulary(page.locale, library.vocabulary_rows()),
    )
    filters = library.parse_filters(request.GET, vocabulary)
    sort = request.GET.get("sort")
    if sort not in library.SORTS or not query:
        sort = default_sort(query)
    counted = {"promotions": None}
    along = None
    if query and number == 1:
        along = count_search(
            request, query, counted, UnansweredQuery.Scope.LIBRARY, page.locale, [PracticeSheetPage]
        )
    facets = {}

    def write_facets(search):
        # Written while PostgreSQL reads the page of results.
        facets["html"] = facets_html(search, vocabulary)

    started = library.started(
        request, page.locale, query, filters, sort, number, along, write_facets
    )
    with started as searched:
        yield {
            "search_query": query,
            "query_truncated": truncated,
            "noindex": bool(query or filters or number > 1),
            "has_filters": bool(filters),
            "sort": sort,
            "sorts": library.SORTS,
            "max_results": library.MAX_RESULTS,
            **deferred(
                lambda: library_results(searched(), facets, counted), LIBRARY_SEARCH_ENTRIES
            ),
        }


def library_results(search, facets, counted):
    """The entries of the library page's context that its search gives (`facets` and
    `counted`: the HTML of the facets and the promotions, as the search writes them)."""
    paginator = Paginator(CountedRange(min(search.total, library.MAX_RESULTS)), library.PER_PAGE)
    page_obj = paginator.get_page(search.page_number)
    items = query_items(search)
    return {
        "search": search,
        "results_page": page_obj,
        "page_range": paginator.get_elided_page_range(page_obj.number),
        "facets_html": facets["html"],
        "active_filters": [
            {
                "legend": active.facet.legend,
                "label": option.label,
                "remove_query": urlencode(query_items(search, (active.facet.name, option.value))),
            }
            for active in search.filters
            for option in active.options
        ],
        "pagination_query": urlencode(items) + "&" if items else "",
        "results_capped": search.total > library.MAX_RESULTS,
        "results_html": results_html(search.results),
        **counted,
    }


def library_page_context(page, request):
    """The context of the practice library page for a request, its search done: for what
    renders it later (Wagtail's previews)."""
    with library_search(page, request) as context:
        return resolved(context)


def count_search(request, query, context, scope, locale, page_types=None):
    """The `along` of a search (library.run, site.SiteSearch.run) that counts it once, not
    again for its other pages, with the reading of its results: its promotions are put in
    `context` once read."""

    def along(batch, total):
        context["promotions"] = stats.record_and_promote(
            request, query, total, locale.language_code, scope, locale, page_types, batch
        )

    return along


# The entries of the site search page's context that its search gives.
SITE_SEARCH_ENTRIES = [
    "results",
    "results_html",
    "results_page",
    "page_range",
    "pagination_query",
    "total_all",
    "type_counts",
    "promotions",
]


@require_safe
@limit_searches
def search(request):
    """The site search: `q`, `type` (see search/site.py TYPES) and `page`. The page renders
    as its search runs: up to the first result while PostgreSQL finds the sheets that match
    (search/deferred.py)."""
    query, truncated = clean_query(request.GET.get("q", ""))
    locale = active_locale(request)
    number = page_number(request.GET.get("page"))
    searched = site.SiteSearch(request, locale, query, request.GET.get("type", ""), number)
    context = {
        "search_query": query,
        "query_truncated": truncated,
        "types": [{"value": key, "label": label} for key, label, _models in site.TYPES],
        "selected_type": searched.type,
    }
    template = "pages/search/search_page.html"
    if not query:
        return TemplateResponse(request, template, context)
    counted = {"promotions": None}
    along = None
    if number == 1:
        along = count_search(request, query, counted, UnansweredQuery.Scope.SITE, locale)
    with searched.started(along) as finished:
        context.update(deferred(lambda: site_results(finished(), counted), SITE_SEARCH_ENTRIES))
        return TemplateResponse(request, template, context).render()


def site_results(results, counted):
    """The entries of the site search page's context that its search gives (`counted`: the
    promotions, as the search writes them)."""
    return {
        "results": results,
        "results_html": site_results_html(results.hits),
        **site_pagination(results),
        **counted,
    }


def site_pagination(results):
    available = min(results.total, site.MAX_PAGE * site.PER_PAGE)
    paginator = Paginator(CountedRange(available), site.PER_PAGE)
    page_obj = paginator.get_page(results.page_number)
    page_obj.object_list = results.hits
    items = [("q", results.query)] + ([("type", results.type)] if results.type else [])
    return {
        "results_page": page_obj,
        "page_range": paginator.get_elided_page_range(page_obj.number),
        "pagination_query": urlencode(items) + "&",
        "total_all": sum(results.counts.values()),
        "type_counts": [
            {"value": key, "label": label, "count": results.counts[key]}
            for key, label, _models in site.TYPES
        ],
    }


@require_safe
@limit_suggestions
def suggestions(request):
    """Up to eight titles of pages that start like the words typed: {"query", "suggestions":
    [{"title", "url", "type"}]}. The search form works the same without it."""
    query, _truncated = clean_query(request.GET.get("q", ""))
    sheets_only = request.GET.get("type") == site.SHEET
    items = site.suggestions(request, active_locale(request), query, sheets_only) if query else []
    return JsonResponse({"query": query, "suggestions": items})

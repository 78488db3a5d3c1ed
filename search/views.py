"""Search pages: the practice library's search (rendered by the library page itself), the
site search at /recherche/ (/en/search/) and its suggestions as JSON.

Rules for every one of them: only live, public pages of the active language, never a draft,
a private page or a draft revision; whatever the query string holds, the answer is a page
(or JSON) that echoes the query escaped, never an error; the number of SQL queries does not
grow with the number of pages or results."""

from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.utils.translation import get_language
from django.views.decorators.http import require_GET

from wagtail.models import Locale

from knowledge.models import PracticeSheetPage

from . import library, site, stats
from .models import UnansweredQuery
from .text import clean_query


def library_page_context(page, request):
    """The context of the practice library page: the search form, facets, results."""
    query, truncated = clean_query(request.GET.get("q", ""))
    context = library.library_context(page, request, query, truncated)
    search = context["search"]
    if query and search.page_number == 1:
        context["promotions"] = stats.promotions(
            request, query, page.locale, page_types=[PracticeSheetPage]
        )
        stats.record(query, search.total, page.locale.language_code, UnansweredQuery.Scope.LIBRARY)
    return context


@require_GET
def search(request):
    """The site search: `q`, `type` (see search/site.py TYPES) and `page`."""
    query, truncated = clean_query(request.GET.get("q", ""))
    locale = Locale.get_active()
    context = {
        "search_query": query,
        "query_truncated": truncated,
        "types": [{"value": key, "label": label} for key, label, _models in site.TYPES],
        "selected_type": request.GET.get("type", ""),
    }
    if query:
        results = site.SiteSearch(
            request,
            locale,
            query,
            request.GET.get("type", ""),
            library.page_number(request.GET.get("page")),
        ).run()
        context["results"] = results
        context["selected_type"] = results.type
        context.update(site_pagination(results))
        if results.page_number == 1:
            context["promotions"] = stats.promotions(request, query, locale)
            stats.record(query, results.total, get_language(), UnansweredQuery.Scope.SITE)
    return TemplateResponse(request, "pages/search/search_page.html", context)


def site_pagination(results):
    available = min(results.total, site.MAX_PAGE * site.PER_PAGE)
    paginator = Paginator(library.CountedRange(available), site.PER_PAGE)
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


@require_GET
def suggestions(request):
    """Up to eight titles of pages that start like the words typed: {"query", "suggestions":
    [{"title", "url", "type"}]}. The search form works the same without it."""
    query, _truncated = clean_query(request.GET.get("q", ""))
    sheets_only = request.GET.get("type") == site.SHEET
    items = site.suggestions(request, Locale.get_active(), query, sheets_only) if query else []
    response = JsonResponse({"query": query, "suggestions": items})
    response["Cache-Control"] = "max-age=60"
    return response

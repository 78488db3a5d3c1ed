"""What staff learn from the searches: popular queries (Wagtail's search promotions app counts
them, Reports › Search terms) and queries that found nothing (Reports › Recherches sans
résultat); and the promotions staff set for a query."""

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Page
from wagtail.search.utils import normalise_query_string

from .models import UnansweredQuery


def record(query, total, language, scope):
    """Count a search (first page of results only, so that paging is not counted twice)."""
    normalised = normalise_query_string(query)
    if not normalised:
        return
    Query.get(normalised).add_hit()
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


def promotions(request, query, locale, page_types=None):
    """The promotions staff set for this query, in their order: pages in the active language
    (live and public only; of `page_types` when given) and external links (unless
    `page_types` is given). A few queries, whatever their number."""
    normalised = normalise_query_string(query)
    if not normalised:
        return []
    picks = list(
        SearchPromotion.objects.filter(query__query_string=normalised)
        .select_related("page")
        .order_by("sort_order", "pk")
    )
    keys = [pick.page.translation_key for pick in picks if pick.page_id]
    pages = Page.objects.none()
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
    for pick in picks:
        if pick.page_id:
            page = localized.get(pick.page.translation_key)
            if page is not None:
                shown.append(
                    {
                        "title": page.title,
                        "url": page.get_url(request),
                        "description": pick.description,
                    }
                )
        elif pick.external_link_url and not page_types:
            shown.append(
                {
                    "title": pick.external_link_text or pick.external_link_url,
                    "url": pick.external_link_url,
                    "description": pick.description,
                }
            )
    return shown

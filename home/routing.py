"""Serving a page in four queries whatever its depth, where Wagtail's serve view asks six
or more: the site, the site's root in the active language, every page along the path, then
the specific page (home/models/base.py `route_below`). Wagtail's `serve` view still serves
the page, with its hooks; it reads the route found here from the request, where
`Page.route_for_request` keeps it."""

from django.db.models import Q, Subquery
from django.http import Http404
from django.utils.translation import get_language

from wagtail import views as wagtail_views
from wagtail.models import Page, Site

from home.models.base import BasePage, route_below, routes_itself


def serve(request, path):
    if not hasattr(request, "_wagtail_route_for_request"):
        request._wagtail_route_for_request = find_route(request, path)
    return wagtail_views.serve(request, path)


def find_route(request, path):
    """Like `Page.route_for_request`: (page, args, kwargs), or None for a 404."""
    site = Site.find_for_request(request)
    if site is None:
        return None
    path_components = [component for component in path.split("/") if component]
    root = localized_root(site)
    model = root.specific_class
    try:
        if model and issubclass(model, BasePage) and not routes_itself(model, path_components):
            return route_below(root, request, path_components)
        return root.specific.route(request, path_components)
    except Http404:
        return None


def localized_root(site):
    """`site.root_page.localized` in one query: the root's live translation in the active
    language, else the root itself."""
    root_key = Page.objects.filter(pk=site.root_page_id).values("translation_key")
    translation = Q(
        translation_key=Subquery(root_key),
        locale__language_code=get_language(),
        live=True,
    )
    rows = list(Page.objects.filter(Q(pk=site.root_page_id) | translation).order_by())
    for row in rows:
        if row.pk != site.root_page_id:
            return row
    return rows[0]

"""Serving a page in two queries whatever its depth, where Wagtail's serve view asks six
or more: every page along the path, then the specific page (home/models/base.py
`route_below`); the site and its root in the active language come from the memo of the
page cache's generation (home/memo.py). Wagtail's `serve` view still serves the page, with
its hooks; it reads the route found here from the request, where `Page.route_for_request`
keeps it."""

from django.http import Http404

from wagtail import views as wagtail_views

from home.memo import localized_root, site_for_request
from home.models.base import BasePage, route_below, routes_itself


def serve(request, path):
    if not hasattr(request, "_wagtail_route_for_request"):
        request._wagtail_route_for_request = find_route(request, path)
    return wagtail_views.serve(request, path)


def find_route(request, path):
    """Like `Page.route_for_request`: (page, args, kwargs), or None for a 404."""
    site = site_for_request(request)
    if site is None:
        return None
    path_components = [component for component in path.split("/") if component]
    root = localized_root(request, site)
    model = root.specific_class
    try:
        if model and issubclass(model, BasePage) and not routes_itself(model, path_components):
            return route_below(root, request, path_components)
        return root.specific.route(request, path_components)
    except Http404:
        return None

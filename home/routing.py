"""Serving a page in two queries whatever its depth, where Wagtail's serve view asks six
or more: every page along the path, then the specific page (home/models/base.py
`route_below`); the site and its root in the active language come from the memo of the
page cache's generation (home/memo.py), and so does the route of a path a visitor asked
before. Wagtail's `serve` view still serves the page, with its hooks; it reads the route
found here from the request, where `Page.route_for_request` keeps it."""

import copy

from django.http import Http404
from django.utils.translation import get_language

from wagtail import views as wagtail_views
from wagtail.url_routing import RouteResult

from home.memo import localized_root, per_generation, site_for_request
from home.models.base import BasePage, route_below, routes_itself


def serve(request, path):
    if not hasattr(request, "_wagtail_route_for_request"):
        request._wagtail_route_for_request = kept_route(request, path)
    return wagtail_views.serve(request, path)


def kept_route(request, path):
    """`find_route` for a visitor, from the memo of the page cache's generation: finding
    the page and loading it with what it shows costs 1 to 3 ms, for the same page until a
    page is published, moved or deleted, or a live page created (each starts a generation).
    Each request gets a copy of the page of its own. For a signed-in user the page is read
    afresh: the admin's changes that publish nothing (a lock, a draft) show in the user bar."""
    user = getattr(request, "user", None)
    if user is None or user.is_authenticated:
        return find_route(request, path)
    # The site, kept on the request for Wagtail's views, as finding the route does.
    site = site_for_request(request)
    key = ("route", site.pk if site else None, get_language(), path)
    route = per_generation(request, key, lambda: find_route(request, path))
    if route is None:
        return None
    page = copy.copy(route.page)
    if not (route.args or route.kwargs):
        return RouteResult(page)
    # A routable page's view is a method bound to the page it was found on, and routing
    # sets the request's resolver match: the copy routes the rest of the path again (the
    # path below the root, one component per level of the tree down to the page).
    components = [component for component in path.split("/") if component]
    return page.route(request, components[page.depth - localized_root(request, site).depth :])


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

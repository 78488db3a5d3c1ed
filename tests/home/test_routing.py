"""Page routing (home/routing.py): the same page, arguments and 404s as Wagtail's own
`Page.route_for_request`, in a number of queries that does not grow with the depth."""

from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.http import Http404
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from wagtail.models import Site

import psycopg
import pytest

from home.factories import StandardPageFactory
from home.page_cache import invalidate
from home.routing import find_route, kept_route

pytestmark = pytest.mark.django_db


def described(page, args, kwargs):
    # A routable page's arguments hold its view, bound to the page instance.
    args = [getattr(arg, "__name__", arg) for arg in args]
    return page.pk, type(page), args, kwargs


def wagtail_route(path, language):
    """What Wagtail's serve view would route to (wagtail.models.Page.route_for_request)."""
    request = RequestFactory().get(path)
    with translation.override(language):
        site = Site.find_for_request(request)
        components = [component for component in path.split("/") if component]
        try:
            return described(*site.root_page.localized.specific.route(request, components))
        except Http404:
            return None


def our_route(path, language):
    request = RequestFactory().get(path)
    with translation.override(language):
        route = find_route(request, path)
    if route is None:
        return None
    return described(*route)


@pytest.fixture
def tree(home, english_home, news_index, english_news_index, translate):
    about = StandardPageFactory(parent=home, slug="le-reseau")
    deeper = StandardPageFactory(parent=about, slug="histoire")
    StandardPageFactory(parent=deeper, slug="fondation")
    StandardPageFactory(parent=about, slug="brouillon", live=False)
    translate(about, title="The network")
    return about


PATHS = [
    "/",
    "/le-reseau/",
    "/le-reseau/histoire/",
    "/le-reseau/histoire/fondation/",
    "/le-reseau/brouillon/",
    "/le-reseau/inconnue/",
    "/inconnue/le-reseau/",
    "/actualites/",
    "/actualites/rss/",
    "/actualites/atom/",
    "/actualites/inconnue/",
]


@pytest.mark.parametrize("language", ["fr", "en"])
@pytest.mark.parametrize("path", PATHS)
def test_routes_like_wagtail(tree, path, language):
    assert our_route(path, language) == wagtail_route(path, language)


def test_an_english_root_that_is_not_live_routes_from_the_french_one(tree, english_home):
    english_home.unpublish()
    assert our_route("/le-reseau/", "en") == wagtail_route("/le-reseau/", "en")
    assert our_route("/le-reseau/", "en")[0] == tree.pk


def test_routing_costs_the_same_queries_at_any_depth(tree):
    counts = []
    for path in ["/", "/le-reseau/", "/le-reseau/histoire/fondation/"]:
        with CaptureQueriesContext(connection) as queries:
            assert our_route(path, "fr") is not None
        counts.append(len(queries))
    assert counts[1] == counts[2]
    # The site, the root in the active language, the pages along the path, the page.
    assert counts[2] <= 4


def kept(path, user=None):
    """(route, queries) of `kept_route` for a request of `user` (a visitor by default)."""
    request = RequestFactory().get(path)
    request.user = user or AnonymousUser()
    with translation.override("fr"), CaptureQueriesContext(connection) as queries:
        route = kept_route(request, path)
    return route, len(queries)


@pytest.mark.usefixtures("page_cache")
def test_a_visitor_s_route_is_found_once_per_generation(tree):
    first, first_queries = kept("/le-reseau/histoire/")
    again, queries = kept("/le-reseau/histoire/")
    assert first_queries > 0
    assert queries == 0
    assert again.page.pk == first.page.pk == our_route("/le-reseau/histoire/", "fr")[0]
    invalidate()  # what publishing, moving or deleting a page does once committed
    assert kept("/le-reseau/histoire/")[1] == first_queries


@pytest.mark.usefixtures("page_cache")
def test_each_request_gets_its_own_copy_of_the_kept_page(tree):
    first, _queries = kept("/le-reseau/")
    first.page.title = "Changed by a request"
    again, _queries = kept("/le-reseau/")
    assert again.page is not first.page
    assert again.page.title != "Changed by a request"


@pytest.mark.usefixtures("page_cache")
def test_a_missing_page_is_kept_as_missing(tree):
    assert kept("/le-reseau/inconnue/")[0] is None
    assert kept("/le-reseau/inconnue/") == (None, 0)


@pytest.mark.usefixtures("page_cache")
def test_a_signed_in_user_s_page_is_read_afresh(tree, superuser):
    kept("/le-reseau/", superuser)
    route, queries = kept("/le-reseau/", superuser)
    assert route.page.pk == tree.pk
    assert queries > 0


@pytest.mark.usefixtures("page_cache")
@pytest.mark.parametrize("path", ["/actualites/", "/actualites/rss/", "/actualites/atom/"])
def test_a_routable_page_s_view_is_bound_to_the_request_s_own_copy(tree, news_index, path):
    first, first_queries = kept(path)
    again, queries = kept(path)
    assert (first_queries > 0, queries) == (True, 0)
    assert described(*again) == described(*first) == our_route(path, "fr")
    view = again.args[0]
    assert again.page is not first.page
    assert view.__self__ is again.page


@pytest.mark.skipif(connection.vendor != "postgresql", reason="prepared statements")
@pytest.mark.django_db(transaction=True)
def test_routing_survives_a_migration_that_adds_a_column_to_the_page_table(client, home):
    # A worker's connection keeps the plans of the statements it runs again
    # (cms/settings/base.py); a plan that read `*` would be refused once a migration, on
    # another connection, added a column: every page would fail until the worker restarts.
    StandardPageFactory(parent=home, slug="le-reseau")
    for number in range(4):
        assert client.get(f"/le-reseau/?visit={number}").status_code == 200
    migration = psycopg.connect(conninfo(), autocommit=True)
    try:
        migration.execute("ALTER TABLE wagtailcore_page ADD COLUMN added_by_a_migration int")
        assert client.get("/le-reseau/?visit=after").status_code == 200
    finally:
        migration.execute("ALTER TABLE wagtailcore_page DROP COLUMN added_by_a_migration")
        migration.close()


def conninfo():
    settings = connection.settings_dict
    return psycopg.conninfo.make_conninfo(
        dbname=settings["NAME"],
        user=settings["USER"],
        host=settings["HOST"],
        port=settings["PORT"] or None,
        password=settings["PASSWORD"] or None,
    )

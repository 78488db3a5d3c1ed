"""Wagtail integration of the search: the report of queries that found nothing, for staff who
may view it (superusers, or groups given the permission), and the rate limit of the practice
library's searches."""

from django.contrib.auth.models import Permission
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .admin_views import UnansweredQueriesReportView, can_view
from .ratelimit import SEARCH_SCOPE, seconds_to_wait, too_many_searches


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path(
            "reports/unanswered-searches/",
            UnansweredQueriesReportView.as_view(),
            name="search_unanswered_queries",
        ),
        path(
            "reports/unanswered-searches/results/",
            UnansweredQueriesReportView.as_view(results_only=True),
            name="search_unanswered_queries_results",
        ),
    ]


class UnansweredQueriesMenuItem(MenuItem):
    def is_shown(self, request):
        return can_view(request.user)


@hooks.register("register_reports_menu_item")
def register_unanswered_queries_menu_item():
    return UnansweredQueriesMenuItem(
        _("Recherches sans résultat"),
        reverse("search_unanswered_queries"),
        name="unanswered-searches",
        icon_name="search",
        order=1310,
    )


@hooks.register("register_permissions")
def register_permissions():
    return Permission.objects.filter(
        content_type__app_label="search", codename="view_unansweredquery"
    )


@hooks.register("before_serve_page")
def limit_library_searches(page, request, serve_args, serve_kwargs):
    """The library's page with a query string is a search, counted with the site search's;
    the page alone is not."""
    from knowledge.models import PracticeLibraryPage

    if request.GET and isinstance(page, PracticeLibraryPage):
        wait = seconds_to_wait(request, SEARCH_SCOPE, "SEARCH_RATE_LIMIT")
        if wait:
            return too_many_searches(request, wait)
    return None

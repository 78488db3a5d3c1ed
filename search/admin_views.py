"""Admin report of the searches that found nothing, most frequent first."""

from django.utils.translation import gettext_lazy as _

from wagtail.admin.auth import permission_denied
from wagtail.admin.ui.tables import Column, DateColumn, NumberColumn
from wagtail.admin.views.reports import ReportView

from .models import UnansweredQuery

PERMISSION = "search.view_unansweredquery"


def can_view(user):
    return user.has_perm(PERMISSION)


class UnansweredQueriesReportView(ReportView):
    page_title = _("Recherches sans résultat")
    header_icon = "search"
    index_url_name = "search_unanswered_queries"
    index_results_url_name = "search_unanswered_queries_results"
    is_searchable = True
    search_fields = ["query_string"]
    default_ordering = "-hits"
    columns = [
        Column("query_string", label=_("Recherche"), sort_key="query_string"),
        Column("scope", label=_("Où"), accessor="get_scope_display"),
        Column("language", label=_("Langue")),
        NumberColumn("hits", label=_("Nombre de recherches"), sort_key="hits"),
        DateColumn("last_seen", label=_("Dernière fois"), sort_key="last_seen"),
    ]
    list_export = ["query_string", "scope", "language", "hits", "first_seen", "last_seen"]
    export_headings = {
        "query_string": _("Recherche"),
        "scope": _("Où"),
        "language": _("Langue"),
        "hits": _("Nombre de recherches"),
        "first_seen": _("Première fois"),
        "last_seen": _("Dernière fois"),
    }

    def get_queryset(self):
        return UnansweredQuery.objects.all()

    def dispatch(self, request, *args, **kwargs):
        if not can_view(request.user):
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)

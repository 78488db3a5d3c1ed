from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    """Site search: the practice library's search table and queries, the site search, its
    suggestions, and the report of queries that found nothing."""

    name = "search"
    verbose_name = _("Recherche")

    def ready(self):
        from . import signals  # noqa: F401

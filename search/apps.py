from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    """Site search: the practice library's search table and queries, the site search, its
    suggestions, and the report of queries that found nothing."""

    name = "search"
    verbose_name = _("Recherche")

    def ready(self):
        from django.conf import settings

        from home import page_cache

        from . import signals  # noqa: F401
        from .models import FacetBit
        from .ratelimit import parse_rate

        # A mistyped rate stops the site at start-up, not at the first search.
        parse_rate(settings.SEARCH_RATE_LIMIT)
        parse_rate(settings.SUGGESTIONS_RATE_LIMIT)
        # The facets' vocabulary is kept for a generation (search/views.py): a bit given to
        # a new term or released starts a new one.
        page_cache.watch(FacetBit)

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    """Site search: views, query parsing, backend selection and fallback (search issue)."""

    name = "search"
    verbose_name = _("Recherche")

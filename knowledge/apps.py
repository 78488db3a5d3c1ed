from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KnowledgeConfig(AppConfig):
    """The charter and the practice library (models arrive with the knowledge-base issue)."""

    name = "knowledge"
    verbose_name = _("Base de connaissances")

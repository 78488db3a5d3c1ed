from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MembersConfig(AppConfig):
    """Member authorities, their budgets year by year and the colleges (members issue)."""

    name = "members"
    verbose_name = _("Membres")

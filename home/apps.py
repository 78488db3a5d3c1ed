from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Site")

    def ready(self):
        from home import page_cache
        from home.notifications import replace_approval_email

        replace_approval_email()
        page_cache.connect_signals()

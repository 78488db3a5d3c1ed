from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Site")

    def ready(self):
        from wagtail.models import Locale

        from home import page_cache
        from home.notifications import replace_approval_email

        replace_approval_email()
        page_cache.connect_signals()
        # The site search reads the active locale from the memo (home/memo.py).
        page_cache.watch(Locale)

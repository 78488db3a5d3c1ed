from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MembersConfig(AppConfig):
    """Member authorities, their budgets year by year and the colleges (members issue)."""

    name = "members"
    verbose_name = _("Membres")

    def ready(self):
        from wagtail.models import Page
        from wagtail.permissions import register_permission_policy

        from home import page_cache
        from members import signals  # noqa: F401
        from members.models import Authority
        from members.permissions import MemberPagePermissionPolicy
        from members.referential.sync import register_synced_model

        # Before any admin code asks for the page policy (it would then keep Wagtail's).
        register_permission_policy(Page, MemberPagePermissionPolicy())

        # Member profiles, the directory and the home page's figures show authorities.
        page_cache.watch(Authority)

        # Members' identities live in the authority table: a new vintage updates the rows
        # that member profiles point to, and reports them.
        register_synced_model(
            Authority,
            key_field="key",
            name_field="name",
            population_field="population",
            queryset=lambda: Authority.objects.filter(member_pages__isnull=False).distinct(),
        )

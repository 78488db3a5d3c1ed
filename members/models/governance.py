"""Governance by colleges: pairs of the member authorities, residents, and actors."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Orderable, TranslatableMixin
from wagtail.snippets.models import register_snippet

from home.models import BasePage
from home.queries import live_public


@register_snippet
class College(TranslatableMixin, ClusterableModel):
    """One of the network's three colleges, translated like a page. The college of pairs
    lists the member authorities' pairs itself; the others list their members here."""

    class Kind(models.TextChoices):
        PAIRS = "pairs", _("Collège des pairs")
        RESIDENTS = "residents", _("Collège des habitants")
        ACTORS = "actors", _("Collège des acteurs")

    kind = models.CharField(_("collège"), max_length=10, choices=Kind.choices)
    name = models.CharField(_("nom"), max_length=120)
    description = models.TextField(_("description"), blank=True)

    panels = [
        FieldPanel("kind"),
        FieldPanel("name"),
        FieldPanel("description"),
        InlinePanel("memberships", label=_("membre")),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("collège")
        verbose_name_plural = _("collèges")
        constraints = [
            models.UniqueConstraint(fields=["kind", "locale"], name="unique_college_per_locale")
        ]

    def __str__(self):
        return self.name


class CollegeMembership(TranslatableMixin, Orderable):
    college = ParentalKey(College, related_name="memberships", on_delete=models.CASCADE)
    name = models.CharField(_("nom"), max_length=120)
    organisation = models.CharField(_("structure"), max_length=200, blank=True)
    role = models.CharField(_("rôle"), max_length=200, blank=True)

    panels = [FieldPanel("name"), FieldPanel("organisation"), FieldPanel("role")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("membre du collège")
        verbose_name_plural = _("membres du collège")


class GovernancePage(BasePage):
    """Presents the three colleges and their members; under the home page, once."""

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    template = "pages/members/governance_page.html"

    class Meta:
        verbose_name = _("page de gouvernance")
        verbose_name_plural = _("pages de gouvernance")

    def get_context(self, request, *args, **kwargs):
        from .profile import MemberPage

        context = super().get_context(request, *args, **kwargs)
        colleges = {
            college.kind: college
            for college in College.objects.filter(locale_id=self.locale_id).prefetch_related(
                "memberships"
            )
        }
        context["colleges"] = [colleges[kind] for kind in College.Kind.values if kind in colleges]
        context["member_pairs"] = (
            live_public(MemberPage.objects.filter(locale_id=self.locale_id))
            .select_related("authority")
            .prefetch_related("representatives")
            .order_by("title")
        )
        return context

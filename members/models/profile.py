"""A member authority's profile: its identity from the referential, its participatory
budget, its editions year by year and its representatives."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.models import Orderable
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from rest_framework import serializers

from home.models import BasePage
from members.forms import MemberPageForm
from members.permissions import AttributedToMember
from members.templatetags.member_tags import MISSING, Figures
from members.validation import edition_errors

FIRST_POSSIBLE_YEAR = 1989  # Porto Alegre's first participatory budget


def ratio(numerator, denominator):
    if numerator is None or not denominator:
        return None
    return Decimal(numerator) / Decimal(denominator)


class AuthoritySerializer(serializers.Serializer):
    kind = serializers.CharField()
    code = serializers.CharField()
    name = serializers.CharField()
    siren = serializers.CharField()
    departement = serializers.CharField()
    region = serializers.CharField()
    population = serializers.IntegerField()


class MemberPage(AttributedToMember, BasePage):
    """A member authority's profile, child of the member directory. Its identity comes from
    the referential; the edition figures are typed, everything derived is computed."""

    class Platform(models.TextChoices):
        DECIDIM = "decidim", "Decidim"
        CAP_COLLECTIF = "cap_collectif", "Cap Collectif"
        GO_VOCAL = "go_vocal", "CitizenLab / Go Vocal"
        FLUICITY = "fluicity", "Fluicity"
        IN_HOUSE = "in_house", _("Développement interne")
        OTHER = "other", _("Autre")

    authority = models.ForeignKey(
        "members.Authority",
        verbose_name=_("collectivité"),
        on_delete=models.PROTECT,
        related_name="member_pages",
        help_text=_("Cherchez par nom, code INSEE ou SIREN."),
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    membership_date = models.DateField(_("date d'adhésion au réseau"), null=True, blank=True)
    charter_adopted_on = models.DateField(_("date d'adoption de la charte"), null=True, blank=True)
    budget_website = models.URLField(_("site du budget participatif"), blank=True)
    platform = models.CharField(
        _("plateforme"), max_length=20, choices=Platform.choices, blank=True
    )
    minimum_voting_age = models.PositiveSmallIntegerField(
        _("âge minimum pour voter"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(99)],
    )
    who_can_propose = models.CharField(_("qui peut proposer"), max_length=255, blank=True)
    who_can_vote = models.CharField(_("qui peut voter"), max_length=255, blank=True)
    presentation = models.TextField(_("présentation"), blank=True)

    base_form_class = MemberPageForm
    authority_lookup = "authority"

    content_panels = BasePage.content_panels + [
        FieldPanel("authority"),
        FieldPanel("logo"),
        FieldPanel("presentation"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("membership_date"), FieldPanel("charter_adopted_on")]),
                FieldPanel("budget_website"),
                FieldPanel("platform"),
                FieldPanel("minimum_voting_age"),
                FieldPanel("who_can_propose"),
                FieldPanel("who_can_vote"),
            ],
            heading=_("Budget participatif"),
        ),
        InlinePanel("editions", heading=_("Éditions"), label=_("édition")),
        InlinePanel("representatives", heading=_("Binôme"), label=_("représentant·e"), max_num=4),
    ]

    search_fields = BasePage.search_fields + [
        index.SearchField("presentation"),
        index.RelatedFields("authority", [index.SearchField("name"), index.SearchField("code")]),
        index.FilterField("authority_id"),
    ]
    translatable_fields = BasePage.translatable_fields + [
        TranslatableField("presentation"),
        TranslatableField("who_can_propose"),
        TranslatableField("who_can_vote"),
        SynchronizedField("authority"),
        SynchronizedField("logo"),
        SynchronizedField("membership_date"),
        SynchronizedField("charter_adopted_on"),
        SynchronizedField("budget_website"),
        SynchronizedField("platform"),
        SynchronizedField("minimum_voting_age"),
        SynchronizedField("editions"),
        SynchronizedField("representatives"),
    ]

    api_fields = [
        APIField("authority", serializer=AuthoritySerializer()),
        APIField("membership_date"),
        APIField("charter_adopted_on"),
        APIField("budget_website"),
        APIField("platform"),
        APIField("minimum_voting_age"),
        APIField("who_can_propose"),
        APIField("who_can_vote"),
        APIField("presentation"),
        APIField("editions"),
        APIField("representatives"),
    ]

    serve_select_related = [*BasePage.serve_select_related, "authority", "logo"]
    parent_page_types = ["members.MemberIndexPage"]
    subpage_types = []
    template = "pages/members/member_page.html"

    class Meta:
        verbose_name = _("fiche membre")
        verbose_name_plural = _("fiches membres")

    def get_context(self, request, *args, **kwargs):
        from members.charts import ChartPoint, bar_chart

        context = super().get_context(request, *args, **kwargs)
        editions = sorted(self.editions.all(), key=lambda edition: edition.year)
        context["editions"] = editions
        figures = Figures()
        context["edition_rows"] = [edition_cells(edition, figures) for edition in editions]
        context["amount_chart"] = bar_chart(
            [ChartPoint(edition.year, edition.amount) for edition in editions],
            title=_("Montant du budget participatif par édition"),
            value_label=_("Montant"),
            unit="€",
            chart_id="amount-chart",
        )
        return context


def edition_cells(edition, figures):
    """The cells of an edition's row in the profile's table, formatted here once rather
    than by a template filter per cell (`figures`: a `member_tags.Figures`)."""

    def count(value):
        return MISSING if value is None else figures.number(value)

    return {
        "year": figures.number(edition.year),
        "amount": figures.euros(edition.amount),
        "amount_per_inhabitant": figures.euros(edition.amount_per_inhabitant, 2),
        "projects_submitted": count(edition.projects_submitted),
        "projects_put_to_vote": count(edition.projects_put_to_vote),
        "winning_projects": count(edition.winning_projects),
        "votes_cast": (
            MISSING
            if edition.votes_cast is None
            else figures.number(edition.votes_cast, force_grouping=True)
        ),
        "turnout": figures.percent(edition.turnout),
        "delivered_projects": count(edition.delivered_projects),
        "delivery_rate": figures.percent(edition.delivery_rate),
    }


class Edition(Orderable):
    """One yearly round of the member's participatory budget."""

    page = ParentalKey(MemberPage, related_name="editions", on_delete=models.CASCADE)
    year = models.PositiveSmallIntegerField(
        _("année"), validators=[MinValueValidator(FIRST_POSSIBLE_YEAR)]
    )
    amount = models.DecimalField(
        _("montant (€)"),
        max_digits=12,
        decimal_places=0,
        validators=[MinValueValidator(0)],
    )
    projects_submitted = models.PositiveIntegerField(_("projets déposés"), null=True, blank=True)
    projects_put_to_vote = models.PositiveIntegerField(
        _("projets soumis au vote"), null=True, blank=True
    )
    winning_projects = models.PositiveIntegerField(_("projets lauréats"), null=True, blank=True)
    votes_cast = models.PositiveIntegerField(_("votants"), null=True, blank=True)
    delivered_projects = models.PositiveIntegerField(_("projets réalisés"), null=True, blank=True)

    panels = [
        FieldRowPanel([FieldPanel("year"), FieldPanel("amount")]),
        FieldRowPanel(
            [
                FieldPanel("projects_submitted"),
                FieldPanel("projects_put_to_vote"),
                FieldPanel("winning_projects"),
            ]
        ),
        FieldRowPanel([FieldPanel("votes_cast"), FieldPanel("delivered_projects")]),
    ]

    api_fields = [
        APIField("year"),
        APIField("amount"),
        APIField("projects_submitted"),
        APIField("projects_put_to_vote"),
        APIField("winning_projects"),
        APIField("votes_cast"),
        APIField("delivered_projects"),
        APIField("amount_per_inhabitant"),
        APIField("turnout"),
        APIField("delivery_rate"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("édition")
        verbose_name_plural = _("éditions")

    def clean(self):
        errors = edition_errors(self, today=timezone.localdate())
        if errors:
            raise ValidationError(errors)

    @property
    def population(self):
        return self.page.authority.population

    @property
    def amount_per_inhabitant(self):
        return ratio(self.amount, self.population)

    @property
    def turnout(self):
        return ratio(self.votes_cast, self.population)

    @property
    def delivery_rate(self):
        return ratio(self.delivered_projects, self.winning_projects)


class Representative(Orderable):
    """One half of the member's pair: the elected official or the professional."""

    class Role(models.TextChoices):
        ELECTED = "elected", _("Élu·e")
        PROFESSIONAL = "professional", _("Technicien·ne")

    page = ParentalKey(MemberPage, related_name="representatives", on_delete=models.CASCADE)
    role = models.CharField(_("rôle"), max_length=15, choices=Role.choices)
    name = models.CharField(_("nom"), max_length=120)
    position = models.CharField(_("fonction"), max_length=200, blank=True)
    email = models.EmailField(_("courriel public"), blank=True)
    phone = models.CharField(_("téléphone public"), max_length=30, blank=True)

    panels = [
        FieldRowPanel([FieldPanel("role"), FieldPanel("name")]),
        FieldPanel("position"),
        FieldRowPanel([FieldPanel("email"), FieldPanel("phone")]),
    ]

    api_fields = [APIField("role"), APIField("name"), APIField("position"), APIField("email")]

    class Meta(Orderable.Meta):
        verbose_name = _("représentant·e")
        verbose_name_plural = _("représentant·es")

"""The practice library: practice sheets shared by member authorities."""

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home.blocks import RICH_TEXT_FEATURES
from home.models import BasePage
from knowledge.forms import PracticeSheetForm
from members.permissions import AttributedToMember

FIRST_POSSIBLE_YEAR = 1989
SECTIONS = [
    ("context", _("Contexte")),
    ("method", _("Comment nous avons fait")),
    ("results", _("Résultats")),
    ("lessons", _("Enseignements")),
    ("resources", _("Ressources")),
]


class PracticeLibraryPage(BasePage):
    """The practice library under the home page, once; practice sheets are its children."""

    parent_page_types = ["home.HomePage"]
    subpage_types = ["knowledge.PracticeSheetPage"]
    max_count_per_parent = 1
    template = "pages/knowledge/practice_library_page.html"

    class Meta:
        verbose_name = _("bibliothèque de fiches pratiques")
        verbose_name_plural = _("bibliothèques de fiches pratiques")

    def get_context(self, request, *args, **kwargs):
        """The library's search: the query, filters with counts, sorted results, pages."""
        from search.views import library_page_context

        context = super().get_context(request, *args, **kwargs)
        context.update(library_page_context(self, request))
        return context

    def serve(self, request, *args, **kwargs):
        """As Wagtail's Page.serve, the page rendered as its search runs: the template
        renders up to the first result while PostgreSQL finds the matches, then waits for
        them (search.views.library_search)."""
        from search.views import library_search

        request.is_preview = False
        with library_search(self, request) as search_context:
            context = super().get_context(request, *args, **kwargs) | search_context
            template = self.get_template(request, *args, **kwargs)
            return TemplateResponse(request, template, context).render()


class PracticeSheetPage(AttributedToMember, BasePage):
    """One practice of a member authority: what it did, how, what came of it. Its région,
    type and population come from the member's profile, never retyped."""

    member = models.ForeignKey(
        "members.MemberPage",
        verbose_name=_("collectivité contributrice"),
        on_delete=models.PROTECT,
        related_name="practice_sheets",
    )
    summary = models.TextField(_("résumé"), help_text=_("Un paragraphe."))
    easy_read_summary = models.TextField(
        _("résumé facile à lire et à comprendre"),
        blank=True,
        help_text=_("Phrases courtes, mots simples, une idée par phrase."),
    )
    phases = ParentalManyToManyField("knowledge.Phase", verbose_name=_("phases"), blank=True)
    themes = ParentalManyToManyField("knowledge.Theme", verbose_name=_("thèmes"), blank=True)
    audiences = ParentalManyToManyField(
        "knowledge.Audience", verbose_name=_("publics visés"), blank=True
    )
    principles = ParentalManyToManyField(
        "knowledge.Principle", verbose_name=_("principes de la charte illustrés"), blank=True
    )
    year_start = models.PositiveSmallIntegerField(
        _("année de début"), validators=[MinValueValidator(FIRST_POSSIBLE_YEAR)]
    )
    year_end = models.PositiveSmallIntegerField(
        _("année de fin"),
        null=True,
        blank=True,
        validators=[MinValueValidator(FIRST_POSSIBLE_YEAR)],
        help_text=_("Laisser vide pour une pratique d'une seule année ou toujours en cours."),
    )
    cost = models.DecimalField(
        _("coût (€)"),
        max_digits=10,
        decimal_places=0,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    staff_effort = models.CharField(
        _("temps de travail des équipes"),
        max_length=200,
        blank=True,
        help_text=_("Par exemple : un mi-temps pendant trois mois."),
    )
    context = RichTextField(_("contexte"), features=RICH_TEXT_FEATURES, blank=True)
    method = RichTextField(_("comment nous avons fait"), features=RICH_TEXT_FEATURES, blank=True)
    results = RichTextField(_("résultats"), features=RICH_TEXT_FEATURES, blank=True)
    lessons = RichTextField(_("enseignements"), features=RICH_TEXT_FEATURES, blank=True)
    resources = RichTextField(_("ressources"), features=RICH_TEXT_FEATURES, blank=True)
    contact_name = models.CharField(
        _("contact"), max_length=120, blank=True, help_text=_("Par défaut, le binôme du membre.")
    )
    contact_email = models.EmailField(_("courriel du contact"), blank=True)
    adapted_from = ParentalManyToManyField(
        "self",
        verbose_name=_("adaptée de"),
        symmetrical=False,
        related_name="adaptations",
        blank=True,
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("member"),
        FieldPanel("summary"),
        FieldPanel("easy_read_summary"),
        MultiFieldPanel(
            [
                FieldPanel("phases"),
                FieldPanel("themes"),
                FieldPanel("audiences"),
                FieldPanel("principles"),
            ],
            heading=_("Classement"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("year_start"), FieldPanel("year_end")]),
                FieldRowPanel([FieldPanel("cost"), FieldPanel("staff_effort")]),
            ],
            heading=_("Quand et avec quels moyens"),
        ),
        *[FieldPanel(name) for name, _label in SECTIONS],
        InlinePanel("documents", heading=_("Documents joints"), label=_("document")),
        MultiFieldPanel(
            [FieldPanel("contact_name"), FieldPanel("contact_email")], heading=_("Contact")
        ),
        FieldPanel("adapted_from"),
    ]

    search_fields = BasePage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("easy_read_summary"),
        *[index.SearchField(name) for name, _label in SECTIONS],
        index.FilterField("member"),
        index.FilterField("year_start"),
    ]
    translatable_fields = BasePage.translatable_fields + [
        TranslatableField("summary"),
        TranslatableField("easy_read_summary"),
        *[TranslatableField(name) for name, _label in SECTIONS],
        TranslatableField("staff_effort"),
        SynchronizedField("member"),
        SynchronizedField("phases"),
        SynchronizedField("themes"),
        SynchronizedField("audiences"),
        SynchronizedField("principles"),
        SynchronizedField("year_start"),
        SynchronizedField("year_end"),
        SynchronizedField("cost"),
        SynchronizedField("contact_name"),
        SynchronizedField("contact_email"),
        SynchronizedField("adapted_from"),
        SynchronizedField("documents"),
    ]

    serve_select_related = [*BasePage.serve_select_related, "member", "member__authority"]
    base_form_class = PracticeSheetForm
    authority_lookup = "member__authority"
    parent_page_types = ["knowledge.PracticeLibraryPage"]
    subpage_types = []
    template = "pages/knowledge/practice_sheet_page.html"

    class Meta:
        verbose_name = _("fiche pratique")
        verbose_name_plural = _("fiches pratiques")

    def get_meta_description(self):
        return self.search_description or self.intro or self.summary

    def linked_page_ids(self):
        # The charters of the principles it illustrates, set by knowledge.context.
        return getattr(self, "principle_charter_ids", [])

    def get_context(self, request, *args, **kwargs):
        from knowledge.context import sheet_context

        context = super().get_context(request, *args, **kwargs)
        context.update(sheet_context(self, request))
        return context

    def clean(self):
        super().clean()
        errors = {}
        this_year = timezone.localdate().year
        if self.year_start and self.year_start > this_year:
            errors["year_start"] = _("Une fiche pratique raconte une pratique déjà menée.")
        if self.year_end and self.year_start and self.year_end < self.year_start:
            errors["year_end"] = _("L'année de fin précède l'année de début.")
        if self.year_end and self.year_end > this_year:
            errors["year_end"] = _("Cette année n'est pas encore passée.")
        if errors:
            raise ValidationError(errors)

    def sections(self):
        return [
            {"name": name, "title": label, "content": getattr(self, name)}
            for name, label in SECTIONS
            if getattr(self, name)
        ]


class PracticeDocument(Orderable):
    page = ParentalKey(PracticeSheetPage, related_name="documents", on_delete=models.CASCADE)
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("document"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    title = models.CharField(
        _("titre affiché"),
        max_length=200,
        blank=True,
        help_text=_("Par défaut, celui du document."),
    )

    panels = [FieldPanel("document"), FieldPanel("title")]

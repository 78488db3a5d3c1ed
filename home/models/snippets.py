"""Translatable snippets: the footer text and footer navigation of each language."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, TranslatableMixin
from wagtail.snippets.models import register_snippet


@register_snippet
class Footer(TranslatableMixin, ClusterableModel):
    """The footer of one language: a short text and a list of links. Staff translate it
    with wagtail-localize like a page."""

    text = RichTextField(_("texte"), features=["bold", "italic", "link"], blank=True)

    panels = [FieldPanel("text"), InlinePanel("links", label=_("liens"))]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("pied de page")
        verbose_name_plural = _("pieds de page")

    def __str__(self):
        return str(_("Pied de page ({locale})")).format(locale=self.locale.get_display_name())


class FooterLink(Orderable):
    footer = ParentalKey(Footer, related_name="links", on_delete=models.CASCADE)
    page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("page"), on_delete=models.CASCADE, related_name="+"
    )
    label = models.CharField(
        _("libellé"), max_length=80, blank=True, help_text=_("Par défaut, le titre de la page.")
    )

    panels = [FieldPanel("page"), FieldPanel("label")]

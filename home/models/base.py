"""The abstract page every page type of the site inherits from."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField


class BasePage(Page):
    """Adds an introduction and a listing image to every page, and says which fields
    translators translate and which stay in sync with the French original."""

    intro = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("Une ou deux phrases, reprises dans les listes et les moteurs de recherche."),
    )
    listing_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image de présentation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    content_panels = Page.content_panels + [FieldPanel("intro")]
    promote_panels = Page.promote_panels + [FieldPanel("listing_image")]

    search_fields = Page.search_fields + [index.SearchField("intro")]

    translatable_fields = [
        TranslatableField("title"),
        TranslatableField("seo_title"),
        TranslatableField("search_description"),
        TranslatableField("intro"),
        SynchronizedField("slug"),
        SynchronizedField("listing_image"),
    ]

    class Meta:
        abstract = True

    def get_meta_description(self):
        return self.search_description or self.intro

    @property
    def listing_image_alt(self):
        # Listing images illustrate the title beside them, so they are decorative.
        return ""

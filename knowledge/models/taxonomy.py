"""Taxonomies of the practice library: phases of a budget, themes and audiences.
Translatable snippets that staff manage; English pages show the English labels."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.snippets.models import register_snippet
from wagtail_localize.fields import SynchronizedField, TranslatableField


class Term(TranslatableMixin, models.Model):
    """A label staff choose, ordered by hand; its slug is shared by all languages so that
    filter URLs keep their meaning."""

    name = models.CharField(_("nom"), max_length=120)
    slug = models.SlugField(_("identifiant"), max_length=120, allow_unicode=False)
    description = models.TextField(_("description"), blank=True)
    sort_order = models.PositiveSmallIntegerField(_("ordre"), default=0)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("sort_order"),
    ]
    translatable_fields = [
        TranslatableField("name"),
        TranslatableField("description"),
        SynchronizedField("slug"),
        SynchronizedField("sort_order"),
    ]

    class Meta(TranslatableMixin.Meta):
        abstract = True
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name


@register_snippet
class Phase(Term):
    class Meta(Term.Meta):
        verbose_name = _("phase du budget participatif")
        verbose_name_plural = _("phases du budget participatif")
        constraints = [models.UniqueConstraint(fields=["slug", "locale"], name="unique_phase_slug")]


@register_snippet
class Theme(Term):
    class Meta(Term.Meta):
        verbose_name = _("thème")
        verbose_name_plural = _("thèmes")
        constraints = [models.UniqueConstraint(fields=["slug", "locale"], name="unique_theme_slug")]


@register_snippet
class Audience(Term):
    class Meta(Term.Meta):
        verbose_name = _("public visé")
        verbose_name_plural = _("publics visés")
        constraints = [
            models.UniqueConstraint(fields=["slug", "locale"], name="unique_audience_slug")
        ]

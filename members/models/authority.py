"""The official referential of French authorities, loaded from Etalab's data."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from members.referential import normalize


class Authority(models.Model):
    """One French authority (commune, EPCI, département or région) as Etalab publishes it.
    Editors never type these fields: `manage.py load_authorities` fills the table."""

    class Kind(models.TextChoices):
        COMMUNE = "commune", _("Commune")
        EPCI = "epci", _("Intercommunalité")
        DEPARTEMENT = "departement", _("Département")
        REGION = "region", _("Région")

    kind = models.CharField(_("type"), max_length=12, choices=Kind.choices)
    code = models.CharField(
        _("code officiel"), max_length=9, help_text=_("Code INSEE, ou SIREN pour un EPCI.")
    )
    name = models.CharField(_("nom"), max_length=200)
    search_name = models.CharField(max_length=200, db_index=True, editable=False)
    siren = models.CharField(_("SIREN"), max_length=9, blank=True)
    departement = models.CharField(_("département"), max_length=3, blank=True)
    region = models.CharField(_("région"), max_length=3, blank=True)
    population = models.PositiveIntegerField(_("population"), null=True, blank=True)
    epci_type = models.CharField(_("nature de l'EPCI"), max_length=60, blank=True)

    class Meta:
        verbose_name = _("collectivité du référentiel")
        verbose_name_plural = _("collectivités du référentiel")
        constraints = [
            models.UniqueConstraint(fields=["kind", "code"], name="unique_authority_kind_code")
        ]
        ordering = ["search_name"]

    def __str__(self):
        return f"{self.name} ({self.kind_label}, {self.code})"

    def save(self, *args, update_fields=None, **kwargs):
        self.search_name = normalize(self.name)
        if update_fields is not None and "name" in update_fields:
            update_fields = {*update_fields, "search_name"}
        super().save(*args, update_fields=update_fields, **kwargs)

    @property
    def key(self):
        """The referential's key, as `members.referential.get()` takes it."""
        return f"{self.kind}:{self.code}"

    @property
    def kind_label(self):
        return self.label_of(self.kind, self.epci_type)

    @classmethod
    def label_of(cls, kind, epci_type):
        """The label of an authority known by its kind and EPCI type: its nature for an
        EPCI ("Métropole"), else its kind's label."""
        return epci_type or dict(cls.Kind.choices).get(kind, kind)

"""Search data: the practice library's search table, the bits that stand for taxonomy
terms and principles in it, and the queries that found nothing."""

from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils.translation import gettext_lazy as _

# Years are bits too: bit 0 is the first possible year of a participatory budget.
FIRST_YEAR = 1989
# Bits of a 64-bit signed integer that stay positive.
MAX_BITS = 63


class PracticeSearchDocument(models.Model):
    """One row per live, public practice sheet (per language, as each translation is a page of
    its own): what the library searches, filters and counts, never the page itself. Written
    when a sheet is published, removed when it is unpublished, made private or deleted
    (search/documents.py); `manage.py rebuild_practice_search` writes them all anew.

    Narrow on purpose: filtering and counting read thousands of rows, so multi-valued facets
    are bit masks (FacetBit) and single-valued ones short codes; the text vectors live in
    PostgreSQL's TOAST storage and are read only for the few rows shown (search/library.py).
    On SQLite, which has no text search, `title_plain` and `text_plain` hold the accent-folded
    texts instead (they stay empty on PostgreSQL)."""

    page = models.OneToOneField(
        "knowledge.PracticeSheetPage",
        primary_key=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    # Indexed by search_practice_recent, which starts with it.
    locale = models.ForeignKey(
        "wagtailcore.Locale", on_delete=models.CASCADE, related_name="+", db_index=False
    )
    first_published_at = models.DateTimeField()
    phases = models.BigIntegerField(default=0)
    themes = models.BigIntegerField(default=0)
    audiences = models.BigIntegerField(default=0)
    principles = models.BigIntegerField(default=0)
    years = models.BigIntegerField(default=0)
    region = models.CharField(max_length=3, blank=True)
    kind = models.CharField(max_length=12, blank=True)
    population = models.CharField(max_length=10, blank=True)
    # Title only (weight A), kept in the row: ranks title matches first.
    title_vector = SearchVectorField(null=True)
    # Title (A), summaries (B) and sections (C), in the language's text search configuration.
    vector = SearchVectorField(null=True)
    title_plain = models.TextField(blank=True)
    text_plain = models.TextField(blank=True)

    class Meta:
        verbose_name = _("document de recherche d'une fiche pratique")
        verbose_name_plural = _("documents de recherche des fiches pratiques")
        indexes = [
            models.Index(
                fields=["locale", "-first_published_at", "-page"], name="search_practice_recent"
            )
        ]

    def __str__(self):
        return str(self.page_id)


class FacetBit(models.Model):
    """The bit that stands for a taxonomy term or a charter principle in the search table's
    masks: one per translation key, so that the French and English versions of a term share
    it, and renaming a term or reordering the principles changes no row."""

    class Facet(models.TextChoices):
        PHASE = "phase", _("phase")
        THEME = "theme", _("thème")
        AUDIENCE = "audience", _("public visé")
        PRINCIPLE = "principle", _("principe")

    facet = models.CharField(max_length=10, choices=Facet.choices)
    key = models.UUIDField()
    bit = models.PositiveSmallIntegerField()

    class Meta:
        verbose_name = _("bit de facette")
        verbose_name_plural = _("bits de facette")
        constraints = [
            models.UniqueConstraint(fields=["facet", "key"], name="unique_facet_bit_key"),
            models.UniqueConstraint(fields=["facet", "bit"], name="unique_facet_bit"),
        ]

    def __str__(self):
        return f"{self.facet}:{self.bit}"


class UnansweredQuery(models.Model):
    """A query that found nothing, with how often and when it was last typed: staff read them
    in the admin (Reports › Recherches sans résultat) to write the missing content."""

    class Scope(models.TextChoices):
        LIBRARY = "library", _("Fiches pratiques")
        SITE = "site", _("Tout le site")

    query_string = models.CharField(_("recherche"), max_length=255)
    language = models.CharField(_("langue"), max_length=7)
    scope = models.CharField(_("où"), max_length=10, choices=Scope.choices)
    hits = models.PositiveIntegerField(_("nombre de recherches"), default=0)
    first_seen = models.DateTimeField(_("première fois"), auto_now_add=True)
    last_seen = models.DateTimeField(_("dernière fois"), auto_now=True)

    class Meta:
        verbose_name = _("recherche sans résultat")
        verbose_name_plural = _("recherches sans résultat")
        constraints = [
            models.UniqueConstraint(
                fields=["query_string", "language", "scope"], name="unique_unanswered_query"
            )
        ]

    def __str__(self):
        return self.query_string

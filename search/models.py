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
    are bit masks (FacetBit) and single-valued ones short codes, and the long text lives in
    PostgreSQL's TOAST storage, read only for the rows shown (search/library.py). The words
    matched have a table of their own (PracticeSearchVector). On SQLite, which has no text
    search, `folded` holds the accent-folded title and text instead (it stays empty on
    PostgreSQL)."""

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
    # Title only, kept in the row: ranks title matches first.
    title_vector = SearchVectorField(null=True)
    title = models.CharField(max_length=255)
    # Summaries and sections as plain text: the passages shown under each result.
    text = models.TextField(blank=True)
    folded = models.TextField(blank=True)

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


class PracticeSearchVector(models.Model):
    """The words of a search document, as PostgreSQL matches them. A table of its own, its
    rows a fifth of the document's (the page, its language, and where the vectors are in
    TOAST storage): the 25,000 matches of a frequent word among 100,000 sheets are read
    from 800 pages of the table rather than 3,700, in half the time. Written and removed
    with its document (search/documents.py); empty on SQLite."""

    document = models.OneToOneField(
        PracticeSearchDocument,
        primary_key=True,
        on_delete=models.CASCADE,
        related_name="vectors",
        db_column="page_id",
    )
    # The document's language again, next to the page: matches are filtered by it.
    locale = models.ForeignKey(
        "wagtailcore.Locale", on_delete=models.CASCADE, related_name="+", db_index=False
    )
    # Title (weight A), summaries (B) and sections (C), in the language's text search
    # configuration.
    vector = SearchVectorField(null=True)
    # The pairs of words next to each other in `vector` ("jardin~partag"), or one word apart
    # ("tirag~2~sort"): a quoted phrase is first looked up there, through a GIN index, so
    # that only the few rows that have it are read to check word positions.
    word_pairs = SearchVectorField(null=True)

    class Meta:
        verbose_name = _("mots d'un document de recherche")
        verbose_name_plural = _("mots des documents de recherche")

    def __str__(self):
        return str(self.document_id)


class FacetSummary(models.Model):
    """The counts of every facet value over all the documents of a language, as the library
    shows them before any search or filter. Recomputed by a PostgreSQL trigger whenever the
    search table changes (search/migrations/0002), so that the library's first page does
    not count 100,000 rows; unused on SQLite."""

    locale = models.OneToOneField(
        "wagtailcore.Locale", primary_key=True, on_delete=models.CASCADE, related_name="+"
    )
    rows = models.JSONField()

    class Meta:
        verbose_name = _("décompte des facettes")
        verbose_name_plural = _("décomptes des facettes")

    def __str__(self):
        return str(self.locale_id)


class SearchTableVersion(models.Model):
    """A number that every statement changing the search table renews, in its transaction,
    from a sequence that a rollback does not take back (a PostgreSQL trigger,
    search/migrations/0004): each process keeps the facet values of the documents
    (search/columns.py) for as long as this number stays the same. One row; unused on
    SQLite."""

    number = models.BigIntegerField(default=0)

    class Meta:
        verbose_name = _("version de la table de recherche")
        verbose_name_plural = _("versions de la table de recherche")

    def __str__(self):
        return str(self.number)


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
        ordering = ["-hits", "query_string"]
        constraints = [
            models.UniqueConstraint(
                fields=["query_string", "language", "scope"], name="unique_unanswered_query"
            )
        ]

    def __str__(self):
        return self.query_string

"""The network's charter and its numbered principles."""

from django.db import connection, models
from django.db.models import OuterRef, Subquery
from django.utils.formats import date_format
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import TranslatableField

from home.blocks import RICH_TEXT_FEATURES
from home.memo import per_generation
from home.models import BasePage
from home.page_urls import url_of
from home.queries import live_public

# The newest sheets listed under each principle.
SHEETS_PER_PRINCIPLE = 6


class CharterPage(BasePage):
    """The charter of fundamental principles, under the home page, once. Staff edit and
    reorder its principles; each has its own anchor and lists the newest sheets that
    illustrate it, with a link to the library filtered by the principle for the others."""

    preamble = RichTextField(_("préambule"), features=RICH_TEXT_FEATURES, blank=True)

    content_panels = BasePage.content_panels + [
        FieldPanel("preamble"),
        InlinePanel("principles", heading=_("Principes"), label=_("principe"), min_num=1),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("preamble"),
        index.RelatedFields(
            "principles", [index.SearchField("title"), index.SearchField("statement")]
        ),
    ]
    translatable_fields = BasePage.translatable_fields + [
        TranslatableField("preamble"),
        TranslatableField("principles"),
    ]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    template = "pages/knowledge/charter_page.html"

    class Meta:
        verbose_name = _("charte")
        verbose_name_plural = _("chartes")

    def get_context(self, request, *args, **kwargs):
        from search.models import FacetBit

        context = super().get_context(request, *args, **kwargs)
        bit = FacetBit.objects.filter(
            facet=FacetBit.Facet.PRINCIPLE, key=OuterRef("translation_key")
        ).values("bit")
        principles = list(self.principles.annotate(bit=Subquery(bit[:1])))
        # A few sheets per principle: the library, filtered by the principle, has the rest.
        context["principles"] = self.with_sheets(principles, request)
        # Links without page objects: there may be hundreds (home/page_urls.py). The rows
        # and their dates, formatted in the page's language, change only with a member
        # page: read once per generation of the page cache.
        rows = per_generation(
            request, ("charter adopters", self.pk, get_language()), self.adopter_rows
        )
        context["adopters"] = [{**row, "url": url_of(row["url_path"], request)} for row in rows]
        return context

    def with_sheets(self, principles, request):
        """The principles (annotated with their search `bit`, None if no sheet ever had
        it), each with how many live, public sheets of the page's language illustrate it
        (`sheet_count`) and the SHEETS_PER_PRINCIPLE newest of them as links (`sheets`,
        {"title", "url"}). Two queries whatever the number of sheets: the counts, which
        PostgreSQL keeps (search.models.FacetSummary), then the newest sheets."""
        from search.library import unfiltered_counts
        from search.models import MAX_BITS

        bits = [p.bit for p in principles if p.bit is not None and 0 <= p.bit < MAX_BITS]
        counts, rows = {}, []
        if bits:
            counts = unfiltered_counts(self.locale)[1]["principle"]
            rows = newest_sheets(self.locale_id, bits, SHEETS_PER_PRINCIPLE)
        for principle in principles:
            has_bit = principle.bit in bits
            principle.sheet_count = counts.get(principle.bit, 0) if has_bit else 0
            principle.sheets = [
                {"title": title, "url": url_of(url_path, request)}
                for title, url_path, mask in rows
                if has_bit and mask & (1 << principle.bit)
            ][:SHEETS_PER_PRINCIPLE]
        return principles

    def adopter_rows(self):
        """The adopters' titles, paths and adoption dates (ISO and as the page shows it)."""
        return [
            {
                "title": title,
                "url_path": url_path,
                "adopted_on": adopted_on.isoformat(),
                "adopted_on_shown": date_format(adopted_on, "DATE_FORMAT"),
            }
            for title, url_path, adopted_on in self.adopters().values_list(
                "title", "url_path", "charter_adopted_on"
            )
        ]

    def adopters(self):
        """The member profiles of this language whose authority adopted the charter, first
        adopters first."""
        from members.models import MemberPage

        return (
            live_public(MemberPage.objects.filter(locale_id=self.locale_id))
            .filter(charter_adopted_on__isnull=False)
            .order_by("charter_adopted_on", "authority__search_name", "title", "pk")
        )


def newest_sheets(locale_id, bits, size):
    """(title, url_path, principles mask) of the `size` newest sheets of each principle bit
    in the search table (which holds live, public sheets only), newest first.

    One statement, written out: built with the ORM (a limited subquery per principle, their
    union, the pages of its ids) it costs ~10 ms of Python to compile at each visit, many
    times what PostgreSQL takes to run it. Each limited part walks the search table's date
    index (search_practice_recent) until it has `size` sheets of its principle; each is a
    subquery of its own, as SQLite allows no LIMIT in a UNION."""
    from search.models import PracticeSearchDocument

    documents = PracticeSearchDocument._meta.db_table
    newest = " UNION ALL ".join(
        f"SELECT page_id FROM (SELECT page_id FROM {documents}"
        " WHERE locale_id = %s AND (principles & %s) <> 0"
        f" ORDER BY first_published_at DESC, page_id DESC LIMIT %s) AS newest_{number}"
        for number in range(len(bits))
    )
    sql = (
        f"SELECT page.title, page.url_path, document.principles FROM {Page._meta.db_table} page"
        f" JOIN {documents} document ON document.page_id = page.id"
        f" WHERE page.id IN ({newest})"
        " ORDER BY page.first_published_at DESC, page.id DESC"
    )
    params = [value for bit in bits for value in (locale_id, 1 << bit, size)]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


class Principle(TranslatableMixin, Orderable):
    """A numbered principle of the charter; its number is its place in the list."""

    page = ParentalKey(CharterPage, related_name="principles", on_delete=models.CASCADE)
    title = models.CharField(_("titre"), max_length=200)
    statement = models.TextField(_("énoncé"))
    explanation = RichTextField(_("explication"), features=RICH_TEXT_FEATURES, blank=True)

    panels = [FieldPanel("title"), FieldPanel("statement"), FieldPanel("explanation")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("principe")
        verbose_name_plural = _("principes")

    def __str__(self):
        return f"{self.number}. {self.title}"

    @property
    def number(self):
        return (self.sort_order or 0) + 1

    @property
    def anchor(self):
        return f"principe-{self.number}"

"""News published by the network's communications staff, with tag and year filters and feeds."""

from urllib.parse import urlencode

from django.conf import settings
from django.core.paginator import Paginator
from django.db import models
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home.blocks import BodyBlock
from home.page_urls import url_of
from home.queries import live_public
from home.renditions import renditions_for

from .base import BasePage

# The template of the cards of a list of news (news_cards gives what it shows).
NEWS_CARD = "components/news_card.html"


class NewsPageTag(TaggedItemBase):
    content_object = ParentalKey(
        "home.NewsPage", related_name="tagged_items", on_delete=models.CASCADE
    )


class NewsIndexPage(RoutablePageMixin, BasePage):
    """The news section under the home page: a paginated list filterable by tag and year,
    with RSS and Atom feeds of the latest news of its language."""

    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.NewsPage"]
    max_count_per_parent = 1
    template = "pages/home/news_index_page.html"

    class Meta:
        verbose_name = _("index des actualités")
        verbose_name_plural = _("index des actualités")

    def news(self):
        """Live, public news of this index, newest first (without their body, which a
        listing never shows)."""
        return (
            live_public(NewsPage.objects.child_of(self))
            .defer("body")
            .select_related("listing_image")
            .order_by("-date", "-pk")
        )

    @path("")
    def index_route(self, request):
        # PostgreSQL refuses NUL characters in a query, and no slug holds one.
        tag = request.GET.get("tag", "").replace("\x00", "").strip()
        year = request.GET.get("year", "").strip()
        # isdigit() alone accepts digits such as "²" that int() refuses.
        year = int(year) if year.isascii() and year.isdigit() and len(year) == 4 else None
        # One query tells the tags and years to offer and which news match the filters (a
        # row per news and tag: a news section holds hundreds at most), one more loads the
        # news shown, a third their images' renditions.
        dates, tags, tagged = {}, {}, set()
        rows = (
            self.news().order_by("tags__name").values_list("pk", "date", "tags__slug", "tags__name")
        )
        for pk, date, slug, name in rows:
            dates[pk] = date
            if slug is not None:
                tags.setdefault(slug, {"slug": slug, "name": name})
                if slug == tag:
                    tagged.add(pk)
        filters = {}
        matching = sorted(dates, key=lambda pk: (dates[pk], pk), reverse=True)
        if tag:
            matching = [pk for pk in matching if pk in tagged]
            filters["tag"] = tag
        if year:
            matching = [pk for pk in matching if dates[pk].year == year]
            filters["year"] = year
        paginator = Paginator(matching, settings.NEWS_PER_PAGE)
        news_page = paginator.get_page(request.GET.get("page"))
        news_page.object_list = news_cards(
            self.news()
            .filter(pk__in=news_page.object_list)
            .only(*CARD_FIELDS)
            .prefetch_related(renditions_for("listing_image__renditions", NEWS_CARD)),
            request,
        )
        return self.render(
            request,
            context_overrides={
                "news_page": news_page,
                "page_range": paginator.get_elided_page_range(news_page.number),
                "tags": list(tags.values()),
                "years": sorted({date.year for date in dates.values()}, reverse=True),
                "selected_tag": tag,
                "selected_year": year,
                "filter_query": urlencode(filters) + "&" if filters else "",
            },
        )

    @path("rss/", name="rss")
    def rss_route(self, request):
        from home.feeds import LatestNewsRssFeed

        return LatestNewsRssFeed()(request, index=self)

    @path("atom/", name="atom")
    def atom_route(self, request):
        from home.feeds import LatestNewsAtomFeed

        return LatestNewsAtomFeed()(request, index=self)


# The fields of a news that its card shows: loading only them (with the image) halves the
# cost of building the pages of a listing.
CARD_FIELDS = ["title", "url_path", "date", "intro", "listing_image"]


def news_cards(news_list, request):
    """What the card of each news shows (components/news_card.html), its link and date
    formatted here once rather than by a template tag and filters in each card. The news
    need only their CARD_FIELDS."""
    return [
        {
            "title": news.title,
            "url": url_of(news.url_path, request),
            "image": news.listing_image,
            "date": news.date.isoformat(),
            "date_shown": date_format(news.date, "DATE_FORMAT"),
            "intro": news.intro,
        }
        for news in news_list
    ]


class NewsPage(BasePage):
    """One news item, child of the news index; its introduction is the lead."""

    date = models.DateField(_("date de publication"), default=timezone.localdate)
    body = StreamField(BodyBlock(), verbose_name=_("contenu"), blank=True)
    tags = ClusterTaggableManager(through=NewsPageTag, blank=True, verbose_name=_("mots-clés"))

    content_panels = BasePage.content_panels + [
        FieldPanel("date"),
        FieldPanel("listing_image"),
        FieldPanel("body"),
        FieldPanel("tags"),
    ]
    promote_panels = BasePage.promote_panels[:-1]

    search_fields = BasePage.search_fields + [
        index.SearchField("body"),
        index.FilterField("date"),
    ]
    translatable_fields = BasePage.translatable_fields + [
        TranslatableField("body"),
        SynchronizedField("date"),
        SynchronizedField("tags"),
    ]

    parent_page_types = ["home.NewsIndexPage"]
    subpage_types = []
    template = "pages/home/news_page.html"

    class Meta:
        verbose_name = _("actualité")
        verbose_name_plural = _("actualités")

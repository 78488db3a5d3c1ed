"""The home page and the general-purpose content page."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home.blocks import RICH_TEXT_FEATURES, BodyBlock
from home.figures import get_key_figures

from .base import BasePage


class HomePage(BasePage):
    """Root of each language tree: the network's front door, with a hero, its presentation,
    the latest news and key figures computed from the data."""

    hero_title = models.CharField(_("titre d'accroche"), max_length=200)
    hero_text = models.TextField(_("texte d'accroche"), blank=True)
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image d'accroche"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hero_link = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page mise en avant"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hero_link_label = models.CharField(_("libellé du lien"), max_length=60, blank=True)
    presentation_title = models.CharField(_("titre de la présentation"), max_length=200, blank=True)
    presentation = RichTextField(
        _("présentation du réseau"), features=RICH_TEXT_FEATURES, blank=True
    )

    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("hero_title"),
                FieldPanel("hero_text"),
                FieldPanel("hero_image"),
                FieldPanel("hero_link"),
                FieldPanel("hero_link_label"),
            ],
            heading=_("Accroche"),
        ),
        FieldPanel("presentation_title"),
        FieldPanel("presentation"),
    ]

    search_fields = BasePage.search_fields + [
        index.SearchField("hero_text"),
        index.SearchField("presentation"),
    ]

    translatable_fields = BasePage.translatable_fields + [
        TranslatableField("hero_title"),
        TranslatableField("hero_text"),
        TranslatableField("hero_link_label"),
        TranslatableField("presentation_title"),
        TranslatableField("presentation"),
        SynchronizedField("hero_image"),
        TranslatableField("hero_link"),
    ]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "home.StandardPage",
        "home.NewsIndexPage",
        "members.MemberIndexPage",
        "members.GovernancePage",
        "knowledge.CharterPage",
        "knowledge.PracticeLibraryPage",
    ]
    template = "pages/home/home_page.html"

    class Meta:
        verbose_name = _("page d'accueil")
        verbose_name_plural = _("pages d'accueil")

    def linked_page_ids(self):
        return [self.hero_link_id] if self.hero_link_id else []

    def get_context(self, request, *args, **kwargs):
        from wagtail.images import get_image_model

        from home.chrome import chrome
        from home.memo import per_generation
        from home.queries import live_public
        from home.renditions import filter_specs_of

        from .news import CARD_FIELDS, NEWS_CARD, NewsPage, news_cards

        context = super().get_context(request, *args, **kwargs)
        shell = chrome(request, self)
        latest_news = list(
            live_public(NewsPage.objects.filter(locale_id=self.locale_id, alias_of__isnull=True))
            .only(*CARD_FIELDS, "path")
            .order_by("-date", "-pk")[:3]
        )
        # The hero and the news cards' images with their renditions, in two queries.
        image_ids = {self.hero_image_id} | {news.listing_image_id for news in latest_news}
        images = (
            get_image_model()
            .objects.filter(pk__in=image_ids - {None})
            .prefetch_renditions(*filter_specs_of(self.get_template(request), NEWS_CARD))
        )
        images = {image.pk: image for image in images}
        if self.hero_image_id:
            self.hero_image = images[self.hero_image_id]
        for news in latest_news:
            if news.listing_image_id:
                news.listing_image = images[news.listing_image_id]
        context["latest_news"] = news_cards(latest_news, request)
        if latest_news:
            # The index of the newest news, the one the shell knows unless it has several.
            newest = latest_news[0]
            news_index = shell.news_index
            if not news_index or newest.path[: -self.steplen] != news_index.path:
                news_index = newest.get_parent()
            context["news_index"] = news_index
        context["hero_target"] = shell.localized_pages.get(self.hero_link_id)
        # Site-wide counts that only a change of the data behind them alters, and every
        # such change starts a new generation of the page cache (home/memo.py).
        context["key_figures"] = per_generation(
            request, ("key-figures", self.locale_id), lambda: get_key_figures(self.locale_id)
        )
        return context


class StandardPage(BasePage):
    """A free-form content page (about, legal notices, accessibility statement...)
    anywhere under the home page."""

    body = StreamField(BodyBlock(), verbose_name=_("contenu"), blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("body")]
    search_fields = BasePage.search_fields + [index.SearchField("body")]
    translatable_fields = BasePage.translatable_fields + [TranslatableField("body")]

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]
    template = "pages/home/standard_page.html"

    class Meta:
        verbose_name = _("page de contenu")
        verbose_name_plural = _("pages de contenu")

"""RSS 2.0 and Atom feeds of the latest news of one language, with Django's syndication."""

import datetime

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext as _

FEED_LENGTH = 20


class LatestNewsRssFeed(Feed):
    feed_type = Rss201rev2Feed

    def get_object(self, request, index):
        self.request = request
        return index

    def title(self, index):
        return _("%(site)s — actualités") % {"site": _("Réseau National des Budgets Participatifs")}

    def link(self, index):
        return index.get_url(request=self.request)

    def description(self, index):
        return index.intro or _("Les dernières actualités du réseau.")

    subtitle = description

    def items(self, index):
        return index.news().prefetch_related("tags")[:FEED_LENGTH]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.intro

    def item_link(self, item):
        return item.get_url(request=self.request)

    def item_pubdate(self, item):
        return timezone.make_aware(datetime.datetime.combine(item.date, datetime.time(9)))

    def item_updateddate(self, item):
        return item.last_published_at or self.item_pubdate(item)

    def item_categories(self, item):
        return [tag.name for tag in item.tags.all()]


class LatestNewsAtomFeed(LatestNewsRssFeed):
    feed_type = Atom1Feed

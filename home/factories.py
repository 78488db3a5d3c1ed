"""Factories for the page types of the site, built on wagtail-factories.

Pages come out live and published "now", as after "Publish" in the admin; pass
`live=False` for a draft that was never published. Give `parent=` to place a page."""

import datetime

from django.utils import timezone

from wagtail.models import Collection
from wagtail.rich_text import RichText

import factory
import wagtail_factories

from home.models import HomePage, NewsIndexPage, NewsPage, StandardPage


def _published_at(page):
    return timezone.now() if page.live else None


class PublishedPageFactory(wagtail_factories.PageFactory):
    live = True
    first_published_at = factory.LazyAttribute(_published_at)
    last_published_at = factory.SelfAttribute("first_published_at")

    class Meta:
        abstract = True


class ImageFactory(wagtail_factories.ImageFactory):
    """An image in the root collection (wagtail-factories would create a new root)."""

    title = factory.Sequence(lambda n: f"Illustration {n}")
    collection = factory.LazyFunction(Collection.get_first_root_node)


class DocumentFactory(wagtail_factories.DocumentFactory):
    """A document in the root collection."""

    title = factory.Sequence(lambda n: f"Document {n}")
    collection = factory.LazyFunction(Collection.get_first_root_node)


class HomePageFactory(PublishedPageFactory):
    title = "Accueil"
    hero_title = "Ensemble, donnons du pouvoir d'agir aux habitantes et aux habitants"
    hero_text = "Le réseau rassemble les collectivités qui mènent un budget participatif."

    class Meta:
        model = HomePage


class StandardPageFactory(PublishedPageFactory):
    title = factory.Sequence(lambda n: f"Page de contenu {n}")
    intro = "Une page de présentation du réseau."
    body = factory.LazyFunction(
        lambda: [
            ("heading", {"text": "Une charte commune", "level": "h2"}),
            ("paragraph", RichText("<p>Donner du pouvoir d'agir aux citoyens.</p>")),
        ]
    )

    class Meta:
        model = StandardPage


class NewsIndexPageFactory(PublishedPageFactory):
    title = "Actualités"
    intro = "Les nouvelles du réseau et de ses membres."

    class Meta:
        model = NewsIndexPage


class NewsPageFactory(PublishedPageFactory):
    title = factory.Sequence(lambda n: f"Actualité du réseau n° {n}")
    intro = "Une nouvelle collectivité rejoint le réseau."
    # Consecutive days, so that a later factory call is a newer news item.
    date = factory.Sequence(lambda n: datetime.date(2024, 1, 1) + datetime.timedelta(days=n))
    body = factory.LazyFunction(
        lambda: [("paragraph", RichText("<p>Le réseau accueille un nouveau membre.</p>"))]
    )

    class Meta:
        model = NewsPage
        skip_postgeneration_save = True

    @factory.post_generation
    def tags(self, create, extracted, **kwargs):
        """`NewsPageFactory(tags=["inclusion", "vote"])` tags the news item."""
        if not extracted:
            return
        self.tags.add(*extracted)
        if create:
            self.save()

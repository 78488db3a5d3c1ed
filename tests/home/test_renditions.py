"""Listings prefetch only the renditions their templates show (home/renditions.py): an
image's renditions for other templates are never loaded, and none is created again."""

from django.core.cache import cache
from django.db.models.signals import post_init

from wagtail.images import get_image_model

import pytest

from home.factories import ImageFactory, NewsPageFactory
from home.renditions import filter_specs_of

pytestmark = pytest.mark.django_db

Rendition = get_image_model().get_rendition_model()
# Renditions that other templates show: a news page's width, the social image.
OTHER_SPECS = ["width-1200|format-webp", "fill-1200x630|format-jpeg"]


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def test_the_news_cards_specs_are_read_from_their_template():
    specs = filter_specs_of("components/news_card.html")
    assert "format-webp|fill-400x225" in specs
    assert len(specs) == 6  # three formats, two sizes


@pytest.mark.parametrize("path", ["/", "/actualites/"])
def test_a_listing_builds_only_the_renditions_it_shows(client, news_index, path):
    image = ImageFactory()
    image.get_renditions(*OTHER_SPECS)
    NewsPageFactory(parent=news_index, listing_image=image)
    assert client.get(path).status_code == 200  # creates the cards' renditions
    created = Rendition.objects.count()
    cache.clear()  # neither the pictures' HTML nor the renditions kept
    built = []

    def count(sender, instance, **kwargs):
        built.append(instance.filter_spec)

    post_init.connect(count, sender=Rendition)
    try:
        assert client.get(path).status_code == 200
    finally:
        post_init.disconnect(count, sender=Rendition)
    assert Rendition.objects.count() == created
    assert "format-webp|fill-400x225" in built
    assert not set(built) & set(OTHER_SPECS)

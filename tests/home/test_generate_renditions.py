"""`manage.py generate_renditions`: every rendition the templates ask for, made once for
every image, so that pages render without encoding an image."""

import io

from django.core.management import call_command

from wagtail.images.models import Rendition

import pytest

from home.factories import ImageFactory, NewsPageFactory
from home.management.commands.generate_renditions import template_filters
from members.factories import AMIENS, MemberIndexPageFactory, MemberPageFactory, authority

pytestmark = pytest.mark.django_db


def generate():
    output = io.StringIO()
    call_command("generate_renditions", stdout=output, stderr=output)
    return output.getvalue()


def test_template_specs_include_the_avif_and_webp_sources_of_each_picture():
    specs = set(template_filters())
    assert {"format-avif|fill-400x225", "format-webp|fill-400x225"} <= specs  # news card
    assert {"format-avif|width-800", "format-webp|width-800"} <= specs  # figure, news page
    assert {"format-avif|max-160x160", "format-webp|max-320x320"} <= specs  # member logo
    assert "fill-1200x630|format-jpeg" in specs  # social networks' preview


def test_every_image_gets_every_template_rendition_once():
    images = [ImageFactory(), ImageFactory()]
    output = generate()
    specs = set(template_filters())
    for image in images:
        assert set(image.renditions.values_list("filter_spec", flat=True)) == specs
    assert f"2 images: {2 * len(specs)} renditions created, 0 already there" in output


def test_a_second_run_creates_nothing():
    ImageFactory()
    generate()
    count = Rendition.objects.count()
    output = generate()
    assert Rendition.objects.count() == count
    assert f"1 images: 0 renditions created, {count} already there, 0 images failed" in output


def test_pages_render_without_a_new_rendition_afterwards(client, home, news_index):
    image = ImageFactory()
    home.hero_image = image
    home.save_revision().publish()
    NewsPageFactory(parent=news_index, slug="rencontres", listing_image=image)
    members = MemberIndexPageFactory(parent=home)
    MemberPageFactory(parent=members, authority=authority(*AMIENS), slug="amiens", logo=image)
    generate()
    count = Rendition.objects.count()
    for path in ("/", "/actualites/", "/actualites/rencontres/", "/membres/amiens/"):
        assert client.get(path).status_code == 200
    assert Rendition.objects.count() == count


def test_an_image_without_its_file_is_reported_and_the_others_are_done():
    broken, image = ImageFactory(), ImageFactory()
    broken.file.storage.delete(broken.file.name)
    output = generate()
    assert f"Image {broken.pk} ({broken.title})" in output
    assert image.renditions.count() == len(template_filters())
    assert "2 images:" in output and "1 images failed" in output

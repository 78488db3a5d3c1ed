"""The site's image tags (home/templatetags/site_images.py): Wagtail's output, with each
tag's filter specs parsed once per template rather than at every render."""

from django.template import Context, Template

from wagtail.images.templatetags import wagtailimages_tags

import pytest

from home.factories import ImageFactory

pytestmark = pytest.mark.django_db

TAGS = [
    '{% picture photo format-{webp,jpeg} fill-{40x30,80x60} sizes="100vw" alt="" %}',
    '{% srcset_image photo width-{40,80} sizes="100vw" class="photo" %}',
    '{% image photo fill-60x40 format-jpeg alt="Une photo" %}',
    "{% image photo fill-60x40 as thumbnail %}{{ thumbnail.url }} {{ thumbnail.width }}",
]


def render(library, tag, image):
    return Template(f"{{% load {library} %}}{tag}").render(Context({"photo": image}))


@pytest.mark.parametrize("tag", TAGS)
def test_each_tag_renders_as_wagtails_own(tag):
    image = ImageFactory()
    ours = render("site_images", tag, image)
    assert ours == render("wagtailimages_tags", tag, image)
    assert "/images/" in ours


@pytest.mark.parametrize(("library", "built"), [("site_images", 4), ("wagtailimages_tags", 12)])
def test_filters_are_built_once_per_template(monkeypatch, library, built):
    counted = []

    class CountedFilter(wagtailimages_tags.Filter):
        def __init__(self, *args, **kwargs):
            counted.append(kwargs.get("spec"))
            super().__init__(*args, **kwargs)

    monkeypatch.setattr(wagtailimages_tags, "Filter", CountedFilter)
    template = Template(f"{{% load {library} %}}{TAGS[0]}")
    for image in [ImageFactory(), ImageFactory(), ImageFactory()]:
        template.render(Context({"photo": image}))
    assert len(counted) == built


def test_a_missing_image_renders_nothing():
    assert render("site_images", TAGS[0], None) == ""


def count_built(monkeypatch):
    built = []
    original = wagtailimages_tags.Picture.__html__

    def counted(picture):
        built.append(picture)
        return original(picture)

    monkeypatch.setattr(wagtailimages_tags.Picture, "__html__", counted)
    return built


def test_a_pictures_html_is_built_once_then_kept(monkeypatch):
    built = count_built(monkeypatch)
    image = ImageFactory()
    first = render("site_images", TAGS[0], image)
    assert render("site_images", TAGS[0], image) == first
    assert len(built) == 1


@pytest.mark.parametrize(
    "change",
    [
        {"focal_point_x": 10, "focal_point_y": 10, "focal_point_width": 5, "focal_point_height": 5},
        {"title": "Un autre titre"},
    ],
)
def test_a_changed_image_gets_new_html(change):
    image = ImageFactory()
    tag = '{% picture photo format-jpeg fill-{40x30,80x60} sizes="100vw" %}'
    before = render("site_images", tag, image)
    for field, value in change.items():
        setattr(image, field, value)
    image.save()
    after = render("site_images", tag, image)
    assert after != before
    assert after == render("wagtailimages_tags", tag, image)


def test_other_attributes_get_other_html():
    image = ImageFactory()
    assert "Une photo" in render("site_images", TAGS[2], image)
    other = TAGS[2].replace("Une photo", "Une autre photo")
    assert "Une autre photo" in render("site_images", other, image)


def test_a_missing_files_placeholder_is_not_kept(monkeypatch):
    built = count_built(monkeypatch)
    image = ImageFactory()
    image.file.storage.delete(image.file.name)
    for _ in range(2):
        assert "not-found" in render("site_images", TAGS[0], image)
    assert len(built) == 2

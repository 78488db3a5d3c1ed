"""The demo-content command builds the French site with its English translations, and
changes nothing when run again."""

from io import StringIO

from django.core.management import call_command

from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Revision

import pytest

from home.demo import content
from home.models import Footer

pytestmark = pytest.mark.django_db


@pytest.fixture
def load_demo_content(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path

    def load():
        output = StringIO()
        call_command("load_demo_content", stdout=output)
        return output.getvalue()

    return load


def counts():
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "images": get_image_model().objects.count(),
        "footers": Footer.objects.count(),
    }


def test_demo_content_builds_french_pages_translated_into_english(load_demo_content):
    load_demo_content()
    english = Locale.objects.get(language_code="en")
    french_pages = Page.objects.filter(locale__language_code="fr", depth__gt=1).specific()
    assert len(french_pages) == 3 + len(content.NEWS) + len(content.LEGAL_PAGES)
    titles = {}
    for french in french_pages:
        translation = french.get_translation(english)  # same translation_key
        assert translation.live, french
        assert translation.alias_of_id is None, french
        titles[french.title] = translation.title
    assert titles[content.HOME["fr"]["title"]] == content.HOME["en"]["title"]
    assert titles[content.ABOUT["fr"]["title"]] == content.ABOUT["en"]["title"]
    assert titles[content.NEWS_INDEX["fr"]["title"]] == content.NEWS_INDEX["en"]["title"]
    for item in content.NEWS:
        assert titles[item["fr"][0]] == item["en"][0]
    for page in content.LEGAL_PAGES.values():
        assert titles[page["fr"]["title"]] == page["en"]["title"]


def test_demo_content_second_run_changes_nothing(load_demo_content):
    load_demo_content()
    before = counts()
    output = load_demo_content()
    assert "nothing changed" in output
    assert counts() == before

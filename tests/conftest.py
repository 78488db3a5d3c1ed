"""Shared fixtures: the two locales, a site whose root is a French home page translated
into English, a news section, a superuser, and a helper to translate pages."""

from django.core.cache import cache
from django.utils import translation

from wagtail.models import Locale, Page, Site

import pytest

from home.factories import HomePageFactory, NewsIndexPageFactory


@pytest.fixture(autouse=True)
def _isolate_cache_and_language():
    # Wagtail caches the site root paths, and a request leaves its language active in the
    # thread: neither may leak from one test into the next.
    cache.clear()
    translation.activate("fr")
    yield
    translation.deactivate()


@pytest.fixture
def french(db):
    """Created by Wagtail's first migration from LANGUAGE_CODE."""
    return Locale.objects.get(language_code="fr")


@pytest.fixture
def english(db):
    """Created by home/migrations/0002_locales.py."""
    return Locale.objects.get(language_code="en")


@pytest.fixture
def translate(english):
    """Translate a page into English as a translator would: copy it, change the given
    fields, publish. Its parent must be translated first."""

    def translate(page, **fields):
        translated = page.copy_for_translation(english)
        for name, value in fields.items():
            setattr(translated, name, value)
        translated.save_revision().publish()
        translated.refresh_from_db()
        return translated

    return translate


@pytest.fixture
def home(french):
    """The French home page, root of the default site in place of Wagtail's welcome page."""
    home = HomePageFactory(parent=Page.get_first_root_node())
    site = Site.objects.get(is_default_site=True)
    welcome = site.root_page
    site.root_page = home
    site.site_name = "Réseau National des Budgets Participatifs"
    site.save()
    welcome.delete()
    return home


@pytest.fixture
def site(home):
    return Site.objects.get(is_default_site=True)


@pytest.fixture
def english_home(home, translate):
    return translate(
        home,
        title="Home",
        hero_title="Together, let's give residents the power to act",
        hero_text="The network brings together the authorities that run a participatory budget.",
    )


@pytest.fixture
def news_index(home):
    return NewsIndexPageFactory(parent=home, slug="actualites")


@pytest.fixture
def english_news_index(news_index, english_home, translate):
    return translate(news_index, title="News", intro="News from the network and its members.")


@pytest.fixture
def superuser(django_user_model):
    return django_user_model.objects.create_superuser(
        "admin", "admin@reseau-bp.example", "mot-de-passe-de-test"
    )


@pytest.fixture
def superuser_client(client, superuser):
    client.force_login(superuser)
    return client

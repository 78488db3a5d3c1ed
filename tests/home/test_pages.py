"""Page types: where each may sit in the tree, creation from the admin form, rendering in
both languages."""

from django.urls import reverse

from wagtail.models import Page
from wagtail.rich_text import RichText
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

import pytest

from home.factories import (
    DocumentFactory,
    ImageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    StandardPageFactory,
)
from home.models import HomePage, NewsIndexPage, NewsPage, StandardPage
from knowledge.models import CharterPage, PracticeLibraryPage
from members.models import GovernancePage, MemberIndexPage

from .helpers import parse

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("model", "parents"),
    [
        (HomePage, {Page}),
        (StandardPage, {HomePage, StandardPage}),
        (NewsIndexPage, {HomePage}),
        (NewsPage, {NewsIndexPage}),
    ],
    ids=["HomePage", "StandardPage", "NewsIndexPage", "NewsPage"],
)
def test_page_type_allows_only_its_parent_page_types(model, parents):
    assert set(model.allowed_parent_page_models()) == parents


@pytest.mark.parametrize(
    ("model", "children"),
    [
        (
            HomePage,
            {
                StandardPage,
                NewsIndexPage,
                MemberIndexPage,
                GovernancePage,
                CharterPage,
                PracticeLibraryPage,
            },
        ),
        (StandardPage, {StandardPage}),
        (NewsIndexPage, {NewsPage}),
        (NewsPage, set()),
    ],
    ids=["HomePage", "StandardPage", "NewsIndexPage", "NewsPage"],
)
def test_page_type_allows_only_its_subpage_types(model, children):
    assert set(model.allowed_subpage_models()) == children


def test_home_page_can_be_created_at_the_root_only(home):
    assert HomePage.can_create_at(Page.get_first_root_node())
    assert not HomePage.can_create_at(home)


def test_standard_page_can_be_nested_under_a_standard_page_but_not_under_the_news(news_index):
    about = StandardPageFactory(parent=news_index.get_parent())
    assert StandardPage.can_create_at(about)
    assert not StandardPage.can_create_at(news_index)


def test_news_index_is_limited_to_one_per_home_page(home):
    assert NewsIndexPage.can_create_at(home)
    NewsIndexPageFactory(parent=home)
    assert not NewsIndexPage.can_create_at(home)


def test_news_page_can_be_created_under_the_news_index_only(home, news_index):
    assert NewsPage.can_create_at(news_index)
    assert not NewsPage.can_create_at(home)
    assert not NewsPage.can_create_at(NewsPageFactory(parent=news_index))


def publish_from_admin(client, model, parent, fields):
    """Submit the admin's "add page" form with the "Publish" button."""
    url = reverse("wagtailadmin_pages:add", args=("home", model._meta.model_name, parent.pk))
    data = {**fields, "comments": inline_formset([]), "action-publish": "publish"}
    response = client.post(url, nested_form_data(data))
    # An invalid form answers 200 with the errors: show them rather than a bare status.
    errors = response.context["form"].errors if response.status_code == 200 else None
    assert response.status_code == 302, errors
    return model.objects.get(slug=fields["slug"], locale__language_code="fr")


def test_home_page_can_be_created_from_the_admin_form(superuser_client, french):
    page = publish_from_admin(
        superuser_client,
        HomePage,
        Page.get_first_root_node(),
        {
            "title": "Accueil",
            "slug": "accueil",
            "intro": "Le réseau des collectivités qui mènent un budget participatif.",
            "hero_title": "Ensemble, donnons du pouvoir d'agir aux habitants",
            "hero_link_label": "Découvrir le réseau",
            "presentation_title": "Un réseau de collectivités pionnières",
            "presentation": rich_text("<p>Fondé le 8 novembre 2022 à Amiens.</p>"),
        },
    )
    assert page.live
    assert page.hero_title == "Ensemble, donnons du pouvoir d'agir aux habitants"
    assert "Amiens" in page.presentation


def test_standard_page_can_be_created_from_the_admin_form(superuser_client, home):
    page = publish_from_admin(
        superuser_client,
        StandardPage,
        home,
        {
            "title": "Le réseau",
            "slug": "le-reseau",
            "intro": "Qui nous sommes.",
            "body": streamfield(
                [
                    ("heading", {"text": "Une naissance à Amiens", "level": "h2"}),
                    ("paragraph", rich_text("<p>Le réseau a été fondé en 2022.</p>")),
                    (
                        "quote",
                        {"text": "Donner du pouvoir d'agir aux citoyens.", "attribution": ""},
                    ),
                ]
            ),
        },
    )
    assert page.live
    assert [block.block_type for block in page.body] == ["heading", "paragraph", "quote"]


def test_news_index_page_can_be_created_from_the_admin_form(superuser_client, home):
    page = publish_from_admin(
        superuser_client,
        NewsIndexPage,
        home,
        {"title": "Actualités", "slug": "actualites", "intro": "Les nouvelles du réseau."},
    )
    assert page.live
    assert page.get_parent().pk == home.pk


def test_news_page_can_be_created_from_the_admin_form(superuser_client, news_index):
    page = publish_from_admin(
        superuser_client,
        NewsPage,
        news_index,
        {
            "title": "Rencontres nationales 2025 à Marseille",
            "slug": "rencontres-nationales-2025",
            "intro": "Marseille accueille l'édition 2025.",
            "date": "2025-10-09",
            "tags": "rencontres nationales, marseille",
            "body": streamfield([("paragraph", rich_text("<p>Programme à venir.</p>"))]),
        },
    )
    assert page.live
    assert str(page.date) == "2025-10-09"
    assert set(page.tags.names()) == {"rencontres nationales", "marseille"}


@pytest.fixture
def translated_pages(home, english_home, news_index, english_news_index, translate):
    """One page of each type with its published English translation."""
    about = StandardPageFactory(parent=home, title="Le réseau", slug="le-reseau")
    news = NewsPageFactory(
        parent=news_index, title="Rencontres nationales 2025 à Marseille", tags=["rencontres"]
    )
    return {
        "home": (home, english_home),
        "standard": (about, translate(about, title="The network")),
        "news_index": (news_index, english_news_index),
        "news": (news, translate(news, title="2025 national meeting in Marseille")),
    }


@pytest.mark.parametrize("language", ["fr", "en"])
@pytest.mark.parametrize("kind", ["home", "standard", "news_index", "news"])
def test_page_renders_in_french_and_english(client, translated_pages, kind, language):
    french, english = translated_pages[kind]
    page = (french if language == "fr" else english).specific
    response = client.get(page.url)
    assert response.status_code == 200
    html = parse(response)
    assert html.html["lang"] == language
    expected_heading = page.hero_title if kind == "home" else page.title
    assert html.h1.get_text(strip=True) == expected_heading


def test_standard_page_renders_every_body_block(client, settings, tmp_path, home):
    settings.MEDIA_ROOT = tmp_path
    target = StandardPageFactory(parent=home, title="Adhérer", slug="adherer")
    page = StandardPageFactory(
        parent=home,
        slug="le-reseau",
        body=[
            ("heading", {"text": "Une gouvernance par collèges", "level": "h3"}),
            ("paragraph", RichText("<p>Le collège des pairs et celui des habitants.</p>")),
            ("image", {"image": {"image": ImageFactory(), "decorative": True, "alt_text": ""}}),
            ("quote", {"text": "Donner du pouvoir d'agir.", "attribution": "La charte"}),
            (
                "call_to_action",
                {
                    "title": "Rejoindre",
                    "text": "",
                    "page": target,
                    "url": "",
                    "button_label": "Adhérer",
                },
            ),
            ("document", {"document": DocumentFactory(title="Charte"), "title": ""}),
        ],
    )
    response = client.get(page.url)
    assert response.status_code == 200
    article = parse(response).select_one("main article")
    assert article.select_one("h3").get_text(strip=True) == "Une gouvernance par collèges"
    assert "Le collège des pairs" in article.select_one(".rich-text").get_text()
    assert article.select_one("figure.figure img") is not None
    assert article.select_one("blockquote").get_text(strip=True) == "Donner du pouvoir d'agir."
    assert article.select_one(".call-to-action a")["href"] == "/adherer/"
    assert article.select_one(".document-link a").get_text(" ", strip=True).startswith("Charte")

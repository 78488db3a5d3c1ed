"""The footer of every page states the accessibility conformity level and links to the
accessibility statement in the visitor's language (a legal duty of French public sites)."""

from wagtail.models import PageViewRestriction

import pytest

from home.factories import NewsPageFactory, StandardPageFactory
from home.models import Footer, FooterLink, SiteSettings

from .helpers import parse

pytestmark = pytest.mark.django_db


@pytest.fixture
def statement(site, english_home, translate):
    """The accessibility statement, translated, chosen in the site settings."""
    page = StandardPageFactory(
        parent=site.root_page, title="Déclaration d'accessibilité", slug="accessibilite"
    )
    translate(page, title="Accessibility statement")
    site_settings = SiteSettings.for_site(site)
    site_settings.accessibility_conformity = SiteSettings.Conformity.PARTIAL
    site_settings.accessibility_page = page
    site_settings.save()
    return page


@pytest.fixture
def paths(statement, news_index, english_news_index, translate):
    """A page of each type, and a missing page, in each language."""
    news = NewsPageFactory(parent=news_index, slug="rencontres-nationales")
    translate(news, title="National meeting")
    return [
        "/",
        "/accessibilite/",
        "/actualites/",
        "/actualites/rencontres-nationales/",
        "/page-inexistante/",
    ]


def accessibility_link(response, href):
    return parse(response).select_one(f"footer a[href='{href}']")


def test_every_french_page_links_the_statement_with_the_conformity_level(client, paths):
    for path in paths:
        link = accessibility_link(client.get(path), "/accessibilite/")
        assert link is not None, path
        assert "partiellement conforme" in link.get_text(" ", strip=True), path


def test_every_english_page_links_the_english_statement_with_the_conformity_level(client, paths):
    for path in paths:
        link = accessibility_link(client.get("/en" + path), "/en/accessibilite/")
        assert link is not None, path
        assert "partially compliant" in link.get_text(" ", strip=True), path


def test_footer_states_the_conformity_level_without_a_statement_page(client, site):
    site_settings = SiteSettings.for_site(site)
    site_settings.accessibility_conformity = SiteSettings.Conformity.NONE
    site_settings.save()
    footer = parse(client.get("/")).select_one("footer")
    statement_line = footer.find(string=lambda text: "non conforme" in text)
    assert statement_line is not None
    assert "Accessibilité" in statement_line
    assert statement_line.find_parent("a") is None


def test_english_footer_links_to_english_pages_with_their_english_titles(
    client, home, english_home, translate
):
    about = StandardPageFactory(parent=home, title="Le réseau", slug="le-reseau")
    translate(about, title="The network")
    french_footer = Footer(locale=home.locale, links=[FooterLink(page=about)])
    french_footer.save()
    # A translated snippet keeps the French page chosen in its links.
    Footer(
        locale=english_home.locale,
        translation_key=french_footer.translation_key,
        links=[FooterLink(page=about)],
    ).save()
    french_links = parse(client.get("/")).select(".footer-links a[href='/le-reseau/']")
    english_links = parse(client.get("/en/")).select(".footer-links a[href='/en/le-reseau/']")
    assert [link.get_text(strip=True) for link in french_links] == ["Le réseau"]
    assert [link.get_text(strip=True) for link in english_links] == ["The network"]


def test_footer_hides_links_to_draft_and_private_pages(client, home):
    draft = StandardPageFactory(parent=home, title="Projet de page", slug="projet", live=False)
    private = StandardPageFactory(parent=home, title="Espace des membres", slug="espace")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    Footer(locale=home.locale, links=[FooterLink(page=draft), FooterLink(page=private)]).save()
    footer = parse(client.get("/")).select_one("footer").get_text(" ", strip=True)
    assert "Projet de page" not in footer
    assert "Espace des membres" not in footer

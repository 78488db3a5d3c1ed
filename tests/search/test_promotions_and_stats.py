"""Promotions staff set for a query come first; popular queries and queries that found
nothing are recorded for staff, and the report of the latter is for staff only."""

from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.urls import reverse

from wagtail.contrib.search_promotions.models import Query, SearchPromotion

import pytest

from home.factories import StandardPageFactory
from search import stats
from search.batch import Batch
from search.models import UnansweredQuery

from .helpers import get_page, library_url, text

pytestmark = pytest.mark.django_db


def promote(query, page=None, **fields):
    return SearchPromotion.objects.create(
        query=Query.get(query), page=page, sort_order=SearchPromotion.objects.count(), **fields
    )


def promoted_titles(html):
    return [text(link) for link in html.select(".promotions .result-title a")]


def test_promotions_come_first_in_the_site_search(client, home, add_sheet):
    add_sheet(title="Le budget des écoles")
    guide = StandardPageFactory(parent=home, title="Guide du budget participatif")
    promote("budget", guide, description="Tout savoir pour commencer.")
    promote("budget", external_link_url="https://example.org/", external_link_text="Un site ami")
    html = get_page(client, "/recherche/?q=Budget")
    assert promoted_titles(html) == ["Guide du budget participatif", "Un site ami"]
    first_heading = html.select(".site-search h2")[0]
    assert first_heading.get("id") == "promotions-title"
    assert "Tout savoir pour commencer." in html.select_one(".promotions").get_text()


def test_promotions_show_only_live_public_pages_of_the_language(
    client, home, english_home, translate
):
    translated = StandardPageFactory(parent=home, title="Le guide")
    translate(translated, title="The guide")
    untranslated = StandardPageFactory(parent=home, title="Le mode d'emploi")
    draft = StandardPageFactory(parent=home, title="Le brouillon", live=False)
    for page in (translated, untranslated, draft):
        promote("guide", page)
    assert promoted_titles(get_page(client, "/recherche/?q=guide")) == [
        "Le guide",
        "Le mode d'emploi",
    ]
    assert promoted_titles(get_page(client, "/en/search/?q=guide")) == ["The guide"]


def test_library_shows_promoted_sheets_only(client, home, add_sheet):
    sheet = add_sheet(title="Des urnes mobiles")
    promote("urnes", StandardPageFactory(parent=home, title="Une page"))
    promote("urnes", sheet)
    assert promoted_titles(get_page(client, library_url(q="urnes"))) == ["Des urnes mobiles"]


def test_searches_are_counted_once_per_search(client, add_sheet):
    add_sheet(title="Des urnes mobiles")
    client.get(library_url(q="Urnes"))
    client.get("/recherche/", {"q": "urnes "})
    client.get("/recherche/", {"q": "urnes", "page": "2"})
    assert Query.objects.get(query_string="urnes").hits == 2


@pytest.mark.skipif(connection.vendor != "postgresql", reason="one statement on PostgreSQL")
def test_counting_a_search_does_not_wait_for_the_disk(rf, home):
    settings = []
    batch = Batch()
    batch.add("SELECT current_setting('synchronous_commit')", [], settings.extend)
    promotions = stats.record_and_promote(
        rf.get("/"), "urnes", 0, "fr", "site", home.locale, batch=batch
    )
    # set_config(…, true) holds until the end of the transaction, as SET LOCAL.
    batch.add("SELECT current_setting('synchronous_commit')", [], settings.extend)
    batch.run()
    assert settings == [("on",), ("off",)]
    assert promotions == []
    assert Query.objects.get(query_string="urnes").hits == 1
    assert UnansweredQuery.objects.get(query_string="urnes").hits == 1


def test_queries_without_results_are_recorded(client, add_sheet):
    add_sheet(title="Des urnes mobiles")
    client.get(library_url(q="Téléphérique"))
    client.get(library_url(q="téléphérique"))
    client.get("/en/search/", {"q": "téléphérique"})
    client.get(library_url(q="urnes"))
    recorded = {
        (query.query_string, query.scope, query.language, query.hits)
        for query in UnansweredQuery.objects.all()
    }
    assert recorded == {
        ("téléphérique", "library", "fr", 2),
        ("téléphérique", "site", "en", 1),
    }


def test_empty_queries_are_not_recorded(client, add_sheet):
    client.get(library_url(q="  "))
    client.get("/recherche/", {"q": ""})
    assert not Query.objects.exists()
    assert not UnansweredQuery.objects.exists()


REPORT_URL = "/admin/reports/unanswered-searches/"


def test_report_lists_queries_without_results_to_superusers(superuser_client):
    UnansweredQuery.objects.create(query_string="téléphérique", language="fr", scope="site", hits=3)
    response = superuser_client.get(REPORT_URL)
    assert response.status_code == 200
    assert "téléphérique" in response.content.decode()
    assert reverse("search_unanswered_queries") == REPORT_URL


def test_report_is_in_the_reports_menu(superuser_client):
    assert REPORT_URL in superuser_client.get("/admin/").content.decode()


def test_report_is_refused_to_anonymous_visitors(client):
    response = client.get(REPORT_URL)
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_report_is_refused_to_editors_without_the_permission(client, django_user_model):
    editor = django_user_model.objects.create_user("editor", password="x")
    editors = Group.objects.get(name="Editors")
    editor.groups.add(editors)
    client.force_login(editor)
    assert client.get(REPORT_URL).status_code in (302, 403)
    assert REPORT_URL not in client.get("/admin/").content.decode()
    editors.permissions.add(Permission.objects.get(codename="view_unansweredquery"))
    assert client.get(REPORT_URL).status_code == 200

"""The Elasticsearch backend without a server: its French analysis settings, the mapping of our
page types, the fallback to the database backend when Elasticsearch cannot be reached, and the
settings that select it. One test needs a live server and runs only when ELASTICSEARCH_URL is
set."""

import io
import json
import logging
import os
import socket
import subprocess
import sys
import uuid
from unittest import mock

from django.conf import settings
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from django.utils import translation

from wagtail.models import Page
from wagtail.search.backends import get_search_backend
from wagtail.search.backends.elasticsearch9 import Elasticsearch9SearchBackend
from wagtail.search.index import FilterField, SearchField
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

import pytest
from elasticsearch import NotFoundError

from home.factories import NewsIndexPageFactory, NewsPageFactory, StandardPageFactory
from home.models import NewsPage, StandardPage
from knowledge.models import CharterPage, PracticeLibraryPage, PracticeSheetPage
from members.factories import AMIENS, MemberIndexPageFactory, MemberPageFactory, authority
from members.models import MemberPage
from search.elasticsearch import (
    INDEX_SETTINGS,
    FallbackElasticsearchBackend,
    FallbackSearchResults,
)

FILTERABLE_TYPES = {"keyword", "integer", "long", "boolean", "date", "double"}


def closed_port_url():
    """The URL of a local port that nothing listens on: connections are refused at once."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}"


def elasticsearch_backends(url, **options):
    """WAGTAILSEARCH_BACKENDS as cms/settings/base.py builds them when ELASTICSEARCH_URL is set."""
    return {
        "default": {
            "BACKEND": "search.elasticsearch.FallbackElasticsearchBackend",
            "URLS": [url],
            "INDEX_SETTINGS": INDEX_SETTINGS,
            "FALLBACK": "database",
            **options,
        },
        "database": {"BACKEND": "wagtail.search.backends.database", "SEARCH_CONFIG": "french"},
    }


@pytest.fixture(autouse=True)
def _forget_unreachable_servers():
    # Wagtail builds a backend per search, so there is no backend cache to reset; only the
    # class-level memory of failed servers outlives a test.
    FallbackElasticsearchBackend._unreachable_until.clear()
    yield
    FallbackElasticsearchBackend._unreachable_until.clear()


def build_backend(backend_class=FallbackElasticsearchBackend):
    return backend_class({"URLS": [closed_port_url()], "INDEX_SETTINGS": INDEX_SETTINGS})


def analyzer_of(field_mapping, backend):
    """The analyzer Elasticsearch applies to a text field: the one it names, else "default"."""
    name = field_mapping.get("analyzer", "default")
    return backend.settings["settings"]["analysis"]["analyzer"][name]


def assert_is_french(analyzer):
    assert analyzer["tokenizer"] == "standard"
    assert analyzer["filter"] == [
        "french_elision",
        "lowercase",
        "french_stop",
        "asciifolding",
        "french_stemmer",
    ]


# Settings


@pytest.mark.parametrize(
    "backend_class",
    [FallbackElasticsearchBackend, Elasticsearch9SearchBackend],
    ids=["fallback backend", "Wagtail's backend"],
)
def test_backend_settings_make_french_the_default_analysis(backend_class):
    analysis = build_backend(backend_class).settings["settings"]["analysis"]

    assert_is_french(analysis["analyzer"]["default"])
    elision = analysis["filter"]["french_elision"]
    assert elision["type"] == "elision"
    assert {"l", "d", "qu", "jusqu", "lorsqu"} <= set(elision["articles"])
    assert analysis["filter"]["french_stop"] == {"type": "stop", "stopwords": "_french_"}
    assert analysis["filter"]["french_stemmer"] == {"type": "stemmer", "language": "light_french"}


def test_backend_settings_keep_wagtails_own_analysis():
    backend = build_backend()
    analysis = backend.settings["settings"]["analysis"]

    assert "ngram_analyzer" in analysis["analyzer"]
    assert analysis["filter"]["edgengram"]["type"] == "edge_ngram"
    assert backend.settings["settings"]["index"]["max_ngram_diff"] == 12


def test_autocomplete_analyzers_drop_elided_articles_and_accents():
    analyzers = build_backend().settings["settings"]["analysis"]["analyzer"]

    assert analyzers["edgengram_analyzer"]["filter"] == [
        "french_elision",
        "lowercase",
        "asciifolding",
        "edgengram",
    ]
    assert analyzers["autocomplete_search"]["filter"] == [
        "french_elision",
        "lowercase",
        "asciifolding",
    ]


def test_english_analyzer_stems_english_and_folds_accents():
    analyzer = build_backend().settings["settings"]["analysis"]["analyzer"]["english_text"]
    assert analyzer["filter"][-2:] == ["asciifolding", "english_stemmer"]


def test_client_times_out_quickly_and_never_retries():
    backend = build_backend()
    assert backend.timeout == 2
    # The client keeps these per request options on itself, not on its transport.
    assert backend.es._max_retries == 0
    assert backend.es._retry_on_timeout is False


# Mapping of our page types

SEARCHABLE = {
    PracticeSheetPage: [
        "title",
        "intro",
        "summary",
        "easy_read_summary",
        "context",
        "method",
        "results",
        "lessons",
        "resources",
    ],
    MemberPage: ["title", "intro", "presentation"],
    NewsPage: ["title", "intro", "body"],
    StandardPage: ["title", "intro", "body"],
    CharterPage: ["title", "intro", "preamble"],
}
FILTERS = {
    PracticeSheetPage: {
        "live": "boolean",
        "locale": "integer",
        "member": "integer",
        "year_start": "integer",
    },
    MemberPage: {"live": "boolean", "locale": "integer", "authority_id": "long"},
    NewsPage: {"live": "boolean", "locale": "integer", "date": "date"},
    StandardPage: {"live": "boolean", "locale": "integer"},
    CharterPage: {"live": "boolean", "locale": "integer"},
}
PAGE_TYPES = list(SEARCHABLE)


def search_field(model, name, kind):
    return next(
        field
        for field in model.get_search_fields()
        if isinstance(field, kind) and field.field_name == name
    )


@pytest.mark.parametrize("model", PAGE_TYPES, ids=lambda model: model.__name__)
def test_mapping_analyses_searchable_fields_in_french_with_an_english_subfield(model):
    backend = build_backend()
    mapping = backend.mapping_class(model)
    properties = mapping.get_mapping()["properties"]

    for name in SEARCHABLE[model]:
        column = mapping.get_field_column_name(search_field(model, name, SearchField))
        field = properties[column]
        assert field["type"] == "text", column
        assert_is_french(analyzer_of(field, backend))
        assert field["fields"]["english"] == {"type": "text", "analyzer": "english_text"}
        assert "_all_text" in field["copy_to"], column


@pytest.mark.parametrize("model", PAGE_TYPES, ids=lambda model: model.__name__)
def test_mapping_indexes_every_search_field_of_the_model(model):
    """Whatever fields the page types gain, text stays French and filters stay filters."""
    backend = build_backend()
    mapping = backend.mapping_class(model)
    properties = mapping.get_mapping()["properties"]

    for search_field_ in model.get_search_fields():
        field = properties[mapping.get_field_column_name(search_field_)]
        if isinstance(search_field_, FilterField):
            assert field["type"] in FILTERABLE_TYPES
        elif isinstance(search_field_, SearchField) and field["type"] == "text":
            assert_is_french(analyzer_of(field, backend))


@pytest.mark.parametrize("model", PAGE_TYPES, ids=lambda model: model.__name__)
def test_mapping_indexes_facet_and_visibility_fields_as_filters(model):
    mapping = build_backend().mapping_class(model)
    properties = mapping.get_mapping()["properties"]

    for name, es_type in FILTERS[model].items():
        column = mapping.get_field_column_name(search_field(model, name, FilterField))
        assert column.endswith("_filter")
        assert properties[column] == {"type": es_type}, column


@pytest.mark.parametrize("model", PAGE_TYPES, ids=lambda model: model.__name__)
def test_mapping_ranks_titles_above_body_and_searches_all_text_in_french(model):
    backend = build_backend()
    properties = backend.mapping_class(model).get_mapping()["properties"]

    assert properties["title"]["copy_to"] == ["_all_text", "_all_text_boost_2_0"]
    for catch_all in ("_all_text", "_all_text_boost_2_0"):
        assert_is_french(analyzer_of(properties[catch_all], backend))
        assert properties[catch_all]["fields"]["english"]["analyzer"] == "english_text"


@pytest.mark.parametrize("model", PAGE_TYPES, ids=lambda model: model.__name__)
def test_mapping_autocompletes_titles_without_accents_or_articles(model):
    properties = build_backend().mapping_class(model).get_mapping()["properties"]

    for column in ("_edgengrams", "title_edgengrams"):
        assert properties[column] == {
            "type": "text",
            "analyzer": "edgengram_analyzer",
            "search_analyzer": "autocomplete_search",
        }


def test_mapping_analyses_nested_related_fields_in_french():
    backend = build_backend()
    properties = backend.mapping_class(MemberPage).get_mapping()["properties"]

    authority_name = properties["members_memberpage__authority"]["properties"]["name"]
    assert authority_name["type"] == "text"
    assert_is_french(analyzer_of(authority_name, backend))
    assert "english" in authority_name["fields"]


def test_searches_query_the_english_subfields_when_english_is_active():
    backend = build_backend()

    def queried_fields():
        query = backend.search("running", StandardPage).query_compiler.get_query()
        return query["bool"]["must"]["multi_match"]["fields"]

    assert set(queried_fields()) == {"_all_text", "_all_text_boost_2_0^2.0"}
    with translation.override("en"):
        assert set(queried_fields()) == {
            "_all_text.english",
            "_all_text_boost_2_0.english^2.0",
        }


# Fallback when Elasticsearch cannot be reached


@pytest.fixture
def unreachable_elasticsearch():
    with override_settings(WAGTAILSEARCH_BACKENDS=elasticsearch_backends(closed_port_url())):
        yield


@pytest.fixture
def budget_page(home):
    return StandardPageFactory(parent=home, title="Le budget participatif des collégiens")


@pytest.fixture
def practice_sheet(home):
    member = MemberPageFactory(
        parent=MemberIndexPageFactory(parent=home), authority=authority(*AMIENS)
    )
    library = home.add_child(
        instance=PracticeLibraryPage(title="Bibliothèque des pratiques", slug="pratiques")
    )
    return library.add_child(
        instance=PracticeSheetPage(
            title="Un vote ouvert dès 11 ans",
            slug="vote-des-11-ans",
            member=member,
            summary="Les collégiens votent pour les projets de leur quartier.",
            year_start=2021,
        )
    )


def warnings_from_search(caplog):
    return [
        record.getMessage()
        for record in caplog.records
        if record.name == "search.elasticsearch" and record.levelno == logging.WARNING
    ]


def test_page_search_falls_back_to_the_database_with_a_warning(
    budget_page, unreachable_elasticsearch, caplog
):
    results = Page.objects.live().search("budget")

    assert budget_page.pk in [page.pk for page in results]
    [warning] = warnings_from_search(caplog)
    assert "Elasticsearch failed (ConnectionError" in warning
    assert "searching with the 'database' backend instead" in warning


def test_practice_sheet_search_falls_back_to_the_database(
    practice_sheet, unreachable_elasticsearch, caplog
):
    results = PracticeSheetPage.objects.live().search("vote")

    assert [sheet.pk for sheet in results] == [practice_sheet.pk]
    assert warnings_from_search(caplog)


def test_counts_slices_and_facets_fall_back_to_the_database(
    practice_sheet, unreachable_elasticsearch, caplog
):
    # As a paginator does: count, then slice the same results.
    results = PracticeSheetPage.objects.live().search("vote")
    assert results.count() == 1
    assert [sheet.pk for sheet in results[0:10]] == [practice_sheet.pk]
    assert list(results[1:]) == []
    assert dict(results.facet("year_start")) == {2021: 1}
    assert len(warnings_from_search(caplog)) == 1


def test_a_failed_facet_falls_back_to_the_database(
    practice_sheet, unreachable_elasticsearch, caplog
):
    facets = PracticeSheetPage.objects.live().search("vote").facet("year_start")

    assert dict(facets) == {2021: 1}
    assert warnings_from_search(caplog)


def test_an_error_answer_falls_back_without_pausing_elasticsearch(
    budget_page, unreachable_elasticsearch, caplog
):
    """A missing index (update_index never ran) is answered from the database, but the
    server is up, so the next search tries it again."""
    missing = NotFoundError("index_not_found_exception", mock.Mock(status=404), {})
    with mock.patch.object(FallbackSearchResults, "_backend_do_search", side_effect=missing):
        results = Page.objects.live().search("budget")
        assert budget_page.pk in [page.pk for page in results]

        list(Page.objects.live().search("budget"))

    assert len(warnings_from_search(caplog)) == 2
    assert "Elasticsearch failed (NotFoundError" in warnings_from_search(caplog)[0]


def test_autocomplete_falls_back_to_the_database(budget_page, unreachable_elasticsearch, caplog):
    results = StandardPage.objects.live().autocomplete("budg")

    assert [page.pk for page in results] == [budget_page.pk]
    assert warnings_from_search(caplog)


def test_searches_skip_elasticsearch_for_a_while_after_it_failed(
    budget_page, unreachable_elasticsearch, caplog
):
    list(Page.objects.live().search("budget"))

    with mock.patch.object(FallbackSearchResults, "_backend_do_search") as elasticsearch:
        later = Page.objects.live().search("budget")
        assert budget_page.pk in [page.pk for page in later]

    elasticsearch.assert_not_called()
    assert len(warnings_from_search(caplog)) == 1


def test_searches_try_elasticsearch_again_once_the_delay_has_passed(budget_page, caplog):
    backends = elasticsearch_backends(closed_port_url(), RETRY_AFTER=0)
    with override_settings(WAGTAILSEARCH_BACKENDS=backends):
        list(Page.objects.live().search("budget"))
        list(Page.objects.live().search("budget"))

    assert len(warnings_from_search(caplog)) == 2


def test_publishing_a_page_works_and_updates_the_database_index(
    budget_page, unreachable_elasticsearch, caplog
):
    budget_page.title = "Le budget participatif des lycéens"
    budget_page.save_revision().publish()

    assert [page.pk for page in StandardPage.objects.live().search("lycéens")] == [budget_page.pk]
    assert any("add skipped" in warning for warning in warnings_from_search(caplog))
    assert not [record for record in caplog.records if record.levelno >= logging.ERROR]


def test_deleting_a_page_works(budget_page, unreachable_elasticsearch, caplog):
    budget_page.delete()

    assert not StandardPage.objects.filter(pk=budget_page.pk).exists()
    assert any("delete skipped" in warning for warning in warnings_from_search(caplog))


def test_refreshing_the_indexes_only_warns(caplog):
    FallbackElasticsearchBackend({"URLS": [closed_port_url()]}).refresh_indexes()

    assert any("refresh_indexes skipped" in warning for warning in warnings_from_search(caplog))


def test_editing_a_page_in_the_admin_works(
    superuser_client, budget_page, unreachable_elasticsearch, caplog
):
    url = reverse("wagtailadmin_pages:edit", args=(budget_page.pk,))
    data = {
        "title": "Le budget participatif des écoliers",
        "slug": budget_page.slug,
        "intro": "Les écoliers proposent et votent.",
        "body": streamfield([("paragraph", rich_text("<p>Dans chaque école.</p>"))]),
        "comments": inline_formset([]),
        "action-publish": "publish",
    }

    response = superuser_client.post(url, nested_form_data(data))

    assert response.status_code == 302
    budget_page.refresh_from_db()
    assert budget_page.title == "Le budget participatif des écoliers"
    assert budget_page.live
    assert budget_page.pk in [page.pk for page in Page.objects.live().search("écoliers")]
    assert warnings_from_search(caplog)


def test_news_search_falls_back_too(home, unreachable_elasticsearch):
    news = NewsPageFactory(
        parent=NewsIndexPageFactory(parent=home), title="Un budget voté par les habitants"
    )
    assert [page.pk for page in NewsPage.objects.live().search("budget")] == [news.pk]


# Settings module


def load_search_settings(**environ):
    script = (
        "import json, cms.settings.base as s; "
        "print(json.dumps(s.WAGTAILSEARCH_BACKENDS, default=str))"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=settings.BASE_DIR,
        env={"PATH": os.environ.get("PATH", ""), **environ},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_settings_use_the_fallback_elasticsearch_backend_when_the_url_is_set():
    backends = load_search_settings(
        ELASTICSEARCH_URL="http://search.internal:9200",
        ELASTICSEARCH_INDEX="rnbp_prod",
        ELASTICSEARCH_TIMEOUT="1.5",
    )

    default = backends["default"]
    assert default["BACKEND"] == "search.elasticsearch.FallbackElasticsearchBackend"
    assert default["URLS"] == ["http://search.internal:9200"]
    assert default["INDEX_PREFIX"] == "rnbp_prod_"
    assert default["TIMEOUT"] == 1.5
    assert default["INDEX_SETTINGS"] == json.loads(json.dumps(INDEX_SETTINGS))
    assert default["FALLBACK"] == "database"
    assert backends["database"] == {
        "BACKEND": "wagtail.search.backends.database",
        "SEARCH_CONFIG": "french",
    }


def test_settings_default_to_a_two_second_timeout_and_the_rnbp_index():
    default = load_search_settings(ELASTICSEARCH_URL="http://127.0.0.1:9200")["default"]
    assert default["TIMEOUT"] == 2
    assert default["INDEX_PREFIX"] == "rnbp_"


def test_settings_use_the_french_database_backend_without_the_url():
    assert load_search_settings() == {
        "default": {"BACKEND": "wagtail.search.backends.database", "SEARCH_CONFIG": "french"}
    }


# Live server


@pytest.mark.skipif(
    not os.environ.get("ELASTICSEARCH_URL"),
    reason="needs a live Elasticsearch server: set ELASTICSEARCH_URL",
)
def test_live_server_finds_french_words_without_accents_or_articles(home):
    prefix = f"rnbp_test_{uuid.uuid4().hex[:8]}_"
    backends = elasticsearch_backends(
        os.environ["ELASTICSEARCH_URL"], INDEX_PREFIX=prefix, ATOMIC_REBUILD=False
    )
    with override_settings(WAGTAILSEARCH_BACKENDS=backends):
        backend = get_search_backend()
        page = StandardPageFactory(
            parent=home,
            title="L'école numérique",
            intro="Les collégiens ont voté pour équiper leurs écoles.",
        )
        english = StandardPageFactory(
            parent=home, title="Children running the vote", intro="Pupils run their budget."
        )
        try:
            call_command("update_index", backend_name="default", stdout=io.StringIO())

            for query in ("ecole", "numerique", "école", "écoles", "l'école", "votes"):
                found = StandardPage.objects.live().search(query)
                assert page.pk in [result.pk for result in found], query
            assert page.pk in [result.pk for result in Page.objects.live().search("ecole")]
            suggested = StandardPage.objects.live().autocomplete("l'écol")
            assert page.pk in [result.pk for result in suggested]
            with translation.override("en"):
                found = StandardPage.objects.live().search("runs")
                assert english.pk in [result.pk for result in found]
        finally:
            for index in backend.all_indexes():
                index.delete()

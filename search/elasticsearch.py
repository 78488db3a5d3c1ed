"""Elasticsearch 8/9 for the site: French analysis for every text field, an English sub-field
searched when the active language is English, and a backend that falls back to the database
backend when Elasticsearch cannot be reached, so that neither visitors nor editors notice.

Wagtail keeps one index per root model (every page type, in every language, shares the
`wagtailcore_page` index) and maps fields, not documents, so an analyzer cannot be chosen per
page language. French, the site's first language, is therefore the default analysis of every
text field; each full-text field also carries an `english` sub-field analysed with English
rules, and searches made while English is the active language (the `/en/` site, which only
lists English pages) query those sub-fields instead.

Used through `WAGTAILSEARCH_BACKENDS` (see `cms/settings/base.py`):

    "default": {
        "BACKEND": "search.elasticsearch.FallbackElasticsearchBackend",
        "URLS": ["http://127.0.0.1:9200"],
        "INDEX_SETTINGS": INDEX_SETTINGS,
        "FALLBACK": "database",  # a WAGTAILSEARCH_BACKENDS entry, kept up to date on save
    }
"""

import logging
import time

from django.utils import translation

from wagtail.search.backends import get_search_backend
from wagtail.search.backends.elasticsearch9 import (
    Elasticsearch9AutocompleteQueryCompiler,
    Elasticsearch9Mapping,
    Elasticsearch9SearchBackend,
    Elasticsearch9SearchQueryCompiler,
    Elasticsearch9SearchResults,
)

from elasticsearch import ApiError, TransportError

logger = logging.getLogger(__name__)

ENGLISH_SUBFIELD = "english"

# The analysis of Elasticsearch's "french" analyzer (elision, lowercase, French stop words,
# light stemmer) with ASCII folding added, so that "ecole" finds "école". Folding comes after
# the stop words, whose list is accented ("à", "été"), and before the stemmer, so that "voté"
# and "votes" reduce to the same stem.
FRENCH_ANALYZER = {
    "type": "custom",
    "tokenizer": "standard",
    "filter": ["french_elision", "lowercase", "french_stop", "asciifolding", "french_stemmer"],
}

INDEX_SETTINGS = {
    "settings": {
        "analysis": {
            "filter": {
                # "l'école", "d’une", "qu'il", "jusqu'au": typographic apostrophes included.
                "french_elision": {
                    "type": "elision",
                    "articles_case": True,
                    "articles": [
                        "l",
                        "m",
                        "t",
                        "qu",
                        "n",
                        "s",
                        "j",
                        "d",
                        "c",
                        "jusqu",
                        "quoiqu",
                        "lorsqu",
                        "puisqu",
                    ],
                },
                "french_stop": {"type": "stop", "stopwords": "_french_"},
                "french_stemmer": {"type": "stemmer", "language": "light_french"},
                "english_possessive_stemmer": {"type": "stemmer", "language": "possessive_english"},
                "english_stop": {"type": "stop", "stopwords": "_english_"},
                "english_stemmer": {"type": "stemmer", "language": "english"},
            },
            "analyzer": {
                # Elasticsearch applies the analyzer named "default" to every text field whose
                # mapping names none: all of Wagtail's full-text fields, `_all_text` included.
                "default": FRENCH_ANALYZER,
                "english_text": {
                    "type": "custom",
                    "tokenizer": "standard",
                    "filter": [
                        "english_possessive_stemmer",
                        "lowercase",
                        "english_stop",
                        "asciifolding",
                        "english_stemmer",
                    ],
                },
                # Wagtail's autocomplete analyzer, redefined to drop elided articles, so that
                # "l'éco" suggests "l'école" from "eco". No stemming: prefixes are matched.
                "edgengram_analyzer": {
                    "type": "custom",
                    "tokenizer": "standard",
                    "filter": ["french_elision", "lowercase", "asciifolding", "edgengram"],
                },
                # What the visitor types is analysed the same way, but not cut into prefixes.
                "autocomplete_search": {
                    "type": "custom",
                    "tokenizer": "standard",
                    "filter": ["french_elision", "lowercase", "asciifolding"],
                },
            },
        }
    }
}

# Exceptions from the Elasticsearch client: TransportError when the server cannot be reached
# (connection refused, timeout, TLS), ApiError when it answers with an error (index missing
# because `update_index` never ran, cluster red).
ELASTICSEARCH_ERRORS = (TransportError, ApiError)


def english_is_active():
    return (translation.get_language() or "").startswith("en")


def add_english_subfields(properties):
    """Give every full-text field of a mapping an English sub-field; autocomplete fields,
    which have their own analyzer, and filter fields are left as they are."""
    for field in properties.values():
        if field["type"] == "nested":
            add_english_subfields(field["properties"])
        elif field["type"] == "text" and "analyzer" not in field:
            field["fields"] = {ENGLISH_SUBFIELD: {"type": "text", "analyzer": "english_text"}}


class FrenchMapping(Elasticsearch9Mapping):
    # Wagtail searches autocomplete fields with the "standard" analyzer, which keeps accents
    # and elided articles that the indexed prefixes no longer have.
    edgengram_analyzer_config = {
        "analyzer": "edgengram_analyzer",
        "search_analyzer": "autocomplete_search",
    }

    def get_mapping(self):
        mapping = super().get_mapping()
        add_english_subfields(mapping["properties"])
        return mapping


class LanguageAwareQueryCompiler(Elasticsearch9SearchQueryCompiler):
    mapping_class = FrenchMapping

    def _remap_fields(self, fields):
        remapped = super()._remap_fields(fields)
        if english_is_active():
            for field in remapped:
                field.field_name = f"{field.field_name}.{ENGLISH_SUBFIELD}"
        return remapped


class AutocompleteQueryCompiler(Elasticsearch9AutocompleteQueryCompiler):
    mapping_class = FrenchMapping


class FallbackSearchResults(Elasticsearch9SearchResults):
    """Search results that, if Elasticsearch fails when they are evaluated, come from the
    fallback backend for the same query, queryset, fields and slice."""

    def _fallback_results(self):
        compiler = self.query_compiler
        backend = self.backend.get_fallback_backend()
        if isinstance(compiler, self.backend.autocomplete_query_compiler_class):
            method = backend.autocomplete
        else:
            method = backend.search
        results = method(
            compiler.query,
            compiler.queryset,
            fields=compiler.fields,
            order_by_relevance=compiler.order_by_relevance,
        )
        if self._score_field:
            results = results.annotate_score(self._score_field)
        return results

    def _elasticsearch_or_fallback(self, elasticsearch, fallback):
        # Results built before a failure, such as the page slices of a paginator that counted
        # them first, skip Elasticsearch too.
        if not self.backend.is_unreachable():
            try:
                return elasticsearch()
            except ELASTICSEARCH_ERRORS as error:
                self.backend.report_search_error(error)
        return fallback(self._fallback_results())

    def _do_search(self):
        search = super()._do_search
        return self._elasticsearch_or_fallback(
            lambda: list(search()), lambda results: results[self.start : self.stop].results()
        )

    def _do_count(self):
        return self._elasticsearch_or_fallback(
            super()._do_count, lambda results: results[self.start : self.stop].count()
        )

    def facet(self, field_name):
        facet = super().facet
        return self._elasticsearch_or_fallback(
            lambda: facet(field_name), lambda results: results.facet(field_name)
        )


class FallbackElasticsearchBackend(Elasticsearch9SearchBackend):
    """Wagtail's Elasticsearch 9 backend with French analysis that never lets an unreachable
    server break a page: searches fall back to the `FALLBACK` backend with a logged warning,
    and indexing on save is skipped with a warning instead of failing or hanging.

    After a failed connection, searches go straight to the fallback for `RETRY_AFTER` seconds
    (30 by default), so that a server that times out does not cost every visitor the timeout.
    The client neither retries nor waits more than `TIMEOUT` seconds (2 by default)."""

    mapping_class = FrenchMapping
    query_compiler_class = LanguageAwareQueryCompiler
    autocomplete_query_compiler_class = AutocompleteQueryCompiler
    results_class = FallbackSearchResults

    # Per process and per server: backends are built anew for each search.
    _unreachable_until = {}

    def __init__(self, params):
        params.setdefault("TIMEOUT", 2)
        params["OPTIONS"] = {
            "max_retries": 0,
            "retry_on_timeout": False,
            **params.get("OPTIONS", {}),
        }
        self.fallback = params.pop("FALLBACK", "wagtail.search.backends.database")
        self.retry_after = params.pop("RETRY_AFTER", 30)
        super().__init__(params)
        self.server_key = repr(self.hosts)

    def get_fallback_backend(self):
        return get_search_backend(self.fallback)

    def is_unreachable(self):
        return time.monotonic() < self._unreachable_until.get(self.server_key, 0)

    def report_search_error(self, error):
        if isinstance(error, TransportError):
            self._unreachable_until[self.server_key] = time.monotonic() + self.retry_after
        logger.warning(
            "Elasticsearch failed (%s: %s); searching with the %r backend instead",
            type(error).__name__,
            error,
            self.fallback,
        )

    def _index_or_warn(self, operation, *args):
        # Only unreachability is swallowed here; Wagtail logs any other indexing error with
        # its traceback, and `update_index` talks to the indexes directly and fails loudly.
        try:
            operation(*args)
        except TransportError as error:
            logger.warning(
                "Elasticsearch unreachable (%s: %s): %s skipped; "
                "run `manage.py update_index` once it is back",
                type(error).__name__,
                error,
                operation.__name__,
            )

    def add(self, obj):
        self._index_or_warn(super().add, obj)

    def add_bulk(self, model, obj_list):
        self._index_or_warn(super().add_bulk, model, obj_list)

    def delete(self, obj):
        self._index_or_warn(super().delete, obj)

    def refresh_indexes(self):
        self._index_or_warn(super().refresh_indexes)


SearchBackend = FallbackElasticsearchBackend

"""Several app servers: the production settings read the read replica, Elasticsearch, S3 media,
the CDN's purge and Sentry from the environment (each loaded in a fresh interpreter); reads
go to the replica only where a stale read is harmless."""

from django.test import RequestFactory

import pytest

from cms.db import ReplicaMiddleware, ReplicaRouter
from home.models import HomePage

from .helpers import production_json

SUMMARY = """
import json
from django.conf import settings
from django.core.files.storage import storages
from wagtail.contrib.frontend_cache.utils import get_backends
import sentry_sdk

client = sentry_sdk.get_client()
print(json.dumps({
    "databases": {alias: [db["HOST"], db["NAME"]] for alias, db in settings.DATABASES.items()},
    "routers": getattr(settings, "DATABASE_ROUTERS", []),
    "storage": type(storages["default"]).__name__,
    "image_url": storages["default"].url("images/affiche.jpg"),
    "staticfiles": type(storages["staticfiles"]).__name__,
    "documents": getattr(settings, "WAGTAILDOCS_SERVE_METHOD", None),
    "img_src": settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"],
    "frontend_cache": sorted(
        (name, type(backend).__name__) for name, backend in get_backends().items()
    ),
    "search": settings.WAGTAILSEARCH_BACKENDS["default"].get("URLS"),
    "caches": {
        alias: [cache["BACKEND"].rsplit(".", 1)[-1], cache["LOCATION"]]
        for alias, cache in settings.CACHES.items()
    },
    "sentry": client.is_active() and {
        "dsn": client.options["dsn"],
        "send_default_pii": client.options["send_default_pii"],
        "max_request_body_size": client.options["max_request_body_size"],
    },
}))
"""

SCALED_OUT = {
    "DATABASE_URL": "postgres://rnbp:secret@primary.internal:5432/rnbp",
    "DATABASE_REPLICA_URL": "postgres://rnbp:secret@replica.internal:5432/rnbp",
    "ELASTICSEARCH_URL": "http://search.internal:9200",
    "AWS_STORAGE_BUCKET_NAME": "rnbp-media",
    "AWS_S3_ENDPOINT_URL": "https://s3.fr-par.scw.cloud",
    "AWS_S3_REGION_NAME": "fr-par",
    "AWS_S3_CUSTOM_DOMAIN": "media.budgets-participatifs.fr",
    "FRONTEND_CACHE_PURGE_URL": "http://varnish.internal:8000",
    "CLOUDFLARE_ZONE_ID": "zone-id",
    "CLOUDFLARE_API_TOKEN": "token",
    "CLOUDFRONT_DISTRIBUTION_ID": "E123EXAMPLE",
    "AWS_DEFAULT_REGION": "eu-west-3",
    "SENTRY_DSN": "https://public@o1.ingest.sentry.io/2",
}


@pytest.fixture(scope="module")
def scaled_out():
    return production_json(SUMMARY, **SCALED_OUT)


@pytest.fixture(scope="module")
def single_server(tmp_path_factory):
    folder = tmp_path_factory.mktemp("db")
    return production_json(SUMMARY, DATABASE_URL=f"sqlite:///{folder / 'db.sqlite3'}")


def test_replica_is_a_second_database_with_its_router(scaled_out):
    assert scaled_out["databases"] == {
        "default": ["primary.internal", "rnbp"],
        "replica": ["replica.internal", "rnbp"],
    }
    assert scaled_out["routers"] == ["cms.db.ReplicaRouter"]


def test_media_go_to_s3_and_static_files_stay_with_whitenoise(scaled_out):
    assert scaled_out["storage"] == "S3Storage"
    assert scaled_out["image_url"] == (
        "https://media.budgets-participatifs.fr/media/images/affiche.jpg"
    )
    assert scaled_out["staticfiles"] == "CompressedManifestStaticFilesStorage"
    assert scaled_out["documents"] == "serve_view"
    assert "https://media.budgets-participatifs.fr" in scaled_out["img_src"]


def test_every_frontend_cache_is_purged(scaled_out):
    assert scaled_out["frontend_cache"] == [
        ["cloudflare", "CloudflareBackend"],
        ["cloudfront", "CloudfrontBackend"],
        ["http", "HTTPBackend"],
    ]


def test_search_uses_elasticsearch(scaled_out):
    assert scaled_out["search"] == ["http://search.internal:9200"]


def test_sentry_sends_no_personal_data(scaled_out):
    assert scaled_out["sentry"] == {
        "dsn": SCALED_OUT["SENTRY_DSN"],
        "send_default_pii": False,
        "max_request_body_size": "never",
    }


def test_one_server_needs_none_of_it(single_server):
    assert list(single_server["databases"]) == ["default"]
    assert single_server["routers"] == []
    assert single_server["storage"] == "FileSystemStorage"
    assert single_server["frontend_cache"] == []
    assert single_server["sentry"] is False
    assert single_server["img_src"] == ["'self'", "data:"]
    # Files shared by the machine's workers, the page cache's generation in its own folder.
    caches = single_server["caches"]
    assert caches["default"][0] == "SparingFileBasedCache"
    assert caches["page-cache-generation"][0] == "FileBasedCache"
    assert caches["page-cache-generation"][1] != caches["default"][1]
    # Wagtail writes each rendition it serves to its cache: in memory, not a file a picture.
    assert caches["renditions"][0] == "LocMemCache"


def database_of_reads(request):
    """The database the router gives a read made while `request` is served."""
    seen = {}

    def view(request):
        seen["read"] = ReplicaRouter().db_for_read(HomePage)
        seen["write"] = ReplicaRouter().db_for_write(HomePage)
        return None

    ReplicaMiddleware(view)(request)
    assert seen["write"] == "default"
    return seen["read"]


def test_anonymous_public_get_reads_from_the_replica():
    assert database_of_reads(RequestFactory().get("/fiches-pratiques/")) == "replica"
    assert database_of_reads(RequestFactory().head("/en/")) == "replica"


def test_a_visitor_with_a_session_reads_from_the_primary():
    request = RequestFactory().get("/actualites/")
    request.COOKIES["sessionid"] = "editor-session"
    assert database_of_reads(request) == "default"


@pytest.mark.parametrize(
    "request_of",
    [
        lambda factory: factory.post("/recherche/"),
        lambda factory: factory.get("/admin/pages/"),
    ],
)
def test_posts_and_the_admin_read_from_the_primary(request_of):
    assert database_of_reads(request_of(RequestFactory())) == "default"


def test_outside_a_request_reads_go_to_the_primary():
    assert ReplicaRouter().db_for_read(HomePage) == "default"


def test_migrations_run_on_the_primary_only():
    assert ReplicaRouter().allow_migrate("default", "home") is True
    assert ReplicaRouter().allow_migrate("replica", "home") is False

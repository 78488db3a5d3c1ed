"""Settings shared by every environment; each value an operator may change is read from the
environment and listed with its default in `.env.example`."""

import os
from datetime import timedelta
from pathlib import Path

from django.utils.translation import gettext_lazy as _

import dj_database_url
from csp.constants import NONCE

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")

INSTALLED_APPS = [
    "home",
    "knowledge",
    "members",
    "search",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.api.v2",
    "rest_framework",
    "wagtail.contrib.forms",
    # Deployment (cms/security.py, the "Security" and "Scale-out" blocks below).
    "wagtail.contrib.frontend_cache",
    "axes",
    "csp",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    "wagtail.contrib.search_promotions",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    # First, so that its log line and request id cover the whole request.
    "cms.logs.RequestLogMiddleware",
    # Next: the page cache does not store the Vary: Cookie of a session read while the page
    # was rendered (it serves only visitors without a session cookie).
    "django.contrib.sessions.middleware.SessionMiddleware",
    # Then: a page is stored with the headers the middleware below set, and served without
    # their work (under gunicorn, before Django handles the request: home/page_cache.py).
    "home.page_cache.PageCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "cms.security.ContentSecurityPolicyMiddleware",
    "cms.security.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # After sessions: a visitor with a session reads from the primary database (cms/db.py).
    "cms.db.ReplicaMiddleware",
    # Member editors get a 404 at any admin URL naming another member's page or file.
    "members.middleware.MemberContentGuardMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # faults: a friendly 503 when the database is unreachable (cms/middleware.py).
    "cms.middleware.DatabaseUnavailableMiddleware",
    # Last, as django-axes requires: turns a locked-out login into its lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "cms.urls"
WSGI_APPLICATION = "cms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
# PostgreSQL compiles a plan to machine code (JIT) once its estimated cost is high, as for
# any query over the page tree at 100,000 pages: 0.4 s of compilation for a query that
# runs in milliseconds. A web site's short queries never gain from it.
POSTGRES_OPTIONS = {
    "options": "-c jit=off",
    # Parameters bound by the server, so that psycopg prepares a statement from its third run
    # on a connection, and PostgreSQL reuses its plan: planning a page's many-join queries
    # (the specific page with its member and image, its relations) costs 1–3 ms each, more
    # than running them. Statements sent several at once use a cursor of their own
    # (search/batch.py).
    "server_side_binding": True,
    "prepare_threshold": 2,
}


def with_postgres_options(database):
    if database["ENGINE"] == "django.db.backends.postgresql":
        database.setdefault("OPTIONS", {}).update(POSTGRES_OPTIONS)
    return database


with_postgres_options(DATABASES["default"])
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache and sessions: Redis when REDIS_URL is set, through a backend that answers a miss
# instead of an error while Redis is down (cms/cache.py); else files in CACHE_DIR, shared by
# every process of the machine, so that publishing invalidates the pages that each gunicorn
# worker serves from the page cache (a memory cache would be each worker's own). Sessions
# stay in the database, never in the cache alone: logins survive a Redis outage, and a
# logout during one cannot be undone by a stale cached copy once it is back.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {"default": {"BACKEND": "cms.cache.TolerantRedisCache", "LOCATION": REDIS_URL}}
else:
    CACHE_DIR = Path(os.environ.get("CACHE_DIR", str(BASE_DIR / ".cache")))
    CACHES = {
        "default": {
            "BACKEND": "cms.file_cache.SparingFileBasedCache",
            "LOCATION": str(CACHE_DIR),
        },
        # The page cache's generation in a folder of its own: once full, the default cache
        # deletes a third of its files at random, which would make every page stale.
        "page-cache-generation": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(CACHE_DIR / "generation"),
        },
    }
# The renditions Wagtail finds for an image, kept in each process's memory: Wagtail writes
# every rendition it serves to this cache, one write per image, size and format at each
# render, which the file cache turns into a file written and a folder listed (news cards:
# about 1.5 ms a picture). Keys hold the image file's hash, its focal point and the filter,
# so that a changed image is never read from a stale entry.
CACHES["renditions"] = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "LOCATION": "renditions",
    "TIMEOUT": 600,
    "OPTIONS": {"MAX_ENTRIES": 5000},
}
SESSION_ENGINE = "django.contrib.sessions.backends.db"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: French first and without URL prefix, English under /en/.
LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", "Français"), ("en", "English")]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Paris"
USE_I18N = True
USE_TZ = True

# A translation stays a draft until a translator publishes it.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Scale-out: several app servers share everything through the environment, nothing is kept
# on an app server's disk (README, "Production").
# - A read replica answers the reads of anonymous GET requests outside the admin (cms/db.py).
DATABASE_REPLICA_URL = os.environ.get("DATABASE_REPLICA_URL", "")
if DATABASE_REPLICA_URL:
    DATABASES["replica"] = with_postgres_options(
        dj_database_url.parse(
            DATABASE_REPLICA_URL,
            conn_max_age=DATABASES["default"]["CONN_MAX_AGE"],
            conn_health_checks=True,
            test_options={"MIRROR": "default"},
        )
    )
    DATABASE_ROUTERS = ["cms.db.ReplicaRouter"]
# - Media on S3-compatible storage (django-storages); credentials come from boto3's own
#   variables (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY), never from the settings. Static
#   files stay with WhiteNoise, in the image built.
AWS_STORAGE_BUCKET_NAME = os.environ.get("AWS_STORAGE_BUCKET_NAME", "")
MEDIA_ORIGINS = []
if AWS_STORAGE_BUCKET_NAME:
    AWS_S3_ENDPOINT_URL = os.environ.get("AWS_S3_ENDPOINT_URL") or None
    AWS_S3_CUSTOM_DOMAIN = os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": AWS_STORAGE_BUCKET_NAME,
            "endpoint_url": AWS_S3_ENDPOINT_URL,
            "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
            "custom_domain": AWS_S3_CUSTOM_DOMAIN,
            "location": os.environ.get("AWS_LOCATION", "media"),
            # Two uploads of "rapport.pdf" must not overwrite each other.
            "file_overwrite": False,
            "querystring_auth": os.environ.get("AWS_QUERYSTRING_AUTH", "false") == "true",
        },
    }
    # Documents go through Wagtail's view, which checks privacy on every download, instead
    # of a redirect to the file's address on the bucket.
    WAGTAILDOCS_SERVE_METHOD = "serve_view"
    # Images are shown from the bucket (or its CDN): the CSP's img-src must allow it.
    if AWS_S3_CUSTOM_DOMAIN:
        MEDIA_ORIGINS = [f"https://{AWS_S3_CUSTOM_DOMAIN}"]
    elif AWS_S3_ENDPOINT_URL:
        MEDIA_ORIGINS = [AWS_S3_ENDPOINT_URL.rstrip("/")]
    else:
        MEDIA_ORIGINS = ["https://*.amazonaws.com"]
# - A CDN or caching proxy in front is told to drop a page when it is published or
#   unpublished (wagtail.contrib.frontend_cache), by any of these, each optional.
WAGTAILFRONTENDCACHE = {}
if os.environ.get("FRONTEND_CACHE_PURGE_URL"):
    # Varnish or nginx: an HTTP PURGE request to this address for each URL.
    WAGTAILFRONTENDCACHE["http"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": os.environ["FRONTEND_CACHE_PURGE_URL"],
    }
if os.environ.get("CLOUDFLARE_ZONE_ID"):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "ZONEID": os.environ["CLOUDFLARE_ZONE_ID"],
        "BEARER_TOKEN": os.environ.get("CLOUDFLARE_API_TOKEN", ""),
    }
if os.environ.get("CLOUDFRONT_DISTRIBUTION_ID"):
    WAGTAILFRONTENDCACHE["cloudfront"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
        "DISTRIBUTION_ID": os.environ["CLOUDFRONT_DISTRIBUTION_ID"],
    }

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

WAGTAIL_SITE_NAME = "Réseau National des Budgets Participatifs"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")

# Uploads: members contribute files, so none may carry a script. Documents: a list of types
# whose content must match the extension (home/uploads.py), always downloaded, never shown
# inline, and always through Wagtail's view, which adds "Content-Security-Policy:
# default-src 'none'" and "X-Content-Type-Options: nosniff" (so the reverse proxy must not
# serve MEDIA_ROOT/documents/). Images: no SVG (it can hold scripts), size and pixel limits
# (40 million pixels, e.g. 8000 × 5000). Private pages and documents: login or groups only,
# never a password shared outside the admin.
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "jpeg", "jpg", "odt", "ods", "pdf", "png", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILDOCS_DOCUMENT_FORM_BASE = "home.uploads.DocumentForm"
WAGTAILDOCS_INLINE_CONTENT_TYPES = []
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_BLOCK_EMBEDDED_CONTENT = True
WAGTAILIMAGES_EXTENSIONS = ["jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAIL_PRIVATE_PAGE_OPTIONS = {"SHARED_PASSWORD": False}
WAGTAILDOCS_PRIVATE_COLLECTION_OPTIONS = {"SHARED_PASSWORD": False}
# Rich text posted without the editor (raw HTML) is filtered like the editor's, not a crash.
WAGTAILADMIN_RICH_TEXT_EDITORS = {
    "default": {"WIDGET": "home.rich_text.DraftailRichTextAreaForAnyInput"}
}

WAGTAILEMBEDS_RESPONSIVE_HTML = True

# Search: Wagtail's database backend (PostgreSQL's French configuration) unless
# ELASTICSEARCH_URL is set. Elasticsearch then answers searches with French analysis, and the
# database backend stays configured and updated on every save so that searches fall back to
# it whenever Elasticsearch cannot be reached (search/elasticsearch.py).
DATABASE_SEARCH_BACKEND = {
    "BACKEND": "wagtail.search.backends.database",
    "SEARCH_CONFIG": "french",
}
ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "")
if ELASTICSEARCH_URL:
    from search.elasticsearch import INDEX_SETTINGS

    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "search.elasticsearch.FallbackElasticsearchBackend",
            "URLS": [ELASTICSEARCH_URL],
            # Wagtail names its indexes <prefix><model>, e.g. rnbp_wagtailcore_page.
            "INDEX_PREFIX": os.environ.get("ELASTICSEARCH_INDEX", "rnbp") + "_",
            # Seconds before a search falls back to the database; the client never retries.
            "TIMEOUT": float(os.environ.get("ELASTICSEARCH_TIMEOUT", "2")),
            "INDEX_SETTINGS": INDEX_SETTINGS,
            "FALLBACK": "database",
        },
        "database": DATABASE_SEARCH_BACKEND,
    }
else:
    WAGTAILSEARCH_BACKENDS = {"default": DATABASE_SEARCH_BACKEND}

# Full-page cache of anonymous visits (home/page_cache.py): seconds a page is kept; 0 turns
# it off. Publishing invalidates it at once in every process that shares the cache.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "600"))

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "contact@budgets-participatifs.fr")
# SMTP, when EMAIL_BACKEND is django.core.mail.backends.smtp.EmailBackend (production).
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = os.environ.get("EMAIL_USE_TLS", "false").lower() == "true"
# Review notifications are sent during the admin request: a mail server that does not answer
# must not hold the editor's page for long (Wagtail logs the failure and carries on).
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "10"))
# Review of members' contributions (home/workflow.py): submissions go to the reviewers'
# group only; with superusers included, Wagtail would also send each superuser a second
# email per submission. Links in the emails start with WAGTAILADMIN_BASE_URL.
WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS = False

# The admin's URLs (cms/urls.py): a looser CSP, never the read replica.
ADMIN_PATH_PREFIX = "/admin/"

# Security (cms/security.py). The Content-Security-Policy allows no inline script or style
# on public pages (a script that needs one takes {{ request.csp_nonce }}); the admin gets
# CSP_ADMIN_DIRECTIVES instead, see ContentSecurityPolicyMiddleware.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'", NONCE],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:", *MEDIA_ORIGINS],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
CSP_ADMIN_DIRECTIVES = {
    "script-src": ["'self'", "'unsafe-inline'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:", *MEDIA_ORIGINS],
    # The page editor shows its preview in a frame of the admin.
    "frame-src": ["'self'"],
    "frame-ancestors": ["'self'"],
}
# No request from the admin to third parties: no avatars from Gravatar (each editor's email
# hash), no check for a new Wagtail release (releases.wagtail.org).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False
PERMISSIONS_POLICY_DENIED = [
    "accelerometer",
    "camera",
    "geolocation",
    "gyroscope",
    "magnetometer",
    "microphone",
    "payment",
    "usb",
]
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
# Number of reverse proxies in front of the app that append the client's address to
# X-Forwarded-For; 0 trusts REMOTE_ADDR only (cms.security.client_ip).
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))
# Admin login (django-axes): after LOGIN_FAILURE_LIMIT failures of one username from one
# client, that pair is refused, even with the right password, for LOGIN_COOLOFF_MINUTES.
# Locking the username alone would let anyone lock staff out.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("LOGIN_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "cms.security.client_ip"
AXES_LOCKOUT_CALLABLE = "cms.security.lockout_response"
# Attempts live in the database, shared by every app server; Django's admin is not installed.
AXES_ENABLE_ADMIN = False

# Searches per client (search/ratelimit.py): "<number>/<s|m|h|d>", e.g. "60/m"; "0" or an
# empty value turns the limit off. Suggestions are requested as the visitor types.
SEARCH_RATE_LIMIT = os.environ.get("SEARCH_RATE_LIMIT", "60/m")
SUGGESTIONS_RATE_LIMIT = os.environ.get("SUGGESTIONS_RATE_LIMIT", "180/m")

# Logs: one JSON object per line on stdout (cms/logs.py), for the platform to collect.
# Exceptions carry their traceback only, never the request's data or the settings.
LOG_LEVEL = os.environ.get("LOG_LEVEL", "INFO")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "cms.logs.JsonFormatter"}},
    "handlers": {
        "stdout": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stdout",
            "formatter": "json",
        }
    },
    "root": {"handlers": ["stdout"], "level": LOG_LEVEL},
    "loggers": {
        # Replaces Django's own handlers (plain text in DEBUG, emails to ADMINS): its
        # messages reach the JSON handler above.
        "django": {"handlers": [], "level": LOG_LEVEL, "propagate": True},
        # One line per background task and per page action drowns the useful lines.
        "django_tasks": {"level": "WARNING"},
        # Lockouts are warnings; each failed login and start-up would be a line too.
        "axes": {"level": "WARNING"},
        "wagtail": {"level": os.environ.get("WAGTAIL_LOG_LEVEL", "WARNING")},
    },
}

NEWS_PER_PAGE = 10
SITE_DESCRIPTION = _("Le réseau des collectivités françaises qui mènent un budget participatif.")
MEMBERS_PER_PAGE = 24

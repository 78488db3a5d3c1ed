from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls
from wagtail.urls import serve_pattern as WAGTAIL_SERVE_PATTERN

from cms.health import healthz
from home import routing
from home.sitemap import sitemap
from members import open_data
from members.api import api_router
from search import views as search_views

urlpatterns = [
    # faults: outside i18n_patterns and any page cache; checks the database itself.
    path("healthz", healthz, name="healthz"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("api/v2/", api_router.urls),
    path("donnees/membres.csv", open_data.members_csv, name="members_csv"),
    path("donnees/editions.csv", open_data.editions_csv, name="editions_csv"),
    path("donnees/membres.json", open_data.members_json, name="members_json"),
    path(
        "robots.txt",
        TemplateView.as_view(template_name="robots.txt", content_type="text/plain"),
        name="robots_txt",
    ),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# French, the default language, has no prefix; English lives under /en/. The site search
# comes before Wagtail's pages, which would take any path; its path is translated.
urlpatterns += i18n_patterns(
    path(_("recherche/"), search_views.search, name="search"),
    path(_("recherche/suggestions/"), search_views.suggestions, name="search_suggestions"),
    # Wagtail's page serving with fewer queries (home/routing.py), before Wagtail's own.
    re_path(WAGTAIL_SERVE_PATTERN, routing.serve, name="wagtail_serve"),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

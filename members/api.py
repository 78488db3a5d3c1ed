"""Wagtail's API v2: pages (member profiles with their figures), images and documents.
Only live, public pages are served, never drafts."""

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet

api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PagesAPIViewSet)

"""For a member editor, an admin URL that names another member's page, image, document or
collection ends in a 404, whichever view it leads to.

The permission tester (`members.permissions`) refuses every action on those pages, but some
of Wagtail's views show the page they are given before any check (the explorer and the page
chooser opened at a page, the confirmation of a move or of a bulk action, the admin API),
and would show a draft's title. Member editors have nothing to do at another member's URLs,
so they are refused there once, before the view runs. Neither do they need the reports and
API listings that show every member's pages or files whatever the permissions."""

from django.http import Http404

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page

from members.permissions import is_member_editor, others_content
from members.roles import member_authority_ids

CLOSED_VIEWS = (
    "wagtail_localize:translations_report",
    "wagtailadmin_reports:page_types_usage",
    "wagtailadmin_api:images:",
    "wagtailadmin_api:documents:",
)
PAGE_ARGUMENTS = ["page_id", "parent_page_id", "page_to_move_id", "page_pk"]
PAGE_PK_VIEWS = ("wagtailadmin_api:pages:", "wagtailadmin_pages:revisions_compare")
IMAGE_VIEWS = ("wagtailimages:", "wagtailimages_chooser:", "wagtailadmin_api:images:")
DOCUMENT_VIEWS = ("wagtaildocs:", "wagtaildocs_chooser:", "wagtailadmin_api:documents:")
IMAGE_ARGUMENTS = ["pk", "image_id"]
DOCUMENT_ARGUMENTS = ["pk", "document_id", "doc_id"]


def integers(values):
    return [int(value) for value in values if str(value).isdigit()]


class MemberContentGuardMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if not match.route.startswith("admin/") or not is_member_editor(request.user):
            return None
        name = match.view_name or ""
        if name.startswith(CLOSED_VIEWS):
            raise Http404
        mine = member_authority_ids(request.user)
        pages, images, documents, collections = self.named_objects(request, name, view_kwargs)
        if pages is None:
            raise Http404
        others_collections = self.others_collections(mine)
        refused = (
            (pages and Page.objects.filter(pk__in=pages).filter(others_content(mine)).exists())
            or (
                images
                and get_image_model()
                .objects.filter(pk__in=images, collection__in=others_collections)
                .exists()
            )
            or (
                documents
                and get_document_model()
                .objects.filter(pk__in=documents, collection__in=others_collections)
                .exists()
            )
            or (collections and others_collections.filter(pk__in=collections).exists())
        )
        if refused:
            raise Http404
        return None

    def named_objects(self, request, name, kwargs):
        """Ids of the pages, images, documents and collections the URL names; `None` for
        pages when it names them all ("select all" of a bulk action)."""
        pages = integers(kwargs[key] for key in PAGE_ARGUMENTS if key in kwargs)
        images, documents, collections = [], [], []
        if name.startswith(PAGE_PK_VIEWS) and "pk" in kwargs:
            pages.append(int(kwargs["pk"]))
        elif name.startswith(IMAGE_VIEWS):
            images = integers(kwargs[key] for key in IMAGE_ARGUMENTS if key in kwargs)
        elif name.startswith(DOCUMENT_VIEWS):
            documents = integers(kwargs[key] for key in DOCUMENT_ARGUMENTS if key in kwargs)
        elif name.startswith("wagtailadmin_collections:"):
            collections = integers(kwargs[key] for key in ["pk", "collection_id"] if key in kwargs)
        elif name == "wagtailadmin_editing_sessions:ping" and self.is_page_model(kwargs):
            pages += integers([kwargs["object_id"]])
        elif name == "wagtail_bulk_action":
            ids = request.GET.getlist("id")
            target = (kwargs.get("app_label"), kwargs.get("model_name"))
            if target == ("wagtailcore", "page"):
                if "all" in ids:
                    return None, [], [], []
                pages += integers(ids)
            elif target[0] == "wagtailimages":
                images = integers(ids)
            elif target[0] == "wagtaildocs":
                documents = integers(ids)
        return pages, images, documents, collections

    def is_page_model(self, kwargs):
        from django.apps import apps

        try:
            model = apps.get_model(kwargs["app_label"], kwargs["model_name"])
        except LookupError:
            return False
        return issubclass(model, Page)

    def others_collections(self, mine):
        from wagtail.models import Collection

        return Collection.objects.filter(member_editors__isnull=False).exclude(
            member_editors__authority__in=mine
        )

"""Files that member editors upload: documents whose content must match their extension,
refused with a form error in every admin form that takes a file and never saved; documents
always downloaded with a restrictive Content-Security-Policy; images within the size and
pixel limits and never SVG; private pages without shared passwords."""

import io
import zipfile

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import (
    Collection,
    CollectionViewRestriction,
    PageViewRestriction,
    UploadedFile,
)

import pytest
from PIL import Image

from home.factories import DocumentFactory, StandardPageFactory
from home.uploads import CHECKS, check_document_content
from tests.home.contributors import member_editor

Document = get_document_model()
ImageModel = get_image_model()
CONTENT_MISMATCH = "ne correspond pas à son extension"

SVG = (
    b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
    b"<script>alert(document.cookie)</script><rect width='10' height='10'/></svg>"
)
HTML = b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"
WINDOWS_EXECUTABLE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 50


def pdf():
    return b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def zip_of(members):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in members.items():
            compression = zipfile.ZIP_STORED if name == "mimetype" else zipfile.ZIP_DEFLATED
            archive.writestr(name, content, compress_type=compression)
    return buffer.getvalue()


def opendocument(kind):
    return zip_of(
        {
            "mimetype": f"application/vnd.oasis.opendocument.{kind}",
            "content.xml": "<office:document-content/>",
            "META-INF/manifest.xml": "<manifest:manifest/>",
        }
    )


def office_open_xml(main_part, content_type):
    return zip_of(
        {
            "[Content_Types].xml": (
                '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                f'<Override PartName="/{main_part}" ContentType="{content_type}"/></Types>'
            ),
            main_part: "<document/>",
        }
    )


def damaged(archive, member):
    """The archive with the first byte of the member's data changed (writestr adds no extra
    field after the name), so that its checksum no longer fits."""
    start = archive.index(member.encode()) + len(member)
    return archive[:start] + bytes([archive[start] ^ 0xFF]) + archive[start + 1 :]


def docx():
    return office_open_xml(
        "word/document.xml",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
    )


def xlsx():
    return office_open_xml(
        "xl/workbook.xml",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
    )


def xlsm():
    macro_enabled = "application/vnd.ms-excel.sheet.macroEnabled.main+xml"
    return office_open_xml("xl/workbook.xml", macro_enabled)


def picture(image_format, size=(40, 30), mode="RGB"):
    buffer = io.BytesIO()
    Image.new(mode, size, "white" if mode == "RGB" else 1).save(buffer, format=image_format)
    return buffer.getvalue()


def upload(name, content):
    return SimpleUploadedFile(name, content)


VALID_DOCUMENTS = {
    "rapport.pdf": pdf(),
    "compte-rendu.odt": opendocument("text"),
    "budget.ods": opendocument("spreadsheet"),
    "reglement.docx": docx(),
    "resultats.xlsx": xlsx(),
    "votes.csv": "commune;votants\nAmiens;12 000\nÉvreux;3 500\n".encode(),
    "votes-windows.csv": "commune;montant\nÉvreux;10 000 €\n".encode("cp1252"),
    "affiche.png": picture("PNG"),
    "photo.jpg": picture("JPEG"),
    "photo.jpeg": picture("JPEG"),
}

MISMATCHED_DOCUMENTS = {
    "page web.pdf": HTML,
    "programme.pdf": WINDOWS_EXECUTABLE,
    "tableur-ods.odt": opendocument("spreadsheet"),
    "texte-docx.odt": docx(),
    "texte-odt.docx": opendocument("text"),
    "tableur-docx.xlsx": docx(),
    "macros.xlsx": xlsm(),
    "archive-vide.docx": zip_of({"readme.txt": "rien"}),
    "abimee.odt": damaged(opendocument("text"), "mimetype"),
    "programme.csv": WINDOWS_EXECUTABLE,
    "image.csv": picture("PNG"),
    "photo-jpeg.png": picture("JPEG"),
    "dessin.png": SVG,
    "tronquee.png": picture("PNG")[:40],
    "page web.jpg": HTML,
}


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def collection(db):
    root = Collection.get_first_root_node()
    return root.add_child(name="Amiens")


@pytest.fixture
def member_client(client, django_user_model, collection):
    client.force_login(member_editor(django_user_model, "redaction-amiens", collection=collection))
    return client


def stored_files(media_root):
    return sorted(path.name for path in media_root.rglob("*") if path.is_file())


def test_every_allowed_document_extension_has_a_content_check():
    assert set(settings.WAGTAILDOCS_EXTENSIONS) <= set(CHECKS)


@pytest.mark.parametrize("name", sorted(VALID_DOCUMENTS))
def test_a_document_whose_content_matches_its_extension_is_accepted(name):
    check_document_content(upload(name, VALID_DOCUMENTS[name]))


@pytest.mark.parametrize("name", sorted(MISMATCHED_DOCUMENTS))
def test_a_document_whose_content_does_not_match_its_extension_is_refused(name):
    with pytest.raises(ValidationError) as refused:
        check_document_content(upload(name, MISMATCHED_DOCUMENTS[name]))
    assert refused.value.code == "content_mismatch"
    assert CONTENT_MISMATCH in refused.value.messages[0]


def test_member_uploads_a_valid_document(member_client, collection):
    response = member_client.post(
        reverse("wagtaildocs:add"),
        {
            "title": "Règlement",
            "file": upload("reglement.docx", docx()),
            "collection": collection.pk,
        },
    )

    assert response.status_code == 302
    document = Document.objects.get()
    assert (document.title, document.collection) == ("Règlement", collection)


@pytest.mark.parametrize(
    "name, content",
    [
        ("page web.pdf", HTML),
        ("macros.xlsx", xlsm()),
        ("programme.csv", WINDOWS_EXECUTABLE),
        ("dessin.svg", SVG),
        ("page.html", HTML),
    ],
    ids=lambda value: value if isinstance(value, str) else "",
)
def test_admin_upload_refuses_a_bad_document_and_saves_nothing(
    member_client, collection, media_root, name, content
):
    response = member_client.post(
        reverse("wagtaildocs:add"),
        {"title": "Règlement", "file": upload(name, content), "collection": collection.pk},
    )

    assert response.status_code == 200
    assert response.context["form"].errors["file"]
    assert not Document.objects.exists()
    assert stored_files(media_root) == []


def test_admin_upload_explains_the_refusal_in_french(member_client, collection):
    response = member_client.post(
        reverse("wagtaildocs:add"),
        {"title": "Règlement", "file": upload("page web.pdf", HTML), "collection": collection.pk},
    )

    assert response.context["form"].errors["file"] == [
        "Le contenu de ce fichier ne correspond pas à son extension «\u00a0.pdf\u00a0». "
        "Enregistrez-le à nouveau dans ce format, puis déposez-le."
    ]


def test_admin_upload_refuses_a_document_over_the_size_limit(member_client, collection):
    too_big = pdf() + b"0" * settings.WAGTAILDOCS_MAX_UPLOAD_SIZE

    response = member_client.post(
        reverse("wagtaildocs:add"),
        {"title": "Rapport", "file": upload("rapport.pdf", too_big), "collection": collection.pk},
    )

    assert response.status_code == 200
    assert "trop" in response.context["form"].errors["file"][0]
    assert not Document.objects.exists()


def multiple_upload(client, url, name, content, collection):
    return client.post(
        url,
        {"files[]": upload(name, content), "collection": collection.pk},
        headers={"x-requested-with": "XMLHttpRequest"},
    )


def test_multiple_upload_refuses_a_bad_document_and_saves_nothing(
    member_client, collection, media_root
):
    url = reverse("wagtaildocs:add_multiple")
    response = multiple_upload(member_client, url, "page web.pdf", HTML, collection)

    assert response.status_code == 200
    assert response.json()["success"] is False
    assert CONTENT_MISMATCH in response.json()["error_message"]
    assert not Document.objects.exists()
    assert not UploadedFile.objects.exists()
    assert stored_files(media_root) == []


def test_multiple_upload_accepts_a_valid_document(member_client, collection):
    url = reverse("wagtaildocs:add_multiple")
    ods = opendocument("spreadsheet")
    response = multiple_upload(member_client, url, "budget.ods", ods, collection)

    assert response.json()["success"] is True
    assert Document.objects.get().filename == "budget.ods"


def test_chooser_upload_refuses_a_bad_document(member_client, collection, media_root):
    response = member_client.post(
        reverse("wagtaildocs_chooser:create"),
        {
            "document-chooser-upload-title": "Compte rendu",
            "document-chooser-upload-file": upload("compte-rendu.odt", docx()),
            "document-chooser-upload-collection": collection.pk,
        },
    )

    assert response.status_code == 200
    assert response.json()["step"] == "reshow_creation_form"
    assert CONTENT_MISMATCH in response.json()["htmlFragment"]
    assert not Document.objects.exists()
    assert stored_files(media_root) == []


def test_edit_form_refuses_a_bad_replacement_and_keeps_the_original(
    member_client, django_user_model, collection
):
    editor = django_user_model.objects.get(username="redaction-amiens")
    document = DocumentFactory(
        collection=collection,
        uploaded_by_user=editor,
        file__from_func=lambda: io.BytesIO(pdf()),
        file__filename="rapport.pdf",
    )
    original = document.file.name

    response = member_client.post(
        reverse("wagtaildocs:edit", args=[document.pk]),
        {"title": "Rapport", "file": upload("rapport.pdf", HTML), "collection": collection.pk},
    )

    assert response.status_code == 200
    assert CONTENT_MISMATCH in response.context["form"].errors["file"][0]
    document.refresh_from_db()
    assert document.file.name == original
    assert document.file.read() == pdf()


def test_edit_form_without_a_new_file_does_not_recheck_the_stored_one(
    member_client, django_user_model, collection
):
    editor = django_user_model.objects.get(username="redaction-amiens")
    document = DocumentFactory(
        collection=collection,
        uploaded_by_user=editor,
        file__from_func=lambda: io.BytesIO(pdf()),
        file__filename="rapport.pdf",
    )

    response = member_client.post(
        reverse("wagtaildocs:edit", args=[document.pk]),
        {"title": "Rapport annuel", "collection": collection.pk},
    )

    assert response.status_code == 302
    document.refresh_from_db()
    assert document.title == "Rapport annuel"


@pytest.mark.parametrize(
    "name, content, content_type",
    [
        ("rapport.pdf", pdf(), "application/pdf"),
        ("votes.csv", VALID_DOCUMENTS["votes.csv"], "text/csv"),
    ],
    ids=["pdf", "csv"],
)
def test_documents_are_downloaded_with_a_restrictive_content_security_policy(
    db, client, name, content, content_type
):
    document = DocumentFactory(file__from_func=lambda: io.BytesIO(content), file__filename=name)

    response = client.get(document.url)

    assert response.status_code == 200
    assert response["Content-Type"].split(";")[0] == content_type
    assert response["Content-Disposition"] == f'attachment; filename="{name}"'
    directives = [part.strip() for part in response["Content-Security-Policy"].split(";")]
    assert "default-src 'none'" in directives
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content) == content


def test_documents_are_linked_through_wagtails_view_not_the_media_folder(db):
    document = DocumentFactory(file__from_func=lambda: io.BytesIO(pdf()), file__filename="a.pdf")

    assert document.url == reverse("wagtaildocs_serve", args=[document.pk, "a.pdf"])


def image_upload(client, name, content, collection):
    return client.post(
        reverse("wagtailimages:add"),
        {"title": "Affiche", "file": upload(name, content), "collection": collection.pk},
    )


def test_member_uploads_a_valid_image(member_client, collection):
    response = image_upload(member_client, "affiche.png", picture("PNG"), collection)

    assert response.status_code == 302
    assert ImageModel.objects.get().collection == collection


@pytest.mark.parametrize("name", ["dessin.svg", "dessin.png"])
def test_svg_images_are_refused(member_client, collection, media_root, name):
    response = image_upload(member_client, name, SVG, collection)

    assert response.status_code == 200
    assert response.context["form"].errors["file"]
    assert not ImageModel.objects.exists()
    assert stored_files(media_root) == []


def test_svg_images_are_refused_by_the_multiple_upload(member_client, collection):
    url = reverse("wagtailimages:add_multiple")
    response = multiple_upload(member_client, url, "dessin.png", SVG, collection)

    assert response.json()["success"] is False
    assert not ImageModel.objects.exists()


def test_an_image_over_the_pixel_limit_is_refused_with_a_form_error(member_client, collection):
    # Bilevel: 48 million pixels in a few kilobytes, so that only the pixel limit applies.
    width, height = 8000, 6000
    assert width * height > settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS
    huge = picture("PNG", size=(width, height), mode="1")

    response = image_upload(member_client, "plan.png", huge, collection)

    assert response.status_code == 200
    assert "pixels" in response.context["form"].errors["file"][0]
    assert not ImageModel.objects.exists()


def test_an_image_over_the_size_limit_is_refused_with_a_form_error(member_client, collection):
    # A valid PNG followed by padding, which image readers ignore.
    padded = picture("PNG") + b"\x00" * settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE

    response = image_upload(member_client, "affiche.png", padded, collection)

    assert response.status_code == 200
    assert "trop" in response.context["form"].errors["file"][0]
    assert not ImageModel.objects.exists()


@pytest.fixture
def restricted_page(home):
    return StandardPageFactory(parent=home, title="Espace des membres")


def test_privacy_form_offers_no_shared_password(superuser_client, restricted_page):
    url = reverse("wagtailadmin_pages:set_privacy", args=[restricted_page.pk])
    response = superuser_client.get(url)

    field = response.context["form"].fields["restriction_type"]
    choices = [value for value, _label in field.choices]
    assert PageViewRestriction.PASSWORD not in choices
    assert PageViewRestriction.LOGIN in choices
    assert PageViewRestriction.GROUPS in choices


def test_privacy_form_refuses_a_password_restriction(superuser_client, restricted_page):
    response = superuser_client.post(
        reverse("wagtailadmin_pages:set_privacy", args=[restricted_page.pk]),
        {"restriction_type": PageViewRestriction.PASSWORD, "password": "secret-partage"},
    )

    assert response.status_code == 200
    assert response.context["form"].errors["restriction_type"]
    assert not PageViewRestriction.objects.filter(page=restricted_page).exists()


def test_privacy_form_accepts_a_login_restriction(superuser_client, restricted_page):
    response = superuser_client.post(
        reverse("wagtailadmin_pages:set_privacy", args=[restricted_page.pk]),
        {"restriction_type": PageViewRestriction.LOGIN},
    )

    assert response.status_code == 200
    restriction = PageViewRestriction.objects.get(page=restricted_page)
    assert restriction.restriction_type == PageViewRestriction.LOGIN


def test_document_collection_privacy_refuses_a_password_restriction(superuser_client, collection):
    response = superuser_client.post(
        reverse("wagtailadmin_collections:set_privacy", args=[collection.pk]),
        {"restriction_type": CollectionViewRestriction.PASSWORD, "password": "secret-partage"},
    )

    assert response.status_code == 200
    assert response.json()["step"] != "set_privacy_done"
    assert not CollectionViewRestriction.objects.filter(collection=collection).exists()

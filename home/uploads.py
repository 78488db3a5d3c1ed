"""Checks that an uploaded document holds what its extension says, plugged into every admin
form that takes a document file (WAGTAILDOCS_DOCUMENT_FORM_BASE): upload, multiple upload,
chooser upload and edit. Wagtail itself only checks the extension and the size; a renamed
executable, an HTML page called .pdf or a macro-enabled spreadsheet called .xlsx is refused
here before anything is saved."""

import io
import os
import zipfile
import zlib

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _

from wagtail.documents.forms import BaseDocumentForm

from PIL import Image

OPENDOCUMENT_TYPES = {
    "odt": b"application/vnd.oasis.opendocument.text",
    "ods": b"application/vnd.oasis.opendocument.spreadsheet",
}
# The content type of the main part, declared in [Content_Types].xml. Macro-enabled variants
# (.docm, .xlsm renamed) declare another one and are refused.
OFFICE_OPEN_XML_TYPES = {
    "docx": b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
    "xlsx": b"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
}
IMAGE_FORMATS = {"png": "PNG", "jpg": "JPEG", "jpeg": "JPEG"}
IMAGE_SIGNATURES = {"PNG": b"\x89PNG\r\n\x1a\n", "JPEG": b"\xff\xd8\xff"}
# The small zip members read here are a few kilobytes; a larger one is not an office file.
MAX_MANIFEST_SIZE = 1024 * 1024
# Control characters, NUL first, that a text file never holds (tab, line feed and carriage
# return aside).
BINARY_BYTES = bytes([*range(0, 9), 11, 12, *range(14, 32), 127])


class ContentMismatch(Exception):
    """The file's content is not of the type its extension announces."""


def check_pdf(data, extension):
    if not data.startswith(b"%PDF-"):
        raise ContentMismatch


def read_zip_member(archive, name):
    try:
        info = archive.getinfo(name)
    except KeyError:
        raise ContentMismatch from None
    if info.file_size > MAX_MANIFEST_SIZE:
        raise ContentMismatch
    try:
        return archive.read(info)
    except (zipfile.BadZipFile, zlib.error, EOFError, RuntimeError, NotImplementedError):
        # Damaged, encrypted or compressed in a way no office suite writes.
        raise ContentMismatch from None


def open_zip(data):
    try:
        return zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError):
        raise ContentMismatch from None


def check_opendocument(data, extension):
    with open_zip(data) as archive:
        if read_zip_member(archive, "mimetype").strip() != OPENDOCUMENT_TYPES[extension]:
            raise ContentMismatch
        read_zip_member(archive, "content.xml")


def check_office_open_xml(data, extension):
    with open_zip(data) as archive:
        manifest = read_zip_member(archive, "[Content_Types].xml")
        if OFFICE_OPEN_XML_TYPES[extension] not in manifest:
            raise ContentMismatch


def check_csv(data, extension):
    """Text in UTF-8 or Latin-1 (Windows spreadsheets): any byte sequence decodes as Latin-1,
    so what tells a binary file apart is a NUL or another control character."""
    if len(data.translate(None, BINARY_BYTES)) != len(data):
        raise ContentMismatch


def check_image(data, extension):
    expected = IMAGE_FORMATS[extension]
    if not data.startswith(IMAGE_SIGNATURES[expected]):
        raise ContentMismatch
    try:
        with Image.open(io.BytesIO(data)) as image:
            found = image.format
            image.verify()
    except Exception:  # Pillow raises many kinds of errors on a broken file
        raise ContentMismatch from None
    if found != expected:
        raise ContentMismatch


CHECKS = {
    "pdf": check_pdf,
    "odt": check_opendocument,
    "ods": check_opendocument,
    "docx": check_office_open_xml,
    "xlsx": check_office_open_xml,
    "csv": check_csv,
    "png": check_image,
    "jpg": check_image,
    "jpeg": check_image,
}


def check_document_content(uploaded):
    """Raise a ValidationError unless the uploaded file's content matches its extension. An
    extension without a check here is left to Wagtail's own list (WAGTAILDOCS_EXTENSIONS),
    which refuses it; tests make sure every allowed extension has a check."""
    extension = os.path.splitext(uploaded.name)[1][1:].lower()
    check = CHECKS.get(extension)
    if check is None:
        return
    uploaded.seek(0)
    data = uploaded.read()
    uploaded.seek(0)
    try:
        check(data, extension)
    except ContentMismatch:
        raise ValidationError(
            _(
                "Le contenu de ce fichier ne correspond pas à son extension "
                "« .%(extension)s ». Enregistrez-le à nouveau dans ce format, "
                "puis déposez-le."
            ),
            code="content_mismatch",
            params={"extension": extension},
        ) from None


class DocumentForm(BaseDocumentForm):
    """Wagtail's document form, with the content of a newly uploaded file checked."""

    def clean_file(self):
        uploaded = self.cleaned_data.get("file")
        if isinstance(uploaded, UploadedFile):
            check_document_content(uploaded)
        return uploaded

    def _post_clean(self):
        # Wagtail's model checks the extension even of a file the form already refused, finds
        # none and adds that "" is not allowed: a message that would only confuse.
        refusals = len(self._errors.get("file", ()))
        super()._post_clean()
        if refusals:
            del self._errors["file"][refusals:]

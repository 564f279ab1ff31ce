"""Uploaded documents (directives, review reports, agreements): PDF or DOCX checked by content.

Stored under a random name so nobody can guess another file's URL; files are served only through
permission-checked views, never from ``MEDIA_URL``.
"""

import uuid
import zipfile

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

PDF_MAGIC = b"%PDF-"
ZIP_MAGIC = b"PK\x03\x04"


def document_kind(upload) -> str:
    """``pdf`` or ``docx`` judged from the bytes (the name and the browser's type are not trusted)."""
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    if head.startswith(PDF_MAGIC):
        return "pdf"
    if head.startswith(ZIP_MAGIC):
        try:
            with zipfile.ZipFile(upload) as archive:
                names = set(archive.namelist())
        except zipfile.BadZipFile:
            names = set()
        finally:
            upload.seek(0)
        if "word/document.xml" in names and "[Content_Types].xml" in names:
            return "docx"
    return ""


def validate_document(upload) -> None:
    """Refuse files over ``settings.UPLOAD_MAX_BYTES`` and anything that is not a real PDF or DOCX."""
    if upload is None:
        return
    limit = settings.UPLOAD_MAX_BYTES
    if upload.size > limit:
        raise ValidationError(
            _("Tệp quá lớn (%(size)s); tối đa %(limit)s.")
            % {"size": filesizeformat(upload.size), "limit": filesizeformat(limit)}
        )
    if not document_kind(upload):
        raise ValidationError(_("Chỉ nhận tệp PDF hoặc Word (.docx) thật; tệp này không phải PDF hay DOCX."))


def random_name(folder: str):
    """An ``upload_to`` callable: ``<folder>/<uuid>.<pdf|docx>`` whatever the uploaded name was."""

    def upload_to(instance, filename: str) -> str:
        ext = filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
        ext = ext if ext in {"pdf", "docx"} else "bin"
        return f"{folder}/{uuid.uuid4().hex}.{ext}"

    upload_to.__name__ = f"upload_to_{folder.replace('/', '_')}"
    return upload_to


def upload_directive(instance, filename: str) -> str:
    return random_name("campaigns/directives")(instance, filename)


def upload_review(instance, filename: str) -> str:
    return random_name("campaigns/reviews")(instance, filename)


def download_name(stored_name: str, label: str) -> str:
    """A readable download name keeping the stored extension."""
    ext = stored_name.rsplit(".", 1)[-1] if "." in stored_name else "bin"
    return f"{label}.{ext}"

"""Uploaded files: the type is decided by content (magic bytes), never by the name."""

import zipfile

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

ALLOWED = {"pdf": "application/pdf", "png": "image/png", "jpg": "image/jpeg",
           "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
           "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}


def sniff(upload) -> str | None:
    """``pdf``/``png``/``jpg``/``docx``/``xlsx`` from the file's bytes, or None."""
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpg"
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(upload) as archive:
                names = set(archive.namelist())
        except (zipfile.BadZipFile, OSError):
            return None
        finally:
            upload.seek(0)
        if "[Content_Types].xml" in names:
            if "word/document.xml" in names:
                return "docx"
            if "xl/workbook.xml" in names:
                return "xlsx"
    return None


def validate_upload(upload) -> tuple[str, str]:
    """(kind, content type) of an allowed upload; ValidationError with a Vietnamese message otherwise."""
    limit = settings.UPLOAD_MAX_BYTES
    if upload.size > limit:
        raise ValidationError(
            _("Tệp “%(name)s” quá lớn (%(size)s MB); giới hạn là %(limit)s MB.")
            % {"name": upload.name, "size": round(upload.size / 1048576, 1), "limit": round(limit / 1048576, 1)}
        )
    if upload.size == 0:
        raise ValidationError(_("Tệp “%(name)s” rỗng.") % {"name": upload.name})
    kind = sniff(upload)
    if kind is None:
        raise ValidationError(
            _("Tệp “%(name)s” không phải PDF, DOCX, XLSX, JPG hoặc PNG (kiểm tra theo nội dung tệp).") % {"name": upload.name}
        )
    return kind, ALLOWED[kind]

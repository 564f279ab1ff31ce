"""Web imports: upload (the file kept server-side under a random name), validation for the
preview, confirmation and the write. Large files run both steps as background tasks.

Staff import every kind for the province; a unit officer imports people, households and
evidence of their own unit's subtree only.
"""

import datetime
import uuid
from contextlib import contextmanager
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.enums import Role
from core.audit import log_action

from ..imports.reader import MAX_BYTES, FileRefused, count_rows
from ..imports.runner import run_import
from ..models import ImportJob, ImportKind, ImportStatus
from ..models.imports import IMPORT_TRANSITIONS

BACKGROUND_ROWS = getattr(settings, "IMPORT_BACKGROUND_ROWS", 2000)
UPLOAD_DIR = "imports"  # under MEDIA_ROOT (or the bucket)
UNIT_OFFICER_KINDS = [ImportKind.PERSONS, ImportKind.HOUSEHOLDS, ImportKind.RATINGS, ImportKind.INITIATIVES, ImportKind.DISCIPLINES]


def allowed_kinds(user) -> list[str]:
    if user.is_superuser or user.role == Role.STAFF:
        return list(ImportKind.values)
    if user.role == Role.UNIT_OFFICER and user.unit_id:
        return list(UNIT_OFFICER_KINDS)
    return []


def jobs_visible_to(user):
    qs = ImportJob.objects.select_related("created_by", "scope_unit")
    if user.is_superuser or user.role == Role.STAFF:
        return qs
    return qs.filter(created_by=user)


def _move(job: ImportJob, status: str, **fields) -> None:
    if status not in IMPORT_TRANSITIONS[job.status]:
        raise ValidationError(_("Không thể chuyển lượt nhập từ \"%(a)s\" sang \"%(b)s\".") % {
            "a": job.get_status_display(), "b": ImportStatus(status).label})
    job.status = status
    for name, value in fields.items():
        setattr(job, name, value)
    job.save()


def is_background(job: ImportJob) -> bool:
    return job.rows_total > BACKGROUND_ROWS


def import_job_create(*, actor, kind: str, uploaded) -> ImportJob:
    """Keep the uploaded file under a random name and open a job for it.

    A file refused outright (not a spreadsheet, too big, zip bomb...) gives an INVALID job with
    the reason and is not kept. Side effect: audit row ``awards.import.upload``. Validation is
    then run by the caller (small files) or queued (``BACKGROUND_ROWS`` and more).
    """
    if kind not in allowed_kinds(actor):
        raise PermissionDenied
    file_name = PurePath(uploaded.name or "tep").name[:200]
    job = ImportJob(kind=kind, file_name=file_name, created_by=actor,
                    scope_unit=None if actor.is_superuser or actor.role == Role.STAFF else actor.unit)
    errors = []
    data = b""
    if uploaded.size > MAX_BYTES:
        errors = [_("Tệp quá lớn (tối đa %(max)s MB).") % {"max": MAX_BYTES // 1024 // 1024}]
    else:
        data = uploaded.read()
        try:
            job.rows_total = count_rows(data, file_name)
            if not file_name.lower().endswith((".xlsx", ".csv")):
                raise FileRefused(_("Chỉ nhận tệp .xlsx hoặc .csv (UTF-8)."))
        except FileRefused as exc:
            errors = [str(exc)]
    with transaction.atomic():
        if errors:
            job.status = ImportStatus.INVALID
            job.errors = [{"row": None, "column": "", "message": e, "text": e} for e in errors]
            job.finished_at = timezone.now()
        else:
            suffix = PurePath(file_name).suffix.lower()
            job.stored_name = default_storage.save(f"{UPLOAD_DIR}/{uuid.uuid4().hex}{suffix}", ContentFile(data))
        job.save()
        log_action(actor=actor, action="awards.import.upload", obj=job,
                   after={"kind": kind, "file_name": file_name, "rows": job.rows_total, "refused": bool(errors)})
        if not errors and is_background(job):
            from ..tasks_imports import validate_import

            transaction.on_commit(lambda: validate_import.enqueue(job.pk))
    return job


def _progress(job_id: int):
    def update(done: int, total: int) -> None:
        ImportJob.objects.filter(pk=job_id).update(rows_done=done, rows_total=total)
    return update


def _read(job: ImportJob) -> bytes:
    with default_storage.open(job.stored_name, "rb") as f:
        return f.read()


def import_job_validate(job_id: int) -> ImportJob:
    """Validate the stored file (nothing written) and keep the errors and preview."""
    job = ImportJob.objects.select_related("created_by", "scope_unit").get(pk=job_id)
    if job.status != ImportStatus.VALIDATING:
        return job
    result = run_import(job.kind, _read(job), job.file_name, actor=job.created_by, scope_unit=job.scope_unit,
                        dry_run=True, progress=_progress(job.pk))
    with transaction.atomic():
        job = ImportJob.objects.select_for_update().get(pk=job_id)
        _move(job, ImportStatus.INVALID if result.errors else ImportStatus.READY,
              errors=[e.as_dict() for e in result.errors], preview={"headers": result.headers, "rows": result.preview},
              rows_total=result.rows, rows_done=result.rows, finished_at=timezone.now() if result.errors else None)
    if result.errors:
        _discard(job)
    return job


def import_job_confirm(*, actor, job: ImportJob) -> ImportJob:
    """The user confirms a validated preview: write now (small files) or queue the write.
    Only the user who uploaded (or staff) may confirm."""
    if not (actor.is_superuser or actor.role == Role.STAFF or job.created_by_id == actor.pk):
        raise PermissionDenied
    with transaction.atomic():
        job = ImportJob.objects.select_for_update().get(pk=job.pk)
        _move(job, ImportStatus.WRITING, rows_done=0)
        log_action(actor=actor, action="awards.import.confirm", obj=job, after={"file_name": job.file_name, "rows": job.rows_total})
        if is_background(job):
            from ..tasks_imports import write_import

            transaction.on_commit(lambda: write_import.enqueue(job.pk))
    if not is_background(job):
        job = import_job_write(job.pk)
    return job


def import_job_write(job_id: int) -> ImportJob:
    """Validate again against the database as it is now and write all or nothing."""
    job = ImportJob.objects.select_related("created_by", "scope_unit").get(pk=job_id)
    if job.status != ImportStatus.WRITING:
        return job
    result = run_import(job.kind, _read(job), job.file_name, actor=job.created_by, scope_unit=job.scope_unit,
                        job=job, progress=_progress(job.pk))
    if result.errors:
        with transaction.atomic():
            job = ImportJob.objects.select_for_update().get(pk=job_id)
            _move(job, ImportStatus.INVALID, errors=[e.as_dict() for e in result.errors], finished_at=timezone.now())
    job.refresh_from_db()
    _discard(job)
    return job


def import_job_cancel(*, actor, job: ImportJob, reason: str = "") -> ImportJob:
    """Drop a validated preview that will not be written: the stored file is deleted.
    The uploader or staff; ``actor=None`` is the clean-up command. Side effect: audit row
    ``awards.import.cancel``."""
    if actor is not None and not (actor.is_superuser or actor.role == Role.STAFF or job.created_by_id == actor.pk):
        raise PermissionDenied
    with transaction.atomic():
        job = ImportJob.objects.select_for_update().get(pk=job.pk)
        _move(job, ImportStatus.CANCELLED, finished_at=timezone.now())
        log_action(actor=actor, action="awards.import.cancel", obj=job, reason=reason,
                   after={"file_name": job.file_name, "rows": job.rows_total})
        transaction.on_commit(lambda: _discard(job))
    return job


def purge_stale_imports(*, older_than: datetime.timedelta, now: datetime.datetime | None = None) -> tuple[int, int]:
    """(previews cancelled, stray files deleted): previews left unconfirmed longer than
    ``older_than`` are cancelled with their files; files under ``imports/`` that no waiting job
    refers to (left by a crashed process) are deleted once as old."""
    now = now or timezone.now()
    cutoff = now - older_than
    cancelled = 0
    for job in ImportJob.objects.filter(status=ImportStatus.READY, updated_at__lt=cutoff).order_by("pk"):
        import_job_cancel(actor=None, job=job, reason=_("Quá hạn xác nhận; tệp tạm đã được xóa."))
        cancelled += 1
    waiting = set(ImportJob.objects.filter(status__in=[ImportStatus.VALIDATING, ImportStatus.READY, ImportStatus.WRITING])
                  .values_list("stored_name", flat=True))
    strays = 0
    try:
        _dirs, files = default_storage.listdir(UPLOAD_DIR)
    except FileNotFoundError:
        files = []
    for name in files:
        stored = f"{UPLOAD_DIR}/{name}"
        if stored in waiting:
            continue
        if default_storage.get_modified_time(stored) < cutoff:
            default_storage.delete(stored)
            strays += 1
    return cancelled, strays


def _discard(job: ImportJob) -> None:
    if job.stored_name and default_storage.exists(job.stored_name):
        default_storage.delete(job.stored_name)


@contextmanager
def failing_marks_job(job_id: int):
    """An unexpected error in a background step leaves the job FAILED, not running forever."""
    try:
        yield
    except Exception:
        ImportJob.objects.filter(pk=job_id, status__in=[ImportStatus.VALIDATING, ImportStatus.WRITING]).update(
            status=ImportStatus.FAILED, finished_at=timezone.now(),
            errors=[{"row": None, "column": "", "message": _("Lỗi hệ thống khi xử lý tệp; không có dòng nào được ghi."),
                     "text": _("Lỗi hệ thống khi xử lý tệp; không có dòng nào được ghi.")}])
        raise

"""Writes of the report side: requesting, running, finishing, failing and retrying documents."""

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from core.audit import log_action, snapshot

from .enums import DOCUMENT_TRANSITIONS, DocumentStatus
from .models import GeneratedDocument

TRACKED = ["status", "progress", "error", "attempts", "file"]


class DocumentError(ValidationError):
    """A document transition that is not allowed."""


def _enqueue(document: GeneratedDocument) -> None:
    from .tasks import render_document

    def send():
        result = render_document.enqueue(str(document.uuid))
        GeneratedDocument.objects.filter(pk=document.pk, task_id="").update(task_id=str(result.id)[:100])

    transaction.on_commit(send)


def _move(document: GeneratedDocument, new: str) -> None:
    if new not in DOCUMENT_TRANSITIONS[DocumentStatus(document.status)]:
        raise DocumentError(f"Không thể chuyển văn bản từ trạng thái “{document.get_status_display()}” sang “{DocumentStatus(new).label}”.")
    document.status = new


def document_request(*, actor, kind: str, format: str, params: dict, title: str, scope_unit=None) -> GeneratedDocument:
    """Queue a rendering. Side effects: audit row; the render task is enqueued after commit."""
    with transaction.atomic():
        document = GeneratedDocument(
            kind=kind, format=format, params=params, title=title, scope_unit=scope_unit, created_by=actor,
        )
        document.full_clean()
        document.save()
        log_action(actor=actor, action="document_request", obj=document, after=snapshot(document, ["kind", "format", "params"]))
        _enqueue(document)
    return document


def document_regenerate(*, actor, document: GeneratedDocument) -> GeneratedDocument:
    """A fresh rendering with the same parameters; the earlier file stays available."""
    return document_request(
        actor=actor, kind=document.kind, format=document.format, params=document.params,
        title=document.title, scope_unit=document.scope_unit,
    )


def document_retry(*, actor, document: GeneratedDocument, reason: str = "") -> GeneratedDocument:
    """Failed → queued again. Side effects: audit row; the task is enqueued after commit."""
    with transaction.atomic():
        document = GeneratedDocument.objects.select_for_update().get(pk=document.pk)
        before = snapshot(document, TRACKED)
        _move(document, DocumentStatus.QUEUED)
        document.progress, document.error, document.task_id = 0, "", ""
        document.save(update_fields=["status", "progress", "error", "task_id", "updated_at"])
        log_action(actor=actor, action="document_retry", obj=document, reason=reason, before=before,
                   after=snapshot(document, TRACKED))
        _enqueue(document)
    return document


def document_start(*, document_id: int) -> GeneratedDocument | None:
    """Queued → running; None when the row is no longer queued (a duplicate delivery)."""
    with transaction.atomic():
        document = GeneratedDocument.objects.select_for_update().get(pk=document_id)
        if document.status != DocumentStatus.QUEUED:
            return None
        _move(document, DocumentStatus.RUNNING)
        document.attempts += 1
        document.started_at, document.finished_at, document.progress = timezone.now(), None, 1
        document.save(update_fields=["status", "attempts", "started_at", "finished_at", "progress", "updated_at"])
    return document


def document_progress(*, document_id: int, percent: int) -> None:
    """Progress only (no audit row: it is not a change of state)."""
    GeneratedDocument.objects.filter(pk=document_id, status=DocumentStatus.RUNNING).update(
        progress=max(1, min(99, int(percent)))
    )


def document_finish(*, document_id: int, filename: str, content: bytes) -> GeneratedDocument:
    with transaction.atomic():
        document = GeneratedDocument.objects.select_for_update().get(pk=document_id)
        before = snapshot(document, TRACKED)
        _move(document, DocumentStatus.DONE)
        document.file.save(filename, ContentFile(content), save=False)
        document.progress, document.finished_at = 100, timezone.now()
        document.save(update_fields=["status", "file", "progress", "finished_at", "updated_at"])
        log_action(actor=None, action="document_done", obj=document, before=before, after=snapshot(document, TRACKED))
    return document


def document_fail(*, document_id: int, error: str) -> GeneratedDocument:
    with transaction.atomic():
        document = GeneratedDocument.objects.select_for_update().get(pk=document_id)
        before = snapshot(document, TRACKED)
        _move(document, DocumentStatus.FAILED)
        document.error, document.finished_at = error[:4000], timezone.now()
        document.save(update_fields=["status", "error", "finished_at", "updated_at"])
        log_action(actor=None, action="document_failed", obj=document, before=before, after=snapshot(document, TRACKED))
    return document


def certificate_positions_update(*, actor, values: dict[str, dict], reason: str = "") -> None:
    """Store the blank-certificate field positions (mm); one audit row per changed field."""
    from .models import CertificateFieldPosition

    with transaction.atomic():
        for field, v in values.items():
            row = CertificateFieldPosition.objects.select_for_update().filter(field=field).first()
            before = snapshot(row, ["x_mm", "y_mm", "width_mm", "font_pt"]) if row else {}
            row = row or CertificateFieldPosition(field=field)
            row.x_mm, row.y_mm, row.width_mm, row.font_pt = v["x"], v["y"], v["w"], v["pt"]
            row.full_clean()
            row.save()
            after = snapshot(row, ["x_mm", "y_mm", "width_mm", "font_pt"])
            if before != after:
                log_action(actor=actor, action="certificate_position_update", obj=row, reason=reason, before=before, after=after)

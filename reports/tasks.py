"""Background rendering of long documents (django-tasks). Tasks take ids and call services."""

import logging

from django_tasks import task

from . import builders, services
from .models import GeneratedDocument

logger = logging.getLogger(__name__)


@task()
def render_document(document_uuid: str) -> str:
    """Render one queued document; any error marks it failed with the message (staff can retry)."""
    document = GeneratedDocument.objects.get(uuid=document_uuid)
    document = services.document_start(document_id=document.pk)
    if document is None:
        return "skipped"
    try:
        filename, content = builders.build(
            document, progress=lambda pct: services.document_progress(document_id=document.pk, percent=pct)
        )
    except Exception as exc:  # the failure is the result: stored on the row, shown to staff
        logger.exception("rendering document %s failed", document_uuid)
        services.document_fail(document_id=document.pk, error=f"{type(exc).__name__}: {exc}")
        return "failed"
    services.document_finish(document_id=document.pk, filename=filename, content=content)
    return "done"

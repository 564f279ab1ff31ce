"""Documents rendered in the background (long reports), kept so they can be downloaded again."""

import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.models import TimestampedModel

from .enums import DocumentFormat, DocumentKind, DocumentStatus


def document_path(instance: "GeneratedDocument", filename: str) -> str:
    return f"reports/{instance.created_at:%Y/%m}/{instance.uuid}/{filename}"


class GeneratedDocument(TimestampedModel):
    """One requested rendering of a report (kind + parameters) and its result file.

    Created by ``reports.services.document_request``, moved through queued → running → done/failed
    by the task ``reports.tasks.render_document`` (``document_start``, ``document_progress``,
    ``document_finish``, ``document_fail``) and back to queued by ``document_retry``.
    """

    uuid = models.UUIDField(default=uuid.uuid4, editable=False, unique=True)  # public id in URLs
    kind = models.CharField(_("loại văn bản"), max_length=20, choices=DocumentKind.choices)
    format = models.CharField(_("định dạng"), max_length=5, choices=DocumentFormat.choices)
    params = models.JSONField(_("tham số"), default=dict, blank=True)
    scope_unit = models.ForeignKey(
        "org.Unit", verbose_name=_("phạm vi đơn vị"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="+", help_text=_("Trống: toàn tỉnh."),
    )
    title = models.CharField(_("tiêu đề"), max_length=300)
    status = models.CharField(_("trạng thái"), max_length=10, choices=DocumentStatus.choices, default=DocumentStatus.QUEUED)
    progress = models.PositiveSmallIntegerField(_("tiến độ (%)"), default=0, validators=[MaxValueValidator(100)])
    error = models.TextField(_("lỗi"), blank=True)
    file = models.FileField(_("tệp"), upload_to=document_path, blank=True)
    attempts = models.PositiveSmallIntegerField(_("số lần chạy"), default=0)
    task_id = models.CharField(max_length=100, blank=True)
    started_at = models.DateTimeField(_("bắt đầu"), null=True, blank=True)
    finished_at = models.DateTimeField(_("kết thúc"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("người yêu cầu"), on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("văn bản đã tạo")
        verbose_name_plural = _("văn bản đã tạo")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(condition=Q(kind__in=DocumentKind.values), name="%(app_label)s_%(class)s_kind_valid"),
            models.CheckConstraint(condition=Q(format__in=DocumentFormat.values), name="%(app_label)s_%(class)s_format_valid"),
            models.CheckConstraint(condition=Q(status__in=DocumentStatus.values), name="%(app_label)s_%(class)s_status_valid"),
            models.CheckConstraint(condition=Q(progress__lte=100), name="%(app_label)s_%(class)s_progress_range"),
        ]
        indexes = [
            # "my documents" list and the staff list of recent documents
            models.Index(fields=["created_by", "-created_at"], name="reports_doc_owner_idx"),
            models.Index(fields=["status", "-created_at"], name="reports_doc_status_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.get_format_display()})"

    def get_absolute_url(self) -> str:
        return reverse("reports:document-detail", args=[self.uuid])

    @property
    def is_finished(self) -> bool:
        return self.status in {DocumentStatus.DONE, DocumentStatus.FAILED}

    @property
    def filename(self) -> str:
        return self.file.name.rsplit("/", 1)[-1] if self.file else ""

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


class CertificateField(models.TextChoices):
    NAME = "name", _("Họ tên / tên tập thể")
    UNIT = "unit", _("Đơn vị")
    ACHIEVEMENT = "achievement", _("Thành tích")
    PLACE_DATE = "place_date", _("Địa danh, ngày tháng")
    NUMBER = "number", _("Số quyết định")


class CertificateFieldPosition(models.Model):
    """Where one field prints on the pre-printed certificate blank (mm from the top-left corner).

    Changed by ``reports.services.certificate_positions_update`` (logged); fields without a row
    print at ``reports.certificate_layout.DEFAULTS``.
    """

    field = models.CharField(_("trường"), max_length=20, choices=CertificateField.choices, unique=True)
    x_mm = models.DecimalField(_("cách lề trái (mm)"), max_digits=5, decimal_places=1)
    y_mm = models.DecimalField(_("cách mép trên (mm)"), max_digits=5, decimal_places=1)
    width_mm = models.DecimalField(_("độ rộng (mm)"), max_digits=5, decimal_places=1, default=200)
    font_pt = models.DecimalField(_("cỡ chữ (pt)"), max_digits=4, decimal_places=1, default=14)

    class Meta:
        verbose_name = _("vị trí trường trên phôi bằng khen")
        verbose_name_plural = _("vị trí trường trên phôi bằng khen")
        ordering = ["field"]
        constraints = [
            models.CheckConstraint(condition=Q(field__in=CertificateField.values), name="%(app_label)s_%(class)s_field_valid"),
            models.CheckConstraint(
                condition=Q(x_mm__gte=0, x_mm__lte=297, y_mm__gte=0, y_mm__lte=210, width_mm__gt=0, font_pt__gt=0),
                name="%(app_label)s_%(class)s_on_page",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_field_display()}: {self.x_mm}, {self.y_mm} mm"

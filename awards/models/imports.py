"""Imports run from the web: the uploaded file kept server-side, its validation and its progress."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.models import TimestampedModel


class ImportKind(models.TextChoices):
    """What a file brings in (CONTRACTS §4)."""

    UNITS = "units", _("Đơn vị")
    PERSONS = "persons", _("Cá nhân")
    HOUSEHOLDS = "households", _("Hộ gia đình")
    RATINGS = "ratings", _("Xếp loại hằng năm")
    INITIATIVES = "initiatives", _("Sáng kiến")
    DISCIPLINES = "disciplines", _("Kỷ luật / đang xem xét")
    AWARDS = "awards", _("Sổ khen thưởng (lịch sử)")


class ImportStatus(models.TextChoices):
    VALIDATING = "validating", _("Đang kiểm tra")
    READY = "ready", _("Sẵn sàng ghi")
    INVALID = "invalid", _("Có lỗi")
    WRITING = "writing", _("Đang ghi")
    DONE = "done", _("Đã ghi")
    FAILED = "failed", _("Không ghi được")
    CANCELLED = "cancelled", _("Đã hủy")


# Allowed transitions of an import job, read by awards.services.imports.
IMPORT_TRANSITIONS = {
    ImportStatus.VALIDATING: {ImportStatus.READY, ImportStatus.INVALID, ImportStatus.FAILED},
    ImportStatus.READY: {ImportStatus.WRITING, ImportStatus.INVALID, ImportStatus.CANCELLED},
    ImportStatus.WRITING: {ImportStatus.DONE, ImportStatus.INVALID, ImportStatus.FAILED},
    ImportStatus.INVALID: set(),
    ImportStatus.DONE: set(),
    ImportStatus.FAILED: set(),
    ImportStatus.CANCELLED: set(),
}


class ImportJob(TimestampedModel):
    """One uploaded file on its way in: preview (validation) then, once confirmed, the write.

    The file is stored under ``MEDIA_ROOT/imports/`` with a random name between preview and
    confirm, so the browser never re-sends data. Changed only by ``awards.services.imports``.
    """

    uuid = models.UUIDField(default=uuid.uuid4, editable=False, unique=True)  # public id in URLs
    kind = models.CharField(_("loại dữ liệu"), max_length=12, choices=ImportKind.choices)
    file_name = models.CharField(_("tên tệp"), max_length=255)
    stored_name = models.CharField(max_length=255, editable=False)  # relative to MEDIA_ROOT
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("người nhập"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="+", help_text=_("Trống khi nhập bằng lệnh import_data."),
    )
    scope_unit = models.ForeignKey(
        "org.Unit", null=True, blank=True, on_delete=models.PROTECT, related_name="+",
        help_text=_("Đơn vị giới hạn phạm vi (cán bộ đơn vị chỉ nhập cho đơn vị mình)."),
    )
    status = models.CharField(_("trạng thái"), max_length=12, choices=ImportStatus.choices, default=ImportStatus.VALIDATING)
    rows_total = models.PositiveIntegerField(_("số dòng"), default=0)
    rows_done = models.PositiveIntegerField(_("số dòng đã xử lý"), default=0)
    rows_written = models.PositiveIntegerField(_("số dòng đã ghi"), default=0)
    errors = models.JSONField(_("lỗi"), default=list, blank=True)  # [{"row": R, "column": C, "message": ...}]
    preview = models.JSONField(default=dict, blank=True)  # {"headers": [...], "rows": [{"row": R, "cells": [...]}]}
    finished_at = models.DateTimeField(_("hoàn tất lúc"), null=True, blank=True)

    class Meta:
        verbose_name = _("lượt nhập dữ liệu")
        verbose_name_plural = _("lượt nhập dữ liệu")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(condition=Q(kind__in=ImportKind.values), name="%(app_label)s_%(class)s_kind_valid"),
            models.CheckConstraint(condition=Q(status__in=ImportStatus.values), name="%(app_label)s_%(class)s_status_valid"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.file_name}"

    def get_absolute_url(self) -> str:
        return reverse("awards:import-detail", args=[self.uuid])

    @property
    def is_running(self) -> bool:
        return self.status in {ImportStatus.VALIDATING, ImportStatus.WRITING}

    @property
    def percent(self) -> int:
        if not self.rows_total:
            return 0 if self.is_running else 100
        return min(100, round(100 * self.rows_done / self.rows_total))

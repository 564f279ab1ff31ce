"""Infrastructure models shared by every app: timestamps and the append-only audit log."""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class TimestampedModel(models.Model):
    """Abstract base: when a row was created and last changed."""

    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)
    updated_at = models.DateTimeField(_("cập nhật lúc"), auto_now=True)

    class Meta:
        abstract = True


class ActivityLogQuerySet(models.QuerySet):
    def for_object(self, obj):
        return self.filter(object_type=obj._meta.label_lower, object_id=str(obj.pk))

    def update(self, **kwargs):  # the log is append-only
        raise TypeError("ActivityLog is append-only")

    def delete(self):
        raise TypeError("ActivityLog is append-only")


class ActivityLog(models.Model):
    """One change made through a service: who, when, what, why, and the values before and after.

    Written only by ``core.audit.log_action`` inside the transaction of the change it records;
    never updated or deleted.
    """

    id = models.BigAutoField(primary_key=True)
    uuid = models.UUIDField(default=uuid.uuid4, editable=False, unique=True)
    created_at = models.DateTimeField(_("thời gian"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người thực hiện"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    action = models.CharField(_("mã thao tác"), max_length=80, db_index=True)
    object_type = models.CharField(_("loại đối tượng"), max_length=100)
    object_id = models.CharField(_("mã đối tượng"), max_length=64)
    object_repr = models.CharField(_("đối tượng"), max_length=300)
    reason = models.TextField(_("lý do"), blank=True)
    before = models.JSONField(_("trước"), null=True, blank=True)
    after = models.JSONField(_("sau"), null=True, blank=True)
    request_id = models.CharField(_("mã yêu cầu"), max_length=64, blank=True)

    objects = ActivityLogQuerySet.as_manager()

    class Meta:
        verbose_name = _("nhật ký thao tác")
        verbose_name_plural = _("nhật ký thao tác")
        ordering = ["-created_at", "-id"]
        indexes = [
            # history panel of one object: for_object(...).order_by("-created_at")
            models.Index(fields=["object_type", "object_id", "created_at"], name="core_log_object_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.created_at:%d/%m/%Y %H:%M} {self.action} {self.object_repr}"

    def save(self, *args, **kwargs):
        if self.pk is not None and not kwargs.get("force_insert"):
            raise TypeError("ActivityLog is append-only")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise TypeError("ActivityLog is append-only")


class Notification(models.Model):
    """A message for one user about something waiting for them (in-app, beside the e-mail).

    Written by ``core.notifications.notify``; marked read by ``notifications_mark_read``.
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications")
    text = models.CharField(_("nội dung"), max_length=500)
    url = models.CharField(_("đường dẫn"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("thời gian"), auto_now_add=True)
    read_at = models.DateTimeField(_("đã đọc lúc"), null=True, blank=True)

    class Meta:
        verbose_name = _("thông báo")
        verbose_name_plural = _("thông báo")
        ordering = ["-created_at", "-id"]
        indexes = [
            # the unread count in the top bar and the user's list
            models.Index(fields=["user", "read_at"], name="core_notification_user_idx"),
        ]

    def __str__(self) -> str:
        return self.text[:80]

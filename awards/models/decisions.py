"""Commendation decisions of the provincial chairman, and forwarding of state-level lines."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.models import TimestampedModel

from ..enums_workflow import DecisionState


class Decision(TimestampedModel):
    """A decision (quyết định khen thưởng) listing the lines it awards.

    Drafted and issued by ``awards.services.decisions`` (decision_create_draft, decision_update,
    decision_issue). Once issued it is immutable; corrections are new decisions (revocation).
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    number = models.CharField(_("số quyết định"), max_length=60, help_text=_("Ví dụ: 123/QĐ-UBND"))
    issuer = models.CharField(_("cơ quan ban hành"), max_length=200, default="UBND tỉnh")
    year = models.PositiveSmallIntegerField(_("năm ban hành"))
    date = models.DateField(_("ngày quyết định"))
    signer = models.CharField(_("người ký"), max_length=200)
    signer_title = models.CharField(_("chức vụ người ký"), max_length=200, blank=True)
    title = models.CharField(_("trích yếu"), max_length=500)
    legal_basis = models.TextField(_("căn cứ"), blank=True)
    state = models.CharField(_("trạng thái"), max_length=10, choices=DecisionState.choices, default=DecisionState.DRAFT)
    issued_at = models.DateTimeField(null=True, blank=True)
    issued_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("quyết định khen thưởng")
        verbose_name_plural = _("quyết định khen thưởng")
        ordering = ["-date", "-id"]
        constraints = [
            models.CheckConstraint(condition=Q(state__in=DecisionState.values), name="%(app_label)s_%(class)s_state_valid"),
            models.UniqueConstraint(fields=["issuer", "year", "number"], name="%(app_label)s_%(class)s_number_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.number} ({self.date:%d/%m/%Y})"

    def get_absolute_url(self) -> str:
        return reverse("awards:decision-detail", args=[self.uuid])

    @property
    def is_issued(self) -> bool:
        return self.state == DecisionState.ISSUED


class Forwarding(TimestampedModel):
    """A list of state-level lines the province forwards to the Ministry (through MOHA), and the
    central outcome recorded when it comes back.

    Written by ``awards.services.decisions`` (forwarding_create, forwarding_record_outcome).
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    number = models.CharField(_("số tờ trình"), max_length=60)
    date = models.DateField(_("ngày trình"))
    title = models.CharField(_("trích yếu"), max_length=500)
    central_number = models.CharField(_("số quyết định Trung ương"), max_length=60, blank=True)
    central_date = models.DateField(_("ngày quyết định Trung ương"), null=True, blank=True)
    central_issuer = models.CharField(_("cơ quan quyết định"), max_length=200, blank=True)
    outcome_recorded_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("tờ trình Trung ương")
        verbose_name_plural = _("tờ trình Trung ương")
        ordering = ["-date", "-id"]

    def __str__(self) -> str:
        return f"{self.number} ({self.date:%d/%m/%Y})"

    def get_absolute_url(self) -> str:
        return reverse("awards:forwarding-detail", args=[self.uuid])

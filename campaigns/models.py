"""Emulation campaigns (phong trào thi đua)."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.models import TimestampedModel
from core.text import clean_text, fold

from .enums import CampaignKind, CampaignScope, CampaignState


class Campaign(TimestampedModel):
    """A campaign launched by a directive, with content, targets and participating units.

    Changed by ``campaigns.services`` (one function per lifecycle step, each logged).
    """

    code = models.CharField(_("mã phong trào"), max_length=40, unique=True)
    name = models.CharField(_("tên phong trào"), max_length=400)
    theme = models.CharField(_("khẩu hiệu, chủ đề"), max_length=400, blank=True)
    kind = models.CharField(_("loại"), max_length=10, choices=CampaignKind.choices, default=CampaignKind.REGULAR)
    scope = models.CharField(_("phạm vi"), max_length=10, choices=CampaignScope.choices, default=CampaignScope.PROVINCE)
    directive_number = models.CharField(_("số văn bản phát động"), max_length=60, blank=True)
    directive_date = models.DateField(_("ngày văn bản"), null=True, blank=True)
    directive_signer = models.CharField(_("người ký"), max_length=200, blank=True)
    start_date = models.DateField(_("ngày bắt đầu"), null=True, blank=True)
    end_date = models.DateField(_("ngày kết thúc"), null=True, blank=True)
    state = models.CharField(_("trạng thái"), max_length=20, choices=CampaignState.choices, default=CampaignState.DRAFT)
    search_text = models.CharField(max_length=900, editable=False, db_index=True)

    class Meta:
        verbose_name = _("phong trào thi đua")
        verbose_name_plural = _("phong trào thi đua")
        ordering = ["-start_date", "code"]
        constraints = [
            models.CheckConstraint(condition=Q(kind__in=CampaignKind.values), name="%(app_label)s_%(class)s_kind_valid"),
            models.CheckConstraint(condition=Q(scope__in=CampaignScope.values), name="%(app_label)s_%(class)s_scope_valid"),
            models.CheckConstraint(condition=Q(state__in=CampaignState.values), name="%(app_label)s_%(class)s_state_valid"),
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(start_date__isnull=True) | Q(end_date__gte=models.F("start_date")),
                name="%(app_label)s_%(class)s_period_ordered",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        self.name = clean_text(self.name)
        self.theme = clean_text(self.theme)
        self.search_text = fold(f"{self.code} {self.name} {self.theme} {self.directive_number}")
        super().save(*args, **kwargs)

"""Emulation campaigns (phong trào thi đua)."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.models import TimestampedModel
from core.text import clean_text, fold

from .enums import CampaignKind, CampaignScope, CampaignState, Participation, ReviewKind
from .files import upload_directive, upload_review


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
    directive_file = models.FileField(_("tệp văn bản phát động"), upload_to=upload_directive, blank=True)
    year = models.PositiveSmallIntegerField(_("năm"), help_text=_("Năm thi đua mà các đơn vị đăng ký theo phong trào này."))
    participation = models.CharField(
        _("đơn vị tham gia"), max_length=10, choices=Participation.choices, default=Participation.ALL
    )
    participant_kinds = models.JSONField(_("các loại đơn vị tham gia"), default=list, blank=True)
    participants = models.ManyToManyField(
        "org.Unit", verbose_name=_("danh sách đơn vị tham gia"), blank=True, related_name="campaigns"
    )
    launched_at = models.DateTimeField(_("phát động lúc"), null=True, blank=True)
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
                condition=Q(participation__in=Participation.values), name="%(app_label)s_%(class)s_participation_valid"
            ),
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(start_date__isnull=True) | Q(end_date__gte=models.F("start_date")),
                name="%(app_label)s_%(class)s_period_ordered",
            ),
        ]
        indexes = [
            # registrations_for(subject, year) and the list's year filter
            models.Index(fields=["year", "state"], name="campaigns_campaign_year_idx"),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("campaigns:detail", args=[self.code])

    @property
    def is_open_for_registration(self) -> bool:
        return self.state in {CampaignState.LAUNCHED, CampaignState.MIDTERM_REVIEWED}

    def save(self, *args, **kwargs):
        self.name = clean_text(self.name)
        self.directive_number = clean_text(self.directive_number)
        self.directive_signer = clean_text(self.directive_signer)
        self.theme = clean_text(self.theme)
        self.search_text = fold(f"{self.code} {self.name} {self.theme} {self.directive_number}")
        super().save(*args, **kwargs)


class ContentItem(models.Model):
    """One content item (nội dung thi đua) of a campaign, in order.

    Changed by ``campaigns.services.content_item_add`` / ``content_item_delete``.
    """

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="content_items")
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=1)
    text = models.TextField(_("nội dung"))

    class Meta:
        verbose_name = _("nội dung thi đua")
        verbose_name_plural = _("nội dung thi đua")
        ordering = ["campaign", "order", "id"]

    def __str__(self) -> str:
        return self.text[:80]


class Target(models.Model):
    """A numeric target (chỉ tiêu) of a campaign: indicator, measure and target value, and, after a
    review, the actual value and whether it was achieved.

    Changed by ``campaigns.services`` (target_add, target_delete, and the review services).
    """

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="targets")
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=1)
    indicator = models.CharField(_("chỉ tiêu"), max_length=300)
    measure = models.CharField(_("đơn vị tính"), max_length=60, blank=True)
    target_value = models.DecimalField(_("giá trị kế hoạch"), max_digits=18, decimal_places=3)
    higher_is_better = models.BooleanField(
        _("càng cao càng tốt"), default=True,
        help_text=_("Bỏ chọn cho chỉ tiêu cần giảm (ví dụ tỷ lệ hộ nghèo): đạt khi thực hiện không vượt kế hoạch."),
    )
    actual_value = models.DecimalField(_("giá trị thực hiện"), max_digits=18, decimal_places=3, null=True, blank=True)
    achieved = models.BooleanField(_("đạt"), null=True, blank=True)

    class Meta:
        verbose_name = _("chỉ tiêu")
        verbose_name_plural = _("chỉ tiêu")
        ordering = ["campaign", "order", "id"]

    def __str__(self) -> str:
        return self.indicator

    def is_met_by(self, actual) -> bool:
        return actual >= self.target_value if self.higher_is_better else actual <= self.target_value


class Registration(TimestampedModel):
    """A unit's registration (đăng ký thi đua) under a campaign: the collective title it aims for;
    its people aiming for individual titles are ``RegisteredIndividual`` rows.

    Changed by ``campaigns.services.registration_submit`` (replaces the unit's previous entry).
    """

    campaign = models.ForeignKey(Campaign, on_delete=models.PROTECT, related_name="registrations")
    unit = models.ForeignKey("org.Unit", verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="registrations")
    collective_kind = models.ForeignKey(
        "awards.AwardKind", verbose_name=_("danh hiệu tập thể đăng ký"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="+",
    )
    note = models.TextField(_("ghi chú"), blank=True)
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("đăng ký thi đua")
        verbose_name_plural = _("đăng ký thi đua")
        ordering = ["campaign", "unit__path"]
        constraints = [
            models.UniqueConstraint(fields=["campaign", "unit"], name="%(app_label)s_%(class)s_one_per_unit"),
        ]

    def __str__(self) -> str:
        return f"{self.unit} – {self.campaign}"


class RegisteredIndividual(models.Model):
    """A person listed in a unit's registration with the individual title they aim for.

    Written by ``campaigns.services.registration_submit``.
    """

    registration = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="individuals")
    person = models.ForeignKey("org.Person", verbose_name=_("cá nhân"), on_delete=models.PROTECT, related_name="registrations")
    kind = models.ForeignKey(
        "awards.AwardKind", verbose_name=_("danh hiệu cá nhân đăng ký"), on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("cá nhân đăng ký")
        verbose_name_plural = _("cá nhân đăng ký")
        ordering = ["registration", "person__full_name"]
        constraints = [
            models.UniqueConstraint(fields=["registration", "person"], name="%(app_label)s_%(class)s_one_per_person"),
        ]
        indexes = [
            # registrations_for(person, year)
            models.Index(fields=["person", "registration"], name="campaigns_regind_person_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.person} – {self.kind_id}"


class Reminder(models.Model):
    """A reminder sent to a unit that had not registered. Written by ``campaigns.services.registration_remind``."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="reminders")
    unit = models.ForeignKey("org.Unit", on_delete=models.PROTECT, related_name="+")
    sent_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+")
    sent_at = models.DateTimeField(_("gửi lúc"), auto_now_add=True)

    class Meta:
        verbose_name = _("nhắc đăng ký")
        verbose_name_plural = _("nhắc đăng ký")
        ordering = ["-sent_at"]

    def __str__(self) -> str:
        return f"{self.unit_id} {self.sent_at:%d/%m/%Y}"


class Review(TimestampedModel):
    """A mid-term (sơ kết) or final (tổng kết) review of a campaign: date, report file, and the
    target results recorded at that review (``results``: target id → actual value and achieved).

    Created by ``campaigns.services.campaign_review_midterm`` and ``campaign_close``.
    """

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    campaign = models.ForeignKey(Campaign, on_delete=models.PROTECT, related_name="reviews")
    kind = models.CharField(_("loại"), max_length=10, choices=ReviewKind.choices)
    held_on = models.DateField(_("ngày tổ chức"))
    report_file = models.FileField(_("tệp báo cáo"), upload_to=upload_review, blank=True)
    summary = models.TextField(_("tóm tắt kết quả"), blank=True)
    results = models.JSONField(default=dict, blank=True)

    class Meta:
        verbose_name = _("sơ kết, tổng kết")
        verbose_name_plural = _("sơ kết, tổng kết")
        ordering = ["campaign", "held_on"]
        constraints = [
            models.CheckConstraint(condition=Q(kind__in=ReviewKind.values), name="%(app_label)s_%(class)s_kind_valid"),
            models.UniqueConstraint(fields=["campaign", "kind"], name="%(app_label)s_%(class)s_one_per_kind"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.campaign}"

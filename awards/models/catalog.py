"""The award catalog, dated money rates, and province policy parameters."""

from decimal import Decimal

from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.models import TimestampedModel

from ..enums import Category, Level, SubjectType


class AwardKind(TimestampedModel):
    """An emulation title or a form of commendation, with the per-kind policy the workflow uses.

    Loaded from ``award_kinds.csv`` by a data migration; staff change it through
    ``awards.services.catalog`` (logged).
    """

    code = models.CharField(_("mã khen thưởng"), max_length=30, unique=True)
    name = models.CharField(_("tên"), max_length=300)
    name_en = models.CharField(_("tên tiếng Anh"), max_length=300, blank=True)
    category = models.CharField(_("loại"), max_length=10, choices=Category.choices)
    subjects = models.CharField(
        _("đối tượng"), max_length=60, help_text=_("individual|collective|household")
    )
    level = models.CharField(_("cấp"), max_length=12, choices=Level.choices)
    conferred_by = models.CharField(_("thẩm quyền quyết định"), max_length=200, blank=True)
    rank = models.PositiveSmallIntegerField(_("thứ bậc"), default=0)
    legal_basis = models.CharField(_("căn cứ pháp lý"), max_length=300, blank=True)
    confirmed = models.CharField(_("đã xác minh"), max_length=10, default="yes")
    notes = models.TextField(_("ghi chú"), blank=True)
    is_active = models.BooleanField(_("đang áp dụng"), default=True)
    # Per-kind workflow policy (Law Art 84; Decree 152/2025). Defaults set by the data migration.
    requires_posting = models.BooleanField(_("phải công khai lấy ý kiến"), default=False)
    vote_threshold = models.DecimalField(
        _("tỷ lệ phiếu đồng ý tối thiểu"), max_digits=4, decimal_places=3, default=Decimal("0.5"),
        help_text=_("Tỷ lệ trên tổng số thành viên hội đồng; phải lớn hơn 0,5 (quá bán) hoặc đạt 2/3."),
    )
    required_documents = models.JSONField(_("hồ sơ bắt buộc"), default=list, blank=True)
    processing_days = models.PositiveSmallIntegerField(_("thời hạn xử lý (ngày)"), default=20)

    class Meta:
        verbose_name = _("loại khen thưởng")
        verbose_name_plural = _("danh mục khen thưởng")
        ordering = ["-rank", "code"]
        constraints = [
            models.CheckConstraint(condition=Q(category__in=Category.values), name="%(app_label)s_%(class)s_category_valid"),
            models.CheckConstraint(condition=Q(level__in=Level.values), name="%(app_label)s_%(class)s_level_valid"),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("awards:kind-detail", args=[self.code])

    @property
    def subject_types(self) -> list[str]:
        return [s for s in self.subjects.split("|") if s]

    def allows(self, subject_type: str) -> bool:
        return subject_type in self.subject_types

    @property
    def is_state_level(self) -> bool:
        return self.level == Level.STATE

    @property
    def is_order(self) -> bool:
        return self.code.startswith("HC_")

    @property
    def is_certificate(self) -> bool:
        return self.code.startswith("BK_") or self.code == "GK"


class RewardRate(TimestampedModel):
    """The money coefficient of a kind for a subject type, valid over a date range.

    Loaded from ``reward_rates.csv``; changed by staff (logged).
    """

    kind = models.ForeignKey(AwardKind, on_delete=models.CASCADE, related_name="rates")
    subject = models.CharField(_("đối tượng"), max_length=12, choices=SubjectType.choices)
    coefficient = models.DecimalField(
        _("hệ số"), max_digits=6, decimal_places=3, validators=[MinValueValidator(Decimal("0"))]
    )
    valid_from = models.DateField(_("áp dụng từ"))
    valid_to = models.DateField(_("áp dụng đến"), null=True, blank=True)
    legal_basis = models.CharField(_("căn cứ"), max_length=300, blank=True)
    confirmed = models.CharField(_("đã xác minh"), max_length=10, default="yes")

    class Meta:
        verbose_name = _("hệ số tiền thưởng")
        verbose_name_plural = _("hệ số tiền thưởng")
        ordering = ["kind__code", "subject", "valid_from"]
        constraints = [
            models.UniqueConstraint(fields=["kind", "subject", "valid_from"], name="%(app_label)s_%(class)s_one_per_start"),
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True) | Q(valid_to__gte=models.F("valid_from")),
                name="%(app_label)s_%(class)s_range_ordered",
            ),
            models.CheckConstraint(condition=Q(subject__in=SubjectType.values), name="%(app_label)s_%(class)s_subject_valid"),
        ]

    def __str__(self) -> str:
        return f"{self.kind.code} {self.subject} {self.coefficient} từ {self.valid_from:%d/%m/%Y}"


class BaseSalary(TimestampedModel):
    """The statutory base salary (lương cơ sở) from a date on. Changed by staff (logged)."""

    valid_from = models.DateField(_("áp dụng từ"), unique=True)
    amount = models.PositiveBigIntegerField(_("mức lương cơ sở (đồng/tháng)"))
    legal_basis = models.CharField(_("căn cứ"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("mức lương cơ sở")
        verbose_name_plural = _("mức lương cơ sở")
        ordering = ["-valid_from"]

    def __str__(self) -> str:
        return f"{self.amount:,} đ từ {self.valid_from:%d/%m/%Y}"


class PolicyParameter(TimestampedModel):
    """A province-set parameter (caps, thresholds, multipliers, rule switches) as data.

    ``value`` is JSON (number, boolean, string or list). Defaults come from the data migration
    and ``awards.policy.DEFAULTS``; staff change them through ``policy_set`` (logged).
    """

    key = models.CharField(_("mã tham số"), max_length=80, unique=True)
    value = models.JSONField(_("giá trị"))
    description = models.CharField(_("mô tả"), max_length=400, blank=True)
    legal_basis = models.CharField(_("căn cứ"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("tham số chính sách")
        verbose_name_plural = _("tham số chính sách")
        ordering = ["key"]

    def __str__(self) -> str:
        return f"{self.key} = {self.value}"

"""The awards register (sổ khen thưởng): one row per award granted."""

import uuid

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.models import TimestampedModel
from core.text import fold

from ..enums import AwardStatus, CommendationType, SubjectType


def award_search_text(recipient, decision_number: str, kind_code: str = "") -> str:
    """What register search matches: recipient name and code, decision number, award code."""
    name = getattr(recipient, "full_name", None) or getattr(recipient, "name", None) or getattr(recipient, "head_name", "")
    return fold(f"{getattr(recipient, 'code', '')} {name} {decision_number} {kind_code}")[:600]


class AwardQuerySet(models.QuerySet):
    def in_force(self):
        """Awards that count (eligibility, statistics): revoked ones excluded."""
        return self.filter(status=AwardStatus.IN_FORCE)

    def revoked(self):
        return self.filter(status=AwardStatus.REVOKED)

    def of_recipient(self, recipient):
        """Awards of a Person, Unit (as a collective) or Household."""
        from org.models import Household, Person, Unit

        if isinstance(recipient, Person):
            return self.filter(person=recipient)
        if isinstance(recipient, Unit):
            return self.filter(unit=recipient)
        if isinstance(recipient, Household):
            return self.filter(household=recipient)
        raise TypeError(recipient)


class Award(TimestampedModel):
    """One award granted to a person, a collective (unit) or a household, for an assessment year.

    Carries the decision that granted it, the amount computed at the decision date, and a snapshot
    of the recipient at that time (unit, leader or direct worker, gender, ethnicity, hardship
    area) so statistics stay true when people move. Revoked awards stay, marked and referenced.

    Written by ``awards.services.register`` (award_record, award_revoke), by the decision service
    and by the ``awards`` import.
    """

    uuid = models.UUIDField(default=uuid.uuid4, editable=False, unique=True)  # public id in URLs
    subject_type = models.CharField(_("loại đối tượng"), max_length=12, choices=SubjectType.choices)
    person = models.ForeignKey("org.Person", null=True, blank=True, on_delete=models.PROTECT, related_name="awards")
    unit = models.ForeignKey(
        "org.Unit", null=True, blank=True, on_delete=models.PROTECT, related_name="awards",
        help_text=_("Tập thể được khen (khi đối tượng là tập thể)."),
    )
    household = models.ForeignKey("org.Household", null=True, blank=True, on_delete=models.PROTECT, related_name="awards")
    kind = models.ForeignKey("awards.AwardKind", verbose_name=_("hình thức / danh hiệu"), on_delete=models.PROTECT, related_name="awards")
    year = models.PositiveSmallIntegerField(_("năm"))
    commendation_type = models.CharField(
        _("loại khen thưởng"), max_length=12, choices=CommendationType.choices, default=CommendationType.CONG_TRANG
    )
    decision_number = models.CharField(_("số quyết định"), max_length=60)
    decision_date = models.DateField(_("ngày quyết định"))
    issuer = models.CharField(_("cơ quan ban hành"), max_length=200, blank=True)
    signer = models.CharField(_("người ký"), max_length=200, blank=True)
    campaign = models.ForeignKey(
        "campaigns.Campaign", null=True, blank=True, on_delete=models.PROTECT, related_name="awards"
    )
    initiative = models.ForeignKey(
        "awards.Initiative", null=True, blank=True, on_delete=models.PROTECT, related_name="awards"
    )
    amount = models.PositiveBigIntegerField(_("số tiền thưởng (đồng)"), null=True, blank=True)
    # Snapshot of the recipient at the decision date.
    snapshot_unit = models.ForeignKey(
        "org.Unit", verbose_name=_("đơn vị (khi khen)"), on_delete=models.PROTECT, related_name="awards_snapshot"
    )
    snapshot_is_leader = models.BooleanField(_("lãnh đạo, quản lý (khi khen)"), null=True, blank=True)
    snapshot_gender = models.CharField(max_length=3, blank=True)
    snapshot_ethnicity = models.CharField(max_length=50, blank=True)
    snapshot_hardship = models.BooleanField(default=False)
    status = models.CharField(_("trạng thái"), max_length=10, choices=AwardStatus.choices, default=AwardStatus.IN_FORCE)
    revoked_decision_number = models.CharField(_("số quyết định hủy bỏ"), max_length=60, blank=True)
    revoked_date = models.DateField(_("ngày hủy bỏ"), null=True, blank=True)
    revoked_reason = models.TextField(_("lý do hủy bỏ"), blank=True)
    amount_to_recover = models.PositiveBigIntegerField(_("số tiền phải thu hồi"), null=True, blank=True)
    search_text = models.CharField(max_length=600, editable=False, db_index=True)

    objects = AwardQuerySet.as_manager()

    class Meta:
        verbose_name = _("khen thưởng")
        verbose_name_plural = _("sổ khen thưởng")
        ordering = ["-year", "-decision_date", "id"]
        constraints = [
            models.CheckConstraint(condition=Q(subject_type__in=SubjectType.values), name="%(app_label)s_%(class)s_subject_valid"),
            models.CheckConstraint(condition=Q(status__in=AwardStatus.values), name="%(app_label)s_%(class)s_status_valid"),
            models.CheckConstraint(condition=Q(commendation_type__in=CommendationType.values), name="%(app_label)s_%(class)s_type_valid"),
            models.CheckConstraint(
                condition=(
                    Q(subject_type=SubjectType.INDIVIDUAL, person__isnull=False, unit__isnull=True, household__isnull=True)
                    | Q(subject_type=SubjectType.COLLECTIVE, unit__isnull=False, person__isnull=True, household__isnull=True)
                    | Q(subject_type=SubjectType.HOUSEHOLD, household__isnull=False, person__isnull=True, unit__isnull=True)
                ),
                name="%(app_label)s_%(class)s_one_recipient",
            ),
            # The same recipient cannot hold the same kind twice for the same year.
            models.UniqueConstraint(
                fields=["person", "kind", "year"], condition=Q(person__isnull=False, status=AwardStatus.IN_FORCE),
                name="%(app_label)s_%(class)s_person_kind_year",
            ),
            models.UniqueConstraint(
                fields=["unit", "kind", "year"], condition=Q(unit__isnull=False, status=AwardStatus.IN_FORCE),
                name="%(app_label)s_%(class)s_unit_kind_year",
            ),
            models.UniqueConstraint(
                fields=["household", "kind", "year"], condition=Q(household__isnull=False, status=AwardStatus.IN_FORCE),
                name="%(app_label)s_%(class)s_household_kind_year",
            ),
            # An initiative backs at most one award in force.
            models.UniqueConstraint(
                fields=["initiative"], condition=Q(initiative__isnull=False, status=AwardStatus.IN_FORCE),
                name="%(app_label)s_%(class)s_initiative_once",
            ),
        ]
        indexes = [
            # the register's order (newest first), for its pages with or without a year filter
            models.Index(fields=["-year", "-decision_date", "id"], name="awards_award_register_order"),
            # annual report and register search by year and kind
            models.Index(fields=["year", "kind"], name="awards_award_year_kind_idx"),
            # history of a person / collective
            models.Index(fields=["person", "year"], name="awards_award_person_year_idx"),
            models.Index(fields=["unit", "year"], name="awards_award_unit_year_idx"),
            # register search by decision number
            models.Index(fields=["decision_number"], name="awards_award_decision_idx"),
            # per-unit breakdowns
            models.Index(fields=["snapshot_unit", "year"], name="awards_award_snapunit_year_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.kind_id and self.kind.code} {self.year} – {self.recipient}"

    def save(self, *args, **kwargs):
        self.search_text = award_search_text(self.recipient, self.decision_number, self.kind.code if self.kind_id else "")
        super().save(*args, **kwargs)

    @property
    def recipient(self):
        return self.person or self.unit or self.household

    @property
    def is_in_force(self) -> bool:
        return self.status == AwardStatus.IN_FORCE

    @property
    def subject_code(self) -> str:
        recipient = self.recipient
        return recipient.code if recipient is not None else ""

    def get_absolute_url(self) -> str:
        return reverse("awards:register-detail", args=[self.uuid])

"""Emulation blocs and clusters (khối, cụm thi đua): members per year, agreement, criteria, scores,
ranking and the vote for the leading unit."""

import uuid
from decimal import Decimal

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.models import TimestampedModel
from core.text import clean_text, fold

from .enums import CriterionKind, GroupKind, GroupYearState, LeaderRole, TieRule
from .files import upload_agreement


class EmulationGroup(TimestampedModel):
    """A bloc (khối: units inside the province) or a cluster (cụm: provinces, or communes).

    Changed by ``blocs.services.group_create`` / ``group_update``.
    """

    code = models.CharField(_("mã khối, cụm"), max_length=40, unique=True)
    name = models.CharField(_("tên"), max_length=300)
    kind = models.CharField(_("loại"), max_length=10, choices=GroupKind.choices, default=GroupKind.BLOC)
    description = models.TextField(_("mô tả"), blank=True)
    is_active = models.BooleanField(_("đang hoạt động"), default=True)
    search_text = models.CharField(max_length=400, editable=False, db_index=True)

    class Meta:
        verbose_name = _("khối, cụm thi đua")
        verbose_name_plural = _("khối, cụm thi đua")
        ordering = ["kind", "name"]
        constraints = [
            models.CheckConstraint(condition=Q(kind__in=GroupKind.values), name="%(app_label)s_%(class)s_kind_valid"),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("blocs:group-detail", args=[self.code])

    def save(self, *args, **kwargs):
        self.name = clean_text(self.name)
        self.code = clean_text(self.code)
        self.search_text = fold(f"{self.code} {self.name}")
        super().save(*args, **kwargs)


class GroupYear(TimestampedModel):
    """One year of a group: members, head and deputy, agreement, criteria sheet, scoring, ranking,
    vote and the proposal handed to the awards workflow.

    Changed by ``blocs.services`` (group_year_start, member/leader/agreement/criteria services,
    scoring_open, ranking_publish, proposal_create), each logged.
    """

    group = models.ForeignKey(EmulationGroup, on_delete=models.PROTECT, related_name="years")
    year = models.PositiveSmallIntegerField(_("năm"))
    state = models.CharField(_("trạng thái"), max_length=12, choices=GroupYearState.choices, default=GroupYearState.SETUP)
    head = models.ForeignKey(
        "org.Unit", verbose_name=_("trưởng khối"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    deputy = models.ForeignKey(
        "org.Unit", verbose_name=_("phó khối"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    agreement_title = models.CharField(_("tên giao ước"), max_length=300, blank=True)
    agreement_date = models.DateField(_("ngày ký giao ước"), null=True, blank=True)
    agreement_file = models.FileField(_("tệp giao ước"), upload_to=upload_agreement, blank=True)
    scoring_deadline = models.DateField(_("hạn tự chấm điểm"), null=True, blank=True)
    tie_rule = models.CharField(
        _("quy tắc khi bằng điểm"), max_length=24, choices=TieRule.choices, default=TieRule.PENALTIES_THEN_FIRST
    )
    allow_self_vote = models.BooleanField(_("cho phép tự suy tôn đơn vị mình"), default=False)
    certificate_count = models.PositiveSmallIntegerField(
        _("số đơn vị đề nghị Bằng khen tỉnh"), default=2,
        help_text=_("Số đơn vị xếp hạng kế tiếp đơn vị dẫn đầu được đề nghị Bằng khen của Chủ tịch UBND tỉnh."),
    )
    published_at = models.DateTimeField(_("công bố lúc"), null=True, blank=True)
    proposal_dossier = models.ForeignKey(
        "awards.Dossier", verbose_name=_("hồ sơ đề nghị"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = _("năm thi đua của khối, cụm")
        verbose_name_plural = _("năm thi đua của khối, cụm")
        ordering = ["group", "-year"]
        constraints = [
            models.UniqueConstraint(fields=["group", "year"], name="%(app_label)s_%(class)s_one_per_year"),
            models.CheckConstraint(condition=Q(state__in=GroupYearState.values), name="%(app_label)s_%(class)s_state_valid"),
            models.CheckConstraint(condition=Q(tie_rule__in=TieRule.values), name="%(app_label)s_%(class)s_tie_rule_valid"),
            models.CheckConstraint(
                condition=Q(head__isnull=True) | Q(deputy__isnull=True) | ~Q(head=models.F("deputy")),
                name="%(app_label)s_%(class)s_head_not_deputy",
            ),
        ]
        indexes = [
            # "groups my unit heads" (permissions, nav)
            models.Index(fields=["head", "year"], name="blocs_groupyear_head_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.group} – {self.year}"

    def get_absolute_url(self) -> str:
        return reverse("blocs:year-detail", args=[self.group.code, self.year])


class Membership(models.Model):
    """A unit that is a member of a group in a year. Changed by ``blocs.services.members_set``."""

    group_year = models.ForeignKey(GroupYear, on_delete=models.CASCADE, related_name="memberships")
    unit = models.ForeignKey("org.Unit", verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="bloc_memberships")
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    class Meta:
        verbose_name = _("thành viên khối")
        verbose_name_plural = _("thành viên khối")
        ordering = ["group_year", "order", "unit__name"]
        constraints = [
            models.UniqueConstraint(fields=["group_year", "unit"], name="%(app_label)s_%(class)s_one_per_unit"),
        ]
        indexes = [
            # groups of a member unit (permissions, member pages)
            models.Index(fields=["unit", "group_year"], name="blocs_membership_unit_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.unit_id}@{self.group_year_id}"


class LeaderChange(models.Model):
    """Rotation history: each assignment of a head or deputy for a group-year, with who and why.

    Written by ``blocs.services.leaders_set`` and ``group_year_start``.
    """

    group_year = models.ForeignKey(GroupYear, on_delete=models.CASCADE, related_name="leader_changes")
    role = models.CharField(_("vai trò"), max_length=8, choices=LeaderRole.choices)
    unit = models.ForeignKey("org.Unit", on_delete=models.PROTECT, related_name="+")
    assigned_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+")
    assigned_at = models.DateTimeField(auto_now_add=True)
    reason = models.CharField(_("lý do"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("phân công trưởng, phó khối")
        verbose_name_plural = _("lịch sử luân phiên trưởng, phó khối")
        ordering = ["group_year", "assigned_at", "id"]
        constraints = [
            models.CheckConstraint(condition=Q(role__in=LeaderRole.values), name="%(app_label)s_%(class)s_role_valid"),
        ]

    def __str__(self) -> str:
        return f"{self.get_role_display()} {self.unit_id}"


class AgreementSignature(models.Model):
    """A member's signature of the year's agreement (giao ước): who signed for the unit and when.

    Written by ``blocs.services.agreement_sign``.
    """

    group_year = models.ForeignKey(GroupYear, on_delete=models.CASCADE, related_name="signatures")
    unit = models.ForeignKey("org.Unit", on_delete=models.PROTECT, related_name="+")
    signer_name = models.CharField(_("người ký"), max_length=200)
    signer_position = models.CharField(_("chức vụ"), max_length=200, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+")
    signed_at = models.DateTimeField(_("ký lúc"), auto_now_add=True)

    class Meta:
        verbose_name = _("chữ ký giao ước")
        verbose_name_plural = _("chữ ký giao ước")
        ordering = ["group_year", "signed_at"]
        constraints = [
            models.UniqueConstraint(fields=["group_year", "unit"], name="%(app_label)s_%(class)s_once_per_unit"),
        ]

    def __str__(self) -> str:
        return f"{self.signer_name} ({self.unit_id})"


class Criterion(models.Model):
    """A line of the group-year's criteria sheet (bảng tiêu chí): a tree; leaves are scored.

    ``kind`` penalty means points are subtracted; bonus points add on top of the regular maximum.
    Changed by ``blocs.services`` (criterion_add, criterion_delete, and copied by group_year_start).
    """

    group_year = models.ForeignKey(GroupYear, on_delete=models.CASCADE, related_name="criteria")
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.CASCADE, related_name="children")
    number = models.CharField(_("số thứ tự"), max_length=20)
    title = models.CharField(_("tiêu chí"), max_length=500)
    kind = models.CharField(_("loại"), max_length=8, choices=CriterionKind.choices, default=CriterionKind.REGULAR)
    max_points = models.DecimalField(
        _("điểm tối đa"), max_digits=7, decimal_places=2, validators=[MinValueValidator(Decimal("0"))]
    )
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    class Meta:
        verbose_name = _("tiêu chí chấm điểm")
        verbose_name_plural = _("tiêu chí chấm điểm")
        ordering = ["group_year", "order", "id"]
        constraints = [
            models.CheckConstraint(condition=Q(kind__in=CriterionKind.values), name="%(app_label)s_%(class)s_kind_valid"),
            models.CheckConstraint(condition=Q(max_points__gte=0), name="%(app_label)s_%(class)s_max_not_negative"),
            models.UniqueConstraint(fields=["group_year", "number"], name="%(app_label)s_%(class)s_number_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.title}"


class Score(models.Model):
    """One member's score on one leaf criterion: the self score with its evidence note, and the
    verified score set by the head or deputy (with a reason when it differs).

    Written by ``blocs.services.self_score_submit`` and ``scores_verify``.
    """

    group_year = models.ForeignKey(GroupYear, on_delete=models.CASCADE, related_name="scores")
    unit = models.ForeignKey("org.Unit", on_delete=models.PROTECT, related_name="+")
    criterion = models.ForeignKey(Criterion, on_delete=models.CASCADE, related_name="scores")
    self_points = models.DecimalField(_("điểm tự chấm"), max_digits=7, decimal_places=2, null=True, blank=True)
    evidence = models.TextField(_("minh chứng"), blank=True)
    self_scored_at = models.DateTimeField(null=True, blank=True)
    verified_points = models.DecimalField(_("điểm thẩm định"), max_digits=7, decimal_places=2, null=True, blank=True)
    verify_reason = models.CharField(_("lý do điều chỉnh"), max_length=500, blank=True)
    verified_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    verified_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("điểm chấm")
        verbose_name_plural = _("điểm chấm")
        ordering = ["group_year", "unit", "criterion__order"]
        constraints = [
            models.UniqueConstraint(fields=["criterion", "unit"], name="%(app_label)s_%(class)s_one_per_unit"),
            models.CheckConstraint(
                condition=Q(self_points__isnull=True) | Q(self_points__gte=0), name="%(app_label)s_%(class)s_self_not_negative"
            ),
            models.CheckConstraint(
                condition=Q(verified_points__isnull=True) | Q(verified_points__gte=0),
                name="%(app_label)s_%(class)s_verified_not_negative",
            ),
        ]
        indexes = [
            # a member's sheet, the ranking over all members
            models.Index(fields=["group_year", "unit"], name="blocs_score_year_unit_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.unit_id} {self.criterion_id}: {self.self_points}/{self.verified_points}"


class RankingEntry(models.Model):
    """The published ranking of a group-year, stored at publication so it never shifts afterwards.

    Written by ``blocs.services.ranking_publish``.
    """

    group_year = models.ForeignKey(GroupYear, on_delete=models.CASCADE, related_name="ranking_entries")
    unit = models.ForeignKey("org.Unit", on_delete=models.PROTECT, related_name="+")
    rank = models.PositiveSmallIntegerField(_("hạng"))
    self_total = models.DecimalField(_("tổng tự chấm"), max_digits=9, decimal_places=2)
    verified_total = models.DecimalField(_("tổng thẩm định"), max_digits=9, decimal_places=2)
    penalty_count = models.PositiveSmallIntegerField(_("số mục bị trừ điểm"), default=0)

    class Meta:
        verbose_name = _("xếp hạng")
        verbose_name_plural = _("xếp hạng")
        ordering = ["group_year", "rank", "unit__name"]
        constraints = [
            models.UniqueConstraint(fields=["group_year", "unit"], name="%(app_label)s_%(class)s_one_per_unit"),
        ]

    def __str__(self) -> str:
        return f"{self.rank}. {self.unit_id}"


class Vote(models.Model):
    """A member unit's vote (suy tôn) for the leading unit: one per member unit per group-year.

    Written by ``blocs.services.vote_cast``.
    """

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    group_year = models.ForeignKey(GroupYear, on_delete=models.CASCADE, related_name="votes")
    voter_unit = models.ForeignKey("org.Unit", on_delete=models.PROTECT, related_name="+")
    candidate = models.ForeignKey("org.Unit", on_delete=models.PROTECT, related_name="+")
    cast_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+")
    cast_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("phiếu suy tôn")
        verbose_name_plural = _("phiếu suy tôn")
        ordering = ["group_year", "cast_at"]
        constraints = [
            models.UniqueConstraint(fields=["group_year", "voter_unit"], name="%(app_label)s_%(class)s_one_per_member"),
        ]

    def __str__(self) -> str:
        return f"{self.voter_unit_id} → {self.candidate_id}"

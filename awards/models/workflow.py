"""Dossiers (hồ sơ đề nghị), their nomination lines and documents, public postings and feedback."""

import datetime
import os
import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.models import TimestampedModel
from core.text import fold

from ..enums import CommendationType, SubjectType
from ..enums_workflow import PROCESSING_STATES, DocumentType, DossierState, LineOutcome


def document_upload_to(instance, filename: str) -> str:
    """Random stored name, keeping only a safe extension: the original name is kept in a column."""
    ext = os.path.splitext(filename)[1].lower()[:6]
    if not ext[1:].isalnum():
        ext = ""
    return f"hoso/{timezone.now():%Y/%m}/{uuid.uuid4().hex}{ext}"


class Dossier(TimestampedModel):
    """One unit's submission of nominations for a year and a commendation type.

    Created by ``awards.services.workflow.dossier_create_draft``; every state change goes through
    one service per transition in ``awards.services.workflow`` (logged, row-locked).
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    unit = models.ForeignKey("org.Unit", verbose_name=_("đơn vị đề nghị"), on_delete=models.PROTECT, related_name="dossiers")
    year = models.PositiveSmallIntegerField(_("năm"))
    commendation_type = models.CharField(
        _("loại khen thưởng"), max_length=12, choices=CommendationType.choices, default=CommendationType.CONG_TRANG
    )
    campaign = models.ForeignKey(
        "campaigns.Campaign", verbose_name=_("phong trào"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="dossiers",
    )
    title = models.CharField(_("trích yếu"), max_length=400)
    state = models.CharField(_("trạng thái"), max_length=20, choices=DossierState.choices, default=DossierState.DRAFT)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    submitted_at = models.DateTimeField(_("ngày trình"), null=True, blank=True)
    received_at = models.DateTimeField(_("ngày tiếp nhận"), null=True, blank=True)
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("chuyên viên thẩm định"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="assigned_dossiers",
    )
    due_date = models.DateField(_("hạn xử lý"), null=True, blank=True)
    return_note = models.TextField(_("nội dung cần bổ sung"), blank=True)
    state_changed_at = models.DateTimeField(null=True, blank=True)
    search_text = models.CharField(max_length=600, editable=False, db_index=True)

    class Meta:
        verbose_name = _("hồ sơ đề nghị")
        verbose_name_plural = _("hồ sơ đề nghị")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(condition=Q(state__in=DossierState.values), name="%(app_label)s_%(class)s_state_valid"),
            models.CheckConstraint(
                condition=Q(commendation_type__in=CommendationType.values), name="%(app_label)s_%(class)s_type_valid"
            ),
        ]
        indexes = [
            # work queues: dossiers in a state, oldest deadline first
            models.Index(fields=["state", "due_date"], name="awards_dossier_state_due_idx"),
            # a unit's dossiers of a year
            models.Index(fields=["unit", "year"], name="awards_dossier_unit_year_idx"),
            # the appraiser's queue
            models.Index(fields=["assignee", "state"], name="awards_dossier_assignee_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.code} – {self.title}"

    def save(self, *args, **kwargs):
        self.search_text = fold(f"{self.title} {self.unit.code if self.unit_id else ''} {self.unit.name if self.unit_id else ''}")[:600]
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("awards:dossier-detail", args=[self.uuid])

    @property
    def code(self) -> str:
        return f"HS{self.year}-{self.pk or 0:05d}"

    @property
    def is_editable(self) -> bool:
        from ..enums_workflow import EDITABLE_STATES

        return self.state in EDITABLE_STATES

    def is_overdue(self, today: datetime.date | None = None) -> bool:
        today = today or timezone.localdate()
        return bool(self.due_date and self.state in PROCESSING_STATES and self.due_date < today)


class NominationLine(TimestampedModel):
    """One nominee proposed for one award kind within a dossier, with its own outcome.

    Written by ``awards.services.workflow`` (line_add, line_update, line_override, line_appraise),
    ``awards.services.council`` (vote results) and ``awards.services.decisions`` (awarded,
    forwarded, central outcome).
    """

    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="lines")
    subject_type = models.CharField(_("loại đối tượng"), max_length=12, choices=SubjectType.choices)
    person = models.ForeignKey("org.Person", null=True, blank=True, on_delete=models.PROTECT, related_name="nominations")
    unit = models.ForeignKey("org.Unit", null=True, blank=True, on_delete=models.PROTECT, related_name="nominations")
    household = models.ForeignKey("org.Household", null=True, blank=True, on_delete=models.PROTECT, related_name="nominations")
    kind = models.ForeignKey("awards.AwardKind", verbose_name=_("hình thức / danh hiệu"), on_delete=models.PROTECT, related_name="nominations")
    achievement_summary = models.TextField(_("tóm tắt thành tích"), blank=True)
    outcome = models.CharField(_("kết quả"), max_length=20, choices=LineOutcome.choices, default=LineOutcome.PENDING)
    outcome_reason = models.TextField(_("lý do"), blank=True)
    # The eligibility verdict when last checked: {"eligible": bool|None, "reasons": [...], "checked_at": iso}.
    eligibility = models.JSONField(_("kết quả xét điều kiện"), default=dict, blank=True)
    override_reason = models.TextField(_("lý do chấp nhận ngoại lệ"), blank=True)
    override_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    override_at = models.DateTimeField(null=True, blank=True)
    decision = models.ForeignKey(
        "awards.Decision", null=True, blank=True, on_delete=models.PROTECT, related_name="lines"
    )
    forwarding = models.ForeignKey(
        "awards.Forwarding", null=True, blank=True, on_delete=models.PROTECT, related_name="lines"
    )
    award = models.OneToOneField(
        "awards.Award", null=True, blank=True, on_delete=models.PROTECT, related_name="nomination"
    )

    class Meta:
        verbose_name = _("dòng đề nghị")
        verbose_name_plural = _("dòng đề nghị")
        ordering = ["dossier", "id"]
        constraints = [
            models.CheckConstraint(condition=Q(subject_type__in=SubjectType.values), name="%(app_label)s_%(class)s_subject_valid"),
            models.CheckConstraint(condition=Q(outcome__in=LineOutcome.values), name="%(app_label)s_%(class)s_outcome_valid"),
            models.CheckConstraint(
                condition=(
                    Q(subject_type=SubjectType.INDIVIDUAL, person__isnull=False, unit__isnull=True, household__isnull=True)
                    | Q(subject_type=SubjectType.COLLECTIVE, unit__isnull=False, person__isnull=True, household__isnull=True)
                    | Q(subject_type=SubjectType.HOUSEHOLD, household__isnull=False, person__isnull=True, unit__isnull=True)
                ),
                name="%(app_label)s_%(class)s_one_nominee",
            ),
            # Within one dossier a nominee is proposed once per kind.
            models.UniqueConstraint(fields=["dossier", "person", "kind"], condition=Q(person__isnull=False), name="%(app_label)s_%(class)s_person_once"),
            models.UniqueConstraint(fields=["dossier", "unit", "kind"], condition=Q(unit__isnull=False), name="%(app_label)s_%(class)s_unit_once"),
            models.UniqueConstraint(fields=["dossier", "household", "kind"], condition=Q(household__isnull=False), name="%(app_label)s_%(class)s_household_once"),
        ]
        indexes = [
            # duplicate check across dossiers: same nominee and kind
            models.Index(fields=["kind", "person"], name="awards_line_kind_person_idx"),
            models.Index(fields=["kind", "unit"], name="awards_line_kind_unit_idx"),
            # decision drafting: passed lines not yet decided
            models.Index(fields=["outcome", "decision"], name="awards_line_outcome_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.nominee} – {self.kind_id and self.kind.code}"

    @property
    def nominee(self):
        return self.person or self.unit or self.household

    @property
    def nominee_unit(self):
        """The unit the nominee belongs to (the collective itself for a collective)."""
        if self.person_id:
            return self.person.unit
        if self.household_id:
            return self.household.unit
        return self.unit

    @property
    def is_overridden(self) -> bool:
        return bool(self.override_reason)


class Document(TimestampedModel):
    """An uploaded file of a dossier (cover letter, minutes) or of one line (achievement report,
    initiative certification...). Stored under a random name; served only by a permission-checked view.

    Written by ``awards.services.workflow.document_upload`` / ``document_delete``.
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="documents")
    line = models.ForeignKey(NominationLine, null=True, blank=True, on_delete=models.CASCADE, related_name="documents")
    doc_type = models.CharField(_("loại tài liệu"), max_length=24, choices=DocumentType.choices)
    file = models.FileField(_("tệp"), upload_to=document_upload_to, max_length=200)
    original_name = models.CharField(_("tên tệp"), max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveBigIntegerField()
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("tài liệu hồ sơ")
        verbose_name_plural = _("tài liệu hồ sơ")
        ordering = ["doc_type", "created_at"]
        constraints = [
            models.CheckConstraint(condition=Q(doc_type__in=DocumentType.values), name="%(app_label)s_%(class)s_type_valid"),
        ]

    def __str__(self) -> str:
        return f"{self.get_doc_type_display()}: {self.original_name}"


class Posting(TimestampedModel):
    """A public posting (công khai) of chosen lines for comment between two dates.

    Written by ``awards.services.workflow.posting_create``.
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    title = models.CharField(_("tiêu đề"), max_length=300)
    start_date = models.DateField(_("từ ngày"))
    end_date = models.DateField(_("đến ngày"))
    lines = models.ManyToManyField(NominationLine, through="PostingLine", related_name="postings")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("đợt công khai")
        verbose_name_plural = _("đợt công khai")
        ordering = ["-start_date", "-id"]
        constraints = [
            models.CheckConstraint(condition=Q(end_date__gte=models.F("start_date")), name="%(app_label)s_%(class)s_period_ordered"),
        ]
        indexes = [
            # the public page: postings open today
            models.Index(fields=["start_date", "end_date"], name="awards_posting_period_idx"),
        ]

    def __str__(self) -> str:
        return self.title

    def is_open(self, today: datetime.date | None = None) -> bool:
        today = today or timezone.localdate()
        return self.start_date <= today <= self.end_date


class PostingLine(models.Model):
    """One line shown in a posting; feedback hangs on it. Written with its posting."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    posting = models.ForeignKey(Posting, on_delete=models.CASCADE, related_name="posting_lines")
    line = models.ForeignKey(NominationLine, on_delete=models.PROTECT, related_name="posting_lines")

    class Meta:
        verbose_name = _("dòng công khai")
        verbose_name_plural = _("dòng công khai")
        constraints = [
            models.UniqueConstraint(fields=["posting", "line"], name="%(app_label)s_%(class)s_once"),
        ]

    def __str__(self) -> str:
        return f"{self.posting_id}: {self.line_id}"


class Feedback(models.Model):
    """A comment sent by the public about a posted line. Written by ``feedback_submit`` (no login).

    The sender's address is kept only as a salted hash, to rate-limit and spot floods.
    """

    posting_line = models.ForeignKey(PostingLine, on_delete=models.CASCADE, related_name="feedback")
    name = models.CharField(_("họ tên"), max_length=200, blank=True)
    contact = models.CharField(_("điện thoại / e-mail"), max_length=200, blank=True)
    text = models.TextField(_("nội dung ý kiến"))
    created_at = models.DateTimeField(auto_now_add=True)
    ip_hash = models.CharField(max_length=64, blank=True)

    class Meta:
        verbose_name = _("ý kiến công khai")
        verbose_name_plural = _("ý kiến công khai")
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return self.text[:60]

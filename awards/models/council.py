"""Council meetings (phiên họp Hội đồng Thi đua – Khen thưởng), agenda items and ballots."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.models import TimestampedModel

from ..enums_workflow import BallotMode, ItemResult, MeetingState, VoteChoice


class Meeting(TimestampedModel):
    """A council meeting: members from the council roster, attendance, quorum, agenda.

    Written by ``awards.services.council`` (meeting_create, meeting_set_attendance, meeting_open,
    meeting_close). Quorum and results are computed at close and stored.
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    title = models.CharField(_("tên phiên họp"), max_length=300)
    date = models.DateField(_("ngày họp"))
    place = models.CharField(_("địa điểm"), max_length=300, blank=True)
    state = models.CharField(_("trạng thái"), max_length=10, choices=MeetingState.choices, default=MeetingState.DRAFT)
    ballot_mode = models.CharField(_("hình thức biểu quyết"), max_length=10, choices=BallotMode.choices, default=BallotMode.SECRET)
    quorum_ratio = models.DecimalField(_("tỷ lệ có mặt tối thiểu"), max_digits=4, decimal_places=3)
    members = models.ManyToManyField(settings.AUTH_USER_MODEL, through="MeetingMember", related_name="council_meetings")
    chair = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    present_count = models.PositiveSmallIntegerField(_("số thành viên có mặt"), null=True, blank=True)
    member_count = models.PositiveSmallIntegerField(_("tổng số thành viên"), null=True, blank=True)
    quorum_met = models.BooleanField(_("đủ số lượng"), null=True, blank=True)
    opened_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("phiên họp hội đồng")
        verbose_name_plural = _("phiên họp hội đồng")
        ordering = ["-date", "-id"]
        constraints = [
            models.CheckConstraint(condition=Q(state__in=MeetingState.values), name="%(app_label)s_%(class)s_state_valid"),
            models.CheckConstraint(condition=Q(ballot_mode__in=BallotMode.values), name="%(app_label)s_%(class)s_mode_valid"),
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.date:%d/%m/%Y})"

    def get_absolute_url(self) -> str:
        return reverse("awards:meeting-detail", args=[self.uuid])


class MeetingMember(models.Model):
    """A council member sitting on a meeting, and whether they attended. Written with the meeting."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="seats")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="council_seats")
    present = models.BooleanField(_("có mặt"), default=False)

    class Meta:
        verbose_name = _("thành viên dự họp")
        verbose_name_plural = _("thành viên dự họp")
        constraints = [
            models.UniqueConstraint(fields=["meeting", "user"], name="%(app_label)s_%(class)s_once"),
        ]

    def __str__(self) -> str:
        return f"{self.user} @ {self.meeting_id}"


class AgendaItem(models.Model):
    """One nomination line put to the vote in a meeting, with its stored result.

    ``recused`` lists the members who may not vote on it (own unit or themselves), set when the
    item is created. Counts and result are written by ``meeting_close``.
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="items")
    line = models.ForeignKey("awards.NominationLine", on_delete=models.PROTECT, related_name="agenda_items")
    order = models.PositiveSmallIntegerField(default=0)
    recused = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True, related_name="+")
    threshold = models.DecimalField(_("ngưỡng"), max_digits=4, decimal_places=3)
    voters = models.PositiveSmallIntegerField(_("số thành viên được biểu quyết"), null=True, blank=True)
    yes_count = models.PositiveSmallIntegerField(null=True, blank=True)
    no_count = models.PositiveSmallIntegerField(null=True, blank=True)
    abstain_count = models.PositiveSmallIntegerField(null=True, blank=True)
    result = models.CharField(_("kết quả"), max_length=10, choices=ItemResult.choices, default=ItemResult.PENDING)

    class Meta:
        verbose_name = _("nội dung biểu quyết")
        verbose_name_plural = _("nội dung biểu quyết")
        ordering = ["meeting", "order", "id"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "line"], name="%(app_label)s_%(class)s_line_once"),
            models.CheckConstraint(condition=Q(result__in=ItemResult.values), name="%(app_label)s_%(class)s_result_valid"),
        ]

    def __str__(self) -> str:
        return f"{self.meeting_id}#{self.order}"


class BallotCast(models.Model):
    """*Who* voted on an item: one row per member and item (database constraint), never the choice."""

    item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="casts")
    member = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    cast_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("lượt bỏ phiếu")
        verbose_name_plural = _("lượt bỏ phiếu")
        constraints = [
            models.UniqueConstraint(fields=["item", "member"], name="%(app_label)s_%(class)s_one_per_member"),
        ]

    def __str__(self) -> str:
        return f"{self.item_id}: {self.member_id}"


class Ballot(models.Model):
    """*What* was voted on an item. In a secret ballot it has no member link and a random key and
    no timestamp, so it cannot be matched to a ``BallotCast`` by order or time. In an open vote
    ``member`` records who chose what.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="ballots")
    choice = models.CharField(_("lựa chọn"), max_length=10, choices=VoteChoice.choices)
    member = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("phiếu")
        verbose_name_plural = _("phiếu")
        constraints = [
            models.CheckConstraint(condition=Q(choice__in=VoteChoice.values), name="%(app_label)s_%(class)s_choice_valid"),
        ]

    def __str__(self) -> str:
        return f"{self.item_id}: {self.choice}"

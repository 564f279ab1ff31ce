"""Council meetings: creation with agenda and recusal, attendance, voting, closing with results.

Quorum and thresholds are policy (ARCHITECTURE §4): quorum ``council.quorum`` (default two thirds
of the members), threshold per kind (``AwardKind.vote_threshold``): 0.5 means strictly more than
half of the members entitled to vote on the item, any other value means at least that share
(0.667 is read as two thirds).
"""

import datetime
from decimal import Decimal
from fractions import Fraction

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.enums import Role
from core.audit import log_action
from core.text import clean_text

from ..enums_workflow import BallotMode, DossierState, ItemResult, LineOutcome, MeetingState, VoteChoice
from ..models import AgendaItem, Ballot, BallotCast, Dossier, Meeting, MeetingMember, NominationLine
from ..policy import ParamSpec, get_param, register_defaults
from .workflow.common import WorkflowError, move, notify_after_commit, require_staff

register_defaults({
    "council.quorum": ParamSpec(
        "0.667", "Tỷ lệ thành viên Hội đồng có mặt tối thiểu để họp (2/3)",
        "Thông tư 08/2017/TT-BNV (cũ); Quy chế Hội đồng TĐKT tỉnh",
    ),
})


def as_fraction(value) -> Fraction:
    """0.667 → 2/3, 0.5 → 1/2, 0.9 → 9/10 (shares are entered with three decimals)."""
    return Fraction(Decimal(str(value))).limit_denominator(12)


def quorum_met(present: int, members: int, ratio) -> bool:
    share = as_fraction(ratio)
    return members > 0 and present * share.denominator >= share.numerator * members


def vote_passes(yes: int, voters: int, threshold) -> bool:
    """Strictly more than half for 1/2; at least the share otherwise."""
    share = as_fraction(threshold)
    if voters <= 0:
        return False
    if share == Fraction(1, 2):
        return 2 * yes > voters
    return yes * share.denominator >= share.numerator * voters


def recused_members(line: NominationLine, members) -> list:
    """Members who may not vote on ``line``: those of the nominee's unit or of the proposing unit
    (a person nominated sits in their own unit, so this also recuses them from their own line)."""
    units = {line.nominee_unit.pk, line.dossier.unit_id}
    return [m for m in members if m.unit_id in units]


def _lock_meeting(meeting: Meeting) -> Meeting:
    return Meeting.objects.select_for_update().get(pk=meeting.pk)


def meeting_create(
    *, actor, title: str, date: datetime.date, members, lines, ballot_mode: str = BallotMode.SECRET, place: str = "",
) -> Meeting:
    """Create a meeting (DRAFT) with members from the council roster and an agenda of lines that
    passed appraisal (and posting when their kind requires it). Their dossiers go to AT_COUNCIL.
    Side effects: audit ``awards.meeting.create``, ``awards.dossier.to_council``."""
    require_staff(actor)
    members = list(members)
    if not members:
        raise WorkflowError(_("Hãy chọn thành viên Hội đồng dự họp."))
    if any(m.role != Role.COUNCIL_MEMBER for m in members):
        raise WorkflowError(_("Chỉ thành viên Hội đồng mới được mời biểu quyết."))
    ids = [ln.pk for ln in lines]
    if not ids:
        raise WorkflowError(_("Hãy chọn ít nhất một nội dung để Hội đồng xét."))
    if ballot_mode not in BallotMode.values:
        raise WorkflowError(_("Hình thức biểu quyết không hợp lệ."))
    with transaction.atomic():
        dossiers = {d.pk: d for d in Dossier.objects.select_for_update().filter(pk__in=NominationLine.objects.filter(pk__in=ids).values("dossier_id")).order_by("pk")}
        chosen = list(NominationLine.objects.filter(pk__in=ids).select_related("kind", "person", "household", "unit", "dossier")
                      .prefetch_related("posting_lines__posting", "agenda_items"))
        for ln in chosen:
            dossier = dossiers[ln.dossier_id]
            if ln.outcome != LineOutcome.APPRAISAL_PASSED or dossier.state not in (DossierState.APPRAISED, DossierState.POSTED, DossierState.AT_COUNCIL):
                raise WorkflowError(_("%(who)s chưa đạt thẩm định.") % {"who": ln.nominee})
            if ln.agenda_items.all():
                raise WorkflowError(_("%(who)s đã có trong một phiên họp khác.") % {"who": ln.nominee})
            if ln.kind.requires_posting and not any(pl.posting.end_date <= date for pl in ln.posting_lines.all()):
                raise WorkflowError(_("%(who)s (%(kind)s) phải được công khai xong trước ngày họp.") % {"who": ln.nominee, "kind": ln.kind.code})
        meeting = Meeting(title=clean_text(title), date=date, place=clean_text(place), ballot_mode=ballot_mode,
                          quorum_ratio=Decimal(str(get_param("council.quorum"))), created_by=actor,
                          chair=next((m for m in members if m.is_council_chair), None))
        meeting.full_clean()
        meeting.save()
        MeetingMember.objects.bulk_create([MeetingMember(meeting=meeting, user=m) for m in members])
        for order, ln in enumerate(chosen, start=1):
            item = AgendaItem.objects.create(meeting=meeting, line=ln, order=order, threshold=ln.kind.vote_threshold)
            recused = recused_members(ln, members)
            if recused:
                item.recused.set(recused)
        log_action(actor=actor, action="awards.meeting.create", obj=meeting,
                   after={"title": meeting.title, "date": date, "members": [m.pk for m in members], "lines": ids, "ballot_mode": ballot_mode})
        for dossier in dossiers.values():
            if dossier.state != DossierState.AT_COUNCIL:
                move(dossier, DossierState.AT_COUNCIL, actor=actor, action="awards.dossier.to_council")
    return meeting


def meeting_set_attendance(*, actor, meeting: Meeting, present_ids) -> Meeting:
    """Record who attended (before voting opens). Side effect: audit ``awards.meeting.attendance``."""
    require_staff(actor)
    present_ids = {int(i) for i in present_ids}
    with transaction.atomic():
        meeting = _lock_meeting(meeting)
        if meeting.state != MeetingState.DRAFT:
            raise WorkflowError(_("Chỉ ghi điểm danh trước khi mở biểu quyết."))
        before = sorted(meeting.seats.filter(present=True).values_list("user_id", flat=True))
        meeting.seats.update(present=False)
        meeting.seats.filter(user_id__in=present_ids).update(present=True)
        after = sorted(meeting.seats.filter(present=True).values_list("user_id", flat=True))
        log_action(actor=actor, action="awards.meeting.attendance", obj=meeting, before={"present": before}, after={"present": after})
    return meeting


def meeting_open(*, actor, meeting: Meeting) -> Meeting:
    """DRAFT → OPEN when the quorum is met; present members are notified."""
    require_staff(actor)
    with transaction.atomic():
        meeting = _lock_meeting(meeting)
        if meeting.state != MeetingState.DRAFT:
            raise WorkflowError(_("Phiên họp đã mở hoặc đã kết thúc."))
        members = meeting.seats.count()
        present = meeting.seats.filter(present=True).count()
        if not quorum_met(present, members, meeting.quorum_ratio):
            raise WorkflowError(_("Chưa đủ số lượng: có mặt %(p)s/%(m)s thành viên, cần tối thiểu %(r)s%%.")
                                % {"p": present, "m": members, "r": round(float(meeting.quorum_ratio) * 100, 1)})
        meeting.state, meeting.opened_at = MeetingState.OPEN, timezone.now()
        meeting.member_count, meeting.present_count, meeting.quorum_met = members, present, True
        meeting.save(update_fields=["state", "opened_at", "member_count", "present_count", "quorum_met", "updated_at"])
        log_action(actor=actor, action="awards.meeting.open", obj=meeting, before={"state": MeetingState.DRAFT},
                   after={"state": MeetingState.OPEN, "present": present, "members": members})
        notify_after_commit([s.user for s in meeting.seats.filter(present=True).select_related("user")],
                            _("Phiên họp “%(title)s” đã mở biểu quyết.") % {"title": meeting.title}, meeting.get_absolute_url())
    return meeting


def ballot_cast(*, actor, item: AgendaItem, choice: str) -> None:
    """One vote of a present, non-recused member on an open meeting's item. Who voted and what
    was voted are written to separate tables (secret ballot); a second vote is refused by the
    database constraint. Side effect: audit ``awards.ballot.cast`` without the choice."""
    if choice not in VoteChoice.values:
        raise WorkflowError(_("Lựa chọn không hợp lệ."))
    with transaction.atomic():
        meeting = _lock_meeting(item.meeting)
        item = AgendaItem.objects.get(pk=item.pk)
        seat = meeting.seats.filter(user=actor).first()
        if seat is None:
            raise PermissionDenied
        if meeting.state != MeetingState.OPEN:
            raise WorkflowError(_("Phiên họp không mở biểu quyết (đã kết thúc hoặc chưa mở)."))
        if not seat.present:
            raise WorkflowError(_("Bạn không có tên trong danh sách có mặt."))
        if item.recused.filter(pk=actor.pk).exists():
            raise WorkflowError(_("Bạn không biểu quyết nội dung liên quan đến đơn vị mình hoặc chính mình."))
        try:
            with transaction.atomic():
                cast = BallotCast.objects.create(item=item, member=actor)
        except IntegrityError:
            raise WorkflowError(_("Bạn đã biểu quyết nội dung này."))
        Ballot.objects.create(item=item, choice=choice, member=actor if meeting.ballot_mode == BallotMode.OPEN else None)
        log_action(actor=actor, action="awards.ballot.cast", obj=cast, after={"item": item.pk})


def meeting_close(*, actor, meeting: Meeting) -> Meeting:
    """OPEN → CLOSED: count each item, store the counts and result, mark each line
    VOTE_PASSED or VOTE_FAILED; dossiers with nothing left to decide are settled.
    Side effect: audit ``awards.meeting.close`` with the results."""
    require_staff(actor)
    from .decisions import settle_dossiers

    with transaction.atomic():
        meeting = _lock_meeting(meeting)
        if meeting.state != MeetingState.OPEN:
            raise WorkflowError(_("Phiên họp không ở trạng thái đang biểu quyết."))
        members = meeting.seats.count()
        results = {}
        dossier_ids = set()
        for item in meeting.items.select_related("line").prefetch_related("recused", "ballots"):
            counts = {c: 0 for c in VoteChoice.values}
            for ballot in item.ballots.all():
                counts[ballot.choice] += 1
            item.voters = members - len(item.recused.all())
            item.yes_count, item.no_count, item.abstain_count = counts["yes"], counts["no"], counts["abstain"]
            passed = vote_passes(item.yes_count, item.voters, item.threshold)
            item.result = ItemResult.PASSED if passed else ItemResult.FAILED
            item.save(update_fields=["voters", "yes_count", "no_count", "abstain_count", "result"])
            line = item.line
            line.outcome = LineOutcome.VOTE_PASSED if passed else LineOutcome.VOTE_FAILED
            line.outcome_reason = "" if passed else _("Hội đồng không thông qua (%(yes)s/%(n)s phiếu đồng ý).") % {"yes": item.yes_count, "n": item.voters}
            line.save(update_fields=["outcome", "outcome_reason", "updated_at"])
            results[item.pk] = {"yes": item.yes_count, "no": item.no_count, "abstain": item.abstain_count, "voters": item.voters, "result": item.result}
            dossier_ids.add(line.dossier_id)
        meeting.state, meeting.closed_at = MeetingState.CLOSED, timezone.now()
        meeting.save(update_fields=["state", "closed_at", "updated_at"])
        log_action(actor=actor, action="awards.meeting.close", obj=meeting, before={"state": MeetingState.OPEN},
                   after={"state": MeetingState.CLOSED, "results": results})
        settle_dossiers(actor=actor, dossier_ids=dossier_ids)
    return meeting

"""Every write to blocs and clusters: one function per step, each checked, logged and atomic."""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from campaigns.files import validate_document
from core.audit import log_action, snapshot

from . import queries
from .enums import GROUP_YEAR_TRANSITIONS, CriterionKind, GroupYearState, LeaderRole
from .models import (
    AgreementSignature,
    Criterion,
    EmulationGroup,
    GroupYear,
    LeaderChange,
    Membership,
    RankingEntry,
    Score,
    Vote,
)
from .permissions import is_manager, is_staff, is_verifier, member_unit_id
from .scoring import fmt_points, leaves, rank


class BlocError(ValidationError):
    """A step the group-year's state or data does not allow."""


def _require(condition: bool) -> None:
    if not condition:
        raise PermissionDenied


def _locked(group_year: GroupYear) -> GroupYear:
    return GroupYear.objects.select_for_update().select_related("group").get(pk=group_year.pk)


def _require_state(gy: GroupYear, *states: str) -> None:
    if gy.state not in states:
        raise BlocError(
            _("Không thực hiện được khi %(gy)s đang ở trạng thái “%(state)s”.") % {"gy": gy, "state": gy.get_state_display()}
        )


def _move(gy: GroupYear, new_state: str) -> str:
    old = gy.state
    if new_state not in GROUP_YEAR_TRANSITIONS[GroupYearState(old)]:
        raise BlocError(
            _("Không thể chuyển từ “%(old)s” sang “%(new)s”.") % {"old": gy.get_state_display(), "new": GroupYearState(new_state).label}
        )
    gy.state = new_state
    return old


def group_create(*, actor, group: EmulationGroup) -> EmulationGroup:
    """Create a bloc or cluster (staff)."""
    _require(is_staff(actor))
    with transaction.atomic():
        group.full_clean()
        group.save()
        log_action(actor=actor, action="blocs.group.create", obj=group, after=snapshot(group, ["code", "name", "kind"]))
    return group


def _copy_criteria(source: GroupYear, target: GroupYear) -> int:
    mapping: dict[int, Criterion] = {}
    criteria = sorted(source.criteria.all(), key=lambda c: (c.parent_id is not None, c.order, c.pk))
    pending = list(criteria)
    while pending:
        rest = []
        for c in pending:
            if c.parent_id and c.parent_id not in mapping:
                rest.append(c)
                continue
            mapping[c.pk] = Criterion.objects.create(
                group_year=target, parent=mapping.get(c.parent_id), number=c.number, title=c.title, kind=c.kind,
                max_points=c.max_points, order=c.order,
            )
        pending = rest
    return len(mapping)


def group_year_start(*, actor, group: EmulationGroup, year: int, head=None, deputy=None) -> GroupYear:
    """Open a new year for a group (staff). Members and the criteria sheet are copied from the latest
    earlier year; the head defaults to the suggested next rotation. Logged, with rotation rows."""
    _require(is_staff(actor))
    with transaction.atomic():
        EmulationGroup.objects.select_for_update().get(pk=group.pk)
        if GroupYear.objects.filter(group=group, year=year).exists():
            raise BlocError(_("%(group)s đã có năm %(year)s.") % {"group": group, "year": year})
        previous = GroupYear.objects.filter(group=group, year__lt=year).order_by("-year").first()
        if head is None and previous is not None:
            head, suggested_deputy = queries.suggested_rotation(group, year)
            deputy = deputy or suggested_deputy
        gy = GroupYear(group=group, year=year, head=head, deputy=deputy)
        if previous is not None:
            gy.tie_rule = previous.tie_rule
            gy.allow_self_vote = previous.allow_self_vote
            gy.certificate_count = previous.certificate_count
        gy.full_clean()
        gy.save()
        copied = 0
        if previous is not None:
            Membership.objects.bulk_create(
                Membership(group_year=gy, unit_id=m.unit_id, order=m.order) for m in previous.memberships.all()
            )
            copied = _copy_criteria(previous, gy)
        member_ids = set(gy.memberships.values_list("unit_id", flat=True))
        for role, unit in ((LeaderRole.HEAD, head), (LeaderRole.DEPUTY, deputy)):
            if unit is not None:
                if member_ids and unit.pk not in member_ids:
                    Membership.objects.create(group_year=gy, unit=unit, order=len(member_ids) + 1)
                    member_ids.add(unit.pk)
                LeaderChange.objects.create(group_year=gy, role=role, unit=unit, assigned_by=actor,
                                            reason=_("Mở năm thi đua"))
        log_action(actor=actor, action="blocs.year.start", obj=gy,
                   after={"year": year, "head": head, "deputy": deputy, "from_year": previous.year if previous else None,
                          "criteria_copied": copied, "members": len(member_ids)})
    return gy


def members_set(*, actor, group_year: GroupYear, units: Iterable) -> GroupYear:
    """Replace the member list (staff) while the year is being set up; the head and deputy stay members."""
    _require(is_staff(actor))
    units = list(units)
    with transaction.atomic():
        gy = _locked(group_year)
        _require_state(gy, GroupYearState.SETUP)
        ids = [u.pk for u in units]
        for leader in (gy.head_id, gy.deputy_id):
            if leader and leader not in ids:
                raise BlocError(_("Trưởng khối và phó khối phải là thành viên."))
        before = sorted(gy.memberships.values_list("unit_id", flat=True))
        gy.memberships.exclude(unit_id__in=ids).delete()
        existing = set(gy.memberships.values_list("unit_id", flat=True))
        Membership.objects.bulk_create(
            Membership(group_year=gy, unit=u, order=i) for i, u in enumerate(units, start=1) if u.pk not in existing
        )
        for i, u in enumerate(units, start=1):
            gy.memberships.filter(unit=u).update(order=i)
        log_action(actor=actor, action="blocs.year.members", obj=gy, before={"members": before}, after={"members": sorted(ids)})
    return gy


def leaders_set(*, actor, group_year: GroupYear, head, deputy=None, reason: str = "") -> GroupYear:
    """Assign the head and deputy (staff); both must be members. Each change is a rotation-history row."""
    _require(is_staff(actor))
    with transaction.atomic():
        gy = _locked(group_year)
        member_ids = set(gy.memberships.values_list("unit_id", flat=True))
        for unit in (head, deputy):
            if unit is not None and unit.pk not in member_ids:
                raise BlocError(_("%(unit)s không phải thành viên của khối.") % {"unit": unit.name})
        if deputy is not None and head is not None and deputy.pk == head.pk:
            raise BlocError(_("Trưởng khối và phó khối phải là hai đơn vị khác nhau."))
        before = {"head": gy.head_id, "deputy": gy.deputy_id}
        for role, unit, current in ((LeaderRole.HEAD, head, gy.head_id), (LeaderRole.DEPUTY, deputy, gy.deputy_id)):
            if unit is not None and unit.pk != current:
                LeaderChange.objects.create(group_year=gy, role=role, unit=unit, assigned_by=actor, reason=reason)
        gy.head, gy.deputy = head, deputy
        gy.full_clean()
        gy.save(update_fields=["head", "deputy", "updated_at"])
        log_action(actor=actor, action="blocs.year.leaders", obj=gy, reason=reason, before=before,
                   after={"head": gy.head_id, "deputy": gy.deputy_id})
    return gy


def agreement_update(*, actor, group_year: GroupYear, title: str, signed_on: datetime.date | None, document=None) -> GroupYear:
    """Record the year's agreement (giao ước): title, date and document (head unit or staff)."""
    _require(is_manager(actor, group_year))
    if document:
        validate_document(document)
    with transaction.atomic():
        gy = _locked(group_year)
        gy.agreement_title = title.strip()
        gy.agreement_date = signed_on
        if document:
            gy.agreement_file = document
        gy.full_clean()
        gy.save()
        log_action(actor=actor, action="blocs.agreement.update", obj=gy,
                   after={"title": gy.agreement_title, "date": signed_on, "file": bool(gy.agreement_file)})
    return gy


def agreement_sign(*, actor, group_year: GroupYear, unit, signer_name: str, signer_position: str = "") -> AgreementSignature:
    """Record that ``unit`` signed the agreement: its own users sign; the head unit or staff may record it."""
    member_ids = set(group_year.memberships.values_list("unit_id", flat=True))
    if unit.pk not in member_ids:
        raise BlocError(_("%(unit)s không phải thành viên của khối.") % {"unit": unit.name})
    _require(is_manager(actor, group_year) or member_unit_id(actor, group_year, member_ids) == unit.pk)
    with transaction.atomic():
        gy = _locked(group_year)
        if not gy.agreement_title:
            raise BlocError(_("Chưa có giao ước để ký."))
        if AgreementSignature.objects.filter(group_year=gy, unit=unit).exists():
            raise BlocError(_("%(unit)s đã ký giao ước.") % {"unit": unit.name})
        signature = AgreementSignature(group_year=gy, unit=unit, signer_name=signer_name.strip(),
                                       signer_position=signer_position.strip(), recorded_by=actor)
        signature.full_clean()
        signature.save()
        log_action(actor=actor, action="blocs.agreement.sign", obj=gy,
                   after={"unit": unit.code, "signer": signature.signer_name})
    return signature


def criterion_add(*, actor, group_year: GroupYear, number: str, title: str, max_points: Decimal,
                  kind: str = CriterionKind.REGULAR, parent: Criterion | None = None) -> Criterion:
    """Add a line to the criteria sheet (head unit or staff) while the year is being set up."""
    _require(is_manager(actor, group_year))
    with transaction.atomic():
        gy = _locked(group_year)
        _require_state(gy, GroupYearState.SETUP)
        if parent is not None and parent.group_year_id != gy.pk:
            raise BlocError(_("Tiêu chí cha không thuộc bảng tiêu chí này."))
        if Criterion.objects.filter(group_year=gy, number=number.strip()).exists():
            raise BlocError(_("Đã có tiêu chí số %(n)s.") % {"n": number})
        order = (gy.criteria.order_by("-order").values_list("order", flat=True).first() or 0) + 1
        criterion = Criterion(group_year=gy, parent=parent, number=number.strip(), title=title.strip(), kind=kind,
                              max_points=max_points, order=order)
        criterion.full_clean()
        criterion.save()
        log_action(actor=actor, action="blocs.criterion.add", obj=gy,
                   after=snapshot(criterion, ["number", "title", "kind", "max_points", "parent_id"]))
    return criterion


def scoring_open(*, actor, group_year: GroupYear, deadline: datetime.date) -> GroupYear:
    """Setup → scoring (head unit or staff): members may self-score until ``deadline``."""
    _require(is_manager(actor, group_year))
    with transaction.atomic():
        gy = _locked(group_year)
        old = _move(gy, GroupYearState.SCORING)
        if not gy.criteria.exists():
            raise BlocError(_("Bảng tiêu chí còn trống."))
        if not gy.memberships.exists():
            raise BlocError(_("Khối chưa có thành viên."))
        gy.scoring_deadline = deadline
        gy.save(update_fields=["state", "scoring_deadline", "updated_at"])
        log_action(actor=actor, action="blocs.year.scoring_open", obj=gy, before={"state": old},
                   after={"state": gy.state, "deadline": deadline})
    return gy


@dataclass
class ScoreEntry:
    criterion: Criterion
    points: Decimal | None
    note: str = ""  # evidence for a self score, the reason for a verification


def _check_points(criterion: Criterion, points: Decimal | None) -> None:
    if points is None:
        return
    if points < 0 or points > criterion.max_points:
        raise BlocError(
            _("Điểm tiêu chí %(n)s phải từ 0 đến %(max)s.") % {"n": criterion.number, "max": fmt_points(criterion.max_points)}
        )


def self_score_submit(*, actor, group_year: GroupYear, unit, entries: Iterable[ScoreEntry],
                      today: datetime.date | None = None) -> int:
    """A member unit scores itself on leaf criteria, with evidence, until the deadline.

    Lines already verified cannot be changed. Returns the number of lines saved.
    """
    entries = list(entries)
    _require(member_unit_id(actor, group_year) == unit.pk or is_staff(actor))
    today = today or timezone.localdate()
    with transaction.atomic():
        gy = _locked(group_year)
        _require_state(gy, GroupYearState.SCORING)
        if gy.scoring_deadline and today > gy.scoring_deadline:
            raise BlocError(_("Đã quá hạn tự chấm điểm (%(d)s).") % {"d": gy.scoring_deadline.strftime("%d/%m/%Y")})
        leaf_ids = {c.pk for c in leaves(list(gy.criteria.all()))}
        existing = {s.criterion_id: s for s in Score.objects.select_for_update().filter(group_year=gy, unit=unit)}
        now = timezone.now()
        saved = 0
        for entry in entries:
            if entry.criterion.pk not in leaf_ids:
                raise BlocError(_("Tiêu chí %(n)s không chấm trực tiếp.") % {"n": entry.criterion.number})
            _check_points(entry.criterion, entry.points)
            score = existing.get(entry.criterion.pk) or Score(group_year=gy, unit=unit, criterion=entry.criterion)
            if entry.points is None and not score.pk:
                continue
            if score.verified_at and (score.self_points != entry.points or score.evidence != entry.note.strip()):
                raise BlocError(_("Tiêu chí %(n)s đã được thẩm định, không sửa được.") % {"n": entry.criterion.number})
            if score.pk and score.self_points == entry.points and score.evidence == entry.note.strip():
                continue
            score.self_points = entry.points
            score.evidence = entry.note.strip()
            score.self_scored_at = now
            score.full_clean()
            score.save()
            saved += 1
        log_action(actor=actor, action="blocs.score.self", obj=gy,
                   after={"unit": unit.code, "lines": saved,
                          "points": {e.criterion.number: e.points for e in entries}})
    return saved


def scores_verify(*, actor, group_year: GroupYear, unit, entries: Iterable[ScoreEntry]) -> int:
    """The head (or deputy) sets the verified points of a member's lines; a reason is required where
    they differ from the self score. Returns the number of lines verified."""
    entries = list(entries)
    _require(is_verifier(actor, group_year))
    with transaction.atomic():
        gy = _locked(group_year)
        _require_state(gy, GroupYearState.SCORING)
        if not gy.memberships.filter(unit=unit).exists():
            raise BlocError(_("%(unit)s không phải thành viên của khối.") % {"unit": unit.name})
        leaf_ids = {c.pk for c in leaves(list(gy.criteria.all()))}
        existing = {s.criterion_id: s for s in Score.objects.select_for_update().filter(group_year=gy, unit=unit)}
        now = timezone.now()
        changed = {}
        for entry in entries:
            if entry.criterion.pk not in leaf_ids:
                raise BlocError(_("Tiêu chí %(n)s không chấm trực tiếp.") % {"n": entry.criterion.number})
            if entry.points is None:
                continue
            _check_points(entry.criterion, entry.points)
            score = existing.get(entry.criterion.pk) or Score(group_year=gy, unit=unit, criterion=entry.criterion)
            reason = entry.note.strip()
            if entry.points != score.self_points and not reason:
                raise BlocError(_("Tiêu chí %(n)s: điểm thẩm định khác điểm tự chấm, cần ghi lý do.") % {"n": entry.criterion.number})
            score.verified_points = entry.points
            score.verify_reason = reason
            score.verified_by = actor
            score.verified_at = now
            score.full_clean()
            score.save()
            changed[entry.criterion.number] = {"self": score.self_points, "verified": entry.points, "reason": reason}
        log_action(actor=actor, action="blocs.score.verify", obj=gy, after={"unit": unit.code, "lines": changed})
    return len(changed)


def ranking_publish(*, actor, group_year: GroupYear) -> list[RankingEntry]:
    """Scoring → published (head unit or staff): every self-scored line must be verified. The ranking
    is computed with the year's tie rule and stored; members can then see it and vote."""
    _require(is_manager(actor, group_year))
    with transaction.atomic():
        gy = _locked(group_year)
        old = _move(gy, GroupYearState.PUBLISHED)
        totals = queries.live_totals(gy)
        pending = sum(t.unverified for t in totals.values())
        if pending:
            raise BlocError(_("Còn %(n)s điểm tự chấm chưa được thẩm định.") % {"n": pending})
        ranked = rank(totals.values(), gy.tie_rule)
        gy.ranking_entries.all().delete()
        entries = RankingEntry.objects.bulk_create(
            RankingEntry(group_year=gy, unit_id=r.total.unit_id, rank=r.rank, self_total=r.total.self_total,
                         verified_total=r.total.verified_total, penalty_count=r.total.penalty_count)
            for r in ranked
        )
        gy.published_at = timezone.now()
        gy.save(update_fields=["state", "published_at", "updated_at"])
        log_action(actor=actor, action="blocs.ranking.publish", obj=gy, before={"state": old},
                   after={"state": gy.state, "ranking": [(r.total.unit_id, r.rank, r.total.verified_total) for r in ranked]})
    return entries


def vote_cast(*, actor, group_year: GroupYear, voter_unit, candidate) -> Vote:
    """A member unit votes (suy tôn) for the leading unit once; not for itself unless the year allows it."""
    member_ids = set(group_year.memberships.values_list("unit_id", flat=True))
    _require(member_unit_id(actor, group_year, member_ids) == voter_unit.pk)
    with transaction.atomic():
        gy = _locked(group_year)
        _require_state(gy, GroupYearState.PUBLISHED)
        if candidate.pk not in member_ids:
            raise BlocError(_("Chỉ suy tôn đơn vị thành viên của khối."))
        if candidate.pk == voter_unit.pk and not gy.allow_self_vote:
            raise BlocError(_("Đơn vị không tự suy tôn chính mình."))
        if Vote.objects.filter(group_year=gy, voter_unit=voter_unit).exists():
            raise BlocError(_("Đơn vị %(unit)s đã bỏ phiếu.") % {"unit": voter_unit.name})
        try:
            with transaction.atomic():
                vote = Vote.objects.create(group_year=gy, voter_unit=voter_unit, candidate=candidate, cast_by=actor)
        except IntegrityError as exc:
            raise BlocError(_("Đơn vị %(unit)s đã bỏ phiếu.") % {"unit": voter_unit.name}) from exc
        log_action(actor=actor, action="blocs.vote.cast", obj=gy, after={"voter": voter_unit.code})
    return vote


def leading_unit(gy: GroupYear):
    """The unit with the most votes; ties go to the better rank, then the name."""
    results = queries.vote_results(gy)
    if not results or results[0]["votes"] == 0:
        return None, results
    ranks = {e.unit_id: e.rank for e in gy.ranking_entries.all()}
    top = results[0]["votes"]
    tied = [r["unit"] for r in results if r["votes"] == top]
    return sorted(tied, key=lambda u: (ranks.get(u.pk, 9999), u.name))[0], results


def proposal_create(*, actor, group_year: GroupYear):
    """Published → proposed (head unit or staff): a dossier draft on behalf of the group, from the
    head unit, proposing Cờ thi đua tỉnh (CO_TINH) for the leading unit chosen by the vote and Bằng
    khen tỉnh (BK_TINH) for the next ``certificate_count`` units by rank. Each line carries the rank,
    the verified score and the votes as its achievement summary. The dossier then follows the normal
    workflow (the head unit submits it).

    Side effects: audit ``blocs.proposal.create`` plus the workflow's own audit rows.
    """
    from awards.enums import CommendationType
    from awards.services.workflow import dossier_create_draft

    _require(is_manager(actor, group_year))
    with transaction.atomic():
        gy = _locked(group_year)
        old = _move(gy, GroupYearState.PROPOSED)
        if gy.head_id is None:
            raise BlocError(_("Khối chưa có trưởng khối để đứng tên hồ sơ."))
        leader, results = leading_unit(gy)
        if leader is None:
            raise BlocError(_("Chưa có phiếu suy tôn đơn vị dẫn đầu."))
        votes = {r["unit"].pk: r["votes"] for r in results}
        voters = sum(votes.values())
        entries = list(gy.ranking_entries.select_related("unit").order_by("rank", "unit__name"))
        members = len(entries)
        by_unit = {e.unit_id: e for e in entries}

        def summary(unit, title_key):
            entry = by_unit.get(unit.pk)
            text = _(
                "%(title)s %(group)s năm %(year)s: xếp hạng %(rank)s/%(members)s, tổng điểm thẩm định %(score)s; "
                "được suy tôn %(votes)s/%(voters)s phiếu."
            ) % {
                "title": title_key, "group": gy.group.name, "year": gy.year,
                "rank": entry.rank if entry else "—", "members": members,
                "score": fmt_points(entry.verified_total) if entry else "—",
                "votes": votes.get(unit.pk, 0), "voters": voters,
            }
            return text

        lines = [{"unit": leader, "kind": "CO_TINH", "achievement_summary": summary(leader, _("Đơn vị dẫn đầu"))}]
        followers = [e.unit for e in entries if e.unit_id != leader.pk][: gy.certificate_count]
        lines += [{"unit": u, "kind": "BK_TINH", "achievement_summary": summary(u, _("Đơn vị xuất sắc"))} for u in followers]
        dossier = dossier_create_draft(
            actor=actor, unit=gy.head, year=gy.year, commendation_type=CommendationType.CONG_TRANG,
            title=_("Đề nghị khen thưởng các đơn vị %(group)s năm %(year)s") % {"group": gy.group.name, "year": gy.year},
            lines=lines, allow_outside_subtree=True,
        )
        gy.proposal_dossier = dossier
        gy.save(update_fields=["state", "proposal_dossier", "updated_at"])
        log_action(actor=actor, action="blocs.proposal.create", obj=gy, before={"state": old},
                   after={"state": gy.state, "dossier": str(dossier.uuid), "leader": leader.code,
                          "certificates": [u.code for u in followers]})
    return dossier

"""Decisions from passed lines within provincial authority, forwarding of state-level lines to
the Ministry, the recorded central outcome, and settling the dossiers' final states."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.audit import log_action, snapshot
from core.text import clean_text

from ..enums import Level
from ..enums_workflow import DecisionState, DossierState, LineOutcome
from ..models import Decision, Dossier, Forwarding, NominationLine
from .register import award_record
from .workflow.common import WorkflowError, move, notify_after_commit, require_staff, unit_users

DECISION_FIELDS = ["number", "issuer", "year", "date", "signer", "signer_title", "title", "legal_basis"]
DEFAULT_LEGAL_BASIS = (
    "Căn cứ Luật Tổ chức chính quyền địa phương năm 2025;\n"
    "Căn cứ Luật Thi đua, khen thưởng năm 2022;\n"
    "Căn cứ Nghị định số 152/2025/NĐ-CP của Chính phủ quy định chi tiết một số điều của Luật Thi đua, khen thưởng;\n"
    "Theo đề nghị của Giám đốc Sở Nội vụ."
)


def settle_dossiers(*, actor, dossier_ids) -> None:
    """Move each AT_COUNCIL / FORWARDED dossier to its final state once nothing is left to decide:
    FORWARDED while a line waits for the centre, OUTCOME_RECORDED when a central outcome came
    back, DECIDED when lines were awarded, REJECTED when none passed."""
    for dossier in Dossier.objects.select_for_update().filter(pk__in=list(dossier_ids)).order_by("pk"):
        if dossier.state not in (DossierState.AT_COUNCIL, DossierState.FORWARDED):
            continue
        lines = list(dossier.lines.values_list("outcome", "forwarding_id"))
        outcomes = {o for o, _f in lines}
        if outcomes & {LineOutcome.APPRAISAL_PASSED, LineOutcome.VOTE_PASSED}:
            continue
        if LineOutcome.FORWARDED in outcomes:
            target = DossierState.FORWARDED
        elif any(f for _o, f in lines):
            target = DossierState.OUTCOME_RECORDED
        elif LineOutcome.AWARDED in outcomes:
            target = DossierState.DECIDED
        else:
            target = DossierState.REJECTED
        if target != dossier.state:
            move(dossier, target, actor=actor, action="awards.dossier.settle")
            notify_after_commit(unit_users(dossier.unit), _("Hồ sơ %(code)s: %(state)s.") % {"code": dossier.code, "state": dossier.get_state_display()},
                                dossier.get_absolute_url())


def decidable_lines():
    """Lines the council passed that the province decides itself and no decision holds yet."""
    return (NominationLine.objects.filter(outcome=LineOutcome.VOTE_PASSED, decision__isnull=True)
            .exclude(kind__level=Level.STATE)
            .select_related("kind", "person", "unit", "household", "dossier__unit").order_by("dossier_id", "id"))


def forwardable_lines():
    return (NominationLine.objects.filter(outcome=LineOutcome.VOTE_PASSED, kind__level=Level.STATE, forwarding__isnull=True)
            .select_related("kind", "person", "unit", "household", "dossier__unit").order_by("dossier_id", "id"))


def _check_number(decision: Decision) -> None:
    clash = Decision.objects.filter(issuer=decision.issuer, year=decision.year, number=decision.number).exclude(pk=decision.pk)
    if clash.exists():
        raise WorkflowError(_("Số quyết định %(number)s của %(issuer)s năm %(year)s đã được dùng.")
                            % {"number": decision.number, "issuer": decision.issuer, "year": decision.year})


def decision_create_draft(
    *, actor, number: str, date: datetime.date, signer: str, title: str, lines, signer_title: str = "",
    legal_basis: str = DEFAULT_LEGAL_BASIS, issuer: str = "UBND tỉnh",
) -> Decision:
    """Draft a decision holding council-passed lines within provincial authority.
    Side effect: audit ``awards.decision.create``."""
    require_staff(actor)
    ids = [ln.pk for ln in lines]
    if not ids:
        raise WorkflowError(_("Hãy chọn ít nhất một đối tượng cho quyết định."))
    with transaction.atomic():
        decision = Decision(number=clean_text(number), date=date, year=date.year, signer=clean_text(signer),
                            signer_title=clean_text(signer_title), title=clean_text(title),
                            legal_basis=clean_text(legal_basis, multiline=True), issuer=clean_text(issuer), created_by=actor)
        _check_number(decision)
        decision.full_clean()
        decision.save()
        chosen = list(NominationLine.objects.select_for_update(of=("self",)).filter(pk__in=ids).select_related("kind"))
        for ln in chosen:
            if ln.outcome != LineOutcome.VOTE_PASSED or ln.decision_id or ln.kind.level == Level.STATE:
                raise WorkflowError(_("%(who)s không thể đưa vào quyết định (chưa được Hội đồng thông qua, đã có quyết định hoặc thuộc thẩm quyền Trung ương).") % {"who": ln.nominee})
            ln.decision = decision
            ln.save(update_fields=["decision", "updated_at"])
        log_action(actor=actor, action="awards.decision.create", obj=decision, after={**snapshot(decision, DECISION_FIELDS), "lines": ids})
    return decision


def _lock_decision(decision: Decision) -> Decision:
    return Decision.objects.select_for_update().get(pk=decision.pk)


def decision_update(*, actor, decision: Decision, **fields) -> Decision:
    """Change a draft decision's heading; an issued decision is immutable."""
    require_staff(actor)
    with transaction.atomic():
        decision = _lock_decision(decision)
        if decision.is_issued:
            raise WorkflowError(_("Quyết định đã ban hành, không sửa được."))
        before = snapshot(decision, DECISION_FIELDS)
        for name, value in fields.items():
            if name not in DECISION_FIELDS:
                raise TypeError(name)
            setattr(decision, name, clean_text(value, multiline=name == "legal_basis") if isinstance(value, str) else value)
        decision.year = decision.date.year
        _check_number(decision)
        decision.full_clean()
        decision.save()
        log_action(actor=actor, action="awards.decision.update", obj=decision, before=before, after=snapshot(decision, DECISION_FIELDS))
    return decision


def decision_remove_line(*, actor, decision: Decision, line: NominationLine) -> None:
    require_staff(actor)
    with transaction.atomic():
        decision = _lock_decision(decision)
        if decision.is_issued or line.decision_id != decision.pk:
            raise WorkflowError(_("Quyết định đã ban hành, không sửa được."))
        NominationLine.objects.filter(pk=line.pk).update(decision=None, updated_at=timezone.now())
        log_action(actor=actor, action="awards.decision.remove_line", obj=decision, before={"line": line.pk})


def _record(actor, line: NominationLine, *, number: str, date: datetime.date, issuer: str, signer: str):
    try:
        return award_record(
            actor=actor, subject_type=line.subject_type, recipient=line.nominee, kind=line.kind, year=line.dossier.year,
            decision_number=number, decision_date=date, commendation_type=line.dossier.commendation_type,
            issuer=issuer, signer=signer, campaign=line.dossier.campaign,
        )
    except ValidationError as exc:
        raise WorkflowError([f"{line.nominee}: {m}" for m in exc.messages])


def decision_issue(*, actor, decision: Decision) -> Decision:
    """DRAFT → ISSUED: the register gets one award per line with its amount at the decision date,
    each line becomes AWARDED and the dossiers settle. Issuing twice is refused.
    Side effects: audit ``awards.decision.issue`` (and ``awards.award.record`` per line); the units
    are notified after commit."""
    require_staff(actor)
    with transaction.atomic():
        decision = _lock_decision(decision)
        if decision.is_issued:
            raise WorkflowError(_("Quyết định %(number)s đã được ban hành trước đó.") % {"number": decision.number})
        lines = list(decision.lines.select_for_update(of=("self",)).select_related(
            "kind", "person__unit", "unit", "household__unit", "dossier__campaign", "dossier__unit"))
        if not lines:
            raise WorkflowError(_("Quyết định chưa có đối tượng nào."))
        for ln in lines:
            award = _record(actor, ln, number=decision.number, date=decision.date, issuer=decision.issuer, signer=decision.signer)
            ln.award, ln.outcome = award, LineOutcome.AWARDED
            ln.save(update_fields=["award", "outcome", "updated_at"])
        decision.state, decision.issued_at, decision.issued_by = DecisionState.ISSUED, timezone.now(), actor
        decision.save(update_fields=["state", "issued_at", "issued_by", "updated_at"])
        log_action(actor=actor, action="awards.decision.issue", obj=decision, before={"state": DecisionState.DRAFT},
                   after={"state": DecisionState.ISSUED, "lines": [ln.pk for ln in lines]})
        settle_dossiers(actor=actor, dossier_ids={ln.dossier_id for ln in lines})
    return decision


def forwarding_create(*, actor, number: str, date: datetime.date, title: str, lines) -> Forwarding:
    """Forward council-passed state-level lines to the Ministry as one list (lines → FORWARDED)."""
    require_staff(actor)
    ids = [ln.pk for ln in lines]
    if not ids:
        raise WorkflowError(_("Hãy chọn ít nhất một đối tượng để trình."))
    with transaction.atomic():
        forwarding = Forwarding(number=clean_text(number), date=date, title=clean_text(title), created_by=actor)
        forwarding.full_clean()
        forwarding.save()
        chosen = list(NominationLine.objects.select_for_update(of=("self",)).filter(pk__in=ids).select_related("kind"))
        for ln in chosen:
            if ln.outcome != LineOutcome.VOTE_PASSED or ln.kind.level != Level.STATE or ln.forwarding_id:
                raise WorkflowError(_("%(who)s không thuộc diện trình Trung ương hoặc đã được trình.") % {"who": ln.nominee})
            ln.forwarding, ln.outcome = forwarding, LineOutcome.FORWARDED
            ln.save(update_fields=["forwarding", "outcome", "updated_at"])
        log_action(actor=actor, action="awards.forwarding.create", obj=forwarding,
                   after={"number": forwarding.number, "date": date, "lines": ids})
        settle_dossiers(actor=actor, dossier_ids={ln.dossier_id for ln in chosen})
    return forwarding


def forwarding_record_outcome(
    *, actor, forwarding: Forwarding, central_number: str, central_date: datetime.date, awarded_line_ids,
    central_issuer: str = "Thủ tướng Chính phủ",
) -> Forwarding:
    """Record the central decision: awarded lines enter the register, the others are marked
    not awarded; the dossiers settle. Recording twice is refused."""
    require_staff(actor)
    central_number = clean_text(central_number)
    if not central_number:
        raise WorkflowError(_("Hãy nhập số quyết định của Trung ương."))
    awarded = {int(i) for i in awarded_line_ids}
    with transaction.atomic():
        forwarding = Forwarding.objects.select_for_update().get(pk=forwarding.pk)
        if forwarding.outcome_recorded_at:
            raise WorkflowError(_("Kết quả của tờ trình này đã được ghi nhận."))
        lines = list(forwarding.lines.select_for_update(of=("self",)).select_related(
            "kind", "person__unit", "unit", "household__unit", "dossier__campaign"))
        for ln in lines:
            if ln.pk in awarded:
                award = _record(actor, ln, number=central_number, date=central_date, issuer=clean_text(central_issuer), signer="")
                ln.award, ln.outcome = award, LineOutcome.AWARDED
            else:
                ln.outcome, ln.outcome_reason = LineOutcome.NOT_AWARDED, _("Trung ương không khen thưởng.")
            ln.save(update_fields=["award", "outcome", "outcome_reason", "updated_at"])
        forwarding.central_number, forwarding.central_date = central_number, central_date
        forwarding.central_issuer, forwarding.outcome_recorded_at = clean_text(central_issuer), timezone.now()
        forwarding.save()
        log_action(actor=actor, action="awards.forwarding.outcome", obj=forwarding,
                   after={"central_number": central_number, "central_date": central_date, "awarded": sorted(awarded)})
        settle_dossiers(actor=actor, dossier_ids={ln.dossier_id for ln in lines})
    return forwarding

"""Writes to the awards register: recording an award and revoking one, each logged.

Historical imports build many awards at once with ``build_award`` (same checks and snapshot, no
query per row when the caller has resolved the recipients and money tables in bulk).
"""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from accounts.enums import Role
from core.audit import log_action, snapshot
from core.text import clean_text

from ..enums import AwardStatus, CommendationType, SubjectType
from ..models import Award, AwardKind, Initiative
from ..models.register import award_search_text
from .money import MoneyTables

AWARD_FIELDS = [
    "subject_type", "person_id", "unit_id", "household_id", "kind_id", "year", "commendation_type",
    "decision_number", "decision_date", "issuer", "signer", "campaign_id", "initiative_id", "amount",
    "snapshot_unit_id", "snapshot_is_leader", "status",
]
REVOKE_FIELDS = ["status", "revoked_decision_number", "revoked_date", "revoked_reason", "amount_to_recover"]


def _require_staff(actor) -> None:
    if not (actor.is_superuser or actor.role == Role.STAFF):
        raise PermissionDenied


def kind_fits_subject(kind: AwardKind, subject_type: str) -> bool:
    """An individual title is never given to a collective, and so on (catalog ``subjects``)."""
    return kind.allows(subject_type)


def recipient_snapshot(subject_type: str, recipient) -> dict:
    """The recipient's unit, leader status, gender, ethnicity and hardship area, as of now.

    ``recipient.unit`` must be loaded (select_related) when called for many rows.
    """
    if subject_type == SubjectType.INDIVIDUAL:
        unit = recipient.unit
        return {
            "snapshot_unit": unit, "snapshot_is_leader": recipient.is_leader, "snapshot_gender": recipient.gender,
            "snapshot_ethnicity": recipient.ethnicity, "snapshot_hardship": unit.hardship_area,
        }
    if subject_type == SubjectType.COLLECTIVE:
        return {"snapshot_unit": recipient, "snapshot_is_leader": None, "snapshot_hardship": recipient.hardship_area}
    unit = recipient.unit
    return {"snapshot_unit": unit, "snapshot_is_leader": None, "snapshot_hardship": unit.hardship_area}


def build_award(
    *, subject_type: str, recipient, kind: AwardKind, year: int, decision_number: str,
    decision_date: datetime.date, commendation_type: str = CommendationType.CONG_TRANG, issuer: str = "",
    signer: str = "", campaign=None, initiative: Initiative | None = None, tables: MoneyTables | None = None,
) -> Award:
    """An unsaved Award with its amount and snapshot filled; raises ValidationError when the kind
    does not fit the subject type."""
    if not kind_fits_subject(kind, subject_type):
        raise ValidationError({"kind": _("%(kind)s không áp dụng cho đối tượng %(subject)s.") % {
            "kind": kind.code, "subject": SubjectType(subject_type).label}})
    tables = tables or MoneyTables()
    award = Award(
        subject_type=subject_type, kind=kind, year=year, decision_number=clean_text(decision_number),
        decision_date=decision_date, commendation_type=commendation_type, issuer=clean_text(issuer),
        signer=clean_text(signer), campaign=campaign, initiative=initiative,
        amount=tables.amount(kind, subject_type, decision_date),
        **recipient_snapshot(subject_type, recipient),
    )
    setattr(award, {SubjectType.INDIVIDUAL: "person", SubjectType.COLLECTIVE: "unit", SubjectType.HOUSEHOLD: "household"}[subject_type], recipient)
    award.search_text = award_search_text(recipient, award.decision_number, kind.code)  # for bulk_create
    return award


def _check_duplicates(award: Award) -> None:
    same = Award.objects.in_force().filter(kind=award.kind, year=award.year)
    if same.of_recipient(award.recipient).exclude(pk=award.pk).exists():
        raise ValidationError(_("%(who)s đã có %(kind)s năm %(year)s trong sổ khen thưởng.") % {
            "who": award.recipient, "kind": award.kind.code, "year": award.year})
    if award.initiative_id and Award.objects.in_force().filter(initiative=award.initiative).exclude(pk=award.pk).exists():
        raise ValidationError({"initiative": _("Sáng kiến %(code)s đã được dùng cho một khen thưởng khác.") % {
            "code": award.initiative.code}})


def award_record(
    *, actor, subject_type: str, recipient, kind: AwardKind, year: int, decision_number: str,
    decision_date: datetime.date, commendation_type: str = CommendationType.CONG_TRANG, issuer: str = "",
    signer: str = "", campaign=None, initiative: Initiative | None = None, reason: str = "",
) -> Award:
    """Enter one award into the register (staff; the decision service calls it for each line).

    Checks: the kind fits the subject type; the recipient does not already hold the kind for the
    year; an initiative backs at most one award. The amount is computed at the decision date
    (None when no rate is known). Side effect: audit row ``awards.award.record``.
    """
    _require_staff(actor)
    with transaction.atomic():
        award = build_award(
            subject_type=subject_type, recipient=recipient, kind=kind, year=year, decision_number=decision_number,
            decision_date=decision_date, commendation_type=commendation_type, issuer=issuer, signer=signer,
            campaign=campaign, initiative=initiative,
        )
        _check_duplicates(award)
        award.full_clean()
        award.save()
        log_action(actor=actor, action="awards.award.record", obj=award, reason=reason, after=snapshot(award, AWARD_FIELDS))
    return award


def award_revoke(
    *, actor, award: Award, decision_number: str, date: datetime.date, reason: str,
    amount_to_recover: int | None = None,
) -> Award:
    """Revoke an award (Law Art 85): it stays in the register, marked, with the revoking decision
    and the money to recover (the amount paid unless told otherwise). Revoked awards no longer
    count (``Award.objects.in_force()``). Side effect: audit row ``awards.award.revoke``.
    """
    _require_staff(actor)
    decision_number, reason = clean_text(decision_number), clean_text(reason, multiline=True)
    if not decision_number or not reason:
        raise ValidationError(_("Cần số quyết định hủy bỏ và lý do."))
    with transaction.atomic():
        award = Award.objects.select_for_update(of=("self",)).select_related("kind", "person", "unit", "household").get(pk=award.pk)
        if award.status != AwardStatus.IN_FORCE:
            raise ValidationError(_("Khen thưởng này đã bị hủy bỏ trước đó."))
        if date < award.decision_date:
            raise ValidationError({"revoked_date": _("Ngày hủy bỏ không được trước ngày quyết định khen thưởng.")})
        before = snapshot(award, REVOKE_FIELDS)
        award.status = AwardStatus.REVOKED
        award.revoked_decision_number = decision_number
        award.revoked_date = date
        award.revoked_reason = reason
        award.amount_to_recover = award.amount if amount_to_recover is None else amount_to_recover
        award.full_clean()
        award.save(update_fields=[*REVOKE_FIELDS, "updated_at"])
        log_action(actor=actor, action="awards.award.revoke", obj=award, reason=reason, before=before,
                   after=snapshot(award, REVOKE_FIELDS))
    return award

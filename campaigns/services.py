"""Every write to campaigns: one function per lifecycle step, each checked, logged and atomic.

Side effects (e-mail to the users of the units concerned) run after commit.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mass_mail
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.enums import UNIT_ROLES, Role
from core.audit import changes, log_action, snapshot

from . import queries
from .enums import CAMPAIGN_TRANSITIONS, CampaignState, ReviewKind
from .files import validate_document
from .models import Campaign, ContentItem, RegisteredIndividual, Registration, Reminder, Review, Target

CAMPAIGN_FIELDS = [
    "code", "name", "theme", "kind", "scope", "year", "directive_number", "directive_date", "directive_signer",
    "directive_file", "start_date", "end_date", "participation", "participant_kinds", "state",
]


class CampaignError(ValidationError):
    """A lifecycle step or registration the campaign's state or data does not allow."""


def _require_staff(actor) -> None:
    if not (actor.is_superuser or actor.role == Role.STAFF):
        raise PermissionDenied


def _check_transition(campaign: Campaign, new_state: str) -> None:
    if new_state not in CAMPAIGN_TRANSITIONS[CampaignState(campaign.state)]:
        raise CampaignError(
            _("Không thể chuyển phong trào từ “%(old)s” sang “%(new)s”.")
            % {"old": campaign.get_state_display(), "new": CampaignState(new_state).label}
        )


def _locked(campaign: Campaign) -> Campaign:
    return Campaign.objects.select_for_update().get(pk=campaign.pk)


def _notify_units(unit_ids: Iterable[int], subject: str, body: str) -> None:
    """E-mail every active unit user of ``unit_ids`` once the transaction commits."""
    from accounts.models import User

    recipients = list(
        User.objects.filter(unit_id__in=list(unit_ids), role__in=UNIT_ROLES, is_active=True)
        .exclude(email="").values_list("email", flat=True)
    )
    if not recipients:
        return
    messages = [(subject, body, settings.DEFAULT_FROM_EMAIL, [email]) for email in recipients]
    transaction.on_commit(lambda: send_mass_mail(messages, fail_silently=True))


def _validate_new_file(field_file) -> None:
    """Check a file just assigned to a FileField (already stored files were checked on upload)."""
    if field_file and not field_file._committed:
        validate_document(field_file.file)


def campaign_create(*, actor, campaign: Campaign, participants: Iterable = ()) -> Campaign:
    """Create a draft campaign (staff). Side effect: audit ``campaigns.campaign.create``."""
    _require_staff(actor)
    _validate_new_file(campaign.directive_file)
    with transaction.atomic():
        campaign.state = CampaignState.DRAFT
        campaign.full_clean()
        campaign.save()
        campaign.participants.set(list(participants))
        log_action(actor=actor, action="campaigns.campaign.create", obj=campaign, after=snapshot(campaign, CAMPAIGN_FIELDS))
    return campaign


def campaign_update(*, actor, campaign: Campaign, before: dict, participants: Iterable | None = None) -> Campaign:
    """Save edits to a campaign (staff). Participation can change only while it is a draft.

    ``before`` is ``snapshot(campaign, CAMPAIGN_FIELDS)`` taken before the form changed it.
    """
    _require_staff(actor)
    _validate_new_file(campaign.directive_file)
    with transaction.atomic():
        current = _locked(campaign)
        if current.state == CampaignState.CLOSED:
            raise CampaignError(_("Phong trào đã tổng kết, không sửa được."))
        if current.state != CampaignState.DRAFT and (
            campaign.participation != current.participation or campaign.participant_kinds != current.participant_kinds
        ):
            raise CampaignError(_("Chỉ thay đổi đơn vị tham gia khi phong trào còn là dự thảo."))
        campaign.state = current.state
        campaign.full_clean()
        campaign.save()
        if participants is not None and current.state == CampaignState.DRAFT:
            campaign.participants.set(list(participants))
        old, new = changes(before, snapshot(campaign, CAMPAIGN_FIELDS))
        if new:
            log_action(actor=actor, action="campaigns.campaign.update", obj=campaign, before=old, after=new)
    return campaign


def content_item_add(*, actor, campaign: Campaign, text: str) -> ContentItem:
    _require_staff(actor)
    with transaction.atomic():
        current = _locked(campaign)
        if current.state == CampaignState.CLOSED:
            raise CampaignError(_("Phong trào đã tổng kết, không sửa được."))
        order = (current.content_items.order_by("-order").values_list("order", flat=True).first() or 0) + 1
        item = ContentItem(campaign=current, order=order, text=text.strip())
        item.full_clean()
        item.save()
        log_action(actor=actor, action="campaigns.content.add", obj=current, after={"content": item.text})
    return item


def target_add(*, actor, campaign: Campaign, target: Target) -> Target:
    """Add a numeric target (staff) while the campaign is not closed."""
    _require_staff(actor)
    with transaction.atomic():
        current = _locked(campaign)
        if current.state == CampaignState.CLOSED:
            raise CampaignError(_("Phong trào đã tổng kết, không thêm chỉ tiêu được."))
        target.campaign = current
        target.order = (current.targets.order_by("-order").values_list("order", flat=True).first() or 0) + 1
        target.full_clean()
        target.save()
        log_action(actor=actor, action="campaigns.target.add", obj=current,
                   after=snapshot(target, ["indicator", "measure", "target_value"]))
    return target


def campaign_launch(*, actor, campaign: Campaign, reason: str = "") -> Campaign:
    """Draft → launched (staff). Needs the directive number and date and at least one participating
    unit. Side effects: audit ``campaigns.campaign.launch``; e-mail to the participating units' users."""
    _require_staff(actor)
    with transaction.atomic():
        current = _locked(campaign)
        _check_transition(current, CampaignState.LAUNCHED)
        missing = []
        if not current.directive_number:
            missing.append(_("số văn bản phát động"))
        if not current.directive_date:
            missing.append(_("ngày văn bản"))
        if not current.start_date:
            missing.append(_("ngày bắt đầu"))
        if missing:
            raise CampaignError(_("Chưa đủ thông tin để phát động: %(fields)s.") % {"fields": ", ".join(missing)})
        unit_ids = list(queries.participating_units(current).values_list("pk", flat=True))
        if not unit_ids:
            raise CampaignError(_("Phong trào chưa có đơn vị tham gia."))
        current.state = CampaignState.LAUNCHED
        current.launched_at = timezone.now()
        current.save(update_fields=["state", "launched_at", "updated_at"])
        log_action(actor=actor, action="campaigns.campaign.launch", obj=current, reason=reason,
                   before={"state": CampaignState.DRAFT}, after={"state": current.state, "units": len(unit_ids)})
        _notify_units(
            unit_ids,
            _("Phát động phong trào: %(name)s") % {"name": current.name},
            _("%(name)s đã được phát động theo văn bản số %(number)s. Đề nghị đơn vị đăng ký thi đua trên hệ thống.")
            % {"name": current.name, "number": current.directive_number},
        )
    campaign.refresh_from_db()
    return campaign


@dataclass
class TargetResult:
    target: Target
    actual_value: Decimal | None


def _apply_results(current: Campaign, results: Iterable[TargetResult]) -> dict:
    recorded = {}
    for result in results:
        target = result.target
        if target.campaign_id != current.pk:
            raise CampaignError(_("Chỉ tiêu không thuộc phong trào này."))
        if result.actual_value is None:
            continue
        target.actual_value = result.actual_value
        target.achieved = target.is_met_by(result.actual_value)
        target.save(update_fields=["actual_value", "achieved"])
        recorded[str(target.pk)] = {"actual": str(target.actual_value), "achieved": target.achieved}
    return recorded


def _review(*, actor, campaign: Campaign, kind: str, new_state: str, held_on, report_file, summary: str,
            results: Iterable[TargetResult]) -> Review:
    _require_staff(actor)
    if report_file:
        validate_document(report_file)
    with transaction.atomic():
        current = _locked(campaign)
        old_state = current.state
        _check_transition(current, new_state)
        if current.start_date and held_on < current.start_date:
            raise CampaignError(_("Ngày sơ kết, tổng kết không được trước ngày bắt đầu phong trào."))
        review = Review(campaign=current, kind=kind, held_on=held_on, summary=summary)
        if report_file:
            review.report_file = report_file
        review.results = _apply_results(current, results)
        review.full_clean()
        review.save()
        current.state = new_state
        current.save(update_fields=["state", "updated_at"])
        summary_counts = queries.target_counts(current)
        log_action(actor=actor, action=f"campaigns.campaign.{kind}", obj=current,
                   before={"state": old_state},
                   after={"state": new_state, "held_on": held_on, "targets_met": summary_counts["met"],
                          "targets_total": summary_counts["total"]})
    campaign.refresh_from_db()
    return review


def campaign_review_midterm(*, actor, campaign: Campaign, held_on, report_file=None, summary: str = "",
                            results: Iterable[TargetResult] = ()) -> Review:
    """Launched → mid-term reviewed (staff): records the review and the target results so far."""
    return _review(actor=actor, campaign=campaign, kind=ReviewKind.MIDTERM, new_state=CampaignState.MIDTERM_REVIEWED,
                   held_on=held_on, report_file=report_file, summary=summary, results=results)


def campaign_close(*, actor, campaign: Campaign, held_on, report_file=None, summary: str = "",
                   results: Iterable[TargetResult] = ()) -> Review:
    """Launched or mid-term reviewed → closed (staff): the final review with the target results."""
    return _review(actor=actor, campaign=campaign, kind=ReviewKind.FINAL, new_state=CampaignState.CLOSED,
                   held_on=held_on, report_file=report_file, summary=summary, results=results)


def can_register_for(actor, unit) -> bool:
    if actor.is_superuser or actor.role == Role.STAFF:
        return True
    return actor.role in UNIT_ROLES and actor.unit_id == unit.pk


def registration_submit(*, actor, campaign: Campaign, unit, collective_kind=None, individuals: Iterable = (),
                        note: str = "") -> Registration:
    """Register ``unit`` under an open campaign (its own users, or staff), replacing an earlier entry.

    ``individuals``: (person, award kind) pairs; people must belong to the unit or below it.
    Side effect: audit ``campaigns.registration.submit``.
    """
    if not can_register_for(actor, unit):
        raise PermissionDenied
    individuals = list(individuals)
    with transaction.atomic():
        current = _locked(campaign)
        if not current.is_open_for_registration:
            raise CampaignError(_("Phong trào không trong thời gian đăng ký (trạng thái: %(state)s).")
                                % {"state": current.get_state_display()})
        if not queries.participating_units(current).filter(pk=unit.pk).exists():
            raise CampaignError(_("Đơn vị %(unit)s không thuộc diện tham gia phong trào này.") % {"unit": unit.name})
        if collective_kind is not None and not collective_kind.allows("collective"):
            raise CampaignError(_("“%(kind)s” không phải danh hiệu dành cho tập thể.") % {"kind": collective_kind.name})
        seen = set()
        for person, kind in individuals:
            if not person.unit.path.startswith(unit.path):
                raise CampaignError(_("%(person)s không thuộc đơn vị %(unit)s.") % {"person": person.full_name, "unit": unit.name})
            if not kind.allows("individual"):
                raise CampaignError(_("“%(kind)s” không phải danh hiệu dành cho cá nhân.") % {"kind": kind.name})
            if person.pk in seen:
                raise CampaignError(_("%(person)s được kê hai lần.") % {"person": person.full_name})
            seen.add(person.pk)
        registration = Registration.objects.filter(campaign=current, unit=unit).first()
        before = None
        if registration is None:
            registration = Registration(campaign=current, unit=unit)
        else:
            before = {"collective_kind": registration.collective_kind_id,
                      "individuals": sorted(registration.individuals.values_list("person_id", "kind_id"))}
        registration.collective_kind = collective_kind
        registration.note = note.strip()
        registration.registered_by = actor
        registration.full_clean()
        registration.save()
        registration.individuals.all().delete()
        RegisteredIndividual.objects.bulk_create(
            RegisteredIndividual(registration=registration, person=person, kind=kind) for person, kind in individuals
        )
        log_action(actor=actor, action="campaigns.registration.submit", obj=registration, before=before,
                   after={"collective_kind": collective_kind.pk if collective_kind else None,
                          "individuals": sorted((p.pk, k.pk) for p, k in individuals)})
    return registration


def registration_remind(*, actor, campaign: Campaign, units: Iterable | None = None) -> int:
    """Remind units that have not registered (all of them, or ``units`` among them). Staff only.

    Side effects: a ``Reminder`` row per unit, audit ``campaigns.registration.remind``, e-mail to their users.
    Returns the number of units reminded.
    """
    _require_staff(actor)
    with transaction.atomic():
        current = _locked(campaign)
        if not current.is_open_for_registration:
            raise CampaignError(_("Phong trào không trong thời gian đăng ký."))
        pending = queries.unregistered_units(current)
        if units is not None:
            pending = pending.filter(pk__in=[u.pk for u in units])
        unit_ids = list(pending.values_list("pk", flat=True))
        if not unit_ids:
            return 0
        Reminder.objects.bulk_create(Reminder(campaign=current, unit_id=pk, sent_by=actor) for pk in unit_ids)
        log_action(actor=actor, action="campaigns.registration.remind", obj=current, after={"units": unit_ids})
        _notify_units(
            unit_ids,
            _("Nhắc đăng ký thi đua: %(name)s") % {"name": current.name},
            _("Đơn vị chưa đăng ký thi đua theo %(name)s. Đề nghị đăng ký trên hệ thống.") % {"name": current.name},
        )
    return len(unit_ids)


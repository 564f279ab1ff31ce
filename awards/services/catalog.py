"""Staff edits of the catalog and money tables, each logged."""

from django.core.exceptions import PermissionDenied
from django.db import transaction

from accounts.enums import Role
from core.audit import changes, log_action, snapshot

from ..models import AwardKind, BaseSalary, RewardRate

KIND_POLICY_FIELDS = ["name", "is_active", "requires_posting", "vote_threshold", "required_documents", "processing_days", "notes"]


def _require_staff(actor) -> None:
    if not (actor.is_superuser or actor.role == Role.STAFF):
        raise PermissionDenied


def award_kind_update(*, actor, kind: AwardKind, before: dict, reason: str = "") -> AwardKind:
    """Save a kind's name and per-kind policy. Side effect: audit row ``awards.kind.update``."""
    _require_staff(actor)
    with transaction.atomic():
        AwardKind.objects.select_for_update().get(pk=kind.pk)
        kind.full_clean()
        kind.save()
        old, new = changes(before, snapshot(kind, KIND_POLICY_FIELDS))
        if new:
            log_action(actor=actor, action="awards.kind.update", obj=kind, reason=reason, before=old, after=new)
    return kind


def reward_rate_save(*, actor, rate: RewardRate, reason: str = "") -> RewardRate:
    """Create or change a dated coefficient. Side effect: audit row ``awards.rate.save``."""
    _require_staff(actor)
    with transaction.atomic():
        before = snapshot(RewardRate.objects.get(pk=rate.pk)) if rate.pk else None
        rate.full_clean()
        rate.save()
        log_action(actor=actor, action="awards.rate.save", obj=rate, reason=reason, before=before, after=snapshot(rate))
    return rate


def base_salary_save(*, actor, salary: BaseSalary, reason: str = "") -> BaseSalary:
    """Create or change a dated base salary. Side effect: audit row ``awards.base_salary.save``."""
    _require_staff(actor)
    with transaction.atomic():
        before = snapshot(BaseSalary.objects.get(pk=salary.pk)) if salary.pk else None
        salary.full_clean()
        salary.save()
        log_action(actor=actor, action="awards.base_salary.save", obj=salary, reason=reason, before=before, after=snapshot(salary))
    return salary

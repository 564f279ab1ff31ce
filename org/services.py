"""Every write to units, people and households, each logged in the same transaction."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from accounts.enums import Role
from core.audit import changes, log_action, snapshot

from .models import Household, Person, Unit

UNIT_FIELDS = ["code", "name", "kind", "parent_id", "hardship_area", "successor_id", "is_active"]
PERSON_FIELDS = ["code", "full_name", "gender", "birth_date", "ethnicity", "unit_id", "position", "is_leader", "is_active"]
HOUSEHOLD_FIELDS = ["code", "head_name", "address", "unit_id"]


def _check_unit_in_scope(actor, unit: Unit | None) -> None:
    if actor.is_superuser or actor.role == Role.STAFF:
        return
    if actor.role == Role.UNIT_OFFICER and actor.unit_id and unit is not None and unit.is_within(actor.unit):
        return
    raise PermissionDenied


def _check_tree(unit: Unit) -> None:
    parent = unit.parent
    while parent is not None:
        if parent.pk == unit.pk:
            raise ValidationError({"parent": _("Đơn vị cấp trên không được là chính nó hoặc đơn vị cấp dưới của nó.")})
        parent = parent.parent


def _save(obj, *, actor, action: str, fields: list[str], before: dict | None) -> None:
    obj.full_clean()
    obj.save()
    after = snapshot(obj, fields)
    if before is None:
        log_action(actor=actor, action=action, obj=obj, after=after)
    else:
        old, new = changes(before, after)
        if new:
            log_action(actor=actor, action=action, obj=obj, before=old, after=new)


def unit_create(*, actor, unit: Unit) -> Unit:
    """Create a unit (staff only). Side effect: audit row ``org.unit.create``."""
    if not (actor.is_superuser or actor.role == Role.STAFF):
        raise PermissionDenied
    with transaction.atomic():
        _save(unit, actor=actor, action="org.unit.create", fields=UNIT_FIELDS, before=None)
    return unit


def unit_update(*, actor, unit: Unit, before: dict) -> Unit:
    """Save changes to a unit; when its code or parent changed, rebuild the paths below it.

    ``before`` is ``snapshot(unit, UNIT_FIELDS)`` taken before the form changed it.
    """
    if not (actor.is_superuser or actor.role == Role.STAFF):
        raise PermissionDenied
    with transaction.atomic():
        Unit.objects.select_for_update().get(pk=unit.pk)
        _check_tree(unit)
        old_path = Unit.objects.values_list("path", flat=True).get(pk=unit.pk)
        _save(unit, actor=actor, action="org.unit.update", fields=UNIT_FIELDS, before=before)
        if unit.path != old_path:
            for child in Unit.objects.filter(path__startswith=old_path).exclude(pk=unit.pk).order_by("path"):
                child.save(update_fields=["path"])
    return unit


def person_create(*, actor, person: Person) -> Person:
    _check_unit_in_scope(actor, person.unit if person.unit_id else None)
    with transaction.atomic():
        _save(person, actor=actor, action="org.person.create", fields=PERSON_FIELDS, before=None)
    return person


def person_update(*, actor, person: Person, before: dict) -> Person:
    _check_unit_in_scope(actor, person.unit)
    with transaction.atomic():
        Person.objects.select_for_update().get(pk=person.pk)
        _save(person, actor=actor, action="org.person.update", fields=PERSON_FIELDS, before=before)
    return person


def household_create(*, actor, household: Household) -> Household:
    _check_unit_in_scope(actor, household.unit if household.unit_id else None)
    with transaction.atomic():
        _save(household, actor=actor, action="org.household.create", fields=HOUSEHOLD_FIELDS, before=None)
    return household


def household_update(*, actor, household: Household, before: dict) -> Household:
    _check_unit_in_scope(actor, household.unit)
    with transaction.atomic():
        Household.objects.select_for_update().get(pk=household.pk)
        _save(household, actor=actor, action="org.household.update", fields=HOUSEHOLD_FIELDS, before=before)
    return household

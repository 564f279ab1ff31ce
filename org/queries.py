"""Reads of units, people and households, always through the user's scope."""

from django.db.models import QuerySet

from accounts.enums import Role
from core.text import filter_search

from .models import Household, Person, Unit

# Roles that read the whole province.
PROVINCE_READERS = {Role.STAFF, Role.VIEWER}


def sees_whole_province(user) -> bool:
    return user.is_superuser or user.role in PROVINCE_READERS


def units_in_scope(user) -> QuerySet[Unit]:
    """Every unit for province readers; a unit user's own unit and its subtree; nothing otherwise."""
    if sees_whole_province(user):
        return Unit.objects.all()
    if user.is_unit_user and user.unit_id:
        return Unit.objects.filter(path__startswith=user.unit.path)
    return Unit.objects.none()


def persons_in_scope(user) -> QuerySet[Person]:
    if sees_whole_province(user):
        return Person.objects.all()
    if user.is_unit_user and user.unit_id:
        return Person.objects.filter(unit__path__startswith=user.unit.path)
    return Person.objects.none()


def households_in_scope(user) -> QuerySet[Household]:
    if sees_whole_province(user):
        return Household.objects.all()
    if user.is_unit_user and user.unit_id:
        return Household.objects.filter(unit__path__startswith=user.unit.path)
    return Household.objects.none()


def unit_list(user, *, q: str = "", kind: str = "", parent: Unit | None = None) -> QuerySet[Unit]:
    qs = filter_search(units_in_scope(user), q).select_related("parent", "successor")
    if kind:
        qs = qs.filter(kind=kind)
    if parent is not None:
        qs = qs.filter(path__startswith=parent.path)
    return qs.order_by("path")


def person_list(user, *, q: str = "", unit: Unit | None = None, leader: str = "") -> QuerySet[Person]:
    qs = filter_search(persons_in_scope(user), q).select_related("unit")
    if unit is not None:
        qs = qs.filter(unit__path__startswith=unit.path)
    if leader in ("co", "khong"):
        qs = qs.filter(is_leader=leader == "co")
    return qs.order_by("full_name", "code")


def household_list(user, *, q: str = "", unit: Unit | None = None) -> QuerySet[Household]:
    qs = filter_search(households_in_scope(user), q).select_related("unit")
    if unit is not None:
        qs = qs.filter(unit__path__startswith=unit.path)
    return qs.order_by("head_name", "code")

"""Who may do what with a group-year: staff manage everything; users of the head unit manage their
group-year; the deputy unit's users help verify scores; member units' users see their own sheet."""

from accounts.enums import UNIT_ROLES, Role

from .models import GroupYear


def is_staff(user) -> bool:
    return bool(user.is_superuser or user.role == Role.STAFF)


def is_manager(user, group_year: GroupYear) -> bool:
    if is_staff(user):
        return True
    return user.role in UNIT_ROLES and bool(user.unit_id) and user.unit_id == group_year.head_id


def is_verifier(user, group_year: GroupYear) -> bool:
    if is_manager(user, group_year):
        return True
    return user.role in UNIT_ROLES and bool(user.unit_id) and user.unit_id == group_year.deputy_id


def member_unit_id(user, group_year: GroupYear, member_ids: set[int] | None = None) -> int | None:
    """The user's unit when it is a member of the group-year (unit roles only)."""
    if user.role not in UNIT_ROLES or not user.unit_id:
        return None
    if member_ids is None:
        member_ids = set(group_year.memberships.values_list("unit_id", flat=True))
    return user.unit_id if user.unit_id in member_ids else None


def can_read(user, group_year: GroupYear, member_ids: set[int] | None = None) -> bool:
    if is_verifier(user, group_year) or user.role == Role.VIEWER:
        return True
    return member_unit_id(user, group_year, member_ids) is not None

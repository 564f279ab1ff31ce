"""Writes to user accounts, each logged with the actor."""

from django.core.exceptions import PermissionDenied
from django.db import transaction

from core.audit import changes, log_action, snapshot

from .enums import Role
from .models import User

USER_FIELDS = ["username", "full_name", "email", "role", "unit_id", "position", "is_active", "is_council_chair"]


def _require_staff(actor) -> None:
    if not (actor.is_superuser or actor.role == Role.STAFF):
        raise PermissionDenied


def user_create(*, actor, user: User, password: str) -> User:
    """Create an account (staff only). Staff accounts may use the admin for reference data."""
    _require_staff(actor)
    with transaction.atomic():
        user.is_staff = user.role == Role.STAFF
        user.set_password(password)
        user.full_clean()
        user.save()
        log_action(actor=actor, action="accounts.user.create", obj=user, after=snapshot(user, USER_FIELDS))
    return user


def user_update(*, actor, user: User, before: dict, password: str = "") -> User:
    _require_staff(actor)
    with transaction.atomic():
        User.objects.select_for_update().get(pk=user.pk)
        user.is_staff = user.role == Role.STAFF or user.is_superuser
        if password:
            user.set_password(password)
        user.full_clean()
        user.save()
        old, new = changes(before, snapshot(user, USER_FIELDS))
        if password:
            new["password"] = "••• (đã đặt lại)"
        if new:
            log_action(actor=actor, action="accounts.user.update", obj=user, before=old, after=new)
    return user

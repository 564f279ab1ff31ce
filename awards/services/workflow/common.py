"""Helpers shared by the workflow, council and decision services."""

from collections.abc import Iterable
from contextvars import ContextVar

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.enums import Role
from accounts.models import User
from core.audit import log_action
from core.notifications import notify

from ...enums_workflow import DossierState, can_transition
from ...models import Dossier

# Set by the demo loader: in-app notifications only, no e-mail (captured when a change is queued).
quiet_email: ContextVar[bool] = ContextVar("quiet_email", default=False)


class WorkflowError(ValidationError):
    """A refused workflow action, with the Vietnamese reasons to show the user."""


def require_staff(actor) -> None:
    if not (actor.is_superuser or actor.role == Role.STAFF):
        raise PermissionDenied


def require_unit_user(actor, unit, *, head: bool = False) -> None:
    """The actor is an officer (or, with ``head``, the head) of ``unit`` or a unit above it."""
    roles = {Role.UNIT_HEAD} if head else {Role.UNIT_OFFICER, Role.UNIT_HEAD}
    if actor.role in roles and actor.unit_id and unit.is_within(actor.unit):
        return
    raise PermissionDenied


def lock_dossier(dossier: Dossier) -> Dossier:
    """Re-read the dossier under a row lock (call inside ``transaction.atomic``)."""
    return Dossier.objects.select_for_update(of=("self",)).select_related("unit").get(pk=dossier.pk)


def move(dossier: Dossier, target: str, *, actor, action: str, reason: str = "", extra_fields=(), before_extra=None) -> None:
    """Apply one allowed transition to a locked dossier, save and log it."""
    source = dossier.state
    if not can_transition(source, target):
        raise WorkflowError(
            _("Không thể chuyển hồ sơ từ trạng thái “%(src)s” sang “%(dst)s” (hồ sơ có thể vừa được người khác xử lý).")
            % {"src": DossierState(source).label, "dst": DossierState(target).label}
        )
    dossier.state = target
    dossier.state_changed_at = timezone.now()
    dossier.full_clean()
    dossier.save(update_fields=["state", "state_changed_at", "updated_at", *extra_fields])
    before = {"state": source, **(before_extra or {})}
    after = {"state": target, **{f: getattr(dossier, f) for f in extra_fields}}
    log_action(actor=actor, action=action, obj=dossier, reason=reason, before=before, after=after)


def notify_after_commit(users: Iterable[User], text: str, url: str = "") -> None:
    """In-app notification and e-mail to ``users`` once the transaction commits."""
    recipients = [u for u in users if u is not None and u.is_active]
    with_email = not quiet_email.get()

    def send():
        for user in recipients:
            notify(user, text, url)
        emails = [u.email for u in recipients if u.email] if with_email else []
        if emails:
            send_mail(_("[Thi đua – Khen thưởng] %(text)s") % {"text": text[:80]}, f"{text}\n{url}",
                      settings.DEFAULT_FROM_EMAIL, emails, fail_silently=True)

    transaction.on_commit(send)


def staff_users():
    return User.objects.filter(role=Role.STAFF, is_active=True)


def unit_users(unit, *, head_only: bool = False):
    roles = [Role.UNIT_HEAD] if head_only else [Role.UNIT_HEAD, Role.UNIT_OFFICER]
    return User.objects.filter(role__in=roles, unit=unit, is_active=True)

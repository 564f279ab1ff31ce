"""Second factor (TOTP, django-otp): who must use it, and the enrolment and verification services.

Optional per user. Staff can make it mandatory for staff and council members with the policy
parameter ``security.totp_mandatory`` (``awards.policy``; page ``awards:security-policy``).
The flag is read through the app registry (this app sits left of ``awards`` and does not import
it). It is read on each request of a staff or council user without an authenticator (one
indexed query, the same on every request, so page query counts stay constant; a cache would be
stale on other web machines after a change).
"""

from django.apps import apps
from django.conf import settings
from django.db import transaction
from django_otp import devices_for_user
from django_otp.plugins.otp_totp.models import TOTPDevice

from core.audit import log_action

from .enums import Role

POLICY_KEY = "security.totp_mandatory"
MANDATORY_ROLES = {Role.STAFF, Role.COUNCIL_MEMBER}


def is_mandatory() -> bool:
    value = settings.OTP_MANDATORY_DEFAULT
    try:
        model = apps.get_model("awards", "PolicyParameter")
    except LookupError:
        return bool(value)
    stored = model.objects.filter(key=POLICY_KEY).values_list("value", flat=True).first()
    return bool(value if stored is None else stored)


def forget_policy() -> None:
    """Kept for callers: nothing is cached any more."""


def must_use_otp(user) -> bool:
    return user.is_authenticated and user.role in MANDATORY_ROLES and is_mandatory()


def confirmed_device(user):
    return next(iter(devices_for_user(user, confirmed=True)), None)


def has_confirmed_device(user) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def otp_enrol_start(*, actor) -> TOTPDevice:
    """The user's pending (unconfirmed) authenticator, created when missing."""
    with transaction.atomic():
        device = TOTPDevice.objects.select_for_update().filter(user=actor, confirmed=False).first()
        if device is None:
            device = TOTPDevice.objects.create(user=actor, name="Ứng dụng xác thực", confirmed=False)
    return device


def otp_enrol_confirm(*, actor, token: str) -> TOTPDevice | None:
    """Confirm the pending authenticator with a code from it; None when the code is wrong.

    Side effect: audit row ``accounts.otp.enrol``; other authenticators of the user are removed.
    """
    with transaction.atomic():
        device = TOTPDevice.objects.select_for_update().filter(user=actor, confirmed=False).first()
        if device is None or not device.verify_token(token):
            return None
        TOTPDevice.objects.filter(user=actor).exclude(pk=device.pk).delete()
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        log_action(actor=actor, action="accounts.otp.enrol", obj=actor, after={"totp": True})
    return device


def otp_disable(*, actor) -> None:
    """Remove the user's authenticators (refused by the view when the policy requires one)."""
    with transaction.atomic():
        TOTPDevice.objects.filter(user=actor).delete()
        log_action(actor=actor, action="accounts.otp.disable", obj=actor, before={"totp": True}, after={"totp": False})


def otp_uri(device: TOTPDevice) -> str:
    return device.config_url


def qr_svg(device: TOTPDevice) -> str:
    """The provisioning URI as an inline SVG QR code (no script, no external image)."""
    import segno

    return segno.make(otp_uri(device), error="m").svg_inline(scale=4, dark="#000", light="#fff", omitsize=False)

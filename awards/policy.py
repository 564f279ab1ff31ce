"""Province policy parameters: defaults from ../shared/domain, overridden by staff as data.

Each default names where it comes from. Values marked UNCONFIRMED in the law fact sheet are
defaults a province is expected to check and set.
"""

from dataclasses import dataclass
from typing import Any

from django.db import transaction

from core.audit import log_action


@dataclass(frozen=True)
class ParamSpec:
    default: Any
    description: str
    legal_basis: str = ""


DEFAULTS: dict[str, ParamSpec] = {
    "money.collective_multiplier_order": ParamSpec(
        "2.0", "Hệ số nhân tiền thưởng Huân chương cho tập thể", "Nghị định 152/2025 Điều 51"
    ),
    "money.collective_multiplier_certificate": ParamSpec(
        "2.0", "Hệ số nhân tiền thưởng Bằng khen, Giấy khen cho tập thể (UNCONFIRMED trong NĐ 152)",
        "Nghị định 91/2017 (quy tắc lâu nay)",
    ),
    "money.household_multiplier": ParamSpec(
        "1.5", "Hệ số nhân tiền thưởng cho hộ gia đình", "Nghị định 152/2025"
    ),
}


def load_params() -> dict[str, Any]:
    """Every parameter's value (stored or default), in one query."""
    from .models import PolicyParameter

    values = {key: spec.default for key, spec in DEFAULTS.items()}
    values.update(dict(PolicyParameter.objects.values_list("key", "value")))
    return values


def get_param(key: str) -> Any:
    from .models import PolicyParameter

    row = PolicyParameter.objects.filter(key=key).values_list("value", flat=True).first()
    if row is not None:
        return row
    if key in DEFAULTS:
        return DEFAULTS[key].default
    raise KeyError(key)


def register_defaults(specs: dict[str, ParamSpec]) -> None:
    """Let an area of the app (eligibility, workflow...) declare its own parameters."""
    for key, spec in specs.items():
        DEFAULTS.setdefault(key, spec)


def policy_set(*, actor, key: str, value: Any, reason: str = ""):
    """Store a parameter's value (staff). Side effect: audit row ``awards.policy.set``."""
    from .models import PolicyParameter

    if key not in DEFAULTS:
        raise KeyError(key)
    spec = DEFAULTS[key]
    with transaction.atomic():
        param, created = PolicyParameter.objects.select_for_update().get_or_create(
            key=key, defaults={"value": value, "description": spec.description, "legal_basis": spec.legal_basis}
        )
        old = spec.default if created else param.value
        if not created:
            param.value = value
            param.save(update_fields=["value", "updated_at"])
        log_action(actor=actor, action="awards.policy.set", obj=param, reason=reason,
                   before={"value": old}, after={"value": value})
    return param

"""Staff changes to the eligibility policy parameters: validated here, stored and logged by ``policy_set``."""

from __future__ import annotations

import json
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _

from accounts.enums import Role
from awards.policy import DEFAULTS, policy_set

from .configured import CriteriaError, validate
from .params import CAP_CSTD_CS, CAP_LDTT, CRITERIA_PREFIX, PREFIX, RULE_PERIODS, RULES_DISABLED, TTLDTT_SHARE


def editable_keys() -> list[str]:
    return sorted(k for k in DEFAULTS if k.startswith(PREFIX))


def all_rule_codes() -> set[str]:
    from .params import DEFAULT_CRITERIA
    from .rules import RULES

    codes = {r.code for rules in RULES.values() for r in rules}
    return codes | {f"config.{kind}.{st}" for kind, st in DEFAULT_CRITERIA}


def parse_value(key: str, raw: str) -> Any:
    """The value typed on the policy page (JSON, or empty for "none"), checked for ``key``.

    Raises ``ValidationError`` with a Vietnamese message; nothing is saved on error.
    """
    if key not in editable_keys():
        raise ValidationError(_("Tham số không tồn tại: %(key)s") % {"key": key})
    raw = (raw or "").strip()
    try:
        value = json.loads(raw) if raw else None
    except json.JSONDecodeError as exc:
        raise ValidationError(_("Giá trị không phải JSON hợp lệ (dòng %(line)s, cột %(col)s).") % {"line": exc.lineno, "col": exc.colno}) from None
    number = isinstance(value, int | float) and not isinstance(value, bool)
    if key == TTLDTT_SHARE:
        if not number or not 0 < value <= 1:
            raise ValidationError(_("Tỷ lệ phải là số trong khoảng (0; 1], ví dụ 0.7."))
    elif key in (CAP_CSTD_CS, CAP_LDTT):
        if value is not None and (not number or not 0 <= value <= 100):
            raise ValidationError(_("Trần phải để trống (không giới hạn) hoặc là số phần trăm từ 0 đến 100."))
    elif key == RULES_DISABLED:
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ValidationError(_("Phải là danh sách mã quy tắc, ví dụ [\"d152.art4.hold\"]."))
        unknown = sorted(set(value) - all_rule_codes())
        if unknown:
            raise ValidationError(_("Mã quy tắc không tồn tại: %(codes)s") % {"codes": ", ".join(unknown)})
    elif key == RULE_PERIODS:
        if not isinstance(value, dict):
            raise ValidationError(_("Phải là {mã quy tắc: [từ năm, đến năm hoặc null]}."))
        unknown = sorted(set(value) - all_rule_codes())
        if unknown:
            raise ValidationError(_("Mã quy tắc không tồn tại: %(codes)s") % {"codes": ", ".join(unknown)})
        for code, period in value.items():
            ok = (isinstance(period, list) and len(period) == 2
                  and all(p is None or (isinstance(p, int) and not isinstance(p, bool) and 1990 <= p <= 2100) for p in period)
                  and (None in period or period[0] <= period[1]))
            if not ok:
                raise ValidationError(_("Thời kỳ của %(code)s phải là [từ năm, đến năm hoặc null].") % {"code": code})
    elif key.startswith(CRITERIA_PREFIX):
        subject_type = key.rsplit(".", 1)[1]
        try:
            validate(value, subject_type)
        except CriteriaError as exc:
            raise ValidationError(str(exc)) from None
    return value


def eligibility_param_set(*, actor, key: str, raw_value: str, reason: str):
    """Validate and store one parameter (staff only). Side effect: audit row ``awards.policy.set``."""
    if not (actor.is_superuser or actor.role == Role.STAFF):
        raise PermissionDenied
    if not (reason or "").strip():
        raise ValidationError(_("Hãy nhập lý do thay đổi."))
    value = parse_value(key, raw_value)
    return policy_set(actor=actor, key=key, value=value, reason=reason.strip())

"""Security policy parameters (a province decision, changed by staff, logged)."""

from django.conf import settings

from .policy import ParamSpec, register_defaults

TOTP_MANDATORY = "security.totp_mandatory"

register_defaults({
    TOTP_MANDATORY: ParamSpec(
        settings.OTP_MANDATORY_DEFAULT, "Bắt buộc xác thực hai lớp (TOTP) với cán bộ Sở Nội vụ và thành viên Hội đồng",
        "Quy định bảo mật của tỉnh",
    ),
})

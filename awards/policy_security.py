"""Security policy parameters (a province decision, changed by staff, logged)."""

from .policy import ParamSpec, register_defaults

TOTP_MANDATORY = "security.totp_mandatory"

register_defaults({
    TOTP_MANDATORY: ParamSpec(
        False, "Bắt buộc xác thực hai lớp (TOTP) với cán bộ Sở Nội vụ và thành viên Hội đồng",
        "Quy định bảo mật của tỉnh",
    ),
})

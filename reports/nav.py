from django.urls import reverse
from django.utils.translation import gettext as _

from core.registry import NavItem

from .queries import can_read_reports


def items(user) -> list[NavItem]:
    if not can_read_reports(user):
        return []
    section = _("Báo cáo")
    return [
        NavItem(_("Tổng hợp khen thưởng năm"), reverse("reports:annual"), section, 80),
        NavItem(_("Văn bản đã tạo"), reverse("reports:index"), section, 81),
    ]

from django.urls import reverse
from django.utils.translation import gettext as _

from accounts.enums import Role
from core.registry import NavItem


def items(user) -> list[NavItem]:
    section = _("Xét khen thưởng")
    staff = user.is_superuser or user.role == Role.STAFF
    found = []
    if staff or user.is_unit_user or user.role == Role.VIEWER:
        found.append(NavItem(_("Hồ sơ đề nghị"), reverse("awards:dossier-list"), section, 30))
    if staff:
        found.append(NavItem(_("Công khai lấy ý kiến"), reverse("awards:posting-list"), section, 31))
    if staff or user.role in (Role.COUNCIL_MEMBER, Role.VIEWER):
        found.append(NavItem(_("Hội đồng TĐKT"), reverse("awards:meeting-list"), section, 32))
    if staff or user.role == Role.VIEWER:
        found.append(NavItem(_("Quyết định khen thưởng"), reverse("awards:decision-list"), section, 33))
    return found

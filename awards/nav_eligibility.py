from django.urls import reverse
from django.utils.translation import gettext as _

from accounts.enums import Role
from core.registry import NavItem


def items(user) -> list[NavItem]:
    section = _("Khen thưởng")
    found = []
    if user.is_superuser or user.role in (Role.STAFF, Role.VIEWER):
        found.append(NavItem(_("Điều kiện khen thưởng"), reverse("awards:eligibility-list"), section, 40, "/khen-thuong/dieu-kien/"))
    elif user.is_unit_user and user.unit_id:
        found.append(NavItem(_("Điều kiện khen thưởng"), reverse("awards:eligibility-unit", args=[user.unit.code]), section, 40))
    if user.is_superuser or user.role == Role.STAFF:
        found.append(NavItem(_("Chính sách xét điều kiện"), reverse("awards:eligibility-policy"), _("Danh mục"), 82))
    return found

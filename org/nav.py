from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from accounts.enums import Role
from core.registry import NavItem


def items(user) -> list[NavItem]:
    if not (user.is_superuser or user.role in {Role.STAFF, Role.VIEWER, Role.UNIT_OFFICER, Role.UNIT_HEAD}):
        return []
    section = _("Tổ chức")
    return [
        NavItem(pgettext("menu", "Đơn vị"), reverse("org:unit-list"), section, 20),
        NavItem(pgettext("menu", "Cá nhân"), reverse("org:person-list"), section, 21),
        NavItem(pgettext("menu", "Hộ gia đình"), reverse("org:household-list"), section, 22),
    ]

from django.urls import reverse
from django.utils.translation import gettext as _

from accounts.enums import Role
from core.registry import NavItem


def items(user) -> list[NavItem]:
    if not (user.is_superuser or user.role in {Role.STAFF, Role.VIEWER, Role.UNIT_OFFICER, Role.UNIT_HEAD}):
        return []
    return [NavItem(_("Khối, cụm thi đua"), reverse("blocs:group-list"), _("Thi đua"), 31)]

from django.urls import reverse
from django.utils.translation import gettext as _

from accounts.enums import Role
from core.registry import NavItem


def items(user) -> list[NavItem]:
    if user.is_superuser or user.role == Role.STAFF:
        return [NavItem(_("Chính sách bảo mật"), reverse("awards:security-policy"), _("Quản trị"), 92)]
    return []

from django.urls import reverse
from django.utils.translation import gettext as _

from core.registry import NavItem

from .enums import Role


def items(user) -> list[NavItem]:
    if user.is_superuser or user.role == Role.STAFF:
        return [NavItem(_("Người dùng"), reverse("accounts:user-list"), _("Quản trị"), 90)]
    return []

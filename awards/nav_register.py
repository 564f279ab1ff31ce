from django.urls import reverse
from django.utils.translation import gettext as _

from core.registry import NavItem

from .services.imports import allowed_kinds
from .views.register import REGISTER_READERS


def items(user) -> list[NavItem]:
    section = _("Khen thưởng")
    items = []
    if user.is_superuser or user.role in REGISTER_READERS:
        items.append(NavItem(_("Sổ khen thưởng"), reverse("awards:register-search"), section, 40, active_prefix=reverse("awards:register-search")))
    if allowed_kinds(user):
        items.append(NavItem(_("Nhập dữ liệu"), reverse("awards:import-start"), _("Dữ liệu"), 85, active_prefix=reverse("awards:import-start")))
    return items

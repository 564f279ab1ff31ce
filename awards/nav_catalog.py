from django.urls import reverse
from django.utils.translation import gettext as _

from core.registry import NavItem


def items(user) -> list[NavItem]:
    section = _("Danh mục")
    return [
        NavItem(_("Danh mục khen thưởng"), reverse("awards:kind-list"), section, 80),
        NavItem(_("Lương cơ sở"), reverse("awards:base-salary-list"), section, 81),
    ]

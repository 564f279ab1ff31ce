from django.urls import reverse
from django.utils.translation import gettext as _

from core.registry import NavItem


def items(user) -> list[NavItem]:
    return [NavItem(_("Xác thực hai lớp"), reverse("accounts:otp-setup"), _("Tài khoản"), 95)]

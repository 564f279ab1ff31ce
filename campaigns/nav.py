from django.urls import reverse
from django.utils.translation import gettext as _

from core.registry import NavItem

from .queries import CAMPAIGN_READERS


def items(user) -> list[NavItem]:
    if not (user.is_superuser or user.role in CAMPAIGN_READERS):
        return []
    return [NavItem(_("Phong trào thi đua"), reverse("campaigns:list"), _("Thi đua"), 30)]

from django.urls import reverse
from django.utils.translation import gettext as _

from accounts.enums import UNIT_ROLES, Role
from core.registry import Panel

from . import queries
from .enums import CampaignState
from .models import Registration


def panels(user) -> list[Panel]:
    if not (user.is_superuser or user.role in {Role.STAFF, Role.VIEWER} | UNIT_ROLES):
        return []
    open_campaigns = queries.campaigns_visible_to(user).filter(
        state__in=[CampaignState.LAUNCHED, CampaignState.MIDTERM_REVIEWED]
    )
    url = reverse("campaigns:list")
    figures = [(_("phong trào đang diễn ra"), open_campaigns.count(), url + "?state=launched")]
    if user.role in UNIT_ROLES and user.unit_id:
        pending = [c for c in open_campaigns.order_by("code")[:20]
                   if queries.participating_units(c).filter(pk=user.unit_id).exists()
                   and not Registration.objects.filter(campaign=c, unit_id=user.unit_id).exists()]
        figures.append((_("phong trào đơn vị chưa đăng ký"), len(pending), url))
        rows = [(_("Chưa đăng ký: %(name)s") % {"name": c.name}, c.get_absolute_url()) for c in pending[:5]]
    else:
        rows = [(c.name, c.get_absolute_url()) for c in open_campaigns.order_by("-year", "code")[:5]]
    return [Panel(_("Phong trào thi đua"), figures, order=30, rows=rows)]

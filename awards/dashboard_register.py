"""Dashboard panel of the register: awards of the current year by level and their money."""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from core.registry import Panel

from .enums import Level
from .queries_register import register_totals
from .views.register import REGISTER_READERS


def panels(user) -> list[Panel]:
    if not (user.is_superuser or user.role in REGISTER_READERS):
        return []
    year = timezone.localdate().year
    totals = register_totals(user, year)
    url = reverse("awards:register-search")
    title = (_("Khen thưởng năm %(year)s trong đơn vị") if user.is_unit_user else _("Khen thưởng năm %(year)s toàn tỉnh")) % {"year": year}
    figures = [(_("khen thưởng còn hiệu lực"), totals["count"], f"{url}?year={year}&status=in_force")]
    figures += [(str(label).lower(), totals["by_level"][level], f"{url}?year={year}") for level, label in Level.choices]
    figures.append((_("tổng tiền thưởng (đồng)"), f"{totals['money']:,}".replace(",", "."), f"{url}?year={year}"))
    return [Panel(title, figures, order=30)]

from django.urls import reverse
from django.utils.translation import gettext as _

from core.registry import Panel

from . import queries


def panels(user) -> list[Panel]:
    if not (user.is_superuser or queries.sees_whole_province(user) or user.is_unit_user):
        return []
    title = _("Tổ chức trong phạm vi của bạn") if user.is_unit_user else _("Tổ chức toàn tỉnh")
    return [Panel(title, [
        (_("đơn vị"), queries.units_in_scope(user).count(), reverse("org:unit-list")),
        (_("cá nhân"), queries.persons_in_scope(user).count(), reverse("org:person-list")),
        (_("hộ gia đình"), queries.households_in_scope(user).count(), reverse("org:household-list")),
    ], order=90)]

from django.urls import reverse
from django.utils.translation import gettext as _

from accounts.enums import UNIT_ROLES, Role
from core.registry import Panel

from . import queries
from .enums import GroupYearState
from .models import GroupYear


def panels(user) -> list[Panel]:
    url = reverse("blocs:group-list")
    if user.is_superuser or user.role in {Role.STAFF, Role.VIEWER}:
        scoring = GroupYear.objects.filter(state=GroupYearState.SCORING).count()
        published = GroupYear.objects.filter(state=GroupYearState.PUBLISHED).count()
        return [Panel(_("Khối, cụm thi đua"), [
            (_("khối, cụm"), queries.groups_visible_to(user).count(), url),
            (_("đang chấm điểm"), scoring, url),
            (_("đã công bố, chờ đề nghị"), published, url),
        ], order=60)]
    if user.role in UNIT_ROLES and user.unit_id:
        headed = list(queries.headed_by(user.unit_id)[:5])
        member_of = GroupYear.objects.filter(memberships__unit_id=user.unit_id).select_related("group").order_by("-year")[:5]
        rows = [(_("Trưởng khối: %(gy)s") % {"gy": gy}, gy.get_absolute_url()) for gy in headed]
        rows += [(str(gy), gy.get_absolute_url()) for gy in member_of if gy not in headed]
        if not rows:
            return []
        return [Panel(_("Khối, cụm thi đua của đơn vị"), [(_("khối đơn vị làm trưởng"), len(headed), url)], order=60, rows=rows)]
    return []

"""Work queues on the dashboard: what is waiting for the signed-in user, with counts."""

from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.enums import Role
from core.registry import Panel

from . import queries_workflow as q
from .enums_workflow import PROCESSING_STATES, DossierState
from .services.decisions import decidable_lines, forwardable_lines


def _dossier_url(**params) -> str:
    from urllib.parse import urlencode

    return reverse("awards:dossier-list") + ("?" + urlencode(params) if params else "")


def queue_counts(user) -> dict[str, int]:
    """Counts of the user's queues in one query over their dossiers."""
    today = timezone.localdate()
    return q.dossiers_in_scope(user).aggregate(
        draft=Count("pk", filter=Q(state=DossierState.DRAFT)),
        returned=Count("pk", filter=Q(state=DossierState.RETURNED)),
        submitted=Count("pk", filter=Q(state=DossierState.SUBMITTED)),
        mine=Count("pk", filter=Q(state=DossierState.IN_APPRAISAL, assignee=user)),
        appraised=Count("pk", filter=Q(state__in=[DossierState.APPRAISED, DossierState.POSTED])),
        overdue=Count("pk", filter=Q(state__in=list(PROCESSING_STATES), due_date__lt=today)),
        in_progress=Count("pk", filter=Q(state__in=list(PROCESSING_STATES))),
    )


def panels(user) -> list[Panel]:
    title = _("Việc đang chờ bạn")
    if user.is_superuser or user.role == Role.STAFF:
        c = queue_counts(user)
        return [Panel(title, [
            (_("hồ sơ chờ tiếp nhận"), c["submitted"], _dossier_url(**{"trang-thai": DossierState.SUBMITTED})),
            (_("hồ sơ bạn đang thẩm định"), c["mine"], _dossier_url(viec="cua-toi")),
            (_("hồ sơ chờ công khai / họp Hội đồng"), c["appraised"], reverse("awards:meeting-create")),
            (_("đối tượng chờ ra quyết định"), decidable_lines().count(), reverse("awards:decision-create")),
            (_("đối tượng chờ trình Trung ương"), forwardable_lines().count(), reverse("awards:forwarding-create")),
            (_("hồ sơ quá hạn"), c["overdue"], _dossier_url(viec="qua-han")),
        ], rows=[(_("Quá hạn: %(code)s – %(unit)s (hạn %(due)s)") % {"code": d.code, "unit": d.unit.name, "due": d.due_date.strftime("%d/%m/%Y")},
                  d.get_absolute_url()) for d in q.overdue_dossiers(user).select_related("unit").order_by("due_date")[:5]], order=10)]
    if user.is_unit_user:
        c = queue_counts(user)
        figures = [
            (_("hồ sơ đang soạn") if user.role == Role.UNIT_OFFICER else _("hồ sơ chờ trình"), c["draft"], _dossier_url(**{"trang-thai": DossierState.DRAFT})),
            (_("hồ sơ bị trả lại cần bổ sung"), c["returned"], _dossier_url(**{"trang-thai": DossierState.RETURNED})),
            (_("hồ sơ đang được xét"), c["in_progress"], _dossier_url()),
        ]
        return [Panel(title, figures, order=10)]
    if user.role == Role.COUNCIL_MEMBER:
        meetings = list(q.open_meetings_for(user).order_by("date"))
        return [Panel(title, [(_("phiên họp đang bỏ phiếu"), len(meetings), reverse("awards:meeting-list"))],
                      rows=[(m.title, m.get_absolute_url()) for m in meetings], order=10)]
    if user.role == Role.VIEWER:
        c = queue_counts(user)
        return [Panel(_("Hồ sơ khen thưởng"), [
            (_("hồ sơ đang xét"), c["in_progress"], _dossier_url()),
            (_("hồ sơ quá hạn"), c["overdue"], _dossier_url(viec="qua-han")),
        ], order=10)]
    return []

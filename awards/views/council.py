"""Council meetings: list, creation, attendance, voting, closing, minutes."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.enums import Role
from accounts.permissions import staff_required

from .. import queries_workflow as q
from ..enums_workflow import MeetingState
from ..forms_workflow import MeetingForm, VoteForm
from ..models import AgendaItem, BallotCast, Meeting
from ..services import council as services
from .workflow import run


def _meeting(request, uuid) -> Meeting:
    return get_object_or_404(q.meetings_in_scope(request.user).select_related("chair"), uuid=uuid)


@login_required
def meeting_list(request):
    if not (q.is_staff(request.user) or request.user.role in (Role.COUNCIL_MEMBER, Role.VIEWER)):
        raise PermissionDenied
    meetings = q.meetings_in_scope(request.user).order_by("-date", "-id")[:100]
    return render(request, "awards/workflow/meeting_list.html", {"meetings": meetings})


@staff_required
def meeting_create(request):
    form = MeetingForm(request.POST or None)
    candidates = list(q.lines_ready_for_council())
    if request.method == "POST" and form.is_valid():
        chosen = [ln for ln in candidates if str(ln.pk) in request.POST.getlist("lines")]
        holder = {}

        def act():
            holder["m"] = services.meeting_create(actor=request.user, lines=chosen, **form.cleaned_data)

        if run(request, act, _("Đã tạo phiên họp.")):
            return redirect(holder["m"].get_absolute_url())
    return render(request, "awards/workflow/meeting_form.html", {"form": form, "candidates": candidates})


@login_required
def meeting_detail(request, uuid):
    """The agenda with dossiers, verdicts and public feedback; a member's ballot form per item."""
    meeting = _meeting(request, uuid)
    items = q.agenda_items(meeting)
    seats = list(meeting.seats.select_related("user__unit").order_by("-user__is_council_chair", "user__username"))
    my_seat = next((s for s in seats if s.user_id == request.user.pk), None)
    voted = set(BallotCast.objects.filter(item__meeting=meeting, member=request.user).values_list("item_id", flat=True)) if my_seat else set()
    feedback = q.feedback_for_lines([it.line_id for it in items])
    rows = [{"item": it, "feedback": feedback.get(it.line_id, []), "voted": it.pk in voted,
             "recused": any(u.pk == request.user.pk for u in it.recused.all())} for it in items]
    return render(request, "awards/workflow/meeting_detail.html", {
        "meeting": meeting, "rows": rows, "seats": seats, "my_seat": my_seat, "is_staff": q.is_staff(request.user),
        "vote_form": VoteForm(), "casts": BallotCast.objects.filter(item__meeting=meeting).count(),
    })


@require_POST
@staff_required
def meeting_attendance(request, uuid):
    meeting = _meeting(request, uuid)
    run(request, lambda: services.meeting_set_attendance(actor=request.user, meeting=meeting, present_ids=[i for i in request.POST.getlist("present") if i.isdigit()]),
        _("Đã ghi điểm danh."))
    return redirect(meeting.get_absolute_url())


@require_POST
@staff_required
def meeting_open(request, uuid):
    meeting = _meeting(request, uuid)
    run(request, lambda: services.meeting_open(actor=request.user, meeting=meeting), _("Đã mở biểu quyết."))
    return redirect(meeting.get_absolute_url())


@require_POST
@staff_required
def meeting_close(request, uuid):
    meeting = _meeting(request, uuid)
    run(request, lambda: services.meeting_close(actor=request.user, meeting=meeting), _("Đã kết thúc biểu quyết và lưu kết quả."))
    return redirect(meeting.get_absolute_url())


@require_POST
@login_required
def ballot_cast(request, uuid, item_uuid):
    meeting = _meeting(request, uuid)
    if request.user.role != Role.COUNCIL_MEMBER:
        raise PermissionDenied
    item = get_object_or_404(AgendaItem, meeting=meeting, uuid=item_uuid)
    form = VoteForm(request.POST)
    if form.is_valid():
        run(request, lambda: services.ballot_cast(actor=request.user, item=item, choice=form.cleaned_data["choice"]), _("Đã ghi nhận phiếu của bạn."))
    else:
        messages.error(request, _("Lựa chọn không hợp lệ."))
    return redirect(meeting.get_absolute_url())


@login_required
def meeting_minutes(request, uuid):
    """Printable minutes (biên bản): attendance, quorum, and per item the counts and outcome."""
    meeting = _meeting(request, uuid)
    if meeting.state != MeetingState.CLOSED:
        messages.error(request, _("Biên bản chỉ có sau khi kết thúc biểu quyết."))
        return redirect(meeting.get_absolute_url())
    seats = list(meeting.seats.select_related("user").order_by("-user__is_council_chair", "user__username"))
    return render(request, "awards/workflow/meeting_minutes.html", {"meeting": meeting, "items": q.agenda_items(meeting), "seats": seats})

"""Decisions (draft, preview, issue) and forwarding of state-level lines to the Ministry."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.enums import Role
from accounts.permissions import staff_required

from .. import queries_workflow as q
from ..forms_workflow import DecisionForm, ForwardingForm, OutcomeForm
from ..models import Decision, Forwarding
from ..services import decisions as services
from .workflow import run


def _can_read(user) -> bool:
    return q.is_staff(user) or user.role == Role.VIEWER


@login_required
def decision_list(request):
    if not _can_read(request.user):
        raise PermissionDenied
    return render(request, "awards/workflow/decision_list.html", {
        "decisions": Decision.objects.order_by("-date", "-id")[:100],
        "forwardings": Forwarding.objects.order_by("-date", "-id")[:100],
        "decidable": services.decidable_lines().count() if q.is_staff(request.user) else 0,
        "forwardable": services.forwardable_lines().count() if q.is_staff(request.user) else 0,
    })


@staff_required
def decision_create(request):
    candidates = list(services.decidable_lines())
    form = DecisionForm(request.POST or None, initial={"legal_basis": services.DEFAULT_LEGAL_BASIS})
    if request.method == "POST" and form.is_valid():
        chosen = [ln for ln in candidates if str(ln.pk) in request.POST.getlist("lines")]
        holder = {}

        def act():
            holder["d"] = services.decision_create_draft(actor=request.user, lines=chosen, **form.cleaned_data)

        if run(request, act, _("Đã lập dự thảo quyết định.")):
            return redirect(holder["d"].get_absolute_url())
    return render(request, "awards/workflow/decision_form.html", {"form": form, "candidates": candidates})


@login_required
def decision_detail(request, uuid):
    """The decision with its annex, as it will be issued (preview while draft)."""
    if not _can_read(request.user):
        raise PermissionDenied
    decision = get_object_or_404(Decision, uuid=uuid)
    lines = list(decision.lines.select_related("kind", "person__unit", "unit", "household__unit", "award", "dossier__unit").order_by("dossier_id", "id"))
    from ..services.money import MoneyTables

    tables = MoneyTables()
    rows = [{"line": ln, "amount": ln.award.amount if ln.award_id else tables.amount(ln.kind, ln.subject_type, decision.date)} for ln in lines]
    return render(request, "awards/workflow/decision_detail.html", {
        "decision": decision, "rows": rows, "total": sum(r["amount"] or 0 for r in rows), "is_staff": q.is_staff(request.user)})


@require_POST
@staff_required
def decision_issue(request, uuid):
    decision = get_object_or_404(Decision, uuid=uuid)
    run(request, lambda: services.decision_issue(actor=request.user, decision=decision), _("Đã ban hành quyết định; sổ khen thưởng đã được cập nhật."))
    return redirect(decision.get_absolute_url())


@staff_required
def forwarding_create(request):
    candidates = list(services.forwardable_lines())
    form = ForwardingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        chosen = [ln for ln in candidates if str(ln.pk) in request.POST.getlist("lines")]
        holder = {}

        def act():
            holder["f"] = services.forwarding_create(actor=request.user, lines=chosen, **form.cleaned_data)

        if run(request, act, _("Đã lập tờ trình Trung ương.")):
            return redirect(holder["f"].get_absolute_url())
    return render(request, "awards/workflow/forwarding_form.html", {"form": form, "candidates": candidates})


@login_required
def forwarding_detail(request, uuid):
    if not _can_read(request.user):
        raise PermissionDenied
    forwarding = get_object_or_404(Forwarding, uuid=uuid)
    form = OutcomeForm(request.POST or None)
    if request.method == "POST":
        if not q.is_staff(request.user):
            raise PermissionDenied
        if form.is_valid() and run(request, lambda: services.forwarding_record_outcome(
                actor=request.user, forwarding=forwarding, awarded_line_ids=[i for i in request.POST.getlist("awarded") if i.isdigit()],
                **form.cleaned_data), _("Đã ghi nhận kết quả của Trung ương.")):
            return redirect(forwarding.get_absolute_url())
    lines = list(forwarding.lines.select_related("kind", "person__unit", "unit", "household__unit", "award", "dossier__unit").order_by("id"))
    return render(request, "awards/workflow/forwarding_detail.html", {"forwarding": forwarding, "lines": lines, "form": form, "is_staff": q.is_staff(request.user)})

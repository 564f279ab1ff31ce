"""Official documents rendered inside the request (decision, certificates, minutes, cover letter);
the certificates of a large decision are offered as a background document instead."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from accounts.enums import Role
from accounts.permissions import role_required, staff_required
from awards.models.council import Meeting
from awards.models.decisions import Decision, Forwarding

from . import official, queries, services
from .certificate_layout import positions
from .enums import DocumentFormat, DocumentKind
from .forms import CertificatePositionsForm

LAYOUTS = {"thiet-ke": "designed", "phoi": "blank"}
province_readers = role_required(Role.STAFF, Role.VIEWER)


def _pdf(content: bytes, filename: str, *, attachment: bool = False) -> HttpResponse:
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'{"attachment" if attachment else "inline"}; filename="{filename}"'
    return response


def _layout(request) -> str:
    return LAYOUTS.get(request.GET.get("mau", "thiet-ke"), "designed")


@province_readers
def decision_pdf(request, uuid):
    decision = get_object_or_404(Decision, uuid=uuid)
    return _pdf(official.decision_pdf(decision), f"quyet-dinh-{decision.year}-{decision.pk}.pdf")


@staff_required
def decision_certificates(request, uuid):
    """Every certificate of a decision, one per page (designed layout or the pre-printed blank).

    A decision with more than ``CERTIFICATES_IN_REQUEST`` certificates gets a page offering the
    background rendering instead: its form POSTs here, which queues the document
    (``_queue_certificates``), so no request renders hundreds of pages and a GET queues nothing.
    """
    decision = get_object_or_404(Decision, uuid=uuid)
    if request.method == "POST":
        return _queue_certificates(request, decision)
    layout = _layout(request)
    awards = official.decision_awards(decision)
    count = awards.count()
    if count > official.CERTIFICATES_IN_REQUEST:
        return render(request, "reports/decision_certificates.html", {
            "decision": decision, "count": count, "layout_param": request.GET.get("mau", "thiet-ke"),
            "limit": official.CERTIFICATES_IN_REQUEST,
        })
    content = official.certificates_pdf(awards, layout=layout)
    return _pdf(content, f"bang-khen-{decision.year}-{decision.pk}-{layout}.pdf")


def _queue_certificates(request, decision: Decision):
    """Queue the certificates of a decision as a background document and show its progress page."""
    layout = LAYOUTS.get(request.POST.get("mau", "thiet-ke"), "designed")
    suffix = "" if layout == "designed" else _(" (in trên phôi)")
    document = services.document_request(
        actor=request.user, kind=DocumentKind.CERTIFICATES, format=DocumentFormat.PDF,
        params={"decision": str(decision.uuid), "layout": layout},
        title=_("Bằng khen theo Quyết định số %(number)s") % {"number": decision.number} + suffix,
    )
    return redirect(document.get_absolute_url())


def award_certificate(request, uuid):
    """One award's certificate; unit users for awards in their own subtree."""
    if not request.user.is_authenticated:
        from django.contrib.auth.views import redirect_to_login

        return redirect_to_login(request.get_full_path())
    if not queries.can_read_reports(request.user):
        raise PermissionDenied
    award = get_object_or_404(official.certificate_awards(queries.awards_of(queries.report_scope(request.user))), uuid=uuid)
    return _pdf(official.certificates_pdf([award], layout=_layout(request)), f"bang-khen-{award.uuid}.pdf")


def meeting_minutes(request, uuid):
    """Minutes of a council meeting: staff, viewers and the meeting's own members."""
    if not request.user.is_authenticated:
        from django.contrib.auth.views import redirect_to_login

        return redirect_to_login(request.get_full_path())
    meeting = get_object_or_404(Meeting, uuid=uuid)
    allowed = request.user.is_superuser or request.user.role in {Role.STAFF, Role.VIEWER} or (
        request.user.role == Role.COUNCIL_MEMBER and meeting.seats.filter(user=request.user).exists()
    )
    if not allowed:
        raise PermissionDenied
    return _pdf(official.minutes_pdf(meeting), f"bien-ban-{meeting.date:%Y%m%d}.pdf")


@province_readers
def forwarding_cover_letter(request, uuid):
    forwarding = get_object_or_404(Forwarding, uuid=uuid)
    return _pdf(official.cover_letter_pdf(forwarding), f"to-trinh-{forwarding.pk}.pdf")


@staff_required
def certificate_layout(request):
    """Edit where each field prints on the pre-printed blank (logged)."""
    form = CertificatePositionsForm(request.POST or None, initial_positions=positions())
    if request.method == "POST" and form.is_valid():
        services.certificate_positions_update(actor=request.user, values=form.positions(), reason=request.POST.get("reason", ""))
        messages.success(request, _("Đã lưu vị trí các trường trên phôi."))
        return redirect("reports:certificate-layout")
    return render(request, "reports/certificate_layout.html", {"form": form})

"""Report pages: the annual summary in the browser and generated documents with their progress."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.enums import Role
from accounts.permissions import require_writer

from . import queries, services
from .annual import annual_charts
from .enums import DocumentFormat, DocumentKind, DocumentStatus

MIN_YEAR = 1990


def _reader(request):
    if not queries.can_read_reports(request.user):
        raise PermissionDenied


def _year(value, default: int) -> int:
    try:
        year = int(value)
    except (TypeError, ValueError):
        return default
    return year if MIN_YEAR <= year <= timezone.localdate().year + 1 else default


@login_required
def index(request):
    _reader(request)
    documents = queries.documents_visible_to(request.user)[:30]
    return render(request, "reports/index.html", {
        "documents": documents, "year": timezone.localdate().year,
        "can_request": request.user.role != Role.VIEWER,
    })


@login_required
def annual(request):
    """The year's summary for the user's scope: figures, shares, breakdowns and charts."""
    _reader(request)
    year = _year(request.GET.get("nam"), timezone.localdate().year)
    summary = queries.annual_summary(year, scope=queries.report_scope(request.user))
    return render(request, "reports/annual.html", {
        "s": summary, "charts": annual_charts(summary), "year": year,
        "years": range(timezone.localdate().year, timezone.localdate().year - 10, -1),
        "can_request": request.user.role != Role.VIEWER,
    })


@require_POST
@login_required
def document_create(request):
    """Queue a document (annual PDF/XLSX or the year's award list) and show its progress page."""
    _reader(request)
    require_writer(request.user)
    kind = request.POST.get("kind", DocumentKind.ANNUAL)
    fmt = request.POST.get("format", DocumentFormat.PDF)
    year = _year(request.POST.get("year"), 0)
    if kind not in {DocumentKind.ANNUAL, DocumentKind.AWARD_LIST} or fmt not in DocumentFormat.values or not year:
        messages.error(request, _("Yêu cầu tạo báo cáo không hợp lệ: kiểm tra năm và định dạng."))
        return redirect("reports:annual")
    if kind == DocumentKind.AWARD_LIST:
        fmt = DocumentFormat.PDF
    scope = queries.report_scope(request.user)
    label = DocumentKind(kind).label
    title = f"{label} {year}" + (f" – {scope.name}" if scope else "")
    document = services.document_request(
        actor=request.user, kind=kind, format=fmt, params={"year": year}, title=title, scope_unit=scope,
    )
    return redirect(document.get_absolute_url())


def _document(request, uuid):
    _reader(request)
    return get_object_or_404(queries.documents_visible_to(request.user), uuid=uuid)


@login_required
def document_detail(request, uuid):
    document = _document(request, uuid)
    return render(request, "reports/document_detail.html", _status_context(request, document))


@login_required
def document_status(request, uuid):
    """The progress fragment htmx polls until the document is done or failed."""
    document = _document(request, uuid)
    return render(request, "reports/_document_status.html", _status_context(request, document))


def _status_context(request, document) -> dict:
    return {
        "document": document,
        "can_retry": document.status == DocumentStatus.FAILED and (request.user.is_superuser or request.user.role == Role.STAFF),
        "show_error": request.user.is_superuser or request.user.role == Role.STAFF,
        "can_request": request.user.role != Role.VIEWER,
    }


@login_required
def document_download(request, uuid):
    document = _document(request, uuid)
    if document.status != DocumentStatus.DONE or not document.file:
        raise Http404
    return FileResponse(document.file.open("rb"), as_attachment=True, filename=document.filename)


@require_POST
@login_required
def document_retry(request, uuid):
    document = _document(request, uuid)
    if not (request.user.is_superuser or request.user.role == Role.STAFF):
        raise PermissionDenied
    try:
        document = services.document_retry(actor=request.user, document=document, reason=request.POST.get("reason", ""))
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    return redirect(document.get_absolute_url())


@require_POST
@login_required
def document_regenerate(request, uuid):
    document = _document(request, uuid)
    require_writer(request.user)
    fresh = services.document_regenerate(actor=request.user, document=document)
    messages.success(request, _("Đã yêu cầu tạo lại văn bản; bản trước vẫn được giữ."))
    return redirect(fresh.get_absolute_url())

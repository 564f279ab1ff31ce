"""Web import: pick a kind, download its template, upload, preview with every error against its
row and cell, confirm to write. Large files run in the background with a progress bar."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.xlsx import xlsx_bytes, xlsx_response

from ..forms_register import ImportUploadForm
from ..imports.kinds import SPECS
from ..models import ImportKind, ImportStatus
from ..services import imports as services


def _require_importer(user) -> list[str]:
    kinds = services.allowed_kinds(user)
    if not kinds:
        raise PermissionDenied
    return kinds


@login_required
def import_start(request):
    kinds = _require_importer(request.user)
    form = ImportUploadForm(request.POST or None, request.FILES or None, kinds=kinds)
    if request.method == "POST" and form.is_valid():
        job = services.import_job_create(actor=request.user, kind=form.cleaned_data["kind"], uploaded=form.cleaned_data["file"])
        if job.status == ImportStatus.VALIDATING and not services.is_background(job):
            job = services.import_job_validate(job.pk)
        return redirect(job.get_absolute_url())
    specs = [(kind, ImportKind(kind).label, SPECS[kind]) for kind in kinds]
    jobs = services.jobs_visible_to(request.user)[:20]
    return render(request, "awards/import_start.html", {"form": form, "specs": specs, "jobs": jobs})


@login_required
def import_template(request, kind):
    kinds = _require_importer(request.user)
    if kind not in kinds:
        raise Http404
    spec = SPECS[kind]
    return xlsx_response(xlsx_bytes(spec.headers, [], title=kind), f"mau-nhap-{kind}.xlsx")


def _job(request, uuid):
    _require_importer(request.user)
    return get_object_or_404(services.jobs_visible_to(request.user), uuid=uuid)


def _preview_rows(job):
    """Preview rows with each cell's error message (if any), so the page marks the cell."""
    preview = job.preview if isinstance(job.preview, dict) else {}
    headers = preview.get("headers", [])
    from ..imports.reader import Table

    letters = [Table.letter(i) for i in range(len(headers))]
    by_cell: dict[tuple, list[str]] = {}
    for e in job.errors:
        by_cell.setdefault((e.get("row"), e.get("column")), []).append(e["message"])
    rows = []
    for r in preview.get("rows", []):
        cells = [(value, "; ".join(by_cell.get((r["row"], letters[i]), []))) for i, value in enumerate(r["cells"])]
        rows.append({"row": r["row"], "cells": cells, "bad": any(m for _v, m in cells) or (r["row"], "?") in by_cell})
    return headers, letters, rows


@login_required
def import_detail(request, uuid):
    job = _job(request, uuid)
    headers, letters, rows = _preview_rows(job)
    return render(request, "awards/import_detail.html", {
        "job": job, "headers": list(zip(letters, headers, strict=True)), "rows": rows,
        "file_errors": [e for e in job.errors if not e.get("row")], "stale_days": settings.IMPORT_PREVIEW_DAYS,
    })


@login_required
def import_status(request, uuid):
    job = _job(request, uuid)
    response = render(request, "awards/_import_status.html", {"job": job})
    if not job.is_running:
        response["HX-Refresh"] = "true"
    return response


@require_POST
@login_required
def import_cancel(request, uuid):
    job = _job(request, uuid)
    try:
        services.import_job_cancel(actor=request.user, job=job)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Đã hủy lượt nhập; tệp tạm đã được xóa, không có dòng nào được ghi."))
    return redirect(job.get_absolute_url())


@require_POST
@login_required
def import_confirm(request, uuid):
    job = _job(request, uuid)
    try:
        job = services.import_job_confirm(actor=request.user, job=job)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect(job.get_absolute_url())
    if job.status == ImportStatus.DONE:
        messages.success(request, _("Đã ghi %(n)s dòng.") % {"n": job.rows_written})
    elif job.status == ImportStatus.INVALID:
        messages.error(request, _("Dữ liệu đã thay đổi từ lúc kiểm tra; không có dòng nào được ghi. Xem lỗi bên dưới."))
    return redirect(job.get_absolute_url())

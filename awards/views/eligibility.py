"""Eligibility pages: a subject's verdicts, a unit's eligible people with quota headroom, the
province-wide list with XLSX export, and the staff policy page with its what-if preview.
"""

from __future__ import annotations

import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.enums import Role
from accounts.permissions import role_required, staff_required
from core.models import ActivityLog
from core.text import escape_formula, filter_search
from org.queries import persons_in_scope, units_in_scope

from ..eligibility import cache as verdict_cache
from ..eligibility import queries
from ..eligibility.caps import cap_rows
from ..eligibility.caps_overview import cap_changes
from ..eligibility.engine import kinds_for
from ..eligibility.params import CAP_CSTD_CS, CAP_LDTT, resolve
from ..eligibility.rules import label
from ..eligibility.services import editable_keys, eligibility_param_set, parse_value
from ..enums import SubjectType
from ..models import PolicyParameter

PAGE_SIZE = 50
SUBTREE_LIMIT = 3000  # people; above it the unit page lists one level at a time
READERS = (Role.STAFF, Role.VIEWER, Role.UNIT_OFFICER, Role.UNIT_HEAD)


def _year(request) -> int:
    raw = request.GET.get("nam", "")
    if raw.isdigit() and 1990 <= int(raw) <= 2100:
        return int(raw)
    return timezone.localdate().year


def _all_kinds() -> list[tuple[str, str]]:
    seen = dict.fromkeys(kinds_for(SubjectType.INDIVIDUAL) + kinds_for(SubjectType.COLLECTIVE))
    return [(k, label(k)) for k in seen]


@role_required(*READERS)
def person_eligibility(request, code):
    person = get_object_or_404(persons_in_scope(request.user).select_related("unit"), code=code)
    year = _year(request)
    judgements = queries.subject_judgements(SubjectType.INDIVIDUAL, person, year)
    return render(request, "awards/eligibility/subject.html", {
        "subject": person, "subject_type": SubjectType.INDIVIDUAL, "name": person.full_name, "unit": person.unit,
        "year": year, "judgements": judgements, "hints": [j.hint() for j in judgements if j.hint()],
    })


@role_required(*READERS)
def collective_eligibility(request, code):
    unit = get_object_or_404(units_in_scope(request.user), code=code)
    year = _year(request)
    judgements = queries.subject_judgements(SubjectType.COLLECTIVE, unit, year)
    return render(request, "awards/eligibility/subject.html", {
        "subject": unit, "subject_type": SubjectType.COLLECTIVE, "name": unit.name, "unit": unit,
        "year": year, "judgements": judgements, "hints": [j.hint() for j in judgements if j.hint()],
    })


@role_required(*READERS)
def unit_eligibility(request, code):
    """Who in the unit's subtree is eligible for what this year, with quota headroom."""
    unit = get_object_or_404(units_in_scope(request.user), code=code)
    year = _year(request)
    params = resolve(None)
    persons = persons_in_scope(request.user).filter(unit__path__startswith=unit.path)
    units = units_in_scope(request.user).filter(path__startswith=unit.path)
    # A very large subtree (a whole province) is listed level by level: its own people and its
    # direct sub-units, with links down, so the page never scans tens of thousands of people.
    direct_only = persons.count() > SUBTREE_LIMIT
    children = []
    if direct_only:
        persons = persons.filter(unit=unit)
        units = units.filter(pk=unit.pk) | units.filter(parent=unit)
        children = list(units_in_scope(request.user).filter(parent=unit).order_by("code").values_list("code", "name"))
    # Judging every person of the subtree is the page's whole cost; the verdicts are kept until an
    # audited change commits (see ``eligibility.cache``).
    rows, _hit = verdict_cache.cached("unit", (unit.pk, unit.path, year, direct_only, verdict_cache.scope_of(request.user)), params,
                                      lambda: queries.verdict_rows(persons=persons, units=units, kind_codes=None, year=year,
                                                                   params=params, eligible=True))
    counts = queries.eligible_counts(rows)
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "awards/eligibility/unit.html", {
        "unit": unit, "year": year, "page": page, "counts": [(k, label(k), n) for k, n in counts.items()],
        "caps": cap_rows(unit=unit, year=year, proposed={}, params=params), "direct_only": direct_only,
        "children": children, "limit": SUBTREE_LIMIT,
    })


@role_required(Role.STAFF, Role.VIEWER)
def province_list(request):
    """Every verdict of the province for a year, filterable, paginated, exportable to XLSX."""
    year = _year(request)
    kind = request.GET.get("kind", "")
    kinds = dict(_all_kinds())
    if kind and kind not in kinds:
        kind = ""
    unit_code = request.GET.get("unit", "").strip()
    eligible = {"co": True, "khong": False}.get(request.GET.get("eligible", ""))
    subject_type = request.GET.get("doi_tuong", "")
    q = request.GET.get("q", "")
    persons = filter_search(persons_in_scope(request.user), q)
    units = filter_search(units_in_scope(request.user), q)
    unit = None
    if unit_code:
        unit = units_in_scope(request.user).filter(code=unit_code).first()
        if unit is None:
            messages.error(request, _("Không tìm thấy đơn vị %(code)s.") % {"code": unit_code})
        else:
            persons = persons.filter(unit__path__startswith=unit.path)
            units = units.filter(path__startswith=unit.path)
    if subject_type == SubjectType.INDIVIDUAL:
        units = None
    elif subject_type == SubjectType.COLLECTIVE:
        persons = None
    kind_codes = [kind] if kind else None
    if eligible is None and request.GET.get("format") != "xlsx":
        # Without a yes/no filter only the page's subjects need evaluating.
        page, rows = queries.paged_rows(persons=persons, units=units, kind_codes=kind_codes, year=year,
                                        page_number=request.GET.get("page"))
    else:
        rows = queries.verdict_rows(persons=persons, units=units, kind_codes=kind_codes, year=year, eligible=eligible)
        if request.GET.get("format") == "xlsx":
            return _xlsx(rows, year)
        page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
        rows = page.object_list
    return render(request, "awards/eligibility/province.html", {
        "page": page, "rows": rows, "year": year, "kinds": kinds.items(), "kind": kind, "unit_code": unit_code,
        "eligible": request.GET.get("eligible", ""), "q": q, "doi_tuong": subject_type,
        "subject_types": [(SubjectType.INDIVIDUAL, SubjectType.INDIVIDUAL.label), (SubjectType.COLLECTIVE, SubjectType.COLLECTIVE.label)],
    })


def _xlsx(rows, year: int) -> HttpResponse:
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    ws = wb.create_sheet(_("Điều kiện %(y)s") % {"y": year})
    ws.append([_("Loại đối tượng"), _("Mã"), _("Tên"), _("Mã đơn vị"), _("Đơn vị"), _("Mã khen thưởng"), _("Năm"),
               _("Đủ điều kiện"), _("Lý do chưa đạt"), _("Còn thiếu")])
    for row in rows:
        v = row.verdict
        ws.append([x if isinstance(x, int) else escape_formula(str(x)) for x in (
            SubjectType(v.subject_type).label, v.subject_code, row.name, row.unit_code, row.unit_name, v.award, v.year,
            _("có") if v.eligible else _("không"), "; ".join(row.failed), row.hint)])
    response = HttpResponse(content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    response["Content-Disposition"] = f'attachment; filename="dieu-kien-{year}.xlsx"'
    wb.save(response)
    return response


# --- policy ---------------------------------------------------------------------------------------

def _policy_context(request, *, form_key="", form_value="", form_reason="", error="", preview=None):
    from awards.policy import DEFAULTS

    values = resolve(None)
    params = [(key, DEFAULTS[key], json.dumps(values.get(key), ensure_ascii=False)) for key in editable_keys()]
    stored = PolicyParameter.objects.filter(key__in=editable_keys()).values_list("pk", flat=True)
    entries = (ActivityLog.objects.filter(object_type="awards.policyparameter", object_id__in=[str(pk) for pk in stored])
               .select_related("actor").order_by("-created_at")[:50])
    return {"params": params, "form_key": form_key, "form_value": form_value, "form_reason": form_reason, "error": error,
            "preview": preview, "entries": entries, "year": _year(request)}


@staff_required
def policy(request):
    key = request.GET.get("key", "")
    value = ""
    if key in editable_keys():
        value = json.dumps(resolve(None).get(key), ensure_ascii=False)
    return render(request, "awards/eligibility/policy.html", _policy_context(request, form_key=key, form_value=value))


@staff_required
@require_POST
def policy_save(request):
    key, raw, reason = request.POST.get("key", ""), request.POST.get("value", ""), request.POST.get("reason", "")
    try:
        eligibility_param_set(actor=request.user, key=key, raw_value=raw, reason=reason)
    except ValidationError as exc:
        context = _policy_context(request, form_key=key, form_value=raw, form_reason=reason, error=" ".join(exc.messages))
        return render(request, "awards/eligibility/policy.html", context, status=400)
    messages.success(request, _("Đã lưu tham số %(key)s.") % {"key": key})
    return redirect("awards:eligibility-policy")


@staff_required
@require_POST
def policy_preview(request):
    """What-if: the verdicts that would change with one parameter changed. Saves nothing."""
    key, raw = request.POST.get("key", ""), request.POST.get("value", "")
    raw_year = request.POST.get("nam", "")
    year = int(raw_year) if raw_year.isdigit() and 1990 <= int(raw_year) <= 2100 else timezone.localdate().year
    try:
        value = parse_value(key, raw)
    except ValidationError as exc:
        context = _policy_context(request, form_key=key, form_value=raw, error=" ".join(exc.messages))
        return render(request, "awards/eligibility/policy.html", context, status=400)
    before = resolve(None)
    after = {**before, key: value}
    preview = {"key": key, "year": year}
    if key in (CAP_CSTD_CS, CAP_LDTT):
        preview["caps"] = cap_changes(units=units_in_scope(request.user), year=year, before=before, after=after)
    else:
        preview["result"] = queries.what_if(persons=persons_in_scope(request.user), units=units_in_scope(request.user),
                                            year=year, before=before, after=after)
    template = "awards/eligibility/_preview.html" if request.htmx else "awards/eligibility/policy.html"
    return render(request, template, _policy_context(request, form_key=key, form_value=raw, preview=preview))


@login_required
def my_unit(request):
    """Entry point from the menu: unit users land on their unit, province readers on the list."""
    if request.user.is_unit_user and request.user.unit_id:
        return redirect("awards:eligibility-unit", request.user.unit.code)
    if request.user.is_superuser or request.user.role in (Role.STAFF, Role.VIEWER):
        return redirect("awards:eligibility-list")
    raise PermissionDenied



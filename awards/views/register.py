"""Register pages: search, an entry with its revocation, the award passport of a person or a
collective, and the XLSX export of a search."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.enums import Role
from core.pagination import paginate
from core.xlsx import xlsx_bytes, xlsx_response
from org.models import Household, Person, Unit
from org.queries import units_in_scope

from .. import queries_register as queries
from ..forms_register import RegisterSearchForm, RevokeForm
from ..imports.export import RegisterResource, export_rows
from ..services import register as services
from ..services.evidence import can_write_for_unit

REGISTER_READERS = {Role.STAFF, Role.VIEWER, Role.UNIT_OFFICER, Role.UNIT_HEAD}
EXPORT_LIMIT = 50_000


def require_register_reader(user) -> None:
    if not (user.is_superuser or user.role in REGISTER_READERS):
        raise PermissionDenied


def _can_revoke(user) -> bool:
    return user.is_superuser or user.role == Role.STAFF


def _search(request):
    form = RegisterSearchForm(request.GET or None)
    if not form.is_valid():
        return form, queries.register_search(request.user)
    data = form.cleaned_data
    unit_code = data["unit"].strip()
    unit = units_in_scope(request.user).filter(code=unit_code).first() if unit_code else None
    if unit_code and unit is None:
        form.add_error("unit", _("Không có đơn vị này trong phạm vi của bạn."))
        return form, queries.register_search(request.user).none()
    return form, queries.register_search(
        request.user, q=data["q"], unit=unit, kind=data["kind"].code if data["kind"] else "", year=data["year"],
        decision=data["decision"], status=data["status"])


@login_required
def register_search(request):
    require_register_reader(request.user)
    form, awards = _search(request)
    page = paginate(request, awards)
    return render(request, "awards/register_search.html", {"form": form, "page": page})


@login_required
def register_export(request):
    require_register_reader(request.user)
    _form, awards = _search(request)
    headers, rows = export_rows(RegisterResource(), awards.select_related("campaign", "initiative")[:EXPORT_LIMIT])
    return xlsx_response(xlsx_bytes(headers, rows, title=_("Sổ khen thưởng")), "so-khen-thuong.xlsx")


def _award_in_scope(user, uuid):
    return get_object_or_404(queries.awards_in_scope(user).select_related(
        "kind", "person__unit", "unit", "household__unit", "snapshot_unit", "campaign", "initiative"), uuid=uuid)


@login_required
def register_detail(request, uuid):
    require_register_reader(request.user)
    award = _award_in_scope(request.user, uuid)
    form = RevokeForm() if _can_revoke(request.user) and award.is_in_force else None
    return render(request, "awards/register_detail.html", {"award": award, "form": form})


@require_POST
@login_required
def register_revoke(request, uuid):
    require_register_reader(request.user)
    award = _award_in_scope(request.user, uuid)
    if not _can_revoke(request.user):
        raise PermissionDenied
    form = RevokeForm(request.POST)
    if form.is_valid():
        try:
            services.award_revoke(actor=request.user, award=award, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Đã hủy bỏ khen thưởng; số tiền phải thu hồi đã được ghi."))
            return redirect(award.get_absolute_url())
    return render(request, "awards/register_detail.html", {"award": award, "form": form}, status=400)


@login_required
def passport_person(request, code):
    require_register_reader(request.user)
    try:
        person = queries.person_for_passport(request.user, code)
    except Person.DoesNotExist as exc:
        raise Http404 from exc
    history = queries.person_history(person)
    return render(request, "awards/passport.html", {
        "subject": person, "history": history, "is_person": True, "log": queries.history_log(history),
        "can_write": can_write_for_unit(request.user, person.unit)})


@login_required
def passport_unit(request, code):
    require_register_reader(request.user)
    try:
        unit = queries.unit_for_passport(request.user, code)
    except Unit.DoesNotExist as exc:
        raise Http404 from exc
    history = queries.unit_history(unit)
    return render(request, "awards/passport.html", {
        "subject": unit, "history": history, "is_person": False, "log": queries.history_log(history),
        "can_write": can_write_for_unit(request.user, unit)})


@login_required
def passport_household(request, code):
    require_register_reader(request.user)
    try:
        household = queries.household_for_passport(request.user, code)
    except Household.DoesNotExist as exc:
        raise Http404 from exc
    history = queries.household_history(household)
    return render(request, "awards/passport.html", {"subject": household, "history": history, "is_person": False, "is_household": True,
                                                    "log": queries.history_log(history)})

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from accounts.enums import Role
from core.audit import snapshot
from core.pagination import paginate
from core.xlsx import xlsx_bytes, xlsx_response

from . import exports, queries, services
from .enums import UnitKind
from .forms import HouseholdForm, PersonForm, UnitForm
from .models import Household, Person, Unit

ORG_READERS = {Role.STAFF, Role.VIEWER, Role.UNIT_OFFICER, Role.UNIT_HEAD}


def _require_reader(user) -> None:
    if not (user.is_superuser or user.role in ORG_READERS):
        raise PermissionDenied


def _can_edit_people(user) -> bool:
    return user.is_superuser or user.role in {Role.STAFF, Role.UNIT_OFFICER}


def _can_edit_units(user) -> bool:
    return user.is_superuser or user.role == Role.STAFF


def _save_form(request, form, save, success_url):
    """Run ``save`` for a valid form; turn model validation errors back into form errors."""
    if form.is_valid():
        try:
            obj = save(form.instance)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Đã lưu."))
            return redirect(success_url(obj))
    return None


@login_required
def unit_list(request):
    _require_reader(request.user)
    q = request.GET.get("q", "")
    kind = request.GET.get("kind", "")
    page = paginate(request, queries.unit_list(request.user, q=q, kind=kind))
    return render(request, "org/unit_list.html", {
        "page": page, "q": q, "kind": kind, "kinds": UnitKind.choices,
        "can_edit": _can_edit_units(request.user),
    })


@login_required
def unit_detail(request, code):
    _require_reader(request.user)
    unit = get_object_or_404(queries.units_in_scope(request.user).select_related("parent", "successor"), code=code)
    children = unit.children.order_by("name")
    people_count = Person.objects.filter(unit__path__startswith=unit.path).count()
    return render(request, "org/unit_detail.html", {
        "unit": unit, "children": children, "people_count": people_count,
        "can_edit": _can_edit_units(request.user),
    })


@login_required
def unit_edit(request, code=None):
    if not _can_edit_units(request.user):
        raise PermissionDenied
    unit = get_object_or_404(Unit, code=code) if code else Unit()
    before = snapshot(unit, services.UNIT_FIELDS) if code else None
    form = UnitForm(request.POST or None, instance=unit)
    if request.method == "POST":
        if code:
            def save(u):
                return services.unit_update(actor=request.user, unit=u, before=before)
        else:
            def save(u):
                return services.unit_create(actor=request.user, unit=u)
        response = _save_form(request, form, save, lambda u: u.get_absolute_url())
        if response:
            return response
    return render(request, "org/form.html", {"form": form, "title": _("Sửa đơn vị") if code else _("Thêm đơn vị"), "obj": unit if code else None})


@login_required
def person_list(request):
    _require_reader(request.user)
    q = request.GET.get("q", "")
    leader = request.GET.get("leader", "")
    unit = None
    if request.GET.get("unit"):
        unit = queries.units_in_scope(request.user).filter(code=request.GET["unit"]).first()
    page = paginate(request, queries.person_list(request.user, q=q, unit=unit, leader=leader))
    return render(request, "org/person_list.html", {
        "page": page, "q": q, "leader": leader, "unit": unit, "can_edit": _can_edit_people(request.user),
    })


@login_required
def person_detail(request, code):
    _require_reader(request.user)
    person = get_object_or_404(queries.persons_in_scope(request.user).select_related("unit"), code=code)
    return render(request, "org/person_detail.html", {"person": person, "can_edit": _can_edit_people(request.user)})


@login_required
def person_edit(request, code=None):
    if not _can_edit_people(request.user):
        raise PermissionDenied
    scope = queries.persons_in_scope(request.user)
    person = get_object_or_404(scope, code=code) if code else Person()
    before = snapshot(person, services.PERSON_FIELDS) if code else None
    form = PersonForm(request.POST or None, instance=person, units=queries.units_in_scope(request.user))
    if request.method == "POST":
        if code:
            def save(p):
                return services.person_update(actor=request.user, person=p, before=before)
        else:
            def save(p):
                return services.person_create(actor=request.user, person=p)
        response = _save_form(request, form, save, lambda p: p.get_absolute_url())
        if response:
            return response
    return render(request, "org/form.html", {"form": form, "title": _("Sửa cá nhân") if code else _("Thêm cá nhân"), "obj": person if code else None})


@login_required
def household_list(request):
    _require_reader(request.user)
    q = request.GET.get("q", "")
    page = paginate(request, queries.household_list(request.user, q=q))
    return render(request, "org/household_list.html", {"page": page, "q": q, "can_edit": _can_edit_people(request.user)})


@login_required
def household_edit(request, code=None):
    if not _can_edit_people(request.user):
        raise PermissionDenied
    household = get_object_or_404(queries.households_in_scope(request.user), code=code) if code else Household()
    before = snapshot(household, services.HOUSEHOLD_FIELDS) if code else None
    form = HouseholdForm(request.POST or None, instance=household, units=queries.units_in_scope(request.user))
    if request.method == "POST":
        if code:
            def save(h):
                return services.household_update(actor=request.user, household=h, before=before)
        else:
            def save(h):
                return services.household_create(actor=request.user, household=h)
        response = _save_form(request, form, save, lambda h: h.get_absolute_url())
        if response:
            return response
    return render(request, "org/form.html", {"form": form, "title": _("Sửa hộ gia đình") if code else _("Thêm hộ gia đình"), "obj": household if code else None})


@login_required
def unit_export(request):
    """The unit list as filtered, in the ``units`` import format."""
    _require_reader(request.user)
    units = queries.unit_list(request.user, q=request.GET.get("q", ""), kind=request.GET.get("kind", ""))
    headers, rows = exports.export_rows(exports.UnitResource(), units[: exports.EXPORT_LIMIT])
    return xlsx_response(xlsx_bytes(headers, rows, title=_("Đơn vị")), "don-vi.xlsx")


@login_required
def person_export(request):
    """The person list as filtered, in the ``persons`` import format."""
    _require_reader(request.user)
    unit = None
    if request.GET.get("unit"):
        unit = queries.units_in_scope(request.user).filter(code=request.GET["unit"]).first()
    people = queries.person_list(request.user, q=request.GET.get("q", ""), unit=unit, leader=request.GET.get("leader", ""))
    headers, rows = exports.export_rows(exports.PersonResource(), people[: exports.EXPORT_LIMIT])
    return xlsx_response(xlsx_bytes(headers, rows, title=_("Cá nhân")), "ca-nhan.xlsx")

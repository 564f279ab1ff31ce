"""Evidence pages: fix one year's rating, a discipline or pending hold, or an initiative from a
person's or a collective's award history ("sửa những gì bị trả lại").

Each page loads its subject through the reader's scope (404 outside it), refuses users who may
not write for the subject's unit (403), binds a form and calls one service.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from core.audit import snapshot
from org.queries import persons_in_scope, units_in_scope

from ..enums import SubjectType
from ..forms_evidence import DisciplineForm, InitiativeForm, RatingForm
from ..models import Discipline, Initiative, Rating
from ..services import evidence as services
from .register import require_register_reader


def _writable_person(request, code):
    require_register_reader(request.user)
    person = get_object_or_404(persons_in_scope(request.user).select_related("unit"), code=code)
    if not services.can_write_for_unit(request.user, person.unit):
        raise PermissionDenied
    return person


def _writable_unit(request, code):
    require_register_reader(request.user)
    unit = get_object_or_404(units_in_scope(request.user), code=code)
    if not services.can_write_for_unit(request.user, unit):
        raise PermissionDenied
    return unit


def _posted(request):
    return request.POST if request.method == "POST" else None


def _render(request, template, context, form):
    return render(request, template, {**context, "form": form}, status=400 if form.is_bound else 200)


def _person_back(person) -> str:
    return reverse("awards:passport-person", args=[person.code])


def _unit_back(unit) -> str:
    return reverse("awards:passport-unit", args=[unit.code])


def _changed(form) -> bool:
    """True when a field other than the reason differs from the stored record."""
    return bool(set(form.changed_data) - {"reason"})


def _rating(request, *, subject_type, subject, back_url):
    ratings = Rating.objects.filter(
        **{"person" if subject_type == SubjectType.INDIVIDUAL else "unit": subject}
    )
    if request.method == "POST":
        form = RatingForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            if ratings.filter(year=data["year"], grade=data["grade"]).exists():
                messages.info(request, _("Xếp loại năm %(year)s đã là %(grade)s; không có gì thay đổi.")
                              % {"year": data["year"], "grade": data["grade"]})
                return redirect(back_url)
            try:
                services.rating_set(
                    actor=request.user,
                    subject_type=subject_type,
                    subject=subject,
                    year=data["year"],
                    grade=data["grade"],
                    reason=data["reason"],
                )
            except ValidationError as exc:
                form.add_error(None, exc.messages)
            else:
                messages.success(request, _("Đã ghi xếp loại năm %(year)s.") % {"year": data["year"]})
                return redirect(back_url)
    else:
        raw = request.GET.get("nam", "")
        year = int(raw) if raw.isdigit() else timezone.localdate().year
        current = ratings.filter(year=year).first()
        form = RatingForm(initial={"year": year, "grade": current.grade if current else ""})
    return _render(
        request,
        "awards/evidence/rating_form.html",
        {"subject": subject, "back_url": back_url, "ratings": ratings.order_by("-year")[:20]},
        form,
    )


@login_required
def rating_person(request, code):
    person = _writable_person(request, code)
    return _rating(
        request, subject_type=SubjectType.INDIVIDUAL, subject=person, back_url=_person_back(person)
    )


@login_required
def rating_unit(request, code):
    unit = _writable_unit(request, code)
    return _rating(request, subject_type=SubjectType.COLLECTIVE, subject=unit, back_url=_unit_back(unit))


def _person_form(request, *, person, form, save, success, template, obj=None):
    """The shape of every person-evidence page: GET shows ``form``; a valid POST calls ``save()``
    (one service) and goes back to the award history with ``success()`` as the message. On an
    edit (``obj``), a POST that changes nothing says so and saves nothing."""
    back = _person_back(person)
    if request.method == "POST" and form.is_valid():
        if obj is not None and not _changed(form):
            messages.info(request, _("Không có thay đổi nào để lưu."))
            return redirect(back)
        try:
            save()
        except ValidationError as exc:
            form.add_error(None, exc.messages)
        else:
            messages.success(request, success())
            return redirect(back)
    return _render(request, template, {"subject": person, "back_url": back, "obj": obj}, form)


@login_required
def discipline_create(request, code):
    person = _writable_person(request, code)
    form = DisciplineForm(_posted(request), instance=Discipline(person=person))
    return _person_form(
        request, person=person, form=form, template="awards/evidence/discipline_form.html",
        save=lambda: services.discipline_create(
            actor=request.user, discipline=form.instance, reason=form.cleaned_data["reason"]),
        success=lambda: _("Đã ghi kỷ luật / đang xem xét."),
    )


@login_required
def discipline_edit(request, code, pk):
    person = _writable_person(request, code)
    discipline = get_object_or_404(Discipline.objects.filter(person=person), pk=pk)
    before = snapshot(discipline, services.DISCIPLINE_FIELDS)
    form = DisciplineForm(_posted(request), instance=discipline)
    return _person_form(
        request, person=person, form=form, obj=discipline, template="awards/evidence/discipline_form.html",
        save=lambda: services.discipline_update(
            actor=request.user, discipline=form.instance, before=before, reason=form.cleaned_data["reason"]),
        success=lambda: _("Đã lưu thay đổi kỷ luật / đang xem xét."),
    )


@login_required
def initiative_create(request, code):
    person = _writable_person(request, code)
    form = InitiativeForm(
        _posted(request), instance=Initiative(), author=person, authors_in_scope=persons_in_scope(request.user)
    )
    return _person_form(
        request, person=person, form=form, template="awards/evidence/initiative_form.html",
        save=lambda: services.initiative_create(
            actor=request.user, initiative=form.instance, authors=form.authors(), reason=form.cleaned_data["reason"]),
        success=lambda: _("Đã ghi sáng kiến %(code)s.") % {"code": form.instance.code},
    )


@login_required
def initiative_edit(request, code, initiative_code):
    person = _writable_person(request, code)
    initiative = get_object_or_404(Initiative.objects.filter(authors=person), code=initiative_code)
    before = snapshot(initiative, services.INITIATIVE_FIELDS)
    form = InitiativeForm(
        _posted(request), instance=initiative, author=person, authors_in_scope=persons_in_scope(request.user)
    )
    return _person_form(
        request, person=person, form=form, obj=initiative, template="awards/evidence/initiative_form.html",
        save=lambda: services.initiative_update(
            actor=request.user, initiative=form.instance, before=before, authors=form.authors(),
            reason=form.cleaned_data["reason"]),
        success=lambda: _("Đã lưu thay đổi sáng kiến %(code)s.") % {"code": initiative.code},
    )

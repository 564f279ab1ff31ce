"""Campaign pages: thin views that load within the user's scope, bind a form and call one service."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Prefetch
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.enums import UNIT_ROLES, Role
from accounts.permissions import require_writer
from core.audit import snapshot
from core.pagination import paginate
from org.models import Person, Unit

from . import queries, services
from .enums import CampaignState
from .files import download_name
from .forms import CampaignForm, ContentItemForm, RegistrationForm, ReviewForm, TargetForm
from .models import Campaign, RegisteredIndividual, Review


def _is_staff(user) -> bool:
    return bool(user.is_superuser or user.role == Role.STAFF)


def _require_staff(user) -> None:
    require_writer(user)
    if not _is_staff(user):
        raise PermissionDenied


def _campaign(request, code) -> Campaign:
    return get_object_or_404(queries.campaigns_visible_to(request.user), code=code)


def _errors(request, exc: ValidationError) -> None:
    for message in exc.messages:
        messages.error(request, message)


@login_required
def campaign_list(request):
    if request.user.role not in queries.CAMPAIGN_READERS and not request.user.is_superuser:
        raise PermissionDenied
    q = request.GET.get("q", "")
    state = request.GET.get("state", "")
    year = request.GET.get("year", "")
    page = paginate(request, queries.campaign_list(request.user, q=q, state=state, year=int(year) if year.isdigit() else None))
    return render(request, "campaigns/campaign_list.html", {
        "page": page, "q": q, "state": state, "year": year, "states": CampaignState.choices,
        "can_edit": _is_staff(request.user),
    })


def _own_unit(user, campaign) -> Unit | None:
    """The user's unit when it takes part in ``campaign`` (unit roles only)."""
    if user.role in UNIT_ROLES and user.unit_id:
        return queries.participating_units(campaign).filter(pk=user.unit_id).first()
    return None


@login_required
def campaign_detail(request, code):
    campaign = _campaign(request, code)
    is_staff = _is_staff(request.user)
    sees_all = is_staff or request.user.role == Role.VIEWER or request.user.is_superuser
    own_unit = _own_unit(request.user, campaign)
    registrations = None
    if sees_all:
        registrations = queries.registrations(campaign)
    elif own_unit is not None:
        registrations = queries.registrations(campaign, unit=own_unit)
    return render(request, "campaigns/campaign_detail.html", {
        "campaign": campaign,
        "summary": queries.campaign_summary(campaign),
        "targets": campaign.targets.all(),
        "content_items": campaign.content_items.all(),
        "reviews": campaign.reviews.all(),
        "registrations": registrations,
        "awards": queries.awards_granted(campaign),
        "own_unit": own_unit,
        "own_registration": campaign.registrations.filter(unit=own_unit).first() if own_unit else None,
        "is_staff": is_staff,
        "target_form": TargetForm() if is_staff else None,
        "content_form": ContentItemForm() if is_staff else None,
    })


@login_required
def campaign_edit(request, code=None):
    _require_staff(request.user)
    campaign = get_object_or_404(Campaign, code=code) if code else Campaign()
    before = snapshot(campaign, services.CAMPAIGN_FIELDS) if code else None
    form = CampaignForm(request.POST or None, request.FILES or None, instance=campaign)
    if request.method == "POST" and form.is_valid():
        participants = form.cleaned_data.get("participants") or []
        try:
            if code:
                obj = services.campaign_update(actor=request.user, campaign=form.instance, before=before, participants=participants)
            else:
                obj = services.campaign_create(actor=request.user, campaign=form.instance, participants=participants)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Đã lưu phong trào."))
            return redirect(obj)
    return render(request, "campaigns/campaign_form.html", {
        "form": form, "campaign": campaign if code else None,
        "title": _("Sửa phong trào") if code else _("Thêm phong trào"),
    })


@login_required
def directive_download(request, code):
    campaign = _campaign(request, code)
    if not campaign.directive_file:
        raise Http404
    label = slugify(campaign.directive_number.replace("/", "-")) or "van-ban"
    return FileResponse(campaign.directive_file.open("rb"), as_attachment=True,
                        filename=download_name(campaign.directive_file.name, label))


@login_required
def review_download(request, code, review_id):
    campaign = _campaign(request, code)
    review = get_object_or_404(Review, campaign=campaign, public_id=review_id)
    if not review.report_file:
        raise Http404
    return FileResponse(review.report_file.open("rb"), as_attachment=True,
                        filename=download_name(review.report_file.name, f"{review.kind}-{campaign.code}"))


@require_POST
@login_required
def target_add(request, code):
    _require_staff(request.user)
    campaign = get_object_or_404(Campaign, code=code)
    form = TargetForm(request.POST)
    if form.is_valid():
        try:
            services.target_add(actor=request.user, campaign=campaign, target=form.instance)
            messages.success(request, _("Đã thêm chỉ tiêu."))
        except ValidationError as exc:
            _errors(request, exc)
    else:
        for field, errs in form.errors.items():
            for e in errs:
                messages.error(request, f"{form.fields[field].label if field in form.fields else ''}: {e}")
    return redirect(campaign)


@require_POST
@login_required
def content_add(request, code):
    _require_staff(request.user)
    campaign = get_object_or_404(Campaign, code=code)
    form = ContentItemForm(request.POST)
    if form.is_valid():
        try:
            services.content_item_add(actor=request.user, campaign=campaign, text=form.cleaned_data["text"])
        except ValidationError as exc:
            _errors(request, exc)
    else:
        messages.error(request, _("Nội dung không được để trống."))
    return redirect(campaign)


@require_POST
@login_required
def campaign_launch(request, code):
    _require_staff(request.user)
    campaign = get_object_or_404(Campaign, code=code)
    try:
        services.campaign_launch(actor=request.user, campaign=campaign)
        messages.success(request, _("Đã phát động phong trào và thông báo tới các đơn vị tham gia."))
    except ValidationError as exc:
        _errors(request, exc)
    return redirect(campaign)


@login_required
def campaign_review(request, code, kind):
    _require_staff(request.user)
    campaign = get_object_or_404(Campaign, code=code)
    targets = list(campaign.targets.all())
    form = ReviewForm(request.POST or None, request.FILES or None, targets=targets)
    if request.method == "POST" and form.is_valid():
        service = services.campaign_review_midterm if kind == "midterm" else services.campaign_close
        try:
            service(actor=request.user, campaign=campaign, held_on=form.cleaned_data["held_on"],
                    report_file=form.cleaned_data.get("report_file"), summary=form.cleaned_data["summary"],
                    results=[services.TargetResult(t, v) for t, v in form.results()])
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Đã ghi nhận sơ kết.") if kind == "midterm" else _("Đã tổng kết phong trào."))
            return redirect(campaign)
    title = _("Sơ kết phong trào") if kind == "midterm" else _("Tổng kết phong trào")
    return render(request, "campaigns/review_form.html", {"form": form, "campaign": campaign, "title": title})


@login_required
def registration_edit(request, code):
    """The user's own unit registers (staff may register any participating unit with ``?unit=CODE``)."""
    require_writer(request.user)
    campaign = _campaign(request, code)
    if _is_staff(request.user) and request.GET.get("unit"):
        unit = get_object_or_404(queries.participating_units(campaign), code=request.GET["unit"])
    else:
        unit = _own_unit(request.user, campaign)
        if unit is None:
            raise Http404
    current = (
        campaign.registrations.filter(unit=unit)
        .prefetch_related(Prefetch("individuals", queryset=RegisteredIndividual.objects.all()))
        .first()
    )
    people = Person.objects.filter(unit__path__startswith=unit.path, is_active=True).order_by("full_name", "code")
    form = RegistrationForm(
        request.POST or None,
        collective_kinds=queries.title_kinds("collective"),
        individual_kinds=list(queries.title_kinds("individual")),
        people=people, current=current,
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.registration_submit(
                actor=request.user, campaign=campaign, unit=unit, collective_kind=form.cleaned_data["collective_kind"],
                individuals=form.individuals(), note=form.cleaned_data["note"],
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Đã đăng ký thi đua cho %(unit)s.") % {"unit": unit.name})
            return redirect(campaign)
    return render(request, "campaigns/registration_form.html", {"form": form, "campaign": campaign, "unit": unit})


@login_required
def participants(request, code):
    """Staff: every participating unit with whether it registered and when it was last reminded."""
    if not (_is_staff(request.user) or request.user.role == Role.VIEWER):
        raise PermissionDenied
    campaign = get_object_or_404(Campaign, code=code)
    status = request.GET.get("status", "")
    units = queries.participants_with_status(campaign).select_related("parent")
    if status == "chua":
        units = units.filter(is_registered=False)
    elif status == "da":
        units = units.filter(is_registered=True)
    page = paginate(request, units)
    return render(request, "campaigns/participants.html", {
        "campaign": campaign, "page": page, "status": status, "summary": queries.campaign_summary(campaign),
        "can_remind": _is_staff(request.user) and campaign.is_open_for_registration,
    })


@require_POST
@login_required
def remind(request, code):
    _require_staff(request.user)
    campaign = get_object_or_404(Campaign, code=code)
    try:
        count = services.registration_remind(actor=request.user, campaign=campaign)
        messages.success(request, _("Đã nhắc %(n)s đơn vị chưa đăng ký.") % {"n": count})
    except ValidationError as exc:
        _errors(request, exc)
    return redirect("campaigns:participants", code=campaign.code)

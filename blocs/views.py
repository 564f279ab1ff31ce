"""Bloc and cluster pages: scoped loading (404 outside the group), one service per POST."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import NoReverseMatch
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.permissions import require_writer
from campaigns.files import download_name
from core.pagination import paginate
from org.models import Unit

from . import queries, services
from .enums import GroupKind, GroupYearState
from .forms import (
    AgreementForm,
    CriterionForm,
    GroupForm,
    LeadersForm,
    MembersForm,
    ScoringOpenForm,
    SheetForm,
    SignForm,
    VoteForm,
    YearStartForm,
)
from .models import AgreementSignature, GroupYear
from .permissions import can_read, is_manager, is_staff, is_verifier, member_unit_id


def _errors(request, exc: ValidationError) -> None:
    for message in exc.messages:
        messages.error(request, message)


def _form_errors(request, form) -> None:
    for field, errs in form.errors.items():
        label = form.fields[field].label if field in form.fields else ""
        for e in errs:
            messages.error(request, f"{label}: {e}" if label else e)


def _apply(request, ctx: "Ctx", form, act, success: str):
    """The shape of every group-year form POST: validate ``form``, call ``act(cleaned_data)`` (one
    service), say how it went, go back to the group-year page."""
    if not form.is_valid():
        _form_errors(request, form)
        return _back(ctx)
    try:
        act(form.cleaned_data)
    except ValidationError as exc:
        _errors(request, exc)
    else:
        messages.success(request, success)
    return _back(ctx)


class Ctx:
    """A group-year loaded for the request with the user's standing in it."""

    def __init__(self, request, code, year):
        group = get_object_or_404(queries.groups_visible_to(request.user), code=code)
        self.gy = get_object_or_404(GroupYear.objects.select_related("group", "head", "deputy", "proposal_dossier"),
                                    group=group, year=year)
        self.user = request.user
        self.member_ids = set(self.gy.memberships.values_list("unit_id", flat=True))
        if not can_read(request.user, self.gy, self.member_ids):
            raise Http404
        self.manager = is_manager(request.user, self.gy)
        self.verifier = is_verifier(request.user, self.gy)
        self.own_unit_id = member_unit_id(request.user, self.gy, self.member_ids)
        self.staff = is_staff(request.user)

    def require(self, allowed: bool) -> None:
        require_writer(self.user)
        if not allowed:
            raise PermissionDenied

    @property
    def published(self) -> bool:
        return self.gy.state in {GroupYearState.PUBLISHED, GroupYearState.PROPOSED}

    @property
    def sees_ranking(self) -> bool:
        return self.verifier or self.published or self.user.role == "viewer"


def _back(ctx: Ctx):
    return redirect(ctx.gy)


@login_required
def group_list(request):
    q = request.GET.get("q", "")
    kind = request.GET.get("kind", "")
    if not (request.user.is_superuser or request.user.role in {"staff", "viewer", "unit_officer", "unit_head"}):
        raise PermissionDenied
    page = paginate(request, queries.group_list(request.user, q=q, kind=kind))
    headed = list(queries.headed_by(request.user.unit_id)) if request.user.is_unit_user else []
    return render(request, "blocs/group_list.html", {
        "page": page, "q": q, "kind": kind, "kinds": GroupKind.choices, "can_edit": is_staff(request.user), "headed": headed,
    })


@login_required
def group_create(request):
    require_writer(request.user)
    if not is_staff(request.user):
        raise PermissionDenied
    form = GroupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            group = services.group_create(actor=request.user, group=form.instance)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Đã tạo khối, cụm thi đua."))
            return redirect(group)
    return render(request, "blocs/group_form.html", {"form": form})


@login_required
def group_detail(request, code):
    group = get_object_or_404(queries.groups_visible_to(request.user), code=code)
    years = list(queries.years_of(group))
    latest = years[0].year if years else None
    suggested = queries.suggested_rotation(group, latest + 1) if latest else (None, None)
    return render(request, "blocs/group_detail.html", {
        "group": group, "years": years, "suggested_head": suggested[0], "suggested_deputy": suggested[1],
        "next_year": (latest + 1) if latest else None, "can_edit": is_staff(request.user),
        "year_form": YearStartForm(initial={"year": (latest + 1) if latest else 2026}),
    })


@require_POST
@login_required
def year_start(request, code):
    require_writer(request.user)
    if not is_staff(request.user):
        raise PermissionDenied
    group = get_object_or_404(queries.groups_visible_to(request.user), code=code)
    form = YearStartForm(request.POST)
    if not form.is_valid():
        _form_errors(request, form)
        return redirect(group)
    try:
        gy = services.group_year_start(actor=request.user, group=group, year=form.cleaned_data["year"])
    except ValidationError as exc:
        _errors(request, exc)
        return redirect(group)
    messages.success(request, _("Đã mở năm %(year)s.") % {"year": gy.year})
    return redirect(gy)


@login_required
def year_detail(request, code, year):
    ctx = Ctx(request, code, year)
    gy = ctx.gy
    members = queries.member_units(gy)
    signatures = {s.unit_id: s for s in AgreementSignature.objects.filter(group_year=gy)}
    criteria = queries.criteria_of(gy)
    voted = queries.voted_unit_ids(gy)
    totals = queries.live_totals(gy) if ctx.verifier else {}
    dossier_url = None
    if gy.proposal_dossier_id:
        try:
            dossier_url = gy.proposal_dossier.get_absolute_url()
        except NoReverseMatch:
            dossier_url = None
    candidates = [u for u in members if gy.allow_self_vote or u.pk != ctx.own_unit_id]
    return render(request, "blocs/year_detail.html", {
        "ctx": ctx, "gy": gy, "group": gy.group,
        "members": [{"unit": u, "signature": signatures.get(u.pk), "voted": u.pk in voted, "total": totals.get(u.pk),
                     "is_own": u.pk == ctx.own_unit_id} for u in members],
        "criteria": criteria,
        "history": gy.leader_changes.select_related("unit", "assigned_by"),
        "ranking": queries.ranking(gy) if ctx.sees_ranking else None,
        "votes": queries.vote_results(gy) if ctx.published else None,
        "own_voted": ctx.own_unit_id in voted if ctx.own_unit_id else None,
        "own_signed": ctx.own_unit_id in signatures if ctx.own_unit_id else None,
        "dossier_url": dossier_url,
        "members_form": MembersForm(initial={"units": [u.pk for u in members]}) if ctx.staff else None,
        "leaders_form": LeadersForm(members=members, initial={"head": gy.head_id, "deputy": gy.deputy_id}) if ctx.staff else None,
        "agreement_form": AgreementForm(initial={"title": gy.agreement_title, "signed_on": gy.agreement_date}) if ctx.manager else None,
        "sign_form": SignForm(initial={"signer_name": request.user.display_name, "signer_position": request.user.position}),
        "criterion_form": CriterionForm(group_year=gy) if ctx.manager and gy.state == GroupYearState.SETUP else None,
        "scoring_form": ScoringOpenForm() if ctx.manager and gy.state == GroupYearState.SETUP else None,
        "vote_form": VoteForm(candidates=candidates) if ctx.own_unit_id and gy.state == GroupYearState.PUBLISHED else None,
    })


@require_POST
@login_required
def members_set(request, code, year):
    ctx = Ctx(request, code, year)
    ctx.require(ctx.staff)
    return _apply(request, ctx, MembersForm(request.POST), lambda d: services.members_set(
        actor=request.user, group_year=ctx.gy, units=d["units"]), _("Đã cập nhật thành viên."))


@require_POST
@login_required
def leaders_set(request, code, year):
    ctx = Ctx(request, code, year)
    ctx.require(ctx.staff)
    form = LeadersForm(request.POST, members=queries.member_units(ctx.gy))
    return _apply(request, ctx, form, lambda d: services.leaders_set(
        actor=request.user, group_year=ctx.gy, head=d["head"], deputy=d["deputy"], reason=d["reason"]),
        _("Đã phân công trưởng, phó khối."))


@require_POST
@login_required
def agreement_update(request, code, year):
    ctx = Ctx(request, code, year)
    ctx.require(ctx.manager)
    return _apply(request, ctx, AgreementForm(request.POST, request.FILES), lambda d: services.agreement_update(
        actor=request.user, group_year=ctx.gy, title=d["title"], signed_on=d["signed_on"], document=d["document"]),
        _("Đã lưu giao ước."))


@login_required
def agreement_download(request, code, year):
    ctx = Ctx(request, code, year)
    if not ctx.gy.agreement_file:
        raise Http404
    return FileResponse(ctx.gy.agreement_file.open("rb"), as_attachment=True,
                        filename=download_name(ctx.gy.agreement_file.name, f"giao-uoc-{ctx.gy.group.code}-{ctx.gy.year}"))


@require_POST
@login_required
def agreement_sign(request, code, year):
    ctx = Ctx(request, code, year)
    ctx.require(bool(ctx.own_unit_id) or ctx.manager)
    unit_code = request.POST.get("unit")
    if unit_code and ctx.manager:
        unit = get_object_or_404(Unit, code=unit_code, pk__in=ctx.member_ids)
    elif ctx.own_unit_id:
        unit = Unit.objects.get(pk=ctx.own_unit_id)
    else:
        raise PermissionDenied
    return _apply(request, ctx, SignForm(request.POST), lambda d: services.agreement_sign(
        actor=request.user, group_year=ctx.gy, unit=unit, **d),
        _("Đã ghi nhận ký giao ước của %(unit)s.") % {"unit": unit.name})


@require_POST
@login_required
def criterion_add(request, code, year):
    ctx = Ctx(request, code, year)
    ctx.require(ctx.manager)
    return _apply(request, ctx, CriterionForm(request.POST, group_year=ctx.gy), lambda d: services.criterion_add(
        actor=request.user, group_year=ctx.gy, **d), _("Đã thêm tiêu chí."))


@require_POST
@login_required
def scoring_open(request, code, year):
    ctx = Ctx(request, code, year)
    ctx.require(ctx.manager)
    return _apply(request, ctx, ScoringOpenForm(request.POST), lambda d: services.scoring_open(
        actor=request.user, group_year=ctx.gy, deadline=d["deadline"]), _("Đã mở chấm điểm."))


def _sheet_unit(ctx: Ctx, unit_code: str) -> Unit:
    unit = get_object_or_404(Unit, code=unit_code, pk__in=ctx.member_ids)
    if not (ctx.verifier or unit.pk == ctx.own_unit_id or ctx.user.role == "viewer"):
        raise Http404  # members see only their own sheet
    return unit


@login_required
def sheet(request, code, year, unit_code):
    ctx = Ctx(request, code, year)
    unit = _sheet_unit(ctx, unit_code)
    rows = queries.sheet(ctx.gy, unit)
    scoring = ctx.gy.state == GroupYearState.SCORING
    writable = request.user.role != "viewer"
    self_form = SheetForm(rows=rows, mode="self") if scoring and writable and unit.pk == ctx.own_unit_id else None
    verify_form = SheetForm(rows=rows, mode="verify") if scoring and writable and ctx.verifier else None
    total = queries.live_totals(ctx.gy).get(unit.pk)
    return render(request, "blocs/sheet.html", {
        "ctx": ctx, "gy": ctx.gy, "unit": unit, "rows": rows, "self_form": self_form, "verify_form": verify_form,
        "total": total,
    })


def _sheet_post(request, code, year, unit_code, mode):
    ctx = Ctx(request, code, year)
    unit = _sheet_unit(ctx, unit_code)
    ctx.require(unit.pk == ctx.own_unit_id if mode == "self" else ctx.verifier)
    rows = queries.sheet(ctx.gy, unit)
    form = SheetForm(request.POST, rows=rows, mode=mode)
    if form.is_valid():
        try:
            if mode == "self":
                services.self_score_submit(actor=request.user, group_year=ctx.gy, unit=unit, entries=form.entries())
                messages.success(request, _("Đã lưu điểm tự chấm."))
            else:
                services.scores_verify(actor=request.user, group_year=ctx.gy, unit=unit, entries=form.entries())
                messages.success(request, _("Đã thẩm định bảng điểm của %(unit)s.") % {"unit": unit.name})
        except ValidationError as exc:
            _errors(request, exc)
    else:
        _form_errors(request, form)
    return redirect("blocs:sheet", code=code, year=year, unit_code=unit.code)


@require_POST
@login_required
def sheet_self(request, code, year, unit_code):
    return _sheet_post(request, code, year, unit_code, "self")


@require_POST
@login_required
def sheet_verify(request, code, year, unit_code):
    return _sheet_post(request, code, year, unit_code, "verify")


@require_POST
@login_required
def ranking_publish(request, code, year):
    ctx = Ctx(request, code, year)
    ctx.require(ctx.manager)
    try:
        services.ranking_publish(actor=request.user, group_year=ctx.gy)
        messages.success(request, _("Đã công bố xếp hạng."))
    except ValidationError as exc:
        _errors(request, exc)
    return _back(ctx)


@require_POST
@login_required
def vote_cast(request, code, year):
    ctx = Ctx(request, code, year)
    ctx.require(bool(ctx.own_unit_id))
    form = VoteForm(request.POST, candidates=queries.member_units(ctx.gy))
    return _apply(request, ctx, form, lambda d: services.vote_cast(
        actor=request.user, group_year=ctx.gy, voter_unit=Unit.objects.get(pk=ctx.own_unit_id), candidate=d["candidate"]),
        _("Đã ghi nhận phiếu suy tôn."))


@require_POST
@login_required
def proposal_create(request, code, year):
    ctx = Ctx(request, code, year)
    ctx.require(ctx.manager)
    try:
        dossier = services.proposal_create(actor=request.user, group_year=ctx.gy)
    except ValidationError as exc:
        _errors(request, exc)
        return _back(ctx)
    messages.success(request, _("Đã lập hồ sơ đề nghị khen thưởng (dự thảo)."))
    try:
        return redirect(dossier.get_absolute_url())
    except NoReverseMatch:
        return _back(ctx)

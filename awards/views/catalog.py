import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from core.audit import snapshot

from ..enums import Category, Level, SubjectType
from ..forms import AwardKindPolicyForm, BaseSalaryForm, RewardRateForm
from ..models import AwardKind, BaseSalary, RewardRate
from ..services import catalog as services
from ..services.money import MoneyTables


@login_required
def kind_list(request):
    """The catalog with each kind's amount today for every subject type it allows."""
    today = timezone.localdate()
    on = request.GET.get("ngay", "")
    try:
        on_date = datetime.datetime.strptime(on, "%d/%m/%Y").date() if on else today
    except ValueError:
        messages.error(request, _("Ngày không hợp lệ, hãy nhập theo dạng dd/mm/yyyy."))
        on_date = today
    level = request.GET.get("cap", "")
    kinds = AwardKind.objects.order_by("-rank", "code")
    if level:
        kinds = kinds.filter(level=level)
    tables = MoneyTables()
    rows = []
    for kind in kinds:
        amounts = {s: tables.breakdown(kind, s, on_date) for s in kind.subject_types}
        rows.append((kind, [(SubjectType(s).label, amounts[s]) for s in kind.subject_types]))
    return render(request, "awards/kind_list.html", {
        "rows": rows, "on_date": on_date, "levels": Level.choices, "level": level,
        "base_salary": tables.base_salary(on_date), "categories": dict(Category.choices),
    })


@login_required
def kind_detail(request, code):
    kind = get_object_or_404(AwardKind.objects.prefetch_related(Prefetch("rates", RewardRate.objects.order_by("subject", "valid_from"))), code=code)
    is_staff = request.user.is_superuser or request.user.is_staff_role
    form = rate_form = None
    if is_staff:
        before = snapshot(kind, services.KIND_POLICY_FIELDS)
        if request.method == "POST" and request.POST.get("form") == "policy":
            form = AwardKindPolicyForm(request.POST, instance=kind)
            if form.is_valid():
                services.award_kind_update(actor=request.user, kind=form.instance, before=before, reason=form.cleaned_data["reason"])
                messages.success(request, _("Đã lưu chính sách của %(kind)s.") % {"kind": kind.name})
                return redirect(kind.get_absolute_url())
        elif request.method == "POST" and request.POST.get("form") == "rate":
            rate_form = RewardRateForm(request.POST, instance=RewardRate(kind=kind))
            if rate_form.is_valid():
                services.reward_rate_save(actor=request.user, rate=rate_form.instance, reason=rate_form.cleaned_data["reason"])
                messages.success(request, _("Đã thêm hệ số mới."))
                return redirect(kind.get_absolute_url())
        form = form or AwardKindPolicyForm(instance=kind)
        rate_form = rate_form or RewardRateForm()
    return render(request, "awards/kind_detail.html", {"kind": kind, "form": form, "rate_form": rate_form})


@login_required
def base_salary_list(request):
    is_staff = request.user.is_superuser or request.user.is_staff_role
    form = None
    if is_staff:
        form = BaseSalaryForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            services.base_salary_save(actor=request.user, salary=form.instance, reason=form.cleaned_data["reason"])
            messages.success(request, _("Đã thêm mức lương cơ sở."))
            return redirect("awards:base-salary-list")
    elif request.method == "POST":
        raise PermissionDenied
    return render(request, "awards/base_salary_list.html", {"salaries": BaseSalary.objects.all(), "form": form})

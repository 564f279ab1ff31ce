"""Staff switch for the mandatory second factor (policy parameter security.totp_mandatory)."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts import otp
from accounts.permissions import staff_required

from ..policy import get_param, policy_set
from ..policy_security import TOTP_MANDATORY


@staff_required
def security_policy(request):
    return render(request, "awards/security_policy.html", {"mandatory": bool(get_param(TOTP_MANDATORY))})


@staff_required
@require_POST
def security_policy_save(request):
    value = request.POST.get("mandatory") == "on"
    reason = request.POST.get("reason", "").strip()[:500]
    policy_set(actor=request.user, key=TOTP_MANDATORY, value=value, reason=reason)
    otp.forget_policy()
    messages.success(request, _("Đã bật bắt buộc xác thực hai lớp.") if value else _("Đã tắt bắt buộc xác thực hai lớp."))
    return redirect("awards:security-policy")

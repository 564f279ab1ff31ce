"""Second-factor gate: after the password, users with an authenticator must enter a code; staff
and council members without one are sent to enrol when the policy makes it mandatory."""

from urllib.parse import urlencode

from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse

from . import otp

EXEMPT_NAMES = {"accounts:otp-verify", "accounts:otp-setup", "accounts:logout", "core:healthz", "set_language"}


class OTPRequiredMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and not self._exempt(request) and not user.is_verified():
            if otp.has_confirmed_device(user):
                return redirect(f"{reverse('accounts:otp-verify')}?{urlencode({'next': request.get_full_path()})}")
            if otp.must_use_otp(user):
                return redirect("accounts:otp-setup")
        return self.get_response(request)

    @staticmethod
    def _exempt(request) -> bool:
        if request.path.startswith(settings.STATIC_URL):
            return True
        match = request.resolver_match
        if match is None:
            from django.urls import Resolver404, resolve

            try:
                match = resolve(request.path_info)
            except Resolver404:
                return False
        return match.view_name in EXEMPT_NAMES

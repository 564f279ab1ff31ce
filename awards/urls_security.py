"""Routes of the security policy page (mandatory second factor)."""

from django.urls import path

from .views import security

urlpatterns = [
    path("bao-mat/", security.security_policy, name="security-policy"),
    path("bao-mat/luu/", security.security_policy_save, name="security-policy-save"),
]

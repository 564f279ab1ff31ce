"""Optional TOTP second factor, and the staff switch that makes it mandatory for staff and council."""

import pytest
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts import otp
from awards.policy import get_param
from core.models import ActivityLog


@pytest.fixture(autouse=True)
def _fresh_policy_cache():
    otp.forget_policy()
    yield
    otp.forget_policy()


def _code(device) -> str:
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{totp.token():06d}"


def _confirmed(user) -> TOTPDevice:
    return TOTPDevice.objects.create(user=user, name="test", confirmed=True)


@pytest.mark.django_db
def test_enrolment_page_shows_inline_svg_qr(client_for, officer):
    response = client_for(officer).get(reverse("accounts:otp-setup"))

    assert response.status_code == 200
    body = response.content.decode()
    assert "<svg" in body and "<script" not in body.split("<svg", 1)[1].split("</svg>", 1)[0]
    assert TOTPDevice.objects.filter(user=officer, confirmed=False).count() == 1


@pytest.mark.django_db
def test_enrolment_with_the_right_code_confirms_and_logs(client_for, officer):
    c = client_for(officer)
    c.get(reverse("accounts:otp-setup"))
    device = TOTPDevice.objects.get(user=officer)

    response = c.post(reverse("accounts:otp-setup"), {"token": _code(device)})

    assert response.status_code == 302
    device.refresh_from_db()
    assert device.confirmed
    assert ActivityLog.objects.filter(action="accounts.otp.enrol").count() == 1
    assert c.get(reverse("reports:dashboard")).status_code == 200  # verified in this session


@pytest.mark.django_db
def test_enrolment_with_a_wrong_code_changes_nothing(client_for, officer):
    c = client_for(officer)
    c.get(reverse("accounts:otp-setup"))

    response = c.post(reverse("accounts:otp-setup"), {"token": "000000"})
    response2 = c.post(reverse("accounts:otp-setup"), {"token": "abc"})

    assert response.status_code == 400 and response2.status_code == 400
    assert "Mã" in response2.content.decode()
    assert not TOTPDevice.objects.filter(user=officer, confirmed=True).exists()


@pytest.mark.django_db
def test_user_with_device_must_enter_code_after_password(client_for, officer, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0  # (a wrong code otherwise delays the next try; tested below)
    device = _confirmed(officer)
    c = client_for(officer)
    dashboard = reverse("reports:dashboard")

    blocked = c.get(dashboard)
    wrong = c.post(reverse("accounts:otp-verify"), {"token": "123456", "next": dashboard})
    right = c.post(reverse("accounts:otp-verify"), {"token": _code(device), "next": dashboard})

    assert blocked.status_code == 302 and blocked.url.startswith(reverse("accounts:otp-verify"))
    assert wrong.status_code == 400
    assert right.status_code == 302 and right.url == dashboard
    assert c.get(dashboard).status_code == 200


@pytest.mark.django_db
def test_verify_ignores_foreign_next_url(client_for, officer):
    device = _confirmed(officer)

    response = client_for(officer).post(reverse("accounts:otp-verify"), {"token": _code(device), "next": "https://evil.example/"})

    assert response.status_code == 302 and response.url == reverse("reports:dashboard")


@pytest.mark.django_db
def test_staff_turns_on_mandatory_totp_for_staff_and_council(client_for, staff, council_member, officer):
    response = client_for(staff).post(reverse("awards:security-policy-save"), {"mandatory": "on", "reason": "Quy chế 2026"})

    assert response.status_code == 302
    assert get_param("security.totp_mandatory") is True
    for user in (staff, council_member):
        r = client_for(user).get(reverse("reports:dashboard"))
        assert r.status_code == 302 and r.url == reverse("accounts:otp-setup")
    assert client_for(officer).get(reverse("reports:dashboard")).status_code == 200


@pytest.mark.django_db
def test_only_staff_may_change_the_switch(client_for, officer, council_member, viewer):
    for user in (officer, council_member, viewer):
        assert client_for(user).post(reverse("awards:security-policy-save"), {"mandatory": "on"}).status_code == 403
    assert client_for(None).post(reverse("awards:security-policy-save"), {"mandatory": "on"}).status_code == 302
    assert get_param("security.totp_mandatory") is False


@pytest.mark.django_db
def test_cannot_switch_off_when_mandatory(client_for, staff):
    client_for(staff).post(reverse("awards:security-policy-save"), {"mandatory": "on"})
    _confirmed(staff)
    c = client_for(staff)
    device = TOTPDevice.objects.get(user=staff)
    c.post(reverse("accounts:otp-verify"), {"token": _code(device)})

    response = c.post(reverse("accounts:otp-off"))

    assert response.status_code == 403
    assert TOTPDevice.objects.filter(user=staff, confirmed=True).exists()


@pytest.mark.django_db
def test_repeated_wrong_codes_are_throttled(client_for, officer):
    device = _confirmed(officer)
    c = client_for(officer)
    for _ in range(3):
        c.post(reverse("accounts:otp-verify"), {"token": "000001"})

    response = c.post(reverse("accounts:otp-verify"), {"token": _code(device)})

    assert response.status_code == 400  # the right code is refused while throttled
    device.refresh_from_db()
    assert device.throttling_failure_count >= 1  # attempts while throttled are refused before counting

import datetime
from unittest import mock

import pytest
from django import forms
from django.db.utils import OperationalError
from django.utils import translation

pytestmark = pytest.mark.django_db


def test_healthz_reports_database_ok(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}


def test_healthz_answers_503_when_database_unreachable(client):
    with mock.patch("core.views.connection.cursor", side_effect=OperationalError("could not connect")):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["database"] == "unreachable"


def test_pages_show_vietnamese_error_when_database_unreachable(client_for, staff):
    c = client_for(staff)
    with mock.patch("org.views.queries.unit_list", side_effect=OperationalError("could not connect to server")):
        response = c.get("/to-chuc/don-vi/")
    assert response.status_code == 503
    assert "không kết nối được cơ sở dữ liệu" in response.content.decode()


def test_date_input_is_day_first_in_both_languages():
    for lang in ("vi", "en"):
        with translation.override(lang):
            field = forms.DateField()
            assert field.clean("05/03/2025") == datetime.date(2025, 3, 5)


def test_anonymous_user_is_sent_to_login(client):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_security_headers_are_set(client):
    response = client.get("/accounts/login/")
    assert "script-src 'self'" in response["Content-Security-Policy"]
    assert "unsafe-inline" not in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Request-ID"]


def test_not_found_page_is_vietnamese(client_for, staff):
    response = client_for(staff).get("/khong-co-trang-nay/")
    assert response.status_code == 404
    assert "Không tìm thấy" in response.content.decode()

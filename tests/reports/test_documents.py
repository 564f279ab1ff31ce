"""Background documents: states (queued → running → done / failed → retry), views per persona."""

from unittest import mock

import pytest
from django.urls import reverse

from reports import builders, services
from reports.enums import DocumentStatus
from reports.models import GeneratedDocument
from tests.reports.helpers import sheet_rows

pytestmark = pytest.mark.django_db


def request_annual(actor, fmt="xlsx", year=2026, scope=None):
    return services.document_request(actor=actor, kind="annual", format=fmt, params={"year": year},
                                     title=f"Tổng hợp {year}", scope_unit=scope)


def test_document_renders_in_the_task_and_is_done(register, staff, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        document = request_annual(staff)
    document.refresh_from_db()
    assert (document.status, document.progress, document.attempts) == (DocumentStatus.DONE, 100, 1)
    assert document.filename == "tong-hop-khen-thuong-2026.xlsx"
    assert sheet_rows(document.file.read(), "Tổng hợp")[0][0] == "Mã khen thưởng"


def test_document_stays_queued_until_commit(register, staff):
    document = request_annual(staff)  # on_commit callbacks never run in this transaction
    assert GeneratedDocument.objects.get(pk=document.pk).status == DocumentStatus.QUEUED


def test_failure_is_recorded_and_retry_succeeds(register, staff, django_capture_on_commit_callbacks):
    with mock.patch.object(builders, "build_annual", side_effect=RuntimeError("hết bộ nhớ")):
        with django_capture_on_commit_callbacks(execute=True):
            document = request_annual(staff)
    document.refresh_from_db()
    assert document.status == DocumentStatus.FAILED
    assert "hết bộ nhớ" in document.error and not document.file

    with django_capture_on_commit_callbacks(execute=True):
        services.document_retry(actor=staff, document=document, reason="thử lại")
    document.refresh_from_db()
    assert (document.status, document.error, document.attempts) == (DocumentStatus.DONE, "", 2)


def test_retry_of_a_done_document_is_refused(register, staff, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        document = request_annual(staff)
    with pytest.raises(services.DocumentError):
        services.document_retry(actor=staff, document=document)


def test_regenerate_keeps_the_earlier_file(register, staff, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        first = request_annual(staff)
        second = services.document_regenerate(actor=staff, document=first)
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.pk != second.pk and first.file and second.file
    assert second.params == first.params and second.status == DocumentStatus.DONE


@pytest.mark.parametrize(("persona", "expected"), [
    ("staff", 200), ("viewer", 200), ("officer", 200), ("head", 200), ("council_member", 403), (None, 302),
])
def test_annual_page_by_persona(register, client_for, request, persona, expected):
    user = request.getfixturevalue(persona) if persona else None
    response = client_for(user).get(reverse("reports:annual"), {"nam": 2026})
    assert response.status_code == expected
    if expected == 200:
        body = response.content.decode()
        assert "Cá nhân là người lao động trực tiếp" in body and "<svg" in body


def test_annual_page_of_a_unit_user_shows_only_their_subtree(register, client_for, officer):
    body = client_for(officer).get(reverse("reports:annual"), {"nam": 2026}).content.decode()
    assert "Sở Giáo dục và Đào tạo" in body
    assert "Sở Y tế" not in body  # the other unit's row is not in the breakdown


def test_annual_page_query_count_is_constant(province, staff, client_for):
    from tests.factories.awards_register import make_award
    from tests.factories.org import PersonFactory

    client = client_for(staff)
    make_award(kind="GK", year=2026, person=PersonFactory(unit=province["ours"]), amount=1)
    client.get(reverse("reports:annual"), {"nam": 2026})
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as one:
        client.get(reverse("reports:annual"), {"nam": 2026})
    for i in range(12):
        make_award(kind=["GK", "LDTT"][i % 2], year=2026, person=PersonFactory(unit=province["sub"]), amount=i)
    with CaptureQueriesContext(connection) as many:
        client.get(reverse("reports:annual"), {"nam": 2026})
    assert len(many.captured_queries) == len(one.captured_queries)


@pytest.mark.parametrize(("persona", "expected"), [
    ("staff", 302), ("officer", 302), ("viewer", 403), ("council_member", 403), (None, 302),
])
def test_document_create_by_persona(register, client_for, request, persona, expected):
    user = request.getfixturevalue(persona) if persona else None
    response = client_for(user).post(reverse("reports:document-create"), {"kind": "annual", "format": "pdf", "year": 2026})
    assert response.status_code == expected
    created = GeneratedDocument.objects.first()
    if persona in ("staff", "officer"):
        assert response["Location"] == created.get_absolute_url()
        assert created.scope_unit == (None if persona == "staff" else user.unit)
    else:
        assert created is None


def test_document_create_rejects_bad_input(register, client_for, staff):
    response = client_for(staff).post(reverse("reports:document-create"), {"kind": "annual", "format": "doc", "year": "x"}, follow=True)
    assert "không hợp lệ" in response.content.decode()
    assert not GeneratedDocument.objects.exists()


@pytest.mark.parametrize(("persona", "detail", "download"), [
    ("staff", 200, 200), ("viewer", 200, 200), ("officer", 404, 404), ("other_officer", 404, 404),
    ("council_member", 403, 403), (None, 302, 302),
])
def test_province_document_access_by_persona(register, staff, client_for, request, persona, detail, download,
                                             django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        document = request_annual(staff)
    user = request.getfixturevalue(persona) if persona else None
    client = client_for(user)
    assert client.get(document.get_absolute_url()).status_code == detail
    response = client.get(reverse("reports:document-download", args=[document.uuid]))
    assert response.status_code == download
    if download == 200:
        assert response["Content-Disposition"].startswith("attachment")


def test_unit_document_is_visible_to_its_unit_only(register, officer, head, other_officer, client_for,
                                                   django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        document = request_annual(officer, scope=officer.unit)
    assert client_for(head).get(document.get_absolute_url()).status_code == 200
    assert client_for(other_officer).get(document.get_absolute_url()).status_code == 404


def test_status_fragment_polls_while_running_and_offers_the_file_when_done(register, staff, client_for,
                                                                           django_capture_on_commit_callbacks):
    queued = request_annual(staff)
    fragment = client_for(staff).get(reverse("reports:document-status", args=[queued.uuid])).content.decode()
    assert 'hx-trigger="every 1s"' in fragment and "<progress" in fragment and "Tải về" not in fragment
    with django_capture_on_commit_callbacks(execute=True):
        done = request_annual(staff)
    fragment = client_for(staff).get(reverse("reports:document-status", args=[done.uuid])).content.decode()
    assert "hx-trigger" not in fragment and 'value="100"' in fragment and "Tải về" in fragment


def test_failed_document_shows_error_to_staff_and_retry_is_staff_only(register, staff, officer, client_for,
                                                                      django_capture_on_commit_callbacks):
    with mock.patch.object(builders, "build_annual", side_effect=RuntimeError("lỗi phông chữ")):
        with django_capture_on_commit_callbacks(execute=True):
            document = request_annual(officer, scope=officer.unit)
    staff_page = client_for(staff).get(document.get_absolute_url()).content.decode()
    assert "lỗi phông chữ" in staff_page and "Chạy lại" in staff_page
    officer_page = client_for(officer).get(document.get_absolute_url()).content.decode()
    assert "không thành công" in officer_page and "lỗi phông chữ" not in officer_page
    assert client_for(officer).post(reverse("reports:document-retry", args=[document.uuid])).status_code == 403
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(staff).post(reverse("reports:document-retry", args=[document.uuid]))
    assert response.status_code == 302
    document.refresh_from_db()
    assert document.status == DocumentStatus.DONE


def test_index_lists_documents_for_viewer(register, staff, viewer, client_for, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        request_annual(staff)
    body = client_for(viewer).get(reverse("reports:index")).content.decode()
    assert "Tổng hợp 2026" in body and "Tạo báo cáo PDF" not in body

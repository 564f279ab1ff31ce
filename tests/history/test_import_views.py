import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from awards.models import ImportJob, ImportStatus, Rating
from core.models import ActivityLog
from org.models import Person
from tests.history.files import headers, xlsx


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def _upload(client, kind, content, name="tep.xlsx"):
    return client.post(reverse("awards:import-start"), {"kind": kind, "file": SimpleUploadedFile(name, content)})


def test_web_import_preview_then_confirm(client_for, staff, an):
    c = client_for(staff)
    bad = xlsx(headers("ratings"), [["CN00001", "ca_nhan", 2025, "HTTNV"], ["CN00001", "ca_nhan", "31/02", "HTTNV"]])
    response = _upload(c, "ratings", bad, "xep-loai.xlsx")
    job = ImportJob.objects.get()
    assert response.status_code == 302 and job.status == ImportStatus.INVALID
    body = c.get(job.get_absolute_url()).content.decode()
    assert "dòng 3, cột C: năm &quot;31/02&quot; không phải là số" in body and "cell-error" in body
    assert not Rating.objects.exists() and not default_storage.exists(job.stored_name)

    good = xlsx(headers("ratings"), [["CN00001", "ca_nhan", 2025, "HTTNV"], ["CN00001", "ca_nhan", 2024, "HTXSNV"]])
    _upload(c, "ratings", good, "xep-loai.xlsx")
    job = ImportJob.objects.order_by("-id").first()
    assert job.status == ImportStatus.READY and default_storage.exists(job.stored_name)
    assert not Rating.objects.exists()  # preview writes nothing
    assert "Xác nhận ghi dữ liệu" in c.get(job.get_absolute_url()).content.decode()

    response = c.post(reverse("awards:import-confirm", args=[job.uuid]))
    job.refresh_from_db()
    assert response.status_code == 302 and job.status == ImportStatus.DONE and job.rows_written == 2
    assert Rating.objects.count() == 2 and not default_storage.exists(job.stored_name)
    log = ActivityLog.objects.get(action="awards.import.write")
    assert log.actor == staff and log.after == {"kind": "ratings", "file_name": "xep-loai.xlsx", "rows": 2}
    assert "xep-loai.xlsx" in c.get(reverse("awards:import-start")).content.decode()


def test_web_import_confirm_twice_refused(client_for, staff, an):
    c = client_for(staff)
    _upload(c, "ratings", xlsx(headers("ratings"), [["CN00001", "ca_nhan", 2025, "HTTNV"]]))
    job = ImportJob.objects.get()
    c.post(reverse("awards:import-confirm", args=[job.uuid]))
    c.post(reverse("awards:import-confirm", args=[job.uuid]))
    assert Rating.objects.count() == 1


def test_web_import_database_changed_before_confirm(client_for, staff, an):
    c = client_for(staff)
    _upload(c, "ratings", xlsx(headers("ratings"), [["CN00001", "ca_nhan", 2025, "HTTNV"]]))
    job = ImportJob.objects.get()
    Rating.objects.create(subject_type="individual", person=an, year=2025, grade="HTNV")
    c.post(reverse("awards:import-confirm", args=[job.uuid]))
    job.refresh_from_db()
    assert job.status == ImportStatus.INVALID and "đã có xếp loại năm 2025" in job.errors[0]["text"]
    assert Rating.objects.get().grade == "HTNV"


def test_web_import_not_a_spreadsheet(client_for, staff, an):
    c = client_for(staff)
    _upload(c, "ratings", b"%PDF-1.4 fake", "bao-cao.xlsx")
    job = ImportJob.objects.get()
    assert job.status == ImportStatus.INVALID and "không phải bảng tính Excel" in c.get(job.get_absolute_url()).content.decode()


def test_web_import_large_file_runs_in_background(client_for, staff, an, settings, monkeypatch, django_capture_on_commit_callbacks):
    from awards.services import imports

    monkeypatch.setattr(imports, "BACKGROUND_ROWS", 1)
    c = client_for(staff)
    content = xlsx(headers("ratings"), [["CN00001", "ca_nhan", y, "HTTNV"] for y in (2023, 2024, 2025)])
    with django_capture_on_commit_callbacks(execute=True):
        _upload(c, "ratings", content)
    job = ImportJob.objects.get()
    assert job.status == ImportStatus.READY and job.rows_done == 3
    status = c.get(reverse("awards:import-status", args=[job.uuid]))
    assert status["HX-Refresh"] == "true"
    with django_capture_on_commit_callbacks(execute=True):
        c.post(reverse("awards:import-confirm", args=[job.uuid]))
    job.refresh_from_db()
    assert job.status == ImportStatus.DONE and Rating.objects.count() == 3


def test_web_import_status_fragment_polls_while_running(client_for, staff, an):
    job = ImportJob.objects.create(kind="ratings", file_name="x.xlsx", created_by=staff, rows_total=4000, rows_done=1000)
    body = client_for(staff).get(reverse("awards:import-status", args=[job.uuid])).content.decode()
    assert 'hx-trigger="every 1s"' in body and 'value="25"' in body


def test_web_import_officer_limited_to_own_unit(client_for, officer, an, binh):
    c = client_for(officer)
    rows = [["CN00001", "ca_nhan", 2025, "HTTNV"], ["CN00002", "ca_nhan", 2025, "HTTNV"]]
    _upload(c, "ratings", xlsx(headers("ratings"), rows))
    job = ImportJob.objects.get()
    assert job.status == ImportStatus.INVALID and job.scope_unit == officer.unit
    assert "dòng 3, cột A: \"CN00002\" ngoài phạm vi đơn vị của bạn." in [e["text"] for e in job.errors]


def test_web_import_officer_cannot_import_awards_or_units(client_for, officer):
    c = client_for(officer)
    response = _upload(c, "awards", xlsx(headers("awards"), [["x"] * 9]))
    assert response.status_code == 200 and not ImportJob.objects.exists()  # kind not offered: form error
    assert c.get(reverse("awards:import-template", args=["units"])).status_code == 404


def test_web_import_officer_persons_in_scope(client_for, officer, province):
    c = client_for(officer)
    _upload(c, "persons", xlsx(headers("persons"), [["CN90001", "Hà Thị Lan", "nu", "", "Kinh", "SGDDT.VP", "", "khong"]]))
    job = ImportJob.objects.get()
    c.post(reverse("awards:import-confirm", args=[job.uuid]))
    assert Person.objects.get(code="CN90001").unit == province["sub"]


@pytest.mark.parametrize("persona,status", [("staff", 200), ("officer", 200), ("head", 403), ("viewer", 403), ("council_member", 403), (None, 302)])
def test_web_import_start_personas(request, client_for, persona, status):
    user = request.getfixturevalue(persona) if persona else None
    assert client_for(user).get(reverse("awards:import-start")).status_code == status


def test_web_import_job_of_another_user_404(client_for, staff, officer, other_officer, an):
    _upload(client_for(officer), "ratings", xlsx(headers("ratings"), [["CN00001", "ca_nhan", 2025, "HTTNV"]]))
    job = ImportJob.objects.get()
    assert client_for(other_officer).get(job.get_absolute_url()).status_code == 404
    assert client_for(other_officer).post(reverse("awards:import-confirm", args=[job.uuid])).status_code == 404
    assert client_for(staff).get(job.get_absolute_url()).status_code == 200
    assert not Rating.objects.exists()


def test_web_import_template_has_exact_headers(client_for, staff):
    import io

    from openpyxl import load_workbook

    response = client_for(staff).get(reverse("awards:import-template", args=["awards"]))
    rows = list(load_workbook(io.BytesIO(response.content)).worksheets[0].iter_rows(values_only=True))
    assert list(rows[0]) == headers("awards") and len(rows) == 1

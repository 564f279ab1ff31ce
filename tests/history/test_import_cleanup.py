"""Cancelling an import preview, and the daily clean-up of previews nobody confirmed."""

import datetime
import os
import time

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from awards.models import ImportJob, ImportStatus, Rating
from core.models import ActivityLog
from tests.history.files import headers, xlsx


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def _ready_job(client):
    content = xlsx(headers("ratings"), [["CN00001", "ca_nhan", 2025, "HTTNV"]])
    client.post(reverse("awards:import-start"), {"kind": "ratings", "file": SimpleUploadedFile("xep-loai.xlsx", content)})
    job = ImportJob.objects.order_by("-id").first()
    assert job.status == ImportStatus.READY and default_storage.exists(job.stored_name)
    return job


def test_the_uploader_cancels_a_preview(client_for, officer, an, django_capture_on_commit_callbacks):
    c = client_for(officer)
    job = _ready_job(c)
    assert "Hủy, không ghi" in c.get(job.get_absolute_url()).content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        response = c.post(reverse("awards:import-cancel", args=[job.uuid]))
    job.refresh_from_db()

    assert response.status_code == 302 and job.status == ImportStatus.CANCELLED
    assert not default_storage.exists(job.stored_name) and not Rating.objects.exists()
    assert ActivityLog.objects.filter(action="awards.import.cancel", actor=officer).count() == 1
    body = c.get(job.get_absolute_url(), follow=True).content.decode()
    assert "Lượt nhập đã hủy" in body and "Xác nhận ghi dữ liệu" not in body
    # A cancelled job cannot be written afterwards.
    c.post(reverse("awards:import-confirm", args=[job.uuid]))
    job.refresh_from_db()
    assert job.status == ImportStatus.CANCELLED and not Rating.objects.exists()


def test_another_officer_cannot_cancel_and_a_written_job_cannot_be_cancelled(client_for, officer, other_officer, staff, an):
    job = _ready_job(client_for(officer))
    assert client_for(other_officer).post(reverse("awards:import-cancel", args=[job.uuid])).status_code in (403, 404)
    job.refresh_from_db()
    assert job.status == ImportStatus.READY

    c = client_for(staff)
    c.post(reverse("awards:import-confirm", args=[job.uuid]))
    response = c.post(reverse("awards:import-cancel", args=[job.uuid]), follow=True)
    job.refresh_from_db()
    assert job.status == ImportStatus.DONE and Rating.objects.count() == 1
    assert "Không thể chuyển lượt nhập" in response.content.decode()


def test_purge_cancels_old_previews_and_deletes_stray_files(client_for, staff, an, django_capture_on_commit_callbacks):
    c = client_for(staff)
    old, fresh = _ready_job(c), _ready_job(c)
    ImportJob.objects.filter(pk=old.pk).update(updated_at=timezone.now() - datetime.timedelta(days=8))
    stray = default_storage.save("imports/stray.xlsx", ContentFile(b"left by a crash"))
    recent_stray = default_storage.save("imports/recent.xlsx", ContentFile(b"upload in progress"))
    week_ago = time.time() - 8 * 86400
    os.utime(default_storage.path(stray), (week_ago, week_ago))

    with django_capture_on_commit_callbacks(execute=True):
        call_command("purge_imports")
    old.refresh_from_db()
    fresh.refresh_from_db()

    assert old.status == ImportStatus.CANCELLED and not default_storage.exists(old.stored_name)
    assert fresh.status == ImportStatus.READY and default_storage.exists(fresh.stored_name)
    assert not default_storage.exists(stray) and default_storage.exists(recent_stray)
    log = ActivityLog.objects.get(action="awards.import.cancel")
    assert log.actor is None and "Quá hạn xác nhận" in log.reason


def test_purge_refuses_a_nonsense_age():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="--days"):
        call_command("purge_imports", days=0)

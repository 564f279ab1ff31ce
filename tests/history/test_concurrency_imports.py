"""Two people importing at once on PostgreSQL: the register never gets a row twice.

Each case validates the uploads first (as the preview does), then confirms them in two threads with
their own connections. To make the race certain rather than likely, both writes are held after
reading the database (``resolve``) until the other has read it too: neither sees the other's rows,
so only the database constraints and the row locks stand between them and a duplicate.
"""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from awards.imports.kinds import SPECS
from awards.models import Award, Discipline, ImportJob, ImportStatus, Rating
from awards.services import imports as services
from core.models import ActivityLog
from tests.history.files import headers, xlsx
from tests.workflow.test_concurrency import _race

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _catalog(transactional_db, settings, tmp_path):
    """Transactional tests flush the tables: reload the shipped catalog; keep uploads in tmp."""
    import importlib

    from django.apps import apps

    from awards.models import AwardKind

    settings.MEDIA_ROOT = tmp_path / "media"
    if not AwardKind.objects.exists():
        importlib.import_module("awards.migrations.0002_load_catalog").load(apps, None)


WORKBOOKS = {
    "awards": (
        Award,
        [
            ["CN00001", "ca_nhan", "CSTD_CS", 2025, "15/QĐ-UBND", "20/01/2026", "cong_trang", "", ""],
            ["CN00002", "ca_nhan", "GK", 2025, "16/QĐ-UBND", "21/01/2026", "cong_trang", "", ""],
        ],
    ),
    "ratings": (Rating, [["CN00001", "ca_nhan", 2025, "HTXSNV"], ["CN00002", "ca_nhan", 2025, "HTTNV"]]),
    "disciplines": (
        Discipline,
        [
            ["CN00001", "khien_trach", "01/03/2024", "01/09/2024"],
            ["CN00002", "canh_cao", "01/04/2025", "01/04/2026"],
        ],
    ),
}


def _validated(actor, kind, rows) -> ImportJob:
    upload = SimpleUploadedFile(f"{kind}.xlsx", xlsx(headers(kind), rows))
    job = services.import_job_create(actor=actor, kind=kind, uploaded=upload)
    job = services.import_job_validate(job.pk)
    assert job.status == ImportStatus.READY, job.errors
    return job


@pytest.fixture
def both_read_first(monkeypatch):
    """Hold each write of ``kind`` after its reads until two writers have read."""

    def install(kind):
        spec = SPECS[kind]
        barrier = threading.Barrier(2)
        resolve = spec.resolve

        def held(items, ctx):
            objects = resolve(items, ctx)
            barrier.wait(timeout=20)
            return objects

        monkeypatch.setattr(spec, "resolve", held)

    return install


@pytest.mark.parametrize("kind", sorted(WORKBOOKS))
def test_same_workbook_uploaded_twice_and_confirmed_at_once(kind, an, binh, staff, both_read_first):
    from tests.factories.accounts import UserFactory

    model, rows = WORKBOOKS[kind]
    colleague = UserFactory(username="canbo2", role="staff", unit=staff.unit, is_staff=True)
    first, second = _validated(staff, kind, rows), _validated(colleague, kind, rows)
    both_read_first(kind)

    results, errors = _race(
        lambda: services.import_job_confirm(actor=staff, job=first),
        lambda: services.import_job_confirm(actor=colleague, job=second),
    )

    assert not errors
    statuses = sorted(job.status for job in ImportJob.objects.filter(pk__in=[first.pk, second.pk]))
    assert statuses == sorted([ImportStatus.DONE, ImportStatus.INVALID])
    assert model.objects.count() == len(rows)
    loser = ImportJob.objects.get(pk__in=[first.pk, second.pk], status=ImportStatus.INVALID)
    assert loser.rows_written == 0
    assert "vừa thay đổi trong lúc nhập" in loser.errors[0]["message"]
    assert ActivityLog.objects.filter(action="awards.import.write").count() == 1


def test_same_upload_confirmed_twice_at_once(an, binh, staff):
    from tests.factories.accounts import UserFactory

    colleague = UserFactory(username="canbo2", role="staff", unit=staff.unit, is_staff=True)
    job = _validated(staff, "awards", WORKBOOKS["awards"][1])

    results, errors = _race(
        lambda: services.import_job_confirm(actor=staff, job=job),
        lambda: services.import_job_confirm(actor=colleague, job=job),
    )

    assert len(results) == 1 and len(errors) == 1
    assert isinstance(errors[0], ValidationError)
    assert "Không thể chuyển lượt nhập" in errors[0].messages[0]
    job.refresh_from_db()
    assert (job.status, job.rows_written) == (ImportStatus.DONE, 2)
    assert Award.objects.count() == 2
    assert ActivityLog.objects.filter(action="awards.import.confirm").count() == 1
    assert ActivityLog.objects.filter(action="awards.import.write").count() == 1

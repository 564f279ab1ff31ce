"""Two officials setting the same year's rating at once (PostgreSQL row locks): one rating, both
changes in the log, no error."""

import threading

import pytest
from django.db import connection

from awards.models import Rating
from awards.services.evidence import rating_set
from core.models import ActivityLog
from tests.factories.accounts import UserFactory

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def test_two_people_set_the_same_years_rating(staff, an):
    other = UserFactory(role="staff")
    barrier = threading.Barrier(2)
    errors = []

    def run(actor, grade):
        try:
            barrier.wait()
            rating_set(actor=actor, subject_type="individual", subject=an, year=2025, grade=grade, reason="đối chiếu hồ sơ")
        except Exception as exc:  # collected for the assertion
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=args) for args in ((staff, "HTTNV"), (other, "HTXSNV"))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()

    assert errors == []
    rating = Rating.objects.get(person=an, year=2025)
    assert rating.grade in ("HTTNV", "HTXSNV")
    actions = sorted(ActivityLog.objects.filter(object_id=str(rating.pk), object_type__contains="rating").values_list("action", flat=True))
    # One created it; the other either changed it or (same grade) found nothing to change.
    assert actions == ["awards.rating.create", "awards.rating.update"]

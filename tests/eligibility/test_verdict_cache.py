"""The unit eligibility list keeps its verdicts until an audited change commits."""

import datetime

import pytest
from django.contrib.admin.models import ADDITION, LogEntry
from django.db import connection
from django.test.utils import CaptureQueriesContext

from awards.eligibility import cache as verdict_cache
from awards.models import AwardKind
from awards.services.register import award_record
from core.audit import log_action
from core.models import ActivityLog
from tests.factories.evidence import AwardFactory, RatingFactory
from tests.factories.org import PersonFactory

pytestmark = pytest.mark.django_db
URL = "/khen-thuong/dieu-kien/don-vi/SGDDT/?nam=2026"


@pytest.fixture
def an(province):
    person = PersonFactory(code="AN01", full_name="Nguyễn Văn An", unit=province["sub"])
    RatingFactory(person=person, year=2026, grade="HTXSNV")
    AwardFactory(person=person, kind="CSTD_CS", year=2025)
    for _ in range(5):
        RatingFactory(person=PersonFactory(unit=province["ours"]), year=2026, grade="HTTNV")
    return person


def _rating_queries(queries) -> int:
    return sum('"awards_rating"' in q["sql"] for q in queries)


def test_second_visit_is_served_from_the_cache(client_for, staff, an):
    c = client_for(staff)
    with CaptureQueriesContext(connection) as first:
        body1 = c.get(URL).content.decode()
    with CaptureQueriesContext(connection) as second:
        body2 = c.get(URL).content.decode()

    assert _rating_queries(first) >= 1
    assert _rating_queries(second) == 0  # no history was loaded
    assert len(second) < len(first)
    assert "Nguyễn Văn An" in body1 and body1.count("Nguyễn Văn An") == body2.count("Nguyễn Văn An")


def test_an_audited_change_is_seen_on_the_next_visit(client_for, staff, an):
    c = client_for(staff)
    before = c.get(URL).content.decode()
    assert "Lao động tiên tiến" in before or "LĐTT" in before
    ldtt_rows = before.count("Nguyễn Văn An")

    award_record(actor=staff, subject_type="individual", recipient=an, kind=AwardKind.objects.get(code="LDTT"), year=2026,
                 decision_number="12/QĐ-SGDDT", decision_date=datetime.date(2026, 11, 20), issuer="Sở Giáo dục và Đào tạo")
    after = c.get(URL).content.decode()

    # Holding LĐTT for 2026 already, An is no longer listed as eligible for it.
    assert after.count("Nguyễn Văn An") == ldtt_rows - 1


def test_unaudited_writes_are_not_seen_until_the_cache_expires(client_for, staff, an, settings):
    """Documents the contract: the key follows the audit log. With the cache off, every visit judges anew."""
    c = client_for(staff)
    before = c.get(URL).content.decode().count("Nguyễn Văn An")
    AwardFactory(person=an, kind="LDTT", year=2026)  # a write that bypasses the services (tests only)
    assert c.get(URL).content.decode().count("Nguyễn Văn An") == before
    settings.ELIGIBILITY_CACHE_SECONDS = 0
    assert c.get(URL).content.decode().count("Nguyễn Văn An") == before - 1


def test_generation_moves_with_the_newest_row_and_with_a_late_commit_below_it(staff):
    log_action(actor=staff, action="test.one", obj=staff)
    first = verdict_cache.generation()
    newest = ActivityLog.objects.latest("id").pk
    ActivityLog.objects.create(id=newest + 10, action="test.later", actor=staff, object_type="x", object_id="1")
    second = verdict_cache.generation()
    # A transaction that took a lower id and committed afterwards: same newest id, one more row.
    ActivityLog.objects.create(id=newest + 5, action="test.straggler", actor=staff, object_type="x", object_id="2")
    third = verdict_cache.generation()

    assert len({first, second, third}) == 3


def test_an_admin_edit_moves_the_generation(staff):
    before = verdict_cache.generation()
    LogEntry.objects.create(user=staff, action_flag=ADDITION, object_repr="x")
    assert verdict_cache.generation() != before


def test_parameters_language_and_scope_are_part_of_the_key(client_for, staff, officer, an):
    calls = []

    def compute():
        calls.append(1)
        return ["v"]

    assert verdict_cache.cached("t", (1,), {"a": 1}, compute) == (["v"], False)
    assert verdict_cache.cached("t", (1,), {"a": 1}, compute) == (["v"], True)
    verdict_cache.cached("t", (1,), {"a": 2}, compute)
    verdict_cache.cached("t", (1, verdict_cache.scope_of(officer)), {"a": 1}, compute)
    from django.utils import translation

    with translation.override("en"):
        verdict_cache.cached("t", (1,), {"a": 1}, compute)
    assert len(calls) == 4
    assert verdict_cache.scope_of(staff) == "province" and verdict_cache.scope_of(officer).startswith("unit:")

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from awards.enums import AwardStatus
from awards.models import Award, Discipline, Initiative, Rating
from awards.services import evidence, register
from core.models import ActivityLog
from tests.history.conftest import D


def _record(actor, who, kind, year=2025, **kw):
    subject = kw.pop("subject_type", "individual")
    return register.award_record(actor=actor, subject_type=subject, recipient=who, kind=kind, year=year,
                                 decision_number=kw.pop("decision_number", f"{year}/QĐ-UBND"),
                                 decision_date=kw.pop("decision_date", D(year + 1, 3, 1)), **kw)


def test_award_record_fills_amount_snapshot_and_log(staff, an, kinds):
    award = _record(staff, an, kinds["CSTD_CS"], 2025, decision_date=D(2026, 3, 1))
    assert award.amount == 2_340_000  # 1.0 × 2,340,000
    assert award.snapshot_unit == an.unit and award.snapshot_is_leader is False and award.snapshot_gender == "nam"
    assert "nguyen van an" in award.search_text
    assert ActivityLog.objects.filter(action="awards.award.record", object_id=str(award.pk)).exists()


def test_award_record_before_any_rate_has_no_amount(staff, an, kinds):
    award = _record(staff, an, kinds["LDTT"], 2019, decision_date=D(2020, 1, 15))
    assert award.amount is None


def test_award_record_kind_not_fitting_subject_refused(staff, province, kinds):
    with pytest.raises(ValidationError):
        _record(staff, province["ours"], kinds["CSTD_CS"], subject_type="collective")
    assert not Award.objects.exists()


def test_award_record_same_kind_same_year_refused(staff, an, kinds):
    _record(staff, an, kinds["LDTT"], 2024)
    with pytest.raises(ValidationError):
        _record(staff, an, kinds["LDTT"], 2024, decision_number="99/QĐ")
    assert Award.objects.count() == 1


def test_award_record_initiative_used_once(staff, an, binh, kinds):
    ini = Initiative.objects.create(code="SK1", title="Sáng kiến", year=2024, scope="tinh")
    _record(staff, an, kinds["CSTD_CS"], 2024, initiative=ini)
    with pytest.raises(ValidationError):
        _record(staff, binh, kinds["CSTD_CS"], 2024, initiative=ini)


def test_award_record_by_unit_officer_forbidden(officer, an, kinds):
    with pytest.raises(PermissionDenied):
        _record(officer, an, kinds["LDTT"])


def test_award_revoke_marks_and_stops_counting(staff, an, kinds):
    award = _record(staff, an, kinds["CSTD_CS"], 2025, decision_date=D(2026, 3, 1))
    register.award_revoke(actor=staff, award=award, decision_number="5/QĐ-HB", date=D(2026, 6, 1), reason="Gian dối hồ sơ")
    award.refresh_from_db()
    assert award.status == AwardStatus.REVOKED and award.amount_to_recover == award.amount == 2_340_000
    assert not Award.objects.in_force().filter(pk=award.pk).exists()
    assert ActivityLog.objects.filter(action="awards.award.revoke", object_id=str(award.pk)).exists()
    # Once revoked, the same kind can be recorded again for the year.
    _record(staff, an, kinds["CSTD_CS"], 2025, decision_number="7/QĐ")


def test_award_revoke_twice_refused(staff, an, kinds):
    award = _record(staff, an, kinds["LDTT"], 2025)
    register.award_revoke(actor=staff, award=award, decision_number="5/QĐ", date=D(2026, 6, 1), reason="x")
    with pytest.raises(ValidationError):
        register.award_revoke(actor=staff, award=award, decision_number="6/QĐ", date=D(2026, 6, 2), reason="y")


def test_rating_create_by_officer_in_scope_logged(officer, an):
    rating = evidence.rating_create(actor=officer, rating=Rating(subject_type="individual", person=an, year=2025, grade="HTXSNV"))
    assert ActivityLog.objects.filter(action="awards.rating.create", object_id=str(rating.pk), actor=officer).exists()
    evidence.rating_update(actor=officer, rating=rating, grade="HTTNV")
    rating.refresh_from_db()
    assert rating.grade == "HTTNV"


def test_rating_create_by_officer_outside_scope_forbidden(officer, binh):
    with pytest.raises(PermissionDenied):
        evidence.rating_create(actor=officer, rating=Rating(subject_type="individual", person=binh, year=2025, grade="HTXSNV"))
    assert not Rating.objects.exists()


def test_initiative_create_sets_authors(staff, an, binh):
    ini = evidence.initiative_create(actor=staff, initiative=Initiative(code="SK-9", title=" Đổi mới  dạy học ", year=2025, scope="co_so"), authors=[an, binh])
    assert set(ini.authors.all()) == {an, binh} and ini.title == "Đổi mới dạy học"


def test_discipline_create_and_end_hold(staff, an):
    from core.audit import snapshot

    d = evidence.discipline_create(actor=staff, discipline=Discipline(person=an, form="dang_xem_xet", start_date=D(2026, 5, 1)))
    before = snapshot(d, evidence.DISCIPLINE_FIELDS)
    d.end_date = D(2026, 8, 1)
    evidence.discipline_update(actor=staff, discipline=d, before=before)
    assert ActivityLog.objects.filter(action="awards.discipline.update", object_id=str(d.pk)).exists()

"""TTLĐTT (Art 28), configured criteria of UNCONFIRMED kinds, caps, and the fixed query count."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from awards.eligibility import check_caps, evaluate, evaluate_many
from awards.eligibility.engine import judge_many
from awards.policy import load_params, policy_set
from core.models import ActivityLog
from tests.eligibility.conftest import d, reason
from tests.factories.evidence import AwardFactory, DisciplineFactory, InitiativeFactory, RatingFactory
from tests.factories.org import PersonFactory, UnitFactory

pytestmark = pytest.mark.django_db


def collective(*, members=10, ldtt=7, grade="HTTNV", year=2026):
    unit = UnitFactory(kind="phong_ban")
    RatingFactory(subject_type="collective", person=None, unit=unit, year=year, grade=grade)
    people = [PersonFactory(unit=unit) for _ in range(members)]
    for person in people[:ldtt]:
        AwardFactory(person=person, kind="LDTT", year=year)
    return unit, people


def col(unit, kind, year=2026, params=None):
    return evaluate(subject_type="collective", subject=unit, kind_code=kind, year=year, params=params)


# --- Art 28: Tập thể lao động tiên tiến ----------------------------------------------------------

def test_art28_ttldtt_passes_with_70_percent_ldtt():
    unit, _ = collective(members=10, ldtt=7)
    v = col(unit, "TTLDTT")
    assert v.eligible and "7/10" in reason(v, "art28.ttldtt.members_ldtt").detail


def test_art28_ttldtt_fails_below_70_percent():
    unit, _ = collective(members=10, ldtt=6)
    v = col(unit, "TTLDTT")
    assert not v.eligible and "6/10" in reason(v, "art28.ttldtt.members_ldtt").detail


def test_art28_ttldtt_threshold_is_a_setting():
    unit, _ = collective(members=10, ldtt=6)
    params = {**load_params(), "eligibility.ttldtt_member_share": 0.6}
    assert col(unit, "TTLDTT", params=params).eligible


def test_art28_ttldtt_fails_with_plain_collective_rating():
    unit, _ = collective(grade="HTNV")
    assert not reason(col(unit, "TTLDTT"), "art28.ttldtt.rating").passed


def test_art28_ttldtt_fails_when_a_member_is_warned():
    unit, people = collective(members=10, ldtt=10)
    DisciplineFactory(person=people[0], form="canh_cao", start_date=d(2026, 2), end_date=d(2027, 1, 31))
    v = col(unit, "TTLDTT")
    assert not v.eligible and people[0].code in reason(v, "art28.ttldtt.no_warning").detail


def test_art28_ttldtt_reprimand_of_member_does_not_block():
    unit, people = collective(members=10, ldtt=10)
    DisciplineFactory(person=people[0], form="khien_trach", start_date=d(2026, 2), end_date=d(2027, 1, 31))
    assert col(unit, "TTLDTT").eligible


def test_art28_ttldtt_fails_without_members():
    unit, _ = collective(members=0, ldtt=0)
    assert not col(unit, "TTLDTT").eligible


# --- configured criteria (UNCONFIRMED kinds) ------------------------------------------------------

def test_configured_ttldxs_defaults_apply_and_are_named():
    unit, people = collective(members=10, ldtt=8, grade="HTXSNV")
    AwardFactory(person=None, unit=unit, kind="TTLDTT", year=2026)
    AwardFactory(person=people[0], kind="CSTD_CS", year=2026)
    for p in people:
        RatingFactory(person=p, year=2026, grade="HTTNV")
    v = col(unit, "TTLDXS")
    assert v.configured and v.eligible, v.reasons
    assert "eligibility.criteria.TTLDXS.collective" in reason(v, "config.TTLDXS.collective.source").detail


def test_configured_ttldxs_fails_without_cstd_cs_member():
    unit, people = collective(members=10, ldtt=8, grade="HTXSNV")
    AwardFactory(person=None, unit=unit, kind="TTLDTT", year=2026)
    for p in people:
        RatingFactory(person=p, year=2026, grade="HTTNV")
    v = col(unit, "TTLDXS")
    assert not v.eligible and not reason(v, "config.TTLDXS.collective.5.members_award_count").passed


def test_configured_criteria_changed_by_staff_are_used_and_logged(staff):
    unit, _ = collective(grade="HTXSNV")
    policy_set(actor=staff, key="eligibility.criteria.CO_TINH.collective", value=[{"type": "rating", "grade": "HTXSNV", "years": 2}],
               reason="Quy chế khối 2026")
    v = col(unit, "CO_TINH")
    assert not v.eligible and "2 năm liên tục" in reason(v, "config.CO_TINH.collective.1.rating").detail
    assert ActivityLog.objects.filter(action="awards.policy.set").count() == 1


def test_configured_cstd_tq_needs_two_cstd_tinh_and_national_initiative():
    person = PersonFactory()
    for y in (2020, 2023):
        AwardFactory(person=person, kind="CSTD_TINH", year=y)
    InitiativeFactory(authors=[person], year=2025, scope="toan_quoc")
    v = evaluate(subject_type="individual", subject=person, kind_code="CSTD_TQ", year=2026)
    assert v.configured and not v.eligible  # 2020 is outside the 6-year window 2021–2026
    AwardFactory(person=person, kind="CSTD_TINH", year=2026)
    assert evaluate(subject_type="individual", subject=person, kind_code="CSTD_TQ", year=2026).eligible


def test_invalid_configured_criteria_fail_clearly():
    from awards.eligibility.configured import CriteriaError, validate

    with pytest.raises(CriteriaError, match="chỉ dùng cho tập thể"):
        validate([{"type": "members_award", "kind": "LDTT", "share": 0.7}], "individual")
    with pytest.raises(CriteriaError, match="không hợp lệ"):
        validate([{"type": "rating", "grade": "XYZ", "years": 1}], "collective")


def test_disabled_rule_is_not_evaluated():
    person = PersonFactory()
    RatingFactory(person=person, year=2026, grade="HTTNV")
    DisciplineFactory(person=person, form="dang_xem_xet", start_date=d(2026, 5), end_date=None)
    params = {**load_params(), "eligibility.rules_disabled": ["d152.art4.hold"]}
    v = evaluate(subject_type="individual", subject=person, kind_code="LDTT", year=2026, params=params)
    assert v.eligible and not any(r.rule == "d152.art4.hold" for r in v.reasons)


# --- caps ----------------------------------------------------------------------------------------

def test_caps_off_by_default(province):
    assert check_caps(unit=province["ours"], year=2026, proposed={"CSTD_CS": 5}) == []


def test_cap_cstd_cs_percent_of_ldtt_counts_subtree(province):
    for _ in range(10):
        AwardFactory(person=PersonFactory(unit=province["sub"]), kind="LDTT", year=2026)
    AwardFactory(person=PersonFactory(unit=province["ours"]), kind="CSTD_CS", year=2026)
    params = {**load_params(), "eligibility.cap_cstd_cs_pct_of_ldtt": 20}
    ok, = check_caps(unit=province["ours"], year=2026, proposed={"CSTD_CS": 1}, params=params)
    assert ok.passed and "còn 0" in ok.detail
    over, = check_caps(unit=province["ours"], year=2026, proposed={"CSTD_CS": 2}, params=params)
    assert not over.passed and "vượt trần 2" in over.detail


# --- fixed number of queries ---------------------------------------------------------------------

def _people_with_history(unit, n):
    people = []
    for _ in range(n):
        p = PersonFactory(unit=unit)
        RatingFactory(person=p, year=2025, grade="HTXSNV")
        RatingFactory(person=p, year=2026, grade="HTTNV")
        AwardFactory(person=p, kind="CSTD_CS", year=2025)
        InitiativeFactory(authors=[p], year=2026, scope="tinh")
        DisciplineFactory(person=p, form="khien_trach", start_date=d(2020), end_date=d(2020, 12))
        people.append(p)
    return people


def test_scan_query_count_is_constant_in_the_number_of_people(province):
    few = _people_with_history(province["ours"], 2)
    many = few + _people_with_history(province["ours"], 38)
    params = load_params()
    with CaptureQueriesContext(connection) as q_few:
        v_few = evaluate_many(subject_type="individual", subjects=few, kind_codes=["LDTT", "CSTD_CS", "CSTD_TINH", "BK_TINH", "BK_TTG", "HC_LD_3", "CSTD_TQ"], year=2026, params=params)
    with CaptureQueriesContext(connection) as q_many:
        v_many = evaluate_many(subject_type="individual", subjects=many, kind_codes=["LDTT", "CSTD_CS", "CSTD_TINH", "BK_TINH", "BK_TTG", "HC_LD_3", "CSTD_TQ"], year=2026, params=params)
    assert len(v_few) == 14 and len(v_many) == 280
    assert len(q_few) == len(q_many) == 4


def test_collective_scan_query_count_is_constant(province):
    units_few = [collective(members=2, ldtt=2)[0] for _ in range(2)]
    units_many = units_few + [collective(members=3, ldtt=1)[0] for _ in range(10)]
    params = load_params()
    with CaptureQueriesContext(connection) as q_few:
        evaluate_many(subject_type="collective", subjects=units_few, kind_codes=["TTLDTT", "TTLDXS", "CO_TINH", "BK_TINH", "BK_TTG"], year=2026, params=params)
    with CaptureQueriesContext(connection) as q_many:
        evaluate_many(subject_type="collective", subjects=units_many, kind_codes=["TTLDTT", "TTLDXS", "CO_TINH", "BK_TINH", "BK_TTG"], year=2026, params=params)
    assert len(q_few) == len(q_many) == 6


def test_scan_of_a_queryset_matches_the_list(province):
    from org.models import Person

    people = _people_with_history(province["ours"], 3)
    by_list = evaluate_many(subject_type="individual", subjects=people, kind_codes=["CSTD_CS"], year=2026)
    by_qs = [j.verdict for _h, js in judge_many(subject_type="individual", subjects=Person.objects.filter(pk__in=[p.pk for p in people]).order_by("pk"),
                                                 kind_codes=["CSTD_CS"], year=2026) for j in js]
    assert sorted(v.subject_code for v in by_list) == sorted(v.subject_code for v in by_qs)
    assert all(v.eligible for v in by_list)


def test_rule_period_set_by_province_moves_a_rule_out_of_force():
    person = PersonFactory()
    RatingFactory(person=person, year=2026, grade="HTTNV")
    params = {**load_params(), "eligibility.rule_periods": {"art24.ldtt.rating": [2027, None]}}
    v = evaluate(subject_type="individual", subject=person, kind_code="LDTT", year=2026, params=params)
    assert not v.eligible and reason(v, "rules.not_in_force")


@pytest.mark.parametrize("key, raw, message", [
    ("eligibility.rule_periods", '{"nope": [2024, null]}', "không tồn tại"),
    ("eligibility.rule_periods", '{"art24.ldtt.rating": [2026, 2024]}', "Thời kỳ"),
    ("eligibility.rules_disabled", '"d152.art4.hold"', "danh sách"),
    ("eligibility.cap_cstd_cs_pct_of_ldtt", "150", "0 đến 100"),
    ("eligibility.khong_co", "1", "không tồn tại"),
])
def test_policy_values_are_validated(key, raw, message):
    from django.core.exceptions import ValidationError

    from awards.eligibility.services import parse_value

    with pytest.raises(ValidationError, match=message):
        parse_value(key, raw)


def test_cap_can_be_switched_off_with_empty_value():
    from awards.eligibility.services import parse_value

    assert parse_value("eligibility.cap_cstd_cs_pct_of_ldtt", "") is None
    assert parse_value("eligibility.cap_cstd_cs_pct_of_ldtt", "15") == 15

"""Rules for individuals, one history that passes and one that fails per condition (fact sheet §8)."""

import pytest

from awards.eligibility import Verdict, evaluate, kinds_with_rules
from tests.eligibility.conftest import d, good_years, reason

pytestmark = pytest.mark.django_db


def test_interface_returns_none_for_kind_without_rules(make_person):
    person = make_person()
    assert evaluate(subject_type="individual", subject=person, kind_code="GK", year=2026) is None
    assert evaluate(subject_type="household", subject=person, kind_code="LDTT", year=2026) is None
    assert {"LDTT", "CSTD_CS", "CSTD_TINH", "BK_TINH", "BK_TTG", "HC_LD_3", "TTLDTT", "TTLDXS", "CO_TINH", "CSTD_TQ"} <= kinds_with_rules()


def test_interface_accepts_subject_code(make_person):
    make_person(code="AN01", ratings={2026: "HTTNV"})
    v = evaluate(subject_type="individual", subject="AN01", kind_code="LDTT", year=2026)
    assert isinstance(v, Verdict) and v.subject_code == "AN01" and v.eligible and v.year == 2026


# --- Art 24: LĐTT --------------------------------------------------------------------------------

@pytest.mark.parametrize("grade", ["HTXSNV", "HTTNV"])
def test_art24_ldtt_passes_with_good_rating(make_person, verdict, grade):
    v = verdict(make_person(ratings={2026: grade}), "LDTT")
    assert v.eligible
    assert reason(v, "art24.ldtt.rating").article == "Luật TĐKT 2022 Điều 24(1)"


@pytest.mark.parametrize("grade", ["HTNV", "KHTNV"])
def test_art24_ldtt_fails_with_plain_rating(make_person, verdict, grade):
    v = verdict(make_person(ratings={2026: grade}), "LDTT")
    assert not v.eligible
    assert "cần HTTNV trở lên" in reason(v, "art24.ldtt.rating").detail


def test_art24_ldtt_fails_without_rating(make_person, verdict):
    v = verdict(make_person(ratings={2025: "HTTNV"}), "LDTT")
    assert not v.eligible and reason(v, "art24.ldtt.rating").detail == "chưa có xếp loại năm 2026"


# --- Art 23: CSTĐ cơ sở --------------------------------------------------------------------------

def test_art23_cstd_cs_passes_with_excellent_rating(make_person, verdict):
    assert verdict(make_person(ratings={2026: "HTXSNV"}), "CSTD_CS").eligible


def test_art23_cstd_cs_passes_with_unused_initiative_of_the_year(make_person, verdict):
    v = verdict(make_person(ratings={2026: "HTTNV"}, initiatives=[(2026, "co_so")]), "CSTD_CS")
    assert v.eligible and "sáng kiến" in reason(v, "art23.cstd_cs.merit").detail


def test_art23_cstd_cs_fails_with_used_initiative(make_person, verdict):
    person = make_person(ratings={2026: "HTTNV"}, used_initiatives=[(2026, "co_so", "GK", 2026)])
    assert not verdict(person, "CSTD_CS").eligible


def test_art23_cstd_cs_fails_with_initiative_of_another_year(make_person, verdict):
    assert not verdict(make_person(ratings={2026: "HTTNV"}, initiatives=[(2025, "tinh")]), "CSTD_CS").eligible


def test_art23_cstd_cs_fails_without_ldtt_standard(make_person, verdict):
    v = verdict(make_person(ratings={2026: "HTNV"}, initiatives=[(2026, "co_so")]), "CSTD_CS")
    assert not v.eligible and not reason(v, "art23.cstd_cs.ldtt").passed


# --- Art 22: CSTĐ tỉnh ---------------------------------------------------------------------------

def _cstd_tinh_person(make_person, *, cs=(2024, 2025, 2026), initiatives=((2025, "tinh"),), **kw):
    return make_person(ratings=good_years(2024, 2026), awards={"CSTD_CS": list(cs), **kw.pop("awards", {})},
                       initiatives=list(initiatives), **kw)


def test_art22_cstd_tinh_passes_with_three_cstd_cs_and_provincial_initiative(make_person, verdict):
    v = verdict(_cstd_tinh_person(make_person), "CSTD_TINH")
    assert v.eligible, v.reasons


def test_art22_cstd_tinh_fails_without_cstd_cs_of_a_year(make_person, verdict):
    v = verdict(_cstd_tinh_person(make_person, cs=(2025, 2026)), "CSTD_TINH")
    assert not v.eligible
    assert reason(v, "art22.cstd_tinh.three_cstd_cs").detail == "thiếu CSTĐ cơ sở năm 2024"


def test_art22_cstd_tinh_fails_without_provincial_initiative(make_person, verdict):
    v = verdict(_cstd_tinh_person(make_person, initiatives=((2025, "co_so"),)), "CSTD_TINH")
    assert not v.eligible and not reason(v, "art22.cstd_tinh.initiative").passed


def test_art22_cstd_tinh_fails_with_initiative_outside_window(make_person, verdict):
    assert not verdict(_cstd_tinh_person(make_person, initiatives=((2023, "toan_quoc"),)), "CSTD_TINH").eligible


def test_art22_cstd_tinh_fails_when_initiative_already_used(make_person, verdict):
    person = _cstd_tinh_person(make_person, initiatives=(), used_initiatives=[(2025, "tinh", "CSTD_CS", 2025)])
    v = verdict(person, "CSTD_TINH")
    assert not v.eligible and "đã dùng" in reason(v, "art22.cstd_tinh.initiative").detail


def test_art22_reuse_years_counted_for_previous_cstd_tinh_restart(make_person, verdict):
    person = _cstd_tinh_person(make_person, awards={"CSTD_TINH": [2024]})
    v = verdict(person, "CSTD_TINH")
    assert not v.eligible
    assert "tính lại từ năm 2025" in reason(v, "art22.cstd_tinh.three_cstd_cs").detail


def test_art22_one_off_awards_do_not_count(make_person, verdict):
    from awards.models import Award

    person = _cstd_tinh_person(make_person)
    Award.objects.filter(person=person, kind__code="CSTD_CS", year=2024).update(commendation_type="dot_xuat")
    assert not verdict(person, "CSTD_TINH").eligible


# --- Art 74(1)(d): Bằng khen tỉnh ----------------------------------------------------------------

def test_art74_bk_tinh_passes_with_two_consecutive_cstd_cs(make_person, verdict):
    assert verdict(make_person(ratings=good_years(2025, 2026), awards={"CSTD_CS": [2025, 2026]}), "BK_TINH").eligible


def test_art74_bk_tinh_passes_with_two_excellent_years_and_two_unused_initiatives(make_person, verdict):
    person = make_person(ratings=good_years(2025, 2026, "HTXSNV"), initiatives=[(2025, "co_so"), (2026, "tinh")])
    assert verdict(person, "BK_TINH").eligible


def test_art74_bk_tinh_fails_with_one_cstd_cs(make_person, verdict):
    v = verdict(make_person(ratings=good_years(2025, 2026), awards={"CSTD_CS": [2025]}), "BK_TINH")
    assert not v.eligible and "thiếu CSTĐ cơ sở năm 2026" in reason(v, "art74_1_d").detail


def test_art74_bk_tinh_fails_with_one_unused_initiative(make_person, verdict):
    person = make_person(ratings=good_years(2025, 2026, "HTXSNV"), initiatives=[(2025, "co_so")],
                         used_initiatives=[(2026, "co_so", "CSTD_CS", 2026)])
    assert not verdict(person, "BK_TINH").eligible


def test_art74_bk_tinh_fails_without_two_excellent_years(make_person, verdict):
    person = make_person(ratings={2025: "HTTNV", 2026: "HTXSNV"}, initiatives=[(2025, "co_so"), (2026, "co_so")])
    assert not verdict(person, "BK_TINH").eligible


def test_art74_reuse_bk_tinh_of_last_year_restarts_count(make_person, verdict):
    person = make_person(ratings=good_years(2025, 2026), awards={"CSTD_CS": [2025, 2026], "BK_TINH": [2025]})
    v = verdict(person, "BK_TINH")
    assert not v.eligible and "tính lại từ năm 2026" in reason(v, "art74_1_d").detail


# --- Art 73(1)(b): Bằng khen Thủ tướng -----------------------------------------------------------

def _bk_ttg_person(make_person, *, bk=(2021,), cs=(2022, 2024, 2026), ratings=None, **kw):
    return make_person(ratings=ratings or good_years(2021, 2026), awards={"BK_TINH": list(bk), "CSTD_CS": list(cs), **kw.pop("awards", {})}, **kw)


def test_art73_bk_ttg_passes_five_good_years_and_three_cstd_cs(make_person, verdict):
    v = verdict(_bk_ttg_person(make_person), "BK_TTG")
    assert v.eligible, v.reasons


def test_art73_bk_ttg_fails_without_bk_tinh(make_person, verdict):
    v = verdict(_bk_ttg_person(make_person, bk=()), "BK_TTG")
    assert not v.eligible and not reason(v, "art73_1_b.bk_ttg.prior").passed


def test_art73_bk_ttg_fails_before_five_years(make_person, verdict):
    v = verdict(_bk_ttg_person(make_person, bk=(2022,), cs=(2023, 2024, 2026)), "BK_TTG")
    assert not v.eligible
    assert reason(v, "art73_1_b.bk_ttg.good_years").detail.startswith(
        "chưa đủ 5 năm liên tục hoàn thành tốt nhiệm vụ kể từ Bằng khen tỉnh năm 2022")


def test_art73_bk_ttg_fails_with_a_plain_year(make_person, verdict):
    v = verdict(_bk_ttg_person(make_person, ratings=good_years(2021, 2026, overrides={2023: "HTNV"})), "BK_TTG")
    assert not v.eligible and "2023" in reason(v, "art73_1_b.bk_ttg.good_years").detail


def test_art73_bk_ttg_fails_with_two_cstd_cs(make_person, verdict):
    v = verdict(_bk_ttg_person(make_person, cs=(2022, 2024)), "BK_TTG")
    assert not v.eligible and "cần 3" in reason(v, "art73_1_b.bk_ttg.cstd_cs").detail


def test_art73_reuse_after_previous_bk_ttg(make_person, verdict):
    person = _bk_ttg_person(make_person, awards={"BK_TTG": [2023]})
    assert not verdict(person, "BK_TTG").eligible


def test_art73_discipline_restarts_the_five_years(make_person, verdict):
    person = _bk_ttg_person(make_person, disciplines=[("khien_trach", d(2023, 2), d(2024, 1, 31))])
    v = verdict(person, "BK_TTG")
    assert not v.eligible and not reason(v, "art73_1_b.bk_ttg.prior").passed
    assert "kỷ luật" in reason(v, "art73_1_b.bk_ttg.prior").detail


# --- Art 44(1)(e): Huân chương Lao động hạng Ba --------------------------------------------------

def _hc_person(make_person, *, ratings=None, cs=(2022, 2023, 2025)):
    return make_person(ratings=ratings or good_years(2021, 2026, overrides={2024: "HTXSNV"}),
                       awards={"BK_TTG": [2021], "CSTD_CS": list(cs)})


def test_art44_hc_ld_3_passes(make_person, verdict):
    v = verdict(_hc_person(make_person), "HC_LD_3")
    assert v.eligible, v.reasons


def test_art44_hc_ld_3_fails_without_excellent_year(make_person, verdict):
    v = verdict(_hc_person(make_person, ratings=good_years(2021, 2026)), "HC_LD_3")
    assert not v.eligible and not reason(v, "art44_1_e.hc_ld_3.excellent").passed


def test_art44_hc_ld_3_fails_with_two_cstd_cs(make_person, verdict):
    assert not verdict(_hc_person(make_person, cs=(2022, 2023)), "HC_LD_3").eligible


def test_art44_hc_ld_3_fails_without_bk_ttg(make_person, verdict):
    person = make_person(ratings=good_years(2020, 2026, overrides={2024: "HTXSNV"}), awards={"BK_TINH": [2020], "CSTD_CS": [2022, 2023, 2025]})
    v = verdict(person, "HC_LD_3")
    assert not v.eligible and not reason(v, "art44_1_e.hc_ld_3.prior").passed


def test_art44_hc_ld_3_fails_before_five_years(make_person, verdict):
    person = make_person(ratings=good_years(2022, 2026, "HTXSNV"), awards={"BK_TTG": [2022], "CSTD_CS": [2023, 2024, 2025]})
    assert not verdict(person, "HC_LD_3").eligible


# --- Same year, holds, discipline (Law Art 5; Decree 152/2025 Art 4) ------------------------------

def test_art5_same_kind_same_year_fails(make_person, verdict):
    v = verdict(make_person(ratings={2026: "HTTNV"}, awards={"LDTT": [2026]}), "LDTT")
    assert not v.eligible and reason(v, "art5.ldtt.same_year").detail == "đã được tặng LĐTT năm 2026"


def test_decree152_art4_pending_hold_blocks_every_award(make_person, verdict):
    person = make_person(ratings={2026: "HTXSNV"}, disciplines=[("dang_xem_xet", d(2026, 10), None)])
    for kind in ("LDTT", "CSTD_CS"):
        v = verdict(person, kind)
        assert not v.eligible and not reason(v, "d152.art4.hold").passed


def test_decree152_art4_closed_hold_of_earlier_year_does_not_block(make_person, verdict):
    person = make_person(ratings={2026: "HTTNV"}, disciplines=[("dang_xem_xet", d(2024, 3), d(2024, 9))])
    assert verdict(person, "LDTT").eligible


def test_decree152_art4_reprimand_overlapping_year_blocks(make_person, verdict):
    person = make_person(ratings={2026: "HTXSNV"}, disciplines=[("khien_trach", d(2025, 6), d(2026, 5, 31))])
    v = verdict(person, "LDTT")
    assert not v.eligible and "khiển trách" in reason(v, "d152.art4.discipline").detail


def test_decree152_art4_discipline_ended_before_year_does_not_block(make_person, verdict):
    person = make_person(ratings={2026: "HTTNV"}, disciplines=[("canh_cao", d(2024, 6), d(2025, 5, 31))])
    assert verdict(person, "LDTT").eligible


def test_decree152_art4_years_under_discipline_do_not_count_for_cstd_tinh(make_person, verdict):
    person = _cstd_tinh_person(make_person, disciplines=[("khien_trach", d(2024, 2), d(2024, 12, 31))])
    v = verdict(person, "CSTD_TINH")
    assert not v.eligible and "kỷ luật" in reason(v, "art22.cstd_tinh.three_cstd_cs").detail


def test_decree98_art4_applies_to_2024_and_decree152_from_2025(make_person, verdict):
    person = make_person(ratings={2024: "HTTNV", 2025: "HTTNV"})
    assert reason(verdict(person, "LDTT", year=2024), "d98.art4.hold").passed
    assert not any(r.rule.startswith("d98") for r in verdict(person, "LDTT", year=2025).reasons)


def test_rules_out_of_force_before_the_2022_law(make_person, verdict):
    v = verdict(make_person(ratings={2023: "HTTNV"}), "LDTT", year=2023)
    assert not v.eligible and reason(v, "rules.not_in_force")

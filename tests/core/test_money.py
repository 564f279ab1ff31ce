import datetime
from decimal import Decimal

import pytest

from awards.models import AwardKind, BaseSalary, RewardRate
from awards.policy import policy_set
from awards.services.money import compute_award_amount
from core.money import format_vnd, round_up

pytestmark = pytest.mark.django_db


def amount(code, subject, date):
    return compute_award_amount(kind=AwardKind.objects.get(code=code), subject_type=subject, decision_date=date)


def test_round_up_to_ten_thousand():
    assert round_up(Decimal("702000"), 10_000) == 710_000
    assert round_up(Decimal("700000"), 10_000) == 700_000
    assert format_vnd(1_234_500) == "1.234.500 đ"


def test_money_policy_example_ldtt_after_july_2024():
    # money_policy.md: 0.3 × 2,340,000 = 702,000 → 710,000
    assert amount("LDTT", "individual", datetime.date(2024, 12, 20)) == 710_000


def test_base_salary_change_on_1_july_2024():
    assert amount("CSTD_CS", "individual", datetime.date(2024, 6, 30)) == 1_800_000
    assert amount("CSTD_CS", "individual", datetime.date(2024, 7, 1)) == 2_340_000


def test_bang_khen_coefficient_change_on_1_july_2025():
    # Decree 98/2023: 1.0 until 30/6/2025; Decree 152/2025: 1.5 from 1/7/2025.
    assert amount("BK_TINH", "individual", datetime.date(2025, 6, 30)) == 2_340_000
    assert amount("BK_TINH", "individual", datetime.date(2025, 7, 1)) == 3_510_000


def test_base_salary_change_on_1_july_2026():
    assert amount("CSTD_TINH", "individual", datetime.date(2026, 6, 30)) == 7_020_000
    assert amount("CSTD_TINH", "individual", datetime.date(2026, 7, 1)) == 7_590_000


def test_collective_certificate_is_doubled_and_household_times_one_and_half():
    on = datetime.date(2026, 8, 1)
    assert amount("BK_TINH", "collective", on) == 7_590_000  # 1.5 × 2.0 × 2,530,000
    assert amount("BK_TINH", "household", on) == 5_700_000  # 1.5 × 1.5 × 2,530,000 = 5,692,500 → up
    assert amount("HC_LD_3", "collective", on) == 22_770_000  # 4.5 × 2.0 × 2,530,000


def test_collective_title_uses_its_own_coefficient():
    assert amount("TTLDTT", "collective", datetime.date(2026, 8, 1)) == 2_030_000  # 0.8 × 2,530,000 → up
    assert amount("CO_TINH", "collective", datetime.date(2026, 8, 1)) == 20_240_000


def test_no_rate_gives_no_amount():
    assert amount("GDVH", "household", datetime.date(2026, 8, 1)) is None
    assert amount("LDTT", "individual", datetime.date(2023, 1, 1)) is None  # before any rate


def test_multiplier_is_province_policy(staff):
    policy_set(actor=staff, key="money.collective_multiplier_certificate", value="1.0", reason="thử")
    assert amount("BK_TINH", "collective", datetime.date(2026, 8, 1)) == 3_800_000  # 3,795,000 → up


def test_rounding_is_a_setting(settings):
    settings.AWARD_MONEY_ROUND_UP = False
    assert amount("LDTT", "individual", datetime.date(2024, 12, 20)) == 702_000


def test_catalog_is_loaded_from_the_shipped_files():
    assert AwardKind.objects.filter(code__in=["LDTT", "CSTD_CS", "CSTD_TINH", "BK_TINH", "BK_TTG", "HC_LD_3"]).count() == 6
    assert RewardRate.objects.filter(kind__code="BK_TTG").count() == 2
    assert list(BaseSalary.objects.order_by("valid_from").values_list("amount", flat=True)) == [1_800_000, 2_340_000, 2_530_000]
    assert AwardKind.objects.get(code="CSTD_TINH").requires_posting

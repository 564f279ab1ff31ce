"""A register with known figures: every share and breakdown has a non-trivial value."""

import datetime

import pytest

from awards.enums import AwardStatus
from org.enums import Gender
from tests.factories.awards_register import make_award
from tests.factories.org import HouseholdFactory, PersonFactory, UnitFactory


@pytest.fixture
def register(province):
    """Awards of 2026 (and a few of 2025) spread over the fixture province."""
    ours, sub, other = province["ours"], province["sub"], province["other"]
    village = UnitFactory(code="XA.T1", name="Thôn Nà Pồng", parent=other, kind="thon_to", hardship_area=True)
    people = [
        PersonFactory(code="P1", full_name="Nguyễn Thị Ánh", gender=Gender.NU, unit=ours, is_leader=True),
        PersonFactory(code="P2", full_name="Lò Văn Dũng", ethnicity="Thái", unit=sub),
        PersonFactory(code="P3", full_name="Hoàng Thị Mỷ", gender=Gender.NU, ethnicity="Tày", unit=other),
        PersonFactory(code="P4", full_name="Trần Văn Đức", unit=other, is_leader=True),
        PersonFactory(code="P5", full_name="Phạm Thị Hường", gender=Gender.NU, unit=sub),
    ]
    home = HouseholdFactory(code="H1", head_name="Giàng A Páo", unit=village)
    rows = [
        make_award(kind="BK_TINH", year=2026, person=people[0], amount=1_170_000),
        make_award(kind="BK_TINH", year=2026, person=people[1], amount=1_170_000),
        make_award(kind="BK_TINH", year=2026, unit=sub, amount=2_340_000),
        make_award(kind="CSTD_CS", year=2026, person=people[2], amount=2_340_000, hardship=True),
        make_award(kind="CSTD_CS", year=2026, person=people[4], amount=2_340_000),
        make_award(kind="BK_TTG", year=2026, person=people[3], amount=3_510_000),
        make_award(kind="BK_TTG", year=2026, unit=village, amount=7_020_000, hardship=True),
        make_award(kind="GK", year=2026, household=home, amount=350_000, hardship=True),
        make_award(kind="TTLDTT", year=2026, unit=ours, amount=1_755_000),
        # previous year
        make_award(kind="BK_TINH", year=2025, person=people[0], amount=1_170_000),
        make_award(kind="LDTT", year=2025, person=people[1], amount=351_000),
        # revoked: never counted
        make_award(kind="LDTT", year=2026, person=people[3], amount=351_000, status=AwardStatus.REVOKED,
                   revoked_decision_number="55/QĐ-UBND", revoked_date=datetime.date(2026, 11, 1),
                   revoked_reason="Khai man thành tích"),
    ]
    return {"rows": rows, "people": people, "household": home, "village": village, **province}

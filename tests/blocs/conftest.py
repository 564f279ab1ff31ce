"""A bloc for 2026 with four members: SYT heads it, SGDDT (the ``officer`` persona's unit) is a member,
C and D are members, E is outside. Criteria: 1 (40, with 1.1 = 20 and 1.2 = 20), 2 (30), bonus 3 (10),
penalty 4 (10)."""

import datetime
from decimal import Decimal

import pytest

from accounts.enums import Role
from blocs import services
from blocs.enums import CriterionKind
from tests.factories.accounts import UserFactory
from tests.factories.blocs import GroupFactory
from tests.factories.org import UnitFactory

DEADLINE = datetime.date(2026, 11, 30)


@pytest.fixture
def units(province):
    c = UnitFactory(code="STC", name="Sở Tài chính", parent=province["root"])
    d = UnitFactory(code="SXD", name="Sở Xây dựng", parent=province["root"])
    e = UnitFactory(code="SNNMT", name="Sở Nông nghiệp và Môi trường", parent=province["root"])
    return {"head": province["other"], "member": province["ours"], "c": c, "d": d, "outside": e}


@pytest.fixture
def bloc_head(units):
    return UserFactory(username="truongkhoi", role=Role.UNIT_HEAD, unit=units["head"])


@pytest.fixture
def outsider(units):
    return UserFactory(username="ngoaikhoi", role=Role.UNIT_OFFICER, unit=units["outside"])


@pytest.fixture
def member_c(units):
    return UserFactory(username="stc", role=Role.UNIT_HEAD, unit=units["c"])


@pytest.fixture
def gy(staff, units):
    group = GroupFactory(code="KHOI.VHXH", name="Khối Văn hóa – Xã hội")
    gy = services.group_year_start(actor=staff, group=group, year=2026)
    members = [units["head"], units["member"], units["c"], units["d"]]
    services.members_set(actor=staff, group_year=gy, units=members)
    services.leaders_set(actor=staff, group_year=gy, head=units["head"], deputy=units["c"], reason="Luân phiên")
    gy.refresh_from_db()
    return gy


@pytest.fixture
def criteria(gy, staff):
    one = services.criterion_add(actor=staff, group_year=gy, number="1", title="Thực hiện nhiệm vụ chuyên môn", max_points=Decimal(40))
    c11 = services.criterion_add(actor=staff, group_year=gy, number="1.1", title="Chỉ tiêu kế hoạch", max_points=Decimal(20), parent=one)
    c12 = services.criterion_add(actor=staff, group_year=gy, number="1.2", title="Cải cách hành chính", max_points=Decimal(20), parent=one)
    two = services.criterion_add(actor=staff, group_year=gy, number="2", title="Công tác thi đua", max_points=Decimal(30))
    bonus = services.criterion_add(actor=staff, group_year=gy, number="3", title="Điểm thưởng", max_points=Decimal(10), kind=CriterionKind.BONUS)
    penalty = services.criterion_add(actor=staff, group_year=gy, number="4", title="Điểm trừ", max_points=Decimal(10), kind=CriterionKind.PENALTY)
    return {"1": one, "1.1": c11, "1.2": c12, "2": two, "3": bonus, "4": penalty}


@pytest.fixture
def scoring(gy, criteria, staff):
    services.scoring_open(actor=staff, group_year=gy, deadline=DEADLINE)
    gy.refresh_from_db()
    return gy

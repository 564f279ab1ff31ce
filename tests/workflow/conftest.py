"""Fixtures for the workflow: a unit with people, a ready dossier, the council roster."""

import pytest

from accounts.enums import Role
from awards.enums import CommendationType
from awards.models import AwardKind
from awards.services import workflow as wf
from tests.factories.accounts import UserFactory
from tests.factories.org import PersonFactory
from tests.workflow.helpers import attach_all


@pytest.fixture
def people(province):
    return [PersonFactory(unit=province["sub"], full_name=f"Nguyễn Thị Hoa {i}") for i in range(3)]


@pytest.fixture
def bk_tinh():
    return AwardKind.objects.get(code="BK_TINH")


@pytest.fixture
def make_dossier(officer, people, province):
    def make(kind="BK_TINH", subjects=None, commendation_type=CommendationType.CONG_TRANG, documents=True, year=2026):
        subjects = subjects if subjects is not None else people[:1]
        dossier = wf.dossier_create_draft(
            actor=officer, unit=province["ours"], year=year, commendation_type=commendation_type,
            title="Đề nghị tặng Bằng khen năm 2026",
            lines=[{"subject": s, "kind": kind, "achievement_summary": "Hoàn thành xuất sắc nhiệm vụ"} for s in subjects],
        )
        if documents:
            attach_all(officer, dossier)
        return dossier

    return make


@pytest.fixture
def roster(province):
    """Seven council members; the sixth belongs to our unit (recused from its lines)."""
    members = []
    for i in range(1, 8):
        unit = province["ours"] if i == 6 else province["root"]
        members.append(UserFactory(username=f"hd{i}", role=Role.COUNCIL_MEMBER, unit=unit, is_council_chair=i == 1))
    return members


@pytest.fixture(autouse=True)
def _eligible_by_default(request, monkeypatch):
    """Workflow tests are about the workflow: every nominee passes the rules and caps unless the
    test asks for ``real_eligibility`` (the engine itself is tested in tests/eligibility)."""
    if "real_eligibility" in request.fixturenames:
        return
    from awards import eligibility

    def evaluate(*, subject_type, subject, kind_code, year, params=None):
        return eligibility.Verdict(subject_type, getattr(subject, "code", ""), kind_code, year, True,
                                   (eligibility.Reason("stub", True, "Đủ tiêu chuẩn (giả lập trong kiểm thử)"),))

    monkeypatch.setattr(eligibility, "evaluate", evaluate)
    monkeypatch.setattr(eligibility, "check_caps", lambda **kwargs: [])


@pytest.fixture
def real_eligibility():
    """Request this fixture to run the real eligibility engine and caps."""
    return True

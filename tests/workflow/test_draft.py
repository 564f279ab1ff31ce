import pytest
from django.core.exceptions import PermissionDenied

from awards.enums_workflow import DossierState
from awards.models import NominationLine
from awards.services import workflow as wf
from core.models import ActivityLog
from tests.factories.org import PersonFactory

pytestmark = pytest.mark.django_db


def test_create_draft_with_lines_logs_each(officer, people, province):
    dossier = wf.dossier_create_draft(
        actor=officer, unit=province["ours"], year=2026, commendation_type="cong_trang", title="Đề nghị",
        lines=[{"subject": p, "kind": "BK_TINH", "achievement_summary": "Tốt"} for p in people],
    )
    assert dossier.state == DossierState.DRAFT
    assert dossier.lines.count() == 3
    assert ActivityLog.objects.filter(action="awards.line.add").count() == 3
    assert ActivityLog.objects.filter(action="awards.dossier.create", object_id=str(dossier.pk)).exists()


def test_create_draft_refuses_nominee_outside_subtree(officer, province):
    stranger = PersonFactory(unit=province["other"])
    with pytest.raises(wf.WorkflowError):
        wf.dossier_create_draft(actor=officer, unit=province["ours"], year=2026, commendation_type="cong_trang",
                                title="Đề nghị", lines=[{"subject": stranger, "kind": "BK_TINH"}])
    assert not NominationLine.objects.exists()


def test_create_draft_refuses_other_units_officer(other_officer, province):
    with pytest.raises(PermissionDenied):
        wf.dossier_create_draft(actor=other_officer, unit=province["ours"], year=2026, commendation_type="cong_trang", title="X")


def test_create_draft_refuses_kind_not_for_subject(officer, province):
    with pytest.raises(wf.WorkflowError, match="không áp dụng"):
        wf.dossier_create_draft(actor=officer, unit=province["ours"], year=2026, commendation_type="cong_trang",
                                title="X", lines=[{"subject": province["sub"], "kind": "CSTD_CS"}])


def test_same_nominee_twice_in_dossier_is_refused(make_dossier, officer, people):
    dossier = make_dossier(documents=False)
    with pytest.raises(wf.WorkflowError, match="đã có"):
        wf.line_add(actor=officer, dossier=dossier, subject=people[0], kind="BK_TINH", achievement_summary="x")

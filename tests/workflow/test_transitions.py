"""Every dossier transition: allowed from the right state by the right role, refused otherwise."""

import pytest
from django.core.exceptions import PermissionDenied

from awards.enums_workflow import DOSSIER_TRANSITIONS, DossierState, LineOutcome, can_transition
from awards.services import workflow as wf
from core.models import ActivityLog
from tests.workflow.helpers import to_appraised

pytestmark = pytest.mark.django_db


def test_transition_table_covers_every_state():
    assert set(DOSSIER_TRANSITIONS) == set(DossierState.values)
    assert can_transition(DossierState.DRAFT, DossierState.SUBMITTED)
    assert not can_transition(DossierState.DECIDED, DossierState.DRAFT)


def test_officer_cannot_submit_only_head(make_dossier, officer, head):
    dossier = make_dossier()
    with pytest.raises(PermissionDenied):
        wf.dossier_submit(actor=officer, dossier=dossier)
    wf.dossier_submit(actor=head, dossier=dossier)
    dossier.refresh_from_db()
    assert dossier.state == DossierState.SUBMITTED
    assert ActivityLog.objects.filter(action="awards.dossier.submit", object_id=str(dossier.pk)).count() == 1


def test_submit_twice_is_refused_with_message(make_dossier, head):
    dossier = make_dossier()
    wf.dossier_submit(actor=head, dossier=dossier)
    with pytest.raises(wf.WorkflowError, match="Không thể chuyển"):
        wf.dossier_submit(actor=head, dossier=dossier)


def test_submit_refused_when_documents_missing(make_dossier, head):
    dossier = make_dossier(documents=False)
    with pytest.raises(wf.WorkflowError) as exc:
        wf.dossier_submit(actor=head, dossier=dossier)
    messages = " ".join(exc.value.messages)
    assert "Tờ trình" in messages and "Biên bản" in messages and "Báo cáo thành tích" in messages
    dossier.refresh_from_db()
    assert dossier.state == DossierState.DRAFT


def test_withdraw_before_appraisal_only(make_dossier, head, staff):
    dossier = make_dossier()
    wf.dossier_submit(actor=head, dossier=dossier)
    wf.dossier_withdraw(actor=head, dossier=dossier)
    dossier.refresh_from_db()
    assert dossier.state == DossierState.WITHDRAWN


def test_withdraw_refused_in_appraisal(make_dossier, head, staff):
    dossier = make_dossier()
    wf.dossier_submit(actor=head, dossier=dossier)
    wf.dossier_receive(actor=staff, dossier=dossier, appraiser=staff)
    with pytest.raises(wf.WorkflowError):
        wf.dossier_withdraw(actor=head, dossier=dossier)


def test_receive_refused_for_non_staff_and_wrong_state(make_dossier, head, staff, officer):
    dossier = make_dossier()
    with pytest.raises(wf.WorkflowError, match="không còn chờ tiếp nhận"):
        wf.dossier_receive(actor=staff, dossier=dossier, appraiser=staff)
    wf.dossier_submit(actor=head, dossier=dossier)
    with pytest.raises(PermissionDenied):
        wf.dossier_receive(actor=officer, dossier=dossier, appraiser=staff)
    with pytest.raises(wf.WorkflowError, match="cán bộ Sở Nội vụ"):
        wf.dossier_receive(actor=staff, dossier=dossier, appraiser=officer)


def test_return_then_fix_and_resubmit(make_dossier, head, staff, officer):
    dossier = make_dossier()
    wf.dossier_submit(actor=head, dossier=dossier)
    wf.dossier_receive(actor=staff, dossier=dossier, appraiser=staff)
    with pytest.raises(wf.WorkflowError, match="nội dung"):
        wf.dossier_return(actor=staff, dossier=dossier, note=" ")
    wf.dossier_return(actor=staff, dossier=dossier, note="Bổ sung biên bản")
    dossier.refresh_from_db()
    assert dossier.state == DossierState.RETURNED and dossier.return_note == "Bổ sung biên bản"
    wf.line_update(actor=officer, line=dossier.lines.first(), achievement_summary="Đã bổ sung thành tích")
    wf.dossier_submit(actor=head, dossier=dossier)
    dossier.refresh_from_db()
    assert dossier.state == DossierState.SUBMITTED
    assert ActivityLog.objects.filter(action="awards.dossier.resubmit").exists()


def test_editing_refused_after_submission(make_dossier, head, officer, people):
    dossier = make_dossier()
    wf.dossier_submit(actor=head, dossier=dossier)
    with pytest.raises(wf.WorkflowError, match="không sửa được"):
        wf.line_add(actor=officer, dossier=dossier, subject=people[2], kind="BK_TINH", achievement_summary="x")


def test_appraise_fail_needs_reason_and_all_failed_rejects(make_dossier, head, staff):
    dossier = make_dossier()
    wf.dossier_submit(actor=head, dossier=dossier)
    wf.dossier_receive(actor=staff, dossier=dossier, appraiser=staff)
    line = dossier.lines.first()
    with pytest.raises(wf.WorkflowError, match="lý do"):
        wf.line_appraise(actor=staff, line=line, passed=False)
    with pytest.raises(wf.WorkflowError, match="chưa có kết quả"):
        wf.dossier_finish_appraisal(actor=staff, dossier=dossier)
    wf.line_appraise(actor=staff, line=line, passed=False, reason="Thiếu minh chứng")
    wf.dossier_finish_appraisal(actor=staff, dossier=dossier)
    dossier.refresh_from_db()
    line.refresh_from_db()
    assert dossier.state == DossierState.REJECTED and line.outcome == LineOutcome.APPRAISAL_FAILED


def test_appraise_refused_outside_appraisal(make_dossier, staff):
    dossier = make_dossier()
    with pytest.raises(wf.WorkflowError):
        wf.line_appraise(actor=staff, line=dossier.lines.first(), passed=True)


def test_posting_moves_appraised_to_posted_and_refuses_pending_lines(make_dossier, head, staff):
    import datetime

    dossier = to_appraised(make_dossier(kind="CSTD_TINH"), head, staff)
    day = datetime.date(2026, 12, 1)
    wf.posting_create(actor=staff, title="CK", start_date=day, end_date=day, lines=dossier.lines.all())
    dossier.refresh_from_db()
    assert dossier.state == DossierState.POSTED
    with pytest.raises(wf.WorkflowError, match="kết thúc"):
        wf.posting_create(actor=staff, title="CK", start_date=day, end_date=day - datetime.timedelta(days=1), lines=dossier.lines.all())

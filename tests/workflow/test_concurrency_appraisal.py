"""Two staff members appraising the same dossier at once on PostgreSQL: one change, one clear message."""

import pytest

from awards.enums_workflow import DossierState, LineOutcome
from awards.services import workflow as wf
from core.models import ActivityLog
from tests.factories.accounts import UserFactory
from tests.workflow.test_concurrency import _catalog, _race  # noqa: F401  (_catalog is an autouse fixture)

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def in_appraisal(make_dossier, head, staff):
    dossier = make_dossier()
    wf.dossier_submit(actor=head, dossier=dossier)
    wf.dossier_receive(actor=staff, dossier=dossier, appraiser=staff)
    return dossier


@pytest.fixture
def colleague(staff):
    return UserFactory(username="canbo2", role="staff", unit=staff.unit, is_staff=True)


def _logged(action):
    return ActivityLog.objects.filter(action=action).count()


def test_two_staff_appraise_the_same_line_at_once(in_appraisal, staff, colleague):
    line = in_appraisal.lines.get()
    results, errors = _race(
        lambda: wf.line_appraise(actor=staff, line=line, passed=True, seen_outcome=LineOutcome.PENDING),
        lambda: wf.line_appraise(
            actor=colleague,
            line=line,
            passed=False,
            reason="Thiếu minh chứng",
            seen_outcome=LineOutcome.PENDING,
        ),
    )
    assert len(results) == 1 and len(errors) == 1
    assert isinstance(errors[0], wf.WorkflowError) and "vừa được người khác cập nhật" in errors[0].messages[0]
    line.refresh_from_db()
    assert line.outcome == results[0].outcome  # the winner's result stands, not overwritten
    assert _logged("awards.line.appraise") == 1


def test_return_and_finish_at_once(in_appraisal, staff, colleague):
    wf.line_appraise(actor=staff, line=in_appraisal.lines.get(), passed=True)
    results, errors = _race(
        lambda: wf.dossier_return(actor=staff, dossier=in_appraisal, note="Bổ sung giấy chứng nhận"),
        lambda: wf.dossier_finish_appraisal(actor=colleague, dossier=in_appraisal),
    )
    assert len(results) == 1 and len(errors) == 1
    assert (
        isinstance(errors[0], wf.WorkflowError)
        and "có thể vừa được người khác xử lý" in errors[0].messages[0]
    )
    in_appraisal.refresh_from_db()
    assert in_appraisal.state == results[0].state in (DossierState.RETURNED, DossierState.APPRAISED)
    assert _logged("awards.dossier.return") + _logged("awards.dossier.appraise") == 1


def test_two_staff_finish_appraisal_at_once(in_appraisal, staff, colleague):
    wf.line_appraise(actor=staff, line=in_appraisal.lines.get(), passed=True)
    results, errors = _race(
        lambda: wf.dossier_finish_appraisal(actor=staff, dossier=in_appraisal),
        lambda: wf.dossier_finish_appraisal(actor=colleague, dossier=in_appraisal),
    )
    assert len(results) == 1 and len(errors) == 1
    assert "không còn ở trạng thái đang thẩm định" in errors[0].messages[0]
    assert _logged("awards.dossier.appraise") == 1

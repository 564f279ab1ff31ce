import datetime

import pytest

from awards.enums_workflow import DossierState, LineOutcome
from awards.models import Award
from awards.services import decisions
from awards.services import workflow as wf
from tests.workflow.helpers import draft_decision, to_voted

pytestmark = pytest.mark.django_db


def test_issue_writes_register_with_amounts_and_is_immutable(make_dossier, head, staff, roster, people, province):
    dossier = make_dossier(subjects=people[:2])
    to_voted(dossier, head, staff, roster)
    decision = draft_decision(staff)
    decisions.decision_issue(actor=staff, decision=decision)
    assert list(Award.objects.values_list("amount", flat=True)) == [3_800_000, 3_800_000]
    assert set(Award.objects.values_list("decision_number", flat=True)) == {"10/QĐ-UBND"}
    dossier.refresh_from_db()
    assert dossier.state == DossierState.DECIDED
    assert set(dossier.lines.values_list("outcome", flat=True)) == {LineOutcome.AWARDED}
    with pytest.raises(wf.WorkflowError, match="đã được ban hành"):
        decisions.decision_issue(actor=staff, decision=decision)
    with pytest.raises(wf.WorkflowError, match="không sửa được"):
        decisions.decision_update(actor=staff, decision=decision, title="Khác")
    assert Award.objects.count() == 2


def test_collective_amount(make_dossier, head, staff, roster, province):
    dossier = make_dossier(subjects=[province["sub"]])
    to_voted(dossier, head, staff, roster)
    decisions.decision_issue(actor=staff, decision=draft_decision(staff))
    assert Award.objects.get().amount == 7_590_000  # 1.5 × 2 × 2,530,000


def test_number_unique_per_issuer_and_year(make_dossier, head, staff, roster, people):
    to_voted(make_dossier(subjects=people[:2]), head, staff, roster)
    lines = list(decisions.decidable_lines())
    decisions.decision_create_draft(actor=staff, number="5/QĐ-UBND", date=datetime.date(2026, 12, 1), signer="A", title="T", lines=lines[:1])
    with pytest.raises(wf.WorkflowError, match="đã được dùng"):
        decisions.decision_create_draft(actor=staff, number="5/QĐ-UBND", date=datetime.date(2026, 12, 2), signer="A", title="T", lines=lines[1:])
    other_year = decisions.decision_create_draft(actor=staff, number="5/QĐ-UBND", date=datetime.date(2027, 1, 2), signer="A", title="T", lines=lines[1:])
    assert other_year.year == 2027


def test_state_level_lines_cannot_be_decided_and_are_forwarded(make_dossier, head, staff, roster, people):
    import datetime as dt

    from django.utils import timezone

    dossier = make_dossier(kind="BK_TTG", subjects=people[:1])
    from tests.workflow.helpers import to_appraised

    to_appraised(dossier, head, staff)
    today = timezone.localdate()
    wf.posting_create(actor=staff, title="CK", start_date=today - dt.timedelta(days=3), end_date=today, lines=dossier.lines.all())
    from tests.workflow.helpers import open_meeting

    meeting = open_meeting(dossier, staff, roster)
    from awards.services import council

    for m in roster[:5]:
        council.ballot_cast(actor=m, item=meeting.items.get(), choice="yes")
    council.meeting_close(actor=staff, meeting=meeting)
    assert not decisions.decidable_lines().exists()
    with pytest.raises(wf.WorkflowError, match="Trung ương"):
        decisions.decision_create_draft(actor=staff, number="1/QĐ-UBND", date=today, signer="A", title="T", lines=dossier.lines.all())
    fwd = decisions.forwarding_create(actor=staff, number="9/TTr-UBND", date=today, title="Trình", lines=decisions.forwardable_lines())
    dossier.refresh_from_db()
    assert dossier.state == DossierState.FORWARDED and not Award.objects.exists()
    decisions.forwarding_record_outcome(actor=staff, forwarding=fwd, central_number="77/QĐ-TTg", central_date=dt.date(2027, 2, 1), awarded_line_ids=[])
    dossier.refresh_from_db()
    assert dossier.state == DossierState.OUTCOME_RECORDED
    assert dossier.lines.get().outcome == LineOutcome.NOT_AWARDED and not Award.objects.exists()
    with pytest.raises(wf.WorkflowError, match="đã được ghi nhận"):
        decisions.forwarding_record_outcome(actor=staff, forwarding=fwd, central_number="77/QĐ-TTg", central_date=dt.date(2027, 2, 1), awarded_line_ids=[])

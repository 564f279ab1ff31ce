"""End to end through the services: one dossier through every step with the real roles."""

import datetime

import pytest
from django.utils import timezone

from awards.enums_workflow import DocumentType, DossierState, ItemResult, LineOutcome
from awards.models import Award, Ballot, BallotCast, Feedback
from awards.services import council, decisions
from awards.services import workflow as wf
from core.models import ActivityLog, Notification
from tests.factories.evidence import AwardFactory, InitiativeFactory, RatingFactory
from tests.factories.org import PersonFactory
from tests.workflow.helpers import attach_all, pdf

pytestmark = pytest.mark.django_db


def test_dossier_journey_ends_in_register_with_amounts(officer, head, staff, province, roster, client, django_capture_on_commit_callbacks, real_eligibility):
    a, b, c = (PersonFactory(unit=province["sub"], full_name=n) for n in ("Lê Thị Ánh", "Trần Văn Bình", "Phạm Chí Công"))
    # Real history: A has CSTĐ cơ sở 2025–2026 (Bằng khen tỉnh); B has CSTĐ cơ sở 2024–2026 and an
    # unused provincial initiative (CSTĐ tỉnh). C lacks the history for Bằng khen Thủ tướng.
    for year in (2025, 2026):
        AwardFactory(person=a, kind="CSTD_CS", year=year)
    for year in (2024, 2025, 2026):
        AwardFactory(person=b, kind="CSTD_CS", year=year)
        RatingFactory(person=b, year=year, grade="HTXSNV")
        RatingFactory(person=a, year=year, grade="HTXSNV")
    InitiativeFactory(scope="tinh", year=2025, authors=[b])
    # The officer drafts; the head's first submission is refused with exact reasons.
    dossier = wf.dossier_create_draft(
        actor=officer, unit=province["ours"], year=2026, commendation_type="cong_trang", title="Đề nghị khen năm 2026",
        lines=[{"subject": a, "kind": "BK_TINH", "achievement_summary": "Xuất sắc"},
               {"subject": b, "kind": "CSTD_TINH", "achievement_summary": "Sáng kiến cấp tỉnh"},
               {"subject": c, "kind": "BK_TTG", "achievement_summary": "Năm năm liền xuất sắc"}],
    )
    with pytest.raises(wf.WorkflowError) as refused:
        wf.dossier_submit(actor=head, dossier=dossier)
    assert any("Tờ trình" in m for m in refused.value.messages)
    assert any("Xác nhận sáng kiến" in m and "Trần Văn Bình" in m for m in refused.value.messages)
    assert any("Phạm Chí Công (BK_TTG): Chưa đủ điều kiện" in m for m in refused.value.messages)
    assert not any("Lê Thị Ánh (BK_TINH): Chưa đủ" in m or "Trần Văn Bình (CSTD_TINH): Chưa đủ" in m for m in refused.value.messages)
    # Staff accept C's line as an exception, with a written reason (logged).
    wf.line_override(actor=staff, line=dossier.lines.get(person=c), reason="Thành tích đặc biệt xuất sắc, Sở Nội vụ đề xuất.")
    wf.document_upload(actor=officer, dossier=dossier, doc_type=DocumentType.TO_TRINH, upload=pdf())
    wf.document_upload(actor=officer, dossier=dossier, doc_type=DocumentType.BIEN_BAN, upload=pdf())
    for line in dossier.lines.all():
        wf.document_upload(actor=officer, dossier=dossier, line=line, doc_type=DocumentType.BAO_CAO_THANH_TICH, upload=pdf())
    line_b = dossier.lines.get(person=b)
    wf.document_upload(actor=officer, dossier=dossier, line=line_b, doc_type=DocumentType.XAC_NHAN_SANG_KIEN, upload=pdf())
    with django_capture_on_commit_callbacks(execute=True):
        wf.dossier_submit(actor=head, dossier=dossier)
    dossier.refresh_from_db()
    assert dossier.state == DossierState.SUBMITTED and dossier.due_date is not None
    assert Notification.objects.filter(user=staff).exists()

    # Staff receive and appraise; the appraiser returns it once; the unit fixes and resubmits.
    wf.dossier_receive(actor=staff, dossier=dossier, appraiser=staff)
    wf.dossier_return(actor=staff, dossier=dossier, note="Bổ sung bản sao quyết định công nhận sáng kiến.")
    dossier.refresh_from_db()
    assert dossier.state == DossierState.RETURNED
    wf.document_upload(actor=officer, dossier=dossier, line=line_b, doc_type=DocumentType.KHAC, upload=pdf("qd-sang-kien.pdf"))
    wf.dossier_submit(actor=head, dossier=dossier)
    wf.dossier_receive(actor=staff, dossier=dossier, appraiser=staff)
    for line in dossier.lines.all():
        wf.line_appraise(actor=staff, line=line, passed=True)
    wf.dossier_finish_appraisal(actor=staff, dossier=dossier)
    dossier.refresh_from_db()
    assert dossier.state == DossierState.APPRAISED

    # Public posting of the kinds that need it, with one comment from the public.
    today = timezone.localdate()
    posted = list(dossier.lines.filter(kind__requires_posting=True))
    assert {ln.kind.code for ln in posted} == {"CSTD_TINH", "BK_TTG"}
    posting = wf.posting_create(actor=staff, title="Công khai 2026", start_date=today - datetime.timedelta(days=7), end_date=today, lines=posted)
    dossier.refresh_from_db()
    assert dossier.state == DossierState.POSTED
    response = client.get("/cong-khai/")
    assert "Trần Văn Bình" in response.content.decode() and "Lê Thị Ánh" not in response.content.decode()
    wf.feedback_submit(posting_line=posting.posting_lines.first(), text="Đồng ý", address="10.0.0.1")
    assert Feedback.objects.count() == 1

    # Council: 7 members, 6 present, member 6 (our unit) recused, secret ballot.
    meeting = council.meeting_create(actor=staff, title="Phiên họp tháng 12", date=today, members=roster,
                                     lines=dossier.lines.all())
    dossier.refresh_from_db()
    assert dossier.state == DossierState.AT_COUNCIL
    council.meeting_set_attendance(actor=staff, meeting=meeting, present_ids=[m.pk for m in roster[:6]])
    council.meeting_open(actor=staff, meeting=meeting)
    for item in meeting.items.all():
        assert list(item.recused.all()) == [roster[5]]
        for member, choice in zip(roster[:5], ["yes", "yes", "yes", "yes", "no"], strict=True):
            council.ballot_cast(actor=member, item=item, choice=choice)
    council.meeting_close(actor=staff, meeting=meeting)
    assert set(meeting.items.values_list("result", flat=True)) == {ItemResult.PASSED}
    item = meeting.items.first()
    assert (item.yes_count, item.no_count, item.voters) == (4, 1, 6)
    assert BallotCast.objects.filter(item=item).count() == 5 and not Ballot.objects.filter(member__isnull=False).exists()

    # Decision for provincial lines; the state-level line is forwarded and its outcome recorded.
    decision = decisions.decision_create_draft(
        actor=staff, number="123/QĐ-UBND", date=datetime.date(2026, 12, 20), signer="Nguyễn Đức Thịnh",
        title="Về việc tặng danh hiệu và Bằng khen", lines=decisions.decidable_lines(),
    )
    assert decision.lines.count() == 2
    decisions.decision_issue(actor=staff, decision=decision)
    forwarding = decisions.forwarding_create(actor=staff, number="45/TTr-UBND", date=datetime.date(2026, 12, 21),
                                             title="Đề nghị Bằng khen của Thủ tướng", lines=decisions.forwardable_lines())
    dossier.refresh_from_db()
    assert dossier.state == DossierState.FORWARDED
    decisions.forwarding_record_outcome(actor=staff, forwarding=forwarding, central_number="99/QĐ-TTg",
                                        central_date=datetime.date(2027, 1, 10), awarded_line_ids=[ln.pk for ln in forwarding.lines.all()])
    dossier.refresh_from_db()
    assert dossier.state == DossierState.OUTCOME_RECORDED
    amounts = dict(Award.objects.exclude(kind__code="CSTD_CS").values_list("kind__code", "amount"))
    assert amounts == {"BK_TINH": 3_800_000, "CSTD_TINH": 7_590_000, "BK_TTG": 7_590_000}
    assert set(dossier.lines.values_list("outcome", flat=True)) == {LineOutcome.AWARDED}
    assert Award.objects.get(kind__code="BK_TINH").decision_number == "123/QĐ-UBND"
    assert Award.objects.filter(kind__code="CSTD_CS").count() == 5  # the history is untouched
    actions = set(ActivityLog.objects.values_list("action", flat=True))
    assert {"awards.dossier.submit", "awards.dossier.return", "awards.dossier.resubmit", "awards.meeting.close", "awards.decision.issue", "awards.line.override"} <= actions


def test_attach_all_makes_dossier_submittable(make_dossier, head, officer):
    dossier = make_dossier()
    wf.dossier_submit(actor=head, dossier=dossier)
    dossier.refresh_from_db()
    assert dossier.state == DossierState.SUBMITTED
    assert attach_all is not None

"""Duplicate, cap, document and rule checks at entry, and the staff override."""

import pytest

from awards import eligibility
from awards.enums import CommendationType
from awards.services import workflow as wf
from core.models import ActivityLog
from tests.factories.evidence import AwardFactory

pytestmark = pytest.mark.django_db


def _failing(monkeypatch):
    def evaluate(*, subject_type, subject, kind_code, year, params=None):
        return eligibility.Verdict(subject_type, subject.code, kind_code, year, False,
                                   (eligibility.Reason("bk.cstd", False, "thiếu CSTĐ cơ sở năm 2025", "Điều 74"),))

    monkeypatch.setattr(eligibility, "evaluate", evaluate)


def test_duplicate_in_another_dossier_blocks_submission(make_dossier, head, people):
    make_dossier(subjects=people[:1])
    second = make_dossier(subjects=people[:1])
    with pytest.raises(wf.WorkflowError) as exc:
        wf.dossier_submit(actor=head, dossier=second)
    assert any("Đã được đề nghị BK_TINH năm 2026 trong hồ sơ" in m for m in exc.value.messages)


def test_duplicate_in_register_blocks_submission(make_dossier, head, people):
    AwardFactory(person=people[0], kind="BK_TINH", year=2026, decision_number="7/QĐ-UBND")
    dossier = make_dossier(subjects=people[:1])
    with pytest.raises(wf.WorkflowError) as exc:
        wf.dossier_submit(actor=head, dossier=dossier)
    assert any("quyết định 7/QĐ-UBND" in m for m in exc.value.messages)


def test_duplicate_cannot_be_overridden(make_dossier, head, staff, people):
    AwardFactory(person=people[0], kind="BK_TINH", year=2026)
    dossier = make_dossier(subjects=people[:1])
    wf.line_override(actor=staff, line=dossier.lines.first(), reason="Lý do đủ dài để ghi")
    with pytest.raises(wf.WorkflowError):
        wf.dossier_submit(actor=head, dossier=dossier)


def test_failed_rule_blocks_until_staff_override_logged(make_dossier, head, staff, monkeypatch):
    _failing(monkeypatch)
    dossier = make_dossier()
    with pytest.raises(wf.WorkflowError) as exc:
        wf.dossier_submit(actor=head, dossier=dossier)
    assert any("thiếu CSTĐ cơ sở năm 2025" in m for m in exc.value.messages)
    with pytest.raises(wf.WorkflowError, match="lý do"):
        wf.line_override(actor=staff, line=dossier.lines.first(), reason="ngắn")
    wf.line_override(actor=staff, line=dossier.lines.first(), reason="Thành tích đặc biệt, Giám đốc Sở đồng ý")
    wf.dossier_submit(actor=head, dossier=dossier)
    log = ActivityLog.objects.get(action="awards.line.override")
    assert log.reason == "Thành tích đặc biệt, Giám đốc Sở đồng ý" and log.actor == staff
    assert dossier.lines.first().eligibility["eligible"] is False


def test_override_is_staff_only(make_dossier, officer):
    dossier = make_dossier()
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        wf.line_override(actor=officer, line=dossier.lines.first(), reason="Lý do đủ dài để ghi")


def test_cap_breach_blocks_line_of_that_kind(make_dossier, head, monkeypatch):
    monkeypatch.setattr(eligibility, "check_caps", lambda **kw: [
        eligibility.Reason("cap.bk_tinh", False, "Bằng khen tỉnh năm 2026: vượt trần 0"), eligibility.Reason("cap.ldtt", True, "ok")])
    dossier = make_dossier()
    with pytest.raises(wf.WorkflowError) as exc:
        wf.dossier_submit(actor=head, dossier=dossier)
    assert any("vượt trần" in m for m in exc.value.messages)


def test_history_free_types_skip_rules(make_dossier, head, monkeypatch):
    _failing(monkeypatch)
    dossier = make_dossier(commendation_type=CommendationType.DOT_XUAT)
    wf.dossier_submit(actor=head, dossier=dossier)
    dossier.refresh_from_db()
    assert dossier.state == "submitted"


def test_history_free_types_still_check_duplicates(make_dossier, head, people):
    AwardFactory(person=people[0], kind="BK_TINH", year=2026)
    dossier = make_dossier(commendation_type=CommendationType.CHUYEN_DE)
    with pytest.raises(wf.WorkflowError):
        wf.dossier_submit(actor=head, dossier=dossier)


def test_missing_initiative_certification_for_cstd(make_dossier, head, officer):
    from tests.workflow.helpers import pdf

    dossier = make_dossier(kind="CSTD_TINH", documents=False)
    wf.document_upload(actor=officer, dossier=dossier, doc_type="to_trinh", upload=pdf())
    wf.document_upload(actor=officer, dossier=dossier, doc_type="bien_ban", upload=pdf())
    wf.document_upload(actor=officer, dossier=dossier, line=dossier.lines.first(), doc_type="bao_cao_thanh_tich", upload=pdf())
    with pytest.raises(wf.WorkflowError) as exc:
        wf.dossier_submit(actor=head, dossier=dossier)
    assert exc.value.messages == [f"{dossier.lines.first().nominee} (CSTD_TINH): Thiếu tài liệu: Xác nhận sáng kiến / đề tài khoa học."]

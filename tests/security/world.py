"""One small province with an object behind every URL argument of the project, built through the
services (factories where a service would add nothing), for the authorization matrix.

Our unit (SGDDT, the ``officer`` and ``head`` personas) owns every private object; the other unit
(SYT, ``other_officer``) owns nothing of it. The bloc is headed by STC (``bloc_head``) with our unit
as a member and SYT outside. The council member sits on the meeting that votes on our dossier.
"""

import datetime
from dataclasses import dataclass, field

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from accounts.enums import Role
from awards import eligibility
from awards.services import council, decisions
from awards.services import imports as import_services
from awards.services import workflow as wf
from blocs import services as blocs
from campaigns import services as campaigns
from reports import services as reports
from tests.factories.accounts import UserFactory
from tests.factories.blocs import GroupFactory
from tests.factories.campaigns import CampaignFactory, TargetFactory
from tests.factories.evidence import AwardFactory, DisciplineFactory, InitiativeFactory
from tests.factories.org import HouseholdFactory, PersonFactory, UnitFactory
from tests.workflow.helpers import attach_all, pdf

YEAR = 2026


@dataclass
class World:
    users: dict = field(default_factory=dict)  # persona name → User (anonymous: absent)
    units: dict = field(default_factory=dict)
    objects: dict = field(default_factory=dict)  # what the URL arguments point at


def _always_eligible(*, subject_type, subject, kind_code, year, params=None):
    return eligibility.Verdict(
        subject_type,
        getattr(subject, "code", ""),
        kind_code,
        year,
        True,
        (eligibility.Reason("stub", True, "Đủ tiêu chuẩn (giả lập trong kiểm thử)"),),
    )


def build_world() -> World:
    w = World()
    root = UnitFactory(code="UBND", name="Ủy ban nhân dân tỉnh")
    ours = UnitFactory(code="SGDDT", name="Sở Giáo dục và Đào tạo", parent=root)
    sub = UnitFactory(code="SGDDT.VP", name="Văn phòng Sở", parent=ours, kind="phong_ban")
    other = UnitFactory(code="SYT", name="Sở Y tế", parent=root)
    bloc_unit = UnitFactory(code="STC", name="Sở Tài chính", parent=root)
    third = UnitFactory(code="SXD", name="Sở Xây dựng", parent=root)
    w.units = {"root": root, "ours": ours, "sub": sub, "other": other, "bloc_unit": bloc_unit, "third": third}

    staff = UserFactory(username="canbo", role=Role.STAFF, unit=root, is_staff=True)
    w.users = {
        "staff": staff,
        "officer": UserFactory(username="donvi", role=Role.UNIT_OFFICER, unit=ours),
        "head": UserFactory(username="thutruong", role=Role.UNIT_HEAD, unit=ours),
        "other_officer": UserFactory(username="donvikhac", role=Role.UNIT_OFFICER, unit=other),
        "council_member": UserFactory(
            username="hoidong1", role=Role.COUNCIL_MEMBER, unit=root, is_council_chair=True
        ),
        "viewer": UserFactory(username="lanhdao", role=Role.VIEWER, unit=root),
        # A bloc head is the head of the unit that heads the bloc-year (blocs.services.leaders_set).
        "bloc_head": UserFactory(username="truongkhoi", role=Role.UNIT_HEAD, unit=bloc_unit),
    }
    officer, head = w.users["officer"], w.users["head"]
    council_members = [w.users["council_member"]] + [
        UserFactory(username=f"hoidong{i}", role=Role.COUNCIL_MEMBER, unit=root) for i in (2, 3)
    ]

    person = PersonFactory(code="CN.OURS.1", full_name="Nguyễn Thị Hoa", unit=sub)
    nominees = [PersonFactory(code=f"CN.OURS.{i}", full_name=f"Trần Văn Nam {i}", unit=sub) for i in (2, 3)]
    PersonFactory(code="CN.OTHER.1", full_name="Lê Văn Khác", unit=other)
    household = HouseholdFactory(code="HO.OURS", head_name="Lò Văn Hộ", unit=sub)

    # Campaign: launched with a directive file, then mid-term reviewed with a report file.
    campaign = CampaignFactory(
        code="PT2026", name="Phong trào thi đua năm 2026", directive_file=pdf("chi-thi.pdf")
    )
    TargetFactory(campaign=campaign, indicator="Tốc độ tăng GRDP", measure="%", target_value="9")
    campaign.participants.add(ours)
    campaigns.campaign_launch(actor=staff, campaign=campaign)
    review = campaigns.campaign_review_midterm(
        actor=staff,
        campaign=campaign,
        held_on=datetime.date(2026, 6, 30),
        report_file=pdf("so-ket.pdf"),
        summary="Sơ kết 6 tháng",
    )

    today = timezone.localdate()
    # A draft dossier of our unit (the dossier, line and document URLs) ...
    draft = wf.dossier_create_draft(
        actor=officer,
        unit=ours,
        year=YEAR,
        commendation_type="cong_trang",
        title="Đề nghị tặng Bằng khen năm 2026",
        lines=[{"subject": person, "kind": "BK_TINH", "achievement_summary": "Hoàn thành xuất sắc nhiệm vụ"}],
    )
    attach_all(officer, draft)
    document = draft.documents.filter(line__isnull=True).first()

    # ... and one taken through appraisal, posting, the council, a decision and a forwarding.
    done = wf.dossier_create_draft(
        actor=officer,
        unit=ours,
        year=YEAR,
        commendation_type="cong_trang",
        title="Đề nghị khen thưởng cấp tỉnh và Trung ương",
        lines=[
            {"subject": nominees[0], "kind": "BK_TINH", "achievement_summary": "Xuất sắc"},
            {"subject": nominees[1], "kind": "BK_TTG", "achievement_summary": "Xuất sắc nhiều năm"},
        ],
    )
    attach_all(officer, done)
    wf.dossier_submit(actor=head, dossier=done)
    wf.dossier_receive(actor=staff, dossier=done, appraiser=staff)
    for line in done.lines.all():
        wf.line_appraise(actor=staff, line=line, passed=True)
    wf.dossier_finish_appraisal(actor=staff, dossier=done)
    posting = wf.posting_create(
        actor=staff,
        title="Công khai đợt 1",
        start_date=today - datetime.timedelta(days=10),
        end_date=today + datetime.timedelta(days=5),
        lines=done.lines.all(),
    )
    meeting = council.meeting_create(
        actor=staff,
        title="Phiên họp Hội đồng",
        date=today + datetime.timedelta(days=6),
        members=council_members,
        lines=done.lines.all(),
        ballot_mode="secret",
    )
    council.meeting_set_attendance(actor=staff, meeting=meeting, present_ids=[m.pk for m in council_members])
    council.meeting_open(actor=staff, meeting=meeting)
    items = list(meeting.items.order_by("order"))
    for item in items:
        for member in council_members:
            council.ballot_cast(actor=member, item=item, choice="yes")
    council.meeting_close(actor=staff, meeting=meeting)
    decision = decisions.decision_create_draft(
        actor=staff,
        number="10/QĐ-UBND",
        date=today,
        signer="Chủ tịch",
        title="Tặng Bằng khen",
        lines=decisions.decidable_lines(),
    )
    forwarding = decisions.forwarding_create(
        actor=staff,
        number="12/TTr-UBND",
        date=today,
        title="Trình Thủ tướng",
        lines=decisions.forwardable_lines(),
    )

    award = AwardFactory(person=person, kind="BK_TINH", year=2025)
    discipline = DisciplineFactory(person=person)
    initiative = InitiativeFactory(code="SK.OURS", authors=[person])
    job = import_services.import_job_create(
        actor=officer,
        kind="persons",
        uploaded=SimpleUploadedFile(
            "ca-nhan.csv", "Mã cá nhân,Họ và tên\n".encode(), content_type="text/csv"
        ),
    )
    generated = reports.document_request(
        actor=officer,
        kind="annual",
        format="xlsx",
        params={"year": YEAR},
        title="Báo cáo năm 2026",
        scope_unit=ours,
    )
    reports.document_start(document_id=generated.pk)
    reports.document_finish(
        document_id=generated.pk, filename="bao-cao-2026.xlsx", content=b"PK\x03\x04 tong hop"
    )
    generated.refresh_from_db()

    group = GroupFactory(code="KHOI.VHXH", name="Khối Văn hóa – Xã hội")
    gy = blocs.group_year_start(actor=staff, group=group, year=YEAR)
    blocs.members_set(actor=staff, group_year=gy, units=[bloc_unit, ours, third])
    blocs.leaders_set(actor=staff, group_year=gy, head=bloc_unit, deputy=third, reason="Luân phiên")
    blocs.criterion_add(actor=staff, group_year=gy, number="1", title="Thực hiện nhiệm vụ", max_points=40)
    blocs.scoring_open(actor=staff, group_year=gy, deadline=datetime.date(2026, 11, 30))
    blocs.agreement_update(
        actor=staff,
        group_year=gy,
        title="Giao ước thi đua 2026",
        signed_on=datetime.date(2026, 3, 1),
        document=pdf("giao-uoc.pdf"),
    )

    w.objects = {
        "person": person,
        "household": household,
        "campaign": campaign,
        "review": review,
        "draft": draft,
        "draft_line": draft.lines.get(),
        "document": document,
        "done": done,
        "posting": posting,
        "posting_line": posting.posting_lines.first(),
        "meeting": meeting,
        "item": items[0],
        "decision": decision,
        "forwarding": forwarding,
        "award": award,
        "discipline": discipline,
        "initiative": initiative,
        "job": job,
        "generated": generated,
        "group": group,
        "gy": gy,
    }
    return w


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker, tmp_path_factory):
    """Built once per module inside a transaction that is rolled back at the end; each test runs in
    its own savepoint (pytest-django), so a POST that succeeds changes nothing for the next test."""
    from django.db import transaction
    from django.test import override_settings

    media = tmp_path_factory.mktemp("media")
    with (
        django_db_blocker.unblock(),
        override_settings(
            MEDIA_ROOT=str(media),
            PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"],
        ),
        pytest.MonkeyPatch.context() as mp,
    ):
        mp.setattr(eligibility, "evaluate", _always_eligible)
        mp.setattr(eligibility, "check_caps", lambda **kwargs: [])
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            built = build_world()
            mp.undo()
            yield built
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)

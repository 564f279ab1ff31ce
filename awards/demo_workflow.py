"""Demo dossiers in every state, a posting, a council meeting with votes, an issued decision and
a forwarding to the Ministry (``seed_demo --scale small`` only). Everything goes through the services."""

import datetime

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from org.models import Person

from .enums_workflow import DocumentType
from .models import Award

ORDER = 50

PDF = b"%PDF-1.4\n% demo\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _pdf(name: str) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


def seed(ctx) -> None:
    if ctx.scale != "small":
        return
    from .services.workflow.common import quiet_email

    token = quiet_email.set(True)
    try:
        _seed(ctx)
    finally:
        quiet_email.reset(token)


def _seed(ctx) -> None:
    from .services import council, decisions
    from .services import workflow as wf

    users, units = ctx.objects["users"], ctx.objects["units"]
    staff, officer, head, head_syt = users["canbo"], users["donvi"], users["thutruong"], users["truongkhoi"]
    members = [users[f"hoidong{i}"] for i in range(1, 8)]
    today = timezone.localdate()
    taken: set[tuple[int, str]] = set(Award.objects.filter(year=2026).values_list("person_id", "kind__code"))

    def pick(unit_code: str, kind: str, n: int) -> list[Person]:
        unit = units[unit_code]
        pool = [p for p in Person.objects.filter(unit__path__startswith=unit.path, is_active=True).order_by("code") if (p.pk, kind) not in taken]
        chosen = ctx.rng.sample(pool, min(n, len(pool)))
        taken.update((p.pk, kind) for p in chosen)
        return chosen

    def draft(unit_code: str, actor, title: str, spec: list[tuple[str, int]], documents: bool = True):
        lines = [{"subject": p, "kind": kind, "achievement_summary": ctx.rng.choice(SUMMARIES)}
                 for kind, n in spec for p in pick(unit_code, kind, n)]
        dossier = wf.dossier_create_draft(actor=actor, unit=units[unit_code], year=2026, commendation_type="cong_trang",
                                          title=title, lines=lines)
        if documents:
            uploader = officer if unit_code.startswith("SGDDT") else head_syt
            wf.document_upload(actor=uploader, dossier=dossier, doc_type=DocumentType.TO_TRINH, upload=_pdf("to-trinh.pdf"))
            wf.document_upload(actor=uploader, dossier=dossier, doc_type=DocumentType.BIEN_BAN, upload=_pdf("bien-ban.pdf"))
            for line in dossier.lines.select_related("kind"):
                for code in line.kind.required_documents:
                    wf.document_upload(actor=uploader, dossier=dossier, line=line, doc_type=code, upload=_pdf(f"{code}.pdf"))
        return dossier

    def submit(dossier, actor):
        # The demo history may not qualify everyone: staff accept those lines as exceptions, as they may.
        for check in wf.check_lines(dossier):
            if check.blocking and all(p.overridable for p in check.blocking):
                wf.line_override(actor=staff, line=check.line, reason="Thành tích xuất sắc đột xuất, Sở Nội vụ chấp nhận (dữ liệu mẫu).")
        wf.dossier_submit(actor=actor, dossier=dossier)

    def appraise(dossier, fail_all: bool = False):
        wf.dossier_receive(actor=staff, dossier=dossier, appraiser=staff)
        for line in dossier.lines.all():
            wf.line_appraise(actor=staff, line=line, passed=not fail_all, reason="Chưa đủ minh chứng thành tích." if fail_all else "")
        wf.dossier_finish_appraisal(actor=staff, dossier=dossier)

    draft("SGDDT", officer, "Đề nghị tặng Bằng khen của Chủ tịch UBND tỉnh năm học 2025–2026 (đang soạn)", [("BK_TINH", 2)], documents=False)
    d = draft("SGDDT", officer, "Đề nghị tặng Bằng khen cho giáo viên tiêu biểu", [("BK_TINH", 2)])
    submit(d, head)
    d = draft("SGDDT", officer, "Đề nghị danh hiệu Chiến sĩ thi đua cơ sở", [("CSTD_CS", 2)])
    submit(d, head)
    wf.dossier_receive(actor=staff, dossier=d, appraiser=staff)
    d = draft("SGDDT", officer, "Đề nghị tặng Bằng khen tổng kết năm học", [("BK_TINH", 1)])
    submit(d, head)
    wf.dossier_receive(actor=staff, dossier=d, appraiser=staff)
    wf.dossier_return(actor=staff, dossier=d, note="Bổ sung biên bản họp Hội đồng thi đua của đơn vị có chữ ký đầy đủ.")
    d = draft("SGDDT", officer, "Đề nghị khen thưởng đợt thi học sinh giỏi (đã rút)", [("BK_TINH", 1)])
    wf.dossier_withdraw(actor=head, dossier=d, reason="Đơn vị lập lại hồ sơ.")
    d = draft("SYT", head_syt, "Đề nghị tặng Bằng khen cho tập thể khoa", [("BK_TINH", 1)])
    submit(d, head_syt)
    appraise(d, fail_all=True)

    # Posting of a CSTĐ tỉnh line, open today; the dossier waits for the council after it.
    posted = draft("SGDDT", officer, "Đề nghị danh hiệu Chiến sĩ thi đua cấp tỉnh", [("CSTD_TINH", 1)])
    submit(posted, head)
    appraise(posted)
    posting = wf.posting_create(actor=staff, title="Công khai danh sách đề nghị Chiến sĩ thi đua cấp tỉnh năm 2026",
                                start_date=today - datetime.timedelta(days=2), end_date=today + datetime.timedelta(days=5),
                                lines=posted.lines.all())
    wf.feedback_submit(posting_line=posting.posting_lines.first(), text="Đồng chí có nhiều đóng góp cho phong trào đổi mới phương pháp dạy học.",
                       name="Một phụ huynh", address="demo")

    d = draft("SYT", head_syt, "Đề nghị tặng Bằng khen cho cá nhân có thành tích phòng chống dịch", [("BK_TINH", 1)])
    submit(d, head_syt)
    appraise(d)

    # A closed meeting with votes: provincial lines decided, state-level lines forwarded, one outcome back.
    decided = draft("SGDDT", officer, "Đề nghị tặng Bằng khen tổng kết phong trào thi đua năm 2026", [("BK_TINH", 2)])
    mixed = draft("SYT", head_syt, "Đề nghị tặng Bằng khen và Bằng khen của Thủ tướng", [("BK_TINH", 1), ("BK_TTG", 1)])
    central = draft("SYT", head_syt, "Đề nghị tặng Bằng khen của Thủ tướng Chính phủ", [("BK_TTG", 1)])
    for dossier, actor in ((decided, head), (mixed, head_syt), (central, head_syt)):
        submit(dossier, actor)
        appraise(dossier)
    state_lines = [ln for d in (mixed, central) for ln in d.lines.select_related("kind") if ln.kind.requires_posting]
    wf.posting_create(actor=staff, title="Công khai danh sách đề nghị Bằng khen của Thủ tướng", start_date=today - datetime.timedelta(days=20),
                      end_date=today - datetime.timedelta(days=13), lines=state_lines)
    agenda = [ln for d in (decided, mixed, central) for ln in d.lines.all()]
    meeting = council.meeting_create(actor=staff, title="Phiên họp Hội đồng Thi đua – Khen thưởng tỉnh tháng 11/2026",
                                     date=today - datetime.timedelta(days=10), members=members, lines=agenda,
                                     place="Phòng họp số 1, UBND tỉnh")
    council.meeting_set_attendance(actor=staff, meeting=meeting, present_ids=[m.pk for m in members[:6]])
    council.meeting_open(actor=staff, meeting=meeting)
    for item in meeting.items.prefetch_related("recused"):
        recused = set(item.recused.all())
        for member in members[:6]:
            if member not in recused:
                council.ballot_cast(actor=member, item=item, choice="yes" if ctx.rng.random() < 0.9 else "abstain")
    council.meeting_close(actor=staff, meeting=meeting)
    passed = list(decisions.decidable_lines())
    if passed:
        decision = decisions.decision_create_draft(
            actor=staff, number="2150/QĐ-UBND", date=today - datetime.timedelta(days=5), signer="Nguyễn Đức Thịnh",
            signer_title="Chủ tịch", title="Về việc tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh", lines=passed)
        decisions.decision_issue(actor=staff, decision=decision)
    for number, dossier in (("312/TTr-UBND", mixed), ("298/TTr-UBND", central)):
        lines = list(decisions.forwardable_lines().filter(dossier=dossier))
        if lines:
            fwd = decisions.forwarding_create(actor=staff, number=number, date=today - datetime.timedelta(days=4),
                                              title="Đề nghị Thủ tướng Chính phủ tặng Bằng khen", lines=lines)
            if dossier is central:
                decisions.forwarding_record_outcome(actor=staff, forwarding=fwd, central_number="1876/QĐ-TTg",
                                                    central_date=today - datetime.timedelta(days=1), awarded_line_ids=[ln.pk for ln in lines])

    # An open meeting today: hoidong1 (the chair) and others still have to vote.
    waiting = draft("SGDDT", officer, "Đề nghị tặng Bằng khen cho tập thể, cá nhân tiêu biểu", [("BK_TINH", 1)])
    submit(waiting, head)
    appraise(waiting)
    meeting = council.meeting_create(actor=staff, title="Phiên họp Hội đồng Thi đua – Khen thưởng tỉnh tháng 12/2026", date=today,
                                     members=members, lines=waiting.lines.all(), place="Phòng họp số 1, UBND tỉnh")
    council.meeting_set_attendance(actor=staff, meeting=meeting, present_ids=[m.pk for m in members])
    council.meeting_open(actor=staff, meeting=meeting)
    for item in meeting.items.all():
        for member in members[1:3]:
            council.ballot_cast(actor=member, item=item, choice="yes")
    ctx.say(f"  Hồ sơ khen thưởng: {waiting.__class__.objects.count()} hồ sơ, 2 phiên họp, 1 quyết định, 2 tờ trình Trung ương.")


SUMMARIES = [
    "Hoàn thành xuất sắc nhiệm vụ được giao; có sáng kiến được áp dụng hiệu quả trong đơn vị.",
    "Tích cực đổi mới phương pháp làm việc, góp phần nâng cao chất lượng phục vụ nhân dân.",
    "Dẫn đầu phong trào thi đua của đơn vị; đoàn kết, gương mẫu, tận tụy với công việc.",
    "Có nhiều đóng góp trong công tác chuyên môn, được đồng nghiệp và nhân dân ghi nhận.",
]

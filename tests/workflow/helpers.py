"""Steps that bring a dossier to a given state through the services."""

import datetime

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from awards.enums_workflow import DocumentType
from awards.services import council, decisions
from awards.services import workflow as wf

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def pdf(name="tai-lieu.pdf"):
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


def attach_all(actor, dossier):
    """Upload the dossier's cover letter and minutes and every line's required documents."""
    wf.document_upload(actor=actor, dossier=dossier, doc_type=DocumentType.TO_TRINH, upload=pdf("to-trinh.pdf"))
    wf.document_upload(actor=actor, dossier=dossier, doc_type=DocumentType.BIEN_BAN, upload=pdf("bien-ban.pdf"))
    for line in dossier.lines.select_related("kind"):
        for code in line.kind.required_documents:
            wf.document_upload(actor=actor, dossier=dossier, line=line, doc_type=code, upload=pdf(f"{code}.pdf"))


def to_appraised(dossier, head, staff):
    wf.dossier_submit(actor=head, dossier=dossier)
    wf.dossier_receive(actor=staff, dossier=dossier, appraiser=staff)
    for line in dossier.lines.all():
        wf.line_appraise(actor=staff, line=line, passed=True)
    wf.dossier_finish_appraisal(actor=staff, dossier=dossier)
    dossier.refresh_from_db()
    return dossier


def open_meeting(dossier, staff, members, present=None, mode="secret"):
    today = timezone.localdate()
    meeting = council.meeting_create(actor=staff, title="Họp", date=today, members=members, lines=dossier.lines.all(), ballot_mode=mode)
    council.meeting_set_attendance(actor=staff, meeting=meeting, present_ids=[m.pk for m in (present if present is not None else members)])
    council.meeting_open(actor=staff, meeting=meeting)
    return meeting


def to_voted(dossier, head, staff, members, yes=5):
    to_appraised(dossier, head, staff)
    meeting = open_meeting(dossier, staff, members)
    for item in meeting.items.all():
        voters = [m for m in members if m not in item.recused.all()]
        for m in voters[:yes]:
            council.ballot_cast(actor=m, item=item, choice="yes")
    council.meeting_close(actor=staff, meeting=meeting)
    return meeting


def draft_decision(staff, number="10/QĐ-UBND", date=datetime.date(2026, 12, 20)):
    return decisions.decision_create_draft(actor=staff, number=number, date=date, signer="Chủ tịch", title="Tặng Bằng khen",
                                           lines=decisions.decidable_lines())

"""Decision with annex, certificates (designed and pre-printed blank), minutes, cover letter."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from awards.enums_workflow import DecisionState, ItemResult, LineOutcome, MeetingState
from awards.models import AwardKind
from awards.models.council import AgendaItem, Meeting, MeetingMember
from awards.models.decisions import Decision, Forwarding
from awards.models.workflow import Dossier, NominationLine
from core.models import ActivityLog
from reports import official
from reports.enums import DocumentStatus
from reports.models import CertificateFieldPosition, GeneratedDocument
from tests.factories.awards_register import make_award
from tests.factories.org import HouseholdFactory, PersonFactory
from tests.reports.helpers import flat_text, pdf_rows

pytestmark = pytest.mark.django_db


@pytest.fixture
def decision(province, staff):
    ours, sub = province["ours"], province["sub"]
    dossier = Dossier.objects.create(unit=ours, year=2026, title="Đề nghị khen thưởng năm 2026", created_by=staff)
    dec = Decision.objects.create(
        number="1234/QĐ-UBND", year=2026, date=datetime.date(2026, 12, 2), signer="Lê Văn Lương",
        signer_title="Phó Chủ tịch", title="Về việc tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh",
        state=DecisionState.ISSUED, created_by=staff,
    )
    kind = AwardKind.objects.get(code="BK_TINH")
    people = [PersonFactory(full_name="Nguyễn Thị Ánh", gender="nu", unit=sub, position="Chuyên viên"),
              PersonFactory(full_name="Lò Văn Dũng", unit=ours)]
    home = HouseholdFactory(head_name="Giàng A Páo", unit=sub)
    subjects = [{"person": people[0]}, {"person": people[1]}, {"unit": sub}, {"household": home}]
    amounts = [1_170_000, 1_170_000, 2_340_000, 590_000]
    for subject, amount in zip(subjects, amounts, strict=True):
        award = make_award(kind="BK_TINH", year=2026, amount=amount, decision_number=dec.number,
                           signer="Lê Văn Lương", **subject)
        subject_type = award.subject_type
        NominationLine.objects.create(dossier=dossier, subject_type=subject_type, kind=kind, decision=dec, award=award,
                                      outcome=LineOutcome.AWARDED, achievement_summary="Hoàn thành xuất sắc nhiệm vụ năm 2026", **subject)
    return dec


def test_decision_pdf_has_the_official_layout_and_annex(decision, tmp_path):
    content = official.decision_pdf(decision)
    text = flat_text(content, tmp_path)
    for expected in [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Số: 1234/QĐ-UBND",
        "Demo, ngày 02 tháng 12 năm 2026", "QUYẾT ĐỊNH", "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;",
        "Điều 1.", "Điều 2.", "Điều 3.", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Lê Văn Lương", "Nơi nhận:",
        "1 tập thể, 2 cá nhân, 1 hộ gia đình", "I. Tập thể (1)", "II. Cá nhân (2)", "III. Hộ gia đình (1)",
        "Tổng cộng: 5.270.000 đồng.",
    ]:
        assert expected in text, expected
    # the annex, row by row: name (with title and position), unit, kind, amount in their own cells
    kind = "Bằng khen cấp bộ, ban, ngành, tỉnh (Bằng khen của Chủ tịch UBND tỉnh)"
    rows = pdf_rows(content, tmp_path)
    for row in [
        ["1", "Văn phòng Sở", "Sở Giáo dục và Đào tạo", kind, "2.340.000"], ["Cộng tập thể", "2.340.000"],
        ["1", "Bà Nguyễn Thị Ánh, Chuyên viên", "Văn phòng Sở", kind, "1.170.000"],
        ["2", "Ông Lò Văn Dũng, Chuyên viên", "Sở Giáo dục và Đào tạo", kind, "1.170.000"], ["Cộng cá nhân", "2.340.000"],
        ["1", "Hộ ông/bà Giàng A Páo", "Văn phòng Sở", kind, "590.000"], ["Cộng hộ gia đình", "590.000"],
    ]:
        assert row in rows, row


def test_decision_certificates_one_page_per_award(decision, tmp_path):
    from io import BytesIO

    from pypdf import PdfReader

    content = official.certificates_pdf(official.decision_awards(decision))
    reader = PdfReader(BytesIO(content))
    assert len(reader.pages) == 4
    assert reader.pages[0].mediabox.width > reader.pages[0].mediabox.height  # landscape
    first = " ".join(reader.pages[0].extract_text().split())
    assert "BẰNG KHEN" in first and "Văn phòng Sở" in first
    text = flat_text(content, tmp_path)
    assert "Nguyễn Thị Ánh" in text and "Hoàn thành xuất sắc nhiệm vụ năm 2026" in text
    # signed by the deputy chair, as the decision was: on behalf of the chair (Decree 30/2020 Art 13)
    assert "KT. CHỦ TỊCH PHÓ CHỦ TỊCH Lê Văn Lương" in " ".join(reader.pages[0].extract_text().split())


def test_blank_layout_uses_the_stored_positions(decision, staff, client_for):
    from reports.certificate_layout import position_css

    assert "left: 48mm" in position_css()
    data = {f"{f}_{k}": v for f in ["name", "unit", "achievement", "place_date", "number"]
            for k, v in (("x", "61.5"), ("y", "90"), ("w", "180"), ("pt", "20"))}
    response = client_for(staff).post(reverse("reports:certificate-layout"), {**data, "reason": "phôi mới"})
    assert response.status_code == 302
    assert CertificateFieldPosition.objects.get(field="name").x_mm == Decimal("61.5")
    assert "left: 61.5mm" in position_css()
    assert ActivityLog.objects.filter(action="certificate_position_update").count() == 5
    blank = client_for(staff).get(reverse("reports:decision-certificates", args=[decision.uuid]), {"mau": "phoi"})
    assert blank.status_code == 200 and blank.content.startswith(b"%PDF")


def test_certificate_layout_rejects_positions_off_the_page(staff, client_for):
    data = {f"{f}_{k}": "10" for f in ["name", "unit", "achievement", "place_date", "number"] for k in "x y w pt".split()}
    data["name_x"] = "400"
    response = client_for(staff).post(reverse("reports:certificate-layout"), data)
    assert response.status_code == 200 and not CertificateFieldPosition.objects.exists()


@pytest.mark.parametrize(("persona", "expected"), [
    ("staff", 200), ("viewer", 200), ("officer", 403), ("council_member", 403), (None, 302),
])
def test_decision_pdf_by_persona(decision, client_for, request, persona, expected):
    user = request.getfixturevalue(persona) if persona else None
    response = client_for(user).get(reverse("reports:decision-pdf", args=[decision.uuid]))
    assert response.status_code == expected
    if expected == 200:
        assert response["Content-Type"] == "application/pdf"


@pytest.mark.parametrize(("persona", "expected"), [
    ("staff", 200), ("viewer", 200), ("officer", 200), ("other_officer", 404), ("council_member", 403), (None, 302),
])
def test_single_certificate_renders_in_the_request_by_persona(decision, client_for, request, persona, expected):
    award = official.decision_awards(decision).first()
    user = request.getfixturevalue(persona) if persona else None
    response = client_for(user).get(reverse("reports:award-certificate", args=[award.uuid]))
    assert response.status_code == expected


def test_certificate_layout_page_is_staff_only(viewer, officer, client_for):
    assert client_for(viewer).get(reverse("reports:certificate-layout")).status_code == 403
    assert client_for(officer).get(reverse("reports:certificate-layout")).status_code == 403


@pytest.fixture
def meeting(decision, staff, council_member):
    m = Meeting.objects.create(title="Phiên họp xét khen thưởng năm 2026", date=datetime.date(2026, 11, 20),
                               place="Hội trường UBND tỉnh", state=MeetingState.CLOSED, quorum_ratio=Decimal("0.667"),
                               member_count=7, present_count=6, quorum_met=True, chair=staff, created_by=staff)
    MeetingMember.objects.create(meeting=m, user=council_member, present=True)
    for i, line in enumerate(NominationLine.objects.filter(decision=decision)):
        AgendaItem.objects.create(meeting=m, line=line, order=i, threshold=Decimal("0.5"), voters=6,
                                  yes_count=5 - (i == 3) * 4, no_count=1, abstain_count=(i == 3) * 4,
                                  result=ItemResult.FAILED if i == 3 else ItemResult.PASSED)
    return m


def test_minutes_show_the_stored_results(meeting, tmp_path):
    content = official.minutes_pdf(meeting)
    text = flat_text(content, tmp_path)
    assert "BIÊN BẢN" in text and "Phiên họp xét khen thưởng năm 2026" in text
    assert "có mặt: 6" in text and "đủ số lượng" in text
    assert "đề nghị khen thưởng 3 trường hợp; không thông qua 1 trường hợp" in text
    # one row per agenda item with its stored tally and result
    kind = "Bằng khen cấp bộ, ban, ngành, tỉnh (Bằng khen của Chủ tịch UBND tỉnh)"
    rows = pdf_rows(content, tmp_path)
    assert ["1", "Nguyễn Thị Ánh", "Văn phòng Sở", kind, "6", "5", "1", "0", "Thông qua"] in rows
    assert ["4", "Hộ ông/bà Giàng A Páo", "Văn phòng Sở", kind, "6", "1", "1", "4", "Không thông qua"] in rows


@pytest.mark.parametrize(("persona", "expected"), [("staff", 200), ("council_member", 200), ("officer", 403), (None, 302)])
def test_minutes_by_persona(meeting, client_for, request, persona, expected):
    user = request.getfixturevalue(persona) if persona else None
    assert client_for(user).get(reverse("reports:meeting-minutes", args=[meeting.uuid])).status_code == expected


def test_cover_letter_lists_the_forwarded_lines(decision, staff, tmp_path, client_for):
    fwd = Forwarding.objects.create(number="88/TTr-UBND", date=datetime.date(2026, 12, 1), created_by=staff,
                                    title="Về việc đề nghị tặng Bằng khen của Thủ tướng Chính phủ")
    NominationLine.objects.filter(decision=decision, person__isnull=False).update(forwarding=fwd)
    text = flat_text(official.cover_letter_pdf(fwd), tmp_path)
    assert "TỜ TRÌNH" in text and "Số: 88/TTr-UBND" in text and "Kính gửi: Bộ Nội vụ" in text
    assert "cho 2 trường hợp" in text and "Lò Văn Dũng" in text and "Giàng A Páo" not in text
    assert client_for(staff).get(reverse("reports:forwarding-cover-letter", args=[fwd.uuid])).status_code == 200


def test_decision_context_query_count_is_constant(decision, django_assert_num_queries):
    with django_assert_num_queries(1):
        official.decision_context(decision)
    award = make_award(kind="GK", year=2026, person=PersonFactory(), amount=5)
    NominationLine.objects.create(dossier=Dossier.objects.first(), subject_type="individual", person=award.person,
                                  kind=award.kind, decision=decision, award=award)
    with django_assert_num_queries(1):
        official.decision_context(decision)


def test_large_decision_offers_background_certificates(decision, staff, client_for, monkeypatch):
    monkeypatch.setattr(official, "CERTIFICATES_IN_REQUEST", 3)  # the fixture decision has 4
    response = client_for(staff).get(reverse("reports:decision-certificates", args=[decision.uuid]), {"mau": "phoi"})
    page = response.content.decode()
    assert response["Content-Type"].startswith("text/html")
    assert "Quyết định có 4 bằng khen" in page and 'name="mau" value="phoi"' in page
    assert f'action="{reverse("reports:decision-certificates", args=[decision.uuid])}"' in page
    assert not GeneratedDocument.objects.exists()  # a GET queues nothing


def test_background_certificates_render_every_page_in_parts(
    decision, staff, client_for, tmp_path, django_capture_on_commit_callbacks, monkeypatch
):
    from io import BytesIO

    from pypdf import PdfReader

    monkeypatch.setattr(official, "CERTIFICATES_PER_PART", 3)  # two parts: 3 + 1 certificates
    url = reverse("reports:decision-certificates", args=[decision.uuid])
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(staff).post(url, {"mau": "thiet-ke"})
    document = GeneratedDocument.objects.get()
    assert response.status_code == 302 and response["Location"] == document.get_absolute_url()
    document.refresh_from_db()
    assert (document.kind, document.status, document.progress) == ("certificates", DocumentStatus.DONE, 100)
    assert document.title == "Bằng khen theo Quyết định số 1234/QĐ-UBND"
    content = document.file.read()
    reader = PdfReader(BytesIO(content))
    assert len(reader.pages) == 4
    pages = [" ".join(page.extract_text().split()) for page in reader.pages]
    expected = ["Nguyễn Thị Ánh", "Lò Văn Dũng", "Văn phòng Sở", "Hộ ông/bà Giàng A Páo"]
    assert [item["name"] for item in official.certificate_items(official.decision_awards(decision))] == expected
    assert [name in page for name, page in zip(expected, pages, strict=True)] == [True] * 4  # in order, across parts
    assert all("BẰNG KHEN" in page and "1234/QĐ-UBND" in page for page in pages)
    assert ActivityLog.objects.filter(action="document_request").count() == 1


@pytest.mark.parametrize(("persona", "expected"), [
    ("viewer", 403), ("officer", 403), ("council_member", 403), (None, 302),
])
def test_background_certificates_are_staff_only(decision, client_for, request, persona, expected):
    user = request.getfixturevalue(persona) if persona else None
    url = reverse("reports:decision-certificates", args=[decision.uuid])
    assert client_for(user).post(url).status_code == expected
    assert not GeneratedDocument.objects.exists()


def test_minutes_stay_vietnamese_for_a_reader_in_english(meeting, tmp_path):
    """Official papers are Vietnamese whatever the reader's UI language: the result labels are
    lazy choices that would otherwise render in English."""
    from django.utils import translation

    with translation.override("en"):
        english = translation.gettext("Thông qua")
        text = flat_text(official.minutes_pdf(meeting), tmp_path)
    assert english != "Thông qua"  # the English catalog is compiled (make messages)
    assert "Không thông qua" in text and english not in text

"""The main path of the workflow in a browser, with the real roles: the officer drafts, the head
submits, staff return it, the unit fixes it, staff appraise, the council votes, staff issue the
decision and the award enters the register with its amount."""

import importlib

import pytest
from playwright.sync_api import expect

from accounts.enums import Role
from tests.factories.accounts import UserFactory
from tests.factories.evidence import AwardFactory, RatingFactory
from tests.factories.org import PersonFactory, UnitFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _catalog():
    """Transactional tests flush the tables: reload the shipped catalog when it is gone."""
    from django.apps import apps

    from awards.models import AwardKind

    if not AwardKind.objects.exists():
        importlib.import_module("awards.migrations.0002_load_catalog").load(apps, None)


def _pdf(name):
    return {"name": name, "mimeType": "application/pdf", "buffer": PDF}


def test_dossier_from_draft_to_register(page, login):
    _catalog()
    root = UnitFactory(code="UBND", name="Ủy ban nhân dân tỉnh")
    ours = UnitFactory(code="SGDDT", name="Sở Giáo dục và Đào tạo", parent=root)
    nominee = PersonFactory(unit=ours, full_name="Nguyễn Thị Hòa", code="GV001")
    for year in (2025, 2026):
        AwardFactory(person=nominee, kind="CSTD_CS", year=year)
    for year in (2024, 2025, 2026):
        RatingFactory(person=nominee, year=year, grade="HTXSNV")
    UserFactory(username="canbo", role=Role.STAFF, unit=root, full_name="Trần Thị Hương")
    UserFactory(username="donvi", role=Role.UNIT_OFFICER, unit=ours)
    UserFactory(username="thutruong", role=Role.UNIT_HEAD, unit=ours)
    for i in range(1, 6):
        UserFactory(username=f"hoidong{i}", role=Role.COUNCIL_MEMBER, unit=root, is_council_chair=i == 1)

    def as_user(username):
        page.context.clear_cookies()
        login(username)

    # The officer drafts the dossier, finds the nominee without accents, attaches the documents.
    as_user("donvi")
    page.goto("/khen-thuong/ho-so/moi/")
    page.get_by_label("Trích yếu").fill("Đề nghị tặng Bằng khen năm 2026")
    page.get_by_role("button", name="Lưu").click()
    page.get_by_label("Tìm cá nhân, tập thể, hộ gia đình (không cần dấu)").fill("nguyen thi hoa")
    page.get_by_label("Nguyễn Thị Hòa").check()
    page.locator("#id_kind").select_option("BK_TINH")
    expect(page.locator("#line-preview")).to_contain_text("Đủ điều kiện")
    page.locator("#id_achievement_summary").fill("Giáo viên dạy giỏi cấp tỉnh hai năm liền")
    page.get_by_role("button", name="Thêm vào hồ sơ").click()
    expect(page.locator("#lines")).to_contain_text("Nguyễn Thị Hòa")
    expect(page.locator("#lines")).to_contain_text("Thiếu tài liệu: Báo cáo thành tích")
    for doc_type, name in (("to_trinh", "to-trinh.pdf"), ("bien_ban", "bien-ban.pdf")):
        page.locator("#doc-type").select_option(doc_type)
        page.locator("#doc-file").set_input_files(_pdf(name))
        page.get_by_role("button", name="Tải lên").first.click()
        expect(page.locator(".messages")).to_contain_text("Đã tải tệp lên")
    page.locator("#lines input[type=file]").set_input_files(_pdf("bao-cao.pdf"))
    page.locator("#lines").get_by_role("button", name="Tải lên").click()
    expect(page.locator("#lines")).not_to_contain_text("Thiếu tài liệu")
    dossier_url = page.url

    # The head submits; staff receive it and return it for completion; the unit fixes and resubmits.
    as_user("thutruong")
    page.goto(dossier_url)
    page.get_by_role("button", name="Trình hồ sơ").click()
    expect(page.locator(".messages")).to_contain_text("Đã trình hồ sơ")
    as_user("canbo")
    page.goto(dossier_url)
    page.get_by_role("button", name="Tiếp nhận").click()
    page.get_by_text("Trả hồ sơ để bổ sung").click()
    page.locator("#id_note").fill("Bổ sung bản chụp giấy chứng nhận giáo viên dạy giỏi.")
    page.get_by_role("button", name="Trả lại").click()
    expect(page.locator(".page-head")).to_contain_text("Trả lại để bổ sung")
    as_user("donvi")
    page.goto(dossier_url)
    expect(page.locator(".alert-warning")).to_contain_text("Bổ sung bản chụp")
    page.locator("#doc-type").select_option("khac")
    page.locator("#doc-file").set_input_files(_pdf("chung-nhan.pdf"))
    page.get_by_role("button", name="Tải lên").first.click()
    as_user("thutruong")
    page.goto(dossier_url)
    page.get_by_role("button", name="Trình lại hồ sơ").click()
    expect(page.locator(".page-head")).to_contain_text("Đã trình")

    # Staff appraise and call the council.
    as_user("canbo")
    page.goto(dossier_url)
    page.get_by_role("button", name="Tiếp nhận").click()
    page.locator("#lines").get_by_role("button", name="Đạt", exact=True).click()
    page.get_by_role("button", name="Hoàn thành thẩm định").click()
    expect(page.locator(".page-head")).to_contain_text("Đã thẩm định")
    page.goto("/khen-thuong/hoi-dong/moi/")
    page.get_by_label("Tên phiên họp").fill("Phiên họp tháng 12")
    page.get_by_label("Ngày họp").fill("02/12/2026")
    for box in page.locator("input[name=members]").all():
        box.check()
    page.get_by_role("button", name="Tạo phiên họp").click()
    for box in page.locator("input[name=present]").all():
        box.check()
    page.get_by_role("button", name="Lưu điểm danh").click()
    page.get_by_role("button", name="Mở biểu quyết").click()
    expect(page.locator(".page-head")).to_contain_text("Đang bỏ phiếu")
    meeting_url = page.url

    # Four of five members vote yes (more than half).
    for i in range(1, 5):
        as_user(f"hoidong{i}")
        page.goto(meeting_url)
        page.get_by_role("button", name="Đồng ý", exact=True).click()
        expect(page.locator(".messages")).to_contain_text("Đã ghi nhận phiếu")

    # Staff close the vote, draft and issue the decision: the register has the award and amount.
    as_user("canbo")
    page.goto(meeting_url)
    page.once("dialog", lambda d: d.accept())
    page.get_by_role("button", name="Kết thúc biểu quyết").click()
    expect(page.locator("table").first).to_contain_text("Thông qua")
    page.goto("/khen-thuong/quyet-dinh/moi/")
    page.get_by_label("Số quyết định").fill("123/QĐ-UBND")
    page.get_by_label("Ngày quyết định").fill("20/12/2026")
    page.locator("#id_signer").fill("Nguyễn Đức Thịnh")
    page.get_by_label("Trích yếu").fill("Về việc tặng Bằng khen của Chủ tịch UBND tỉnh")
    page.get_by_role("button", name="Lập dự thảo").click()
    expect(page.locator(".alert-warning")).to_contain_text("Bản xem trước")
    page.once("dialog", lambda d: d.accept())
    page.get_by_role("button", name="Ban hành quyết định").click()
    expect(page.locator(".messages")).to_contain_text("sổ khen thưởng đã được cập nhật")
    expect(page.locator("table").first).to_contain_text("3.800.000")

    from awards.models import Award

    award = Award.objects.get(kind__code="BK_TINH")
    assert (award.person_id, award.amount, award.decision_number) == (nominee.pk, 3_800_000, "123/QĐ-UBND")

"""Staff generate the annual report, watch its progress and download it."""

import pytest
from playwright.sync_api import expect

from accounts.enums import Role
from awards.models import AwardKind
from tests.factories.accounts import UserFactory
from tests.factories.awards_register import make_award
from tests.factories.org import PersonFactory, UnitFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_staff_generates_and_downloads_the_annual_report(page, login):
    # transactional tests flush the catalog the data migration loaded
    AwardKind.objects.get_or_create(code="BK_TINH", defaults={
        "name": "Bằng khen của Chủ tịch UBND tỉnh", "category": "form", "subjects": "individual|collective|household",
        "level": "province",
    })
    root = UnitFactory(code="UBND", name="Ủy ban nhân dân tỉnh")
    unit = UnitFactory(code="SNV", name="Sở Nội vụ", parent=root)
    make_award(kind="BK_TINH", year=2026, person=PersonFactory(unit=unit, full_name="Nguyễn Thị Ánh", gender="nu"),
               amount=1_170_000)
    UserFactory(username="canbo", full_name="Trần Thị Hương", role=Role.STAFF, unit=root)
    page.set_default_timeout(60_000)  # rendering the PDF inside the request on a busy shared machine
    login("canbo")
    page.get_by_role("navigation", name="Điều hướng chính").get_by_role("link", name="Tổng hợp khen thưởng năm").click()
    page.get_by_label("Năm").select_option("2026")
    page.get_by_role("button", name="Xem").click()
    expect(page.locator("main")).to_contain_text("Cá nhân là người lao động trực tiếp")
    expect(page.locator("main svg").first).to_be_visible()

    page.get_by_role("button", name="Tạo báo cáo PDF").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Báo cáo tổng hợp khen thưởng năm 2026")
    progress = page.locator("progress#doc-progress")
    expect(progress).to_be_visible()
    expect(progress).to_have_attribute("value", "100", timeout=60_000)
    expect(page.locator("[data-status]")).to_have_text("Hoàn thành")
    link = page.get_by_role("link", name="Tải về bao-cao-khen-thuong-2026.pdf")
    with page.expect_download() as info:
        link.click()
    download = info.value
    assert download.suggested_filename == "bao-cao-khen-thuong-2026.pdf"
    with open(download.path(), "rb") as fh:
        assert fh.read(5) == b"%PDF-"
    expect(link).to_be_visible()

import pytest
from playwright.sync_api import expect

from accounts.enums import Role
from tests.factories.accounts import UserFactory
from tests.factories.org import PersonFactory, UnitFactory
from tests.history.files import headers, xlsx

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_staff_imports_history_fixes_file_and_reads_passport(page, login, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    unit = UnitFactory(code="SGDDT", name="Sở Giáo dục và Đào tạo")
    PersonFactory(code="CN00040", unit=unit, full_name="Nguyễn Văn An")
    UserFactory(username="canbo", role=Role.STAFF, unit=unit, is_staff=True)
    bad = tmp_path / "khen-thuong.xlsx"
    bad.write_bytes(xlsx(headers("awards"), [["CN00040", "ca_nhan", "CSTD_CS", 2025, "15/QĐ-UBND", "31/02/2026", "cong_trang", "", ""]]))
    good = tmp_path / "khen-thuong-sua.xlsx"
    good.write_bytes(xlsx(headers("awards"), [["CN00040", "ca_nhan", "CSTD_CS", 2025, "15/QĐ-UBND", "20/01/2026", "cong_trang", "", ""]]))

    login("canbo")
    page.goto("/khen-thuong/nhap-du-lieu/")
    page.get_by_label("Loại dữ liệu").select_option("awards")
    page.get_by_label("Tệp .xlsx hoặc .csv (UTF-8)").set_input_files(str(bad))
    page.get_by_role("button", name="Kiểm tra tệp").click()
    expect(page.locator(".import-errors")).to_contain_text("dòng 2, cột F: ngày \"31/02/2026\" không có thật.")
    expect(page.locator("td.cell-error")).to_contain_text("31/02/2026")

    page.get_by_role("link", name="Nhập tệp khác").click()
    page.get_by_label("Loại dữ liệu").select_option("awards")
    page.get_by_label("Tệp .xlsx hoặc .csv (UTF-8)").set_input_files(str(good))
    page.get_by_role("button", name="Kiểm tra tệp").click()
    page.get_by_role("button", name="Xác nhận ghi dữ liệu").click()
    expect(page.locator(".alert-success").first).to_contain_text("Đã ghi 1 dòng")

    page.goto("/khen-thuong/so-khen-thuong/")
    page.get_by_label("Người / tập thể được khen").fill("nguyen van an")
    page.get_by_role("button", name="Tìm").click()
    page.locator("table").get_by_role("link", name="Nguyễn Văn An").click()
    expect(page.get_by_role("heading", name="Quá trình khen thưởng: Nguyễn Văn An")).to_be_visible()
    expect(page.locator("table").first).to_contain_text("Chiến sĩ thi đua cơ sở")

import pytest
from playwright.sync_api import expect

from accounts.enums import Role
from tests.factories.accounts import UserFactory
from tests.factories.org import PersonFactory, UnitFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_staff_signs_in_and_reaches_dashboard(page, login):
    unit = UnitFactory(code="SNV", name="Sở Nội vụ")
    PersonFactory(unit=unit, full_name="Nguyễn Văn An")
    UserFactory(username="canbo", full_name="Trần Thị Hương", role=Role.STAFF, unit=unit)
    login("canbo")
    expect(page.get_by_role("heading", name="Xin chào, Trần Thị Hương")).to_be_visible()
    expect(page.get_by_role("navigation", name="Điều hướng chính")).to_contain_text("Người dùng")
    page.get_by_role("navigation", name="Điều hướng chính").get_by_role("link", name="Cá nhân", exact=True).click()
    page.get_by_label("Tìm").fill("nguyen van an")
    page.get_by_role("button", name="Lọc").click()
    expect(page.locator("table")).to_contain_text("Nguyễn Văn An")

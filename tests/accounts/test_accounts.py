import pytest
from django.test import Client

from accounts.models import User
from core.models import ActivityLog

pytestmark = pytest.mark.django_db


def test_login_page_is_vietnamese(client):
    body = client.get("/accounts/login/").content.decode()
    assert "Đăng nhập" in body and 'lang="vi"' in body


def test_login_with_right_password_reaches_dashboard(staff):
    c = Client()
    response = c.post("/accounts/login/", {"username": "canbo", "password": "Matkhau@12345"}, follow=True)
    assert response.redirect_chain[-1][0] == "/"
    assert "Xin chào" in response.content.decode()


def test_wrong_password_shows_vietnamese_error(staff):
    body = Client().post("/accounts/login/", {"username": "canbo", "password": "sai"}).content.decode()
    assert "Tên đăng nhập hoặc mật khẩu không đúng" in body


def test_lockout_after_repeated_failures_by_username_and_address(staff, settings):
    c = Client(REMOTE_ADDR="10.1.1.1")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        c.post("/accounts/login/", {"username": "canbo", "password": "sai"})
    locked = c.post("/accounts/login/", {"username": "canbo", "password": "Matkhau@12345"})
    assert locked.status_code == 429
    assert "Tạm khóa" in locked.content.decode()
    # Another address is not locked out for the same username.
    other = Client(REMOTE_ADDR="10.1.1.2").post("/accounts/login/", {"username": "canbo", "password": "Matkhau@12345"})
    assert other.status_code == 302


def test_navigation_is_made_for_each_role(client_for, staff, officer, council_member, viewer):
    staff_nav = client_for(staff).get("/").content.decode()
    assert "Người dùng" in staff_nav and "Đơn vị" in staff_nav
    officer_nav = client_for(officer).get("/").content.decode()
    assert "Người dùng" not in officer_nav and "Cá nhân" in officer_nav
    council_nav = client_for(council_member).get("/").content.decode()
    assert "Cá nhân" not in council_nav
    assert "Người dùng" not in client_for(viewer).get("/").content.decode()


def test_dashboard_shows_real_figures_in_scope(client_for, officer, staff, province):
    from tests.factories.org import PersonFactory

    PersonFactory(unit=province["ours"])
    PersonFactory(unit=province["other"])
    officer_page = client_for(officer).get("/").content.decode()
    assert "Tổ chức trong phạm vi của bạn" in officer_page
    staff_page = client_for(staff).get("/")
    panel = next(p for p in staff_page.context["panels"] if p.title == "Tổ chức toàn tỉnh")
    assert dict((label, value) for label, value, _ in panel.figures)["cá nhân"] == 2


def test_staff_creates_user_with_audit(client_for, staff, province):
    response = client_for(staff).post("/accounts/nguoi-dung/them/", {
        "username": "moi", "full_name": "Cán bộ Mới", "email": "moi@example.vn", "role": "unit_officer",
        "unit": province["ours"].pk, "position": "", "is_active": "on", "password": "Mot-Mat-Khau-Dai-2026",
    })
    assert response.status_code == 302
    user = User.objects.get(username="moi")
    assert user.check_password("Mot-Mat-Khau-Dai-2026")
    assert ActivityLog.objects.for_object(user).get().action == "accounts.user.create"


def test_unit_role_requires_unit(client_for, staff):
    response = client_for(staff).post("/accounts/nguoi-dung/them/", {
        "username": "moi2", "role": "unit_head", "is_active": "on", "password": "Mot-Mat-Khau-Dai-2026",
    })
    assert response.status_code == 200
    assert not User.objects.filter(username="moi2").exists()


def test_only_staff_manage_users(client_for, officer):
    assert client_for(officer).get("/accounts/nguoi-dung/").status_code == 403


def test_navigation_shows_each_section_once(client_for, staff):
    from core.registry import nav_items

    sections = [item.section for item in nav_items(staff)]
    seen = [s for i, s in enumerate(sections) if i == 0 or sections[i - 1] != s]
    assert len(seen) == len(set(seen))

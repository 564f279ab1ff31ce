import pytest

from core.models import ActivityLog
from org.models import Person
from tests.factories.org import HouseholdFactory, PersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(province):
    an = PersonFactory(code="AN01", full_name="Nguyễn Văn An", unit=province["sub"])
    dao = PersonFactory(code="DAO01", full_name="Đặng Thị Đào", unit=province["ours"])
    far = PersonFactory(code="XA01", full_name="Trần Văn Xa", unit=province["other"])
    return {"an": an, "dao": dao, "far": far}


def test_search_ignores_accents_and_case(client_for, staff, people):
    body = client_for(staff).get("/to-chuc/ca-nhan/", {"q": "nguyen van an"}).content.decode()
    assert "Nguyễn Văn An" in body
    assert "Đặng Thị Đào" not in body


def test_search_matches_d_for_đ(client_for, staff, people):
    body = client_for(staff).get("/to-chuc/ca-nhan/", {"q": "DANG thi dao"}).content.decode()
    assert "Đặng Thị Đào" in body


def test_unit_officer_sees_only_own_subtree(client_for, officer, people):
    body = client_for(officer).get("/to-chuc/ca-nhan/").content.decode()
    assert "Nguyễn Văn An" in body and "Đặng Thị Đào" in body
    assert "Trần Văn Xa" not in body


def test_unit_officer_gets_404_for_another_units_person(client_for, officer, people):
    c = client_for(officer)
    assert c.get("/to-chuc/ca-nhan/XA01/").status_code == 404
    assert c.get("/to-chuc/ca-nhan/XA01/sua/").status_code == 404
    assert c.get("/to-chuc/don-vi/SYT/").status_code == 404
    assert c.get("/to-chuc/ca-nhan/AN01/").status_code == 200


@pytest.mark.parametrize("persona", ["council_member", None])
def test_people_list_is_closed_to_other_roles(request, client_for, persona, people):
    user = request.getfixturevalue(persona) if persona else None
    response = client_for(user).get("/to-chuc/ca-nhan/")
    assert response.status_code == (403 if user else 302)


def test_viewer_reads_but_cannot_edit(client_for, viewer, people):
    c = client_for(viewer)
    assert c.get("/to-chuc/ca-nhan/").status_code == 200
    assert c.get("/to-chuc/ca-nhan/AN01/sua/").status_code == 403
    assert c.post("/to-chuc/ca-nhan/them/", {}).status_code == 403


def test_officer_edits_own_person_with_audit(client_for, officer, people, province):
    c = client_for(officer)
    response = c.post("/to-chuc/ca-nhan/AN01/sua/", {
        "code": "AN01", "full_name": "Nguyễn Văn  An ", "gender": "nam", "birth_date": "05/03/1990",
        "ethnicity": "Kinh", "unit": province["sub"].pk, "position": "Chuyên viên chính", "is_leader": "", "is_active": "on",
    })
    assert response.status_code == 302
    person = Person.objects.get(code="AN01")
    assert person.full_name == "Nguyễn Văn An"
    assert person.birth_date.isoformat() == "1990-03-05"
    entry = ActivityLog.objects.for_object(person).get()
    assert entry.actor == officer
    assert entry.after["position"] == "Chuyên viên chính"


def test_officer_cannot_move_person_outside_scope(client_for, officer, people, province):
    response = client_for(officer).post("/to-chuc/ca-nhan/AN01/sua/", {
        "code": "AN01", "full_name": "Nguyễn Văn An", "gender": "nam", "ethnicity": "Kinh",
        "unit": province["other"].pk, "position": "", "is_active": "on",
    })
    assert response.status_code == 200
    assert Person.objects.get(code="AN01").unit == province["sub"]


def test_bad_date_gets_vietnamese_message_and_saves_nothing(client_for, staff, province):
    response = client_for(staff).post("/to-chuc/ca-nhan/them/", {
        "code": "MOI01", "full_name": "Lê Thị Mới", "gender": "nu", "birth_date": "31/02/1990",
        "ethnicity": "Kinh", "unit": province["ours"].pk, "is_active": "on",
    })
    assert response.status_code == 200
    assert "Nhập một ngày hợp lệ" in response.content.decode() or "ngày" in response.content.decode()
    assert not Person.objects.filter(code="MOI01").exists()


def test_staff_creates_unit_and_sees_it(client_for, staff, province):
    c = client_for(staff)
    response = c.post("/to-chuc/don-vi/them/", {"code": "SXD", "name": "Sở Xây dựng", "kind": "so_nganh", "parent": province["root"].pk, "is_active": "on"})
    assert response.status_code == 302
    assert "Sở Xây dựng" in c.get("/to-chuc/don-vi/", {"q": "so xay dung"}).content.decode()


def test_unit_code_rejects_odd_characters(client_for, staff, province):
    response = client_for(staff).post("/to-chuc/don-vi/them/", {"code": "SỞ XD", "name": "Sở Xây dựng", "kind": "so_nganh", "is_active": "on"})
    assert response.status_code == 200
    assert "Mã chỉ gồm" in response.content.decode()


@pytest.mark.parametrize("url", ["/to-chuc/ca-nhan/", "/to-chuc/don-vi/", "/to-chuc/ho-gia-dinh/"])
def test_list_query_count_is_constant(client_for, staff, province, django_assert_max_num_queries, url):
    c = client_for(staff)
    PersonFactory(unit=province["ours"])
    HouseholdFactory(unit=province["sub"])
    c.get(url)  # warm caches (session, content types)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        c.get(url)
    for _ in range(30):
        PersonFactory(unit=province["ours"])
        HouseholdFactory(unit=province["sub"])
    with CaptureQueriesContext(connection) as many:
        c.get(url)
    assert len(many) == len(few)

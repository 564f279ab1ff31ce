"""Eligibility pages with personas, constant query counts, XLSX export, policy edit and what-if."""

import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from awards.models import PolicyParameter
from core.models import ActivityLog
from tests.factories.evidence import AwardFactory, RatingFactory
from tests.factories.org import PersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(province):
    an = PersonFactory(code="AN01", full_name="Nguyễn Văn An", unit=province["sub"])
    RatingFactory(person=an, year=2026, grade="HTXSNV")
    AwardFactory(person=an, kind="CSTD_CS", year=2025)
    dao = PersonFactory(code="DAO01", full_name="Đặng Thị Đào", unit=province["ours"])
    RatingFactory(person=dao, year=2026, grade="HTNV")
    xa = PersonFactory(code="XA01", full_name="Trần Văn Xa", unit=province["other"])
    RatingFactory(person=xa, year=2026, grade="HTTNV")
    return {"an": an, "dao": dao, "xa": xa}


PERSON_URL = "/khen-thuong/dieu-kien/ca-nhan/AN01/?nam=2026"


@pytest.mark.parametrize("persona, status", [
    ("staff", 200), ("officer", 200), ("head", 200), ("viewer", 200), ("other_officer", 404), ("council_member", 403), (None, 302),
])
def test_person_page_personas(request, client_for, people, persona, status):
    user = request.getfixturevalue(persona) if persona else None
    response = client_for(user).get(PERSON_URL)
    assert response.status_code == status
    if status == 200:
        body = response.content.decode()
        assert "Nguyễn Văn An" in body and "hoàn thành xuất sắc nhiệm vụ năm 2026" in body
        assert "đủ điều kiện Bằng khen tỉnh năm 2026 nếu đạt CSTĐ cơ sở năm 2026" in body


def test_person_page_shows_next_title_hint_for_cstd_tinh(client_for, staff, province):
    p = PersonFactory(code="BINH01", unit=province["ours"])
    for y in (2024, 2025):
        AwardFactory(person=p, kind="CSTD_CS", year=y)
    RatingFactory(person=p, year=2026, grade="HTXSNV")
    body = client_for(staff).get("/khen-thuong/dieu-kien/ca-nhan/BINH01/?nam=2026").content.decode()
    assert "đủ điều kiện CSTĐ tỉnh năm 2026 nếu đạt CSTĐ cơ sở năm 2026 và có sáng kiến cấp tỉnh" in body


@pytest.mark.parametrize("persona, status", [("staff", 200), ("officer", 200), ("other_officer", 404), ("council_member", 403), (None, 302)])
def test_collective_page_personas(request, client_for, people, persona, status):
    user = request.getfixturevalue(persona) if persona else None
    response = client_for(user).get("/khen-thuong/dieu-kien/tap-the/SGDDT.VP/?nam=2026")
    assert response.status_code == status
    if status == 200:
        assert "TTLDTT" in response.content.decode()


@pytest.mark.parametrize("persona, status", [("staff", 200), ("officer", 200), ("viewer", 200), ("other_officer", 404), ("council_member", 403), (None, 302)])
def test_unit_page_personas(request, client_for, people, persona, status):
    user = request.getfixturevalue(persona) if persona else None
    response = client_for(user).get("/khen-thuong/dieu-kien/don-vi/SGDDT/?nam=2026")
    assert response.status_code == status
    if status == 200:
        body = response.content.decode()
        assert "Nguyễn Văn An" in body  # eligible for LĐTT and CSTĐ cơ sở
        assert "Trần Văn Xa" not in body  # another unit
        assert "Đặng Thị Đào" not in body  # eligible for nothing


def test_unit_page_shows_quota_headroom_when_a_cap_is_set(client_for, staff, people):
    PolicyParameter.objects.create(key="eligibility.cap_cstd_cs_pct_of_ldtt", value=50)
    for _ in range(4):
        AwardFactory(person=PersonFactory(unit=people["an"].unit), kind="LDTT", year=2026)
    body = client_for(staff).get("/khen-thuong/dieu-kien/don-vi/SGDDT/?nam=2026").content.decode()
    assert "50% của 4 LĐTT" in body


@pytest.mark.parametrize("persona, status", [("staff", 200), ("viewer", 200), ("officer", 403), ("council_member", 403), (None, 302)])
def test_province_list_personas(request, client_for, people, persona, status):
    user = request.getfixturevalue(persona) if persona else None
    assert client_for(user).get("/khen-thuong/dieu-kien/?nam=2026").status_code == status


def test_province_list_filters_and_accent_insensitive_search(client_for, staff, people):
    c = client_for(staff)
    body = c.get("/khen-thuong/dieu-kien/", {"nam": 2026, "kind": "LDTT", "q": "dang thi dao"}).content.decode()
    assert "Đặng Thị Đào" in body and "Nguyễn Văn An" not in body
    body = c.get("/khen-thuong/dieu-kien/", {"nam": 2026, "kind": "LDTT", "eligible": "co", "doi_tuong": "individual"}).content.decode()
    assert "Nguyễn Văn An" in body and "Trần Văn Xa" in body and "Đặng Thị Đào" not in body
    body = c.get("/khen-thuong/dieu-kien/", {"nam": 2026, "kind": "LDTT", "unit": "SYT", "doi_tuong": "individual"}).content.decode()
    assert "Trần Văn Xa" in body and "Nguyễn Văn An" not in body


def test_province_list_exports_xlsx_with_formula_escaped(client_for, staff, province):
    from openpyxl import load_workbook

    PersonFactory(code="EVIL01", full_name="=HYPERLINK(\"x\")", unit=province["ours"])
    response = client_for(staff).get("/khen-thuong/dieu-kien/", {"nam": 2026, "kind": "LDTT", "format": "xlsx"})
    assert response.status_code == 200
    ws = load_workbook(io.BytesIO(response.content)).active
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0][1] == "Mã" and rows[0][7] == "Đủ điều kiện"
    evil = next(r for r in rows if r[1] == "EVIL01")
    assert evil[2].startswith("'=") and evil[7] == "không"


def _many(province, n):
    for _ in range(n):
        p = PersonFactory(unit=province["sub"])
        RatingFactory(person=p, year=2026, grade="HTXSNV")
        AwardFactory(person=p, kind="LDTT", year=2026)


@pytest.mark.parametrize("url", [
    "/khen-thuong/dieu-kien/?nam=2026&doi_tuong=individual", "/khen-thuong/dieu-kien/don-vi/SGDDT/?nam=2026",
    "/khen-thuong/dieu-kien/tap-the/SGDDT.VP/?nam=2026",
])
def test_list_query_count_is_constant(client_for, staff, province, url, settings):
    settings.ELIGIBILITY_CACHE_SECONDS = 0  # the judging itself, not the verdict cache (tested below)
    c = client_for(staff)
    _many(province, 1)
    c.get(url)
    with CaptureQueriesContext(connection) as few:
        assert c.get(url).status_code == 200
    _many(province, 30)
    with CaptureQueriesContext(connection) as many:
        assert c.get(url).status_code == 200
    assert len(many) == len(few)


# --- policy page and what-if ----------------------------------------------------------------------

@pytest.mark.parametrize("persona, status", [("staff", 200), ("viewer", 403), ("officer", 403), (None, 302)])
def test_policy_page_personas(request, client_for, province, persona, status):
    user = request.getfixturevalue(persona) if persona else None
    assert client_for(user).get("/khen-thuong/dieu-kien/chinh-sach/").status_code == status


def test_policy_save_is_logged_and_shown_in_history(client_for, staff, province):
    c = client_for(staff)
    response = c.post("/khen-thuong/dieu-kien/chinh-sach/luu/", {"key": "eligibility.ttldtt_member_share", "value": "0.8", "reason": "Quy chế 2027"})
    assert response.status_code == 302
    assert PolicyParameter.objects.get(key="eligibility.ttldtt_member_share").value == 0.8
    entry = ActivityLog.objects.get(action="awards.policy.set")
    assert entry.actor == staff and entry.reason == "Quy chế 2027" and entry.before == {"value": 0.7}
    assert "Quy chế 2027" in c.get("/khen-thuong/dieu-kien/chinh-sach/").content.decode()


@pytest.mark.parametrize("value, message", [
    ("1.5", "khoảng (0; 1]"), ("abc", "JSON"),
])
def test_policy_save_rejects_bad_values_and_saves_nothing(client_for, staff, province, value, message):
    response = client_for(staff).post("/khen-thuong/dieu-kien/chinh-sach/luu/", {"key": "eligibility.ttldtt_member_share", "value": value, "reason": "x"})
    assert response.status_code == 400 and message in response.content.decode()
    assert not PolicyParameter.objects.exists() and not ActivityLog.objects.exists()


def test_policy_save_requires_reason(client_for, staff, province):
    response = client_for(staff).post("/khen-thuong/dieu-kien/chinh-sach/luu/", {"key": "eligibility.ttldtt_member_share", "value": "0.8", "reason": ""})
    assert response.status_code == 400 and "lý do" in response.content.decode()
    assert not PolicyParameter.objects.exists()


def test_policy_save_rejects_bad_criteria(client_for, staff, province):
    response = client_for(staff).post("/khen-thuong/dieu-kien/chinh-sach/luu/", {
        "key": "eligibility.criteria.CSTD_TQ.individual", "value": '[{"type": "members_award", "kind": "LDTT", "share": 0.7}]', "reason": "x"})
    assert response.status_code == 400 and "chỉ dùng cho tập thể" in response.content.decode()


def test_policy_save_forbidden_to_viewer(client_for, viewer, province):
    response = client_for(viewer).post("/khen-thuong/dieu-kien/chinh-sach/luu/", {"key": "eligibility.ttldtt_member_share", "value": "0.8", "reason": "x"})
    assert response.status_code == 403 and not PolicyParameter.objects.exists()


def test_what_if_counts_changes_per_kind_and_unit_without_saving(client_for, staff, province):
    people = [PersonFactory(unit=province["sub"]) for _ in range(10)]
    for p in people[:6]:
        AwardFactory(person=p, kind="LDTT", year=2026)
    RatingFactory(subject_type="collective", person=None, unit=province["sub"], year=2026, grade="HTTNV")
    response = client_for(staff).post("/khen-thuong/dieu-kien/chinh-sach/thu/",
                                      {"key": "eligibility.ttldtt_member_share", "value": "0.6", "nam": "2026"}, HTTP_HX_REQUEST="true")
    body = response.content.decode()
    assert response.status_code == 200
    assert "<strong>1</strong>" in body and "TTLDTT" in body and "SGDDT.VP" in body and "+1" in body
    assert not PolicyParameter.objects.exists() and not ActivityLog.objects.exists()


def test_what_if_of_a_cap_lists_units_whose_limit_changes(client_for, staff, province):
    for _ in range(10):
        AwardFactory(person=PersonFactory(unit=province["sub"]), kind="LDTT", year=2026)
    AwardFactory(person=PersonFactory(unit=province["sub"]), kind="CSTD_CS", year=2026)
    AwardFactory(person=PersonFactory(unit=province["sub"]), kind="CSTD_CS", year=2026)
    response = client_for(staff).post("/khen-thuong/dieu-kien/chinh-sach/thu/",
                                      {"key": "eligibility.cap_cstd_cs_pct_of_ldtt", "value": "15", "nam": "2026"})
    body = response.content.decode()
    assert response.status_code == 200 and "SGDDT.VP" in body and "vượt" in body
    assert not PolicyParameter.objects.exists()


def test_nav_shows_entries_by_role(client_for, staff, officer, province):
    assert "/khen-thuong/dieu-kien/chinh-sach/" in client_for(staff).get("/").content.decode()
    body = client_for(officer).get("/").content.decode()
    assert "/khen-thuong/dieu-kien/don-vi/SGDDT/" in body and "/khen-thuong/dieu-kien/chinh-sach/" not in body


@pytest.mark.parametrize("query", ["&doi_tuong=individual", "&doi_tuong=collective", "&eligible=co", "&kind=LDTT&eligible=khong"])
def test_province_list_query_count_is_constant_in_every_mode(client_for, staff, province, query):
    url = "/khen-thuong/dieu-kien/?nam=2026" + query
    c = client_for(staff)
    _many(province, 1)
    c.get(url)
    with CaptureQueriesContext(connection) as few:
        c.get(url)
    _many(province, 45)
    with CaptureQueriesContext(connection) as many:
        c.get(url)
    assert len(many) == len(few)


def test_province_list_pages_subjects(client_for, staff, province):
    for i in range(25):
        PersonFactory(code=f"P{i:03d}", unit=province["ours"])
    c = client_for(staff)
    first = c.get("/khen-thuong/dieu-kien/", {"nam": 2026, "doi_tuong": "individual", "kind": "LDTT"}).content.decode()
    second = c.get("/khen-thuong/dieu-kien/", {"nam": 2026, "doi_tuong": "individual", "kind": "LDTT", "page": 2}).content.decode()
    assert "P000" in first and "P019" in first and "P020" not in first
    assert "P020" in second and "P024" in second


def test_passport_links_to_eligibility_and_back(client_for, staff, people):
    c = client_for(staff)
    passport = c.get("/khen-thuong/qua-trinh-khen-thuong/ca-nhan/AN01/").content.decode()
    assert "/khen-thuong/dieu-kien/ca-nhan/AN01/" in passport
    assert "/khen-thuong/qua-trinh-khen-thuong/ca-nhan/AN01/" in c.get(PERSON_URL).content.decode()
    assert "/khen-thuong/dieu-kien/tap-the/SGDDT/" in c.get("/khen-thuong/qua-trinh-khen-thuong/tap-the/SGDDT/").content.decode()


def test_what_if_of_a_rule_switch_counts_individuals(client_for, staff, province):
    from tests.factories.evidence import DisciplineFactory

    held = PersonFactory(unit=province["ours"])
    RatingFactory(person=held, year=2026, grade="HTXSNV")
    DisciplineFactory(person=held, form="dang_xem_xet", start_date=__import__("datetime").date(2026, 6, 1), end_date=None)
    response = client_for(staff).post("/khen-thuong/dieu-kien/chinh-sach/thu/",
                                      {"key": "eligibility.rules_disabled", "value": '["d152.art4.hold"]', "nam": "2026"}, HTTP_HX_REQUEST="true")
    body = response.content.decode()
    assert response.status_code == 200
    assert "<strong>2</strong>" in body and "LDTT" in body and "CSTD_CS" in body and "SGDDT" in body
    assert not PolicyParameter.objects.exists()


def test_unit_page_of_a_very_large_subtree_lists_one_level(client_for, staff, people, monkeypatch):
    from awards.views import eligibility as views

    monkeypatch.setattr(views, "SUBTREE_LIMIT", 1)
    body = client_for(staff).get("/khen-thuong/dieu-kien/don-vi/SGDDT/?nam=2026").content.decode()
    assert "Văn phòng Sở" in body and "/khen-thuong/dieu-kien/don-vi/SGDDT.VP/" in body
    assert "Nguyễn Văn An" not in body  # works in the sub-unit: listed on its page
    assert "Nguyễn Văn An" in client_for(staff).get("/khen-thuong/dieu-kien/don-vi/SGDDT.VP/?nam=2026").content.decode()

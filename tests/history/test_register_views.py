import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from awards.enums import AwardStatus
from awards.models import Discipline, Initiative, Rating
from awards.services.register import award_record
from tests.factories.org import PersonFactory
from tests.history.conftest import D


@pytest.fixture
def an_history(staff, an, kinds):
    """Nguyễn Văn An: ratings, an initiative, a discipline, awards (one revoked)."""
    for year, grade in [(2023, "HTXSNV"), (2024, "HTXSNV"), (2025, "HTTNV")]:
        Rating.objects.create(subject_type="individual", person=an, year=year, grade=grade)
    ini = Initiative.objects.create(code="SK-AN", title="Sổ điểm điện tử", year=2024, scope="tinh")
    ini.authors.add(an)
    Discipline.objects.create(person=an, form="khien_trach", start_date=D(2022, 3, 1), end_date=D(2022, 9, 1))
    cstd = award_record(actor=staff, subject_type="individual", recipient=an, kind=kinds["CSTD_CS"], year=2024,
                        decision_number="15/QĐ-UBND", decision_date=D(2025, 1, 20), initiative=ini)
    ldtt = award_record(actor=staff, subject_type="individual", recipient=an, kind=kinds["LDTT"], year=2023,
                        decision_number="9/QĐ-SGDĐT", decision_date=D(2024, 1, 15))
    from awards.services.register import award_revoke

    award_revoke(actor=staff, award=ldtt, decision_number="77/QĐ-HB", date=D(2024, 6, 1), reason="Kê khai sai")
    return {"cstd": cstd, "ldtt": ldtt, "initiative": ini}


def test_register_search_accent_insensitive(client_for, staff, an_history):
    response = client_for(staff).get(reverse("awards:register-search"), {"q": "nguyen van an"})
    body = response.content.decode()
    assert response.status_code == 200 and "15/QĐ-UBND" in body and "9/QĐ-SGDĐT" in body


@pytest.mark.parametrize("params,found,missing", [
    ({"kind": "CSTD_CS"}, "15/QĐ-UBND", "9/QĐ-SGDĐT"),
    ({"year": "2023"}, "9/QĐ-SGDĐT", "15/QĐ-UBND"),
    ({"decision": "15/qđ"}, "15/QĐ-UBND", "9/QĐ-SGDĐT"),
    ({"status": "revoked"}, "9/QĐ-SGDĐT", "15/QĐ-UBND"),
    ({"unit": "SGDDT"}, "15/QĐ-UBND", "Không có khen thưởng phù hợp"),
])
def test_register_search_filters(client_for, staff, an_history, params, found, missing):
    body = client_for(staff).get(reverse("awards:register-search"), params).content.decode()
    assert found in body and missing not in body


def test_register_search_unit_outside_scope_finds_nothing(client_for, officer, an_history):
    body = client_for(officer).get(reverse("awards:register-search"), {"unit": "SYT"}).content.decode()
    assert "Không có đơn vị này trong phạm vi" in body and "15/QĐ-UBND" not in body


@pytest.mark.parametrize("persona,status", [
    ("staff", 200), ("officer", 200), ("head", 200), ("viewer", 200), ("other_officer", 200),
    ("council_member", 403), (None, 302)])
def test_register_search_personas(request, client_for, an_history, persona, status):
    user = request.getfixturevalue(persona) if persona else None
    response = client_for(user).get(reverse("awards:register-search"))
    assert response.status_code == status
    if persona == "other_officer":
        assert "15/QĐ-UBND" not in response.content.decode()  # An is outside their unit


def test_register_search_query_count_constant(client_for, staff, kinds, province):
    c = client_for(staff)
    url = reverse("awards:register-search")
    p = PersonFactory(unit=province["ours"])
    award_record(actor=staff, subject_type="individual", recipient=p, kind=kinds["LDTT"], year=2025, decision_number="1", decision_date=D(2026, 1, 5))
    c.get(url)
    with CaptureQueriesContext(connection) as few:
        c.get(url)
    for i in range(20):
        p = PersonFactory(unit=province["sub"])
        award_record(actor=staff, subject_type="individual", recipient=p, kind=kinds["LDTT"], year=2025, decision_number=str(i), decision_date=D(2026, 1, 5))
        award_record(actor=staff, subject_type="collective", recipient=province["other"] if i == 0 else PersonFactory().unit,
                     kind=kinds["TTLDTT"], year=2025, decision_number=f"T{i}", decision_date=D(2026, 1, 5))
    with CaptureQueriesContext(connection) as many:
        c.get(url)
    assert len(many) == len(few)


def test_passport_person_shows_whole_history(client_for, officer, an, an_history):
    body = client_for(officer).get(reverse("awards:passport-person", args=[an.code])).content.decode()
    for text in ["Nguyễn Văn An", "HTXSNV", "Sổ điểm điện tử", "Khiển trách", "15/QĐ-UBND", "đã hủy bỏ", "Chiến sĩ thi đua cơ sở", "2.340.000"]:
        assert text in body, text


def test_passport_person_outside_scope_404(client_for, other_officer, an, an_history):
    assert client_for(other_officer).get(reverse("awards:passport-person", args=[an.code])).status_code == 404


def test_passport_query_count_constant(client_for, staff, an, an_history, kinds):
    c = client_for(staff)
    url = reverse("awards:passport-person", args=[an.code])
    c.get(url)
    with CaptureQueriesContext(connection) as few:
        c.get(url)
    for year in range(2010, 2020):
        Rating.objects.create(subject_type="individual", person=an, year=year, grade="HTTNV")
        award_record(actor=staff, subject_type="individual", recipient=an, kind=kinds["LDTT"], year=year, decision_number=f"{year}", decision_date=D(year + 1, 1, 5))
        ini = Initiative.objects.create(code=f"SK{year}", title="x", year=year, scope="co_so")
        ini.authors.add(an)
    with CaptureQueriesContext(connection) as many:
        c.get(url)
    assert len(many) == len(few)


def test_passport_unit_shows_collective_awards(client_for, staff, province, kinds):
    Rating.objects.create(subject_type="collective", unit=province["ours"], year=2025, grade="HTXSNV")
    award_record(actor=staff, subject_type="collective", recipient=province["ours"], kind=kinds["TTLDTT"], year=2025,
                 decision_number="16/QĐ-UBND", decision_date=D(2026, 1, 20))
    body = client_for(staff).get(reverse("awards:passport-unit", args=["SGDDT"])).content.decode()
    assert "Tập thể lao động tiên tiến" in body and "16/QĐ-UBND" in body and "HTXSNV" in body


def test_org_pages_link_to_passport(client_for, staff, an, province):
    c = client_for(staff)
    assert reverse("awards:passport-person", args=[an.code]) in c.get(an.get_absolute_url()).content.decode()
    assert reverse("awards:passport-unit", args=["SGDDT"]) in c.get(province["ours"].get_absolute_url()).content.decode()


def test_register_revoke_by_staff(client_for, staff, an_history):
    award = an_history["cstd"]
    response = client_for(staff).post(reverse("awards:register-revoke", args=[award.uuid]),
                                      {"decision_number": "88/QĐ-UBND", "date": "01/06/2025", "reason": "Hồ sơ không trung thực"})
    assert response.status_code == 302
    award.refresh_from_db()
    assert award.status == AwardStatus.REVOKED and award.amount_to_recover == 2_340_000
    body = client_for(staff).get(award.get_absolute_url()).content.decode()
    assert "88/QĐ-UBND" in body and "Số tiền phải thu hồi" in body


def test_register_revoke_bad_date_refused(client_for, staff, an_history):
    award = an_history["cstd"]
    response = client_for(staff).post(reverse("awards:register-revoke", args=[award.uuid]),
                                      {"decision_number": "88", "date": "31/02/2025", "reason": "x"})
    assert response.status_code == 400
    award.refresh_from_db()
    assert award.status == AwardStatus.IN_FORCE


@pytest.mark.parametrize("persona,status", [("officer", 403), ("viewer", 403), ("other_officer", 404), ("council_member", 403), (None, 302)])
def test_register_revoke_forbidden_personas(request, client_for, an_history, persona, status):
    user = request.getfixturevalue(persona) if persona else None
    award = an_history["cstd"]
    response = client_for(user).post(reverse("awards:register-revoke", args=[award.uuid]),
                                     {"decision_number": "88", "date": "01/06/2025", "reason": "x"})
    assert response.status_code == status
    award.refresh_from_db()
    assert award.status == AwardStatus.IN_FORCE


def test_register_detail_shows_revoke_form_to_staff_only(client_for, staff, officer, an_history):
    url = an_history["cstd"].get_absolute_url()
    assert "Hủy bỏ khen thưởng" in client_for(staff).get(url).content.decode()
    assert "Hủy bỏ khen thưởng" not in client_for(officer).get(url).content.decode()


def test_register_export_xlsx(client_for, staff, an_history):
    response = client_for(staff).get(reverse("awards:register-export"), {"q": "nguyen van an", "status": "in_force"})
    rows = list(load_workbook(io.BytesIO(response.content)).worksheets[0].iter_rows(values_only=True))
    assert rows[0][:3] == ("Mã đối tượng", "Loại đối tượng", "Mã khen thưởng") and "Số tiền thưởng" in rows[0]
    assert len(rows) == 2 and rows[1][2] == "CSTD_CS" and rows[1][9] == 2_340_000


def test_org_exports_in_import_format(client_for, staff, an, province):
    from awards.imports.kinds import SPECS

    c = client_for(staff)
    people = list(load_workbook(io.BytesIO(c.get(reverse("org:person-export")).content)).worksheets[0].iter_rows(values_only=True))
    assert list(people[0]) == SPECS["persons"].headers and ("CN00001", "Nguyễn Văn An") == people[1][:2]
    units = list(load_workbook(io.BytesIO(c.get(reverse("org:unit-export"), {"q": "van phong"}).content)).worksheets[0].iter_rows(values_only=True))
    assert list(units[0]) == SPECS["units"].headers and units[1] == ("SGDDT.VP", "Văn phòng Sở", "phong_ban", "SGDDT", "khong")


def test_org_person_export_scoped(client_for, other_officer, an):
    rows = list(load_workbook(io.BytesIO(client_for(other_officer).get(reverse("org:person-export")).content)).worksheets[0].iter_rows(values_only=True))
    assert len(rows) == 1


def test_dashboard_panel_figures(client_for, staff, officer, an_history, binh, kinds):
    from awards.dashboard_register import panels

    award_record(actor=staff, subject_type="individual", recipient=binh, kind=kinds["BK_TINH"], year=2026,
                 decision_number="5", decision_date=D(2026, 5, 1))
    award_record(actor=staff, subject_type="individual", recipient=an_history["cstd"].person, kind=kinds["LDTT"], year=2026,
                 decision_number="6", decision_date=D(2026, 5, 1))
    (panel,) = panels(staff)
    figures = {label: value for label, value, _url in panel.figures}
    assert figures["khen thưởng còn hiệu lực"] == 2 and figures["cấp tỉnh"] == 1 and figures["cấp cơ sở"] == 1
    (unit_panel,) = panels(officer)
    assert {label: value for label, value, _u in unit_panel.figures}["khen thưởng còn hiệu lực"] == 1

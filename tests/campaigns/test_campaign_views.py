import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext

from campaigns import queries, services
from campaigns.enums import CampaignState
from campaigns.models import Campaign, Registration
from tests.factories.campaigns import CampaignFactory, TargetFactory
from tests.factories.org import PersonFactory

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n%%EOF\n"


@pytest.mark.parametrize("persona, status", [
    ("staff", 200), ("officer", 200), ("other_officer", 200), ("council_member", 200), ("viewer", 200), (None, 302),
])
def test_list_personas(request, client_for, launched, persona, status):
    user = request.getfixturevalue(persona) if persona else None
    response = client_for(user).get("/phong-trao/")
    assert response.status_code == status
    if status == 200:
        assert launched.name in response.content.decode()


def test_draft_hidden_from_unit_users(client_for, campaign, officer, staff):
    assert client_for(officer).get(f"/phong-trao/{campaign.code}/").status_code == 404
    assert campaign.name not in client_for(officer).get("/phong-trao/").content.decode()
    assert client_for(staff).get(f"/phong-trao/{campaign.code}/").status_code == 200


def test_detail_shows_targets_met(client_for, launched, staff):
    gdp = launched.targets.first()
    gdp.achieved = True
    gdp.save()
    body = client_for(staff).get(f"/phong-trao/{launched.code}/").content.decode()
    assert "1/2 chỉ tiêu đạt" in body
    assert "Tốc độ tăng GRDP" in body


@pytest.mark.parametrize("persona, status", [
    ("officer", 403), ("viewer", 403), ("council_member", 403), (None, 302),
])
def test_launch_refused_to_non_staff(request, client_for, campaign, persona, status):
    user = request.getfixturevalue(persona) if persona else None
    assert client_for(user).post(f"/phong-trao/{campaign.code}/phat-dong/").status_code == status
    campaign.refresh_from_db()
    assert campaign.state == CampaignState.DRAFT


def test_staff_launches_through_page(client_for, campaign, staff):
    response = client_for(staff).post(f"/phong-trao/{campaign.code}/phat-dong/", follow=True)
    campaign.refresh_from_db()
    assert campaign.state == CampaignState.LAUNCHED
    assert "Đã phát động" in response.content.decode()


def test_staff_creates_campaign_with_directive_file(client_for, staff, province, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    response = client_for(staff).post("/phong-trao/them/", {
        "code": "DVK2026", "name": "Dân vận khéo", "theme": "", "kind": "thematic", "scope": "province", "year": "2026",
        "directive_number": "12/KH-UBND", "directive_date": "15/01/2026", "directive_signer": "Chủ tịch UBND tỉnh",
        "start_date": "15/01/2026", "end_date": "31/12/2026", "participation": "all",
        "directive_file": SimpleUploadedFile("ke hoach.pdf", PDF, content_type="application/pdf"),
    })
    assert response.status_code == 302
    c = Campaign.objects.get(code="DVK2026")
    assert c.directive_date.isoformat() == "2026-01-15" and c.state == CampaignState.DRAFT
    assert c.directive_file.name.startswith("campaigns/directives/") and "ke hoach" not in c.directive_file.name
    download = client_for(staff).get(f"/phong-trao/{c.code}/van-ban/")
    assert download.status_code == 200 and b"".join(download.streaming_content) == PDF


def test_create_refuses_fake_pdf(client_for, staff, province):
    response = client_for(staff).post("/phong-trao/them/", {
        "code": "X1", "name": "X", "kind": "regular", "scope": "province", "year": "2026", "participation": "all",
        "directive_file": SimpleUploadedFile("a.pdf", b"<html>not a pdf</html>", content_type="application/pdf"),
    })
    assert response.status_code == 200
    assert "PDF" in response.content.decode()
    assert not Campaign.objects.filter(code="X1").exists()


def test_directive_download_404_for_draft_to_unit_user(client_for, campaign, officer):
    assert client_for(officer).get(f"/phong-trao/{campaign.code}/van-ban/").status_code == 404


def test_unit_officer_registers_own_unit(client_for, launched, officer, province, kinds):
    person = PersonFactory(unit=province["ours"], full_name="Lê Thị Mai")
    c = client_for(officer)
    page = c.get(f"/phong-trao/{launched.code}/dang-ky/").content.decode()
    assert "Lê Thị Mai" in page
    response = c.post(f"/phong-trao/{launched.code}/dang-ky/", {
        "collective_kind": kinds["TTLDXS"].pk, f"kind_{person.pk}": kinds["CSTD_CS"].pk, "note": "",
    })
    assert response.status_code == 302
    reg = Registration.objects.get(campaign=launched, unit=province["ours"])
    assert reg.collective_kind.code == "TTLDXS"
    assert reg.individuals.get().person == person


def test_registration_404_for_unit_outside_campaign(client_for, launched, council_member, viewer):
    assert client_for(council_member).get(f"/phong-trao/{launched.code}/dang-ky/").status_code == 404
    assert client_for(viewer).get(f"/phong-trao/{launched.code}/dang-ky/").status_code == 403


def test_participants_and_remind(client_for, launched, staff, officer, province, mailoutbox):
    services.registration_submit(actor=officer, campaign=launched, unit=province["ours"])
    c = client_for(staff)
    body = c.get(f"/phong-trao/{launched.code}/don-vi/?status=chua").content.decode()
    assert "Sở Y tế" in body and "Sở Giáo dục" not in body
    assert c.post(f"/phong-trao/{launched.code}/nhac-dang-ky/").status_code == 302
    assert launched.reminders.get().unit == province["other"]
    assert client_for(officer).get(f"/phong-trao/{launched.code}/don-vi/").status_code == 403
    assert client_for(officer).post(f"/phong-trao/{launched.code}/nhac-dang-ky/").status_code == 403


def test_midterm_and_close_pages(client_for, launched, staff):
    gdp, poor = launched.targets.order_by("order")
    c = client_for(staff)
    response = c.post(f"/phong-trao/{launched.code}/so-ket/", {
        "held_on": "15/07/2026", f"actual_{gdp.pk}": "9,2", f"actual_{poor.pk}": "", "summary": "Sơ kết 6 tháng",
    })
    assert response.status_code == 302, response.content.decode()[:2000]
    launched.refresh_from_db()
    assert launched.state == CampaignState.MIDTERM_REVIEWED
    gdp.refresh_from_db()
    assert gdp.achieved is True
    assert c.post(f"/phong-trao/{launched.code}/so-ket/", {"held_on": "16/07/2026"}).status_code == 200
    assert c.post(f"/phong-trao/{launched.code}/tong-ket/", {"held_on": "20/12/2026"}).status_code == 302
    launched.refresh_from_db()
    assert launched.state == CampaignState.CLOSED


def test_awards_under_campaign_counted(client_for, launched, staff, province):
    from tests.factories.evidence import AwardFactory

    AwardFactory(person=None, unit=province["ours"], kind="CO_TINH", campaign=launched)
    AwardFactory(person=PersonFactory(unit=province["ours"]), kind="BK_TINH", campaign=launched)
    AwardFactory(person=PersonFactory(unit=province["ours"]), kind="BK_TINH", campaign=launched)
    AwardFactory(person=PersonFactory(unit=province["ours"]), kind="BK_TINH")  # not under the campaign
    rows = {row["code"]: row for row in queries.awards_granted(launched)}
    assert rows["CO_TINH"]["collective"] == 1 and rows["BK_TINH"]["individual"] == 2 and rows["BK_TINH"]["total"] == 2
    body = client_for(staff).get(f"/phong-trao/{launched.code}/").content.decode()
    assert "CO_TINH" in body


@pytest.mark.parametrize("url", ["/phong-trao/", "/phong-trao/{code}/", "/phong-trao/{code}/don-vi/"])
def test_list_query_count_is_constant(client_for, staff, officer, launched, province, url, kinds):
    c = client_for(staff)
    url = url.format(code=launched.code)
    c.get(url)
    with CaptureQueriesContext(connection) as few:
        c.get(url)
    from tests.factories.org import UnitFactory

    for i in range(15):
        unit = UnitFactory(parent=province["root"])
        CampaignFactory(state=CampaignState.LAUNCHED)
        TargetFactory(campaign=launched)
        Registration.objects.create(campaign=launched, unit=unit, collective_kind=kinds["TTLDXS"])
    with CaptureQueriesContext(connection) as many:
        c.get(url)
    assert len(many) == len(few)

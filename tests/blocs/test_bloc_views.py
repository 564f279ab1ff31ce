import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from blocs import services
from blocs.enums import GroupYearState
from blocs.models import Score, Vote
from tests.factories.blocs import GroupFactory
from tests.factories.org import UnitFactory

from .conftest import DEADLINE
from .helpers import score_and_verify

pytestmark = pytest.mark.django_db

URL = "/khoi-thi-dua/KHOI.VHXH/2026/"


@pytest.mark.parametrize("persona, status", [
    ("staff", 200), ("bloc_head", 200), ("officer", 200), ("member_c", 200), ("viewer", 200),
    ("outsider", 404), ("council_member", 404), (None, 302),
])
def test_year_page_personas(request, client_for, criteria, gy, persona, status):
    user = request.getfixturevalue(persona) if persona else None
    response = client_for(user).get(URL)
    assert response.status_code == status
    if status == 200:
        assert "Khối Văn hóa – Xã hội" in response.content.decode()


@pytest.mark.parametrize("persona, status", [
    ("staff", 200), ("bloc_head", 200), ("officer", 200), ("council_member", 403), (None, 302),
])
def test_group_list_personas(request, client_for, gy, persona, status):
    user = request.getfixturevalue(persona) if persona else None
    response = client_for(user).get("/khoi-thi-dua/")
    assert response.status_code == status
    if status == 200:
        assert "Khối Văn hóa – Xã hội" in response.content.decode()


def test_outsider_sees_empty_group_list(client_for, gy, outsider):
    response = client_for(outsider).get("/khoi-thi-dua/")
    assert response.status_code == 200
    assert "Khối Văn hóa" not in response.content.decode()


def test_member_sees_own_sheet_only(client_for, scoring, officer, units):
    c = client_for(officer)
    assert c.get(f"{URL}bang-diem/SGDDT/").status_code == 200
    assert c.get(f"{URL}bang-diem/SXD/").status_code == 404


def test_member_self_scores_through_page(client_for, scoring, criteria, officer, units, monkeypatch):
    import django.utils.timezone

    monkeypatch.setattr(django.utils.timezone, "localdate", lambda *a, **k: DEADLINE)
    response = client_for(officer).post(f"{URL}bang-diem/SGDDT/tu-cham/", {
        f"points_{criteria['1.1'].pk}": "18,5", f"note_{criteria['1.1'].pk}": "Báo cáo số 12",
        f"points_{criteria['2'].pk}": "25",
    })
    assert response.status_code == 302
    scores = {s.criterion.number: s for s in Score.objects.filter(unit=units["member"]).select_related("criterion")}
    assert str(scores["1.1"].self_points) == "18.50" and scores["1.1"].evidence == "Báo cáo số 12"
    assert set(scores) == {"1.1", "2"}


def test_member_cannot_verify_or_publish(client_for, scoring, criteria, officer):
    c = client_for(officer)
    assert c.post(f"{URL}bang-diem/SGDDT/tham-dinh/", {}).status_code == 403
    assert c.post(f"{URL}cong-bo/").status_code == 403
    assert c.post(f"{URL}de-nghi/").status_code == 403


def test_outsider_gets_404_on_actions(client_for, scoring, outsider):
    c = client_for(outsider)
    assert c.post(f"{URL}cong-bo/").status_code == 404
    assert c.get(f"{URL}bang-diem/SGDDT/").status_code == 404


def test_viewer_reads_but_cannot_write(client_for, scoring, viewer):
    c = client_for(viewer)
    assert c.get(f"{URL}bang-diem/SGDDT/").status_code == 200
    assert c.post(f"{URL}cong-bo/").status_code == 403


def test_head_verifies_and_publishes_through_pages(client_for, scoring, criteria, staff, bloc_head, officer, units):
    from decimal import Decimal

    from blocs.services import ScoreEntry

    services.self_score_submit(actor=officer, group_year=scoring, unit=units["member"], today=DEADLINE,
                               entries=[ScoreEntry(criteria["2"], Decimal(28), "Báo cáo")])
    c = client_for(bloc_head)
    page = c.get(f"{URL}bang-diem/SGDDT/").content.decode()
    assert 'id="verify-form"' in page
    c.post(f"{URL}bang-diem/SGDDT/tham-dinh/", {f"points_{criteria['2'].pk}": "26", f"note_{criteria['2'].pk}": "Thiếu minh chứng"})
    assert Score.objects.get(unit=units["member"]).verified_points == Decimal(26)
    # members do not see the ranking before publication
    assert 'id="ranking"' not in client_for(officer).get(URL).content.decode()
    assert c.post(f"{URL}cong-bo/").status_code == 302
    scoring.refresh_from_db()
    assert scoring.state == GroupYearState.PUBLISHED
    body = client_for(officer).get(URL).content.decode()
    assert 'id="ranking"' in body and "Sở Giáo dục và Đào tạo" in body


def test_vote_and_proposal_through_pages(client_for, scoring, criteria, staff, bloc_head, officer, member_c, units):
    for key in ("head", "member", "c", "d"):
        score_and_verify(scoring, units[key], {"2": {"head": 30, "member": 25, "c": 20, "d": 10}[key]}, staff, staff, criteria)
    services.ranking_publish(actor=staff, group_year=scoring)
    client_for(officer).post(f"{URL}suy-ton/", {"candidate": units["head"].pk})
    client_for(member_c).post(f"{URL}suy-ton/", {"candidate": units["head"].pk})
    assert client_for(officer).post(f"{URL}suy-ton/", {"candidate": units["c"].pk}).status_code == 302
    assert Vote.objects.filter(group_year=scoring).count() == 2
    response = client_for(bloc_head).post(f"{URL}de-nghi/")
    assert response.status_code == 302
    scoring.refresh_from_db()
    assert scoring.state == GroupYearState.PROPOSED
    assert scoring.proposal_dossier.lines.filter(kind__code="CO_TINH", unit=units["head"]).exists()


@pytest.mark.parametrize("url", ["/khoi-thi-dua/", URL, f"{URL}bang-diem/SGDDT/"])
def test_list_query_count_is_constant(client_for, staff, scoring, criteria, units, url):
    c = client_for(staff)
    c.get(url)
    with CaptureQueriesContext(connection) as few:
        c.get(url)
    extra = [UnitFactory(parent=units["head"].parent) for _ in range(8)]
    for i in range(8):
        GroupFactory()
    for u in extra:
        scoring.memberships.create(unit=u)
        Score.objects.create(group_year=scoring, unit=u, criterion=criteria["2"], self_points=5)
    Score.objects.create(group_year=scoring, unit=units["member"], criterion=criteria["1.1"], self_points=5)
    with CaptureQueriesContext(connection) as many:
        c.get(url)
    assert len(many) == len(few)

"""Staff launch a campaign, a unit registers, a bloc member self-scores, the head verifies and
publishes the ranking, and the proposal becomes a dossier draft."""

import datetime
from decimal import Decimal

import pytest
from playwright.sync_api import expect

from accounts.enums import Role
from blocs import services as bloc_services
from blocs.models import GroupYear, Score
from campaigns.enums import CampaignState
from campaigns.models import Campaign, Registration
from tests.factories.accounts import UserFactory
from tests.factories.blocs import GroupFactory
from tests.factories.campaigns import CampaignFactory, TargetFactory
from tests.factories.org import PersonFactory, UnitFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _logout(page):
    page.get_by_role("button", name="Đăng xuất").click()


def test_campaign_and_bloc_journey(page, login, monkeypatch):
    monkeypatch.setattr("django.utils.timezone.localdate", lambda *a, **k: datetime.date(2026, 11, 20))
    root = UnitFactory(code="UBND", name="Ủy ban nhân dân tỉnh")
    snv = UnitFactory(code="SNV", name="Sở Nội vụ", parent=root)
    sgd = UnitFactory(code="SGDDT", name="Sở Giáo dục và Đào tạo", parent=root)
    syt = UnitFactory(code="SYT", name="Sở Y tế", parent=root)
    stc = UnitFactory(code="STC", name="Sở Tài chính", parent=root)
    teacher = PersonFactory(code="CN00001", full_name="Lê Thị Mai", unit=sgd)
    staff = UserFactory(username="canbo", role=Role.STAFF, unit=snv, is_staff=True)
    UserFactory(username="donvi", role=Role.UNIT_OFFICER, unit=sgd)
    UserFactory(username="truongkhoi", role=Role.UNIT_HEAD, unit=syt)
    campaign = CampaignFactory(code="PT.2026", name="Phong trào thi đua năm 2026")
    TargetFactory(campaign=campaign, indicator="Tốc độ tăng GRDP", measure="%", target_value=Decimal("9"))

    group = GroupFactory(code="KHOI.VHXH", name="Khối Văn hóa – Xã hội")
    gy = bloc_services.group_year_start(actor=staff, group=group, year=2026)
    bloc_services.members_set(actor=staff, group_year=gy, units=[syt, sgd, stc])
    bloc_services.leaders_set(actor=staff, group_year=gy, head=syt, deputy=stc)
    one = bloc_services.criterion_add(actor=staff, group_year=gy, number="1", title="Nhiệm vụ chuyên môn", max_points=Decimal(60))
    two = bloc_services.criterion_add(actor=staff, group_year=gy, number="2", title="Công tác thi đua", max_points=Decimal(40))
    bloc_services.scoring_open(actor=staff, group_year=gy, deadline=datetime.date(2026, 11, 30))
    for unit, points in ((syt, (55, 35)), (stc, (50, 30))):
        entries = [bloc_services.ScoreEntry(one, Decimal(points[0])), bloc_services.ScoreEntry(two, Decimal(points[1]))]
        bloc_services.self_score_submit(actor=staff, group_year=gy, unit=unit, entries=entries)
        bloc_services.scores_verify(actor=staff, group_year=gy, unit=unit, entries=entries)

    # Staff launch the campaign.
    login("canbo")
    page.goto("/phong-trao/PT.2026/")
    page.get_by_role("button", name="Phát động").click()
    expect(page.locator("#campaign-state")).to_have_text("Đã phát động")
    assert Campaign.objects.get(code="PT.2026").state == CampaignState.LAUNCHED
    _logout(page)

    # The unit registers its collective title and a person aiming for CSTĐ cơ sở.
    login("donvi")
    page.goto("/phong-trao/PT.2026/")
    page.get_by_role("link", name="Đăng ký thi đua").click()
    page.get_by_label("Danh hiệu tập thể đăng ký").select_option(label="Tập thể lao động xuất sắc")
    page.get_by_label("Lê Thị Mai").select_option(label="Chiến sĩ thi đua cơ sở")
    page.get_by_role("button", name="Gửi đăng ký").click()
    expect(page.locator(".alert-success")).to_contain_text("Đã đăng ký thi đua cho Sở Giáo dục và Đào tạo")
    expect(page.locator("#registrations")).to_contain_text("Tập thể lao động xuất sắc")
    assert Registration.objects.get(unit=sgd).individuals.get().person == teacher

    # A bloc member self-scores with evidence.
    page.goto("/khoi-thi-dua/KHOI.VHXH/2026/")
    page.get_by_role("link", name="Tự chấm điểm").click()
    page.get_by_label("Điểm 1 (tối đa 60)").fill("58")
    page.get_by_label("Minh chứng 1").fill("Báo cáo tổng kết năm học")
    page.get_by_label("Điểm 2 (tối đa 40)").fill("38")
    page.get_by_role("button", name="Lưu điểm tự chấm").click()
    expect(page.locator(".alert-success")).to_contain_text("Đã lưu điểm tự chấm")
    expect(page.locator("#sheet-total")).to_contain_text("96")
    _logout(page)

    # The head verifies, adjusting one line with a reason, and publishes the ranking.
    login("truongkhoi")
    page.goto("/khoi-thi-dua/KHOI.VHXH/2026/bang-diem/SGDDT/")
    page.get_by_label("Điểm 2 (tối đa 40)").fill("30")
    page.get_by_label("Lý do điều chỉnh 2").fill("Chưa có minh chứng khen thưởng đột xuất")
    page.get_by_role("button", name="Thẩm định").click()
    expect(page.locator(".alert-success")).to_contain_text("Đã thẩm định bảng điểm")
    assert Score.objects.get(unit=sgd, criterion=two).verified_points == Decimal(30)
    page.goto("/khoi-thi-dua/KHOI.VHXH/2026/")
    page.get_by_role("button", name="Công bố xếp hạng").click()
    expect(page.locator("#gy-state")).to_have_text("Đã công bố xếp hạng")
    expect(page.locator("#ranking tbody tr").first).to_contain_text("Sở Y tế")
    expect(page.locator("#ranking")).to_contain_text("88")

    # Members vote for the leading unit; the head hands the result over as a dossier draft.
    gy = GroupYear.objects.get(pk=gy.pk)
    bloc_services.vote_cast(actor=UserFactory(role=Role.UNIT_HEAD, unit=sgd), group_year=gy, voter_unit=sgd, candidate=syt)
    bloc_services.vote_cast(actor=UserFactory(role=Role.UNIT_HEAD, unit=stc), group_year=gy, voter_unit=stc, candidate=syt)
    page.reload()
    page.get_by_role("button", name="Lập hồ sơ đề nghị khen thưởng").click()
    expect(page.locator(".alert-success")).to_contain_text("Đã lập hồ sơ đề nghị khen thưởng")
    expect(page.locator("main")).to_contain_text("Đề nghị khen thưởng các đơn vị Khối Văn hóa – Xã hội năm 2026")
    dossier = GroupYear.objects.get(pk=gy.pk).proposal_dossier
    assert dossier.state == "draft"
    assert set(dossier.lines.values_list("unit__code", "kind__code")) == {("SYT", "CO_TINH"), ("SGDDT", "BK_TINH"), ("STC", "BK_TINH")}

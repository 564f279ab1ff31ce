"""Automated accessibility check (WCAG 2 A and AA) with axe-core on the main pages, for each role.

axe-core comes from package.json (``make test`` runs ``npm ci``). The app's Content-Security-Policy
forbids inline scripts, and Playwright injects a file as an inline script: this module's browser
context bypasses the CSP, for this test only. A violation of impact "serious" or "critical" fails
the test with the rule, the elements and the help text.
"""

import datetime
import importlib
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import timezone

from accounts.enums import Role
from tests.factories.accounts import UserFactory
from tests.factories.campaigns import CampaignFactory
from tests.factories.evidence import AwardFactory, RatingFactory
from tests.factories.org import PersonFactory, UnitFactory
from tests.workflow.helpers import attach_all

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AXE = Path(settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"
BLOCKING = {"serious", "critical"}


@pytest.fixture
def page(chromium, live_server):
    """The package's page, with the CSP bypassed so that axe can be injected."""
    if not AXE.is_file():
        pytest.fail(
            f"axe-core is missing ({AXE}): run `make node` (npm ci --no-audit --no-fund) at the repository root"
        )
    context = chromium.new_context(locale="vi-VN", base_url=live_server.url, bypass_csp=True)
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


def _province(monkeypatch):
    """A unit with nominees, the four roles, a dossier in appraisal, one posted, one at the council."""
    from django.apps import apps

    from awards import eligibility
    from awards.enums import CommendationType
    from awards.models import AwardKind
    from awards.services import council
    from awards.services import workflow as wf

    if not AwardKind.objects.exists():
        importlib.import_module("awards.migrations.0002_load_catalog").load(apps, None)
    root = UnitFactory(code="UBND", name="Ủy ban nhân dân tỉnh")
    ours = UnitFactory(code="SGDDT", name="Sở Giáo dục và Đào tạo", parent=root)
    nominees = [
        PersonFactory(unit=ours, full_name=name, code=f"GV00{i}")
        for i, name in enumerate(("Nguyễn Thị Hòa", "Lê Văn Bình", "Phạm Thu Trang"), start=1)
    ]
    for person in nominees:
        for year in (2025, 2026):
            AwardFactory(person=person, kind="CSTD_CS", year=year)
        for year in (2024, 2025, 2026):
            RatingFactory(person=person, year=year, grade="HTXSNV")
    campaign = CampaignFactory(code="PT2026", name="Phong trào thi đua Dạy tốt – Học tốt năm 2026")
    staff = UserFactory(
        username="canbo", role=Role.STAFF, unit=root, full_name="Trần Thị Hương", is_staff=True
    )
    officer = UserFactory(username="donvi", role=Role.UNIT_OFFICER, unit=ours, full_name="Đỗ Minh Tâm")
    head = UserFactory(username="thutruong", role=Role.UNIT_HEAD, unit=ours)
    members = [
        UserFactory(username=f"hoidong{i}", role=Role.COUNCIL_MEMBER, unit=root, is_council_chair=i == 1)
        for i in range(1, 6)
    ]
    UserFactory(username="lanhdao", role=Role.VIEWER, unit=root, full_name="Vũ Quang Huy")

    def ready(person):
        dossier = wf.dossier_create_draft(
            actor=officer,
            unit=ours,
            year=2026,
            commendation_type=CommendationType.CONG_TRANG,
            title=f"Đề nghị tặng Bằng khen năm 2026 cho {person.full_name}",
            lines=[
                {"subject": person, "kind": "BK_TINH", "achievement_summary": "Giáo viên dạy giỏi cấp tỉnh"}
            ],
        )
        attach_all(officer, dossier)
        wf.dossier_submit(actor=head, dossier=dossier)
        wf.dossier_receive(actor=staff, dossier=dossier, appraiser=staff)
        return dossier

    def appraised(person):
        dossier = ready(person)
        for line in dossier.lines.all():
            wf.line_appraise(actor=staff, line=line, passed=True)
        wf.dossier_finish_appraisal(actor=staff, dossier=dossier)
        return dossier

    # The workflow is not under test here: every nominee passes the rules while the data is made.
    with monkeypatch.context() as m:
        m.setattr(eligibility, "check_caps", lambda **kwargs: [])
        in_appraisal = ready(nominees[0])
        posted = appraised(nominees[1])
        today = timezone.localdate()
        wf.posting_create(
            actor=staff,
            title="Công khai danh sách đề nghị tặng Bằng khen năm 2026",
            start_date=today,
            end_date=today + datetime.timedelta(days=10),
            lines=posted.lines.all(),
        )
        at_council = appraised(nominees[2])
        meeting = council.meeting_create(
            actor=staff,
            title="Phiên họp Hội đồng tháng 12",
            date=today,
            members=members,
            lines=at_council.lines.all(),
        )
        draft = wf.dossier_create_draft(
            actor=officer,
            unit=ours,
            year=2026,
            commendation_type=CommendationType.CONG_TRANG,
            title="Đề nghị tặng Giấy khen năm 2026",
            lines=[],
        )
    return {
        "person": nominees[0],
        "dossier": in_appraisal,
        "meeting": meeting,
        "draft": draft,
        "campaign": campaign,
    }


def _pages(data):
    person, dossier, meeting = data["person"], data["dossier"], data["meeting"]
    return [
        ("Trang chủ", "/"),
        ("Đơn vị", "/to-chuc/don-vi/"),
        ("Cá nhân", "/to-chuc/ca-nhan/"),
        ("Chi tiết cá nhân", f"/to-chuc/ca-nhan/{person.code}/"),
        ("Quá trình khen thưởng", f"/khen-thuong/qua-trinh-khen-thuong/ca-nhan/{person.code}/"),
        ("Phong trào", "/phong-trao/"),
        ("Hồ sơ đề nghị", "/khen-thuong/ho-so/"),
        ("Chi tiết hồ sơ", f"/khen-thuong/ho-so/{dossier.uuid}/"),
        ("Sổ khen thưởng", "/khen-thuong/so-khen-thuong/"),
        ("Điều kiện", "/khen-thuong/dieu-kien/cua-toi/"),
        ("Điều kiện cá nhân", f"/khen-thuong/dieu-kien/ca-nhan/{person.code}/"),
        ("Hội đồng", "/khen-thuong/hoi-dong/"),
        ("Phiên họp", f"/khen-thuong/hoi-dong/{meeting.uuid}/"),
        ("Báo cáo", "/bao-cao/"),
        ("Lập hồ sơ", "/khen-thuong/ho-so/moi/"),
        ("Hồ sơ nháp", f"/khen-thuong/ho-so/{data['draft'].uuid}/"),
        ("Nhập dữ liệu", "/khen-thuong/nhap-du-lieu/"),
        ("Chi tiết phong trào", f"/phong-trao/{data['campaign'].code}/"),
    ]


def _violations(page) -> list[dict]:
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "async () => await axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa']}, resultTypes: ['violations']})"
    )
    return [v for v in result["violations"] if v["impact"] in BLOCKING]


def _describe(where: str, violations: list[dict]) -> list[str]:
    lines = []
    for v in violations:
        targets = "; ".join(
            " ".join(node["target"]) if isinstance(node["target"], list) else str(node["target"])
            for node in v["nodes"][:5]
        )
        summary = " ".join(v["nodes"][0].get("failureSummary", "").split())
        lines.append(
            f"{where}: [{v['impact']}] {v['id']} – {v['help']} ({len(v['nodes'])} phần tử: {targets}) – {summary} {v['helpUrl']}"
        )
    return lines


def _check(page, where: str, found: list[str]) -> None:
    page.wait_for_load_state("networkidle")
    found.extend(_describe(where, _violations(page)))


def test_public_pages_have_no_serious_violations(page, monkeypatch):
    _province(monkeypatch)
    found = []
    for where, url in (("Đăng nhập", "/accounts/login/"), ("Công khai", "/cong-khai/")):
        response = page.goto(url)
        assert response.status == 200, f"{url}: {response.status}"
        _check(page, where, found)
    page.goto("/cong-khai/")
    assert "Lê Văn Bình" in page.content(), "the public page should list the posted nominee"
    assert not found, "axe-core (wcag2a, wcag2aa):\n" + "\n".join(found)


@pytest.mark.parametrize(
    "username, must_reach",
    [
        (
            "canbo",
            {
                "Trang chủ",
                "Đơn vị",
                "Cá nhân",
                "Chi tiết cá nhân",
                "Phong trào",
                "Hồ sơ đề nghị",
                "Chi tiết hồ sơ",
                "Sổ khen thưởng",
                "Điều kiện",
                "Hội đồng",
                "Phiên họp",
                "Báo cáo",
                "Nhập dữ liệu",
                "Chi tiết phong trào",
            },
        ),
        (
            "donvi",
            {
                "Trang chủ",
                "Cá nhân",
                "Chi tiết cá nhân",
                "Hồ sơ đề nghị",
                "Chi tiết hồ sơ",
                "Điều kiện",
                "Lập hồ sơ",
                "Hồ sơ nháp",
            },
        ),
        ("hoidong1", {"Trang chủ", "Hội đồng", "Phiên họp"}),
        ("lanhdao", {"Trang chủ", "Sổ khen thưởng", "Báo cáo"}),
    ],
)
def test_main_pages_have_no_serious_violations(page, login, monkeypatch, username, must_reach):
    data = _province(monkeypatch)
    login(username)
    found, reached = [], set()
    for where, url in _pages(data):
        response = page.goto(url)
        if response.status == 200:
            reached.add(where)
        elif response.status not in (403, 404):  # out of the role's reach: the error page is checked too
            raise AssertionError(f"{where} ({url}): HTTP {response.status}")
        _check(page, f"{username} {where} ({url})", found)
    assert must_reach <= reached, f"{username} could not open {sorted(must_reach - reached)}"
    assert not found, "axe-core (wcag2a, wcag2aa):\n" + "\n".join(found)

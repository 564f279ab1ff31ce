"""Campaign report (build_report campaign): targets, participation and the awards under it."""

from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command

from tests.factories.awards_register import make_award
from tests.factories.campaigns import CampaignFactory, TargetFactory
from tests.factories.org import PersonFactory
from tests.reports.helpers import flat_text, sheet_rows

pytestmark = pytest.mark.django_db


@pytest.fixture
def campaign(province):
    c = CampaignFactory(code="PT2026", name="Thi đua thực hiện thắng lợi nhiệm vụ năm 2026")
    TargetFactory(campaign=c, indicator="Tăng trưởng GRDP", measure="%", target_value=Decimal("9"),
                  actual_value=Decimal("9.2"), achieved=True)
    for i in range(3):
        make_award(kind="BK_TINH", year=2026, person=PersonFactory(unit=province["ours"]), amount=1_170_000, campaign=c)
    make_award(kind="GK", year=2026, person=PersonFactory(unit=province["ours"]), amount=350_000)  # not in the campaign
    return c


def test_campaign_pdf_and_xlsx(campaign, tmp_path):
    call_command("build_report", "campaign", "--campaign", "PT2026", "--format", "pdf", "--output", str(tmp_path / "c.pdf"))
    call_command("build_report", "campaign", "--campaign", "PT2026", "--format", "xlsx", "--output", str(tmp_path / "c.xlsx"))
    text = flat_text((tmp_path / "c.pdf").read_bytes(), tmp_path)
    assert "Thi đua thực hiện thắng lợi nhiệm vụ năm 2026" in text
    assert "Tăng trưởng GRDP" in text and "Số chỉ tiêu đạt: 1/1" in text
    assert "Tổng cộng 3 lượt khen thưởng" in text and "3.510.000" in text
    rows = sheet_rows((tmp_path / "c.xlsx").read_bytes(), "Khen thưởng")
    assert rows[1][0] == "BK_TINH" and rows[1][5] == 3 and len(rows) == 2


def test_unknown_campaign_is_a_clear_error(db, tmp_path):
    with pytest.raises(CommandError, match="Không có phong trào mã"):
        call_command("build_report", "campaign", "--campaign", "KHONGCO", "--output", str(tmp_path / "x.pdf"))

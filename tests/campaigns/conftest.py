import pytest

from awards.models import AwardKind
from campaigns import services
from tests.factories.campaigns import CampaignFactory, TargetFactory


@pytest.fixture
def kinds(db):
    return {k.code: k for k in AwardKind.objects.filter(code__in=["TTLDXS", "TTLDTT", "CSTD_CS", "LDTT", "BK_TINH", "CO_TINH"])}


@pytest.fixture
def campaign(province):
    c = CampaignFactory(code="PT2026", name="Phong trào thi đua năm 2026")
    TargetFactory(campaign=c, indicator="Tốc độ tăng GRDP", measure="%", target_value="9")
    TargetFactory(campaign=c, indicator="Tỷ lệ hộ nghèo giảm", measure="%", target_value="3.8")
    return c


@pytest.fixture
def launched(campaign, staff):
    return services.campaign_launch(actor=staff, campaign=campaign)

import datetime
from decimal import Decimal

import factory

from campaigns.enums import CampaignKind
from campaigns.models import Campaign, Target


class CampaignFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Campaign
        skip_postgeneration_save = True

    code = factory.Sequence(lambda n: f"PT{n:03d}")
    name = factory.Sequence(lambda n: f"Phong trào thi đua số {n}")
    theme = "Đoàn kết, kỷ cương, sáng tạo"
    kind = CampaignKind.REGULAR
    year = 2026
    directive_number = "477/CT-UBND"
    directive_date = datetime.date(2026, 2, 7)
    directive_signer = "Chủ tịch UBND tỉnh"
    start_date = datetime.date(2026, 2, 7)
    end_date = datetime.date(2026, 12, 31)


class TargetFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Target

    campaign = factory.SubFactory(CampaignFactory)
    order = factory.Sequence(lambda n: n + 1)
    indicator = factory.Sequence(lambda n: f"Chỉ tiêu {n}")
    measure = "%"
    target_value = Decimal("9")

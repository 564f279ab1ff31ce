from django.db import models
from django.utils.translation import gettext_lazy as _


class CampaignKind(models.TextChoices):
    REGULAR = "regular", _("Thường xuyên (hằng năm)")
    THEMATIC = "thematic", _("Theo chuyên đề")
    SPECIAL = "special", _("Đặc biệt")


class CampaignScope(models.TextChoices):
    PROVINCE = "province", _("Toàn tỉnh")
    BLOC = "bloc", _("Khối, cụm thi đua")
    UNIT = "unit", _("Đơn vị")


class CampaignState(models.TextChoices):
    DRAFT = "draft", _("Dự thảo")
    LAUNCHED = "launched", _("Đã phát động")
    MIDTERM_REVIEWED = "midterm_reviewed", _("Đã sơ kết")
    CLOSED = "closed", _("Đã tổng kết")


# Allowed lifecycle steps: state -> states it may move to.
CAMPAIGN_TRANSITIONS = {
    CampaignState.DRAFT: {CampaignState.LAUNCHED},
    CampaignState.LAUNCHED: {CampaignState.MIDTERM_REVIEWED, CampaignState.CLOSED},
    CampaignState.MIDTERM_REVIEWED: {CampaignState.CLOSED},
    CampaignState.CLOSED: set(),
}


class Participation(models.TextChoices):
    """Which units take part: every unit directly under the province, a list, or by unit kind."""

    ALL = "all", _("Tất cả đơn vị trực thuộc tỉnh")
    LIST = "list", _("Danh sách đơn vị")
    KINDS = "kinds", _("Theo loại đơn vị")


class ReviewKind(models.TextChoices):
    MIDTERM = "midterm", _("Sơ kết")
    FINAL = "final", _("Tổng kết")

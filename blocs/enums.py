from django.db import models
from django.utils.translation import gettext_lazy as _


class GroupKind(models.TextChoices):
    BLOC = "bloc", _("Khối thi đua")
    CLUSTER = "cluster", _("Cụm thi đua")


class GroupYearState(models.TextChoices):
    SETUP = "setup", _("Chuẩn bị (giao ước, tiêu chí)")
    SCORING = "scoring", _("Đang chấm điểm")
    PUBLISHED = "published", _("Đã công bố xếp hạng")
    PROPOSED = "proposed", _("Đã lập hồ sơ đề nghị")


# Allowed steps: state -> states it may move to.
GROUP_YEAR_TRANSITIONS = {
    GroupYearState.SETUP: {GroupYearState.SCORING},
    GroupYearState.SCORING: {GroupYearState.PUBLISHED},
    GroupYearState.PUBLISHED: {GroupYearState.PROPOSED},
    GroupYearState.PROPOSED: set(),
}


class CriterionKind(models.TextChoices):
    REGULAR = "regular", _("Tiêu chí")
    BONUS = "bonus", _("Điểm thưởng")
    PENALTY = "penalty", _("Điểm trừ")


class TieRule(models.TextChoices):
    PENALTIES_THEN_FIRST = "penalties_then_first", _(
        "Bằng điểm: ít mục điểm trừ hơn xếp trên, rồi điểm tiêu chí thứ nhất cao hơn; vẫn bằng thì đồng hạng"
    )
    SHARED = "shared", _("Bằng điểm thì đồng hạng")


class LeaderRole(models.TextChoices):
    HEAD = "head", _("Trưởng khối")
    DEPUTY = "deputy", _("Phó khối")

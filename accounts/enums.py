from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    STAFF = "staff", _("Cán bộ Sở Nội vụ")
    UNIT_OFFICER = "unit_officer", _("Cán bộ thi đua đơn vị")
    UNIT_HEAD = "unit_head", _("Thủ trưởng đơn vị")
    COUNCIL_MEMBER = "council_member", _("Thành viên Hội đồng TĐKT")
    VIEWER = "viewer", _("Lãnh đạo (chỉ xem)")


UNIT_ROLES = {Role.UNIT_OFFICER, Role.UNIT_HEAD}

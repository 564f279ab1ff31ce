from django.db import models
from django.utils.translation import gettext_lazy as _


class UnitKind(models.TextChoices):
    """Kinds of unit (CONTRACTS §4, import codes)."""

    SO_NGANH = "so_nganh", _("Sở, ban, ngành")
    DOAN_THE = "doan_the", _("Đoàn thể")
    XA_PHUONG = "xa_phuong", _("Xã, phường, đặc khu")
    DOANH_NGHIEP = "doanh_nghiep", _("Doanh nghiệp")
    TRUONG_HOC = "truong_hoc", _("Trường học")
    Y_TE = "y_te", _("Đơn vị y tế")
    PHONG_BAN = "phong_ban", _("Phòng, ban, đơn vị trực thuộc")
    THON_TO = "thon_to", _("Thôn, tổ dân phố")
    KHAC = "khac", _("Khác")


# Collectives counted as "small" in the province's statistics (CONTRACTS §7).
SMALL_COLLECTIVE_KINDS = {UnitKind.PHONG_BAN, UnitKind.THON_TO}


class Gender(models.TextChoices):
    NAM = "nam", _("Nam")
    NU = "nu", _("Nữ")


MAJORITY_ETHNICITY = "Kinh"

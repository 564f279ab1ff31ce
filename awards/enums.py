from django.db import models
from django.utils.translation import gettext_lazy as _


class SubjectType(models.TextChoices):
    INDIVIDUAL = "individual", _("Cá nhân")
    COLLECTIVE = "collective", _("Tập thể")
    HOUSEHOLD = "household", _("Hộ gia đình")


# Codes used in import files (CONTRACTS §4).
SUBJECT_IMPORT_CODES = {
    "ca_nhan": SubjectType.INDIVIDUAL,
    "tap_the": SubjectType.COLLECTIVE,
    "ho_gia_dinh": SubjectType.HOUSEHOLD,
}
SUBJECT_EXPORT_CODES = {v: k for k, v in SUBJECT_IMPORT_CODES.items()}


class Category(models.TextChoices):
    TITLE = "title", _("Danh hiệu thi đua")
    FORM = "form", _("Hình thức khen thưởng")


class Level(models.TextChoices):
    STATE = "state", _("Cấp Nhà nước")
    PROVINCE = "province", _("Cấp tỉnh")
    GRASSROOTS = "grassroots", _("Cấp cơ sở")


class CommendationType(models.TextChoices):
    """Law Art 10 kinds of commendation; codes as in import files."""

    CONG_TRANG = "cong_trang", _("Khen thưởng theo công trạng và thành tích")
    DOT_XUAT = "dot_xuat", _("Khen thưởng đột xuất")
    CHUYEN_DE = "chuyen_de", _("Khen thưởng theo chuyên đề")
    CONG_HIEN = "cong_hien", _("Khen thưởng quá trình cống hiến")
    NIEN_HAN = "nien_han", _("Khen thưởng theo niên hạn")
    DOI_NGOAI = "doi_ngoai", _("Khen thưởng đối ngoại")


# Types that do not depend on multi-year history: checked for duplicates and documents only.
HISTORY_FREE_TYPES = {CommendationType.DOT_XUAT, CommendationType.CHUYEN_DE}


class Grade(models.TextChoices):
    """Yearly task rating (xếp loại), best first."""

    HTXSNV = "HTXSNV", _("Hoàn thành xuất sắc nhiệm vụ")
    HTTNV = "HTTNV", _("Hoàn thành tốt nhiệm vụ")
    HTNV = "HTNV", _("Hoàn thành nhiệm vụ")
    KHTNV = "KHTNV", _("Không hoàn thành nhiệm vụ")


GOOD_OR_BETTER = {Grade.HTXSNV, Grade.HTTNV}


class InitiativeScope(models.TextChoices):
    CO_SO = "co_so", _("Cấp cơ sở")
    TINH = "tinh", _("Cấp tỉnh")
    TOAN_QUOC = "toan_quoc", _("Toàn quốc")


SCOPE_RANK = {InitiativeScope.CO_SO: 1, InitiativeScope.TINH: 2, InitiativeScope.TOAN_QUOC: 3}


class DisciplineForm(models.TextChoices):
    """Disciplinary forms, lightest first, and the pending hold."""

    KHIEN_TRACH = "khien_trach", _("Khiển trách")
    CANH_CAO = "canh_cao", _("Cảnh cáo")
    HA_BAC_LUONG = "ha_bac_luong", _("Hạ bậc lương")
    GIANG_CHUC = "giang_chuc", _("Giáng chức")
    CACH_CHUC = "cach_chuc", _("Cách chức")
    BUOC_THOI_VIEC = "buoc_thoi_viec", _("Buộc thôi việc")
    DANG_XEM_XET = "dang_xem_xet", _("Đang xem xét, thanh tra, điều tra, khiếu nại")


DISCIPLINE_SEVERITY = {
    DisciplineForm.KHIEN_TRACH: 1,
    DisciplineForm.CANH_CAO: 2,
    DisciplineForm.HA_BAC_LUONG: 3,
    DisciplineForm.GIANG_CHUC: 4,
    DisciplineForm.CACH_CHUC: 5,
    DisciplineForm.BUOC_THOI_VIEC: 6,
}


class AwardStatus(models.TextChoices):
    IN_FORCE = "in_force", _("Còn hiệu lực")
    REVOKED = "revoked", _("Đã hủy bỏ")
